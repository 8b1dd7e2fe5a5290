// A mixed capture for the filter compiler's proof, made in two namespaces of
// the test's own (a: 10.0.0.1, fd00::1, fe80::1; b: 10.0.0.2, fd00::2,
// fe80::2; joined by a veth pair): ARP, ICMP and ICMPv6 echo, neighbour discovery and MLD, TCP
// with data over IPv4 and IPv6, UDP to several ports (and the ICMP errors
// they draw), IPv4 and IPv6 fragments, a broadcast and a multicast datagram.
// tcpdump writes it (EN10MB on the veth, LINUX_SLL2 on "any") and reads it
// back: the frames are what `tcpdump -r -xx` prints, so nothing of ours
// stands between the file and the comparison.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PcapWriter, type BpfInstruction } from '../lib';
import { makeTopology, type Topology } from './topology';

/** One captured frame: its timestamp as tcpdump prints it (`-tt`) and its bytes. */
export interface CapturedFrame {
  time: string;
  bytes: Buffer;
}

/** A capture made for the tests, and where its files are. */
export interface Capture {
  /** EN10MB capture on host a's veth. */
  ethernetFile: string;
  /** LINUX_SLL2 capture on host a's "any". */
  cookedFile: string;
  /** The MAC addresses of host a's and host b's veth ends. */
  macA: string;
  macB: string;
  directory: string;
  destroy(): void;
}

// Host b: echo servers for TCP over IPv4 (port 80) and IPv6 (port 8080).
const SERVER = `
  const net = require('node:net');
  let served = 0;
  for (const [host, port] of [['10.0.0.2', 80], ['fd00::2', 8080]]) {
    net.createServer((c) => {
      c.on('data', (d) => c.write(d));
      c.on('end', () => { c.end(); if (++served === 2) setTimeout(() => process.exit(0), 200); });
    }).listen(port, host, () => console.log('listening'));
  }
  setTimeout(() => process.exit(1), 15000);
`;

// Host a: the traffic.
const CLIENT = `
  const { execFileSync } = require('node:child_process');
  const net = require('node:net');
  const dgram = require('node:dgram');
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const exchange = (host, port, text) => new Promise((resolve, reject) => {
    const s = net.connect({ host, port }, () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d; if (got.length >= text.length) s.end(); });
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
  (async () => {
    execFileSync('ping', ['-c', '2', '-i', '0.2', '-W', '1', '10.0.0.2']);
    execFileSync('ping', ['-6', '-c', '2', '-i', '0.2', '-W', '1', 'fd00::2']);
    execFileSync('ping', ['-6', '-c', '1', '-W', '1', 'fe80::2%v0a']);
    const text = 'GET / HTTP/1.0\\r\\nHost: b\\r\\n\\r\\n' + 'x'.repeat(200);
    if (await exchange('10.0.0.2', 80, text) !== text) throw new Error('TCP echo over IPv4');
    if (await exchange('fd00::2', 8080, text) !== text) throw new Error('TCP echo over IPv6');
    // 3000 bytes: fragments, whose later ones hold 27 0f (9999) where a port would be.
    const fragmented = Buffer.alloc(3000, Buffer.from([0x27, 0x0f]));
    const u4 = dgram.createSocket('udp4');
    await new Promise((r) => u4.bind(0, '10.0.0.1', r));
    u4.setBroadcast(true);
    u4.setMulticastInterface('10.0.0.1');
    for (const port of [53, 123, 1005, 5353]) { u4.send('query ' + port, port, '10.0.0.2'); await pause(30); }
    u4.send('to everyone', 9, '255.255.255.255');
    u4.send('to a group', 5353, '224.0.0.251');
    u4.send(fragmented, 9999, '10.0.0.2');
    const u6 = dgram.createSocket('udp6');
    await new Promise((r) => u6.bind(0, 'fd00::1', r));
    for (const port of [53, 1000, 5353]) { u6.send('query ' + port, port, 'fd00::2'); await pause(30); }
    u6.send(fragmented, 9999, 'fd00::2');
    await pause(300);
    u4.close(); u6.close();
  })().catch((e) => { console.error(e); process.exit(1); });
`;

function macOf(topology: Topology, host: string, ifname: string): string {
  return spawnSync('ip', ['netns', 'exec', topology.ns(host), 'cat', `/sys/class/net/${ifname}/address`],
    { encoding: 'utf8' }).stdout.trim();
}

