// Blocking sockets and libuv's threadpool (native/core/thread_slots.h): waits
// never hold every thread, so more waits than threads, other pool work,
// Workers and exit all go on; a wait still queued for a thread ends at once.
// Each case runs in a child with its own pool size: 4 (libuv's default), 1, 2.
import {
  AF_INET, MSG_WAITALL, SOCK_STREAM, SocketTimeoutError, setThreadpoolReserve, socket, threadpoolUsage,
} from '../lib';
import { LIB_PATH, rejection, runChild, sleep, tcpPair, track } from './helpers';

const POOLS: Array<[string, Record<string, string>, number]> = [
  ['the default pool', {}, 4],
  ['UV_THREADPOOL_SIZE=1', { UV_THREADPOOL_SIZE: '1' }, 1],
  ['UV_THREADPOOL_SIZE=2', { UV_THREADPOOL_SIZE: '2' }, 2],
];

/** runChild with the pool size set, or libuv's default (the variable unset). */
function inPool(source: string, env: Record<string, string>, timeoutMs: number): ReturnType<typeof runChild> {
  return runChild(source, { timeoutMs, env, unsetEnv: env.UV_THREADPOOL_SIZE === undefined ? ['UV_THREADPOOL_SIZE'] : [] });
}

describe.each(POOLS)('with %s', (_name, env, poolSize) => {
  test('50 blocking clients connect, wait in recv and all get the later reply; fs.stat stays fast', async () => {
    const result = await inPool(`
      const fs = require('node:fs');
      (async () => {
        const server = lib.socket(lib.AF_INET, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
        server.bind({ address: '127.0.0.1', port: 0 });
        server.listen(128);
        const { port } = server.getsockname();
        const accepted = [];
        const accepting = (async () => { for (let i = 0; i < 50; i++) accepted.push((await server.accept())[0]); })();
        const clients = [];
        const replies = [];
        for (let i = 0; i < 50; i++) {
          const c = lib.socket();                      // blocking: its waits go to the threadpool
          await c.connect({ address: '127.0.0.1', port });
          await c.sendall('id ' + String(i).padStart(2, '0'));
          clients.push(c);
          replies.push(c.recv(64));
        }
        await accepting;
        const usage = lib.threadpoolUsage();
        const times = [];
        for (let i = 0; i < 41; i++) {
          const t = performance.now();
          await fs.promises.stat('/');
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        for (const conn of accepted) {
          const id = (await conn.recv(5)).toString();
          conn.sendSync('reply to ' + id);
        }
        const got = (await Promise.all(replies)).map(String);
        for (const s of [...clients, ...accepted, server]) s.close();
        console.log(JSON.stringify({ usage, median: times[20], got }));
      })();
    `, env, 20000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { usage, median, got } = JSON.parse(result.stdout) as
      { usage: { poolSize: number; reserve: number; inUse: number }; median: number; got: string[] };
    expect(usage.poolSize).toBe(poolSize);
    // At most poolSize - 1 waits on threads; the rest wait on the loop.
    expect(usage.inUse).toBe(poolSize - 1);
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => `reply to id ${String(i).padStart(2, '0')}`));
    expect(median).toBeLessThan(5);
    console.log(`${_name}: fs.promises.stat median ${median.toFixed(3)} ms with 50 blocking recvs waiting`);
  });

  test('4 Workers with 5 blocking recvfroms each (and non-blocking and Sync calls) terminate within 1 s; fds back to baseline', async () => {
    const result = await inPool(`
      const { Worker } = require('node:worker_threads');
      const { readdirSync } = require('node:fs');
      const fds = () => readdirSync('/proc/self/fd').length;
      const workerSource = 'const lib = require(${JSON.stringify(LIB_PATH)});' + \`
        const waits = [];
        for (let i = 0; i < 5; i++) {
          const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
          s.bind({ address: '127.0.0.1', port: 0 });
          waits.push(s.recvfrom(10).catch(() => {}));
          const n = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK);
          n.bind({ address: '127.0.0.1', port: 0 });
          waits.push(n.recvfrom(10).catch(() => {}));
        }
        // A ...Sync call blocks this thread, never the pool.
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        s.bind({ address: '127.0.0.1', port: 0 });
        s.settimeout(20);
        try { s.recvfromSync(10); } catch (e) { if (!(e instanceof lib.SocketTimeoutError)) throw e; }
        s.sendtoSync('self', s.getsockname());
        require('node:worker_threads').parentPort.postMessage(String(s.recvfromSync(10)[0]));
      \`;
      const round = async (times) => {
        const workers = Array.from({ length: 4 }, () => new Worker(workerSource, { eval: true }));
        const said = await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
        if (!said.every((m) => m === 'self')) throw new Error('a Worker said ' + said);
        await new Promise((r) => setTimeout(r, 50));
        // One at a time: each while the others' waits still hold what they hold.
        for (const w of workers) {
          const start = performance.now();
          await w.terminate();
          times.push(performance.now() - start);
        }
      };
      (async () => {
        const times = [];
        await round(times);   // Node opens a few fds of its own once, on first use
        await new Promise((r) => setTimeout(r, 100));
        const baseline = fds();
        await round(times);
        for (let i = 0; i < 200 && fds() !== baseline; i++) await new Promise((r) => setTimeout(r, 10));
        console.log(JSON.stringify({ baseline, after: fds(), slowest: Math.max(...times) }));
      })();
    `, env, 30000);
    expect(result.stderr).toBe('');
    const { baseline, after, slowest } = JSON.parse(result.stdout) as { baseline: number; after: number; slowest: number };
    expect(slowest).toBeLessThan(1000);
    expect(after).toBe(baseline);
    console.log(`${_name}: slowest Worker terminate() ${slowest.toFixed(1)} ms`);
  });

  test('process.exit(7) with 100 waiting calls, blocking and non-blocking, exits with 7 within 1 s', async () => {
    const result = await inPool(`
      const waits = [];
      for (let i = 0; i < 100; i++) {
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        s.bind({ address: '127.0.0.1', port: 0 });
        if (i % 2) s.setblocking(false);
        waits.push(s.recv(10).catch(() => {}));
      }
      setTimeout(() => {
        process.stdout.write(JSON.stringify({ usage: lib.threadpoolUsage(), at: Date.now() }) + '\\n');
        process.exit(7);
      }, 100);
    `, env, 10000);
    const exitedAt = Date.now();
    expect(result.code).toBe(7);
    const { usage, at } = JSON.parse(result.stdout) as { usage: { inUse: number }; at: number };
    expect(usage.inUse).toBe(poolSize - 1);
    expect(exitedAt - at).toBeLessThan(1000);
    console.log(`${_name}: exit took ${exitedAt - at} ms`);
  });
});

