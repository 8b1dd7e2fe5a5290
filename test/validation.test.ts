// Bad input: a TypeError or RangeError before any syscall, never a crash, a
// hang or a leaked fd.
import {
  AF_INET, AF_INET6, AF_UNIX, SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, Socket, SocketClosedError, socket,
} from '../lib';
import { binding, type SocketHandle } from '../lib/binding';
import { openFds, tcpPair, track } from './helpers';

// undefined is absent here: an omitted argument takes its default, as in any JS call.
const notNumbers = [null, '1', {}, [], Symbol('x'), 1n, () => 1, true];

let before: number;
beforeEach(() => { before = openFds(); });

test.each(notNumbers.map((v) => [String(typeof v === 'symbol' ? 'symbol' : v), v]))(
  'socket() with %s as family is a TypeError', (_name, value) => {
    expect(() => socket(value as number)).toThrow(TypeError);
    expect(() => socket(AF_INET, value as number)).toThrow(TypeError);
    expect(openFds()).toBe(before);
  });

test.each([NaN, 1.5, -0.5, 2 ** 53, Infinity, 2 ** 31])('socket() with %p as type is a RangeError', (value) => {
  expect(() => socket(AF_INET, value)).toThrow(RangeError);
});

describe('addresses', () => {
  const cases: Array<[string, number, unknown, typeof TypeError | typeof RangeError]> = [
    ['not an object', AF_INET, '127.0.0.1:80', TypeError],
    ['null', AF_INET, null, TypeError],
    ['a host name', AF_INET, { address: 'localhost', port: 1 }, TypeError],
    ['an IPv6 text on IPv4', AF_INET, { address: '::1', port: 1 }, TypeError],
    ['a bad IPv4 text', AF_INET, { address: '999.1.1.1', port: 1 }, TypeError],
    ['a missing port', AF_INET, { address: '127.0.0.1' }, TypeError],
    ['port 65536', AF_INET, { address: '127.0.0.1', port: 65536 }, RangeError],
    ['port -1', AF_INET, { address: '127.0.0.1', port: -1 }, RangeError],
    ['port 1.5', AF_INET, { address: '127.0.0.1', port: 1.5 }, RangeError],
    ['port NaN', AF_INET, { address: '127.0.0.1', port: NaN }, RangeError],
    ['a string port', AF_INET, { address: '127.0.0.1', port: '80' }, TypeError],
    ['flowinfo too big', AF_INET6, { address: '::1', port: 1, flowinfo: 2 ** 20 }, RangeError],
    ['scopeId negative', AF_INET6, { address: '::1', port: 1, scopeId: -1 }, RangeError],
    ['a path that is a number', AF_UNIX, { path: 5 }, TypeError],
    ['a path with a NUL inside', AF_UNIX, { path: '/tmp/a\0b' }, TypeError],
    ['a path of 108 bytes', AF_UNIX, { path: `/${'x'.repeat(107)}` }, RangeError],
    ['an unknown family', AF_INET, { family: 9999, address: '1.2.3.4', port: 1 }, TypeError],
  ];
  test.each(cases)('%s', (_name, family, address, ErrorClass) => {
    const s = track(socket(family, family === AF_UNIX ? SOCK_STREAM : SOCK_DGRAM));
    expect(() => s.bind(address as never)).toThrow(ErrorClass);
    expect(() => s.connectSync(address as never)).toThrow(ErrorClass);
    expect(() => s.sendtoSync('x', address as never)).toThrow(ErrorClass);
    return expect(s.connect(address as never)).rejects.toBeInstanceOf(ErrorClass);
  });
});

