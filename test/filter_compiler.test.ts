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
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  BPF_JA, BPF_JMP, BPF_MAXINSNS, FilterSyntaxError, LINKTYPE, checkFilter, compileFilter, runFilter, type BpfProgram,
} from '../lib';
import { inNamespace } from './helpers';
import {
  indicesOf, makeCapture, readWithTcpdump, removeTcpdumpFiles, tcpdumpProgram, writePcap, type Capture, type CapturedFrame,
} from './filter_capture';
import { asLinkType, ethernetFrames as craftedFrames, expressionGenerator, tokenSoupGenerator } from './filter_corpus';
import { fuzzOne } from './fuzz/ts/filter_compiler';
import { buildGraph } from '../lib/bpf/compiler/blocks';
import { layOut } from '../lib/bpf/compiler/layout';
import { linkLayerOf } from '../lib/bpf/compiler/link_layer';
import { optimizeGraph } from '../lib/bpf/compiler/optimizer';
import { parseFilter } from '../lib/bpf/compiler/parser';
import { conditionOf } from '../lib/bpf/compiler/primitives';

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

describe('the proof: one capture, three selections', () => {
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
});

// Beyond the capture: the whole language, compared with the program tcpdump
// itself compiles for each expression and link type (`tcpdump -dd`), run on
// hand-built frames of every kind (whole, and with bytes changed). On a
// frame cut short inside the headers an expression reads, tcpdump's answer
// depends on the order its optimizer leaves the loads in (a load past the
// end rejects); such frames are not compared.
describe('the language: the same verdicts as tcpdump\'s own programs', () => {
  afterAll(removeTcpdumpFiles);
  const frames = craftedFrames();
  const FIXED = [
    ...ETHERNET_TABLE.map((t) => t.replace('{a}', '02:00:00:00:00:01').replace('{b}', '02:00:00:00:00:02')),
    'sctp', 'igmp', 'pim', 'ah', 'esp', 'vrrp', 'igrp', 'carp', 'net 10', 'net 172.16', 'host 10.1', 'net 0.0.0.0/0',
    'host ::1', 'net ::/0', 'net 2001:db8::/32', 'src and dst net fd00::/8', 'ip6 src host fe80::200:ff:fe00:1',
    'sctp port 443', 'tcp src port 22', 'src or dst port 80', 'src and dst port 53', 'tcp portrange 1000-1010',
    'src portrange 1005-1000', 'portrange 80', 'port domain', 'udp port domain', 'port 0x50', 'port 0120',
    'ether proto 0x800', 'ether proto \\arp', 'ip proto \\tcp', 'proto 132', 'ip6 proto 6', 'ip broadcast',
    'arp host 10.0.0.1', 'rarp src host 10.0.0.2', 'ip dst host 255.255.255.255', 'ether src or dst 02:00:00:00:00:02',
    'ether host 0200.0000.0001', 'ether host 02-00-00-00-00-02', 'ether host 020000000001', 'less 60 and greater 60',
    'port (80 or 53)', 'port ((80))', 'host (10.0.0.1 or 1.2.3.4)', 'host 10.0.0.1 and not (10.0.0.2 or 1.2.3.4)',
    'port 80 and (tcp) or 53', 'tcp and 80', '(port 80) and 53', 'src or 1.2.3.4', 'host ((1.2.3.4))', 'net 10/8',
    'host 10.0.0.0/8', 'net 10.0.0.1/8', 'ip6 host 1.2.3.4', 'ip host ::1', 'tcp host 1.2.3.4', 'port 70000',
    'udp port http', 'host foo', 'net foo', 'ether host foo', 'gateway foo', '1.2.3.4',
    'port 80-90', 'ether host 1:2:3:4:5:6:7', 'net fe80::1/10', 'host fe80::/10', 'ip6 net 10.0.0.0/8', '(', 'tcp or',
    'not', '', 'icmp6 or arp or rarp', 'not not ip', '!(ip || ip6) && !arp',
  ];
  const generate = expressionGenerator(2026);
  const GENERATED = Array.from({ length: 150 }, generate);

  // The expressions on which compileFilter and tcpdump disagree, with why.
  function disagreements(expressions: string[], linkType: number): string[] {
    const found: string[] = [];
    const linkFrames = frames.map((f) => asLinkType(linkType, f));
    const whole = linkFrames.slice(0, linkFrames.length / 2);
    for (const expression of expressions) {
      const reference = tcpdumpProgram(expression, linkType);
      let ours: BpfProgram | FilterSyntaxError;
      try {
        ours = compileFilter(expression, { linkType });
      } catch (error) {
        if (!(error instanceof FilterSyntaxError)) throw error;
        ours = error;
      }
      if ('error' in reference) {
        // "expression rejects all packets": tcpdump refuses what compiles to `ret #0`.
        const rejectsAll = /rejects all packets/.test(reference.error);
        if (rejectsAll ? ours instanceof FilterSyntaxError || whole.some((f) => runFilter(ours as BpfProgram, f) !== 0)
          : !(ours instanceof FilterSyntaxError)) {
          found.push(`${expression}: tcpdump says ${reference.error}, compileFilter ${ours instanceof Error ? ours.message : 'compiles'}`);
        }
        continue;
      }
      if (ours instanceof FilterSyntaxError) {
        found.push(`${expression}: tcpdump compiles, compileFilter says ${ours.message}`);
        continue;
      }
      const differ = linkFrames.filter((f) => runFilter(ours as BpfProgram, f) !== runFilter(reference.program, f));
      if (differ.length > 0) found.push(`${expression}: ${differ.length} frames differ, first ${differ[0].toString('hex')}`);
    }
    return found;
  }

  test.each([
    ['EN10MB', LINKTYPE.EN10MB, 1], ['RAW', LINKTYPE.RAW, 3], ['LINUX_SLL', LINKTYPE.LINUX_SLL, 4],
    ['LINUX_SLL2', LINKTYPE.LINUX_SLL2, 3],
  ])('%s: every frame gets tcpdump\'s verdict, and every refusal is tcpdump\'s', (_name, linkType, step) => {
    // The whole list on Ethernet; every step-th expression on the others.
    const expressions = [...FIXED, ...GENERATED].filter((_, i) => i % step === 0);
    expect(disagreements(expressions, linkType)).toEqual([]);
  }, 120000);

  test('token soup: compileFilter refuses exactly what tcpdump refuses', () => {
    const soup = tokenSoupGenerator(5);
    const expressions = Array.from({ length: 200 }, soup);
    expect(disagreements(expressions, LINKTYPE.EN10MB)).toEqual([]);
    // Not all of it is refused: the soup holds valid expressions too.
    expect(expressions.filter((e) => !('error' in tcpdumpProgram(e, LINKTYPE.EN10MB))).length).toBeGreaterThan(20);
  }, 120000);

  test('a program past 256 instructions jumps far with `ja`, and still agrees with tcpdump', () => {
    const expression = Array.from({ length: 40 }, (_, i) => `host 10.0.${i}.1 or port ${1000 + i}`).join(' or ');
    const program = compileFilter(expression, { linkType: LINKTYPE.EN10MB });
    expect(program.length).toBeGreaterThan(256);
    expect(program.some((i) => i.code === (BPF_JMP | BPF_JA))).toBe(true);
    checkFilter(program);
    expect(disagreements([expression], LINKTYPE.EN10MB)).toEqual([]);
  });
});

