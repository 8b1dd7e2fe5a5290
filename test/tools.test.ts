// The tools in examples/, each run for real: ping on loopback and across a
// router, in networks the tests build from namespaces.
import { join } from 'node:path';

import { ping } from '../examples/ping';
import { makeTopology, type Topology } from './topology';

const examples = join(__dirname, '..', 'dist', 'examples');

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
