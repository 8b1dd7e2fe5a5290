// The typed option table: round trips per kind, every known option readable
// as its natural type, raw bytes for the rest, and the timeout settings.
import {
  AF_INET, AF_INET6, AF_PACKET, AF_UNIX, ICMP_FILTER, IPPROTO_ICMP, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IP_MULTICAST_IF, IP_TOS, IP_TTL,
  IPV6_UNICAST_HOPS, IPV6_V6ONLY, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, SOL_PACKET, SOL_RAW, SOL_SOCKET, SO_BINDTODEVICE,
  SO_KEEPALIVE, SO_LINGER, SO_PEERCRED, SO_RCVBUF, SO_RCVTIMEO, SO_REUSEADDR, SO_TYPE, TCP_CONGESTION, TCP_KEEPIDLE,
  TCP_NODELAY, internetChecksum, knownOptions, socket, socketpair, type OptionKind, type OptionValue,
} from '../lib';
import { track } from './helpers';

const roundTrips: Array<[string, number, number, number, number, OptionValue, OptionValue]> = [
  // name, family, type, level, option, one value, another value
  ['SO_REUSEADDR (bool)', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, true, false],
  ['SO_KEEPALIVE (bool)', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, true, false],
  ['TCP_NODELAY (bool)', AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_NODELAY, true, false],
  ['IPV6_V6ONLY (bool)', AF_INET6, SOCK_STREAM, IPPROTO_IPV6, IPV6_V6ONLY, true, false],
  ['TCP_KEEPIDLE (int)', AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPIDLE, 77, 3600],
  ['IP_TTL (int)', AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TTL, 33, 250],
  ['IP_TOS (int)', AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TOS, 0x10, 0x08],
  ['IPV6_UNICAST_HOPS (int)', AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 17, 200],
  ['SO_RCVTIMEO (timeval)', AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_RCVTIMEO, 1500, 20],
  // (Linux keeps the linger time when lingering is switched off.)
  ['SO_LINGER (linger)', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_LINGER, { onoff: true, seconds: 5 }, { onoff: false, seconds: 5 }],
  ['SO_BINDTODEVICE (string)', AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_BINDTODEVICE, 'lo', ''],
  ['TCP_CONGESTION (string)', AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_CONGESTION, 'reno', 'cubic'],
  ['IP_MULTICAST_IF (in_addr)', AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_MULTICAST_IF, '127.0.0.1', '0.0.0.0'],
];

test.each(roundTrips)('%s round-trips as its natural value', (_name, family, type, level, option, one, another) => {
  const s = track(socket(family, type));
  for (const value of [one, another, one]) {
    s.setsockopt(level, option, value);
    expect(s.getsockopt(level, option)).toEqual(value);
  }
});

const jsType: Record<OptionKind, (v: unknown) => boolean> = {
  int: (v) => typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  timeval: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  in_addr: (v) => typeof v === 'string',
  linger: (v) => typeof v === 'object' && v !== null && 'onoff' in v,
  ucred: (v) => typeof v === 'object' && v !== null && 'pid' in v,
  ip_mreqn: (v) => typeof v === 'object',
  ipv6_mreq: (v) => typeof v === 'object',
  packet_mreq: (v) => typeof v === 'object',
};

test('every option in the table reads back as its kind\'s JS type (or is write-only)', () => {
  const sockets: Record<number, ReturnType<typeof socket>> = {
    [SOL_SOCKET]: track(socketpair(AF_UNIX, SOCK_STREAM)[0]),
    [IPPROTO_TCP]: track(socket(AF_INET, SOCK_STREAM)),
    [IPPROTO_IP]: track(socket(AF_INET, SOCK_DGRAM)),
    [IPPROTO_IPV6]: track(socket(AF_INET6, SOCK_DGRAM)),
    [SOL_PACKET]: track(socket(AF_PACKET, SOCK_RAW, 0)),
    [SOL_RAW]: track(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)),
  };
  let read = 0;
  for (const [level, option, kind] of knownOptions()) {
    try {
      const value = sockets[level].getsockopt(level, option);
      expect([level, option, kind, jsType[kind](value)]).toEqual([level, option, kind, true]);
      read++;
    } catch (error) {
      if (!(error as { code?: string }).code) throw error;
      // Write-only options (memberships) and ones this socket kind lacks say so with an errno.
      expect((error as { code?: string }).code).toMatch(/^(ENOPROTOOPT|EINVAL|EOPNOTSUPP|ENOTCONN)$/);
    }
  }
  expect(read).toBeGreaterThan(60);
});

