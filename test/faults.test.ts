// Faults on a real network the test builds: a (10.6.0.1) - b (10.6.0.2),
// with nftables rules in b that drop a share of packets, answer with TCP
// resets, or swallow SYNs. The echo server example runs in b.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

import { makeTopology, type Topology } from './topology';

const examples = join(__dirname, '..', 'build-ts', 'examples');
let net: Topology;
let server: ChildProcess;

const nft = (...args: string[]): string => execFileSync('ip', ['netns', 'exec', net.ns('b'), 'nft', ...args]).toString();

beforeAll(async () => {
  net = makeTopology(['a', 'b'], [['a', '10.6.0.1/24', 'b', '10.6.0.2/24']]);
  server = spawn('ip', ['netns', 'exec', net.ns('b'), process.execPath, join(examples, 'echo-server.js'), '7001', '10.6.0.2'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(server.stdout!, 'data'); // "echo server listening on ..."
  nft('add', 'table', 'inet', 'faults');
  nft('add', 'chain', 'inet', 'faults', 'input', '{ type filter hook input priority 0 ; }');
  nft('add', 'chain', 'inet', 'faults', 'output', '{ type filter hook output priority 0 ; }');
});

afterAll(async () => {
  server.kill('SIGTERM');
  const killer = setTimeout(() => server.kill('SIGKILL'), 2000);
  await once(server, 'close');
  clearTimeout(killer);
  net.destroy();
});

afterEach(() => {
  nft('flush', 'chain', 'inet', 'faults', 'input');
  nft('flush', 'chain', 'inet', 'faults', 'output');
});

/** Packets a rule with a counter has matched. */
function counted(): number {
  return [...nft('list', 'table', 'inet', 'faults').matchAll(/counter packets (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

test('every 14th packet dropped each way (7%): 2 MiB still echoed byte-exact', async () => {
  // A fixed pattern rather than a random share: the run replays exactly.
  nft('add', 'rule', 'inet', 'faults', 'input', 'tcp', 'dport', '7001', 'numgen', 'inc', 'mod', '14', '==', '0', 'counter', 'drop');
  nft('add', 'rule', 'inet', 'faults', 'output', 'tcp', 'sport', '7001', 'numgen', 'inc', 'mod', '14', '==', '0', 'counter', 'drop');
  const r = await net.run('a', `
    const { echoOnce } = require(${JSON.stringify(join(examples, 'echo-client.js'))});
    const data = Buffer.alloc(2 << 20);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) & 0xff;
    echoOnce(7001, '10.6.0.2', data).then((reply) => console.log(JSON.stringify({ same: reply.equals(data), length: reply.length })));
  `, 60000);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ same: true, length: 2 << 20 });
  const dropped = counted();
  expect(dropped).toBeGreaterThanOrEqual(4); // the faults really happened
  process.stdout.write(`faults: ${dropped} packets dropped, 2 MiB echoed byte-exact\n`);
}, 90000);

test('a TCP reset answers the SYN: connect raises ConnectionRefusedError', async () => {
  nft('add', 'rule', 'inet', 'faults', 'input', 'tcp', 'dport', '7002', 'counter', 'reject', 'with', 'tcp', 'reset');
  const r = await net.run('a', `
    lib.socket().connect({ address: '10.6.0.2', port: 7002 }).then(() => console.log('connected'), (e) => console.log(e.name, e.code));
  `);
  expect(r.stdout.trim()).toBe('ConnectionRefusedError ECONNREFUSED');
  expect(counted()).toBeGreaterThan(0);
});

test('a reset mid-stream: ConnectionResetError', async () => {
  const r = await net.run('a', `
    const { execFileSync } = require('node:child_process');
    (async () => {
      const s = lib.socket();
      await s.connect({ address: '10.6.0.2', port: 7001 });
      await s.sendall('before');
      const first = (await s.recv(10)).toString();
      // From now on b answers everything on this connection with a reset.
      execFileSync('ip', ['netns', 'exec', ${JSON.stringify(net.ns('b'))}, 'nft', 'add', 'rule', 'inet', 'faults', 'input',
        'tcp', 'dport', '7001', 'counter', 'reject', 'with', 'tcp', 'reset']);
      await s.sendall('after');
      try { await s.recv(10, 0, { timeout: 3000 }); console.log(first, 'no error'); }
      catch (e) { console.log(first, e.name, e.code); }
      s.close();
    })();
  `);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('before ConnectionResetError ECONNRESET');
});

describe.each([['blocking', true], ['non-blocking', false]] as const)('SYNs swallowed (%s)', (_mode, blocking) => {
  test('the connect timeout fires on time, and close during a connect rejects at once', async () => {
    nft('add', 'rule', 'inet', 'faults', 'input', 'tcp', 'dport', '7003', 'counter', 'drop');
    const r = await net.run('a', `
      (async () => {
        const out = {};
        const s = lib.socket();
        s.setblocking(${blocking});
        let start = performance.now();
        try { await s.connect({ address: '10.6.0.2', port: 7003 }, { timeout: 300 }); } catch (e) { out.timeout = [e.name, Math.round(performance.now() - start)]; }
        s.close();
        const t = lib.socket();
        t.setblocking(${blocking});
        const pending = t.connect({ address: '10.6.0.2', port: 7003 });
        await new Promise((r) => setTimeout(r, 100));
        start = performance.now();
        t.close();
        try { await pending; } catch (e) { out.close = [e.name, Math.round(performance.now() - start)]; }
        console.log(JSON.stringify(out));
      })();
    `);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { timeout: [string, number]; close: [string, number] };
    expect(out.timeout[0]).toBe('SocketTimeoutError');
    expect(out.timeout[1]).toBeGreaterThanOrEqual(299);
    expect(out.timeout[1]).toBeLessThan(400);
    expect(out.close[0]).toBe('SocketClosedError');
    expect(out.close[1]).toBeLessThan(50);
    expect(counted()).toBeGreaterThan(0);
  });
});
