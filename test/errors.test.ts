// Every error class, each produced by a real failing call.
import { execFileSync } from 'node:child_process';

import {
  AF_INET, AbortError, AddressInUseError, AddressNotAvailableError, BrokenPipeError, ConnectionAbortedError,
  ConnectionError, ConnectionRefusedError, ConnectionResetError, HostUnreachableError, NetworkUnreachableError,
  PermissionDeniedError, SHUT_WR, SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET, SO_LINGER, SocketClosedError, SocketError,
  SocketTimeoutError, WouldBlockError, socket,
} from '../lib';
import { listener, portOf, rejection, runChild, sleep, tcpPair, track } from './helpers';

test('ConnectionRefusedError: connect to a closed port, with Node\'s error shape', async () => {
  const closed = track(socket());
  closed.bind({ address: '127.0.0.1', port: 0 });
  const port = portOf(closed.getsockname()); // bound, not listening: refused
  const [error] = await rejection(track(socket()).connect({ address: '127.0.0.1', port }));
  expect(error).toBeInstanceOf(ConnectionRefusedError);
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error).toBeInstanceOf(SocketError);
  expect(error).toMatchObject({
    code: 'ECONNREFUSED', errno: 111, syscall: 'connect', address: '127.0.0.1', port,
    message: `connect ECONNREFUSED 127.0.0.1:${port}`, name: 'ConnectionRefusedError',
  });
  expect(() => track(socket()).connectSync({ address: '127.0.0.1', port })).toThrow(ConnectionRefusedError);
});

test('ConnectionResetError: the peer closes with SO_LINGER {on, 0 s}', async () => {
  const [a, b] = await tcpPair();
  const pending = b.recv(10);
  a.setsockopt(SOL_SOCKET, SO_LINGER, Buffer.from(new Int32Array([1, 0]).buffer));
  a.close();
  const [error] = await rejection(pending);
  expect(error).toBeInstanceOf(ConnectionResetError);
  expect(error).toMatchObject({ code: 'ECONNRESET', syscall: 'recv' });
});

test('a recv waiting on the event loop gets the socket\'s pending error (POLLERR), not EBADF', async () => {
  // UDP: the ICMP port unreachable that answers a datagram to a closed port.
  const gone = track(socket(AF_INET, SOCK_DGRAM));
  gone.bind({ address: '127.0.0.1', port: 0 });
  const port = portOf(gone.getsockname());
  gone.close();
  const udp = track(socket(AF_INET, SOCK_DGRAM));
  udp.setblocking(false);
  udp.connectSync({ address: '127.0.0.1', port });
  const waiting = udp.recv(10);
  udp.sendSync('anyone?');
  const [refused] = await rejection(waiting);
  expect(refused).toBeInstanceOf(ConnectionRefusedError);
  expect(refused).toMatchObject({ code: 'ECONNREFUSED', syscall: 'recv' });
  // TCP: a reset from the peer.
  const [a, b] = await tcpPair();
  b.setblocking(false);
  const pending = b.recv(10);
  await sleep(10);
  a.setsockopt(SOL_SOCKET, SO_LINGER, Buffer.from(new Int32Array([1, 0]).buffer));
  a.close();
  const [reset] = await rejection(pending);
  expect(reset).toBeInstanceOf(ConnectionResetError);
});

test('ConnectionAbortedError: the kernel destroys the connection (ss -K)', async () => {
  const [a] = await tcpPair();
  const pending = a.recv(10);
  await sleep(10);
  execFileSync('ss', ['-K', 'src', '127.0.0.1', 'sport', '=', `:${portOf(a.getsockname())}`], { stdio: 'ignore' });
  const [error] = await rejection(pending);
  expect(error).toBeInstanceOf(ConnectionAbortedError);
  expect(error).toMatchObject({ code: 'ECONNABORTED' });
});

