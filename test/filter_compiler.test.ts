// compileFilter's proof: over a mixed capture made in namespaces of the
// test's own, for each expression of the table, three selections are the
// same set of packets:
//   (a) compileFilter + runFilter over each frame of the file,
//   (b) `tcpdump -r file EXPR` (frames matched back to their index),
//   (c) the kernel, with the compiled program attached (attachFilter) to
//       AF_PACKET sockets that receive the frames replayed on a veth pair.
// EN10MB for the whole table; LINUX_SLL2 (tcpdump -i any) and RAW (the IP
// frames rewritten as a DLT_RAW file) for a part of it, RAW in the kernel
// too on SOCK_DGRAM sockets, which hand the filter the network header first.
// (No kernel check for LINUX_SLL2: the kernel never shows a socket filter a
// cooked header; libpcap rewrites such programs before attaching them.)
import { join } from 'node:path';

import { LINKTYPE, checkFilter, compileFilter, runFilter, type BpfProgram } from '../lib';
import { inNamespace } from './helpers';
import { indicesOf, makeCapture, readWithTcpdump, writePcap, type Capture, type CapturedFrame } from './filter_capture';

const SNAPLEN = 262144;

// Every primitive, IPv4 and IPv6 forms, combinations and negations. MAC and
// `{a}`/`{b}` stand for the capture's own MAC addresses.
const ETHERNET_TABLE = [
  'arp', 'rarp', 'ip', 'ip6', 'tcp', 'udp', 'icmp', 'icmp6',
  'host 10.0.0.1', 'src host 10.0.0.2', 'dst host 10.0.0.2', 'src or dst host 10.0.0.2', 'src and dst host 10.0.0.1',
  'net 10.0.0.0/24', 'net 10.0.0', 'dst net 10.0.0.0 mask 255.255.255.0', 'net 224.0.0.0/4',
  'host fd00::2', 'src host fd00::1', 'ip6 net fd00::/64', 'net fe80::/10', 'dst net ff02::/16',
  'port 80', 'src port 80', 'dst port 8080', 'tcp port 80 or tcp port 8080', 'udp port 53', 'port 53 or 123',
  'udp dst port 5353', 'portrange 1000-1010', 'udp portrange 1-1024', 'port 9999', 'udp and not port 9999',
  'ether host {a}', 'ether src {b}', 'ether dst ff:ff:ff:ff:ff:ff', 'ether broadcast', 'ether multicast',
  'broadcast', 'multicast', 'ip multicast', 'ip6 multicast', 'greater 200', 'less 80',
  'host 10.0.0.1 and port 80 or 53', 'tcp and not port 80', 'not arp and not icmp6', '(udp or icmp) and host 10.0.0.2',
  '!tcp && (ip6 || arp)', 'icmp6 and not host fd00::1', 'not (port 80 or 8080) and tcp',
  'host (10.0.0.2 or fd00::2) and not udp', 'ip proto 17 or ip6 proto 58',
  'src host 10.0.0.1 and (dst port 53 or 123 or 1005)', 'ether src {a} and ip6 and not icmp6', '',
];
// What the capture must hold for the table to mean something: each of these selects at least one frame.
const MUST_SELECT = ['arp', 'icmp', 'icmp6', 'tcp port 80', 'dst port 8080', 'udp port 53', 'portrange 1000-1010',
  'port 9999', 'udp and not port 9999', 'ether broadcast', 'ip multicast', 'ip6 multicast', 'net fe80::/10',
  'greater 200', 'less 80', 'host fd00::2'];
const RAW_TABLE = ['ip', 'ip6', 'tcp', 'tcp port 80', 'host 10.0.0.2', 'icmp6', 'udp portrange 1000-6000',
  'net fd00::/64 and not icmp6', 'greater 100', 'ip multicast', 'port 9999', 'not udp'];
const COOKED_TABLE = ['ip', 'ip6', 'arp', 'tcp port 80', 'host 10.0.0.1', 'icmp6', 'udp and not port 53',
  'net fe80::/10', 'greater 100', 'src host fd00::1 and tcp', 'port 9999', 'not (ip or ip6)'];

let capture: Capture;
let macs: Record<string, string>;
let ethernetFrames: CapturedFrame[];
let cookedFrames: CapturedFrame[];
let rawFrames: CapturedFrame[];
let rawFile: string;

const expand = (expression: string): string => expression.replace(/\{(a|b)\}/g, (_, host: string) => macs[host]);

function compiled(expression: string, linkType: number): BpfProgram {
  const program = compileFilter(expression, { linkType });
  checkFilter(program);
  return program;
}

// (a): the indices of the frames the compiled program accepts; it returns the snaplen or 0.
function selectedByProgram(program: BpfProgram, frames: CapturedFrame[]): number[] {
  const indices: number[] = [];
  frames.forEach(({ bytes }, i) => {
    const verdict = runFilter(program, bytes);
    expect([0, SNAPLEN]).toContain(verdict);
    if (verdict !== 0) indices.push(i);
  });
  return indices;
}

// (b): the indices of the frames tcpdump prints for the expression.
function selectedByTcpdump(file: string, frames: CapturedFrame[], expression: string): number[] {
  const selected = readWithTcpdump(file, expression);
  if (selected === null) throw new Error(`tcpdump refused ${JSON.stringify(expression)}`);
  return indicesOf(frames, selected);
}

const multiset = (hexes: string[]): string[] => [...hexes].sort();

