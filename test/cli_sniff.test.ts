// bsd-socket sniff against tcpdump: both capture the same traffic, made in
// network namespaces of the test's own (ping, TCP, UDP, IPv4 and IPv6, a
// VLAN), and print the same lines, write files tcpdump reads identically,
// count the same; loopback frames once; filters as tcpdump filters; -c and
// Ctrl-C; and every kind of bad input as one line and a non-zero status.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LINKTYPE, PcapReader, PcapWriter } from '../lib';
import {
  UNPRIVILEGED, expectOneLineError, run, runCommand, start, startCommand, type ChildResult,
} from './cli_helpers';
import { sleep } from './helpers';
import { makeTopology, type Topology } from './topology';

jest.setTimeout(60000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bsd-sniff-'));
  // Readable by the unprivileged runs too.
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inNs = (ns: string): string[] => ['ip', 'netns', 'exec', ns];

/** The lines a tcpdump or a sniff printed, without the blank line Ctrl-C leaves. */
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** The lines of `tcpdump -r file …` (stdout), which must succeed. */
async function tcpdumpRead(file: string, args: string[] = []): Promise<string[]> {
  const r = await run(['tcpdump', '-n', '-r', file, ...args]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^reading from file/) });
  return lines(r.stdout);
}

/** The lines of `bsd-socket sniff -r file …` (stdout), which must succeed. */
async function sniffRead(file: string, args: string[] = []): Promise<string[]> {
  const r = await runCommand(['sniff', '-n', '-r', file, ...args]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^reading from file/) });
  return lines(r.stdout);
}

