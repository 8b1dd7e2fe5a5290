// Creating sockets: socket(), families and types, SOCK_NONBLOCK, close-on-exec,
// fromFd, fileno, and SOCK_RAW.
import { constants as fsConstants } from 'node:fs';

import {
  AF_INET, AF_INET6, AF_UNIX, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, PermissionDeniedError, SOCK_DGRAM, SOCK_NONBLOCK,
  SOCK_RAW, SOCK_SEQPACKET, SOCK_STREAM, Socket, SocketError, fromFd, socket,
} from '../lib';
import { fdFlags, openFds, track } from './helpers';

const O_CLOEXEC = 0o2000000;

test.each([
  [AF_INET, SOCK_STREAM, 0, IPPROTO_TCP],
  [AF_INET, SOCK_DGRAM, 0, IPPROTO_UDP],
  [AF_INET6, SOCK_STREAM, 0, IPPROTO_TCP],
  [AF_INET6, SOCK_DGRAM, 0, IPPROTO_UDP],
  [AF_UNIX, SOCK_STREAM, 0, 0],
  [AF_UNIX, SOCK_DGRAM, 0, 0],
  [AF_UNIX, SOCK_SEQPACKET, 0, 0],
])('socket(%i, %i, %i) reports its family, type and protocol', (family, type, protocol, kernelProtocol) => {
  const s = track(new Socket(family, type, protocol));
  expect([s.family, s.type, s.protocol]).toEqual([family, type, protocol]);
  expect(s.getblocking()).toBe(true);
  expect(fdFlags(s.fileno()) & O_CLOEXEC).toBe(O_CLOEXEC);
  // fromFd reads them back from the kernel (SO_DOMAIN, SO_TYPE, SO_PROTOCOL).
  const again = Socket.fromFd(s.detach());
  track(again);
  expect([again.family, again.type, again.protocol]).toEqual([family, type, kernelProtocol]);
});

test('the defaults are AF_INET, SOCK_STREAM, protocol 0', () => {
  const s = track(socket());
  expect([s.family, s.type, s.protocol]).toEqual([AF_INET, SOCK_STREAM, 0]);
});

test('SOCK_NONBLOCK makes a non-blocking socket and is not part of type', () => {
  const s = track(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK));
  expect(s.type).toBe(SOCK_STREAM);
  expect(s.getblocking()).toBe(false);
  expect(s.gettimeout()).toBe(0);
});

test('accepted sockets are close-on-exec too', async () => {
  const server = track(socket());
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const client = track(socket());
  const [[conn]] = await Promise.all([server.accept(), client.connect(server.getsockname())]);
  track(conn);
  expect(fdFlags(conn.fileno()) & O_CLOEXEC).toBe(O_CLOEXEC);
});

test('detach leaves the fd in the mode the socket was in', () => {
  const blocking = track(socket());
  const nonBlocking = track(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK));
  const fdA = blocking.detach();
  const fdB = nonBlocking.detach();
  expect(fdFlags(fdA) & fsConstants.O_NONBLOCK).toBe(0);
  expect(fdFlags(fdB) & fsConstants.O_NONBLOCK).toBe(fsConstants.O_NONBLOCK);
  const a = track(fromFd(fdA));
  const b = track(fromFd(fdB));
  expect(a.getblocking()).toBe(true);
  expect(b.getblocking()).toBe(false);
});

test('fromFd of a file that is not a socket raises ENOTSOCK and leaks nothing', () => {
  const { openSync, closeSync } = require('node:fs') as typeof import('node:fs');
  const fd = openSync('/dev/null', 'r');
  try {
    expect(() => fromFd(fd)).toThrow(expect.objectContaining({ code: 'ENOTSOCK', syscall: 'fromFd' }));
  } finally {
    closeSync(fd);
  }
});

test('an unsupported combination raises a typed SocketError and leaks no fd', () => {
  const before = openFds();
  expect(() => socket(AF_UNIX, SOCK_STREAM, IPPROTO_TCP)).toThrow(SocketError);
  expect(() => socket(12345, SOCK_STREAM)).toThrow(expect.objectContaining({ code: 'EAFNOSUPPORT' }));
  expect(openFds()).toBe(before);
});

describe('SOCK_RAW', () => {
  const privileged = process.getuid?.() === 0;

  test('raw ICMP: an echo request to 127.0.0.1 gets a reply, IPv4 header included', async () => {
    if (!privileged) {
      // Without CAP_NET_RAW the kernel refuses, and that is a typed error.
      expect(() => socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)).toThrow(PermissionDeniedError);
      return;
    }
    const s = track(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP));
    const id = process.pid & 0xffff;
    const request = Buffer.from([8, 0, 0, 0, id >> 8, id & 0xff, 0, 1, ...Buffer.from('bsd-socket')]);
    let sum = 0;
    for (let i = 0; i < request.length; i += 2) sum += (request[i] << 8) + (request[i + 1] ?? 0);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    request.writeUInt16BE(~sum & 0xffff, 2);
    await s.sendto(request, { address: '127.0.0.1', port: 0 });
    // The raw socket sees our own request too; look for the reply (type 0).
    for (let i = 0; i < 4; i++) {
      const [packet, from] = await s.recvfrom(1500, 0, { timeout: 1000 });
      const headerLength = (packet[0] & 0x0f) * 4;
      expect(packet[0] >> 4).toBe(4); // an IPv4 header first, as raw(7) says
      expect(from).toEqual(expect.objectContaining({ address: '127.0.0.1' }));
      if (packet[headerLength] === 0 && packet.readUInt16BE(headerLength + 4) === id) {
        expect(packet.subarray(headerLength + 8).toString()).toBe('bsd-socket');
        return;
      }
    }
    throw new Error('no ICMP echo reply');
  });
});