test('BrokenPipeError: send after shutdown(SHUT_WR), and no SIGPIPE', async () => {
  const [a] = await tcpPair();
  a.shutdown(SHUT_WR);
  expect(() => a.sendSync('x')).toThrow(BrokenPipeError);
  await expect(a.send('x')).rejects.toMatchObject({ code: 'EPIPE', syscall: 'send' });
});

test('AddressInUseError: bind a port twice', () => {
  const first = listener();
  const second = track(socket());
  expect(() => second.bind(first.getsockname())).toThrow(AddressInUseError);
});

test('AddressNotAvailableError: bind an address this host does not have', () => {
  // 192.0.2.1 is TEST-NET-1; bind() only checks it, nothing is sent.
  expect(() => track(socket()).bind({ address: '192.0.2.1', port: 0 })).toThrow(AddressNotAvailableError);
});

test('WouldBlockError: Sync calls on a non-blocking socket', async () => {
  const [a] = await tcpPair();
  a.setblocking(false);
  expect(() => a.recvSync(10)).toThrow(WouldBlockError);
  expect(() => a.recvSync(10)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
  const server = listener();
  server.setblocking(false);
  expect(() => server.acceptSync()).toThrow(WouldBlockError);
});

test('SocketTimeoutError: settimeout bounds Sync and Promise calls', async () => {
  const [a] = await tcpPair();
  a.settimeout(30);
  const start = performance.now();
  expect(() => a.recvSync(10)).toThrow(SocketTimeoutError);
  expect(performance.now() - start).toBeGreaterThanOrEqual(29);
  const [error] = await rejection(a.recv(10));
  expect(error).toBeInstanceOf(SocketTimeoutError);
  expect(error).toMatchObject({ code: 'ETIMEDOUT', syscall: 'recv' });
});

test('PermissionDeniedError: a broadcast sendto without SO_BROADCAST', () => {
  // The kernel refuses before anything is sent.
  const s = track(socket(AF_INET, SOCK_DGRAM));
  expect(() => s.sendtoSync('x', { address: '255.255.255.255', port: 9 })).toThrow(PermissionDeniedError);
});

test('SocketClosedError: any call on a closed socket', () => {
  const s = socket();
  s.close();
  expect(() => s.listen()).toThrow(SocketClosedError);
  expect(() => s.listen()).toThrow(expect.objectContaining({ code: 'EBADF', syscall: 'listen' }));
});

test('AbortError: an AbortSignal ends a pending call, already-aborted signals at once', async () => {
  const [a] = await tcpPair();
  const controller = new AbortController();
  const pending = a.recv(10, 0, { signal: controller.signal });
  controller.abort(new Error('enough'));
  const [error] = await rejection(pending);
  expect(error).toBeInstanceOf(AbortError);
  expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
  expect((error as Error).cause).toEqual(new Error('enough'));
  await expect(a.recv(10, 0, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
});

test('NetworkUnreachableError and HostUnreachableError, in a namespace with no routes', async () => {
  // A fresh network namespace: no interface is up, no packet can leave.
  // `unreachable` routes answer route lookups with EHOSTUNREACH.
  const result = await runChild(`
    const { execFileSync } = require('node:child_process');
    execFileSync('ip', ['route', 'add', 'unreachable', '198.51.100.0/24']);
    const out = [];
    for (const address of ['203.0.113.1', '198.51.100.1']) {
      const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
      try { s.connectSync({ address, port: 9 }); out.push('connected'); }
      catch (e) { out.push(e.name + ' ' + e.code); }
      s.close();
    }
    console.log(JSON.stringify(out));
  `, { prefix: ['unshare', '--net'] });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual([
    `${NetworkUnreachableError.name} ENETUNREACH`,
    `${HostUnreachableError.name} EHOSTUNREACH`,
  ]);
});

test('an errno with no class of its own is a plain SocketError with its code', () => {
  const s = track(socket(AF_INET, SOCK_STREAM));
  expect(() => s.getpeername()).toThrow(expect.objectContaining({ constructor: SocketError, code: 'ENOTCONN' }));
});
