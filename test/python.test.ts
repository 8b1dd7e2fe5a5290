// The rest of Python's socket object and module: connect_ex, dup, inheritable
// fds, the default timeout, fromfd, sendfile, recvmsg_into, makefile's Duplex,
// async iteration, inspect, and handing sockets to node:net and back.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inspect } from 'node:util';

import {
  AF_INET, AF_UNIX, CMSG_SPACE, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, SocketClosedError,
  fromfd, getdefaulttimeout, setdefaulttimeout, socket, socketpair,
} from '../lib';
import { fdFlags, openFds, tcpPair, track } from './helpers';

// O_CLOEXEC as /proc/self/fdinfo's flags show the fd's close-on-exec.
const O_CLOEXEC = 0o2000000;

test('connect_ex returns 0 or the errno, and raises nothing for a refused connection', async () => {
  const server = track(socket(AF_INET, SOCK_STREAM));
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const client = track(socket(AF_INET, SOCK_STREAM));
  expect(await client.connect_ex(server.getsockname())).toBe(0);
  const closedPort = track(socket(AF_INET, SOCK_STREAM));
  closedPort.bind({ address: '127.0.0.1', port: 0 });
  const refused = track(socket(AF_INET, SOCK_STREAM));
  expect(await refused.connect_ex(closedPort.getsockname())).toBe(require('node:os').constants.errno.ECONNREFUSED);
  // Bad arguments still raise, as in Python.
  await expect(refused.connect_ex({ address: 'nope', port: 1 })).rejects.toThrow();
});

test('dup gives a second socket on the same connection, close-on-exec, with the same mode', async () => {
  const [a, b] = await tcpPair();
  a.settimeout(1500);
  const copy = track(a.dup());
  expect(copy.fileno()).not.toBe(a.fileno());
  expect(copy.gettimeout()).toBe(1500);
  expect(copy.family).toBe(a.family);
  expect(copy.get_inheritable()).toBe(false);
  expect(fdFlags(copy.fileno()) & O_CLOEXEC).toBe(O_CLOEXEC);
  await copy.sendall('from the copy');
  expect((await b.recv(100)).toString()).toBe('from the copy');
  a.close();
  await copy.sendall(' still open');
  expect((await b.recv(100)).toString()).toBe(' still open');
  expect(() => a.dup()).toThrow(SocketClosedError);
});

