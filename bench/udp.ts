// One end of the UDP scenarios in JS, for bench/run.ts: the protocol of
// bench/c/udp.c (64-byte datagrams in windows of 64, one ack per window, a
// 1-byte datagram to end), so that nothing is dropped and the figure is the
// cost per datagram.
//   node build-ts/bench/udp.js server <tech>         prints its port
//   node build-ts/bench/udp.js client <tech> PORT N  prints ns per datagram
// tech: bsd (one datagram per call, event loop: recvEach's callback per
// datagram and sendSync, as dgram's 'message' event and send), bsd-batch
// (a MessageBatch: recvmmsgEach's callback per batch and sendmmsgSync),
// bsd-blocking (threadpool: await recv / send per datagram), bsd-recvfrom
// (the plain Promise API as users write it, event loop: await recvfrom(64),
// a new Buffer and address each, and await send / sendto), dgram.
import * as dgram from 'node:dgram';

import { AF_INET, MessageBatch, SOCK_DGRAM, SOL_SOCKET, SO_RCVBUF, socket, type Socket } from '../lib';

const SIZE = 64;
const W = 64;

function bsdSocket(tech: string): Socket {
  const s = socket(AF_INET, SOCK_DGRAM);
  s.setsockopt(SOL_SOCKET, SO_RCVBUF, 4 << 20);
  s.bind({ address: '127.0.0.1', port: 0 });
  s.setblocking(tech === 'bsd-blocking');
  return s;
}

/** The server with recvEach: one callback per datagram, no promise. */
function bsdCallbackServer(): void {
  const s = bsdSocket('bsd');
  console.log((s.getsockname() as { port: number }).port);
  const one = Buffer.alloc(SIZE);
  const k = Buffer.from('k');
  let inWindow = 0;
  let connected = false;
  const receiver = s.recvEach(one, (n) => {
    if (!connected) {
      s.connectSync(receiver.from()!);
      connected = true;
    }
    if (n === 1) {
      s.close();
    } else if (++inWindow >= W) {
      inWindow = 0;
      s.sendSync(k);
    }
  }, { from: true });
}

/**
 * The client with sendSync per datagram (bsd) or sendmmsgSync per window
 * (bsd-batch), and recvEach for the acks.
 */
function bsdCallbackClient(tech: string, port: number, total: number): Promise<number> {
  const s = bsdSocket('bsd');
  s.connectSync({ address: '127.0.0.1', port });
  const message = Buffer.alloc(SIZE, 7);
  const batch = new MessageBatch(W, SIZE);
  for (let i = 0; i < W; i++) batch.set(i, message);
  const ack = Buffer.alloc(8);
  return new Promise((resolve) => {
    let sent = 0;
    // The socket buffer holds a window many times over: a send that would
    // block is an error here, not a wait.
    const window = tech === 'bsd-batch'
      ? (): void => {
        if (s.sendmmsgSync(batch, W) !== W) throw new Error('short sendmmsg');
        sent += W;
      }
      : (): void => {
        for (let i = 0; i < W; i++) s.sendSync(message);
        sent += W;
      };
    const start = process.hrtime.bigint();
    s.recvEach(ack, () => {
      if (sent < total) {
        window();
        return;
      }
      const ns = Number(process.hrtime.bigint() - start) / total;
      s.sendSync(Buffer.from('x'));
      s.close();
      resolve(ns);
    });
    window();
  });
}

/** The batch server with recvmmsgEach: one callback per recvmmsg. */
function bsdBatchServer(): void {
  const s = bsdSocket('bsd');
  console.log((s.getsockname() as { port: number }).port);
  const batch = new MessageBatch(W, SIZE);
  const k = Buffer.from('k');
  let inWindow = 0;
  let connected = false;
  s.recvmmsgEach(batch, (n) => {
    if (!connected) {
      s.connectSync(batch.address(0)!);
      connected = true;
    }
    if (batch.lengths[n - 1] === 1) {
      s.close();
      return;
    }
    inWindow += n;
    if (inWindow >= W) {
      inWindow = 0;
      s.sendSync(k);
    }
  });
}

