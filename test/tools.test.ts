// The tools in examples/, each run for real: ping on loopback and across a
// router, in networks the tests build from namespaces.
import { join } from 'node:path';

import { ping } from '../examples/ping';
import { makeTopology, type Topology } from './topology';

const examples = join(__dirname, '..', 'build-ts', 'examples');

describe('ping', () => {
  test.each(['127.0.0.1', '::1'])('%s: every request answered, iputils-style output and summary', async (address) => {
    const lines: string[] = [];
    const result = await ping({ address, count: 3, intervalMs: 20, print: (l) => lines.push(l) });
    expect(result).toMatchObject({ transmitted: 3, received: 3, lossPercent: 0 });
    expect(lines[0]).toBe(`PING ${address} (${address}) 56(${address.includes(':') ? 104 : 84}) bytes of data.`);
    for (let seq = 1; seq <= 3; seq++) {
      expect(lines).toContainEqual(expect.stringMatching(
        new RegExp(`^64 bytes from ${address.replace(/\./g, '\\.')}: icmp_seq=${seq} ttl=64 time=\\d+\\.\\d{3} ms$`)));
    }
    expect(lines).toContain(`--- ${address} ping statistics ---`);
    expect(lines).toContainEqual(expect.stringMatching(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/));
    const stats = lines.find((l) => l.startsWith('rtt'))!;
    const [min, avg, max] = /= ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms/.exec(stats)!.slice(1).map(Number);
    expect(min).toBeLessThanOrEqual(avg);
    expect(avg).toBeLessThanOrEqual(max);
  });

  test('-s sets the payload size', async () => {
    const lines: string[] = [];
    await ping({ address: '127.0.0.1', count: 1, size: 200, print: (l) => lines.push(l) });
    expect(lines).toContainEqual(expect.stringMatching(/^208 bytes from 127\.0\.0\.1: icmp_seq=1/));
  });

  describe('across a router: a (10.1.0.1) - r - b (10.2.0.2)', () => {
    let net: Topology;
    beforeAll(() => {
      net = makeTopology(['a', 'r', 'b'], [
        ['a', '10.1.0.1/24', 'r', '10.1.0.254/24'],
        ['r', '10.2.0.254/24', 'b', '10.2.0.2/24'],
      ], [['a', '10.2.0.0/24', '10.1.0.254'], ['b', '10.1.0.0/24', '10.2.0.254']], ['r']);
    });
    afterAll(() => net.destroy());

    test('replies come back with the TTL one lower (one router on the way)', async () => {
      const r = await net.run('a', `
        require(${JSON.stringify(join(examples, 'ping.js'))}).ping({ address: '10.2.0.2', count: 2, intervalMs: 20 });`);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/64 bytes from 10\.2\.0\.2: icmp_seq=1 ttl=63 time=/);
      expect(r.stdout).toContain('2 packets transmitted, 2 received, 0% packet loss');
    });

    test('-t 1: the router answers Time to live exceeded, and nothing is received', async () => {
      const r = await net.run('a', `
        require(${JSON.stringify(join(examples, 'ping.js'))}).ping({ address: '10.2.0.2', count: 2, intervalMs: 20, ttl: 1, waitMs: 300 });`);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('From 10.1.0.254 icmp_seq=1 Time to live exceeded');
      expect(r.stdout).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
    });

    test('an address nobody answers: 100% loss', async () => {
      const r = await net.run('a', `
        require(${JSON.stringify(join(examples, 'ping.js'))}).ping({ address: '10.2.0.77', count: 2, intervalMs: 20, waitMs: 300 });`);
      expect(r.stdout).toContain('2 packets transmitted, 0 received');
      expect(r.stdout).toContain('100% packet loss');
    });
  });
});

