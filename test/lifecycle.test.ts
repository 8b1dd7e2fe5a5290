// Closing while operations are pending: every one ends promptly with
// SocketClosedError, and the fd is released only once none of them uses it.
import {
  AF_INET, AF_UNIX, MSG_WAITALL, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, Socket, SocketClosedError, socket, socketpair,
} from '../lib';
import { readlinkSync } from 'node:fs';

import { countEventFds, fdTargets, listener, rejection, sleep, tcpPair, track } from './helpers';

const modes = [['blocking', true], ['non-blocking', false]] as const;

/** A TCP connect that hangs: the listener's accept queue is full, so SYNs are dropped. */
async function hangingConnectTarget(): Promise<{ address: string; port: number }> {
  const server = listener(AF_INET, 0);
  const target = server.getsockname() as { address: string; port: number };
  // Fill the accept queue (backlog 0 holds one) so later SYNs are dropped.
  for (let i = 0; i < 3; i++) {
    const filler = track(socket(AF_INET, SOCK_STREAM));
    filler.setblocking(false);
    filler.connect(target).catch(() => undefined);
  }
  await sleep(50);
  return target;
}

describe.each(modes)('close during pending operations, %s', (_name, blocking) => {
  test.each(['recv', 'recvfrom', 'recvInto'] as const)('%s on TCP', async (method) => {
    const [a] = await tcpPair();
    a.setblocking(blocking);
    const pending = method === 'recv' ? a.recv(10) : method === 'recvfrom' ? a.recvfrom(10) : a.recvInto(Buffer.alloc(10));
    await sleep(20);
    a.close();
    const [error, ms] = await rejection(pending);
    expect(error).toBeInstanceOf(SocketClosedError);
    expect((error as SocketClosedError).code).toBe('EBADF');
    expect(ms).toBeLessThan(50);
  });

  test('accept', async () => {
    const server = listener();
    server.setblocking(blocking);
    const pending = server.accept();
    await sleep(20);
    server.close();
    const [error, ms] = await rejection(pending);
    expect(error).toBeInstanceOf(SocketClosedError);
    expect(ms).toBeLessThan(50);
  });

  test('connect that is not answered', async () => {
    const target = await hangingConnectTarget();
    const client = track(socket(AF_INET, SOCK_STREAM));
    client.setblocking(blocking);
    const pending = client.connect(target);
    await sleep(50);
    client.close();
    const [error, ms] = await rejection(pending);
    expect(error).toBeInstanceOf(SocketClosedError);
    expect(ms).toBeLessThan(50);
  });

  test('send blocked on a full buffer', async () => {
    const [a] = await tcpPair();
    a.setblocking(blocking);
    const pending = a.sendall(Buffer.alloc(64 << 20));
    await sleep(50);
    a.close();
    const [error, ms] = await rejection(pending);
    expect(error).toBeInstanceOf(SocketClosedError);
    expect(ms).toBeLessThan(50);
  });

  const kinds: Array<[string, () => Promise<Socket>]> = [
    ['TCP', async () => (await tcpPair())[0]],
    ['UDP', async () => {
      const s = track(socket(AF_INET, SOCK_DGRAM));
      s.bind({ address: '127.0.0.1', port: 0 });
      return s;
    }],
    ['Unix stream', async () => socketpair(AF_UNIX, SOCK_STREAM).map(track)[0]],
    ['Unix dgram', async () => socketpair(AF_UNIX, SOCK_DGRAM).map(track)[0]],
    ['Unix seqpacket', async () => socketpair(AF_UNIX, SOCK_SEQPACKET).map(track)[0]],
  ];

  test.each(kinds)('100 pending recvs on %s all end within 50 ms of close', async (_kind, make) => {
    const sock = await make();
    sock.setblocking(blocking);
    const inode = readlinkSync(`/proc/self/fd/${sock.fileno()}`);
    const eventFdsBefore = countEventFds();
    const pending = Array.from({ length: 100 }, () => rejection(sock.recv(16)));
    await sleep(30);
    sock.close();
    const start = performance.now();
    const results = await Promise.all(pending);
    const elapsed = performance.now() - start;
    for (const [error] of results) expect(error).toBeInstanceOf(SocketClosedError);
    expect(elapsed).toBeLessThan(50);
    // The socket's own fd is gone, and no wake-up fd was left behind.
    expect(fdTargets()).not.toContain(inode);
    // (<=: Node's own eventfds may come and go meanwhile; ours would add 100.)
    expect(countEventFds()).toBeLessThanOrEqual(eventFdsBefore);
  });
});

test('close is idempotent, and a closed socket raises SocketClosedError', () => {
  const s = socket();
  const fd = s.fileno();
  expect(fd).toBeGreaterThanOrEqual(0);
  s.close();
  s.close();
  expect(s.closed).toBe(true);
  expect(s.fileno()).toBe(-1);
  expect(() => s.bind({ address: '127.0.0.1', port: 0 })).toThrow(SocketClosedError);
  expect(() => s.recvSync(1)).toThrow(SocketClosedError);
  return expect(s.recv(1)).rejects.toBeInstanceOf(SocketClosedError);
});

test('the fd stays open until a pending operation on a worker has returned', async () => {
  const [a] = await tcpPair();
  const fd = a.fileno();
  const pending = rejection(a.recv(10));
  await sleep(20);
  a.close();
  // The worker is woken, but the fd number must not be free for reuse until
  // it has come back: only then is close(2) called.
  await pending;
  const reused = track(socket());
  // With the fd released, the lowest free number is handed out again.
  expect(reused.fileno()).toBeLessThanOrEqual(fd);
});

test('using disposes the socket', () => {
  let fd = -1;
  let kept: Socket;
  {
    using s = socket();
    fd = s.fileno();
    kept = s;
  }
  expect(fd).toBeGreaterThanOrEqual(0);
  expect(kept.closed).toBe(true);
});

test('detach gives up the fd without closing it', async () => {
  const [a, b] = await tcpPair();
  const fd = a.detach();
  expect(a.closed).toBe(true);
  const again = track((await import('../lib')).fromFd(fd));
  await again.sendall('still open');
  expect((await b.recv(20)).toString()).toBe('still open');
});

test('await using disposes the socket asynchronously', async () => {
  let kept: Socket | undefined;
  {
    await using s = socket();
    kept = s;
    expect(s.closed).toBe(false);
  }
  expect(kept.closed).toBe(true);
});

test('detach with waits pending on workers ends them, and hands over a working fd in blocking mode', async () => {
  const [a, b] = await tcpPair();
  const pending = [rejection(a.recv(10)), rejection(a.recv(10, MSG_WAITALL))];
  await sleep(20);
  const fd = a.detach();
  for (const [error] of await Promise.all(pending)) expect(error).toBeInstanceOf(SocketClosedError);
  const again = track(Socket.fromFd(fd));
  expect(again.gettimeout()).toBeNull();
  await b.sendall('after detach');
  expect((await again.recv(100)).toString()).toBe('after detach');
});
