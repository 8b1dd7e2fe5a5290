// PacketPrinter against tcpdump 4.99 itself: every record of a capture file
// must print here exactly as `tcpdump -r file -n` prints it (and with -x,
// -xx, -e, -S, --nano), in UTC and in a zone with a minutes offset.
// Captures come from real traffic in namespaces the test makes, and from
// frames built by hand for every protocol and option the printer decodes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LINKTYPE, PacketPrinter, type PacketPrinterOptions, PcapWriter } from '../lib';
import { runChild, sleep } from './helpers';
import { craftedFrames, ethernet, ipv4, overIpv4, tcp } from './packet_frames';
import { makeTopology, type Topology } from './topology';

const ZONES = ['UTC', 'Asia/Kathmandu'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'packet-print-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Splits printed text into records: a line, with the "\t" lines (hex dumps) after it. */
function records(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('\t') && out.length > 0) out[out.length - 1] += `\n${line}`;
    else if (line !== '') out.push(line);
  }
  return out;
}

/** tcpdump's records for `file`, read with -n and `flags`, in time zone `zone`. */
function tcpdumpRecords(file: string, flags: string[], zone: string): string[] {
  return records(execFileSync('tcpdump', ['-r', file, '-n', ...flags], {
    env: { ...process.env, TZ: zone }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26,
  }).toString());
}

/**
 * Our records for `file`, the printer made with `options`, in time zone
 * `zone`: printed by a child process (the compiled package), whose TZ is
 * set from its start (a jest worker's process.env does not reach the C library).
 */
async function ourRecords(file: string, options: Omit<PacketPrinterOptions, 'linkType'>, zone: string): Promise<string[]> {
  const child = await runChild(`
    const reader = lib.PcapReader.open(${JSON.stringify(file)});
    const printer = new lib.PacketPrinter({ linkType: reader.header.linkType, ...${JSON.stringify(options)} });
    const out = [];
    for (const r of reader) out.push(printer.format(r.data, { sec: r.sec, nsec: r.nsec }, r.originalLength));
    process.stdout.write(out.join('\\n') + '\\n');
  `, { env: { TZ: zone }, timeoutMs: 20000 });
  expect(child.stderr).toBe('');
  expect(child.code).toBe(0);
  return records(child.stdout);
}

/** The tcpdump flags that mean `options`. */
function flagsOf(options: Omit<PacketPrinterOptions, 'linkType'>): string[] {
  const flags: string[] = [];
  if (options.hex === 'x') flags.push('-x');
  if (options.hex === 'xx') flags.push('-xx');
  if (options.showLinkHeader) flags.push('-e');
  if (options.relativeSequence === false) flags.push('-S');
  if (options.timestampPrecision === 'nano') flags.push('--nano');
  return flags;
}

/**
 * Compares every record of `file` printed both ways, in both zones; the
 * records at `exceptions` (index → why) must differ, and their differences
 * are checked by the caller.
 */
async function expectSameAsTcpdump(file: string, options: Omit<PacketPrinterOptions, 'linkType'>,
  exceptions = new Set<number>()): Promise<{ ours: string[]; theirs: string[] }> {
  let last = { ours: [] as string[], theirs: [] as string[] };
  for (const zone of ZONES) {
    const theirs = tcpdumpRecords(file, flagsOf(options), zone);
    const ours = await ourRecords(file, options, zone);
    expect(ours.length).toBe(theirs.length);
    expect(theirs.length).toBeGreaterThan(0);
    const differing = ours.map((line, i) => (line === theirs[i] ? -1 : i)).filter((i) => i >= 0 && !exceptions.has(i));
    // On a failure, show the records themselves.
    expect(differing.map((i) => ({ record: i, ours: ours[i], tcpdump: theirs[i] }))).toEqual([]);
    last = { ours, theirs };
  }
  return last;
}

/** A classic pcap file of `records` ([captured bytes, original length, seconds]), whatever their lengths say. */
function writeRawPcap(file: string, linkType: number, records: Array<[Buffer, number, number]>): void {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(262144, 16);
  header.writeUInt32LE(linkType, 20);
  const parts: Uint8Array[] = [header];
  for (const [data, length, sec] of records) {
    const h = Buffer.alloc(16);
    h.writeUInt32LE(sec, 0);
    h.writeUInt32LE((sec * 7919) % 1_000_000, 4);
    h.writeUInt32LE(data.length, 8);
    h.writeUInt32LE(length, 12);
    parts.push(h, data);
  }
  writeFileSync(file, Buffer.concat(parts));
}

