// bsd-socket traceroute over a network of the test's own, two routers
// between a and b, IPv4 and IPv6: UDP probes answered through the error
// queue (no privilege needed), ICMP echo probes with -I; silent hops and
// unreachable networks; output as Linux traceroute prints it.
import { execFileSync } from 'node:child_process';

import { UNPRIVILEGED, runCommand } from './cli_helpers';
import { makeTopology, type Topology } from './topology';

const TIME = '\\d+\\.\\d{3} ms';
/** A hop line: the hop number, the address once, then `count` times. */
const hop = (ttl: number, address: string, count = 3): RegExp =>
  new RegExp(`^${String(ttl).padStart(2)}  ${address.replace(/\./g, '\\.')}${`  ${TIME}`.repeat(count)}$`);

describe('a (10.1.0.1, fd01::1) - r1 - r2 - b (10.3.0.2, fd03::2)', () => {
  let net: Topology;
  beforeAll(() => {
    net = makeTopology(['a', 'r1', 'r2', 'b'], [
      ['a', '10.1.0.1/24,fd01::1/64', 'r1', '10.1.0.254/24,fd01::254/64'],
      ['r1', '10.2.0.1/24,fd12::1/64', 'r2', '10.2.0.2/24,fd12::2/64'],
      ['r2', '10.3.0.254/24,fd03::254/64', 'b', '10.3.0.2/24,fd03::2/64'],
    ], [
      ['a', 'default', '10.1.0.254'], ['r1', '10.3.0.0/24', '10.2.0.2'], ['r2', '10.1.0.0/24', '10.2.0.1'],
      ['b', 'default', '10.3.0.254'],
      ['a', 'fd12::/64', 'fd01::254'], ['a', 'fd03::/64', 'fd01::254'], ['r1', 'fd03::/64', 'fd12::2'],
      ['r2', 'fd01::/64', 'fd12::1'], ['b', 'fd01::/64', 'fd03::254'], ['b', 'fd12::/64', 'fd03::254'],
    ], ['r1', 'r2']);
    for (const host of ['r1', 'r2', 'b']) {
      // ICMP errors unthrottled (the kernel allows a burst of 6, then one a
      // second), so back-to-back traces all get their answers.
      execFileSync('ip', ['netns', 'exec', net.ns(host), 'sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1',
        'net.ipv4.icmp_ratelimit=0', 'net.ipv6.icmp.ratelimit=0']);
    }
  });
  afterAll(() => net.destroy());

  const inA = (): string[] => ['ip', 'netns', 'exec', net.ns('a')];

  test.each([
    ['UDP, IPv4', [], '10.3.0.2', ['10.1.0.254', '10.2.0.2', '10.3.0.2'], 60],
    ['UDP, IPv6', [], 'fd03::2', ['fd01::254', 'fd12::2', 'fd03::2'], 80],
    ['ICMP (-I), IPv4', ['-I'], '10.3.0.2', ['10.1.0.254', '10.2.0.2', '10.3.0.2'], 60],
    ['ICMP (-I), IPv6', ['-I'], 'fd03::2', ['fd01::254', 'fd12::2', 'fd03::2'], 80],
  ])('%s: each router in turn, then the destination, three timed probes each', async (_title, flags, target, hops, size) => {
    const r = await runCommand(['traceroute', ...flags, '-n', '-w', '2', target], { prefix: inA() });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`traceroute to ${target} (${target}), 30 hops max, ${size} byte packets`);
    expect(lines.slice(1)).toEqual(hops.map((address, i) => expect.stringMatching(hop(i + 1, address))));
  });

  test('as nobody: UDP probes need no privilege', async () => {
    const r = await runCommand(['traceroute', '-n', '-q', '1', '-w', '2', '10.3.0.2'], { prefix: [...inA(), ...UNPRIVILEGED] });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.trimEnd().split('\n').slice(1)).toEqual(
      ['10.1.0.254', '10.2.0.2', '10.3.0.2'].map((address, i) => expect.stringMatching(hop(i + 1, address, 1))));
  });

  test('-m 2 -q 2: two hops, two probes each, then it stops', async () => {
    const r = await runCommand(['traceroute', '-n', '-m', '2', '-q', '2', '-w', '2', '10.3.0.2'], { prefix: inA() });
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'traceroute to 10.3.0.2 (10.3.0.2), 2 hops max, 60 byte packets',
      expect.stringMatching(hop(1, '10.1.0.254', 2)), expect.stringMatching(hop(2, '10.2.0.2', 2)),
    ]);
  });

  test('a hop that does not answer is *; a router with no route ends the trace with !N', async () => {
    // a sends fd09::/64 and fd08::/64 to r1 too, as it sends all of IPv4 there.
    for (const prefix of ['fd09::/64', 'fd08::/64']) execFileSync('ip', ['-n', net.ns('a'), 'route', 'add', prefix, 'via', 'fd01::254']);
    // r1 sends 10.9.0.0/24 and fd09::/64 on to r2, which drops them silently (blackhole routes).
    for (const [prefix, r2] of [['10.9.0.0/24', '10.2.0.2'], ['fd09::/64', 'fd12::2']]) {
      execFileSync('ip', ['-n', net.ns('r1'), 'route', 'add', prefix, 'via', r2]);
      execFileSync('ip', ['-n', net.ns('r2'), 'route', 'add', 'blackhole', prefix]);
    }
    for (const [silent, firstHop] of [['10.9.0.1', '10.1.0.254'], ['fd09::1', 'fd01::254']]) {
      const r = await runCommand(['traceroute', '-n', '-m', '3', '-q', '1', '-w', '0.3', silent], { prefix: inA() });
      expect(r.stdout.trimEnd().split('\n').slice(1)).toEqual([expect.stringMatching(hop(1, firstHop, 1)), ' 2  *', ' 3  *']);
    }
    // Nothing routes 10.8.0.0/24 or fd08::/64 past r1.
    for (const [unreachable, firstHop] of [['10.8.0.1', '10.1.0.254'], ['fd08::1', 'fd01::254']]) {
      const r = await runCommand(['traceroute', '-n', '-q', '1', '-w', '2', unreachable], { prefix: inA() });
      expect(r.stdout.trimEnd().split('\n').slice(1)).toEqual(
        [expect.stringMatching(new RegExp(`^ 1  ${firstHop.replace(/\./g, '\\.')}  ${TIME} !N$`))]);
    }
  });
});

test('on loopback, names looked up as Linux traceroute shows them: name (address)', async () => {
  const r = await runCommand(['traceroute', '-q', '2', '-w', '2', 'localhost']);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(r.stdout.trimEnd().split('\n')).toEqual([
    'traceroute to localhost (127.0.0.1), 30 hops max, 60 byte packets',
    expect.stringMatching(new RegExp(`^ 1  localhost \\(127\\.0\\.0\\.1\\)  ${TIME}  ${TIME}$`)),
  ]);
});
