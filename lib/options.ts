// The typed option table: each known socket option's level, name and C type,
// so that setsockopt/getsockopt take and return natural JS values:
//   int → number, bool → boolean, timeval → milliseconds, string → string,
//   in_addr → an IPv4 address string (IP_MULTICAST_IF),
//   linger / ip_mreqn / ipv6_mreq / packet_mreq / ucred → objects.
// Options not in the table take and return bytes (a number is passed as an int).
import { binding } from './binding';
import * as c from './constants';
import { checkInt32, describe, toView } from './validate';

/**
 * The C type of a known option, which decides its JS value: 'int' a number,
 * 'bool' a boolean, 'timeval' milliseconds, 'string' a string, 'in_addr' an
 * IPv4 address string, 'linger' a {@link LingerOption}, 'ip_mreqn' and
 * 'ipv6_mreq' a {@link MembershipOption}, 'packet_mreq' a
 * {@link PacketMembershipOption}, 'ucred' `{ pid, uid, gid }`.
 */
export type OptionKind = 'int' | 'bool' | 'timeval' | 'string' | 'in_addr' | 'linger' | 'ip_mreqn' | 'ipv6_mreq'
  | 'packet_mreq' | 'ucred';

/** A socket option's value, by its C type. */
export type OptionValue = number | boolean | string | Buffer | LingerOption | MembershipOption
  | PacketMembershipOption | {
    /** SO_PEERCRED: the peer's process id. */
    pid: number;
    /** SO_PEERCRED: the peer's user id. */
    uid: number;
    /** SO_PEERCRED: the peer's group id. */
    gid: number;
  };

/** SO_LINGER. */
export interface LingerOption {
  /** Whether close(2) lingers: with it, close waits up to `seconds` for unsent data (0: reset the connection). */
  onoff: boolean;
  /** How long to linger, in seconds. */
  seconds: number;
}
/** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP (ip_mreqn), IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP (ipv6_mreq). */
export interface MembershipOption {
  /** The multicast group's address (IPv4 or IPv6, as text). */
  multiaddr: string;
  /** IPv4: the local interface's address ('0.0.0.0' by default: the kernel picks). */
  address?: string;
  /** The interface index (0 by default: the kernel picks). */
  ifindex?: number;
}
/** PACKET_ADD_MEMBERSHIP / PACKET_DROP_MEMBERSHIP: type PACKET_MR_PROMISC, _MULTICAST or _ALLMULTI. */
export interface PacketMembershipOption {
  /** The interface index. */
  ifindex: number;
  /** PACKET_MR_PROMISC, PACKET_MR_MULTICAST or PACKET_MR_ALLMULTI. */
  type: number;
  /** The hardware address, for PACKET_MR_MULTICAST. */
  address?: Buffer;
}

const TABLE: Array<[number, OptionKind, number[]]> = [
  [c.SOL_SOCKET, 'bool', [c.SO_REUSEADDR, c.SO_REUSEPORT, c.SO_KEEPALIVE, c.SO_BROADCAST, c.SO_OOBINLINE,
    c.SO_DONTROUTE, c.SO_ACCEPTCONN, c.SO_PASSCRED, c.SO_TIMESTAMP, c.SO_TIMESTAMPNS, c.SO_NO_CHECK]],
  [c.SOL_SOCKET, 'int', [c.SO_TYPE, c.SO_ERROR, c.SO_SNDBUF, c.SO_RCVBUF, c.SO_SNDBUFFORCE, c.SO_RCVBUFFORCE,
    c.SO_PRIORITY, c.SO_RCVLOWAT, c.SO_SNDLOWAT, c.SO_MARK, c.SO_PROTOCOL, c.SO_DOMAIN, c.SO_BUSY_POLL,
    c.SO_INCOMING_CPU]],
  [c.SOL_SOCKET, 'timeval', [c.SO_RCVTIMEO, c.SO_SNDTIMEO]],
  [c.SOL_SOCKET, 'linger', [c.SO_LINGER]],
  [c.SOL_SOCKET, 'string', [c.SO_BINDTODEVICE]],
  [c.SOL_SOCKET, 'ucred', [c.SO_PEERCRED]],
  [c.IPPROTO_TCP, 'bool', [c.TCP_NODELAY, c.TCP_CORK, c.TCP_QUICKACK]],
  [c.IPPROTO_TCP, 'int', [c.TCP_MAXSEG, c.TCP_KEEPIDLE, c.TCP_KEEPINTVL, c.TCP_KEEPCNT, c.TCP_SYNCNT,
    c.TCP_LINGER2, c.TCP_DEFER_ACCEPT, c.TCP_WINDOW_CLAMP, c.TCP_USER_TIMEOUT, c.TCP_NOTSENT_LOWAT,
    c.TCP_FASTOPEN]],
  [c.IPPROTO_TCP, 'string', [c.TCP_CONGESTION]],
  [c.IPPROTO_IP, 'bool', [c.IP_HDRINCL, c.IP_RECVTTL, c.IP_RECVTOS, c.IP_PKTINFO, c.IP_RECVERR,
    c.IP_MULTICAST_LOOP, c.IP_FREEBIND, c.IP_TRANSPARENT, c.IP_RECVORIGDSTADDR, c.IP_BIND_ADDRESS_NO_PORT,
    c.IP_MULTICAST_ALL]],
  [c.IPPROTO_IP, 'int', [c.IP_TTL, c.IP_TOS, c.IP_MULTICAST_TTL, c.IP_MTU_DISCOVER, c.IP_MTU, c.IP_MINTTL]],
  [c.IPPROTO_IP, 'ip_mreqn', [c.IP_ADD_MEMBERSHIP, c.IP_DROP_MEMBERSHIP]],
  [c.IPPROTO_IP, 'in_addr', [c.IP_MULTICAST_IF]],
  [c.IPPROTO_IPV6, 'bool', [c.IPV6_V6ONLY, c.IPV6_RECVPKTINFO, c.IPV6_RECVHOPLIMIT, c.IPV6_RECVTCLASS,
    c.IPV6_RECVERR, c.IPV6_MULTICAST_LOOP, c.IPV6_FREEBIND, c.IPV6_TRANSPARENT, c.IPV6_DONTFRAG]],
  [c.IPPROTO_IPV6, 'int', [c.IPV6_UNICAST_HOPS, c.IPV6_MULTICAST_HOPS, c.IPV6_MULTICAST_IF, c.IPV6_TCLASS,
    c.IPV6_CHECKSUM, c.IPV6_MTU_DISCOVER, c.IPV6_MTU]],
  [c.IPPROTO_IPV6, 'ipv6_mreq', [c.IPV6_JOIN_GROUP, c.IPV6_LEAVE_GROUP]],
  // struct icmp_filter: one 32-bit mask, bit n set drops ICMP type n (raw(7)).
  [c.SOL_RAW, 'int', [c.ICMP_FILTER]],
  [c.SOL_PACKET, 'packet_mreq', [c.PACKET_ADD_MEMBERSHIP, c.PACKET_DROP_MEMBERSHIP]],
  [c.SOL_PACKET, 'bool', [c.PACKET_AUXDATA, c.PACKET_IGNORE_OUTGOING]],
];

