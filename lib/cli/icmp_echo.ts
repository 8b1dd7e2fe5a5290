// ICMP echo, as ping and `traceroute -I` send it: a raw socket (SOCK_RAW,
// which needs CAP_NET_RAW) or, without the privilege, an unprivileged ICMP
// socket (SOCK_DGRAM + IPPROTO_ICMP, allowed to the groups in
// net.ipv4.ping_group_range), IPv4 or IPv6. Each kind hands back the same
// events: an echo reply, or an ICMP error about one of our requests.
import { randomInt } from 'node:crypto';
import { isIP } from 'node:net';

import {
  AF_INET6, IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_IP, IPPROTO_IPV6, IPV6_RECVERR, IPV6_RECVHOPLIMIT,
  IPV6_UNICAST_HOPS, IP_RECVERR, IP_RECVTTL, IP_TTL, MSG_ERRQUEUE, PermissionDeniedError, SOCK_DGRAM, SOCK_RAW,
  SOL_SOCKET, SO_BINDTODEVICE, SocketError, WouldBlockError, internetChecksum, socket, type Message, type Socket,
  type SocketAddress,
} from '..';
import { CommandError, errnoText } from './command';

// ICMP message types (RFC 792) and ICMPv6 ones (RFC 4443): protocol numbers.
const ICMP4 = { echoReply: 0, unreachable: 3, echoRequest: 8, timeExceeded: 11, parameterProblem: 12 };
const ICMP6 = { unreachable: 1, packetTooBig: 2, timeExceeded: 3, parameterProblem: 4, echoRequest: 128, echoReply: 129 };
/** The ICMP header: type, code, checksum, identifier, sequence. */
const ICMP_HEADER = 8;
/** The fixed IPv6 header that an ICMPv6 error quotes before our request. */
const IPV6_HEADER = 40;

/** What arrived for one of our echo requests. */
export type EchoEvent =
  | {
    /** An echo reply. */
    kind: 'reply';
    /** The sequence number of the request it answers. */
    sequence: number;
    /** Who answered. */
    from: string;
    /** The ICMP message's length (header and data), what ping prints as "bytes from". */
    bytes: number;
    /** The reply's TTL or hop limit, or -1 if the kernel did not say. */
    ttl: number;
  }
  | {
    /** An ICMP error about one of our requests (time exceeded, unreachable, …). */
    kind: 'error';
    /** The sequence number of the request it is about. */
    sequence: number;
    /** Who sent the error. */
    from: string;
    /** The ICMP (or ICMPv6) type. */
    type: number;
    /** The ICMP code. */
    code: number;
    /** Whether the error is IPv6's (its types and codes are ICMPv6's). */
    v6: boolean;
  };

/** How to open an {@link EchoSocket}. */
export interface EchoSocketOptions {
  /** AF_INET or AF_INET6. */
  family: number;
  /** The TTL (hop limit) of the requests; the system's default when undefined. */
  ttl?: number;
  /** `-I`: an interface name (SO_BINDTODEVICE) or a source address to bind. */
  source?: string;
}

/** An ICMP echo socket: raw when allowed, else an unprivileged ICMP one. */
export class EchoSocket {
  /** 'raw' (SOCK_RAW) or 'dgram' (an unprivileged ICMP socket). */
  readonly kind: 'raw' | 'dgram';
  /** AF_INET or AF_INET6. */
  readonly family: number;
  readonly #sock: Socket;
  /** The echo identifier of a raw socket; a datagram socket's kernel picks and checks its own. */
  readonly #identifier = randomInt(1, 0x10000);
  /** Events read off the error queue, handed out before the next receive. */
  readonly #pending: EchoEvent[] = [];

  private constructor(sock: Socket, kind: 'raw' | 'dgram', family: number) {
    this.#sock = sock;
    this.kind = kind;
    this.family = family;
  }

  /**
   * socket(2): a raw ICMP socket, or when that is refused, an unprivileged
   * ICMP datagram socket; configured as `options` says.
   * @throws PermissionDeniedError when neither is allowed (the message says what each needs);
   *   CommandError when `source` cannot be used (no such interface, an address not ours).
   */
  static open(options: EchoSocketOptions): EchoSocket {
    const v6 = options.family === AF_INET6;
    const protocol = v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
    let echo: EchoSocket;
    try {
      echo = new EchoSocket(socket(options.family, SOCK_RAW, protocol), 'raw', options.family);
    } catch (error) {
      if (!(error instanceof PermissionDeniedError)) throw error;
      echo = new EchoSocket(socket(options.family, SOCK_DGRAM, protocol), 'dgram', options.family);
    }
    try {
      echo.#configure(options);
    } catch (error) {
      echo.close();
      throw error;
    }
    return echo;
  }

