// compileFilter: a pcap-filter(7) expression to a classic BPF program, the
// way libpcap's pcap_compile makes it for tcpdump. The stages, one file each:
// tokens.ts → parser.ts (syntax tree, qualifiers filled in) → primitives.ts
// (conditions on the frame, per link_layer.ts) → blocks.ts (test graph) →
// optimizer.ts and pullup.ts → layout.ts (instructions).
import { BPF_MAXINSNS } from '../../constants';
import { LINKTYPE } from '../../link_type';
import type { BpfProgram } from '../program';
import { parseShortIPv4 } from './addresses';
import { buildGraph } from './blocks';
import { TRUE } from './conditions';
import { FilterSyntaxError } from './filter_syntax_error';
import { layOut } from './layout';
import { optimizeGraph } from './optimizer';
import { linkLayerOf, SUPPORTED_LINK_TYPES } from './link_layer';
import { parseFilter } from './parser';
import { conditionOf } from './primitives';

export { FilterSyntaxError } from './filter_syntax_error';

/** Options of {@link compileFilter}. */
export interface CompileFilterOptions {
  /**
   * How the frames the program will see begin: a {@link LINKTYPE} value,
   * `EN10MB` (an `AF_PACKET` `SOCK_RAW` socket on Ethernet, veth or lo),
   * `LINUX_SLL2` or `LINUX_SLL` (cooked headers), or `RAW` (the IP header first).
   */
  linkType: number;
  /** What the program returns for a packet it accepts: how many bytes to keep. Default 262144, as tcpdump's. */
  snaplen?: number;
  /**
   * The IPv4 netmask of the network, dotted (`255.255.255.0`), for
   * `ip broadcast`. Default `0.0.0.0`, as tcpdump has when it reads a file.
   */
  netmask?: string;
}

/** How many tests a condition may have before optimizing: the optimizer merges many, but never this many. */
const MAX_BLOCKS_BEFORE_OPTIMIZING = 8 * BPF_MAXINSNS;

/** tcpdump's default snapshot length (MAXIMUM_SNAPLEN). */
const DEFAULT_SNAPLEN = 262144;

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value);
}

/**
 * Compiles a pcap-filter(7) expression, the language of tcpdump and libpcap
 * (pcap_compile(3PCAP)), into a classic BPF program for frames of
 * `options.linkType`: one that returns `snaplen` for a packet the expression
 * selects and 0 for any other, selecting exactly what tcpdump selects with
 * the same expression and link type. The program is ready for
 * `Socket.attachFilter` (SO_ATTACH_FILTER, socket(7)) or `runFilter`.
 *
 * The language: `host`, `net` (a.b.c.d/len, `a.b.c`, `mask`), `port`,
 * `portrange`, with `src`, `dst`, `src or dst`, `src and dst`, for IPv4 and
 * IPv6 addresses; `ip`, `ip6`, `arp`, `rarp`, `tcp`, `udp`, `sctp`, `icmp`,
 * `icmp6` (and `igmp`, `pim`, `ah`, `esp`, …) alone or qualifying (`tcp port
 * 80`, `ip6 net fe80::/10`), `[ip|ip6] proto n`, `ether host|src|dst`,
 * `ether proto`, `[ether|ip|ip6] broadcast|multicast`, `greater n`, `less n`,
 * `and`/`&&`, `or`/`||`, `not`/`!` and parentheses; a bare value takes the
 * qualifiers of the one before it (`host 1.2.3.4 and port 80 or 53`). Ports
 * may be service names (getservbyname(3)); host and network names are not
 * resolved. Not supported: arithmetic (`ip[9] = 6`), `vlan`, `mpls` and
 * other encapsulations, `protochain`, `gateway`. An empty expression accepts
 * everything; one that can match nothing compiles to `ret #0` (where tcpdump
 * says "expression rejects all packets").
 *
 * @throws FilterSyntaxError if the expression is not one this compiler can
 *   build (with the position of the problem), or if its program would exceed
 *   `BPF_MAXINSNS` instructions.
 * @throws TypeError if `expression` is not a string or an option has the wrong type.
 * @throws RangeError for an unknown link type, a snaplen outside 1–2^32−1, or a bad netmask.
 */
export function compileFilter(expression: string, options: CompileFilterOptions): BpfProgram {
  if (typeof expression !== 'string') throw new TypeError(`the expression must be a string, got ${describe(expression)}`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, got ${describe(options)}`);
  const { linkType, snaplen = DEFAULT_SNAPLEN, netmask = '0.0.0.0' } = options;
  if (typeof linkType !== 'number') throw new TypeError(`options.linkType must be a number, got ${describe(linkType)}`);
  const layer = linkLayerOf(linkType);
  if (layer === undefined) {
    const known = SUPPORTED_LINK_TYPES.map((n) => `${Object.keys(LINKTYPE).find((name) =>
      LINKTYPE[name as keyof typeof LINKTYPE] === n)} (${n})`).join(', ');
    throw new RangeError(`options.linkType ${linkType} is not one compileFilter knows: ${known}`);
  }
  if (typeof snaplen !== 'number') throw new TypeError(`options.snaplen must be a number, got ${describe(snaplen)}`);
  if (!Number.isInteger(snaplen) || snaplen < 1 || snaplen > 0xffffffff) {
    throw new RangeError(`options.snaplen must be an integer from 1 to 4294967295, got ${snaplen}`);
  }
  if (typeof netmask !== 'string') throw new TypeError(`options.netmask must be a string, got ${describe(netmask)}`);
  const mask = parseShortIPv4(netmask);
  if (mask === null || mask.bits !== 32) throw new RangeError(`options.netmask must be a dotted IPv4 netmask, got ${describe(netmask)}`);

  const tree = parseFilter(expression);
  const condition = tree === null ? TRUE : conditionOf(tree, { expression, layer, netmask: mask.value });
  const tooLong = (what: string): FilterSyntaxError =>
    new FilterSyntaxError(`expression too long for a classic BPF program: ${what}, over BPF_MAXINSNS (${BPF_MAXINSNS})`,
      expression, 0);
  const graph = buildGraph(condition);
  // Each block is at least one instruction; past this many the optimizer
  // could not bring it under the limit, and would only take time.
  if (graph.blocks.length > MAX_BLOCKS_BEFORE_OPTIMIZING) throw tooLong(`${graph.blocks.length} tests before optimizing`);
  optimizeGraph(graph);
  const program = layOut(graph, snaplen);
  if (program.length > BPF_MAXINSNS) throw tooLong(`${program.length} instructions`);
  return program;
}