beforeAll(async () => {
  capture = await makeCapture();
  macs = { a: capture.macA, b: capture.macB };
  ethernetFrames = readWithTcpdump(capture.ethernetFile) ?? [];
  cookedFrames = readWithTcpdump(capture.cookedFile) ?? [];
  // DLT_RAW: the IPv4 and IPv6 frames without their Ethernet header.
  rawFrames = ethernetFrames.filter(({ bytes }) => [0x0800, 0x86dd].includes(bytes.readUInt16BE(12)))
    .map(({ time, bytes }) => ({ time, bytes: bytes.subarray(14) }));
  rawFile = join(capture.directory, 'raw.pcap');
  writePcap(rawFile, LINKTYPE.RAW, rawFrames);
}, 60000);

afterAll(() => capture?.destroy());

test('the capture is mixed: every kind of traffic the table tests is in it', () => {
  expect(ethernetFrames.length).toBeGreaterThan(40);
  expect(cookedFrames.length).toBeGreaterThan(40);
  expect(readWithTcpdump(rawFile)?.length).toBe(rawFrames.length);
  for (const expression of MUST_SELECT) {
    expect([expression, selectedByTcpdump(capture.ethernetFile, ethernetFrames, expression).length > 0])
      .toEqual([expression, true]);
  }
});

describe('EN10MB: compileFilter + runFilter select what tcpdump -r selects', () => {
  test.each(ETHERNET_TABLE)('%j', (template) => {
    const expression = expand(template);
    const ours = selectedByProgram(compiled(expression, LINKTYPE.EN10MB), ethernetFrames);
    const theirs = selectedByTcpdump(capture.ethernetFile, ethernetFrames, expression);
    expect(ours).toEqual(theirs);
  });
});

describe('LINUX_SLL2 (tcpdump -i any): compileFilter + runFilter select what tcpdump -r selects', () => {
  test.each(COOKED_TABLE)('%j', (expression) => {
    const ours = selectedByProgram(compiled(expression, LINKTYPE.LINUX_SLL2), cookedFrames);
    expect(ours).toEqual(selectedByTcpdump(capture.cookedFile, cookedFrames, expression));
  });
});

describe('RAW: compileFilter + runFilter select what tcpdump -r selects', () => {
  test.each(RAW_TABLE)('%j', (expression) => {
    const ours = selectedByProgram(compiled(expression, LINKTYPE.RAW), rawFrames);
    expect(ours).toEqual(selectedByTcpdump(rawFile, rawFrames, expression));
  });
});

test('the kernel delivers exactly the frames runFilter selects, with the compiled program attached', async () => {
  const ethernetPrograms = ETHERNET_TABLE.map((t) => compiled(expand(t), LINKTYPE.EN10MB));
  const rawPrograms = RAW_TABLE.map((e) => compiled(e, LINKTYPE.RAW));
  const frames = ethernetFrames.map(({ bytes }) => bytes.toString('hex'));
  // veth0 replays the capture into veth1, where one AF_PACKET socket per
  // expression listens: SOCK_RAW with the EN10MB program, SOCK_DGRAM with
  // the RAW one. IPv6 is off on both ends, so nothing but the replay crosses.
  const result = await inNamespace(`
    for (const dev of ['veth0', 'veth1']) {
      execFileSync('sysctl', ['-qw', 'net.ipv6.conf.' + dev + '.disable_ipv6=1']);
      execFileSync('ip', ['link', 'set', dev, 'up']);
    }
    const { frames, ethernet, raw } = ${JSON.stringify({ frames, ethernet: ethernetPrograms, raw: rawPrograms })};
    const veth0 = lib.if_nametoindex('veth0'), veth1 = lib.if_nametoindex('veth1');
    const open = (type, program) => {
      const s = lib.socket(lib.AF_PACKET, type, lib.htons(lib.ETH_P_ALL));
      s.setsockopt(lib.SOL_SOCKET, lib.SO_RCVBUFFORCE, 8 << 20);
      s.bind({ ifindex: veth1, protocol: lib.ETH_P_ALL });
      s.attachFilter(program, { drain: true });
      s.setblocking(false);
      return s;
    };
    const receivers = { ethernet: ethernet.map((p) => open(lib.SOCK_RAW, p)), raw: raw.map((p) => open(lib.SOCK_DGRAM, p)) };
    const sender = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, 0);
    for (const hex of frames) sender.sendtoSync(Buffer.from(hex, 'hex'), { ifindex: veth0 });
    setTimeout(() => {
      const drain = (s) => {
        const got = [];
        for (;;) {
          try { got.push(s.recvSync(65536).toString('hex')); } catch (e) { if (e.code === 'EAGAIN') break; throw e; }
        }
        s.close();
        return got;
      };
      console.log(JSON.stringify({ ethernet: receivers.ethernet.map(drain), raw: receivers.raw.map(drain) }));
      sender.close();
    }, 500);
  `, ['link add veth0 type veth peer name veth1'], 30000);
  expect(result.stderr).toBe('');
  const received = JSON.parse(result.stdout) as { ethernet: string[][]; raw: string[][] };
  ETHERNET_TABLE.forEach((template, i) => {
    const expected = selectedByProgram(ethernetPrograms[i], ethernetFrames).map((n) => frames[n]);
    expect([template, multiset(received.ethernet[i])]).toEqual([template, multiset(expected)]);
  });
  RAW_TABLE.forEach((expression, i) => {
    const networkParts = ethernetFrames.map(({ bytes }) => bytes.subarray(14));
    const expected = networkParts.filter((part) => runFilter(rawPrograms[i], part) !== 0).map((part) => part.toString('hex'));
    expect([expression, multiset(received.raw[i])]).toEqual([expression, multiset(expected)]);
  });
}, 60000);