// Other work holds every pool thread (fs opens of a FIFO, which block until a
// writer comes), so the socket waits below are queued, not started: close,
// the timeout and an abort must end them at once, not when a thread frees.
test('a wait queued behind other pool work ends at once on close(), timeout and abort; fds back to baseline', async () => {
  const result = await runChild(`
    const fs = require('node:fs');
    const { execFileSync } = require('node:child_process');
    const os = require('node:os');
    const path = require('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsd-pool-'));
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const fds = () => fs.readdirSync('/proc/self/fd').length;
    const timed = (promise) => {
      const start = performance.now();
      return promise.then(() => ['resolved', performance.now() - start], (e) => [e.constructor.name, performance.now() - start]);
    };
    (async () => {
      const baseline = fds();
      const blockers = Array.from({ length: 4 }, () => fs.promises.open(fifo, 'r'));
      await new Promise((r) => setTimeout(r, 100));
      const sockets = Array.from({ length: 3 }, () => {
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        s.bind({ address: '127.0.0.1', port: 0 });
        return s;
      });
      const controller = new AbortController();
      const closed = timed(sockets[0].recv(10));
      const timedOut = timed(sockets[1].recv(10, 0, { timeout: 150 }));
      const aborted = timed(sockets[2].recv(10, 0, { signal: controller.signal }));
      await new Promise((r) => setImmediate(r));
      const queued = lib.threadpoolUsage().inUse;
      sockets[0].close();
      setTimeout(() => controller.abort(), 50);
      const outcomes = await Promise.all([closed, timedOut, aborted]);
      // Free the pool: a writer lets every blocked open finish.
      const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
      for (const handle of await Promise.all(blockers)) await handle.close();
      fs.closeSync(writer);
      sockets.forEach((s) => s.close());
      fs.rmSync(dir, { recursive: true });
      console.log(JSON.stringify({ queued, outcomes, inUse: lib.threadpoolUsage().inUse, fds: fds() - baseline }));
    })();
  `, { timeoutMs: 10000, unsetEnv: ['UV_THREADPOOL_SIZE'] });
  expect(result.stderr).toBe('');
  const { queued, outcomes, inUse, fds } = JSON.parse(result.stdout) as
    { queued: number; outcomes: Array<[string, number]>; inUse: number; fds: number };
  expect(queued).toBe(3);
  const [closed, timedOut, aborted] = outcomes;
  expect(closed[0]).toBe('SocketClosedError');
  expect(closed[1]).toBeLessThan(50);
  expect(timedOut[0]).toBe('SocketTimeoutError');
  expect(timedOut[1]).toBeGreaterThanOrEqual(149);
  expect(timedOut[1]).toBeLessThan(150 + 100);
  expect(aborted[0]).toBe('AbortError');
  expect(aborted[1]).toBeLessThan(50 + 100);
  expect(inUse).toBe(0);
  expect(fds).toBe(0);
});