test('the optimizer never changes the verdict on a whole frame', () => {
  const generate = expressionGenerator(4242);
  const frames = craftedFrames();
  let compared = 0;
  const changed: string[] = [];
  for (let i = 0; i < 150; i++) {
    const expression = generate();
    const linkType = [LINKTYPE.EN10MB, LINKTYPE.RAW, LINKTYPE.LINUX_SLL2][i % 3];
    const layer = linkLayerOf(linkType);
    let condition;
    try {
      condition = conditionOf(parseFilter(expression) as NonNullable<ReturnType<typeof parseFilter>>,
        { expression, layer: layer as NonNullable<typeof layer>, netmask: 0 });
    } catch (error) {
      if (error instanceof FilterSyntaxError) continue;
      throw error;
    }
    const plain = layOut(buildGraph(condition), SNAPLEN);
    const graph = buildGraph(condition);
    optimizeGraph(graph);
    const optimized = layOut(graph, SNAPLEN);
    for (const frame of frames.map((f) => asLinkType(linkType, f))) {
      if (runFilter(optimized, frame) !== runFilter(plain, frame)) changed.push(`${expression}: ${frame.toString('hex')}`);
    }
    compared++;
  }
  expect(changed).toEqual([]);
  expect(compared).toBeGreaterThan(75);
});

