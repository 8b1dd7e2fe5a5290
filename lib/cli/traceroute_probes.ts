// traceroute's probes: the packets sent with a given TTL, and what answered
// each. UDP probes to rising ports, whose answers (ICMP time exceeded from
// a router, port unreachable from the destination) come back through the
// socket's error queue (IP_RECVERR, recvmsg with MSG_ERRQUEUE), needing no
// privilege; or with -I, ICMP echo requests (icmp_echo.ts).
import {
  AF_INET6, IPPROTO_IP, IPPROTO_IPV6, IPV6_RECVERR, IPV6_UNICAST_HOPS, IP_RECVERR, IP_TTL, MSG_ERRQUEUE,
  SOCK_DGRAM, SocketError, SocketTimeoutError, WouldBlockError, socket, type Message, type Socket, type SocketAddress,
} from '..';
import { EchoSocket } from './icmp_echo';

// ICMP (RFC 792) and ICMPv6 (RFC 4443) types and codes: protocol numbers.
const ICMP4_UNREACHABLE = 3;
const ICMP4_TIME_EXCEEDED = 11;
const ICMP4_PORT_UNREACHABLE = 3;
const ICMP4_FRAGMENTATION_NEEDED = 4;
const ICMP6_UNREACHABLE = 1;
const ICMP6_PACKET_TOO_BIG = 2;
const ICMP6_TIME_EXCEEDED = 3;
const ICMP6_PORT_UNREACHABLE = 4;
/** What Linux traceroute prints after an unreachable that ends the trace, by code. */
const MARKS4: Record<number, string> = { 0: '!N', 1: '!H', 2: '!P', 5: '!S', 9: '!X', 10: '!X', 13: '!X', 14: '!V', 15: '!C' };
const MARKS6: Record<number, string> = { 0: '!N', 1: '!X', 2: '!S', 3: '!H' };
/** The data in each probe: 32 bytes, which makes Linux traceroute's 60-byte IPv4 packets. */
export const PROBE_DATA = 32;

/** What answered one probe. */
export interface ProbeAnswer {
  /** Who answered. */
  from: string;
  /** Milliseconds from the probe's send to its answer. */
  ms: number;
  /** Whether the trace ends here: the destination answered, or an unreachable did. */
  final: boolean;
  /** '!N', '!H', … for an unreachable, else ''. */
  mark: string;
}

/** Sends a hop's probes and gathers their answers. */
export interface Prober {
  /**
   * Sends `count` probes with TTL `ttl` at once and waits up to `waitMs` for
   * their answers; null for a probe that got none.
   */
  probeHop(ttl: number, count: number, waitMs: number): Promise<Array<ProbeAnswer | null>>;
  /** close(2). */
  close(): void;
}

/** How an ICMP error ends a probe: time exceeded goes on; the destination's port unreachable or any other unreachable ends the trace. */
function answerOf(v6: boolean, type: number, code: number, info: number, from: string, ms: number): ProbeAnswer {
  if (type === (v6 ? ICMP6_TIME_EXCEEDED : ICMP4_TIME_EXCEEDED)) return { from, ms, final: false, mark: '' };
  if (type === (v6 ? ICMP6_UNREACHABLE : ICMP4_UNREACHABLE)) {
    if (code === (v6 ? ICMP6_PORT_UNREACHABLE : ICMP4_PORT_UNREACHABLE)) return { from, ms, final: true, mark: '' };
    if (!v6 && code === ICMP4_FRAGMENTATION_NEEDED) return { from, ms, final: true, mark: `!F-${info}` };
    return { from, ms, final: true, mark: (v6 ? MARKS6 : MARKS4)[code] ?? `!<${code}>` };
  }
  if (v6 && type === ICMP6_PACKET_TOO_BIG) return { from, ms, final: true, mark: `!F-${info}` };
  return { from, ms, final: true, mark: `!<${code}>` };
}

/** UDP probes, answers from the error queue. */
export class UdpProber implements Prober {
  readonly #sock: Socket;
  readonly #target: SocketAddress;
  readonly #v6: boolean;
  #port: number;

  /**
   * socket(2) and setsockopt(2) IP_RECVERR: a UDP socket for probes to
   * `target`, the first to port `port`.
   * @throws SocketError.
   */
  constructor(target: SocketAddress, port: number) {
    this.#v6 = target.family === AF_INET6;
    this.#target = target;
    this.#port = port;
    this.#sock = socket(target.family, SOCK_DGRAM);
    try {
      this.#sock.setblocking(false);
      this.#sock.setsockopt(this.#v6 ? IPPROTO_IPV6 : IPPROTO_IP, this.#v6 ? IPV6_RECVERR : IP_RECVERR, true);
    } catch (error) {
      this.#sock.close();
      throw error;
    }
  }

