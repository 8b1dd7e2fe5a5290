// setsockopt/getsockopt round trips, table-driven, and the timeout/blocking
// settings.
import {
  AF_INET, AF_INET6, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IP_TOS, IP_TTL, IPV6_UNICAST_HOPS, IPV6_V6ONLY,
  SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET, SO_BROADCAST, SO_KEEPALIVE, SO_LINGER, SO_RCVBUF, SO_REUSEADDR,
  SO_REUSEPORT, SO_TYPE, TCP_KEEPIDLE, TCP_NODELAY, socket,
} from '../lib';
import { track } from './helpers';

const intOptions: Array<[string, number, number, number, number, number, number]> = [
  // name, family, type, level, option, one value, another value
  ['SO_REUSEADDR', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, 1, 0],
  ['SO_REUSEPORT', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEPORT, 1, 0],
  ['SO_KEEPALIVE', AF_INET, SOCK_STREAM, SOL_SOCKET, SO_KEEPALIVE, 1, 0],
  ['SO_BROADCAST', AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, 1, 0],
  ['TCP_NODELAY', AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_NODELAY, 1, 0],
  ['TCP_KEEPIDLE', AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_KEEPIDLE, 77, 3600],
  ['IP_TTL', AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TTL, 33, 250],
  ['IP_TOS', AF_INET, SOCK_DGRAM, IPPROTO_IP, IP_TOS, 0x10, 0x08],
  ['IPV6_V6ONLY', AF_INET6, SOCK_STREAM, IPPROTO_IPV6, IPV6_V6ONLY, 1, 0],
  ['IPV6_UNICAST_HOPS', AF_INET6, SOCK_DGRAM, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 17, 200],
];

test.each(intOptions)('%s round-trips as an int', (_name, family, type, level, option, one, another) => {
  const s = track(socket(family, type));
  for (const value of [one, another, one]) {
    s.setsockopt(level, option, value);
    expect(s.getsockopt(level, option)).toBe(value);
  }
});

test('booleans pass as 0 and 1', () => {
  const s = track(socket());
  s.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
  expect(s.getsockopt(IPPROTO_TCP, TCP_NODELAY)).toBe(1);
  s.setsockopt(IPPROTO_TCP, TCP_NODELAY, false);
  expect(s.getsockopt(IPPROTO_TCP, TCP_NODELAY)).toBe(0);
});

test('SO_RCVBUF: the kernel doubles what it is given (socket(7))', () => {
  const s = track(socket());
  s.setsockopt(SOL_SOCKET, SO_RCVBUF, 65536);
  expect(s.getsockopt(SOL_SOCKET, SO_RCVBUF)).toBe(131072);
});

test('struct options pass as bytes: SO_LINGER', () => {
  const s = track(socket());
  s.setsockopt(SOL_SOCKET, SO_LINGER, new Int32Array([1, 5]));
  const linger = s.getsockopt(SOL_SOCKET, SO_LINGER, 8);
  expect(linger.length).toBe(8);
  expect([linger.readInt32LE(0), linger.readInt32LE(4)]).toEqual([1, 5]);
});

test('read-only options read; unknown ones raise a typed error', () => {
  const s = track(socket(AF_INET, SOCK_DGRAM));
  expect(s.getsockopt(SOL_SOCKET, SO_TYPE)).toBe(SOCK_DGRAM);
  expect(() => s.getsockopt(SOL_SOCKET, 99999)).toThrow(expect.objectContaining({ code: 'ENOPROTOOPT' }));
  expect(() => s.setsockopt(99999, 1, 1)).toThrow(expect.objectContaining({ syscall: 'setsockopt' }));
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
