// Ancillary data (control messages) for sendmsg/recvmsg, typed per kind.
// The addon decodes and encodes the C structs (native/ancillary_js.cc); this
// module checks what is sent and names the shapes.
import { isIPv4, isIPv6 } from 'node:net';

import type { SocketAddress } from './address';
import { AF_INET6 } from './constants';
import { checkInt, checkInt32, describe } from './validate';

/** Ancillary data as sent (and, with `level` and `type`, as received). */
export type Ancillary =
  /** SCM_RIGHTS: fds to pass over a Unix socket. */
  | { kind: 'rights'; fds: number[] }
  /** SCM_CREDENTIALS: the sender's pid, uid and gid (SO_PASSCRED to receive). */
  | { kind: 'credentials'; pid: number; uid: number; gid: number }
  /** SO_TIMESTAMPNS / SO_TIMESTAMP: when the packet arrived (receive only). */
  | { kind: 'timestamp'; seconds: number; nanoseconds: number }
  /**
   * IP_PKTINFO / IPV6_PKTINFO. Received: the interface and the packet's
   * destination `address` (IPv4 also `localAddress`). Sent: the interface
   * and the source address to use (`localAddress` for IPv4, `address` for IPv6).
   */
  | { kind: 'pktinfo'; ifindex: number; address?: string; localAddress?: string }
  /** IP_TTL (IP_RECVTTL to receive). */
  | { kind: 'ttl'; value: number }
  /** IPV6_HOPLIMIT (IPV6_RECVHOPLIMIT to receive). */
  | { kind: 'hoplimit'; value: number }
  /** IP_TOS (IP_RECVTOS to receive). */
  | { kind: 'tos'; value: number }
  /** IPV6_TCLASS (IPV6_RECVTCLASS to receive). */
  | { kind: 'tclass'; value: number }
  /** IP_RECVERR / IPV6_RECVERR: a queued error (MSG_ERRQUEUE); receive only. */
  | {
    kind: 'error'; errno: number; origin: number; icmpType: number; icmpCode: number; info: number; data: number;
    offender?: SocketAddress;
  }
  /** Any other control message, as bytes. */
  | { kind: 'raw'; level: number; type: number; data: Buffer };

/** A received control message: its kind's fields, plus the cmsg level and type. */
export type ReceivedAncillary = Ancillary & { level: number; type: number };

/** What recvmsg returns. */
export interface Message {
  data: Buffer;
  ancillary: ReceivedAncillary[];
  /** msg_flags as the kernel set them (MSG_TRUNC, MSG_CTRUNC, MSG_EOR, MSG_ERRQUEUE…). */
  flags: number;
  /** MSG_TRUNC: the datagram was longer than the buffer; the rest is lost. */
  truncated: boolean;
  /** MSG_CTRUNC: control data did not fit in `ancsize`; some of it is lost. */
  controlTruncated: boolean;
  /** The sender, or null where the socket has none to give (a connected stream). */
  address: SocketAddress | null;
}

/** Checks ancillary items to send; returns what the addon encodes. */
export function toNativeAncillary(items: unknown, family: number): object[] {
  if (!Array.isArray(items)) throw new TypeError(`ancillary must be an array, got ${describe(items)}`);
  return items.map((item: unknown, i) => {
    const name = `ancillary[${i}]`;
    if (typeof item !== 'object' || item === null) throw new TypeError(`${name} must be an object, got ${describe(item)}`);
    const a = item as Record<string, unknown>;
    switch (a.kind) {
      case 'rights': {
        if (!Array.isArray(a.fds)) throw new TypeError(`${name}.fds must be an array of fds`);
        return { kind: 'rights', fds: a.fds.map((fd: unknown, j) => checkInt(fd, `${name}.fds[${j}]`, 0, 0x7fffffff)) };
      }
      case 'credentials':
        return {
          kind: 'credentials',
          pid: checkInt32(a.pid, `${name}.pid`),
          uid: checkInt(a.uid, `${name}.uid`, 0, 0xffffffff) | 0,
          gid: checkInt(a.gid, `${name}.gid`, 0, 0xffffffff) | 0,
        };
      case 'pktinfo': {
        const ifindex = checkInt(a.ifindex ?? 0, `${name}.ifindex`, 0, 0x7fffffff);
        const source = family === AF_INET6 ? a.address : a.localAddress ?? a.address;
        if (source !== undefined && typeof source !== 'string') throw new TypeError(`${name} address must be a string`);
        if (family === AF_INET6) {
          if (source !== undefined && !isIPv6(source)) throw new TypeError(`${name}.address must be an IPv6 address`);
          return { kind: 'pktinfo6', ifindex, address: source ?? '::' };
        }
        if (source !== undefined && !isIPv4(source)) throw new TypeError(`${name}.localAddress must be an IPv4 address`);
        return { kind: 'pktinfo', ifindex, localAddress: source ?? '0.0.0.0' };
      }
      case 'ttl':
      case 'hoplimit':
      case 'tos':
      case 'tclass':
        return { kind: a.kind, value: checkInt(a.value, `${name}.value`, 0, 255) };
      case 'raw':
        if (!Buffer.isBuffer(a.data)) throw new TypeError(`${name}.data must be a Buffer`);
        return { kind: 'raw', level: checkInt32(a.level, `${name}.level`), type: checkInt32(a.type, `${name}.type`), data: a.data };
      default:
        throw new TypeError(`${name}.kind ${JSON.stringify(a.kind)} cannot be sent `
          + '(rights, credentials, pktinfo, ttl, hoplimit, tos, tclass or raw)');
    }
  });
}