// With the reserve at the pool's size no wait may take a thread: every
// blocking wait goes to the event loop, and must behave as on a worker.
describe.each([['on a worker', 1], ['on the loop (no thread free)', 0]] as const)('a blocking call %s', (_where, slots) => {
  let previous: number;
  beforeEach(() => {
    previous = threadpoolUsage().reserve;
    const { poolSize } = threadpoolUsage();
    expect(setThreadpoolReserve(poolSize - slots)).toBe(poolSize - slots);
  });
  afterEach(() => { setThreadpoolReserve(previous); });

  test('MSG_WAITALL collects the whole buffer from several sends', async () => {
    const [a, b] = await tcpPair();
    const whole = b.recv(6, MSG_WAITALL);
    await sleep(10);
    expect(threadpoolUsage().inUse).toBe(slots);
    await a.sendall('abc');
    await sleep(10);
    await a.sendall('def');
    expect((await whole).toString()).toBe('abcdef');
  });

  test('MSG_WAITALL cut short by the timeout returns what came, as SO_RCVTIMEO does', async () => {
    const [a, b] = await tcpPair();
    const part = b.recv(6, MSG_WAITALL, { timeout: 100 });
    await sleep(10);
    await a.sendall('abc');
    expect((await part).toString()).toBe('abc');
  });

  test('a timeout with nothing received raises SocketTimeoutError on time', async () => {
    const [, b] = await tcpPair();
    const [error, ms] = await rejection(b.recv(6, 0, { timeout: 60 }));
    expect(error).toBeInstanceOf(SocketTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(59);
    expect(ms).toBeLessThan(60 + 250);
  });

  test('send of 4 MiB returns once all of it is queued, while the peer reads', async () => {
    const [a, b] = await tcpPair();
    const data = Buffer.alloc(4 << 20, 7);
    const sending = a.send(data);
    let got = 0;
    b.setblocking(false);
    while (got < data.length) got += (await b.recv(1 << 20)).length;
    expect(await sending).toBe(data.length);
    expect(got).toBe(data.length);
  });

  test('accept and connect complete', async () => {
    const server = track(socket(AF_INET, SOCK_STREAM));
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    const accepting = server.accept();
    await sleep(10);
    const client = track(socket(AF_INET, SOCK_STREAM));
    await client.connect(server.getsockname());
    const [conn] = await accepting;
    track(conn);
    await client.sendall('hi');
    expect((await conn.recv(2)).toString()).toBe('hi');
  });
});

test('setThreadpoolReserve checks its argument', () => {
  expect(() => setThreadpoolReserve('1' as unknown as number)).toThrow(TypeError);
  expect(() => setThreadpoolReserve(0)).toThrow(RangeError);
  expect(() => setThreadpoolReserve(1.5)).toThrow(RangeError);
  const previous = threadpoolUsage().reserve;
  expect(setThreadpoolReserve(1024)).toBe(threadpoolUsage().poolSize);
  setThreadpoolReserve(previous);
});