// Starts a tcpdump writing a file in host a's namespace; resolves once it
// listens. Immediate mode: otherwise the TPACKET_V3 block still open when
// tcpdump is stopped, up to a second of traffic, never reaches the file.
function startTcpdump(topology: Topology, args: string[]): Promise<{ stop(): Promise<void> }> {
  const child = spawn('ip', ['netns', 'exec', topology.ns('a'), 'tcpdump', '--immediate-mode', '-U', '-n', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tcpdump did not start: ${stderr}`)), 5000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (stderr.includes('listening on')) {
        clearTimeout(timer);
        resolve({ stop: async () => { child.kill('SIGINT'); await exited; } });
      }
    });
  });
}

/** Makes the capture: namespaces, tcpdump on both link types, the traffic; the namespaces are gone after. */
export async function makeCapture(): Promise<Capture> {
  const directory = mkdtempSync(join(tmpdir(), 'bsd-socket-filter-'));
  const topology = makeTopology(['a', 'b'],
    // Link-local addresses of their own, without DAD: the ones the kernel
    // makes are tentative for a second, and their neighbour discovery and MLD
    // may all be over before tcpdump starts (it was, in a CI run).
    [['a', '10.0.0.1/24,fd00::1/64,fe80::1/64', 'b', '10.0.0.2/24,fd00::2/64,fe80::2/64']]);
  try {
    const capture: Capture = {
      ethernetFile: join(directory, 'en10mb.pcap'),
      cookedFile: join(directory, 'sll2.pcap'),
      macA: macOf(topology, 'a', 'v0a'),
      macB: macOf(topology, 'b', 'v0b'),
      directory,
      destroy: () => rmSync(directory, { recursive: true, force: true }),
    };
    const ethernet = await startTcpdump(topology, ['-i', 'v0a', '-w', capture.ethernetFile]);
    const cooked = await startTcpdump(topology, ['-i', 'any', '-y', 'LINUX_SLL2', '-w', capture.cookedFile]);
    const server = spawn('ip', ['netns', 'exec', topology.ns('b'), process.execPath, '-e', SERVER],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const serverDone = new Promise<number | null>((resolve) => server.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.split('listening').length === 3) resolve();
      });
      server.on('close', () => reject(new Error('the server exited before listening')));
    });
    const client = await topology.run('a', CLIENT, 20000);
    if (client.code !== 0) throw new Error(`the traffic failed: ${client.stderr}`);
    if (await serverDone !== 0) throw new Error('the server did not serve both connections');
    await new Promise((r) => setTimeout(r, 300));
    await ethernet.stop();
    await cooked.stop();
    return capture;
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  } finally {
    topology.destroy();
  }
}

/**
 * The frames of a capture file that tcpdump prints (`-r file -tt -xx
 * [expression]`): all of them, or those the expression selects; null if
 * tcpdump refuses the expression.
 */
export function readWithTcpdump(file: string, expression?: string): CapturedFrame[] | null {
  const result = spawnSync('tcpdump', ['-r', file, '-n', '-tt', '-xx', ...(expression === undefined ? [] : [expression])],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) return null;
  const frames: CapturedFrame[] = [];
  let hex: string[] = [];
  let time = '';
  const finish = (): void => {
    if (time !== '') frames.push({ time, bytes: Buffer.from(hex.join(''), 'hex') });
  };
  for (const line of result.stdout.split('\n')) {
    const start = /^(\d+\.\d{6}) /.exec(line);
    const data = /^\s+0x[0-9a-f]{4}:\s+((?:[0-9a-f]{2,4} ?)+)/.exec(line);
    if (start !== null) {
      finish();
      time = start[1];
      hex = [];
    } else if (data !== null) {
      hex.push(data[1].replace(/ /g, ''));
    }
  }
  finish();
  return frames;
}

/** The indices in `all` of `selected`, a subsequence of it (as `tcpdump -r file expr` prints a subsequence). */
export function indicesOf(all: CapturedFrame[], selected: CapturedFrame[]): number[] {
  const indices: number[] = [];
  let at = 0;
  for (const frame of selected) {
    while (at < all.length && !(all[at].time === frame.time && all[at].bytes.equals(frame.bytes))) at++;
    if (at === all.length) throw new Error(`tcpdump printed a frame that is not in the capture (${frame.time})`);
    indices.push(at++);
  }
  return indices;
}

/**
 * Writes frames as a classic pcap file of `linkType` (microsecond
 * timestamps), for the link types no interface here captures with (RAW).
 */
export function writePcap(path: string, linkType: number, frames: CapturedFrame[]): void {
  const writer = PcapWriter.open(path, { linkType, snaplen: 262144 });
  for (const { time, bytes } of frames) {
    const [sec, micros] = time.split('.').map(Number);
    writer.write(bytes, { sec, nsec: micros * 1000 });
  }
  writer.close();
}

let emptyFiles: string | undefined;
const compiledByTcpdump = new Map<string, { program: BpfInstruction[] } | { error: string }>();

/**
 * tcpdump's own program for an expression on `linkType` (`tcpdump -dd`, as
 * it compiles for a file of that link type), or its error message.
 */
export function tcpdumpProgram(expression: string, linkType: number): { program: BpfInstruction[] } | { error: string } {
  const key = `${linkType} ${expression}`;
  const known = compiledByTcpdump.get(key);
  if (known !== undefined) return known;
  emptyFiles ??= mkdtempSync(join(tmpdir(), 'bsd-socket-dlt-'));
  const file = join(emptyFiles, `${linkType}.pcap`);
  if (!existsSync(file)) writePcap(file, linkType, []);
  const result = spawnSync('tcpdump', ['-dd', '-r', file, expression], { encoding: 'utf8' });
  const compiled = result.status !== 0
    ? { error: result.stderr.split('\n').filter((l) => l.startsWith('tcpdump: ')).join(' ') }
    : { program: [...result.stdout.matchAll(/\{ (0x[0-9a-f]+), (\d+), (\d+), (0x[0-9a-f]+) \}/g)]
      .map((m) => ({ code: Number(m[1]), jt: Number(m[2]), jf: Number(m[3]), k: Number(m[4]) })) };
  compiledByTcpdump.set(key, compiled);
  return compiled;
}

/** Removes the files tcpdumpProgram made. */
export function removeTcpdumpFiles(): void {
  if (emptyFiles !== undefined) rmSync(emptyFiles, { recursive: true, force: true });
  emptyFiles = undefined;
}
