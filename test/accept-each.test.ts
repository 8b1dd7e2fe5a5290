// acceptEach: accept4(2) per connection with a callback, drained natively on
// each readable event of a listening socket. The sockets it makes, their
// peers, the budget, stop and close (from outside and inside the callback),
// errors that end it (EMFILE, a socket that cannot accept), bad input, and
// no fd left behind.
import { constants as osConstants } from 'node:os';

import {
  AF_INET, AF_INET6, Receiver, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, SocketClosedError,
  SocketError, socket, type Socket, type SocketAddress,
} from '../lib';
import { LIB_PATH, listener, openFds, runChild, track } from './helpers';

const until = async (done: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

/** `count` non-blocking clients connecting to `server`. */
async function connectClients(server: Socket, count: number, family = AF_INET): Promise<Socket[]> {
  const clients = Array.from({ length: count }, () => track(socket(family, SOCK_STREAM | SOCK_NONBLOCK)));
  await Promise.all(clients.map((c) => c.connect(server.getsockname())));
  return clients;
}

const fdsBefore = openFds();

test.each([AF_INET, AF_INET6])('each connection is a Socket of the family, with its peer in from() (family %i)', async (family) => {
  const server = listener(family);
  const accepted: Array<[Socket, SocketAddress | null]> = [];
  const receiver = server.acceptEach((conn) => { accepted.push([track(conn), receiver.from()]); });
  expect(receiver).toBeInstanceOf(Receiver);
  const clients = await connectClients(server, 5, family);
  await until(() => accepted.length === clients.length);
  const peers = accepted.map(([conn, from]) => {
    expect(conn.family).toBe(family);
    expect(conn.type).toBe(SOCK_STREAM);
    expect(from).toEqual(conn.getpeername());
    return JSON.stringify(from);
  });
  expect(peers.sort()).toEqual(clients.map((c) => JSON.stringify(c.getsockname())).sort());
  // Each accepted socket works: every client hears from its own.
  for (const [i, [conn]] of accepted.entries()) conn.sendSync(`hello ${i}`);
  const heard = await Promise.all(clients.map(async (c) => (await c.recv(64)).toString()));
  expect(heard.sort()).toEqual(accepted.map((_, i) => `hello ${i}`).sort());
});

test('accepted sockets take the listening socket\'s mode and timeout', async () => {
  for (const timeout of [null, 0, 1500]) {
    const server = listener();
    server.settimeout(timeout);
    let conn: Socket | undefined;
    server.acceptEach((c) => { conn = track(c); });
    await connectClients(server, 1);
    await until(() => conn !== undefined);
    expect(conn!.gettimeout()).toBe(timeout);
    server.close();
  }
});

test('the budget gives the loop a turn between drains; every queued connection is accepted', async () => {
  const server = listener(AF_INET, 64);
  const clients = await connectClients(server, 40);
  // An immediate runs once the loop turns: each drain ends after 7.
  const perTurn: number[] = [0];
  const turn = (): void => {
    perTurn.push(0);
    if (perTurn.length < 100) setImmediate(turn);
  };
  setImmediate(turn);
  let accepted = 0;
  server.acceptEach((conn) => {
    track(conn);
    accepted++;
    perTurn[perTurn.length - 1]++;
  }, { budget: 7 });
  await until(() => accepted === clients.length);
  expect(Math.max(...perTurn)).toBe(7);
  expect(perTurn.reduce((x, y) => x + y)).toBe(40);
});

test('close() of the listening socket ends a pending acceptEach with onEnd(null), once', async () => {
  const server = listener();
  const ends: Array<Error | null> = [];
  const receiver = server.acceptEach(() => { throw new Error('no connection was made'); }, { onEnd: (e) => ends.push(e) });
  server.close();
  expect(receiver.active).toBe(false);
  await new Promise((r) => setImmediate(r));
  expect(ends).toEqual([null]);
  server.close();
  await new Promise((r) => setImmediate(r));
  expect(ends).toEqual([null]);
});

test('stop() leaves later connections queued for accept(); close() from the callback stops at once', async () => {
  const server = listener();
  server.setblocking(false);
  await connectClients(server, 3);
  const accepted: Socket[] = [];
  const ends: Array<Error | null> = [];
  const receiver = server.acceptEach((conn) => {
    accepted.push(track(conn));
    receiver.stop();
  }, { onEnd: (e) => ends.push(e) });
  await until(() => ends.length === 1);
  expect(accepted).toHaveLength(1);
  expect(ends).toEqual([null]);
  // The other two are still queued.
  for (let i = 0; i < 2; i++) track((await server.accept())[0]);

  const other = listener();
  await connectClients(other, 3);
  let calls = 0;
  const closing = other.acceptEach((conn) => {
    calls++;
    track(conn);
    other.close();
  });
  await until(() => !closing.active);
  await new Promise((r) => setTimeout(r, 20));
  expect(calls).toBe(1);
});

test('a socket that cannot accept ends it with the typed error: EINVAL (not listening), EOPNOTSUPP (UDP)', async () => {
  const unlistened = track(socket(AF_INET, SOCK_STREAM));
  unlistened.bind({ address: '127.0.0.1', port: 0 });
  const udp = track(socket(AF_INET, SOCK_DGRAM));
  udp.bind({ address: '127.0.0.1', port: 0 });
  const errors: Array<Error | null> = [];
  unlistened.acceptEach(() => undefined, { onEnd: (e) => errors.push(e) });
  const udpReceiver = udp.acceptEach(() => undefined, { onEnd: (e) => errors.push(e) });
  // A UDP socket is readable only once a datagram comes.
  track(socket(AF_INET, SOCK_DGRAM)).sendtoSync('x', udp.getsockname());
  await until(() => errors.length === 2);
  // EOPNOTSUPP is ENOTSUP on Linux, by name too.
  const errnos = errors.map((e) => (e as SocketError).errno).sort();
  expect(errnos).toEqual([osConstants.errno.EINVAL, osConstants.errno.EOPNOTSUPP].sort());
  for (const e of errors) {
    expect(e).toBeInstanceOf(SocketError);
    expect((e as SocketError).syscall).toBe('accept');
  }
  expect(udpReceiver.active).toBe(false);
});

test('bad arguments and states are typed errors', () => {
  const server = listener();
  const bad = server as unknown as { acceptEach: (...args: unknown[]) => Receiver };
  expect(() => bad.acceptEach('not a function')).toThrow(TypeError);
  expect(() => bad.acceptEach(() => undefined, null)).toThrow(TypeError);
  expect(() => bad.acceptEach(() => undefined, { onEnd: 5 })).toThrow(TypeError);
  for (const budget of [0, 1025, 1.5, NaN, '8']) {
    expect(() => bad.acceptEach(() => undefined, { budget })).toThrow(budget === '8' ? TypeError : RangeError);
  }
  server.acceptEach(() => undefined);
  expect(() => server.acceptEach(() => undefined)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
  expect(() => server.recvEach(Buffer.alloc(8), () => undefined)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
  server.close();
  expect(() => server.acceptEach(() => undefined)).toThrow(SocketClosedError);
});

test('out of fds, it ends with EMFILE; the queued connection waits for a new one', async () => {
  const result = await runChild(`
    const server = lib.socket();
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    const client = lib.socket(lib.AF_INET, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
    const hog = [];
    for (;;) {
      try { hog.push(lib.socket(lib.AF_INET, lib.SOCK_DGRAM)); } catch { break; }
    }
    (async () => {
      // Connecting needs no new fd; accepting does, and none is left.
      await client.connect(server.getsockname());
      const error = await new Promise((resolve) => {
        server.acceptEach(() => resolve(null), { onEnd: resolve });
      });
      for (const s of hog.splice(0, 10)) s.close();
      const conn = await new Promise((resolve) => server.acceptEach(resolve));
      await client.sendall('recovered');
      const got = (await conn.recv(20)).toString();
      for (const s of [...hog, client, conn, server]) s.close();
      console.log(JSON.stringify({ name: error.name, code: error.code, syscall: error.syscall, got }));
    })();
  `, { prefix: ['prlimit', '--nofile=64:64'] });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ name: 'SocketError', code: 'EMFILE', syscall: 'accept', got: 'recovered' });
});

test('an active acceptEach keeps the process alive; close() lets it exit', async () => {
  const result = await runChild(`
    const server = lib.socket();
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    server.acceptEach(() => {}, { onEnd: () => console.log('ended') });
    setTimeout(() => server.close(), 100);
  `);
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('ended');
});

test('Workers terminated while they accept a stream of connections leave no fds', async () => {
  const result = await runChild(`
    const { Worker } = require('node:worker_threads');
    const { readdirSync } = require('node:fs');
    const fds = () => readdirSync('/proc/self/fd').length;
    const workerSource = 'const lib = require(' + JSON.stringify(${JSON.stringify(LIB_PATH)}) + ');'
      + 'const server = lib.socket(); server.bind({ address: "127.0.0.1", port: 0 }); server.listen();'
      + 'const kept = []; server.acceptEach((c) => kept.push(c));'
      + 'require("node:worker_threads").parentPort.postMessage(server.getsockname().port);';
    const round = async () => {
      const worker = new Worker(workerSource, { eval: true });
      const port = await new Promise((r) => worker.once('message', r));
      const clients = [];
      for (let i = 0; i < 40; i++) {
        const c = lib.socket(lib.AF_INET, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
        clients.push(c);
        c.connect({ address: '127.0.0.1', port }).catch(() => {});
        if (i === 20) void worker.terminate();
        await new Promise((r) => setImmediate(r));
      }
      await worker.terminate();
      for (const c of clients) c.close();
    };
    (async () => {
      await round();
      await new Promise((r) => setTimeout(r, 100));
      const baseline = fds();
      for (let i = 0; i < 10; i++) await round();
      for (let i = 0; i < 200 && fds() !== baseline; i++) await new Promise((r) => setTimeout(r, 10));
      console.log(JSON.stringify({ baseline, after: fds() }));
    })();
  `, { timeoutMs: 30000 });
  expect(result.stderr).toBe('');
  const { baseline, after } = JSON.parse(result.stdout) as { baseline: number; after: number };
  expect(after).toBe(baseline);
});

test('after all of the above, no fd is left over', async () => {
  await new Promise((r) => setTimeout(r, 50));
  expect(openFds()).toBe(fdsBefore);
});
