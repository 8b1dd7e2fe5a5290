// The servers of the scale scenarios (bench/scale.ts), each on 127.0.0.1,
// TCP_NODELAY, written as their users write them.
//   node build-ts/bench/scale_server.js <tech> echo      echoes each connection until it closes
//   node build-ts/bench/scale_server.js <tech> accept    echoes one message per connection, then closes it
//   node --expose-gc build-ts/bench/scale_server.js <tech> idle N
//        holds N connections with a receive pending on each, then prints the
//        process's RSS and JS heap before and after as a JSON line
// tech: bsd (the plain Promise API: an accept loop and one async loop per
// connection, `await c.recv(64)` then `await c.sendall(b)`), bsd-callback
// (acceptEach, and recvEach with sendSync from its callback), net (node:net).
// Prints its port first; runs until killed.
import * as net from 'node:net';
import { getHeapSpaceStatistics } from 'node:v8';

import {
  AF_INET, IPPROTO_TCP, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, SOMAXCONN, TCP_NODELAY, socket, type Socket,
} from '../lib';

type Mode = 'echo' | 'accept' | 'idle';

interface Memory { rss: number; heapUsed: number; external: number; newSpace: number; oldSpace: number }

/** Counts connections for the idle mode and reports once there are `want`. */
class IdleReport {
  #count = 0;
  readonly #before: Memory;
  constructor(readonly want: number) {
    this.#before = measure();
  }

  connected(): void {
    if (++this.#count !== this.want) return;
    // Let the last receives start and the loop settle, then collect garbage.
    setTimeout(() => {
      const after = measure();
      console.log(JSON.stringify({ conns: this.want, before: this.#before, after }));
    }, 300);
  }
}

function measure(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the idle mode needs node --expose-gc');
  gc();
  gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  // How much of the heap's size is its young generation, which V8 grows
  // while many objects survive (a burst of connections) and keeps.
  const space = (name: string): number => getHeapSpaceStatistics().find((x) => x.space_name === name)?.space_size ?? 0;
  return { rss, heapUsed, external, newSpace: space('new_space'), oldSpace: space('old_space') };
}

async function bsdServer(tech: string, mode: Mode, report: IdleReport | null): Promise<void> {
  const server = socket(AF_INET, SOCK_STREAM);
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen(SOMAXCONN);
  server.setblocking(false);
  console.log((server.getsockname() as { port: number }).port);
  if (tech === 'bsd-callback') {
    server.acceptEach((c) => {
      c.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
      serveWithCallbacks(c, mode);
      report?.connected();
    });
    return;
  }
  for (;;) {
    const [c] = await server.accept();
    c.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
    serveWithPromises(c, mode);
    report?.connected();
  }
}

function serveWithPromises(c: Socket, mode: Mode): void {
  void (async () => {
    try {
      for (;;) {
        const b = await c.recv(64);
        if (b.length === 0) break;
        await c.sendall(b);
        if (mode === 'accept') break;
      }
    } catch {
      // a reset connection: close it
    }
    c.close();
  })();
}

// recvEach's buffer is only read inside its callback, so one serves all.
const inbox = Buffer.alloc(64 * 1024);

function serveWithCallbacks(c: Socket, mode: Mode): void {
  c.recvEach(inbox, (n) => {
    c.sendSync(inbox.subarray(0, n));
    if (mode === 'accept') c.close();
  }, { onEnd: () => c.close() });
}

function netServer(mode: Mode, report: IdleReport | null): void {
  const server = net.createServer({ noDelay: true }, (c) => {
    c.on('error', () => c.destroy());
    if (mode === 'accept') {
      c.once('data', (d) => c.end(d));
    } else {
      c.on('data', (d) => c.write(d));
    }
    report?.connected();
  });
  server.listen(0, '127.0.0.1', SOMAXCONN, () => console.log((server.address() as net.AddressInfo).port));
}

function main(): void {
  const [tech, mode, count] = process.argv.slice(2);
  if (!['bsd', 'bsd-callback', 'net'].includes(tech) || !['echo', 'accept', 'idle'].includes(mode)
    || (mode === 'idle' && !(Number(count) > 0))) {
    console.error('usage: scale_server.js bsd|bsd-callback|net echo|accept|idle N');
    process.exit(2);
  }
  const report = mode === 'idle' ? new IdleReport(Number(count)) : null;
  if (tech === 'net') {
    netServer(mode as Mode, report);
  } else {
    void bsdServer(tech, mode as Mode, report);
  }
}

main();