/** HH:MM:SS.fraction as a number of the fraction's units, and the rest of the line; null for a hex line. */
function splitTime(line: string): [number, number, string] | null {
  const m = /^(\d\d):(\d\d):(\d\d)\.(\d+) (.*)$/.exec(line);
  if (m === null) return null;
  return [((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 10 ** m[4].length + Number(m[4]), m[4].length, m[5]];
}

/**
 * Two captures of the same frames, printed: the same lines, except that a
 * timestamp may differ by a few microseconds. A frame the stack sends
 * without a timestamp of its own (TCP and UDP from a local socket) is
 * stamped by the kernel for each packet socket as it reaches it, so two
 * tcpdumps side by side differ the same way; frames that arrive stamped
 * (ICMP replies, received frames) agree to the nanosecond.
 */
function expectSameCapture(ours: string[], given: string[]): void {
  // The lines without their timestamps first: a difference shows as a diff.
  const text = (line: string): string => splitTime(line)?.[2] ?? line;
  // The namespaces' own neighbour discovery and ARP come when they like: one
  // that tcpdump saw before sniff had started (a slow start, under ASan) is
  // not sniff's to print. Only such records, only before sniff's first.
  const theirs = [...given];
  while (theirs.length > 0 && ours.length > 0 && text(theirs[0]) !== text(ours[0])
    && /ICMP6, (neighbor|router|multicast)|^\S+ ARP, /.test(theirs[0])) {
    do theirs.shift(); while (theirs.length > 0 && theirs[0].startsWith('\t'));
  }
  expect(ours.map(text)).toEqual(theirs.map(text));
  for (let i = 0; i < theirs.length; i++) {
    const [a, b] = [splitTime(ours[i]), splitTime(theirs[i])];
    if (a === null || b === null) continue;
    // The same number of digits, within 1 ms (in the fraction's units).
    expect([i, a[1], Math.abs(a[0] - b[0]) <= 10 ** (a[1] - 3)]).toEqual([i, b[1], true]);
  }
}

/** The three counts a capture ends with, from its stderr. */
function statistics(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\d+ packets? (captured|received by filter|dropped by kernel)$/.test(line));
}

/**
 * Runs sniff and tcpdump side by side in namespace `ns`, makes the traffic
 * once both listen, then stops both with SIGINT. tcpdump runs in immediate
 * mode, so that Ctrl-C finds nothing held back; in that mode each frame
 * takes a block of its ring, and a ring of tcpdump's usual 2 MiB fills
 * (and drops) when the machine is busy: it gets 64 MiB.
 */
async function sideBySide(ns: string, sniffArgs: string[], tcpdumpArgs: string[], traffic: () => Promise<unknown>):
Promise<{ ours: ChildResult; theirs: ChildResult }> {
  const ours = startCommand(['sniff', ...sniffArgs], { prefix: inNs(ns), timeoutMs: 40000 });
  const theirs = start(['tcpdump', '--immediate-mode', '-B', '65536', ...tcpdumpArgs], { prefix: inNs(ns), timeoutMs: 40000 });
  await Promise.all([ours.waitFor(/^listening on /m), theirs.waitFor(/listening on /)]);
  await traffic();
  // A moment for the last frames to reach both, then Ctrl-C to both at once.
  await sleep(100);
  ours.child.kill('SIGINT');
  theirs.child.kill('SIGINT');
  const results = { ours: await ours.done, theirs: await theirs.done };
  // Neither lost a frame: the comparisons that follow are of whole captures.
  expect(results.theirs.stderr).toMatch(/^0 packets dropped by kernel$/m);
  expect(results.ours.stderr).toMatch(/^0 packets dropped by kernel$/m);
  return results;
}

describe('live capture on a veth pair, beside tcpdump', () => {
  let net: Topology;
  let a: string;
  beforeAll(() => {
    net = makeTopology(['a', 'b'], [['a', '10.1.0.1/24,fd00::1/64', 'b', '10.1.0.2/24,fd00::2/64']]);
    a = net.ns('a');
    // Neighbors stay reachable for the whole file: no probe comes at a
    // moment of its own choosing, which one capture would see and not the other.
    for (const [host, dev] of [['a', 'v0a'], ['b', 'v0b']]) {
      execFileSync('ip', ['netns', 'exec', net.ns(host), 'sysctl', '-qw', `net.ipv4.neigh.${dev}.base_reachable_time_ms=600000`,
        `net.ipv6.neigh.${dev}.base_reachable_time_ms=600000`]);
    }
  });
  afterAll(() => net.destroy());

  /** ping both ways of addressing, a TCP echo with data, UDP to a closed port: from a to b. */
  async function traffic(): Promise<void> {
    const b = net.ns('b');
    // One after the other: two packet sockets may queue frames sent at the
    // same microsecond in either order, and the comparison is line by line.
    const pings = [
      await run(['ping', '-c', '2', '-i', '0.05', '10.1.0.2'], { prefix: inNs(a) }),
      await run(['ping', '-6', '-c', '2', '-i', '0.05', 'fd00::2'], { prefix: inNs(a) }),
    ];
    for (const p of pings) expect(p.code).toBe(0);
    const server = start(['socat', '-d', '-d', 'TCP-LISTEN:5000,reuseaddr', 'EXEC:cat'], { prefix: inNs(b) });
    await server.waitFor(/listening on/);
    const client = await run(['socat', '-', 'TCP:10.1.0.2:5000'], { prefix: inNs(a), input: 'hello, sniff\n' });
    expect(client.stdout).toBe('hello, sniff\n');
    await server.done;
    await run(['socat', '-u', '-', 'UDP:10.1.0.2:5001'], { prefix: inNs(a), input: 'datagram\n' });
    await run(['socat', '-u', '-', 'UDP6:[fd00::2]:5002'], { prefix: inNs(a), input: 'datagram six\n' });
  }

  // Both listen to the test's traffic only: the namespaces' own (IPv6
  // router solicitations, MLD reports) comes when it likes, perhaps while
  // one of the two is still starting.
  const FILTER = 'host 10.1.0.2 or host fd00::1 or host fd00::2';

  test.each([['ring'], ['recvmsg']])('the same lines as tcpdump prints, through the %s path', async (path) => {
    const extra = path === 'ring' ? [] : ['--no-ring'];
    const theirsFile = join(dir, `theirs-${path}.pcap`);
    const { ours, theirs } = await sideBySide(a, ['-i', 'v0a', '-n', ...extra, FILTER],
      ['-i', 'v0a', '-w', theirsFile, FILTER], traffic);
    expect({ ours: ours.code, theirs: theirs.code }).toEqual({ ours: 0, theirs: 0 });
    const expected = await tcpdumpRead(theirsFile);
    expectSameCapture(lines(ours.stdout), expected);
    // Something of each kind went by: ICMP both ways, TCP with its handshake and data, UDP.
    const text = expected.join('\n');
    for (const kind of [/ICMP echo request/, /ICMP6, echo reply/, /Flags \[S\]/, /Flags \[P\.\], .* length 13/,
      /UDP, length 9/, /udp port 5001 unreachable/]) {
      expect(text).toMatch(kind);
    }
    expect(ours.stderr.split('\n')[0]).toBe('listening on v0a, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
    expect(statistics(ours.stderr)).toEqual([`${expected.length} packets captured`,
      `${expected.length} packets received by filter`, '0 packets dropped by kernel']);
  });

  test.each([['ring', []], ['recvmsg', ['--no-ring']], ['ring, --nano', ['--nano']]])(
    'sniff -w (%s): tcpdump -r -x reads the same packets, bytes and times as from its own capture', async (_name, extra) => {
      const oursFile = join(dir, 'ours.pcap');
      const theirsFile = join(dir, 'theirs.pcap');
      const nano = extra.includes('--nano') ? ['--nano'] : [];
      const { ours } = await sideBySide(a, ['-i', 'v0a', '-w', oursFile, ...extra, FILTER],
        ['-i', 'v0a', '-w', theirsFile, ...nano, FILTER], traffic);
      expect(ours.code).toBe(0);
      expect(ours.stdout).toBe('');
      const theirs = await tcpdumpRead(theirsFile, ['-xx', ...nano]);
      expect(theirs.length).toBeGreaterThan(40);
      expectSameCapture(await tcpdumpRead(oursFile, ['-xx', ...nano]), theirs);
      // And sniff reads its file as tcpdump does, -x and -xx.
      for (const hex of ['-x', '-xx']) {
        expect(await sniffRead(oursFile, [hex, ...nano])).toEqual(await tcpdumpRead(oursFile, [hex, ...nano]));
      }
      const header = PcapReader.open(oursFile).header;
      expect({ linkType: header.linkType, precision: header.precision, snaplen: header.snaplen })
        .toEqual({ linkType: LINKTYPE.EN10MB, precision: nano.length > 0 ? 'nano' : 'micro', snaplen: 262144 });
    });

  test('a filter expression keeps what tcpdump keeps, live and from a file', async () => {
    const everything = join(dir, 'everything.pcap');
    const { ours } = await sideBySide(a, ['-i', 'v0a', '-n', 'tcp or udp'], ['-i', 'v0a', '-w', everything, FILTER],
      traffic);
    expectSameCapture(lines(ours.stdout), await tcpdumpRead(everything, ['tcp or udp']));
    expect(lines(ours.stdout).length).toBeGreaterThan(8);
    for (const expression of ['icmp', 'tcp', 'udp', 'udp port 5001', 'arp', 'ip6', 'not icmp', 'icmp6 and src fd00::2',
      'port 5000 and host 10.1.0.1', 'dst port 5002 or icmp', 'greater 100', 'ip and not (tcp or udp)']) {
      const want = await tcpdumpRead(everything, [expression]);
      expect([expression, await sniffRead(everything, [expression])]).toEqual([expression, want]);
    }
    // -c counts the frames the filter keeps.
    expect(await sniffRead(everything, ['-c', '3', 'tcp'])).toEqual((await tcpdumpRead(everything, ['tcp'])).slice(0, 3));
  });

  // (Not -s 60 or less: libpcap 1.10 sizes its ring frames from a guess of
  // the kernel's header offset that is 2 bytes short, and the kernel then
  // cuts tcpdump's frames 2 bytes shorter than asked.)
  test('-s cuts frames as tcpdump -s does', async () => {
    const oursFile = join(dir, 'short-ours.pcap');
    const theirsFile = join(dir, 'short-theirs.pcap');
    await sideBySide(a, ['-i', 'v0a', '-s', '80', '-w', oursFile, FILTER], ['-i', 'v0a', '-s', '80', '-w', theirsFile, FILTER],
      traffic);
    const theirs = await tcpdumpRead(theirsFile, ['-xx']);
    expect(theirs.join('\n')).toMatch(/\[\|/);
    expectSameCapture(await tcpdumpRead(oursFile, ['-xx']), theirs);
    const long = [...PcapReader.open(oursFile)].filter((r) => r.originalLength > 80);
    expect(long.length).toBeGreaterThan(4);
    expect(long.every((r) => r.data.length === 80)).toBe(true);
    expect(PcapReader.open(oursFile).header.snaplen).toBe(80);
  });

  test('a VLAN tag the kernel took off is put back, as libpcap does, on either path', async () => {
    // Tagged frames (VLAN 7, priority 1) sent into v0b: v0a's receive path
    // takes the tag off (skb_vlan_untag) and packet sockets get it apart.
    const ipv4 = '4500002a00000000401100000a0700020a070001';
    const udp = '1e611e61001600007461676765642c20766c616e2037';
    const frame = `ffffffffffff02000000000b81002007${'0800'}${ipv4}${udp}`;
    const inject = (): Promise<unknown> => net.run('b', `
      const s = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, 0);
      for (let i = 0; i < 3; i++) s.sendtoSync(Buffer.from('${frame}', 'hex'), { ifindex: lib.if_nametoindex('v0b') });
      s.close();
    `);
    for (const extra of [[], ['--no-ring']]) {
      const theirsFile = join(dir, 'vlan.pcap');
      // The kernel's filter sees the frame without its tag: `udp port 7777`
      // selects it, for tcpdump as for sniff.
      const { ours } = await sideBySide(a, ['-i', 'v0a', '-e', '-xx', ...extra, 'udp port 7777'],
        ['-i', 'v0a', '-w', theirsFile, 'udp port 7777'], inject);
      const theirs = await tcpdumpRead(theirsFile, ['-e', '-xx']);
      expect(theirs.join('\n')).toMatch(/ethertype 802\.1Q \(0x8100\), length 60: vlan 7, p 1, ethertype IPv4/);
      expect(theirs.filter((line) => /vlan 7/.test(line))).toHaveLength(3);
      expectSameCapture(lines(ours.stdout), theirs);
    }
  });
});

describe('the interface going down or away', () => {
  let net: Topology;
  let a: string;
  beforeAll(() => {
    net = makeTopology(['a', 'b'], [['a', '10.4.0.1/24', 'b', '10.4.0.2/24']]);
    a = net.ns('a');
  });
  afterAll(() => net.destroy());

  test.each([['ring', []], ['recvmsg', ['--no-ring']]])(
    'ends the capture (%s): one line, the counts, status 1', async (_path, extra) => {
      for (const [how, name, gone] of [['down', 'v0a', 'went down'], ['away', 'spare0', 'disappeared']]) {
        if (how === 'away') {
          expect((await run(['ip', '-n', a, 'link', 'add', name, 'type', 'veth', 'peer', 'name', 'spare1'])).code).toBe(0);
          for (const dev of [name, 'spare1']) await run(['ip', '-n', a, 'link', 'set', dev, 'up']);
        }
        const ours = startCommand(['sniff', '-i', name, ...extra], { prefix: inNs(a), timeoutMs: 20000 });
        await ours.waitFor(/^listening on /m);
        const change = how === 'down' ? ['link', 'set', name, 'down'] : ['link', 'del', name];
        expect((await run(['ip', '-n', a, ...change])).code).toBe(0);
        const r = await ours.done;
        expect({ how, code: r.code, signal: r.signal }).toEqual({ how, code: 1, signal: null });
        const errors = r.stderr.split('\n').filter((line) => line.startsWith('bsd-socket sniff: '));
        expect(errors).toEqual([`bsd-socket sniff: ${name}: The interface ${gone}`]);
        expect(statistics(r.stderr)).toHaveLength(3);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      await run(['ip', '-n', a, 'link', 'set', 'v0a', 'up']);
    });

});

describe('live capture in a namespace with loopback only', () => {
  let ns: Topology;
  let name: string;
  beforeAll(() => {
    ns = makeTopology(['lo'], []);
    name = ns.ns('lo');
  });
  afterAll(() => ns.destroy());

  const loopbackTraffic = async (): Promise<void> => {
    expect((await run(['ping', '-c', '3', '-i', '0.05', '127.0.0.1'], { prefix: inNs(name) })).code).toBe(0);
    expect((await run(['ping', '-6', '-c', '2', '-i', '0.05', '::1'], { prefix: inNs(name) })).code).toBe(0);
    const server = start(['socat', '-d', '-d', 'TCP-LISTEN:6000,reuseaddr,bind=127.0.0.1', 'EXEC:cat'], { prefix: inNs(name) });
    await server.waitFor(/listening on/);
    await run(['socat', '-', 'TCP:127.0.0.1:6000'], { prefix: inNs(name), input: 'loop\n' });
    await server.done;
  };

  test.each([['ring', []], ['recvmsg', ['--no-ring']]])(
    'lo (%s): each packet once, as tcpdump prints it, and the same counts', async (_path, extra) => {
      const theirsFile = join(dir, 'lo.pcap');
      const { ours, theirs } = await sideBySide(name, ['-i', 'lo', ...extra], ['-i', 'lo', '-w', theirsFile], loopbackTraffic);
      const expected = await tcpdumpRead(theirsFile);
      expectSameCapture(lines(ours.stdout), expected);
      // Once each: three requests and three replies, numbered 1 to 3.
      const requests = expected.filter((line) => /ICMP echo request/.test(line));
      expect(requests.map((line) => / seq (\d+),/.exec(line)![1])).toEqual(['1', '2', '3']);
      // tcpdump's counts: the kernel received each frame twice, both copies passed the filter.
      expect(statistics(ours.stderr)).toEqual(statistics(theirs.stderr));
      expect(statistics(ours.stderr)).toEqual([`${expected.length} packets captured`,
        `${2 * expected.length} packets received by filter`, '0 packets dropped by kernel']);
      // ^C ends the line it may have broken, on stdout, as tcpdump does.
      expect(ours.stdout.endsWith('\n\n')).toBe(true);
    });

  test.each([['any (named: LINUX_SLL2)', ['-i', 'any']], ['the default (any: LINUX_SLL)', []]])(
    '%s: cooked frames, filtered here, as tcpdump prints them', async (_name, device) => {
      const theirsFile = join(dir, 'any.pcap');
      const { ours, theirs } = await sideBySide(name, [...device, 'icmp or tcp'], [...device, '-w', theirsFile, 'icmp or tcp'],
        loopbackTraffic);
      expect(ours.stderr.split('\n')[0]).toBe(theirs.stderr.split('\n').find((line) => line.includes('listening on'))!
        .replace(/^tcpdump: /, ''));
      const expected = await tcpdumpRead(theirsFile);
      expect(expected.length).toBeGreaterThan(10);
      expectSameCapture(lines(ours.stdout), expected);
      expect(statistics(ours.stderr)).toEqual(statistics(theirs.stderr));
    });

  test('the ring captures by default (the socket mapped into the process), recvmsg with --no-ring', async () => {
    for (const [extra, mapped] of [[[], true], [['--no-ring'], false]] as const) {
      const ours = startCommand(['sniff', '-i', 'lo', ...extra], { prefix: inNs(name) });
      await ours.waitFor(/^listening on /m);
      // `ip netns exec` execs node: the child's pid is the command's.
      const maps = readFileSync(`/proc/${ours.child.pid}/maps`, 'utf8');
      expect([extra, /\srw-s\s.*\ssocket:\[\d+\]$/m.test(maps)]).toEqual([extra, mapped]);
      ours.child.kill('SIGINT');
      expect((await ours.done).code).toBe(0);
    }
  });

  test('-c stops after count packets, by itself, with the counts', async () => {
    const flood = start(['ping', '-i', '0.01', '127.0.0.1'], { prefix: inNs(name) });
    try {
      const r = await runCommand(['sniff', '-i', 'lo', '-c', '5', 'icmp'], { prefix: inNs(name) });
      expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
      expect(lines(r.stdout)).toHaveLength(5);
      expect(r.stdout.endsWith('length 64\n')).toBe(true);
      expect(statistics(r.stderr)[0]).toBe('5 packets captured');
    } finally {
      flood.child.kill('SIGINT');
      await flood.done;
    }
  });

  test('-w - writes the pcap to stdout, which tcpdump -r - reads; -U, SIGTERM ends it with the counts', async () => {
    const ours = startCommand(['sniff', '-i', 'lo', '-U', '-w', '-', 'icmp'], { prefix: inNs(name) });
    await ours.waitFor(/^listening on /m);
    await run(['ping', '-c', '2', '-i', '0.05', '127.0.0.1'], { prefix: inNs(name) });
    await sleep(100);
    ours.child.kill('SIGTERM');
    const r = await ours.done;
    expect(r.code).toBe(0);
    expect(statistics(r.stderr)[0]).toBe('4 packets captured');
    const file = join(dir, 'stdout.pcap');
    writeFileSync(file, r.stdoutBytes);
    expect([...PcapReader.from(r.stdoutBytes)]).toHaveLength(4);
    const read = await run(['tcpdump', '-n', '-r', '-'], { input: r.stdoutBytes });
    expect(lines(read.stdout)).toEqual(await sniffRead(file));
  });
});

describe('the device tcpdump picks', () => {
  test('the first interface up and running that is not loopback, as tcpdump picks it', async () => {
    const net = makeTopology(['a', 'b'], [['a', '10.2.0.1/24', 'b', '10.2.0.2/24'], ['a', '10.3.0.1/24', 'b', '10.3.0.2/24']]);
    try {
      const a = net.ns('a');
      // v0a, listed first, is down: v1a is the one.
      const index = async (dev: string): Promise<number> =>
        Number(/^(\d+):/.exec((await run(['ip', '-n', a, '-o', 'link', 'show', dev])).stdout)![1]);
      expect(await index('v0a')).toBeLessThan(await index('v1a'));
      expect((await run(['ip', '-n', a, 'link', 'set', 'v0a', 'down'])).code).toBe(0);
      const { ours, theirs } = await sideBySide(a, [], ['-w', join(dir, 'default.pcap')], () => Promise.resolve());
      const notice = theirs.stderr.split('\n').find((line) => line.includes('listening on'))!.replace(/^tcpdump: /, '');
      expect(notice).toBe('listening on v1a, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
      expect(ours.stderr.split('\n')[0]).toBe(notice);
    } finally {
      net.destroy();
    }
  });
});

describe('bad input: one line on stderr, a non-zero status, no stack trace, no hang', () => {
  let good: string;
  beforeAll(() => {
    const writer = PcapWriter.inMemory({ linkType: LINKTYPE.EN10MB });
    const frame = Buffer.alloc(60);
    frame.writeUInt16BE(0x0806, 12);
    writer.write(frame, { sec: 1700000000, nsec: 0 });
    writer.write(frame, { sec: 1700000001, nsec: 0 });
    const bytes = writer.toBuffer();
    good = join(dir, 'good.pcap');
    writeFileSync(good, bytes);
    writeFileSync(join(dir, 'short-header.pcap'), bytes.subarray(0, 10));
    writeFileSync(join(dir, 'not-a-capture.pcap'), 'this is not a capture file at all\n');
    writeFileSync(join(dir, 'cut-record.pcap'), bytes.subarray(0, bytes.length - 20));
    writeFileSync(join(dir, 'secret.pcap'), bytes, { mode: 0o600 });
    mkdirSync(join(dir, 'a-directory'));
  });

  // [arguments, what the line says, status]
  const cases: Array<[string[], RegExp, number]> = [
    [['-q'], /invalid option -- 'q' \(try 'bsd-socket sniff --help'\)$/, 2],
    [['--promiscuous'], /unrecognized option '--promiscuous'/, 2],
    [['--nano=yes'], /option '--nano' doesn't allow an argument/, 2],
    [['-c'], /option requires an argument -- 'c'/, 2],
    [['-i'], /option requires an argument -- 'i'/, 2],
    [['-r'], /option requires an argument -- 'r'/, 2],
    [['-w'], /option requires an argument -- 'w'/, 2],
    [['-c', 'x'], /invalid count: 'x'$/, 2],
    [['-c', '0'], /invalid count: '0': out of range: 1 <= value <= 2147483647$/, 2],
    [['-c', '-3'], /invalid count: '-3': out of range/, 2],
    [['-c', '1e3'], /invalid count: '1e3'$/, 2],
    [['-s', 'big'], /invalid snaplen: 'big'$/, 2],
    [['-s', '-1'], /invalid snaplen: '-1': out of range: 0 <= value <= 262144$/, 2],
    [['-s', '262145'], /invalid snaplen: '262145': out of range/, 2],
    [['-i', ''], /invalid interface: ''$/, 2],
    [['-r', ''], /invalid file: ''$/, 2],
  ];
  test.each(cases.map(([args, pattern, status]) => [args.join(' '), args, pattern, status] as const))(
    'sniff %s', async (_title, args, pattern, status) => {
      expectOneLineError(await runCommand(['sniff', ...args]), 'sniff', pattern, status);
    });

  test('files: missing, unreadable, a directory, not a capture, a header cut short', async () => {
    const files: Array<[string, RegExp]> = [
      [join(dir, 'nonexistent.pcap'), /nonexistent\.pcap: No such file or directory$/],
      [join(dir, 'a-directory'), /a-directory: Illegal operation on a directory$/],
      [join(dir, 'not-a-capture.pcap'), /not-a-capture\.pcap: unknown magic number 0x74686973 at byte 0$/],
      [join(dir, 'short-header.pcap'), /short-header\.pcap: .*at byte 0$/],
    ];
    for (const [file, pattern] of files) expectOneLineError(await runCommand(['sniff', '-r', file]), 'sniff', pattern, 1);
    expectOneLineError(await runCommand(['sniff', '-r', join(dir, 'secret.pcap')], { prefix: UNPRIVILEGED }), 'sniff',
      /secret\.pcap: Permission denied$/, 1);
    expectOneLineError(await runCommand(['sniff', '-r', good, '-w', join(dir, 'no-such-dir', 'out.pcap')]), 'sniff',
      /out\.pcap: No such file or directory$/, 1);
  });

  test('a record cut short: the records before it, then one line, as tcpdump\'s "truncated dump file"', async () => {
    const r = await runCommand(['sniff', '-r', join(dir, 'cut-record.pcap')]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual((await tcpdumpRead(good)).slice(0, 1));
    const [notice, error, ...rest] = lines(r.stderr);
    expect(notice).toMatch(/^reading from file .*cut-record\.pcap, link-type EN10MB \(Ethernet\), snapshot length 262144$/);
    expect(error).toMatch(/^bsd-socket sniff: .*cut-record\.pcap: truncated dump file: .* at byte \d+$/);
    expect(rest).toEqual([]);
  });

  test('reading a file needs no privilege: the lines tcpdump prints, as nobody', async () => {
    const r = await runCommand(['sniff', '-r', good, 'arp'], { prefix: UNPRIVILEGED });
    expect({ code: r.code, stdout: lines(r.stdout) }).toEqual({ code: 0, stdout: await tcpdumpRead(good, ['arp']) });
    expect(lines(r.stdout)).toHaveLength(2);
  });

  test('a file of 50,000 frames: every line reaches a pipe that reads slowly; one that closes ends sniff quietly', async () => {
    const writer = PcapWriter.inMemory({ linkType: LINKTYPE.EN10MB });
    const frame = Buffer.alloc(60);
    frame.writeUInt16BE(0x0806, 12);
    for (let i = 0; i < 50000; i++) writer.write(frame, { sec: 1700000000 + Math.floor(i / 1000), nsec: i * 1000 });
    const big = join(dir, 'big.pcap');
    writeFileSync(big, writer.toBuffer());
    // The reader sleeps first, while sniff fills the pipe.
    const slow = await runCommand(['sniff', '-r', big], { prefix: ['bash', '-c', '"$@" | (sleep 1; wc -l)', 'bash'] });
    expect({ code: slow.code, stdout: slow.stdout.trim() }).toEqual({ code: 0, stdout: '50000' });
    const head = await runCommand(['sniff', '-r', big],
      { prefix: ['bash', '-c', '"$@" | head -n 2 >/dev/null; exit "${PIPESTATUS[0]}"', 'bash'] });
    expect(head.code).toBe(141);
    expect(lines(head.stderr)).toEqual([expect.stringMatching(/^reading from file .*big\.pcap, link-type EN10MB/)]);
  });

  test('a bad filter expression: one line with the position, before any capture starts', async () => {
    expectOneLineError(await runCommand(['sniff', '-r', good, 'host', 'and']), 'sniff',
      /at position 5 in filter expression "host and"$/, 1);
    expectOneLineError(await runCommand(['sniff', '-r', good, 'port 70000']), 'sniff', /filter expression "port 70000"$/, 1);
    // Live: refused before the socket (so without privileges too, and with nothing printed first).
    expectOneLineError(await runCommand(['sniff', '-i', 'lo', 'tcp and (']), 'sniff', /position \d+ in filter expression/, 1);
  });

  test('interfaces: unknown, down; no CAP_NET_RAW', async () => {
    const fresh = ['unshare', '--net'];
    expectOneLineError(await runCommand(['sniff', '-i', 'nosuch0'], { prefix: fresh }), 'sniff',
      /nosuch0: No such device exists$/, 1);
    // A new namespace's lo is down.
    expectOneLineError(await runCommand(['sniff', '-i', 'lo'], { prefix: fresh }), 'sniff', /lo: That device is not up$/, 1);
    expectOneLineError(await runCommand(['sniff', '-i', 'lo'], { prefix: UNPRIVILEGED }), 'sniff',
      /lo: You don't have permission to capture on that device \(socket: Operation not permitted; CAP_NET_RAW is needed\)$/, 1);
  });

  test('--help: the usage, every option, exit 0, whatever else is on the line', async () => {
    const r = await runCommand(['sniff', '-c', 'x', '--help']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^usage: bsd-socket sniff /);
    for (const option of ['-c count', '-i interface', '-r file', '-w file', '-s snaplen', '-x', '-e', '-S', '--nano']) {
      expect(r.stdout).toContain(`  ${option} `);
    }
    const all = await runCommand(['--help']);
    expect(all.stdout).toMatch(/^ {2}sniff +capture packets/m);
  });
});