const KIND = new Map<string, OptionKind>();
for (const [level, kind, names] of TABLE) {
  for (const name of names) if (name !== undefined) KIND.set(`${level}:${name}`, kind);
}

/**
 * The C type of an option, or undefined for one the table does not know
 * (such an option takes and returns bytes).
 *
 * @param level - The level, such as SOL_SOCKET or IPPROTO_TCP.
 * @param name - The option, such as SO_RCVBUF or TCP_NODELAY.
 */
export function optionKind(level: number, name: number): OptionKind | undefined {
  return KIND.get(`${level}:${name}`);
}

/** Every option the table knows, as [level, name, kind]; each takes and returns its natural value. */
export function knownOptions(): Array<[number, number, OptionKind]> {
  return [...KIND].map(([key, kind]) => {
    const [level, name] = key.split(':').map(Number);
    return [level, name, kind];
  });
}

/** The bytes to pass to setsockopt(2) for `value`. */
export function encodeOption(level: number, name: number, value: unknown): ArrayBufferView {
  const kind = optionKind(level, name);
  if (kind === undefined || kind === 'int' || kind === 'bool') {
    if (typeof value === 'number') return new Int32Array([checkInt32(value, 'value')]);
    if (typeof value === 'boolean') return new Int32Array([value ? 1 : 0]);
    if (typeof value === 'string' && kind === undefined) return Buffer.from(value, 'utf8');
    if (kind !== undefined) throw new TypeError(`this option takes a ${kind === 'bool' ? 'boolean' : 'number'}, got ${describe(value)}`);
    return toView(value, 'value');
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return toView(value, 'value'); // raw bytes always work
  if (kind === 'timeval' && (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))) {
    throw new TypeError(`this option takes milliseconds (a number >= 0), got ${describe(value)}`);
  }
  if ((kind === 'string' || kind === 'in_addr') && typeof value !== 'string') {
    throw new TypeError(`this option takes a string, got ${describe(value)}`);
  }
  if (kind === 'ucred') throw new TypeError('SO_PEERCRED can only be read');
  if ((kind === 'linger' || kind.endsWith('mreq') || kind === 'ip_mreqn') && (typeof value !== 'object' || value === null)) {
    throw new TypeError(`this option takes a ${kind} object, got ${describe(value)}`);
  }
  const bytes = binding.encodeOption(kind, value);
  if (typeof bytes === 'number') throw new TypeError(`not a valid ${kind} value: ${JSON.stringify(value)}`);
  return bytes;
}

/** The buffer size getsockopt(2) needs for an option. */
export function optionSize(level: number, name: number): number {
  const kind = optionKind(level, name);
  if (kind === undefined) return 256;
  if (kind === 'int' || kind === 'bool') return 4;
  return binding.optionSize(kind);
}

/** The JS value of what getsockopt(2) returned. */
export function decodeOption(level: number, name: number, bytes: Buffer): OptionValue {
  const kind = optionKind(level, name);
  if (kind === undefined) return bytes;
  if (kind === 'int' || kind === 'bool') {
    // Some int options are written as one byte (IP_MULTICAST_TTL on some paths).
    const n = bytes.length >= 4 ? new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 4))[0] : bytes[0];
    return kind === 'bool' ? n !== 0 : n;
  }
  const value = binding.decodeOption(kind, bytes, 0, bytes.length);
  if (typeof value === 'number' && kind !== 'timeval') throw new RangeError(`getsockopt returned too few bytes for ${kind}`);
  return value as OptionValue;
}
