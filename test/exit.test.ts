// Leaving: process.exit() with pending operations, Workers terminated with
// pending operations, and sockets dropped without close().
import { runChild } from './helpers';

const pendingOps = `
  const server = lib.socket(); server.bind({ address: '127.0.0.1', port: 0 }); server.listen();
  const waits = [];
  for (let i = 0; i < 100; i++) {
    const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
    s.bind({ address: '127.0.0.1', port: 0 });
    if (i % 2) s.setblocking(false);          // half on the event loop, half on workers
    waits.push(s.recv(10).catch(() => {}));
  }
  waits.push(server.accept().catch(() => {}));
  const receiving = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK);
  receiving.bind({ address: '127.0.0.1', port: 0 });
  receiving.recvEach(Buffer.alloc(10), () => {});
  const batching = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK);
  batching.bind({ address: '127.0.0.1', port: 0 });
  batching.recvmmsgEach(new lib.MessageBatch(8, 64), () => {});
`;

test.each(['blocking and non-blocking'])('process.exit(7) with 100 pending operations (%s) exits with 7 within 1 s', async () => {
  const result = await runChild(`
    ${pendingOps}
    setTimeout(() => { globalThis.start = Date.now(); process.exit(7); }, 100);
  `, { timeoutMs: 10000 });
  expect(result.signal).toBeNull();
  expect(result.code).toBe(7);
  expect(result.ms).toBeLessThan(1000 + 1000); // child start-up (~100-300 ms) + the 100 ms delay + 1 s
});

test('eight Workers with pending operations terminate within 1 s each, leaving no fds', async () => {
  const result = await runChild(`
    const { Worker } = require('node:worker_threads');
    const { readdirSync } = require('node:fs');
    const fds = () => readdirSync('/proc/self/fd').length;
    const libPath = require.resolve(${JSON.stringify(require.resolve('../dist/index.js'))});
    const workerSource = 'const lib = require(' + JSON.stringify(libPath) + ');' + ${JSON.stringify(pendingOps)}
      + 'require("node:worker_threads").parentPort.postMessage("waiting");';
    const round = async (times) => {
      const workers = Array.from({ length: 8 }, () => new Worker(workerSource, { eval: true }));
      await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
      await Promise.all(workers.map(async (w) => {
        const start = performance.now();
        await w.terminate();
        times.push(performance.now() - start);
      }));
    };
    (async () => {
      // A first round before the baseline: Node opens a few fds of its own
      // once per process (a reserve /dev/null fd among them) on first use.
      const times = [];
      await round(times);
      await new Promise((r) => setTimeout(r, 100));
      const baseline = fds();
      for (let i = 0; i < 2; i++) await round(times);
      // A Worker thread closes its own loop's fds as it exits, which on a busy
      // machine can lag terminate() a little: wait (at most 2 s) for baseline.
      for (let i = 0; i < 200 && fds() !== baseline; i++) await new Promise((r) => setTimeout(r, 10));
      console.log(JSON.stringify({ baseline, after: fds(), slowest: Math.max(...times) }));
    })();
  `, { timeoutMs: 30000 });
  expect(result.stderr).toBe('');
  expect(result.signal).toBeNull();
  const { baseline, after, slowest } = JSON.parse(result.stdout) as { baseline: number; after: number; slowest: number };
  expect(slowest).toBeLessThan(1000);
  expect(after).toBe(baseline);
});

test('a socket dropped while open is closed on GC, with one warning', async () => {
  const result = await runChild(`
    const { readlinkSync } = require('node:fs');
    const warnings = [];
    process.on('warning', (w) => warnings.push(w.code));
    let fd;
    (() => { const s = lib.socket(); fd = s.fileno(); })();
    // Reading /proc/self/fd would itself take the freed number: look at what the fd is.
    const open = () => { try { return readlinkSync('/proc/self/fd/' + fd).startsWith('socket:'); } catch { return false; } };
    const before = open();
    (async () => {
      for (let i = 0; i < 20 && open(); i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
      console.log(JSON.stringify({ before, after: open(), warnings }));
    })();
  `, { args: ['--expose-gc'] });
  expect(result.stderr).toContain('Closed socket fd');
  expect(JSON.parse(result.stdout)).toEqual({ before: true, after: false, warnings: ['BSD_SOCKET_UNCLOSED'] });
});

test('a socket dropped after a recv waited on the loop is still closed on GC', async () => {
  // The native handle keeps the socket's waiter for good: this fails if the
  // waiter still pointed at the socket after its recv settled.
  const result = await runChild(`
    const { readlinkSync } = require('node:fs');
    const warnings = [];
    process.on('warning', (w) => warnings.push(w.code));
    let fd;
    const open = () => { try { return readlinkSync('/proc/self/fd/' + fd).startsWith('socket:'); } catch { return false; } };
    (async () => {
      const peer = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
      const got = await (async () => {
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK);
        s.bind({ address: '127.0.0.1', port: 0 });
        fd = s.fileno();
        const pending = s.recv(10);
        await new Promise((r) => setTimeout(r, 10));
        await peer.sendto('hello', s.getsockname());
        return (await pending).toString();
      })();
      peer.close();
      const before = open();
      for (let i = 0; i < 20 && open(); i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
      console.log(JSON.stringify({ got, before, after: open(), warnings }));
    })();
  `, { args: ['--expose-gc'] });
  expect(result.stderr).toContain('Closed socket fd');
  expect(JSON.parse(result.stdout)).toEqual({ got: 'hello', before: true, after: false, warnings: ['BSD_SOCKET_UNCLOSED'] });
});

test('sockets closed or detached before they are collected give no warning', async () => {
  const result = await runChild(`
    const warnings = [];
    process.on('warning', (w) => warnings.push(w.code));
    const fds = [];
    (() => {
      for (let i = 0; i < 200; i++) lib.socket().close();
      for (let i = 0; i < 10; i++) fds.push(lib.socket().detach());
      for (let i = 0; i < 2; i++) lib.socket();
    })();
    (async () => {
      for (let i = 0; i < 20 && warnings.length < 2; i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
      await new Promise((r) => setTimeout(r, 50));
      const detachedOpen = fds.filter((fd) => require('node:fs').fstatSync(fd).isSocket()).length;
      console.log(JSON.stringify({ warnings, detachedOpen }));
    })();
  `, { args: ['--expose-gc'] });
  // The two dropped open: two warnings, and none for the 200 closed or the 10 detached (still open).
  expect(JSON.parse(result.stdout)).toEqual({ warnings: ['BSD_SOCKET_UNCLOSED', 'BSD_SOCKET_UNCLOSED'], detachedOpen: 10 });
});

// Blocking: the op waits on a worker. Non-blocking: on the loop, through the
// socket's waiter (lib/recv_waiter.ts), which the native handle keeps.
test.each([['blocking', true], ['non-blocking', false]])('a %s socket with an operation in flight is not collected', async (_, blocking) => {
  const result = await runChild(`
    (async () => {
      const peer = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
      peer.bind({ address: '127.0.0.1', port: 0 });
      let address;
      const pending = (() => {
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        s.bind({ address: '127.0.0.1', port: 0 });
        s.setblocking(${blocking});
        address = s.getsockname();
        return s.recv(10).then((b) => { const text = b.toString(); s.close(); return text; });
      })();
      for (let i = 0; i < 5; i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
      await peer.sendto('still here', address);
      console.log(await pending);
      peer.close();
    })();
  `, { args: ['--expose-gc'] });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('still here');
});
