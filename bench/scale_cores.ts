// The echo servers of the cores scenario (bench/scale.ts), on 127.0.0.1.
//   node build-ts/bench/scale_cores.js threads K   bsd-socket's Promise echo server
//        (bench/scale_server.ts's) on K worker_threads, each with its own
//        listening socket on one port (SO_REUSEPORT: the kernel spreads the
//        connections)
//   node build-ts/bench/scale_cores.js cluster K   node:net's echo server in K
//        node:cluster workers (the primary hands each connection to a worker)
// Prints the port once every server listens; runs until killed.
import cluster from 'node:cluster';
import * as net from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

import {
  AF_INET, IPPROTO_TCP, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, SO_REUSEPORT, SOMAXCONN, TCP_NODELAY, socket,
  type Socket,
} from '../lib';

/** One thread's server: listens on `port` beside the others, echoes as scale_server.ts's bsd does. */
async function threadServer(port: number): Promise<void> {
  const server = socket(AF_INET, SOCK_STREAM);
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1);
  server.bind({ address: '127.0.0.1', port });
  server.listen(SOMAXCONN);
  server.setblocking(false);
  parentPort!.postMessage('listening');
  for (;;) {
    const [c] = await server.accept();
    c.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
    void echo(c);
  }
}

async function echo(c: Socket): Promise<void> {
  try {
    for (;;) {
      const b = await c.recv(64);
      if (b.length === 0) break;
      await c.sendall(b);
    }
  } catch {
    // a reset connection: close it
  }
  c.close();
}

/** Picks a free port that SO_REUSEPORT sockets can share, starts `count` threads on it. */
async function threads(count: number): Promise<void> {
  const reservation = socket(AF_INET, SOCK_STREAM);
  reservation.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  reservation.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1);
  reservation.bind({ address: '127.0.0.1', port: 0 });
  const { port } = reservation.getsockname() as { port: number };
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { port } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
  })));
  // Bound but never listening: it takes no connections; the port stays the threads'.
  reservation.close();
  console.log(port);
}

function clusterServer(count: number): void {
  if (cluster.isPrimary) {
    let listening = 0;
    for (let i = 0; i < count; i++) {
      cluster.fork().once('listening', (address: net.AddressInfo) => {
        if (++listening === count) console.log(address.port);
      });
    }
    return;
  }
  // Port 0 in every worker: the primary gives them all the same one.
  net.createServer({ noDelay: true }, (c) => {
    c.on('error', () => c.destroy());
    c.on('data', (d) => c.write(d));
  }).listen(0, '127.0.0.1', SOMAXCONN);
}

function main(): void {
  if (!isMainThread) {
    void threadServer((workerData as { port: number }).port);
    return;
  }
  if (!cluster.isPrimary) {
    clusterServer(0);
    return;
  }
  const [how, k] = process.argv.slice(2);
  const count = Number(k);
  if (!['threads', 'cluster'].includes(how) || !Number.isInteger(count) || count < 1) {
    console.error('usage: scale_cores.js threads|cluster K');
    process.exit(2);
  }
  if (how === 'threads') {
    void threads(count);
  } else {
    clusterServer(count);
  }
}

main();
