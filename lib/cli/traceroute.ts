// bsd-socket traceroute: the routers on the way to a host, as Linux
// traceroute prints them: probes with a rising TTL, each hop's probes sent
// at once (traceroute_probes.ts), names resolved with getaddrinfo and, for
// what answered, getnameinfo unless -n.
import {
  AF_INET, AF_INET6, AF_UNSPEC, GaiError, NI_NAMEREQD, SOCK_DGRAM, getaddrinfo, getnameinfo,
} from '..';
import { UsageError, type ParsedArgs } from './args';
import { resolverFailure, type Command, type CommandContext } from './command';
import { IcmpProber, PROBE_DATA, UdpProber, type ProbeAnswer, type Prober } from './traceroute_probes';

/** The IPv4 and IPv6 headers, and the UDP or ICMP one, around each probe's data: what the header line counts. */
const IPV4_HEADER = 20;
const IPV6_HEADER = 40;
const PROBE_HEADER = 8;
/** Where Linux traceroute's UDP probes start: 33434, "the traceroute port". */
const BASE_PORT = 33434;

interface TracerouteOptions {
  host: string;
  family: number;
  maxTtl: number;
  queries: number;
  waitMs: number;
  /** UDP: the first destination port; ICMP: the first sequence number. */
  port: number;
  icmp: boolean;
  numeric: boolean;
}

function readOptions(args: ParsedArgs): TracerouteOptions {
  if (args.flag('4') && args.flag('6')) throw new UsageError('only one of -4 and -6 may be given');
  if (args.operands.length === 0) throw new UsageError('missing host', true);
  if (args.operands.length > 1) throw new UsageError(`extra operand '${args.operands[1]}'`, true);
  const icmp = args.flag('I');
  return {
    host: args.operands[0],
    family: args.flag('4') ? AF_INET : args.flag('6') ? AF_INET6 : AF_UNSPEC,
    maxTtl: args.integer('m', 'max ttl', 1, 255, 30),
    queries: args.integer('q', 'nqueries', 1, 10, 3),
    waitMs: args.seconds('w', 'waittime', 0, 86400, 5000),
    port: args.integer('p', 'port', icmp ? 0 : 1, 65535, icmp ? 1 : BASE_PORT),
    icmp,
    numeric: args.flag('n'),
  };
}

/** The `traceroute` subcommand. */
export const traceroute: Command = {
  name: 'traceroute',
  summary: 'print the route packets take to a host, as Linux traceroute',
  synopsis: ['[-4|-6] [-In] [-m max_ttl] [-q nqueries] [-w waittime] [-p port] host'],
  options: [
    { letter: '4', help: 'use IPv4 only' },
    { letter: '6', help: 'use IPv6 only' },
    { letter: 'I', help: 'probe with ICMP echo requests instead of UDP datagrams' },
    { letter: 'n', help: 'numeric output: no reverse lookups' },
    { letter: 'm', value: 'max_ttl', help: 'the most hops to probe (default 30)' },
    { letter: 'q', value: 'nqueries', help: 'probes per hop (default 3)' },
    { letter: 'w', value: 'waittime', help: 'seconds to wait for a probe\'s answer (default 5)' },
    { letter: 'p', value: 'port', help: 'UDP: the first destination port (default 33434); -I: the first sequence number' },
  ],
  failureStatus: 1,
  run: (args, context) => runTraceroute(readOptions(args), context),
};

async function runTraceroute(options: TracerouteOptions, context: CommandContext): Promise<number> {
  let answers;
  try {
    answers = await getaddrinfo(options.host, null, options.family, SOCK_DGRAM);
  } catch (error) {
    if (error instanceof GaiError) throw resolverFailure(options.host, error);
    throw error;
  }
  const target = answers[0].address;
  const address = (target as { address: string }).address;
  const v6 = target.family === AF_INET6;
  const length = (v6 ? IPV6_HEADER : IPV4_HEADER) + PROBE_HEADER + PROBE_DATA;
  const prober: Prober = options.icmp ? new IcmpProber(target, options.port) : new UdpProber(target, options.port);
  const names = new Map<string, Promise<string>>();
  const display = (from: string): Promise<string> => {
    if (options.numeric) return Promise.resolve(from);
    let shown = names.get(from);
    if (shown === undefined) {
      // As Linux traceroute: "name (address)", the address twice when it has no name.
      shown = getnameinfo({ family: target.family, address: from, port: 0 }, NI_NAMEREQD)
        .then(([name]) => `${name} (${from})`, () => `${from} (${from})`);
      names.set(from, shown);
    }
    return shown;
  };
  try {
    context.print(`traceroute to ${options.host} (${address}), ${options.maxTtl} hops max, ${length} byte packets`);
    for (let ttl = 1; ttl <= options.maxTtl; ttl++) {
      const hop = await prober.probeHop(ttl, options.queries, options.waitMs);
      context.print(await formatHop(ttl, hop, display));
      if (hop.some((answer) => answer?.final)) break;
    }
  } finally {
    prober.close();
  }
  return 0;
}

/** ` 2  10.2.0.2  0.123 ms  0.101 ms *`: the hop, each new answerer, each probe's time and mark, `*` for silence. */
async function formatHop(ttl: number, hop: Array<ProbeAnswer | null>,
  display: (from: string) => Promise<string>): Promise<string> {
  let line = `${String(ttl).padStart(2)} `;
  let last: string | null = null;
  for (const answer of hop) {
    if (answer === null) {
      line += ' *';
      continue;
    }
    if (answer.from !== last) line += ` ${await display(answer.from)}`;
    last = answer.from;
    line += `  ${answer.ms.toFixed(3)} ms${answer.mark ? ` ${answer.mark}` : ''}`;
  }
  return line;
}
