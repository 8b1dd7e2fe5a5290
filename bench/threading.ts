// What each mode costs: the figures in the README's threading section.
//   node build-ts/bench/threading.js
// 1. TCP ping-pong round trip (64 B, loopback, both ends in this process):
//    non-blocking sockets (event loop), blocking sockets (threadpool), ...Sync
//    (client in a child? no: the Sync client blocks this thread, so its peer is
//    a C-like echo in a Worker), node:net. Interleaved rounds, medians.
//    Blocking sockets again with no pool thread free for them (the reserve at
//    the pool's size), so that their waits go to the event loop.
// 2. Idle receivers: fs.promises.stat latency and RSS with 10,000 idle
//    non-blocking receivers, and with blocking receivers (at most pool size
//    - reserve of them on threads, the rest on the loop).
import { stat } from 'node:fs/promises';
import * as net from 'node:net';
import { once } from 'node:events';

import {
  AF_INET, IPPROTO_TCP, SOCK_DGRAM, SOCK_STREAM, TCP_NODELAY, setThreadpoolReserve, socket, threadpoolUsage, type Socket,
} from '../lib';

const ROUNDS = 5;
const TRIPS = 2000;
const MESSAGE = Buffer.alloc(64, 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function bsdPair(blocking: boolean): Promise<[Socket, Socket, () => void]> {
  const server = socket(AF_INET, SOCK_STREAM);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const client = socket(AF_INET, SOCK_STREAM);
  const [[conn]] = await Promise.all([server.accept(), client.connect(server.getsockname())]);
  server.close();
  for (const s of [client, conn]) {
    s.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1);
    s.setblocking(blocking);
  }
  return [client, conn, () => { client.close(); conn.close(); }];
}

/** Microseconds per round trip, both ends bsd-socket Promise API. */
async function bsdPingPong(blocking: boolean): Promise<number> {
  const [client, conn, close] = await bsdPair(blocking);
  const echo = (async () => {
    const buffer = Buffer.allocUnsafe(64);
    for (let i = 0; i < TRIPS; i++) {
      let got = 0;
      while (got < 64) got += await conn.recvInto(buffer.subarray(got));
      await conn.sendall(buffer);
    }
  })();
  const buffer = Buffer.allocUnsafe(64);
  const start = performance.now();
  for (let i = 0; i < TRIPS; i++) {
    await client.sendall(MESSAGE);
    let got = 0;
    while (got < 64) got += await client.recvInto(buffer.subarray(got));
  }
  const us = ((performance.now() - start) * 1000) / TRIPS;
  await echo;
  close();
  return us;
}

async function nodeNetPingPong(): Promise<number> {
  const server = net.createServer((c) => {
    c.setNoDelay(true);
    let pending = 0;
    c.on('data', (d) => {
      pending += d.length;
      while (pending >= 64) { pending -= 64; c.write(MESSAGE); }
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  client.setNoDelay(true);
  await once(client, 'connect');
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let trips = 0;
    let got = 0;
    client.on('data', (d) => {
      got += d.length;
      while (got >= 64) {
        got -= 64;
        if (++trips === TRIPS) { resolve(); return; }
        client.write(MESSAGE);
      }
    });
    client.write(MESSAGE);
  });
  const us = ((performance.now() - start) * 1000) / TRIPS;
  client.destroy();
  server.close();
  return us;
}

async function statLatencyMs(samples = 50, capMs = 1000): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const done = await Promise.race([stat(__filename).then(() => true), new Promise((r) => setTimeout(r, capMs, false))]);
    if (!done) return Infinity;
    times.push(performance.now() - start);
  }
  return median(times);
}

function rssMiB(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

async function idleReceivers(count: number, blocking: boolean):
Promise<{ statMs: number; rssMiB: number; onThreads: number }> {
  const rssBefore = rssMiB();
  const sockets: Socket[] = [];
  const waits: Array<Promise<unknown>> = [];
  for (let i = 0; i < count; i++) {
    const s = socket(AF_INET, SOCK_DGRAM);
    s.bind({ address: '127.0.0.1', port: 0 });
    s.setblocking(blocking);
    sockets.push(s);
    waits.push(s.recv(64).catch(() => undefined));
  }
  await new Promise((r) => setTimeout(r, 50));
  const onThreads = threadpoolUsage().inUse;
  const statMs = await statLatencyMs();
  const grew = rssMiB() - rssBefore;
  for (const s of sockets) s.close();
  await Promise.all(waits);
  return { statMs, rssMiB: grew, onThreads };
}

async function main(): Promise<void> {
  const results: Record<string, number[]> = {
    'non-blocking (event loop)': [], 'blocking (threadpool)': [], 'blocking, no thread free (event loop)': [], 'node:net': [],
  };
  const { poolSize, reserve } = threadpoolUsage();
  for (let round = 0; round < ROUNDS; round++) {
    results['non-blocking (event loop)'].push(await bsdPingPong(false));
    results['blocking (threadpool)'].push(await bsdPingPong(true));
    setThreadpoolReserve(poolSize);
    results['blocking, no thread free (event loop)'].push(await bsdPingPong(true));
    setThreadpoolReserve(reserve);
    results['node:net'].push(await nodeNetPingPong());
  }
  const net_ = median(results['node:net']);
  console.log(`TCP ping-pong, 64 B, loopback, both ends in one process; ${ROUNDS} interleaved rounds of ${TRIPS} round trips`);
  console.log('| mode | µs per round trip (median) | spread | vs node:net |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, values] of Object.entries(results)) {
    const m = median(values);
    console.log(`| ${name} | ${m.toFixed(1)} | ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} | ${(net_ / m).toFixed(2)}× |`);
  }
  console.log('');
  console.log(`fs.promises.stat median latency while receivers wait (pool of ${poolSize}, reserve ${reserve})`);
  console.log('| receivers waiting | on pool threads | stat latency (ms) | RSS growth (MiB) |');
  console.log('| --- | --- | --- | --- |');
  const idle = await statLatencyMs();
  console.log(`| none | 0 | ${idle.toFixed(3)} | 0 |`);
  for (const [count, blocking] of [[100, false], [10000, false], [3, true], [100, true], [10000, true]] as const) {
    const r = await idleReceivers(count, blocking);
    const statText = Number.isFinite(r.statMs) ? r.statMs.toFixed(3) : 'stalled (> 1000)';
    console.log(`| ${count} ${blocking ? 'blocking' : 'non-blocking'} | ${r.onThreads} | ${statText} | ${r.rssMiB.toFixed(1)} |`);
  }
  const cpus = (await import('node:os')).cpus();
  console.log(`\n${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}`);
}

void main();