  async probeHop(ttl: number, count: number, waitMs: number): Promise<Array<ProbeAnswer | null>> {
    const sock = this.#sock;
    this.#drainErrorQueue();
    sock.setsockopt(this.#v6 ? IPPROTO_IPV6 : IPPROTO_IP, this.#v6 ? IPV6_UNICAST_HOPS : IP_TTL, ttl);
    const answers: Array<ProbeAnswer | null> = new Array<ProbeAnswer | null>(count).fill(null);
    const probes = new Map<number, { index: number; sentAt: number }>();
    const data = Buffer.alloc(PROBE_DATA);
    for (let index = 0; index < count; index++) {
      const port = this.#port;
      // Ports climb from the base, one per probe, and wrap below 65536.
      this.#port = port === 65535 ? 1 : port + 1;
      probes.set(port, { index, sentAt: performance.now() });
      const to = { ...this.#target, port } as SocketAddress;
      try {
        await sock.sendto(data, to);
      } catch (error) {
        // An answer to an earlier probe that came meanwhile is the socket's
        // pending error, which this sendto(2) took instead of sending; a
        // second failure is the send's own.
        if (!(error instanceof SocketError)) throw error;
        await sock.sendto(data, to);
      }
    }
    const deadline = performance.now() + waitMs;
    let unanswered = count;
    while (unanswered > 0) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      let message: Message;
      try {
        // The error queue gives back the probe that failed, with the address it went to.
        message = await sock.recvmsg(PROBE_DATA, 512, MSG_ERRQUEUE, { timeout: left });
      } catch (error) {
        if (error instanceof SocketTimeoutError) break;
        throw error;
      }
      const error = message.ancillary.find((a) => a.kind === 'error');
      const probe = probes.get((message.address as { port?: number } | null)?.port ?? -1);
      if (error?.kind !== 'error' || probe === undefined || answers[probe.index] !== null) continue;
      const from = (error.offender as { address?: string } | undefined)?.address ?? '?';
      answers[probe.index] = answerOf(this.#v6, error.icmpType, error.icmpCode, error.info, from,
        performance.now() - probe.sentAt);
      unanswered--;
    }
    return answers;
  }

  /**
   * Drops the answers that came after their hop's wait: a queued error is
   * also the socket's pending error, which the next sendto(2) would get.
   */
  #drainErrorQueue(): void {
    for (;;) {
      try {
        this.#sock.recvmsgSync(PROBE_DATA, 512, MSG_ERRQUEUE);
      } catch (error) {
        if (error instanceof WouldBlockError) return;
        throw error;
      }
    }
  }

  close(): void {
    this.#sock.close();
  }
}

/** ICMP echo probes (-I): the destination answers with an echo reply. */
export class IcmpProber implements Prober {
  readonly #echo: EchoSocket;
  readonly #target: SocketAddress;
  #sequence: number;

  /**
   * An ICMP echo socket (raw, or unprivileged ICMP) for probes to `target`,
   * the first with sequence number `sequence`.
   * @throws PermissionDeniedError, SocketError.
   */
  constructor(target: SocketAddress, sequence: number) {
    this.#echo = EchoSocket.open({ family: target.family });
    this.#target = target;
    this.#sequence = sequence;
  }

  async probeHop(ttl: number, count: number, waitMs: number): Promise<Array<ProbeAnswer | null>> {
    this.#echo.setTtl(ttl);
    const answers: Array<ProbeAnswer | null> = new Array<ProbeAnswer | null>(count).fill(null);
    const probes = new Map<number, { index: number; sentAt: number }>();
    for (let index = 0; index < count; index++) {
      const sequence = this.#sequence;
      this.#sequence = (sequence + 1) & 0xffff;
      probes.set(sequence, { index, sentAt: performance.now() });
      await this.#echo.send(this.#target, sequence, PROBE_DATA);
    }
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), waitMs);
    try {
      let unanswered = count;
      while (unanswered > 0) {
        const event = await this.#echo.receive(stop.signal);
        if (event === null) break;
        const probe = probes.get(event.sequence);
        if (probe === undefined || answers[probe.index] !== null) continue;
        const ms = performance.now() - probe.sentAt;
        answers[probe.index] = event.kind === 'reply' ? { from: event.from, ms, final: true, mark: '' }
          : answerOf(event.v6, event.type, event.code, 0, event.from, ms);
        unanswered--;
      }
    } finally {
      clearTimeout(timer);
    }
    return answers;
  }

  close(): void {
    this.#echo.close();
  }
}
