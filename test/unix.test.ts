// Unix sockets: stream, datagram and seqpacket; pathname and abstract
// addresses; socketpair.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AF_UNIX, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, socket, socketpair } from '../lib';
import { track } from './helpers';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bsd-socket-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([['stream', SOCK_STREAM], ['seqpacket', SOCK_SEQPACKET]] as const)('Unix %s', (_name, type) => {
  test.each([['pathname', () => join(dir, `s-${type}-${Math.random()}`)], ['abstract', () => `\0bsd-socket-test-${process.pid}-${Math.random()}`]] as const)(
    'listen, connect, accept and echo on a %s address', async (_kind, makePath) => {
      const path = makePath();
      const server = track(socket(AF_UNIX, type));
      server.bind({ path });
      server.listen();
      expect(server.getsockname()).toEqual({ family: AF_UNIX, path });
      const client = track(socket(AF_UNIX, type));
      const [[conn, peer]] = await Promise.all([server.accept(), client.connect({ path })]);
      track(conn);
      expect(peer).toEqual({ family: AF_UNIX, path: '' }); // the client is unnamed
      expect(client.getpeername()).toEqual({ family: AF_UNIX, path });
      await client.sendall('over unix');
      expect((await conn.recv(100)).toString()).toBe('over unix');
    });

  test('seqpacket keeps message boundaries, stream does not need to', () => {
    const [a, b] = socketpair(AF_UNIX, type).map(track);
    a.sendSync('12');
    a.sendSync('34');
    if (type === SOCK_SEQPACKET) {
      expect(b.recvSync(10).toString()).toBe('12');
      expect(b.recvSync(10).toString()).toBe('34');
    } else {
      expect(b.recvSync(10).toString()).toBe('1234');
    }
  });
});

test('Unix datagrams carry the sender path', async () => {
  const a = track(socket(AF_UNIX, SOCK_DGRAM));
  const b = track(socket(AF_UNIX, SOCK_DGRAM));
  a.bind({ path: join(dir, 'dgram-a') });
  b.bind({ path: join(dir, 'dgram-b') });
  await a.sendto('hi', { path: join(dir, 'dgram-b') });
  const [data, from] = await b.recvfrom(10);
  expect(data.toString()).toBe('hi');
  expect(from).toEqual({ family: AF_UNIX, path: join(dir, 'dgram-a') });
});

test('socketpair gives two connected sockets of the asked type', () => {
  const [a, b] = socketpair().map(track);
  expect(a.family).toBe(AF_UNIX);
  expect(a.type).toBe(SOCK_STREAM);
  a.sendallSync('x');
  expect(b.recvSync(1).toString()).toBe('x');
  const [c, d] = socketpair(AF_UNIX, SOCK_DGRAM).map(track);
  expect(c.type).toBe(SOCK_DGRAM);
  d.sendSync('y');
  expect(c.recvSync(1).toString()).toBe('y');
});

test('a path of exactly the maximum length works; one byte more is a RangeError', () => {
  const s = track(socket(AF_UNIX, SOCK_STREAM));
  const name = `\0${'a'.repeat(107)}`; // abstract: all 108 bytes of sun_path
  s.bind({ path: name });
  expect(s.getsockname()).toEqual({ family: AF_UNIX, path: name });
  const t = track(socket(AF_UNIX, SOCK_STREAM));
  expect(() => t.bind({ path: `\0${'a'.repeat(108)}` })).toThrow(RangeError);
  expect(() => t.bind({ path: `/tmp/${'a'.repeat(200)}` })).toThrow(RangeError);
});

test('bind to an empty path autobinds to an abstract name of the kernel\'s choosing (unix(7))', () => {
  const s = track(socket(AF_UNIX, SOCK_DGRAM));
  s.bind({ path: '' });
  const name = (s.getsockname() as { path: string }).path;
  expect(name).toMatch(/^\0[0-9a-f]{5}$/);
  const peer = track(socket(AF_UNIX, SOCK_DGRAM));
  peer.sendtoSync('found it', { path: name });
  expect(s.recvSync(10).toString()).toBe('found it');
});

// Names that are not UTF-8 come back as the same bytes (a Buffer), as Python
// returns bytes: what getsockname, accept and recvfrom give still names the socket.
describe('addresses that are not UTF-8 round-trip byte for byte', () => {
  const abstract = (): Buffer => Buffer.concat([Buffer.from(`\0bsd-${process.pid}-${Math.random()}\0`), Buffer.from([0xff, 0xc0, 0x80])]);
  const pathname = (): Buffer => Buffer.concat([Buffer.from(join(dir, `s-${Math.random()}-`)), Buffer.from([0xff, 0xed, 0xa0, 0x80])]);

  test.each([['abstract', abstract], ['pathname', pathname]] as const)('stream, %s: getsockname is the bound bytes and connects', async (_kind, make) => {
    const name = make();
    const server = track(socket(AF_UNIX, SOCK_STREAM));
    server.bind({ path: name });
    server.listen();
    const { path } = server.getsockname() as { path: Buffer };
    expect(Buffer.isBuffer(path)).toBe(true);
    expect(path.equals(name)).toBe(true);
    const client = track(socket(AF_UNIX, SOCK_STREAM));
    await client.connect(server.getsockname());
    const [conn] = await server.accept();
    track(conn);
    expect((conn.getsockname() as { path: Buffer }).path.equals(name)).toBe(true);
    expect((client.getpeername() as { path: Buffer }).path.equals(name)).toBe(true);
  });

  test.each([['abstract', abstract], ['pathname', pathname]] as const)('datagram, %s: sendto back to what recvfrom returned', async (_kind, make) => {
    const a = track(socket(AF_UNIX, SOCK_DGRAM));
    const b = track(socket(AF_UNIX, SOCK_DGRAM));
    const aName = make();
    a.bind({ path: aName });
    b.bind({ path: make() });
    await a.sendto('ping', b.getsockname());
    const [data, from] = await b.recvfrom(10);
    expect(data.toString()).toBe('ping');
    expect(Buffer.isBuffer((from as { path: Buffer }).path)).toBe(true);
    expect((from as { path: Buffer }).path.equals(aName)).toBe(true);
    await b.sendto('pong', from);
    expect((await a.recv(10)).toString()).toBe('pong');
  });

  test('valid UTF-8 names stay strings', () => {
    const s = track(socket(AF_UNIX, SOCK_DGRAM));
    const name = `\0bsd-é-€-😀-${Math.random()}`;
    s.bind({ path: name });
    expect(s.getsockname()).toEqual({ family: AF_UNIX, path: name });
  });
});
