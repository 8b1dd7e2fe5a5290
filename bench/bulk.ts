// One end of TCP bulk in JS, for bench/run.ts: the same protocol as
// bench/c/bulk.c (64 KiB writes; the server reads to EOF, then closes).
//   node build-ts/bench/bulk.js server <bsd|bsd-blocking|net>         prints its port
//   node build-ts/bench/bulk.js client <bsd|bsd-blocking|net> PORT N  prints ns per 64 KiB write
import * as net from 'node:net';

import { AF_INET, SHUT_WR, SOCK_STREAM, socket } from '../lib';

const CHUNK = 64 * 1024;

async function bsdServer(blocking: boolean): Promise<void> {
  const server = socket(AF_INET, SOCK_STREAM);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  console.log((server.getsockname() as { port: number }).port);
  const [conn] = await server.accept();
  conn.setblocking(blocking);
  const buffer = Buffer.alloc(CHUNK);
  let total = 0;
  for (let n; (n = await conn.recvInto(buffer)) > 0;) total += n;
  console.error(total);
  conn.close();
  server.close();
}

async function bsdClient(blocking: boolean, port: number, writes: number): Promise<number> {
  const s = socket(AF_INET, SOCK_STREAM);
  await s.connect({ address: '127.0.0.1', port });
  s.setblocking(blocking);
  const chunk = Buffer.alloc(CHUNK, 7);
  const start = process.hrtime.bigint();
  for (let i = 0; i < writes; i++) await s.sendall(chunk);
  s.shutdown(SHUT_WR);
  await s.recv(1); // the server's close: everything was read
  const ns = Number(process.hrtime.bigint() - start) / writes;
  s.close();
  return ns;
}

function netServer(): void {
  const server = net.createServer((c) => {
    let total = 0;
    c.on('data', (d) => { total += d.length; });
    c.on('end', () => { console.error(total); c.end(); server.close(); });
  }).listen(0, '127.0.0.1', () => console.log((server.address() as net.AddressInfo).port));
}

function netClient(port: number, writes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(CHUNK, 7);
    let start = 0n;
    let left = writes;
    const pump = (): void => {
      while (left > 0) {
        left--;
        if (!c.write(chunk)) {
          c.once('drain', pump);
          return;
        }
      }
      c.end();
    };
    c.on('connect', () => {
      start = process.hrtime.bigint();
      pump();
    });
    c.on('data', () => {});
    c.on('close', () => resolve(Number(process.hrtime.bigint() - start) / writes));
    c.on('error', reject);
  });
}

async function main(): Promise<void> {
  const [role, tech, port, writes] = process.argv.slice(2);
  if (role === 'server') {
    if (tech === 'net') netServer();
    else await bsdServer(tech === 'bsd-blocking');
    return;
  }
  const ns = tech === 'net'
    ? await netClient(Number(port), Number(writes))
    : await bsdClient(tech === 'bsd-blocking', Number(port), Number(writes));
  console.log(ns.toFixed(1));
}

void main();
