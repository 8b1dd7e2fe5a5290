// Waiting done right: timeouts fire on time in both modes, aborts are prompt,
// signals do not restart a timeout, an operation that can complete at once
// takes no thread hop, and event-loop waits hold no thread.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { AF_INET, SOCK_DGRAM, SocketTimeoutError, AbortError, socket, type Socket } from '../lib';
import { rejection, runChild, sleep, tcpPair, track } from './helpers';

function udp(): Socket {
  const s = track(socket(AF_INET, SOCK_DGRAM));
  s.bind({ address: '127.0.0.1', port: 0 });
  return s;
}

// Margins: the wait itself is ppoll/uv timers with sub-ms resolution; the
// margin covers scheduling on a 2-core CI machine. Each case takes the best
// of three tries, so one preemption does not fail it while a timer that is
// really late fails all three; no try may fire early or hang.
const cases: Array<[number, number]> = [[1, 25], [50, 40], [1000, 100]];
const TRIES = 3;

function checkTimings(took: number[], ms: number, margin: number): void {
  for (const t of took) {
    expect(t).toBeGreaterThanOrEqual(ms - 1);
    expect(t).toBeLessThan(ms + 250);
  }
  expect(Math.min(...took)).toBeLessThan(ms + margin);
}

describe.each([['blocking', true], ['non-blocking', false]] as const)('%s socket', (_mode, blocking) => {
  test.each(cases)('a %i ms call timeout fires within its bound (+%i ms)', async (ms, margin) => {
    const s = udp();
    s.setblocking(blocking);
    const took: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      // The clock starts before the call: recv() starts its deadline before
      // it returns the promise, and a preemption between the two would
      // otherwise read as a timeout that fired early.
      const start = performance.now();
      const [error] = await rejection(s.recv(10, 0, { timeout: ms }));
      expect(error).toBeInstanceOf(SocketTimeoutError);
      took.push(performance.now() - start);
    }
    checkTimings(took, ms, margin);
  });

  test('an abort rejects within 50 ms', async () => {
    const s = udp();
    s.setblocking(blocking);
    const controller = new AbortController();
    const pending = rejection(s.recv(10, 0, { signal: controller.signal }));
    await sleep(20);
    const start = performance.now();
    controller.abort();
    const [error] = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - start).toBeLessThan(50);
    // The socket is still usable after an aborted call.
    const peer = udp();
    await peer.sendto('after', s.getsockname());
    expect((await s.recv(10)).toString()).toBe('after');
  });
});

test.each(cases)('settimeout(%i) bounds a Sync call (+%i ms)', (ms, margin) => {
  const s = udp();
  s.settimeout(ms);
  const took: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    const start = performance.now();
    expect(() => s.recvSync(10)).toThrow(SocketTimeoutError);
    took.push(performance.now() - start);
  }
  checkTimings(took, ms, margin);
});

test('signals during a blocking recvSync do not restart its timeout', async () => {
  const result = await runChild(`
    const { spawn } = require('node:child_process');
    process.on('SIGUSR1', () => {});
    // A helper process signals us every 5 ms while we block.
    const pinger = spawn('sh', ['-c', 'while kill -USR1 ${'$'}0 2>/dev/null; do sleep 0.005; done', String(process.pid)], { stdio: 'ignore' });
    const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
    s.bind({ address: '127.0.0.1', port: 0 });
    s.settimeout(300);
    const start = performance.now();
    let out;
    try { s.recvSync(10); out = 'no timeout'; }
    catch (e) { out = e.name + ' ' + Math.round(performance.now() - start); }
    pinger.kill();
    console.log(out);
  `, { timeoutMs: 5000 });
  expect(result.stderr).toBe('');
  const [name, ms] = result.stdout.trim().split(' ');
  expect(name).toBe('SocketTimeoutError');
  expect(Number(ms)).toBeGreaterThanOrEqual(299);
  expect(Number(ms)).toBeLessThan(450);
});

test('an operation that can complete at once takes no thread hop (the pool is full)', async () => {
  const [a, b] = await tcpPair();
  // Six blocking recvs waiting: as many on pool threads as may be (3 of the
  // default 4), the rest on the loop.
  const blockers = Array.from({ length: 6 }, () => udp());
  const pending = blockers.map((blocker) => rejection(blocker.recv(10)));
  await sleep(20);
  await a.sendall('ready'); // fits the socket buffer: completes inline too
  await sleep(5);
  const start = performance.now();
  const data = await b.recv(10); // blocking socket, data queued: answered inline
  expect(data.toString()).toBe('ready');
  expect(performance.now() - start).toBeLessThan(20);
  for (const s of blockers) s.close();
  await Promise.all(pending);
});

