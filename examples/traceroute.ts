// traceroute: UDP probes with a rising TTL; each router on the way answers
// ICMP time exceeded, the destination port unreachable. The answers are read
// from the socket's error queue (IP_RECVERR, recvmsg with MSG_ERRQUEUE), so
// no raw socket and no privilege is needed.
//
//   node build-ts/examples/traceroute.js [-m max_hops] [-q probes] [-w wait_s] [-p port] address
import {
  AF_INET, IPPROTO_IP, IP_RECVERR, IP_TTL, MSG_ERRQUEUE, SOCK_DGRAM, SocketTimeoutError, socket,
} from '../lib';

// ICMP types and codes (RFC 792): protocol numbers, not OS constants.
const TIME_EXCEEDED = 11;
const DEST_UNREACHABLE = 3;
const PORT_UNREACHABLE = 3;
// What traceroute prints after an unreachable that is not the destination's port.
const UNREACHABLE_MARK: Record<number, string> = { 0: '!N', 1: '!H', 2: '!P', 4: '!F', 9: '!X', 10: '!X', 13: '!X' };

export interface TracerouteOptions {
  address: string;
  maxHops?: number;
  probes?: number;
  waitMs?: number;
  port?: number;
  print?: (line: string) => void;
}

export interface Hop {
  ttl: number;
  /** Who answered, per probe (null: no answer in time). */
  from: Array<string | null>;
  times: Array<number | null>;
  /** Per probe: '!N', '!H', … for an unreachable answer that ends the trace, else ''. */
  marks: string[];
}

export async function traceroute(options: TracerouteOptions): Promise<Hop[]> {
  const { address, maxHops = 30, probes = 3, waitMs = 1000, port = 33434 } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const payload = Buffer.alloc(32);
  const sock = socket(AF_INET, SOCK_DGRAM);
  const hops: Hop[] = [];
  try {
    sock.setsockopt(IPPROTO_IP, IP_RECVERR, true);
    print(`traceroute to ${address} (${address}), ${maxHops} hops max, ${payload.length + 28} byte packets`);
    let probe = 0;
    let reached = false;
    for (let ttl = 1; ttl <= maxHops && !reached; ttl++) {
      sock.setsockopt(IPPROTO_IP, IP_TTL, ttl);
      const hop: Hop = { ttl, from: [], times: [], marks: [] };
      for (let i = 0; i < probes; i++) {
        const probePort = port + probe++;
        const sent = performance.now();
        await sock.sendto(payload, { address, port: probePort });
        const deadline = sent + waitMs;
        let answer: { from: string; ms: number; type: number; code: number } | null = null;
        while (answer === null) {
          const left = deadline - performance.now();
          if (left <= 0) break;
          try {
            // The error queue returns the probe that failed, with the address it was sent to.
            const m = await sock.recvmsg(512, 512, MSG_ERRQUEUE, { timeout: left });
            const error = m.ancillary.find((a) => a.kind === 'error');
            if (error?.kind !== 'error' || (m.address as { port?: number } | null)?.port !== probePort) continue;
            answer = {
              from: (error.offender as { address: string } | undefined)?.address ?? '?',
              ms: performance.now() - sent,
              type: error.icmpType,
              code: error.icmpCode,
            };
          } catch (e) {
            if (e instanceof SocketTimeoutError) break;
            throw e;
          }
        }
        hop.from.push(answer?.from ?? null);
        hop.times.push(answer?.ms ?? null);
        let mark = '';
        if (answer !== null && answer.type !== TIME_EXCEEDED) {
          // The destination's port unreachable means we got there; any other
          // unreachable means no one further will answer.
          reached = true;
          if (answer.type === DEST_UNREACHABLE && answer.code !== PORT_UNREACHABLE) {
            mark = UNREACHABLE_MARK[answer.code] ?? `!<${answer.code}>`;
          }
        }
        hop.marks.push(mark);
      }
      hops.push(hop);
      print(formatHop(hop));
    }
    return hops;
  } finally {
    sock.close();
  }
}

/** " 2  10.2.0.2  0.123 ms  0.101 ms  *", as traceroute prints a hop. */
export function formatHop(hop: Hop): string {
  let line = `${String(hop.ttl).padStart(2)} `;
  let last: string | null = null;
  hop.from.forEach((from, i) => {
    const time = hop.times[i];
    if (from === null || time === null) {
      line += ' *';
      return;
    }
    if (from !== last) line += ` ${from}`;
    last = from;
    line += `  ${time.toFixed(3)} ms${hop.marks[i] ? ` ${hop.marks[i]}` : ''}`;
  });
  return line;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const options: TracerouteOptions = { address: '' };
  for (let i = 0; i < argv.length; i++) {
    const value = (): number => Number(argv[++i]);
    if (argv[i] === '-m') options.maxHops = value();
    else if (argv[i] === '-q') options.probes = value();
    else if (argv[i] === '-w') options.waitMs = value() * 1000;
    else if (argv[i] === '-p') options.port = value();
    else options.address = argv[i];
  }
  if (!options.address) {
    console.error('usage: traceroute [-m max_hops] [-q probes] [-w wait] [-p port] address');
    process.exit(2);
  }
  traceroute(options).catch((error: Error) => {
    console.error(`traceroute: ${error.message}`);
    process.exitCode = 2;
  });
}