  #configure(options: EchoSocketOptions): void {
    const sock = this.#sock;
    const v6 = this.family === AF_INET6;
    const level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
    sock.setblocking(false);
    if (options.ttl !== undefined) this.setTtl(options.ttl);
    if (v6) sock.setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, true);
    if (this.kind === 'dgram') {
      // Raw IPv4 sockets get the IP header (with the TTL) and every ICMP
      // error as a packet; an ICMP datagram socket gets neither, so it asks
      // for the TTL and for errors in its error queue.
      if (!v6) sock.setsockopt(IPPROTO_IP, IP_RECVTTL, true);
      sock.setsockopt(level, v6 ? IPV6_RECVERR : IP_RECVERR, true);
    }
    if (options.source !== undefined) this.#bindSource(options.source);
  }

  /** -I: bind(2) a source address, or SO_BINDTODEVICE an interface; a refusal is one line, as iputils says it. */
  #bindSource(source: string): void {
    const v6 = this.family === AF_INET6;
    const numeric = isIP(source) !== 0;
    if (numeric && (isIP(source) === 6) !== v6) throw new CommandError(`${source}: the source address is not IPv${v6 ? 6 : 4}`);
    try {
      if (numeric) this.#sock.bind({ address: source, port: 0 });
      else this.#sock.setsockopt(SOL_SOCKET, SO_BINDTODEVICE, source);
    } catch (error) {
      if (!(error instanceof SocketError)) throw error;
      throw new CommandError(`${numeric ? 'bind' : 'SO_BINDTODEVICE'} ${source}: ${errnoText(error)}`);
    }
  }

  /**
   * setsockopt(2) IP_TTL or IPV6_UNICAST_HOPS: the TTL of the requests sent from now on.
   * @throws SocketError.
   */
  setTtl(ttl: number): void {
    const v6 = this.family === AF_INET6;
    this.#sock.setsockopt(v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_UNICAST_HOPS : IP_TTL, ttl);
  }

  /**
   * sendto(2): echo request `sequence` with `size` bytes of data to `address`.
   * @throws SocketError (ENETUNREACH, EHOSTUNREACH, EMSGSIZE, …).
   */
  async send(address: SocketAddress, sequence: number, size: number): Promise<void> {
    const v6 = this.family === AF_INET6;
    const packet = Buffer.alloc(ICMP_HEADER + size);
    packet[0] = v6 ? ICMP6.echoRequest : ICMP4.echoRequest;
    packet.writeUInt16BE(this.#identifier, 4);
    packet.writeUInt16BE(sequence & 0xffff, 6);
    for (let i = 0; i < size; i++) packet[ICMP_HEADER + i] = i & 0xff;
    // IPv6 checksums cover a pseudo-header only the kernel knows, and it fills
    // them in (RFC 3542); an ICMP datagram socket fills in IPv4's too.
    if (!v6 && this.kind === 'raw') packet.writeUInt16BE(internetChecksum(packet), 2);
    await this.#sock.sendto(packet, { ...address, port: 0 } as SocketAddress);
  }

  /**
   * recvmsg(2) until an event about our requests arrives; null when `signal`
   * aborts the wait.
   * @throws SocketError from the socket.
   */
  async receive(signal: AbortSignal): Promise<EchoEvent | null> {
    for (;;) {
      const queued = this.#pending.shift();
      if (queued !== undefined) return queued;
      if (signal.aborted) return null;
      let message: Message;
      try {
        message = await this.#sock.recvmsg(0x10000, 256, 0, { signal });
      } catch (error) {
        if ((error as Error).name === 'AbortError') return null;
        // An ICMP datagram socket reports an ICMP error as the socket's
        // error (EHOSTUNREACH, …) and queues what it was about.
        if (this.kind === 'dgram' && this.#readErrorQueue() > 0) continue;
        throw error;
      }
      const event = this.#parse(message);
      if (event !== null) return event;
    }
  }

  /** recvmsg(2) with MSG_ERRQUEUE until it is empty; returns how many events it queued. */
  #readErrorQueue(): number {
    let count = 0;
    for (;;) {
      let message: Message;
      try {
        message = this.#sock.recvmsgSync(0x10000, 512, MSG_ERRQUEUE);
      } catch (error) {
        if (error instanceof WouldBlockError) return count;
        throw error;
      }
      const error = message.ancillary.find((a) => a.kind === 'error');
      // The queued message is our own request as sent: header and data.
      if (error?.kind !== 'error' || message.data.length < ICMP_HEADER) continue;
      const offender = error.offender as { address?: string } | undefined;
      this.#pending.push({
        kind: 'error',
        sequence: message.data.readUInt16BE(6),
        from: offender?.address ?? '?',
        type: error.icmpType,
        code: error.icmpCode,
        v6: this.family === AF_INET6,
      });
      count++;
    }
  }

  /** The event a received packet is, or null if it is not about our requests. */
  #parse(message: Message): EchoEvent | null {
    const v6 = this.family === AF_INET6;
    let icmp = message.data;
    let ttl = -1;
    if (!v6 && this.kind === 'raw') {
      // A raw IPv4 socket receives the IP header too (raw(7)).
      if (icmp.length < 20) return null;
      ttl = icmp[8];
      icmp = icmp.subarray((icmp[0] & 0x0f) * 4);
    }
    for (const ancillary of message.ancillary) {
      if (ancillary.kind === 'ttl' || ancillary.kind === 'hoplimit') ttl = ancillary.value;
    }
    if (icmp.length < ICMP_HEADER) return null;
    const from = (message.address as { address?: string } | null)?.address ?? '?';
    const type = icmp[0];
    const types = v6 ? ICMP6 : ICMP4;
    if (type === types.echoReply) {
      // A datagram socket's kernel delivers only its own replies; a raw socket sees everyone's.
      if (this.kind === 'raw' && icmp.readUInt16BE(4) !== this.#identifier) return null;
      return { kind: 'reply', sequence: icmp.readUInt16BE(6), from, bytes: icmp.length, ttl };
    }
    const isError = v6
      ? type === ICMP6.unreachable || type === ICMP6.packetTooBig || type === ICMP6.timeExceeded
        || type === ICMP6.parameterProblem
      : type === ICMP4.unreachable || type === ICMP4.timeExceeded || type === ICMP4.parameterProblem;
    if (!isError) return null;
    // The error quotes our request after the IP header it was sent with.
    const quotedAt = v6 ? ICMP_HEADER + IPV6_HEADER
      : icmp.length > ICMP_HEADER ? ICMP_HEADER + (icmp[ICMP_HEADER] & 0x0f) * 4 : icmp.length;
    const quoted = icmp.subarray(quotedAt);
    if (quoted.length < ICMP_HEADER || quoted[0] !== types.echoRequest || quoted.readUInt16BE(4) !== this.#identifier) {
      return null;
    }
    return { kind: 'error', sequence: quoted.readUInt16BE(6), from, type, code: icmp[1], v6 };
  }

  /** close(2). */
  close(): void {
    this.#sock.close();
  }
}

