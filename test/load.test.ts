// Load: 1,000 concurrent clients (node:net), each making 5 connections in
// turn and sending 40 KiB that a bsd-socket server (non-blocking, event loop)
// echoes back; every byte is checked. 200 MiB each way in all.
import * as net from 'node:net';

import { AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, SocketClosedError, socket, type Socket } from '../lib';
import { openFds } from './helpers';

const CLIENTS = 1000;
const CONNECTIONS = 5;
const SIZE = 40 * 1024;

function payload(client: number, round: number): Buffer {
  const data = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i += 4) data.writeUInt32LE((client * 2654435761 + round * 40503 + i) >>> 0, i);
  return data;
}

function echoOverNet(port: number, data: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const c = net.connect(port, '127.0.0.1', () => c.end(data));
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => resolve(Buffer.concat(chunks).equals(data)));
    c.on('error', reject);
  });
}

async function serve(conn: Socket): Promise<void> {
  const buffer = Buffer.allocUnsafe(65536);
  try {
    for (;;) {
      const n = await conn.recvInto(buffer);
      if (n === 0) return;
      await conn.sendall(buffer.subarray(0, n));
    }
  } finally {
    conn.close();
  }
}

test(`${CLIENTS} concurrent clients x ${CONNECTIONS} connections x 40 KiB, echoed byte-exact`, async () => {
  const fdsBefore = openFds();
  const server = socket(AF_INET, SOCK_STREAM);
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, true);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen(4096);
  server.setblocking(false);
  const port = (server.getsockname() as { port: number }).port;
  const connections: Array<Promise<void>> = [];
  const accepting = (async () => {
    try {
      for (;;) {
        const [conn] = await server.accept();
        connections.push(serve(conn));
      }
    } catch (error) {
      if (!(error instanceof SocketClosedError)) throw error;
    }
  })();

  const start = performance.now();
  const results = await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    let exact = 0;
    for (let round = 0; round < CONNECTIONS; round++) {
      if (await echoOverNet(port, payload(client, round))) exact++;
    }
    return exact;
  }));
  const seconds = (performance.now() - start) / 1000;
  server.close();
  await accepting;
  await Promise.all(connections);

  const exact = results.reduce((a, b) => a + b, 0);
  expect(connections.length).toBe(CLIENTS * CONNECTIONS);
  expect(exact).toBe(CLIENTS * CONNECTIONS);
  expect(openFds()).toBe(fdsBefore);
  const mib = (CLIENTS * CONNECTIONS * SIZE) / 2 ** 20;
  process.stdout.write(`load: ${CLIENTS * CONNECTIONS} connections, ${mib.toFixed(0)} MiB echoed byte-exact in ${seconds.toFixed(1)} s\n`);
}, 180000);
