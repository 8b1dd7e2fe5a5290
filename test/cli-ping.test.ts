// bsd-socket ping against iputils ping, run the same way: the same lines,
// in the same order, with the same counts, once times are masked; on
// loopback (v4, v6, a name), across a router in namespaces of the test's
// own, through a raw socket and through an unprivileged ICMP socket.
import { execFileSync } from 'node:child_process';

import { UNPRIVILEGED, run, runCommand, startCommand, type ChildResult } from './cli_helpers';
import { makeTopology, type Topology } from './topology';

/** The output with what varies from run to run masked: round-trip times and the elapsed time. */
function shape(output: string): string[] {
  return output.split('\n').map((line) => line
    .replace(/ time=\d+(\.\d+)? ms/, ' time=T ms')
    .replace(/, time \d+ms$/, ', time Tms')
    .replace(/^rtt min\/avg\/max\/mdev = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/, 'rtt min/avg/max/mdev = R ms'));
}

/** Runs iputils ping and ours with the same arguments (and prefix); expects the same shape and status. */
async function compareWithIputils(args: string[], prefix: string[] = []): Promise<ChildResult> {
  const [theirs, ours] = [await run(['ping', ...args], { prefix }), await runCommand(['ping', ...args], { prefix })];
  expect(ours.stderr).toBe(theirs.stderr);
  expect(shape(ours.stdout)).toEqual(shape(theirs.stdout));
  expect(ours.code).toBe(theirs.code);
  return ours;
}

/** min <= avg <= max in the rtt line, and each reply's time within [min, max]. */
function expectConsistentTimes(output: string): void {
  const rtt = /^rtt min\/avg\/max\/mdev = ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms$/m.exec(output);
  expect(rtt).not.toBeNull();
  const [min, avg, max] = rtt!.slice(1, 4).map(Number);
  expect(min).toBeLessThanOrEqual(avg);
  expect(avg).toBeLessThanOrEqual(max);
  // A reply's time has three or four significant digits, the rtt line three decimals.
  for (const [, time] of output.matchAll(/ time=([\d.]+) ms/g)) {
    expect(Number(time)).toBeGreaterThanOrEqual(min * 0.99 - 0.001);
    expect(Number(time)).toBeLessThanOrEqual(max * 1.01 + 0.001);
  }
}

describe('on loopback, line for line as iputils ping', () => {
  test.each([
    ['127.0.0.1', ['-c', '3', '-i', '0.2', '127.0.0.1']],
    ['::1', ['-c', '3', '-i', '0.2', '::1']],
    ['localhost, resolved, replies named', ['-c', '2', '-i', '0.2', 'localhost']],
    ['-n localhost', ['-n', '-c', '2', '-i', '0.2', 'localhost']],
    ['-4 localhost', ['-4', '-c', '1', 'localhost']],
    ['-q', ['-q', '-c', '2', '-i', '0.2', '127.0.0.1']],
    ['-s 8: too small to time, so no times', ['-c', '2', '-i', '0.2', '-s', '8', '127.0.0.1']],
    ['-s 1000 over IPv6', ['-c', '2', '-i', '0.2', '-s', '1000', '::1']],
    ['-t 3', ['-c', '1', '-t', '3', '127.0.0.1']],
    ['combined flags and an attached value: -qnc2', ['-qnc2', '-i', '0.2', '127.0.0.1']],
  ])('%s', async (_title, args) => {
    const ours = await compareWithIputils(args);
    expect(ours.code).toBe(0);
    if (!args.includes('8')) expectConsistentTimes(ours.stdout);
  });

  test('the header and a reply, exactly', async () => {
    const r = await runCommand(['ping', '-c', '1', 'localhost']);
    expect(r.stdout).toMatch(/^PING localhost \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1 ttl=64 time=\d+\.\d+ ms\n\n--- localhost ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = /);
    const v6 = await runCommand(['ping', '-c', '1', '-s', '100', '::1']);
    expect(v6.stdout).toMatch(/^PING ::1\(::1\) 100 data bytes\n108 bytes from ::1: icmp_seq=1 ttl=64 time=/);
  });

  test('Ctrl-C prints the statistics and exits 0, as ping does', async () => {
    const running = startCommand(['ping', '-i', '0.2', '127.0.0.1']);
    await running.waitFor(/icmp_seq=3 /);
    running.child.kill('SIGINT');
    const r = await running.done;
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const counts = /\n--- 127\.0\.0\.1 ping statistics ---\n(\d+) packets transmitted, (\d+) received, [\d.]+% packet loss, time \d+ms\nrtt /.exec(r.stdout);
    expect(counts).not.toBeNull();
    const [transmitted, received] = counts!.slice(1).map(Number);
    expect(received).toBeGreaterThanOrEqual(3);
    expect(received).toBeLessThanOrEqual(transmitted);
  });

  test('-w: stops at the deadline (exit 0); with -c, short of count, exit 1', async () => {
    const timed = await runCommand(['ping', '-i', '0.2', '-w', '1', '127.0.0.1']);
    expect(timed.code).toBe(0);
    expect(timed.ms).toBeGreaterThan(900);
    expect(Number(/(\d+) packets transmitted/.exec(timed.stdout)![1])).toBeGreaterThanOrEqual(4);
    const short = await runCommand(['ping', '-c', '10', '-i', '0.2', '-w', '0.5', '127.0.0.1']);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/\n[1-4] packets transmitted, [1-4] received, 0% packet loss/);
  });
});