test('get_inheritable and set_inheritable flip FD_CLOEXEC, and a child process really inherits', () => {
  const s = track(socket(AF_INET, SOCK_DGRAM));
  expect(s.get_inheritable()).toBe(false);
  s.set_inheritable(true);
  expect(s.get_inheritable()).toBe(true);
  expect(fdFlags(s.fileno()) & O_CLOEXEC).toBe(0);
  const fd = s.fileno();
  // A shell started now sees the fd (test -e on /proc/self/fd/N).
  expect(execFileSync('sh', ['-c', `test -e /proc/self/fd/${fd} && echo yes || echo no`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()).toBe('yes');
  s.set_inheritable(false);
  expect(execFileSync('sh', ['-c', `test -e /proc/self/fd/${fd} && echo yes || echo no`]).toString().trim()).toBe('no');
  s.close();
  expect(() => s.get_inheritable()).toThrow(SocketClosedError);
});

test('setdefaulttimeout sets the timeout of sockets made after it', () => {
  expect(getdefaulttimeout()).toBeNull();
  try {
    setdefaulttimeout(250);
    expect(getdefaulttimeout()).toBe(250);
    expect(track(socket()).gettimeout()).toBe(250);
    expect(track(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)).gettimeout()).toBe(0);
    setdefaulttimeout(null);
    expect(track(socket()).gettimeout()).toBeNull();
    expect(() => setdefaulttimeout(-1)).toThrow(RangeError);
    expect(() => setdefaulttimeout('1' as unknown as number)).toThrow(TypeError);
  } finally {
    setdefaulttimeout(null);
  }
});

test('fromfd duplicates the fd, as Python\'s does; the original stays the caller\'s', async () => {
  const [a, b] = await tcpPair();
  const fd = a.fileno();
  const copy = track(fromfd(fd));
  expect(copy.fileno()).not.toBe(fd);
  await copy.sendall('via fromfd');
  expect((await b.recv(100)).toString()).toBe('via fromfd');
  expect(() => fromfd(-1)).toThrow(RangeError);
});

describe('sendfile', () => {
  const path = join(tmpdir(), `bsd-sendfile-${process.pid}`);
  const content = Buffer.alloc(3 << 20);
  for (let i = 0; i < content.length; i++) content[i] = (i * 7) & 0xff;
  beforeAll(() => writeFileSync(path, content));
  afterAll(() => rmSync(path, { force: true }));

  test.each([['blocking', true], ['non-blocking', false]])('%s: sends the whole file, a range, and stops at the end', async (_mode, blocking) => {
    const [a, b] = await tcpPair();
    a.setblocking(blocking);
    b.setblocking(false);
    const fd = openSync(path, 'r');
    try {
      const reading = (async () => {
        const parts: Buffer[] = [];
        let got = 0;
        while (got < content.length + 1000 + 10) {
          const chunk = await b.recv(1 << 20);
          parts.push(chunk);
          got += chunk.length;
        }
        return Buffer.concat(parts);
      })();
      expect(await a.sendfile(fd)).toBe(content.length);
      expect(await a.sendfile(fd, 5000, 1000)).toBe(1000);
      expect(await a.sendfile(fd, content.length - 10, 1000)).toBe(10);
      const got = await reading;
      expect(got.subarray(0, content.length).equals(content)).toBe(true);
      expect(got.subarray(content.length, content.length + 1000).equals(content.subarray(5000, 6000))).toBe(true);
      expect(got.subarray(content.length + 1000).equals(content.subarray(content.length - 10))).toBe(true);
    } finally {
      closeSync(fd);
    }
  });

  test('bad input is typed; an fd that is not a readable file is EBADF or EINVAL', async () => {
    const [a] = await tcpPair();
    await expect(a.sendfile(-1)).rejects.toThrow(RangeError);
    await expect(a.sendfile(0, -5)).rejects.toThrow(RangeError);
    await expect(a.sendfile('x' as unknown as number)).rejects.toThrow(TypeError);
    // An fd number no process has open; a directory, which sendfile cannot read.
    await expect(a.sendfile(999999)).rejects.toMatchObject({ code: 'EBADF' });
    const dir = openSync(tmpdir(), 'r');
    try {
      await expect(a.sendfile(dir)).rejects.toMatchObject({ code: 'EINVAL' });
    } finally {
      closeSync(dir);
    }
  });
});

test('recvmsg_into scatters one message over several buffers', async () => {
  const [a, b] = socketpair(AF_UNIX, SOCK_DGRAM).map(track);
  await a.sendmsg([Buffer.from('hello, scattered world')]);
  const first = Buffer.alloc(5);
  const second = new Uint8Array(3);
  const third = Buffer.alloc(100);
  const [n, ancillary, flags, address] = await b.recvmsg_into([first, second, third], CMSG_SPACE(4));
  expect(n).toBe(22);
  expect(first.toString()).toBe('hello');
  expect(Buffer.from(second).toString()).toBe(', s');
  expect(third.subarray(0, 14).toString()).toBe('cattered world');
  expect(ancillary).toEqual([]);
  expect(flags).toBe(0);
  expect(address).toBeNull();
  await a.sendmsg([Buffer.from('too long for these')]);
  const [m, , truncatedFlags] = b.recvmsg_intoSync([Buffer.alloc(2), Buffer.alloc(2)]);
  expect(m).toBe(4);
  expect(truncatedFlags & require('../lib').MSG_TRUNC).not.toBe(0);
  await expect(b.recvmsg_into('nope' as unknown as Buffer[])).rejects.toThrow(TypeError);
});

describe('makefile', () => {
  test('a Duplex with backpressure both ways: 8 MiB through stream.pipeline, end() is shutdown(SHUT_WR)', async () => {
    const [a, b] = await tcpPair();
    const data = Buffer.alloc(8 << 20);
    for (let i = 0; i < data.length; i += 4096) data[i] = (i >> 12) & 0xff;
    const received: Buffer[] = [];
    const sink = new Writable({
      highWaterMark: 64 << 10,
      write(chunk: Buffer, _enc, callback) { received.push(chunk); setImmediate(callback); },
    });
    const sending = pipeline(Readable.from([data.subarray(0, 4 << 20), data.subarray(4 << 20)]), a.makefile());
    await Promise.all([sending, pipeline(b.makefile(), sink)]);
    expect(Buffer.concat(received).equals(data)).toBe(true);
    // The writer's end() was shutdown(SHUT_WR): the reader saw end of stream, and the socket stays open.
    expect(a.closed).toBe(false);
  });

  test('errors come through as the typed socket errors', async () => {
    const [a] = await tcpPair();
    const stream = a.makefile();
    const failed = once(stream, 'error');
    a.close();
    stream.write('after close');
    const [error] = await failed;
    expect(error).toBeInstanceOf(SocketClosedError);
  });

  test('destroying the stream leaves the socket open and consumes nothing more', async () => {
    const [a, b] = await tcpPair();
    const stream = b.makefile();
    stream.resume();
    await new Promise((r) => setTimeout(r, 20));
    stream.destroy();
    await once(stream, 'close');
    await a.sendall('for the socket');
    expect((await b.recv(100)).toString()).toBe('for the socket');
  });
});

test('for await yields received chunks until the peer ends the stream', async () => {
  const [a, b] = await tcpPair();
  const writing = (async () => {
    for (let i = 0; i < 5; i++) {
      await a.sendall(`chunk ${i};`);
      await new Promise((r) => setTimeout(r, 5));
    }
    a.shutdown(require('../lib').SHUT_WR);
  })();
  let text = '';
  for await (const chunk of b) text += chunk.toString();
  await writing;
  expect(text).toBe('chunk 0;chunk 1;chunk 2;chunk 3;chunk 4;');
});

test('inspect shows the fd, family, type and the local and peer addresses, as Python\'s repr', async () => {
  const [a] = await tcpPair();
  const text = inspect(a);
  const { port } = a.getsockname() as { port: number };
  expect(text).toContain(`fd: ${a.fileno()}`);
  expect(text).toContain(`laddr: 127.0.0.1:${port}`);
  expect(text).toMatch(/raddr: 127\.0\.0\.1:\d+/);
  const lone = track(socket(AF_INET, SOCK_DGRAM));
  expect(inspect(lone)).not.toContain('raddr');
  lone.close();
  expect(inspect(lone)).toContain('closed');
});

test('handing over to node:net and back, with data crossing both ways', async () => {
  const [a, b] = await tcpPair();
  const before = openFds();
  // Ours to Node's: detach the fd into a net.Socket.
  const netSocket = new net.Socket({ fd: a.detach(), readable: true, writable: true });
  netSocket.write('from net');
  expect((await b.recv(100)).toString()).toBe('from net');
  await b.sendall('to net');
  const [fromPeer] = await once(netSocket, 'data') as [Buffer];
  expect(fromPeer.toString()).toBe('to net');
  // Node's to ours: a listening net.Server's connection, duplicated with fromfd.
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[net.Socket]>;
  const client = track(socket(AF_INET, SOCK_STREAM));
  await client.connect({ address: '127.0.0.1', port: (server.address() as net.AddressInfo).port });
  const [conn] = await accepted;
  const ours = track(fromfd((conn as unknown as { _handle: { fd: number } })._handle.fd));
  conn.pause();
  await ours.sendall('from ours');
  expect((await client.recv(100)).toString()).toBe('from ours');
  await client.sendall('to ours');
  expect((await ours.recv(100)).toString()).toBe('to ours');
  conn.destroy();
  server.close();
  netSocket.destroy();
  await once(netSocket, 'close');
  ours.close();
  expect(openFds()).toBeLessThanOrEqual(before);
});

test('bad input to the new methods is a typed error and leaks no fd', async () => {
  const [a] = await tcpPair();
  const before = openFds();
  expect(() => a.set_inheritable('yes' as unknown as boolean)).toThrow(TypeError);
  expect(() => a.makefile(null as unknown as object)).toThrow(TypeError);
  expect(() => a.makefile({ readSize: 0 })).toThrow(RangeError);
  expect(() => a.recvmsg_intoSync([Buffer.alloc(1), 'x' as unknown as Buffer])).toThrow(TypeError);
  await expect(a.sendfile(0, 0, -1)).rejects.toThrow(RangeError);
  await expect(a.connect_ex(null as unknown as { address: string; port: number })).rejects.toThrow(TypeError);
  expect(() => fromfd(999999)).toThrow(expect.objectContaining({ code: 'EBADF' }));
  const notSocket = openSync(tmpdir(), 'r');
  try {
    expect(() => fromfd(notSocket)).toThrow(expect.objectContaining({ code: 'ENOTSOCK' }));
  } finally {
    closeSync(notSocket);
  }
  expect(openFds()).toBe(before);
  a.close();
  expect(() => a.dup()).toThrow(SocketClosedError);
  expect(() => a.makefile()).toThrow(SocketClosedError);
  await expect(a.sendfile(0)).rejects.toThrow(SocketClosedError);
});