describe('hand-built frames of every decoded kind', () => {
  const frames = craftedFrames();
  // Deliberate differences: protocols tcpdump decodes and this printer does not.
  const EXCEPTIONS = new Map<string, [string, string]>([
    // tcpdump decodes telnet's option negotiation on port 23; here the line ends at the length.
    ['telnet (not decoded)', ['length 3', 'length 3 [telnet DO TERMINAL TYPE]']],
    // tcpdump decodes LLDP; here it is an EtherType without a printer, dumped in hex.
    ['lldp (not decoded)', ['ethertype LLDP (0x88cc), length 34: ', 'LLDP']],
    // tcpdump decodes spanning tree BPDUs; here they print as an LLC frame of unknown payload.
    ['stp (not decoded)', ['Unnumbered, ui, Flags [Command], length 20', 'STP']],
    // tcpdump decodes Cisco's CDP; here it is a SNAP header with a hex dump.
    ['cdp (not decoded)', ['pid CDP (0x2000), length 12: ', 'CDPv']],
  ]);
  const exceptionIndexes = new Set(frames.map(([name], i) => (EXCEPTIONS.has(name) ? i : -1)).filter((i) => i >= 0));
  let file: string;

  beforeAll(() => {
    file = join(dir, 'crafted.pcap');
    using writer = PcapWriter.open(file, { linkType: LINKTYPE.EN10MB });
    frames.forEach(([, frame], i) => writer.write(frame, { sec: 1_700_000_000 + i * 997, nsec: i * 1_234_567 }));
  });

  for (const options of [{}, { hex: 'x' as const }, { hex: 'xx' as const }, { showLinkHeader: true }]) {
    it(`print as tcpdump -n ${flagsOf(options).join(' ')}`, async () => {
      const { ours, theirs } = await expectSameAsTcpdump(file, options, exceptionIndexes);
      for (const i of exceptionIndexes) {
        const [oursHas, theirsHas] = EXCEPTIONS.get(frames[i][0])!;
        expect(ours[i]).not.toBe(theirs[i]);
        expect(ours[i]).toContain(oursHas);
        expect(theirs[i]).toContain(theirsHas);
      }
    });
  }

  it('print their IP packets as tcpdump reads a LINKTYPE_RAW file', async () => {
    const raw = join(dir, 'raw.pcap');
    const ip = frames.filter(([name, frame]) => !EXCEPTIONS.has(name) && [0x0800, 0x86dd].includes(frame.readUInt16BE(12)));
    {
      using writer = PcapWriter.open(raw, { linkType: LINKTYPE.RAW });
      ip.forEach(([, frame], i) => writer.write(frame.subarray(14), { sec: 1_600_000_000 + i, nsec: 0 }));
    }
    await expectSameAsTcpdump(raw, {});
    await expectSameAsTcpdump(raw, { hex: 'x' });
  });

  it('print frames cut short at every length as tcpdump does ([|proto], truncated-ip, ...)', async () => {
    const cut = join(dir, 'cut.pcap');
    {
      using writer = PcapWriter.open(cut, { linkType: LINKTYPE.EN10MB });
      let sec = 1_650_000_000;
      for (const [name, frame] of frames) {
        if (EXCEPTIONS.has(name)) continue;
        for (let length = 1; length < frame.length; length += 3) writer.write(frame.subarray(0, length), { sec: sec++, nsec: 0 }, frame.length);
      }
    }
    await expectSameAsTcpdump(cut, {});
    await expectSameAsTcpdump(cut, { hex: 'x' });
  });
});

/**
 * What tcpdump decodes and this printer does not (the README lists them): a
 * mutated frame that reaches one of these prints differently, and tcpdump's
 * line names it.
 */