test('100 non-blocking sockets waiting hold no thread: fs.readFile latency stays within 2x of idle', async () => {
  const measure = async (): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await readFile(__filename);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    return times[times.length >> 1];
  };
  const idle = await measure();
  const waiting = Array.from({ length: 100 }, () => {
    const s = udp();
    s.setblocking(false);
    return rejection(s.recv(10));
  });
  await sleep(10);
  const busy = await measure();
  expect(busy).toBeLessThan(Math.max(2 * idle, idle + 0.5));
  // afterEach closes the sockets, which ends the waits.
  void waiting;
});

/**
 * CPU time of this process's main thread (the event loop's) in ms, from
 * /proc's schedstat (ns on CPU). Not process.cpuUsage(): that counts every
 * thread, and GC or JIT threads may be busy under a sanitizer.
 */
function mainThreadCpuMs(): number {
  return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

// The event-loop watcher stays armed after a wait ends, so that the next wait
// on a busy socket costs no epoll_ctl. It must not cost anything else.
describe('an armed watcher with no operation waiting', () => {
  test('unread data left on the socket does not spin the loop', async () => {
    const [a, b] = await tcpPair();
    b.setblocking(false);
    const first = b.recv(1);
    await a.sendall('x');
    expect((await first).toString()).toBe('x');
    await a.sendall('left unread'); // readable, with nobody waiting
    await sleep(10);
    // A level-triggered spin would burn every window whole on the loop's
    // thread; the quietest of three is the one measured, as a garbage
    // collection of the suite's heap (on this thread) can take 50 ms of one.
    const shares: number[] = [];
    for (let window = 0; window < 3; window++) {
      const cpu = mainThreadCpuMs();
      const start = performance.now();
      await sleep(100);
      shares.push((mainThreadCpuMs() - cpu) / (performance.now() - start));
    }
    expect(Math.min(...shares)).toBeLessThan(0.25);
    expect((await b.recv(100)).toString()).toBe('left unread');
  });

  test('does not keep the process alive once its operations have settled', async () => {
    const result = await runChild(`
      const [a, b] = lib.socketpair(lib.AF_UNIX, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
      (async () => {
        const got = b.recv(10);
        await a.sendall('one');
        console.log((await got).toString());
        await a.sendall('two, never read'); // b stays armed and readable
        // No close: the process must still end on its own.
      })();
    `, { timeoutMs: 5000 });
    expect(result.stdout.trim()).toBe('one');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });
});

describe('a non-blocking stream recv after a miss waits for readiness first', () => {
  // Whether `p` settled within a few microtask turns: a recv whose first
  // attempt found bytes resolves at once; one that waits for readiness
  // needs a turn of the event loop, though the bytes are queued already.
  async function settlesAtOnce(p: Promise<unknown>): Promise<boolean> {
    let settled = false;
    void p.then(() => { settled = true; }, () => { settled = true; });
    for (let i = 0; i < 5; i++) await null;
    return settled;
  }

  async function nonBlockingPair(): Promise<[Socket, Socket]> {
    const [a, b] = await tcpPair();
    a.setblocking(false);
    b.setblocking(false);
    return [a, b];
  }

  // Sends `text` (queued on loopback before sendSync returns), then recv(4).
  async function queuedRecv(from: Socket, to: Socket, text: string): Promise<boolean> {
    from.sendSync(text);
    const p = to.recv(4);
    const atOnce = await settlesAtOnce(p);
    expect((await p).toString()).toBe(text.slice(0, 4));
    return atOnce;
  }

  test('16 recvs after a miss wait first, the 17th tries at once, and a hit keeps trying at once', async () => {
    const [a, b] = await nonBlockingPair();
    expect(await queuedRecv(a, b, 'abcd')).toBe(true); // nothing missed yet: the attempt finds it
    const missed = b.recv(4); // nothing queued: a miss, then a wait
    a.sendSync('efgh');
    expect((await missed).toString()).toBe('efgh');
    const atOnce: boolean[] = [];
    for (let i = 0; i < 18; i++) atOnce.push(await queuedRecv(a, b, `m${String(i).padStart(3, '0')}`));
    expect(atOnce).toEqual([...Array<boolean>(16).fill(false), true, true]);
  });

  test('a short read drains the stream: the one recv after it waits first, the next tries at once', async () => {
    const [a, b] = await nonBlockingPair();
    a.sendSync('ab');
    expect((await b.recv(4)).toString()).toBe('ab'); // found at once, 2 of 4: short
    expect(await queuedRecv(a, b, 'cdef')).toBe(false);
    expect(await queuedRecv(a, b, 'ghij')).toBe(true);
  });

  test('bulk reads that keep finding bytes never wait first, and lose nothing', async () => {
    const [a, b] = await nonBlockingPair();
    const sent = Buffer.from(Array.from({ length: 4096 }, (_, i) => i & 0xff));
    a.sendSync(sent);
    const got: Buffer[] = [];
    for (let i = 0; i < sent.length / 4; i++) {
      const p = b.recv(4);
      expect(await settlesAtOnce(p)).toBe(true);
      got.push(await p);
    }
    expect(Buffer.concat(got).equals(sent)).toBe(true);
  });
});
