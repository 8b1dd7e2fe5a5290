// In-process probes for bench/run.ts, each printing one JSON line:
//   node build-ts/bench/probes.js hotcall N       ns per binding call (recv on an empty
//                                             socket, getsockopt), for the C comparison
//   node build-ts/bench/probes.js starvation K    fs.stat latency idle, with K idle
//                                             non-blocking receivers, and with K blocking ones
//   node --expose-gc --{min,max}-semi-space-size=64 build-ts/bench/probes.js allocations
//                                             JS heap bytes per call of the batch API (8 and 64
//                                             messages) and of send/recvInto with a reused buffer
import { stat } from 'node:fs/promises';
import { PerformanceObserver } from 'node:perf_hooks';

import { AF_INET, MessageBatch, SOCK_DGRAM, SOCK_NONBLOCK, SOL_SOCKET, SO_TYPE, socket, type Socket } from '../lib';
import { binding } from '../lib/binding';

function hotcall(n: number): object {
  const s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK);
  s.bind({ address: '127.0.0.1', port: 0 });
  const fd = s.fileno();
  const buffer = Buffer.alloc(64);
  const out = Buffer.alloc(4);
  const time = (call: () => void): number => {
    for (let i = 0; i < 10000; i++) call(); // warm up the JIT
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) call();
    return Number(process.hrtime.bigint() - start) / n;
  };
  // The flat binding, as the Socket methods call it, and the methods themselves.
  const recv = time(() => binding.recv(fd, buffer, 0, 64, 0));
  // The level and name in locals, as the C passes them as constants: the
  // package's exports are read-only values, but still a lookup each.
  const [level, name] = [SOL_SOCKET, SO_TYPE];
  const getsockopt = time(() => binding.getsockopt(fd, level, name, out));
  const method = time(() => { try { s.recvIntoSync(buffer); } catch { /* EAGAIN */ } });
  s.close();
  return { recv, getsockopt, recvIntoSyncWithError: method };
}

async function statLatency(samples: number): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await stat(__filename);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p99: times[Math.floor(times.length * 0.99)] };
}

async function starvation(k: number): Promise<object> {
  const idle = await statLatency(200);
  const open = (blocking: boolean): Socket[] => Array.from({ length: k }, () => {
    const s = socket(AF_INET, SOCK_DGRAM);
    s.bind({ address: '127.0.0.1', port: 0 });
    s.setblocking(blocking);
    s.recv(64).catch(() => {}); // pending until closed
    return s;
  });
  const nonBlocking = open(false);
  await new Promise((r) => setTimeout(r, 20));
  const withIdleReceivers = await statLatency(200);
  for (const s of nonBlocking) s.close();
  const blocking = open(true);
  await new Promise((r) => setTimeout(r, 20));
  // The blocking receives take every threadpool thread but the reserve
  // (threadpoolUsage()); the rest wait on the loop. Before the reserve,
  // fs.stat waited here for ever: hence the time limit.
  const timeout = new Promise<string>((r) => setTimeout(r, 1000, 'over 1000 ms'));
  const withBlockingReceivers = await Promise.race([statLatency(1), timeout]);
  for (const s of blocking) s.close();
  return { receivers: k, idle, withIdleReceivers, withBlockingReceivers };
}

async function allocations(): Promise<object> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const rx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK);
  rx.bind({ address: '127.0.0.1', port: 0 });
  const tx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK);
  tx.connectSync(rx.getsockname());
  const buffer = Buffer.alloc(64);
  // JS heap bytes per call over `rounds` rounds, after a warm-up and a full
  // GC. A GC during the rounds would hide allocations, so a try that saw one
  // (PerformanceObserver 'gc' entries inside its window) is done again.
  const gcTimes: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcTimes.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 10));
  const measure = async (round: () => Promise<number>, rounds: number): Promise<{ bytesPerCall: number }> => {
    for (let i = 0; i < 200; i++) await round();
    for (let attempt = 0; attempt < 5; attempt++) {
      gc();
      await settle();
      const start = performance.now();
      const before = process.memoryUsage().heapUsed;
      let calls = 0;
      for (let i = 0; i < rounds; i++) calls += await round();
      const bytes = process.memoryUsage().heapUsed - before;
      const end = performance.now();
      await settle();
      if (!gcTimes.some((t) => t >= start && t <= end)) return { bytesPerCall: bytes / calls };
    }
    throw new Error('a GC ran during every try');
  };
  // A batch's allocations must not grow with its messages: the same calls
  // with 8 and with 64 messages per batch.
  const batchOf = async (w: number): Promise<{ bytesPerCall: number }> => {
    const out = new MessageBatch(w, 64);
    for (let i = 0; i < w; i++) out.set(i, Buffer.alloc(64, i));
    const into = new MessageBatch(w, 64);
    return measure(async () => {
      let calls = 1;
      await tx.sendmmsg(out, w);
      for (let got = 0; got < w; calls++) got += await rx.recvmmsg(into);
      return calls;
    }, 500);
  };
  const batch8 = await batchOf(8);
  const batch64 = await batchOf(64);
  const reused = await measure(async () => {
    await tx.send(buffer);
    await rx.recvInto(buffer);
    return 2;
  }, 3000);
  observer.disconnect();
  rx.close();
  tx.close();
  return {
    batch8,
    batch64,
    // What one more message in a batch costs, from the two batch sizes.
    bytesPerExtraMessage: (batch64.bytesPerCall - batch8.bytesPerCall) / (64 - 8),
    sendAndRecvIntoReusedBuffer: reused,
  };
}

async function main(): Promise<void> {
  const [probe, arg] = process.argv.slice(2);
  const result = probe === 'hotcall' ? hotcall(Number(arg))
    : probe === 'starvation' ? await starvation(Number(arg))
      : await allocations();
  console.log(JSON.stringify(result));
}

void main();