// An ICMP datagram socket, as a user without CAP_NET_RAW gets: in a network
// namespace of the test's own whose ping_group_range lets every group in.
const UNPRIVILEGED_WITH_PING_GROUP = ['unshare', '--net', 'sh', '-c',
  'ip link set lo up && sysctl -qw net.ipv4.ping_group_range="0 2147483647" && exec "$@"', 'sh', ...UNPRIVILEGED];

// (node, with no file capabilities, cannot open a raw socket as nobody: see
// cli.test.ts; iputils ping may, with its own.)
describe('without privileges: an unprivileged ICMP socket (SOCK_DGRAM), same output as iputils there', () => {
  test.each([['127.0.0.1'], ['::1']])('%s', async (address) => {
    const ours = await compareWithIputils(['-c', '2', '-i', '0.2', address], UNPRIVILEGED_WITH_PING_GROUP);
    expect(ours.code).toBe(0);
    expect(ours.stdout).toContain(`64 bytes from ${address}: icmp_seq=2 ttl=64 time=`);
  });
});

describe('across a router: a (10.1.0.1, fd01::1) - r - b (10.2.0.2, fd02::2)', () => {
  let net: Topology;
  beforeAll(() => {
    net = makeTopology(['a', 'r', 'b'], [
      ['a', '10.1.0.1/24,fd01::1/64', 'r', '10.1.0.254/24,fd01::254/64'],
      ['r', '10.2.0.254/24,fd02::254/64', 'b', '10.2.0.2/24,fd02::2/64'],
    ], [
      ['a', '10.2.0.0/24', '10.1.0.254'], ['b', '10.1.0.0/24', '10.2.0.254'],
      ['a', 'fd02::/64', 'fd01::254'], ['b', 'fd01::/64', 'fd02::254'],
    ], ['r']);
    // No ICMP rate limit on the router: the kernel answers about six errors
    // per second to one peer, and the comparisons together ask for more.
    execFileSync('ip', ['netns', 'exec', net.ns('r'), 'sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1',
      'net.ipv4.icmp_ratelimit=0', 'net.ipv6.icmp.ratelimit=0']);
    // Neighbours resolved before the comparisons, so no first round trip
    // waits for ARP or neighbour discovery (iputils would add ", pipe 2").
    for (const address of ['10.2.0.2', 'fd02::2']) {
      execFileSync('ip', ['netns', 'exec', net.ns('a'), 'ping', '-c', '1', '-W', '5', address]);
    }
  });
  afterAll(() => net.destroy());

  const inA = (): string[] => ['ip', 'netns', 'exec', net.ns('a')];
  const inAUnprivileged = (): string[] => [...inA(), 'sh', '-c',
    'sysctl -qw net.ipv4.ping_group_range="0 2147483647" && exec "$@"', 'sh', ...UNPRIVILEGED];

  test.each([['10.2.0.2'], ['fd02::2']])('%s: replies with one hop less of TTL', async (address) => {
    const ours = await compareWithIputils(['-c', '2', '-i', '0.2', address], inA());
    expect(ours.stdout).toContain(`64 bytes from ${address}: icmp_seq=1 ttl=63 time=`);
  });

  test.each([
    ['10.2.0.2', 'From 10.1.0.254 icmp_seq=1 Time to live exceeded'],
    ['fd02::2', 'From fd01::254 icmp_seq=1 Time exceeded: Hop limit'],
  ])('%s -t 1: the router answers, errors counted, exit 1 (raw socket)', async (address, line) => {
    const ours = await compareWithIputils(['-c', '2', '-i', '0.2', '-t', '1', address], inA());
    expect(ours.stdout).toContain(`${line}\n`);
    expect(ours.stdout).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
    expect(ours.code).toBe(1);
  });

  test.each([
    ['10.2.0.2', 'From 10.1.0.254 icmp_seq=1 Time to live exceeded'],
    ['fd02::2', 'From fd01::254 icmp_seq=1 Time exceeded: Hop limit'],
  ])('%s -t 1 without privileges: the error comes through the error queue (IP_RECVERR)', async (address, line) => {
    const ours = await compareWithIputils(['-c', '2', '-i', '0.2', '-t', '1', address], inAUnprivileged());
    expect(ours.stdout).toContain(`${line}\n`);
    expect(ours.stdout).toContain('+2 errors, 100% packet loss');
  });

  test('an address nobody answers: 100% loss after the -W wait, exit 1', async () => {
    const r = await runCommand(['ping', '-c', '2', '-i', '0.2', '-W', '0.3', '10.2.0.77'], { prefix: inA() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\n2 packets transmitted, 0 received, (\+\d+ errors, )?100% packet loss, time \d+ms\n\n$/);
    expect(r.ms).toBeLessThan(5000);
  });
});