const NOT_DECODED = new RegExp(`\\b(?:${['igrp', 'gre', 'egp', 'sctp', 'dccp', 'ospf', 'pim', 'vrrp', 'rsvp', 'pgm',
  'eigrp', 'mobil', 'carp', 'mpcp', 'loopback', 'ipx', 'tftp', 'stp', 'cdp', 'lldp', 'telnet', 'bgp', 'osi', 'dhcp',
  'domain', 'cfm', 'ptp', 'ntp', 'isakmp', 'syslog', 'snmp', 'rip', 'bootp', 'kerberos', 'v3$',
  'length \\d+ < 34'].join('|')})`, 'i');

describe('hand-built frames, mutated (a fixed seed), against tcpdump', () => {
  it.each([[LINKTYPE.EN10MB, 3000], [LINKTYPE.LINUX_SLL2, 800], [LINKTYPE.RAW, 800]])(
    'link type %d: %d frames print as tcpdump prints them, or reach a decoder it has and this printer has not',
    async (linkType, count) => {
      let state = 0x9e3779b9 ^ linkType;
      const next = (): number => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 2 ** 32;
      };
      const pick = (n: number): number => Math.floor(next() * n);
      const relink = (frame: Buffer): Buffer => {
        if (linkType === LINKTYPE.RAW) return frame.subarray(14);
        if (linkType === LINKTYPE.EN10MB) return frame;
        const header = Buffer.alloc(20);
        frame.copy(header, 0, 12, 14);
        header.writeUInt32BE(1, 4);
        header.writeUInt16BE(1, 8);
        header[10] = pick(6);
        header[11] = 6;
        frame.copy(header, 12, 6, 12);
        return Buffer.concat([header, frame.subarray(14)]);
      };
      const seeds = craftedFrames().map(([, frame]) => frame)
        .filter((frame) => linkType !== LINKTYPE.RAW || [0x0800, 0x86dd].includes(frame.readUInt16BE(12))).map(relink);
      const frames: Array<[Buffer, number, number]> = [];
      for (let i = 0; i < count; i++) {
        let data = Buffer.from(seeds[pick(seeds.length)]);
        for (let changes = 1 + pick(4); changes > 0 && data.length > 0; changes--) {
          data[pick(Math.min(data.length, 80))] = next() < 0.3 ? [0, 1, 2, 4, 6, 17, 41, 44, 58, 0x80, 0xff][pick(11)] : pick(256);
        }
        if (next() < 0.15) data = data.subarray(0, pick(data.length + 1));
        const length = next() < 0.1 ? data.length + pick(100) : next() < 0.03 ? pick(data.length + 1) : data.length;
        frames.push([data, length, 1_700_000_000 + i]);
      }
      const file = join(dir, `mutated-${linkType}.pcap`);
      writeRawPcap(file, linkType, frames);
      const interfaceName = (index: number): string | undefined => (index === 1 ? 'lo' : undefined);
      const theirs = tcpdumpRecords(file, ['-x'], 'UTC');
      const ours = await ourRecords(file, { hex: 'x', ...(linkType === LINKTYPE.LINUX_SLL2 ? {} : { interfaceName }) }, 'UTC');
      expect(ours.length).toBe(theirs.length);
      const excused = ours.filter((line, i) => line !== theirs[i] && NOT_DECODED.test(theirs[i].split('\n')[0]));
      const differing = ours.map((line, i) => ({ record: i, ours: line, tcpdump: theirs[i] }))
        .filter(({ ours: line, tcpdump }) => line !== tcpdump && !NOT_DECODED.test(tcpdump.split('\n')[0]));
      expect(differing).toEqual([]);
      // Most frames must be compared, not excused.
      expect(excused.length).toBeLessThan(count / 10);
    }, 60000);
});