/** The threadpool server: await recv per datagram. */
async function bsdBlockingServer(): Promise<void> {
  const s = bsdSocket('bsd-blocking');
  console.log((s.getsockname() as { port: number }).port);
  const one = Buffer.alloc(SIZE);
  const [, from] = await s.recvfromInto(one);
  s.connectSync(from);
  for (let inWindow = 1; ;) {
    if (await s.recvInto(one) === 1) break;
    if (++inWindow >= W) {
      inWindow = 0;
      await s.send('k');
    }
  }
  s.close();
}

/** The threadpool client: await send per datagram, await recv per ack. */
async function bsdBlockingClient(port: number, total: number): Promise<number> {
  const s = bsdSocket('bsd-blocking');
  await s.connect({ address: '127.0.0.1', port });
  const message = Buffer.alloc(SIZE, 7);
  const ack = Buffer.alloc(8);
  const start = process.hrtime.bigint();
  for (let sent = 0; sent < total; sent += W) {
    for (let i = 0; i < W; i++) await s.send(message);
    await s.recvInto(ack);
  }
  const ns = Number(process.hrtime.bigint() - start) / total;
  await s.send('x');
  s.close();
  return ns;
}

/** The Promise server on the event loop: await recvfrom per datagram, await sendto per window. */
async function bsdRecvfromServer(): Promise<void> {
  const s = bsdSocket('bsd');
  console.log((s.getsockname() as { port: number }).port);
  const k = Buffer.from('k');
  for (let inWindow = 0; ;) {
    const [data, from] = await s.recvfrom(SIZE);
    if (data.length === 1) break;
    if (++inWindow >= W) {
      inWindow = 0;
      await s.sendto(k, from);
    }
  }
  s.close();
}

/** The Promise client on the event loop: await send per datagram, await recvfrom per ack. */
async function bsdRecvfromClient(port: number, total: number): Promise<number> {
  const s = bsdSocket('bsd');
  await s.connect({ address: '127.0.0.1', port });
  const message = Buffer.alloc(SIZE, 7);
  const start = process.hrtime.bigint();
  for (let sent = 0; sent < total; sent += W) {
    for (let i = 0; i < W; i++) await s.send(message);
    await s.recvfrom(8);
  }
  const ns = Number(process.hrtime.bigint() - start) / total;
  await s.send('x');
  s.close();
  return ns;
}

function dgramServer(): void {
  const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
  let inWindow = 0;
  s.on('message', (m, from) => {
    if (m.length === 1) {
      s.close();
      return;
    }
    if (++inWindow >= W) {
      inWindow = 0;
      s.send('k', from.port, from.address);
    }
  });
  s.bind(0, '127.0.0.1', () => console.log(s.address().port));
}

function dgramClient(port: number, total: number): Promise<number> {
  return new Promise((resolve) => {
    const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
    const message = Buffer.alloc(SIZE, 7);
    let sent = 0;
    let start = 0n;
    const window = (): void => {
      for (let i = 0; i < W; i++) s.send(message);
      sent += W;
    };
    s.on('message', () => {
      if (sent < total) {
        window();
        return;
      }
      const ns = Number(process.hrtime.bigint() - start) / total;
      s.send('x', () => {
        s.close();
        resolve(ns);
      });
    });
    s.bind(0, '127.0.0.1', () => {
      s.connect(port, '127.0.0.1', () => {
        start = process.hrtime.bigint();
        window();
      });
    });
  });
}

async function main(): Promise<void> {
  const [role, tech, port, total] = process.argv.slice(2);
  if (role === 'server') {
    if (tech === 'dgram') dgramServer();
    else if (tech === 'bsd') bsdCallbackServer();
    else if (tech === 'bsd-batch') bsdBatchServer();
    else if (tech === 'bsd-recvfrom') await bsdRecvfromServer();
    else await bsdBlockingServer();
    return;
  }
  const ns = tech === 'dgram' ? await dgramClient(Number(port), Number(total))
    : tech === 'bsd' || tech === 'bsd-batch' ? await bsdCallbackClient(tech, Number(port), Number(total))
      : tech === 'bsd-recvfrom' ? await bsdRecvfromClient(Number(port), Number(total))
      : await bsdBlockingClient(Number(port), Number(total));
  console.log(ns.toFixed(1));
}

void main();