describe('buffers and sizes', () => {
  test('data that is no buffer is a TypeError', async () => {
    const [a] = await tcpPair();
    for (const bad of [123, null, undefined, {}, [1, 2]]) {
      expect(() => a.sendSync(bad as never)).toThrow(TypeError);
      await expect(a.send(bad as never)).rejects.toBeInstanceOf(TypeError);
      expect(() => a.recvIntoSync(bad as never)).toThrow(TypeError);
    }
  });

  test('recvInto and sendall, whose fast paths are not async functions, reject and never throw', async () => {
    const [a] = await tcpPair();
    a.setblocking(false);
    const calls = [
      () => a.recvInto('x' as never), () => a.recvInto(Buffer.alloc(4), 9), () => a.recvInto(Buffer.alloc(4), 1, 1.5),
      () => a.sendall(123 as never), () => a.sendall('x', 1.5),
    ];
    for (const call of calls) {
      let pending: Promise<unknown> | undefined;
      expect(() => { pending = call(); }).not.toThrow();
      await expect(pending).rejects.toThrow(/must|out of range|RangeError|TypeError|integer/i);
    }
    a.close();
    await expect(a.recvInto(Buffer.alloc(4))).rejects.toBeInstanceOf(SocketClosedError);
    await expect(a.sendall('x')).rejects.toBeInstanceOf(SocketClosedError);
  });

  test('a detached buffer is a TypeError, not a silent empty read', async () => {
    const [a] = await tcpPair();
    const buffer = new ArrayBuffer(16);
    const bytes = new Uint8Array(buffer);
    const view = new DataView(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    expect(buffer.byteLength).toBe(0);
    expect(() => a.recvIntoSync(buffer)).toThrow(/detached/);
    await expect(a.recvInto(bytes)).rejects.toThrow(/detached/);
    expect(() => a.sendSync(view)).toThrow(/detached/);
  });

  test('nbytes beyond the buffer, and negative sizes, are RangeErrors', async () => {
    const [a] = await tcpPair();
    expect(() => a.recvIntoSync(Buffer.alloc(4), 5)).toThrow(RangeError);
    expect(() => a.recvSync(-1)).toThrow(RangeError);
    await expect(a.recv(1.5)).rejects.toBeInstanceOf(RangeError);
    await expect(a.recvfrom(2 ** 40)).rejects.toBeInstanceOf(RangeError);
  });

  test('flags, backlog, how, timeouts and options are checked', async () => {
    const [a] = await tcpPair();
    expect(() => a.sendSync('x', 'MSG_OOB' as never)).toThrow(TypeError);
    expect(() => a.listen(2 ** 40)).toThrow(RangeError);
    expect(() => a.shutdown('SHUT_WR' as never)).toThrow(TypeError);
    expect(() => a.settimeout(-1)).toThrow(RangeError);
    expect(() => a.settimeout(Infinity)).toThrow(RangeError);
    expect(() => a.settimeout('1' as never)).toThrow(TypeError);
    expect(() => a.setsockopt(SOL_SOCKET, SO_REUSEADDR, {} as never)).toThrow(TypeError);
    expect(() => a.getsockopt(SOL_SOCKET, SO_REUSEADDR, 0)).toThrow(RangeError);
    await expect(a.recv(1, 0, { timeout: -5 })).rejects.toBeInstanceOf(RangeError);
    await expect(a.recv(1, 0, { signal: {} as AbortSignal })).rejects.toBeInstanceOf(TypeError);
  });

  test('fromFd of a negative, fractional or closed fd', () => {
    expect(() => Socket.fromFd(-1)).toThrow(RangeError);
    expect(() => Socket.fromFd(1.5)).toThrow(RangeError);
    const s = socket();
    const fd = s.fileno();
    s.close();
    expect(() => Socket.fromFd(fd)).toThrow(SocketClosedError);
  });
});

describe('the internal binding', () => {
  // Not public API, but reachable with require: a socket handle it does not
  // know is a TypeError, never a pointer dereferenced.
  test.each([{}, [], null, 3, 'x', new ArrayBuffer(8), Buffer.alloc(8)])('takes no %p for a socket handle', (value) => {
    const h = value as unknown as SocketHandle;
    expect(() => binding.close(h)).toThrow(/expected a SocketHandle/);
    expect(() => binding.recvOnLoop(h, Buffer.alloc(8), 0, 8, 0, 0)).toThrow(/expected a SocketHandle/);
  });

  test('a handle stays valid after close, and says the socket is closed', () => {
    const h = binding.socketHandle(binding.socket(AF_INET, SOCK_DGRAM, 0));
    binding.close(h);
    binding.close(h);
    expect(binding.recvOnLoop(h, Buffer.alloc(8), 0, 8, 0, 0)).toBe(binding.internal.STATUS_CLOSED);
  });

  test('a waiter must be an object, and a recv for a waiter needs one', () => {
    const fd = binding.socket(AF_INET, SOCK_DGRAM, 0);
    expect(() => binding.socketHandle(fd, 5 as unknown as object)).toThrow(/a waiter must be an object/);
    expect(() => binding.setWaiterSettle(5 as unknown as () => void)).toThrow(/needs a function/);
    const h = binding.socketHandle(fd);
    expect(() => binding.recvOnLoopForWaiter(h, Buffer.alloc(8), 0, 8, 0)).toThrow(/has no waiter/);
    const withWaiter = binding.socketHandle(binding.socket(AF_INET, SOCK_DGRAM, 0), {});
    binding.close(withWaiter);
    expect(binding.recvOnLoopForWaiter(withWaiter, Buffer.alloc(8), 0, 8, 0)).toBe(binding.internal.STATUS_CLOSED);
    expect(() => binding.recvOnLoopForWaiter({} as SocketHandle, Buffer.alloc(8), 0, 8, 0)).toThrow(/expected a SocketHandle/);
    binding.close(h);
  });
});

test('after all the bad input above, no fd is left over', () => {
  expect(openFds()).toBe(before);
});

describe.each([
  ['blocking: on a worker', true],
  ['non-blocking: on the event loop', false],
])('buffers changed while a call waits (%s)', (_mode, blocking) => {
  test('a buffer detached during a pending recv: typed EFAULT error, no crash', async () => {
    const [a, b] = await tcpPair();
    b.setblocking(blocking);
    const buffer = new ArrayBuffer(16);
    const pending = b.recvInto(new Uint8Array(buffer));
    await new Promise((r) => setTimeout(r, 20));
    structuredClone(buffer, { transfer: [buffer] });
    await a.sendall('into freed memory?');
    await expect(pending).rejects.toMatchObject({ code: 'EFAULT', syscall: 'recv' });
  });

  test('a resizable buffer shrunk during a pending recv: typed EFAULT error', async () => {
    const [a, b] = await tcpPair();
    b.setblocking(blocking);
    const buffer = new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer & { resize(n: number): void })(
      4096, { maxByteLength: 8192 });
    const pending = b.recvInto(new Uint8Array(buffer, 0, 4096));
    await new Promise((r) => setTimeout(r, 20));
    buffer.resize(0);
    await a.sendall(Buffer.alloc(4096, 1));
    await expect(pending).rejects.toMatchObject({ code: 'EFAULT' });
  });
});

describe('buffers changed while a call waits on a worker', () => {
  test('a buffer changed after a blocking send started: the bytes at the call are sent', async () => {
    const [a, b] = await tcpPair();
    const data = Buffer.alloc(32 << 20, 'a'); // more than the socket buffers hold: goes to a worker
    const sending = a.sendall(data);
    data.fill('b');
    let got = 0;
    let wrong = 0;
    while (got < data.length) {
      const chunk = await b.recv(1 << 20);
      for (const byte of chunk) if (byte !== 0x61) wrong++;
      got += chunk.length;
    }
    await sending;
    // The first attempt sent what fitted, straight from `data`; the rest was
    // copied when the call went to the worker, before the fill.
    expect(wrong).toBe(0);
  });
});
