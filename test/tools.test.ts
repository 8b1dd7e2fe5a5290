// The sniff example, run for real on a network the test builds from
// namespaces, with traffic from the library and from the bsd-socket command
// (ping and traceroute, which were examples once, are tested as the command
// in test/cli-*.test.ts).
import { join } from 'node:path';

import { CLI_PATH } from './cli_helpers';
import { makeTopology, type Topology } from './topology';

const examples = join(__dirname, '..', 'build-ts', 'examples');

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
        require('node:child_process').execFileSync(process.execPath, [${JSON.stringify(CLI_PATH)}, 'ping', '-q', '-c', '1', '10.5.0.2']);
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