describe('qualifiers carried to bare values, as pcap-filter(7) says', () => {
  const same = (a: string, b: string): void => {
    expect(compileFilter(a, { linkType: LINKTYPE.EN10MB })).toEqual(compileFilter(b, { linkType: LINKTYPE.EN10MB }));
  };
  test.each([
    ['host 1.2.3.4 and port 80 or 53', 'host 1.2.3.4 and port 80 or port 53'],
    ['src host 1.1.1.1 or 2.2.2.2', 'src host 1.1.1.1 or src host 2.2.2.2'],
    ['host 10.0.0.1 and not 10.0.0.2', 'host 10.0.0.1 and not host 10.0.0.2'],
    ['port 80 and (tcp) or 53', 'port 80 and (tcp) or port 53'],
    ['tcp dst port 80 or 8080', 'tcp dst port 80 or tcp dst port 8080'],
    ['host (1.1.1.1 or 2.2.2.2)', 'host 1.1.1.1 or host 2.2.2.2'],
    ['not not not tcp', 'not tcp'],
    ['tcp && !udp || icmp', '(tcp and not udp) or icmp'],
    ['tcp or udp and icmp', '(tcp or udp) and icmp'],
    ['port domain', 'port 53'],
    ['net 10', 'net 10.0.0.0/8'],
    ['net 192.168 mask 255.255.0.0', 'net 192.168.0.0/16'],
  ])('%j is %j', same);
});

