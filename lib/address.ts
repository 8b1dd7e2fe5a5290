// Socket addresses as plain objects, the same shape in and out: what
// recvfrom() or accept() returns can be passed to sendto() or connect().
import { isIPv4, isIPv6 } from 'node:net';

import { binding, type NativeAddress } from './binding';
import { AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, AF_UNIX, AF_UNSPEC } from './constants';
import { checkInt, describe } from './validate';

/** AF_INET: `{ address: '127.0.0.1', port: 80 }`. */
export interface Inet4Address {
  family?: number;
  address: string;
  port: number;
}

/** AF_INET6: `{ address: '::1', port: 80, flowinfo?, scopeId? }`. */
export interface Inet6Address {
  family?: number;
  address: string;
  port: number;
  flowinfo?: number;
  scopeId?: number;
}

/** AF_UNIX: `{ path }`; a path starting with '\0' is in Linux's abstract namespace. */
export interface UnixAddress {
  family?: number;
  path: string | Buffer;
}

/** AF_UNSPEC: connect() to it dissolves a datagram socket's association. */
export interface UnspecAddress {
  family: number;
}

/**
 * AF_PACKET (sockaddr_ll): an interface, an ETH_P_* protocol in host order,
 * and a hardware address ('02:00:00:00:00:01' or a Buffer of up to 8 bytes).
 */
export interface PacketAddress {
  family?: number;
  ifindex: number;
  protocol?: number;
  hatype?: number;
  pkttype?: number;
  addr?: string | Buffer;
}

/** AF_NETLINK (sockaddr_nl): a port id (0: the kernel) and multicast groups. */
export interface NetlinkAddress {
  family?: number;
  pid?: number;
  groups?: number;
}

/** An address as passed in. `family` defaults to the socket's. */
export type Address = Inet4Address | Inet6Address | UnixAddress | UnspecAddress | PacketAddress | NetlinkAddress;

/** An address as returned: always with its `family`. */
export type SocketAddress =
  | { family: number; address: string; port: number }
  | { family: number; address: string; port: number; flowinfo: number; scopeId: number }
  | { family: number; path: string }
  | { family: number; ifindex: number; protocol: number; hatype: number; pkttype: number; addr: string }
  | { family: number; pid: number; groups: number }
  | { family: number };

const UNIX_PATH_MAX = binding.internal.UNIX_PATH_MAX;

/** Checks an address for a socket of `socketFamily`; throws TypeError / RangeError. */
export function toNativeAddress(value: unknown, socketFamily: number, name = 'address'): NativeAddress {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`${name} must be an object such as { address, port } or { path }, got ${describe(value)}`);
  }
  const given = value as Record<string, unknown>;
  const family = given.family === undefined ? socketFamily : checkInt(given.family, `${name}.family`, 0, 0xffff);
  if (family === AF_INET || family === AF_INET6) {
    const text = given.address;
    if (typeof text !== 'string') throw new TypeError(`${name}.address must be a string, got ${describe(text)}`);
    const valid = family === AF_INET ? isIPv4(text) : isIPv6(text);
    if (!valid) {
      throw new TypeError(`${name}.address must be a numeric IPv${family === AF_INET ? 4 : 6} address, `
        + `got ${JSON.stringify(text)} (resolve host names with dns.lookup first)`);
    }
    const port = checkInt(given.port, `${name}.port`, 0, 65535);
    if (family === AF_INET) return { family, address: text, port };
    return {
      family,
      address: text,
      port,
      flowinfo: given.flowinfo === undefined ? 0 : checkInt(given.flowinfo, `${name}.flowinfo`, 0, 0xfffff),
      scopeId: given.scopeId === undefined ? 0 : checkInt(given.scopeId, `${name}.scopeId`, 0, 0xffffffff),
    };
  }
  if (family === AF_UNIX) {
    const path = given.path;
    if (typeof path !== 'string' && !Buffer.isBuffer(path)) {
      throw new TypeError(`${name}.path must be a string or Buffer, got ${describe(path)}`);
    }
    const bytes = typeof path === 'string' ? Buffer.from(path, 'utf8') : path;
    const abstract = bytes.length > 0 && bytes[0] === 0;
    if (!abstract && bytes.includes(0)) {
      throw new TypeError(`${name}.path must not contain NUL bytes (only a leading one, for an abstract name)`);
    }
    const max = abstract ? UNIX_PATH_MAX + 1 : UNIX_PATH_MAX;
    if (bytes.length > max) {
      throw new RangeError(`${name}.path is ${bytes.length} bytes; a Unix socket path holds at most ${max}`);
    }
    return { family, path: bytes };
  }
  if (family === AF_UNSPEC) return { family };
  if (family === AF_PACKET) {
    return {
      family,
      ifindex: checkInt(given.ifindex, `${name}.ifindex`, 0, 0x7fffffff),
      protocol: given.protocol === undefined ? 0 : checkInt(given.protocol, `${name}.protocol`, 0, 0xffff),
      hatype: given.hatype === undefined ? 0 : checkInt(given.hatype, `${name}.hatype`, 0, 0xffff),
      pkttype: given.pkttype === undefined ? 0 : checkInt(given.pkttype, `${name}.pkttype`, 0, 0xff),
      addr: hardwareAddress(given.addr, `${name}.addr`),
    };
  }
  if (family === AF_NETLINK) {
    return {
      family,
      pid: given.pid === undefined ? 0 : checkInt(given.pid, `${name}.pid`, 0, 0xffffffff),
      groups: given.groups === undefined ? 0 : checkInt(given.groups, `${name}.groups`, 0, 0xffffffff),
    };
  }
  throw new TypeError(`${name}.family ${family} is not an address family this library can encode`);
}

/** A hardware address as bytes: from 'aa:bb:cc:dd:ee:ff' (1 to 8 pairs) or a Buffer. */
function hardwareAddress(value: unknown, name: string): Buffer {
  if (value === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) {
    if (value.length > 8) throw new RangeError(`${name} holds at most 8 bytes, got ${value.length}`);
    return value;
  }
  if (typeof value !== 'string' || !/^[0-9a-f]{2}(:[0-9a-f]{2}){0,7}$/i.test(value)) {
    throw new TypeError(`${name} must be a hardware address such as '02:00:00:00:00:01', got ${describe(value)}`);
  }
  return Buffer.from(value.split(':').map((pair) => parseInt(pair, 16)));
}

/** What an error about this address names: address and port, or path. */
export function addressDetails(address: NativeAddress | undefined): { address?: string; port?: number; path?: string } {
  if (address === undefined) return {};
  if (address.path !== undefined) return { path: address.path.toString() };
  if (address.address !== undefined) return { address: address.address, port: address.port };
  return {};
}