describe('records that tcpdump calls invalid, and timestamps', () => {
  it('print "[Invalid header: ...]" for a record with no bytes or with len < caplen', async () => {
    const frame = overIpv4(17, Buffer.from([0, 1, 0, 2, 0, 8, 0, 0]));
    const file = join(dir, 'invalid.pcap');
    // PcapWriter refuses such records: the file is written by hand.
    writeRawPcap(file, LINKTYPE.EN10MB, [[Buffer.alloc(0), 0, 1], [Buffer.alloc(0), 60, 2], [frame, 10, 3],
      [frame, frame.length, 0x80000000], [frame, frame.length, 0xffffffff]]);
    const { ours } = await expectSameAsTcpdump(file, {});
    expect(ours.slice(0, 3)).toEqual(['[Invalid header: caplen==0, len==0]', '[Invalid header: caplen==0]',
      `[Invalid header: len(10) < caplen(${frame.length})]`]);
    expect(ours[3]).toMatch(/^\[Error converting time\] IP /);
  });

  it('print nanoseconds with timestampPrecision nano, as tcpdump --nano', async () => {
    const file = join(dir, 'nano.pcap');
    {
      using writer = PcapWriter.open(file, { linkType: LINKTYPE.EN10MB, precision: 'nano' });
      writer.write(overIpv4(17, Buffer.from([0, 1, 0, 2, 0, 8, 0, 0])), { sec: 1_700_000_000, nsec: 123_456_789 });
      writer.write(overIpv4(17, Buffer.from([0, 1, 0, 2, 0, 8, 0, 0])), { sec: 1_700_000_001, nsec: 7 });
    }
    const { ours } = await expectSameAsTcpdump(file, { timestampPrecision: 'nano' });
    expect(ours[0]).toMatch(/^\d\d:\d\d:\d\d\.123456789 IP /);
    await expectSameAsTcpdump(file, {});
  });
});

/**
 * The environment of the tools the test runs: without the sanitizer runtime
 * npm run test:asan preloads into Node (under it, tcpdump stopped capturing
 * a quarter of a second in and ignored SIGINT).
 */
function toolEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.LD_PRELOAD;
  return env;
}

/**
 * Runs tcpdump in namespace `ns` with `args` until `stop()`; resolves once it
 * listens. Immediate mode: otherwise the TPACKET_V3 block still open when
 * tcpdump is stopped, up to a second of traffic, never reaches the file (the
 * lo capture, whose only traffic comes last, was empty in a loaded run, and
 * under the ASan preload every capture ended early).
 */
async function startTcpdump(ns: string, args: string[]): Promise<() => Promise<void>> {
  const child = spawn('ip', ['netns', 'exec', ns, 'tcpdump', '--immediate-mode', '-U', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'], env: toolEnv() });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tcpdump did not start: ${stderr}`)), 10000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (stderr.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`tcpdump exited: ${stderr}`)));
  });
  return async () => {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exited;
  };
}