test('ICMP_FILTER round-trips its mask, and the kernel then drops the types it names', () => {
  const s = track(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP));
  expect(s.getsockopt(SOL_RAW, ICMP_FILTER)).toBe(0);
  s.setsockopt(SOL_RAW, ICMP_FILTER, ~(1 << 0)); // everything but echo replies (type 0)
  expect(s.getsockopt(SOL_RAW, ICMP_FILTER)).toBe(~(1 << 0));
  // On loopback a raw ICMP socket sees its own echo request (type 8) before
  // the reply; filtered, the first packet it reads is the reply.
  const request = Buffer.alloc(8);
  request[0] = 8;
  request.writeUInt16BE(internetChecksum(request), 2);
  s.sendtoSync(request, { address: '127.0.0.1', port: 0 });
  const packet = s.recvSync(128);
  expect(packet[(packet[0] & 15) * 4]).toBe(0);
});

test('SO_PEERCRED reads the peer of a Unix socket as { pid, uid, gid }', () => {
  const [a] = socketpair().map(track);
  expect(a.getsockopt(SOL_SOCKET, SO_PEERCRED)).toEqual({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!() });
});

test('SO_RCVBUF: the kernel doubles what it is given (socket(7))', () => {
  const s = track(socket());
  s.setsockopt(SOL_SOCKET, SO_RCVBUF, 65536);
  expect(s.getsockopt(SOL_SOCKET, SO_RCVBUF)).toBe(131072);
});

test('raw bytes work for any option, known or not; unknown options read as bytes', () => {
  const s = track(socket());
  s.setsockopt(SOL_SOCKET, SO_LINGER, new Int32Array([1, 5]));
  const linger = s.getsockopt(SOL_SOCKET, SO_LINGER, 8);
  expect([linger.readInt32LE(0), linger.readInt32LE(4)]).toEqual([1, 5]);
  expect(s.getsockopt(SOL_SOCKET, SO_TYPE)).toBe(SOCK_STREAM);
  expect(() => s.getsockopt(SOL_SOCKET, 99999)).toThrow(expect.objectContaining({ code: 'ENOPROTOOPT' }));
  expect(() => s.setsockopt(99999, 1, 1)).toThrow(expect.objectContaining({ syscall: 'setsockopt' }));
});

test('a value of the wrong type for a known option is a TypeError', () => {
  const s = track(socket());
  expect(() => s.setsockopt(IPPROTO_TCP, TCP_NODELAY, 'yes' as never)).toThrow(TypeError);
  expect(() => s.setsockopt(SOL_SOCKET, SO_LINGER, 5)).toThrow(TypeError);
  expect(() => s.setsockopt(SOL_SOCKET, SO_RCVTIMEO, -1)).toThrow(TypeError);
  expect(() => s.setsockopt(SOL_SOCKET, SO_BINDTODEVICE, 7)).toThrow(TypeError);
  expect(() => s.setsockopt(SOL_SOCKET, SO_PEERCRED, { pid: 1, uid: 0, gid: 0 })).toThrow(TypeError);
  expect(() => s.setsockopt(IPPROTO_IP, IP_MULTICAST_IF, 'not an address')).toThrow(TypeError);
});

test('settimeout / gettimeout / setblocking / getblocking follow Python', () => {
  const s = track(socket());
  expect([s.gettimeout(), s.getblocking()]).toEqual([null, true]);
  s.settimeout(250);
  expect([s.gettimeout(), s.getblocking()]).toEqual([250, true]);
  s.setblocking(false);
  expect([s.gettimeout(), s.getblocking()]).toEqual([0, false]);
  s.setblocking(true);
  expect([s.gettimeout(), s.getblocking()]).toEqual([null, true]);
  s.settimeout(0);
  expect(s.getblocking()).toBe(false);
  s.settimeout(null);
  expect(s.gettimeout()).toBeNull();
});
