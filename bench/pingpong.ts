// One end of a TCP ping-pong in JS, for bench/run.ts: the same protocol as
// bench/c/pingpong.c (64-byte messages, TCP_NODELAY).
//   node build-ts/bench/pingpong.js server <tech>         prints its port
//   node build-ts/bench/pingpong.js client <tech> PORT N  prints ns per round trip
// tech: bsd (the Promise API in place: await sendall, await recvInto into a
// reused buffer), bsd-recv (the plain Promise API as users write it: await
// sendall, await recv(64), a new Buffer each), bsd-callback (recvEach's callback and sendSync: no promise per
// message, the floor of JS on the event loop), bsd-blocking (threadpool), net.
import * as net from 'node:net';

import { AF_INET, IPPROTO_TCP, SOCK_STREAM, TCP_NODELAY, socket, type Socket } from '../lib';

const SIZE = 64;

// Reads into one reusable 64 KiB buffer and counts bytes, as node:net's
// 'data' handler below does with the buffers libuv reads into.
const inbox = Buffer.alloc(64 * 1024);

async function exchange(s: Socket, message: Buffer, sendFirst: boolean): Promise<boolean> {
  if (sendFirst) await s.sendall(message);
  let got = 0;
  while (got < SIZE) {
    const n = await s.recvInto(inbox);
    if (n === 0) return false;
    got += n;
  }
  if (!sendFirst) await s.sendall(message);
  return true;
}

async function bsdServer(tech: string): Promise<void> {
  const server = socket(AF_INET, SOCK_STREAM);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  console.log((server.getsockname() as { port: number }).port);
  const [conn] = await server.accept();
  conn.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
  server.close();
  if (tech === 'bsd-callback') {
    conn.setblocking(false);
    await bsdCallbackEnd(conn, 0, false);
    return;
  }
  conn.setblocking(tech === 'bsd-blocking');
  if (tech === 'bsd-recv') {
    // Echoes what each recv returns, until EOF (an empty Buffer).
    for (let data = await conn.recv(SIZE); data.length > 0; data = await conn.recv(SIZE)) await conn.sendall(data);
    conn.close();
    return;
  }
  const buffer = Buffer.alloc(SIZE);
  while (await exchange(conn, buffer, false)) { /* echo until EOF */ }
  conn.close();
}

async function bsdClient(tech: string, port: number, trips: number): Promise<number> {
  const s = socket(AF_INET, SOCK_STREAM);
  await s.connect({ address: '127.0.0.1', port });
  s.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
  if (tech === 'bsd-callback') {
    s.setblocking(false);
    return bsdCallbackEnd(s, trips, true);
  }
  s.setblocking(tech === 'bsd-blocking');
  const buffer = Buffer.alloc(SIZE, 7);
  const start = process.hrtime.bigint();
  if (tech === 'bsd-recv') {
    for (let i = 0; i < trips; i++) {
      await s.sendall(buffer);
      // One recv almost always returns the whole message; the loop is for the rest.
      for (let got = 0; got < SIZE;) {
        const data = await s.recv(SIZE - got);
        if (data.length === 0) throw new Error('the server closed');
        got += data.length;
      }
    }
  } else {
    for (let i = 0; i < trips; i++) await exchange(s, buffer, true);
  }
  const ns = Number(process.hrtime.bigint() - start) / trips;
  s.close();
  return ns;
}

/**
 * One end with recvEach and sendSync: counts bytes in, sends a message per
 * full message in (the server) or per round trip until `trips` (the client).
 * Resolves with ns per round trip once done, or on EOF.
 */
function bsdCallbackEnd(s: Socket, trips: number, sendFirst: boolean): Promise<number> {
  const message = Buffer.alloc(SIZE, 7);
  return new Promise((resolve) => {
    let got = 0;
    let done = 0;
    const start = process.hrtime.bigint();
    const finish = (): void => {
      resolve(Number(process.hrtime.bigint() - start) / Math.max(done, 1));
      s.close();
    };
    s.recvEach(inbox, (n) => {
      got += n;
      while (got >= SIZE) {
        got -= SIZE;
        if (sendFirst && ++done === trips) {
          finish();
          return;
        }
        s.sendSync(message);
      }
    }, { onEnd: finish });
    if (sendFirst) s.sendSync(message);
  });
}

function netServer(): void {
  const server = net.createServer((c) => {
    c.setNoDelay(true);
    let pending = 0;
    c.on('data', (d) => {
      pending += d.length;
      while (pending >= SIZE) {
        pending -= SIZE;
        c.write(Buffer.alloc(SIZE, 7));
      }
    });
    c.on('end', () => { c.end(); server.close(); });
  }).listen(0, '127.0.0.1', () => console.log((server.address() as net.AddressInfo).port));
}

function netClient(port: number, trips: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1');
    c.setNoDelay(true);
    const message = Buffer.alloc(SIZE, 7);
    let start = 0n;
    let done = 0;
    let got = 0;
    c.on('connect', () => {
      start = process.hrtime.bigint();
      c.write(message);
    });
    c.on('data', (d) => {
      got += d.length;
      while (got >= SIZE) {
        got -= SIZE;
        if (++done === trips) {
          resolve(Number(process.hrtime.bigint() - start) / trips);
          c.end();
          return;
        }
        c.write(message);
      }
    });
    c.on('error', reject);
  });
}

async function main(): Promise<void> {
  const [role, tech, port, trips] = process.argv.slice(2);
  if (role === 'server') {
    if (tech === 'net') netServer();
    else await bsdServer(tech);
    return;
  }
  const ns = tech === 'net'
    ? await netClient(Number(port), Number(trips))
    : await bsdClient(tech, Number(port), Number(trips));
  console.log(ns.toFixed(1));
}

void main();