describe('errors', () => {
  const compile = (expression: string, options: object = { linkType: LINKTYPE.EN10MB }): BpfProgram =>
    compileFilter(expression, options as { linkType: number });

  test.each([
    ['tcp and', 7, /unexpected end of expression/],
    ['tcp and 80', 8, /syntax error/],
    ['host foo', 5, /host names are not resolved: 'foo'/],
    ['net 10.0.0.1/8', 4, /non-network bits set/],
    ['tcp host 1.2.3.4', 9, /'tcp' modifier applied to host/],
    ['ip6 host 1.2.3.4', 9, /'ip6' modifier applied to ip host/],
    ['port 70000', 5, /illegal port number 70000 > 65535/],
    ['ether host 1:2:3:4:5:6 or host 1:2:3:4:5:7', 31, /ethernet address used in non-ether expression/],
    ['tcp[13] = 2', 3, /arithmetic comparisons .* not supported/],
    ['vlan 10', 0, /'vlan' not supported/],
    ['host 1.2.3.4 # comment', 13, /unexpected character "#"/],
    ['port 99999999999', 5, /overflows 32 bits/],
    ['host 1:2:3:4:5:6:7:8::', 5, /bogus ethernet address/],
  ])('%j: FilterSyntaxError at %i', (expression, position, reason) => {
    let caught: unknown;
    try {
      compile(expression);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    expect(caught).toBeInstanceOf(TypeError);
    const error = caught as FilterSyntaxError;
    expect(error.reason).toMatch(reason);
    expect({ position: error.position, expression: error.expression, name: error.name })
      .toEqual({ position, expression, name: 'FilterSyntaxError' });
    expect(error.message).toContain(`at position ${position}`);
  });

  test('link types the compiler knows, and their limits', () => {
    expect(() => compile('broadcast', { linkType: LINKTYPE.RAW })).toThrow(/not a broadcast link/);
    expect(() => compile('ether host 02:00:00:00:00:01', { linkType: LINKTYPE.LINUX_SLL2 })).toThrow(FilterSyntaxError);
    // A link that cannot carry ARP: the program rejects everything (tcpdump refuses it as "rejects all packets").
    expect(compile('arp', { linkType: LINKTYPE.RAW })).toEqual([{ code: 0x06, jt: 0, jf: 0, k: 0 }]);
    expect(compile('', { linkType: LINKTYPE.RAW })).toEqual([{ code: 0x06, jt: 0, jf: 0, k: 262144 }]);
  });

  test('bad options are TypeErrors and RangeErrors', () => {
    expect(() => compileFilter(5 as unknown as string, { linkType: 1 })).toThrow(TypeError);
    expect(() => compileFilter('tcp', null as unknown as { linkType: number })).toThrow(TypeError);
    expect(() => compile('tcp', {})).toThrow(TypeError);
    expect(() => compile('tcp', { linkType: '1' })).toThrow(TypeError);
    expect(() => compile('tcp', { linkType: 105 })).toThrow(RangeError);
    expect(() => compile('tcp', { linkType: 1, snaplen: 0 })).toThrow(RangeError);
    expect(() => compile('tcp', { linkType: 1, snaplen: 1.5 })).toThrow(RangeError);
    expect(() => compile('tcp', { linkType: 1, snaplen: 2 ** 32 })).toThrow(RangeError);
    expect(() => compile('tcp', { linkType: 1, snaplen: '96' })).toThrow(TypeError);
    expect(() => compile('tcp', { linkType: 1, netmask: '255.255' })).toThrow(RangeError);
    expect(() => compile('tcp', { linkType: 1, netmask: 24 })).toThrow(TypeError);
  });

  test('snaplen is what an accepted packet returns; netmask is what ip broadcast tests', () => {
    const tcp = craftedFrames().find((f) => f.readUInt16BE(12) === 0x0800 && f[23] === 6) as Buffer;
    expect(runFilter(compile('tcp', { linkType: LINKTYPE.EN10MB, snaplen: 96 }), tcp)).toBe(96);
    const toSubnetBroadcast = Buffer.from(tcp);
    toSubnetBroadcast.writeUInt32BE(0x0a0000ff, 30); // 10.0.0.255
    expect(runFilter(compile('ip broadcast'), toSubnetBroadcast)).toBe(0);
    expect(runFilter(compile('ip broadcast', { linkType: LINKTYPE.EN10MB, netmask: '255.255.255.0' }), toSubnetBroadcast))
      .toBe(262144);
  });

  test('any input ends in a program or a FilterSyntaxError: too long, too deep, too many instructions', () => {
    expect(() => compile('tcp or '.repeat(10000))).toThrow(/longer than 65536 characters/);
    expect(() => compile(`${'('.repeat(101)}tcp${')'.repeat(101)}`)).toThrow(/nested more than 100 deep/);
    expect(compile(`${'('.repeat(100)}tcp${')'.repeat(100)}`)).toEqual(compile('tcp'));
    expect(compile(`${'not '.repeat(10001)}tcp`)).toEqual(compile('not tcp'));
    const tooMany = Array.from({ length: 1100 }, (_, i) => `host 10.0.${i >> 8}.${i & 255}`).join(' or ');
    expect(() => compile(tooMany)).toThrow(new RegExp(`over BPF_MAXINSNS \\(${BPF_MAXINSNS}\\)`));
  });
});

describe('fuzz target filter_compiler', () => {
  const directory = join(__dirname, 'fuzz', 'corpus-ts', 'filter_compiler');
  test.each(readdirSync(directory))('seed %s compiles or fails with FilterSyntaxError', (name) => {
    expect(() => fuzzOne(readFileSync(join(directory, name)))).not.toThrow();
  });

  test('random bytes and random expressions', () => {
    const generate = expressionGenerator(99);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(generate());
      // Some as they are, some with bytes changed.
      if (i % 2 === 1) bytes[(i * 7) % bytes.length] = (i * 31) % 256;
      expect(() => fuzzOne(bytes)).not.toThrow();
    }
  });
});