/**
 * How ping words an ICMP error (iputils' pr_icmph): 'Time to live
 * exceeded', 'Destination Host Unreachable', …
 */
export function describeIcmpError(event: Extract<EchoEvent, { kind: 'error' }>): string {
  const { type, code } = event;
  if (event.v6) {
    if (type === ICMP6.timeExceeded) return code === 0 ? 'Time exceeded: Hop limit' : 'Time exceeded: Defrag failure';
    if (type === ICMP6.packetTooBig) return 'Packet too big';
    if (type === ICMP6.parameterProblem) return 'Parameter problem';
    return ['Destination unreachable: No route', 'Destination unreachable: Administratively prohibited',
      'Destination unreachable: Beyond scope of source address', 'Destination unreachable: Address unreachable',
      'Destination unreachable: Port unreachable'][code] ?? `Destination unreachable: Unknown code ${code}`;
  }
  if (type === ICMP4.timeExceeded) return code === 0 ? 'Time to live exceeded' : 'Frag reassembly time exceeded';
  if (type === ICMP4.parameterProblem) return 'Parameter problem';
  return ['Destination Net Unreachable', 'Destination Host Unreachable', 'Destination Protocol Unreachable',
    'Destination Port Unreachable', 'Frag needed and DF set', 'Source Route Failed', 'Destination Net Unknown',
    'Destination Host Unknown', 'Source Host Isolated', 'Destination Net Prohibited', 'Destination Host Prohibited',
    'Destination Net Unreachable for Type of Service', 'Destination Host Unreachable for Type of Service',
    'Packet filtered', 'Precedence Violation', 'Precedence Cutoff'][code] ?? `Dest Unreachable, Bad Code: ${code}`;
}