describe('traceroute across two routers: a - r1 - r2 - b', () => {
  let net: Topology;
  beforeAll(() => {
    net = makeTopology(['a', 'r1', 'r2', 'b'], [
      ['a', '10.1.0.1/24', 'r1', '10.1.0.254/24'],
      ['r1', '10.2.0.1/24', 'r2', '10.2.0.2/24'],
      ['r2', '10.3.0.254/24', 'b', '10.3.0.2/24'],
    ], [
      ['a', 'default', '10.1.0.254'],
      ['r1', '10.3.0.0/24', '10.2.0.2'],
      ['r2', '10.1.0.0/24', '10.2.0.1'],
      ['b', 'default', '10.3.0.254'],
    ], ['r1', 'r2']);
  });
  afterAll(() => net.destroy());

  test('three hops, each router named in turn, three timed probes each', async () => {
    const r = await net.run('a', `
      require(${JSON.stringify(join(examples, 'traceroute.js'))}).traceroute({ address: '10.3.0.2', waitMs: 1000 })
        .then((hops) => console.log(JSON.stringify(hops)));`, 20000);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('traceroute to 10.3.0.2 (10.3.0.2), 30 hops max, 60 byte packets');
    expect(lines[1]).toMatch(/^ 1  10\.1\.0\.254  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$/);
    expect(lines[2]).toMatch(/^ 2  10\.2\.0\.2  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$/);
    expect(lines[3]).toMatch(/^ 3  10\.3\.0\.2  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$/);
    const hops = JSON.parse(lines[4]) as Array<{ ttl: number; from: string[]; times: number[] }>;
    expect(hops.map((h) => h.from[0])).toEqual(['10.1.0.254', '10.2.0.2', '10.3.0.2']);
    for (const hop of hops) for (const t of hop.times) expect(t).toBeGreaterThan(0);
  });

  test('a hop that does not answer shows as *; a router with no route ends the trace with !N', async () => {
    const { execFileSync } = await import('node:child_process');
    // r1 sends 10.9.0.0/24 on to r2, which drops it silently (a blackhole route).
    execFileSync('ip', ['-n', net.ns('r1'), 'route', 'add', '10.9.0.0/24', 'via', '10.2.0.2']);
    execFileSync('ip', ['-n', net.ns('r2'), 'route', 'add', 'blackhole', '10.9.0.0/24']);
    const script = (address: string): string => `
      require(${JSON.stringify(join(examples, 'traceroute.js'))}).traceroute({ address: '${address}', maxHops: 3, probes: 1, waitMs: 300 });`;
    const silent = (await net.run('a', script('10.9.0.1'), 20000)).stdout.trim().split('\n');
    expect(silent.slice(1)).toEqual([expect.stringMatching(/^ 1  10\.1\.0\.254  [\d.]+ ms$/), ' 2  *', ' 3  *']);
    // Nothing routes 10.8.0.0/24 past r1: it answers network unreachable.
    const unreachable = (await net.run('a', script('10.8.0.1'), 20000)).stdout.trim().split('\n');
    expect(unreachable.slice(1)).toEqual([expect.stringMatching(/^ 1  10\.1\.0\.254  [\d.]+ ms !N$/)]);
  });
});

describe('sniff on b, while a talks to it: a (10.5.0.1, fd05::1) - b (10.5.0.2, fd05::2)', () => {
  let net: Topology;
  beforeAll(() => {
    net = makeTopology(['a', 'b'], [['a', '10.5.0.1/24,fd05::1/64', 'b', '10.5.0.2/24,fd05::2/64']]);
  });
  afterAll(() => net.destroy());

  test('one tcpdump-style line per frame: ARP, ICMP echo, UDP, port unreachable, TCP SYN and RST, IPv6', async () => {
    // The traffic runs in a while the capture is bound in b: the capture
    // starts it itself, so no frame comes before it listens.
    const traffic = `
      const lib = require(${JSON.stringify(join(__dirname, '..', 'dist', 'index.js'))});
      (async () => {
        await require(${JSON.stringify(join(examples, 'ping.js'))}).ping({ address: '10.5.0.2', count: 1, print: () => {} });
        const udp = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        udp.bind({ address: '10.5.0.1', port: 40000 });
        await udp.sendto('hello', { address: '10.5.0.2', port: 9999 });
        const tcp = lib.socket();
        tcp.bind({ address: '10.5.0.1', port: 40001 });
        await tcp.connect({ address: '10.5.0.2', port: 80 }).catch(() => {});
        const udp6 = lib.socket(lib.AF_INET6, lib.SOCK_DGRAM);
        udp6.bind({ address: 'fd05::1', port: 40002 });
        await udp6.sendto('hello6', { address: 'fd05::2', port: 9999 });
        await new Promise((r) => setTimeout(r, 100));
        for (const s of [udp, tcp, udp6]) s.close();
      })();`;
    const r = await net.run('b', `
      const { execFileSync } = require('node:child_process');
      const done = require(${JSON.stringify(join(examples, 'sniff.js'))}).sniff({ interface: 'v0b', timeoutMs: 3000, print: () => {} });
      execFileSync('ip', ['netns', 'exec', ${JSON.stringify(net.ns('a'))}, process.execPath, '-e', ${JSON.stringify(traffic)}]);
      done.then((lines) => console.log(lines.join('\\n')));
    `, 20000);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, ''));
    const expected = [
      /^ARP, Request who-has 10\.5\.0\.2 tell 10\.5\.0\.1, length \d+$/,
      /^Out ARP, Reply 10\.5\.0\.2 is-at [0-9a-f:]{17}, length \d+$/,
      /^IP 10\.5\.0\.1 > 10\.5\.0\.2: ICMP echo request, id \d+, seq 1, length 64$/,
      /^Out IP 10\.5\.0\.2 > 10\.5\.0\.1: ICMP echo reply, id \d+, seq 1, length 64$/,
      /^IP 10\.5\.0\.1\.40000 > 10\.5\.0\.2\.9999: UDP, length 5$/,
      /^Out IP 10\.5\.0\.2 > 10\.5\.0\.1: ICMP 10\.5\.0\.2 udp port 9999 unreachable, length \d+$/,
      /^IP 10\.5\.0\.1\.40001 > 10\.5\.0\.2\.80: Flags \[S\], seq \d+, win \d+, length 0$/,
      /^Out IP 10\.5\.0\.2\.80 > 10\.5\.0\.1\.40001: Flags \[R\.\], seq 0, ack \d+, win 0, length 0$/,
      /^IP6 fd05::1\.40002 > fd05::2\.9999: UDP, length 6$/,
    ];
    for (const pattern of expected) expect(lines).toContainEqual(expect.stringMatching(pattern));
    // And in that order.
    const at = expected.map((pattern) => lines.findIndex((l) => pattern.test(l)));
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });
});
