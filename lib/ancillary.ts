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
  | {
    /** SCM_RIGHTS. */
    kind: 'rights';
    /** The fds: sent, they stay open here; received, they are new fds of this process, close-on-exec. */
    fds: number[];
  }
  /** SCM_CREDENTIALS: the sender's pid, uid and gid (SO_PASSCRED to receive). */
  | {
    /** SCM_CREDENTIALS. */
    kind: 'credentials';
    /** The process id (a process may send only its own unless it has CAP_SYS_ADMIN). */
    pid: number;
    /** The user id (its own, real, effective or saved, unless it has CAP_SETUID). */
    uid: number;
    /** The group id (its own, real, effective or saved, unless it has CAP_SETGID). */
    gid: number;
  }
  /** SO_TIMESTAMPNS / SO_TIMESTAMP: when the packet arrived (receive only). */
  | {
    /** SCM_TIMESTAMPNS or SCM_TIMESTAMP. */
    kind: 'timestamp';
    /** Whole seconds since the epoch. */
    seconds: number;
    /** Nanoseconds within that second (a multiple of 1000 from SO_TIMESTAMP's timeval). */
    nanoseconds: number;
  }
  /**
   * IP_PKTINFO / IPV6_PKTINFO. Received: the interface and the packet's
   * destination `address` (IPv4 also `localAddress`). Sent: the interface
   * and the source address to use (`localAddress` for IPv4, `address` for IPv6).
   */
  | {
    /** IP_PKTINFO or IPV6_PKTINFO. */
    kind: 'pktinfo';
    /** The interface index (0 when sending: the routing table picks it). */
    ifindex: number;
    /** Received: the packet's destination address. Sent on IPv6: the source address to use. */
    address?: string;
    /** IPv4 only. Received: the local address the packet was routed to. Sent: the source address to use. */
    localAddress?: string;
  }
  /** IP_TTL (IP_RECVTTL to receive). */
  | {
    /** IP_TTL. */
    kind: 'ttl';
    /** The time-to-live, 0–255. */
    value: number;
  }
  /** IPV6_HOPLIMIT (IPV6_RECVHOPLIMIT to receive). */
  | {
    /** IPV6_HOPLIMIT. */
    kind: 'hoplimit';
    /** The hop limit, 0–255. */
    value: number;
  }
  /** IP_TOS (IP_RECVTOS to receive). */
  | {
    /** IP_TOS. */
    kind: 'tos';
    /** The Type of Service byte (DSCP and ECN), 0–255. */
    value: number;
  }
  /** IPV6_TCLASS (IPV6_RECVTCLASS to receive). */
  | {
    /** IPV6_TCLASS. */
    kind: 'tclass';
    /** The traffic class byte (DSCP and ECN), 0–255. */
    value: number;
  }
  /** IP_RECVERR / IPV6_RECVERR: a queued error (MSG_ERRQUEUE); receive only. */
  | {
    /** IP_RECVERR or IPV6_RECVERR (struct sock_extended_err, ip(7)). */
    kind: 'error';
    /** The errno number of the error (ee_errno), such as ECONNREFUSED's or EMSGSIZE's. */
    errno: number;
    /** Where it came from (ee_origin): SO_EE_ORIGIN_LOCAL 1, _ICMP 2, _ICMP6 3, _TXSTATUS 4, _ZEROCOPY 5, _TXTIME 6. */
    origin: number;
    /** The ICMP type, for an ICMP origin (ee_type). */
    icmpType: number;
    /** The ICMP code, for an ICMP origin (ee_code). */
    icmpCode: number;
    /** Extra information (ee_info): the MTU for EMSGSIZE. */
    info: number;
    /** Extra data (ee_data): a zerocopy completion's last id. */
    data: number;
    /** The address of who reported the error (SO_EE_OFFENDER), when there is one. */
    offender?: SocketAddress;
  }
  /** Any other control message, as bytes. */
  | {
    /** A control message without a kind of its own. */
    kind: 'raw';
    /** cmsg_level, such as SOL_SOCKET or IPPROTO_IP. */
    level: number;
    /** cmsg_type, such as SCM_RIGHTS or IP_TTL. */
    type: number;
    /** The payload, without the cmsghdr. */
    data: Buffer;
  };

/** A received control message: its kind's fields, plus the cmsg level and type. */
export type ReceivedAncillary = Ancillary & {
  /** cmsg_level, such as SOL_SOCKET or IPPROTO_IP. */
  level: number;
  /** cmsg_type, such as SCM_RIGHTS or IP_TTL. */
  type: number;
};

/** What {@link Socket.recvmsg} returns. */
export interface Message {
  /** The bytes received (at most `bufsize`). */
  data: Buffer;
  /** The control messages received, decoded per kind. */
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
