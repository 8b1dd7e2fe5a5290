// Socket addresses as plain objects, the same shape in and out: what
// recvfrom() or accept() returns can be passed to sendto() or connect().
import { isIPv4, isIPv6 } from 'node:net';

import { binding, type NativeAddress } from './binding';
import { AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, AF_UNIX, AF_UNSPEC } from './constants';
import { checkInt, describe } from './validate';

/** AF_INET: `{ address: '127.0.0.1', port: 80 }`. */
export interface Inet4Address {
  /** AF_INET; by default the socket's. */
  family?: number;
  /** A numeric IPv4 address ('0.0.0.0': any); resolve host names with dns.lookup first. */
  address: string;
  /** The port, 0–65535 (0 to bind: the kernel picks one). */
  port: number;
}

/** AF_INET6: `{ address: '::1', port: 80, flowinfo?, scopeId? }`. */
export interface Inet6Address {
  /** AF_INET6; by default the socket's. */
  family?: number;
  /** A numeric IPv6 address ('::': any). */
  address: string;
  /** The port, 0–65535 (0 to bind: the kernel picks one). */
  port: number;
  /** The flow label (sin6_flowinfo, 20 bits); 0 by default. */
  flowinfo?: number;
  /** The interface index of a link-local address (sin6_scope_id); 0 by default. */
  scopeId?: number;
}

/** AF_UNIX: `{ path }`; a path starting with '\0' is in Linux's abstract namespace. */
export interface UnixAddress {
  /** AF_UNIX; by default the socket's. */
  family?: number;
  /** The socket file's path (at most 107 bytes), or an abstract name starting with '\0'. */
  path: string | Buffer;
}

/** AF_UNSPEC: connect() to it dissolves a datagram socket's association. */
export interface UnspecAddress {
  /** AF_UNSPEC. */
  family: number;
}

/**
 * AF_PACKET (sockaddr_ll): an interface, an ETH_P_* protocol in host order,
 * and a hardware address ('02:00:00:00:00:01' or a Buffer of up to 8 bytes).
 */
export interface PacketAddress {
  /** AF_PACKET; by default the socket's. */
  family?: number;
  /** The interface index (if_nametoindex); 0 to bind: every interface. */
  ifindex: number;
  /** The EtherType, an ETH_P_* value in host order; 0 by default. */
  protocol?: number;
  /** The ARP hardware type, an ARPHRD_* value (received frames); 0 by default. */
  hatype?: number;
  /** The packet type, a PACKET_* value such as PACKET_HOST (received frames); 0 by default. */
  pkttype?: number;
  /** The hardware address: 'aa:bb:cc:dd:ee:ff' or a Buffer of up to 8 bytes. */
  addr?: string | Buffer;
}

/** AF_NETLINK (sockaddr_nl): a port id (0: the kernel) and multicast groups. */
export interface NetlinkAddress {
  /** AF_NETLINK; by default the socket's. */
  family?: number;
  /** The port id: 0 is the kernel (to send), or lets the kernel assign one (to bind). */
  pid?: number;
  /** A bit mask of multicast groups to join (RTMGRP_* for rtnetlink); 0 by default. */
  groups?: number;
}

/** An address as passed in. `family` defaults to the socket's. */
export type Address = Inet4Address | Inet6Address | UnixAddress | UnspecAddress | PacketAddress | NetlinkAddress;

/** An address as returned: always with its `family`. */
export type SocketAddress =
  /** AF_INET, as {@link Inet4Address}. */
  | {
    /** AF_INET. */
    family: number;
    /** The IPv4 address, as text. */
    address: string;
    /** The port. */
    port: number;
  }
  /** AF_INET6, as {@link Inet6Address}. */
  | {
    /** AF_INET6. */
    family: number;
    /** The IPv6 address, as text. */
    address: string;
    /** The port. */
    port: number;
    /** The flow label (sin6_flowinfo). */
    flowinfo: number;
    /** The interface index of a link-local address (sin6_scope_id), or 0. */
    scopeId: number;
  }
  /** AF_UNIX, as {@link UnixAddress}. */
  | {
    /** AF_UNIX. */
    family: number;
    /**
     * The path; '' for an unbound socket, a leading '\0' for an abstract name.
     * A `Buffer` when the name is not valid UTF-8, so that it round-trips byte for byte.
     */
    path: string | Buffer;
  }
  /** AF_PACKET, as {@link PacketAddress}. */
  | {
    /** AF_PACKET. */
    family: number;
    /** The interface index. */
    ifindex: number;
    /** The EtherType (ETH_P_*), in host order. */
    protocol: number;
    /** The ARP hardware type (ARPHRD_*). */
    hatype: number;
    /** The packet type (PACKET_HOST, PACKET_BROADCAST, …). */
    pkttype: number;
    /** The hardware address, as 'aa:bb:cc:dd:ee:ff'. */
    addr: string;
  }
  /** AF_NETLINK, as {@link NetlinkAddress}. */
  | {
    /** AF_NETLINK. */
    family: number;
    /** The port id (0: the kernel). */
    pid: number;
    /** The multicast groups' bit mask. */
    groups: number;
  }
  /** Any other family: only its number. */
  | {
    /** The address family. */
    family: number;
  };

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