/** Waits (at most 10 s) until namespace `ns` has sockets listening on `wanted` ("tcp:5001", "udp:5555"). */
async function waitForListeners(ns: string, wanted: string[]): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const table = execFileSync('ip', ['netns', 'exec', ns, 'ss', '-Hlntu'], { encoding: 'utf8' });
    const listening = table.split('\n').map((line) => line.split(/\s+/)).map((f) => `${f[0]}:${f[4]?.replace(/.*:/, '')}`);
    if (wanted.every((w) => listening.includes(w))) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${wanted.join(', ')} in ${ns}`);
}

describe('real traffic captured by tcpdump in private namespaces', () => {
  let topology: Topology;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    topology = makeTopology(['a', 'b'], [['a', '10.9.0.1/24,fd09::1/64', 'b', '10.9.0.2/24,fd09::2/64']]);
    const a = topology.ns('a');
    const b = topology.ns('b');
    const run = (ns: string, command: string[], input?: string): void => {
      try {
        execFileSync('ip', ['netns', 'exec', ns, ...command],
          { input, stdio: ['pipe', 'ignore', 'ignore'], timeout: 10000, env: toolEnv() });
      } catch {
        // a refused connection is part of the traffic
      }
    };
    // Both families answered once before the capture: a veth that has just
    // come up can hold the first neighbour solicitation back for a second.
    // The neighbour tables are then flushed, so the capture still shows ARP
    // and neighbour discovery.
    for (const address of ['10.9.0.2', 'fd09::2']) {
      execFileSync('ip', ['netns', 'exec', a, 'ping', '-c', '1', '-W', '5', address], { stdio: 'ignore' });
    }
    for (const ns of [a, b]) execFileSync('ip', ['-n', ns, 'neigh', 'flush', 'all']);
    const captures: Array<[string, string[]]> = [
      ['veth', ['-i', 'v0a']],
      ['veth60', ['-i', 'v0a', '-s', '60']],
      ['any', ['-i', 'any']],
      ['anyv1', ['-i', 'any', '-y', 'LINUX_SLL']],
      ['nano', ['-i', 'v0a', '--time-stamp-precision=nano']],
      ['lo', ['-i', 'lo']],
    ];
    const stops: Array<() => Promise<void>> = [];
    for (const [name, args] of captures) {
      files[name] = join(dir, `${name}.pcap`);
      stops.push(await startTcpdump(a, [...args, '-w', files[name]]));
    }
    // Servers in b: TCP (v4, and v6 on another port: a v6 listener takes v4 too) that read to the end, UDP that receives.
    const servers = [
      spawn('ip', ['netns', 'exec', b, 'socat', '-u', 'TCP-LISTEN:5001,reuseaddr', 'OPEN:/dev/null'], { env: toolEnv() }),
      spawn('ip', ['netns', 'exec', b, 'socat', '-u', 'TCP6-LISTEN:5003,reuseaddr', 'OPEN:/dev/null'], { env: toolEnv() }),
      spawn('ip', ['netns', 'exec', b, 'socat', '-u', 'UDP-RECV:5555', 'OPEN:/dev/null'], { env: toolEnv() }),
      spawn('ip', ['netns', 'exec', a, 'socat', '-u', 'TCP-LISTEN:6001,reuseaddr,bind=127.0.0.1', 'OPEN:/dev/null'], { env: toolEnv() }),
    ];
    try {
      await waitForListeners(b, ['tcp:5001', 'tcp:5003', 'udp:5555']);
      await waitForListeners(a, ['tcp:6001']);
      run(a, ['ping', '-c', '2', '-i', '0.2', '10.9.0.2']); // ARP, then ICMP echo
      run(a, ['ping', '-6', '-c', '2', '-i', '0.2', 'fd09::2']); // neighbor discovery, then ICMPv6 echo
      run(a, ['socat', '-u', '-', 'TCP:10.9.0.2:5001'], 'hello over tcp\n'.repeat(40));
      run(a, ['socat', '-u', '-', 'TCP6:[fd09::2]:5003'], 'hello over tcp6\n');
      run(a, ['socat', '-u', '-', 'TCP:10.9.0.2:5002'], 'refused\n'); // RST
      for (const port of [5555, 7777, 12345]) run(a, ['socat', '-u', '-', `UDP:10.9.0.2:${port}`], 'datagram\n');
      run(a, ['socat', '-u', '-', 'UDP6:[fd09::2]:7778'], 'datagram6\n'); // ICMPv6 port unreachable
      run(a, ['socat', '-u', '-', 'TCP:127.0.0.1:6001'], 'on lo\n');
      run(a, ['ping', '-c', '1', '-s', '1400', '10.9.0.2']); // cut by -s 60
      await sleep(500);
    } finally {
      for (const server of servers) server.kill();
      for (const stop of stops) await stop();
    }
  }, 60000);

  afterAll(() => topology?.destroy());

  it('capture what the test sent (the comparison below is not vacuous)', () => {
    const lines = tcpdumpRecords(files.veth, [], 'UTC').join('\n');
    for (const expected of ['ARP, Request who-has 10.9.0.2 tell 10.9.0.1', 'ICMP echo request', 'ICMP6, echo request',
      'ICMP6, neighbor solicitation', 'Flags [S]', 'Flags [S.]', 'Flags [F.]', 'Flags [R.]', 'options [mss',
      'UDP, length 9', 'udp port 7777 unreachable', 'ICMP6, destination unreachable, unreachable port']) {
      expect(lines).toContain(expected);
    }
  });

  for (const [name, options] of [
    ['veth', {}], ['veth', { hex: 'x' }], ['veth', { hex: 'xx' }], ['veth', { relativeSequence: false }],
    ['veth', { showLinkHeader: true }], ['veth60', {}], ['veth60', { hex: 'x' }], ['any', {}], ['any', { hex: 'x' }],
    ['any', { showLinkHeader: true }], ['anyv1', {}], ['anyv1', { showLinkHeader: true }],
    ['nano', { timestampPrecision: 'nano' }], ['lo', {}], ['lo', { hex: 'xx' }],
  ] as Array<[string, Omit<PacketPrinterOptions, 'linkType'>]>) {
    it(`${name}: print as tcpdump -r -n ${flagsOf(options).join(' ')}`, async () => {
      await expectSameAsTcpdump(files[name], options);
    });
  }

  it('veth60: shows frames cut by the snapshot length as tcpdump does', async () => {
    const ours = await ourRecords(files.veth60, {}, 'UTC');
    expect(ours.some((line) => line.includes('[|'))).toBe(true);
  });
});

describe('relative sequence numbers', () => {
  it('follow tcpdump: SYN absolute, the first segment with ACK sets both bases, -S prints raw', () => {
    const printer = new PacketPrinter({ linkType: LINKTYPE.EN10MB });
    const raw = new PacketPrinter({ linkType: LINKTYPE.EN10MB, relativeSequence: false });
    const time = { sec: 0, nsec: 0 };
    const segment = (sport: number, dport: number, seq: number, ack: number, flags: number, data = 0): Buffer => ethernet(0x0800,
      ipv4({ protocol: 6, payload: tcp({ sport, dport, seq, ack, flags, payload: Buffer.alloc(data) }),
        src: sport === 40000 ? [10, 0, 0, 1] : [10, 0, 0, 2], dst: sport === 40000 ? [10, 0, 0, 2] : [10, 0, 0, 1] }));
    const lines = [segment(40000, 5001, 1000, 0, 0x02), segment(5001, 40000, 5000, 1001, 0x12),
      segment(40000, 5001, 1001, 5001, 0x10), segment(40000, 5001, 1001, 5001, 0x18, 10),
      segment(5001, 40000, 5001, 1011, 0x10)].map((frame) => printer.format(frame, time).replace(/^\S+ IP /, ''));
    expect(lines).toEqual([
      '10.0.0.1.40000 > 10.0.0.2.5001: Flags [S], seq 1000, win 512, length 0',
      '10.0.0.2.5001 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 512, length 0',
      '10.0.0.1.40000 > 10.0.0.2.5001: Flags [.], ack 1, win 512, length 0',
      '10.0.0.1.40000 > 10.0.0.2.5001: Flags [P.], seq 1:11, ack 1, win 512, length 10',
      '10.0.0.2.5001 > 10.0.0.1.40000: Flags [.], ack 11, win 512, length 0',
    ]);
    expect(raw.format(segment(40000, 5001, 1001, 5001, 0x10), time)).toContain('ack 5001');
    printer.reset();
    expect(printer.format(segment(40000, 5001, 1001, 5001, 0x10), time)).toContain('ack 5001');
  });
});

describe('bad arguments', () => {
  it('throw TypeError or RangeError', () => {
    expect(() => new PacketPrinter({ linkType: 999 })).toThrow(RangeError);
    expect(() => new PacketPrinter({ linkType: 'EN10MB' as unknown as number })).toThrow(TypeError);
    expect(() => new PacketPrinter(null as unknown as PacketPrinterOptions)).toThrow(TypeError);
    expect(() => new PacketPrinter({ linkType: LINKTYPE.EN10MB, hex: 'X' as 'x' })).toThrow(RangeError);
    expect(() => new PacketPrinter({ linkType: LINKTYPE.EN10MB, numeric: false as unknown as true })).toThrow(RangeError);
    expect(() => new PacketPrinter({ linkType: LINKTYPE.EN10MB, relativeSequence: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => new PacketPrinter({ linkType: LINKTYPE.EN10MB, timestampPrecision: 'milli' as 'nano' })).toThrow(RangeError);
    const printer = new PacketPrinter({ linkType: LINKTYPE.EN10MB });
    expect(() => printer.format('frame' as unknown as Uint8Array, { sec: 0, nsec: 0 })).toThrow(TypeError);
    expect(() => printer.format(Buffer.alloc(20), null as unknown as { sec: number; nsec: number })).toThrow(TypeError);
    expect(() => printer.format(Buffer.alloc(20), { sec: 0.5, nsec: 0 })).toThrow(RangeError);
    expect(() => printer.format(Buffer.alloc(20), { sec: 0, nsec: -1 })).toThrow(RangeError);
    expect(() => printer.format(Buffer.alloc(20), { sec: 0, nsec: 0 }, -1)).toThrow(RangeError);
  });
});
