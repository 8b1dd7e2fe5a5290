// ICMPv6 (RFC 4443) with neighbor discovery (RFC 4861) and MLD (RFC 2710,
// RFC 3810), as tcpdump 4.99's icmp6_print prints them without -v:
// "ICMP6, <type>[, details], length N".

import { hex4 } from './address_format';
import { type Dissection } from './dissection';
import { printUnknownData } from './hex_dump';
import { printNodeInformation, printRouterRenumbering, printRpl } from './icmp6_info';
import { IPPROTO_TCP } from './tcp';
import { IPPROTO_UDP } from './udp';

/** IP protocol number of ICMPv6. */
export const IPPROTO_ICMPV6 = 58;

/** ICMPv6 message types (IANA "ICMPv6 Parameters"). */
const TYPE = Object.freeze({
  DST_UNREACH: 1, PACKET_TOO_BIG: 2, TIME_EXCEEDED: 3, PARAM_PROB: 4, ECHO_REQUEST: 128, ECHO_REPLY: 129,
  MLD_QUERY: 130, MLD_REPORT: 131, MLD_DONE: 132, ROUTER_SOLICIT: 133, ROUTER_ADVERT: 134, NEIGHBOR_SOLICIT: 135,
  NEIGHBOR_ADVERT: 136, REDIRECT: 137, ROUTER_RENUMBERING: 138, NI_QUERY: 139, NI_REPLY: 140, IND_SOLICIT: 141,
  IND_ADVERT: 142, MLDV2_REPORT: 143, HA_DISCOVERY_REQUEST: 144, HA_DISCOVERY_REPLY: 145,
  MOBILE_PREFIX_SOLICIT: 146, MOBILE_PREFIX_ADVERT: 147, RPL: 155, MTRACE_RESPONSE: 200, MTRACE: 201,
});

// tcpdump's names for the types.
const TYPE_NAMES = new Map<number, string>([
  [TYPE.DST_UNREACH, 'destination unreachable'], [TYPE.PACKET_TOO_BIG, 'packet too big'],
  [TYPE.TIME_EXCEEDED, 'time exceeded in-transit'], [TYPE.PARAM_PROB, 'parameter problem'],
  [TYPE.ECHO_REQUEST, 'echo request'], [TYPE.ECHO_REPLY, 'echo reply'], [TYPE.MLD_QUERY, 'multicast listener query'],
  [TYPE.MLD_REPORT, 'multicast listener report'], [TYPE.MLD_DONE, 'multicast listener done'],
  [TYPE.ROUTER_SOLICIT, 'router solicitation'], [TYPE.ROUTER_ADVERT, 'router advertisement'],
  [TYPE.NEIGHBOR_SOLICIT, 'neighbor solicitation'], [TYPE.NEIGHBOR_ADVERT, 'neighbor advertisement'],
  [TYPE.REDIRECT, 'redirect'], [TYPE.ROUTER_RENUMBERING, 'router renumbering'],
  [TYPE.IND_SOLICIT, 'inverse neighbor solicitation'], [TYPE.IND_ADVERT, 'inverse neighbor advertisement'],
  [TYPE.MLDV2_REPORT, 'multicast listener report v2'], [TYPE.HA_DISCOVERY_REQUEST, 'ha discovery request'],
  [TYPE.HA_DISCOVERY_REPLY, 'ha discovery reply'], [TYPE.MOBILE_PREFIX_SOLICIT, 'mobile router solicitation'],
  [TYPE.MOBILE_PREFIX_ADVERT, 'mobile router advertisement'],
  // tcpdump's table names 139 and 140 twice; the first names win.
  [TYPE.NI_QUERY, 'who-are-you request'], [TYPE.NI_REPLY, 'who-are-you reply'], [TYPE.MTRACE, 'mtrace message'],
  [TYPE.MTRACE_RESPONSE, 'mtrace response'], [TYPE.RPL, 'RPL'],
]);

// Destination unreachable codes; tcpdump's text for code 1 starts with a space.
const UNREACH_CODES = ['unreachable route', ' unreachable prohibited', 'beyond scope', 'unreachable address', 'unreachable port'];

const PARAM_PROBLEMS = ['erroneous', 'next header', 'option', 'incomplete header chain'];

// IPv6 extension headers that get_upperlayer walks through.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTH_HEADER = 51;
const DESTINATION_OPTIONS = 60;

/**
 * The transport header after the IPv6 header quoted at `ip6` (tcpdump's
 * get_upperlayer): its offset and protocol, or undefined if it is not TCP
 * or UDP or was not captured.
 */
function upperLayer(d: Dissection, ip6: number): { at: number; protocol: number } | undefined {
  if (!d.has(ip6 + 6, 1)) return undefined;
  let next = d.u8(ip6 + 6);
  let headerLength = 40;
  let at = ip6;
  const end = d.snapend;
  while (at < end) {
    at += headerLength;
    switch (next) {
      case IPPROTO_UDP:
      case IPPROTO_TCP:
        return d.has(at + 2, 2) ? { at, protocol: next } : undefined;
      case HOP_BY_HOP:
      case DESTINATION_OPTIONS:
      case ROUTING:
        if (!d.has(at + 1, 1)) return undefined;
        next = d.u8(at);
        headerLength = (d.u8(at + 1) + 1) << 3;
        break;
      case FRAGMENT:
        if (!d.has(at + 2, 2)) return undefined;
        if ((d.be16(at + 2) & 0xfff8) !== 0) return undefined;
        next = d.u8(at);
        headerLength = 8;
        break;
      case AUTH_HEADER:
        if (!d.has(at + 1, 1)) return undefined;
        next = d.u8(at);
        headerLength = (d.u8(at + 1) + 2) << 2;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** An MLDv1 message's body (tcpdump's mld6_print, which prints it with no separator). */
function printMld(d: Dissection, at: number): void {
  if (at + 24 > d.snapend) return;
  d.print(`max resp delay: ${d.be16(at + 4)} `);
  d.print(`addr: ${d.ipv6(at + 8)}`);
}

function printMldv2Query(d: Dissection, at: number, length: number): void {
  d.be16(at + 4);
  d.print(` [gaddr ${d.ipv6(at + 8)}`);
  const sources = d.be16(at + 26);
  if (sources > 0) {
    if (length < 28 + sources * 16) d.print(' [invalid number of sources]');
    else d.print(`, ${sources} source(s)`);
  }
  d.print(']');
}

/**
 * Prints the ICMPv6 message at `at`, `length` bytes long on the wire
 * (tcpdump's icmp6_print); `false` where tcpdump returns early, with no
 * ", length N" after.
 */
function printBody(d: Dissection, at: number, length: number): boolean {
  const end = d.snapend;
  const quoted = at + 8;
  const type = d.u8(at);
  d.print(`ICMP6, ${TYPE_NAMES.get(type) ?? `unknown icmp6 type (${type})`}`);
  const code = d.u8(at + 1);
  switch (type) {
    case TYPE.DST_UNREACH:
      d.print(`, ${UNREACH_CODES[code] ?? `unknown unreach code (${code})`}`);
      if (code === 0 || code === 1 || code === 3) {
        d.print(` ${d.ipv6(quoted + 24)}`);
      } else if (code === 2) {
        d.print(` ${d.ipv6(quoted + 24)}, source address ${d.ipv6(quoted + 8)}`);
      } else if (code === 4) {
        const upper = upperLayer(d, quoted);
        if (upper === undefined) {
          d.printTrunc();
          return false;
        }
        const dport = d.be16(upper.at + 2);
        const dst = d.ipv6(quoted + 24);
        if (upper.protocol === IPPROTO_TCP) d.print(`, ${dst} tcp port ${dport}`);
        else d.print(`, ${dst} udp port ${dport}`);
      } else {
        printUnknownData(d, at, length);
        return false;
      }
      break;
    case TYPE.PACKET_TOO_BIG:
      d.print(`, mtu ${d.be32(at + 4)}`);
      break;
    case TYPE.TIME_EXCEEDED:
      if (code === 0) d.print(` for ${d.ipv6(quoted + 24)}`);
      else if (code === 1) d.print(' (reassembly)');
      else d.print(`, unknown code (${code})`);
      break;
    case TYPE.PARAM_PROB:
      if (!d.has(quoted + 24, 16)) {
        d.printTrunc();
        return false;
      }
      if (code < PARAM_PROBLEMS.length) d.print(`, ${PARAM_PROBLEMS[code]} - octet ${d.be32(at + 4)}`);
      else d.print(`, code-#${code}`);
      break;
    case TYPE.ECHO_REQUEST:
    case TYPE.ECHO_REPLY:
      d.print(`, id ${d.be16(at + 4)}, seq ${d.be16(at + 6)}`);
      break;
    case TYPE.MLD_QUERY:
      if (length === 24) {
        printMld(d, at);
      } else if (length >= 28) {
        d.print(' v2');
        printMldv2Query(d, at, length);
      } else {
        d.print(` unknown-version (len ${length}) `);
      }
      break;
    case TYPE.MLD_REPORT:
    case TYPE.MLD_DONE:
      printMld(d, at);
      break;
    case TYPE.NEIGHBOR_SOLICIT:
      d.print(`, who has ${d.ipv6(at + 8)}`);
      break;
    case TYPE.NEIGHBOR_ADVERT:
      d.print(`, tgt is ${d.ipv6(at + 8)}`);
      break;
    case TYPE.REDIRECT:
      // The destination (at 24) first, then the better first hop (the target, at 8).
      d.print(`, ${d.ipv6(at + 24)}`);
      d.print(` to ${d.ipv6(at + 8)}`);
      break;
    case TYPE.ROUTER_RENUMBERING:
      printRouterRenumbering(d, at);
      break;
    case TYPE.NI_QUERY:
    case TYPE.NI_REPLY:
      printNodeInformation(d, length, at, end);
      break;
    case TYPE.MLDV2_REPORT:
      if (length < 8) d.print(` [invalid len ${length}]`);
      else d.print(`, ${d.be16(at + 6)} group record(s)`);
      break;
    case TYPE.MOBILE_PREFIX_SOLICIT:
    case TYPE.HA_DISCOVERY_REQUEST:
      d.print(`, id 0x${hex4(d.be16(at + 4))}`);
      break;
    case TYPE.RPL:
      printRpl(d, code);
      break;
    // Only -v prints more of these.
    case TYPE.ROUTER_SOLICIT:
    case TYPE.ROUTER_ADVERT:
    case TYPE.IND_SOLICIT:
    case TYPE.IND_ADVERT:
    case TYPE.HA_DISCOVERY_REPLY:
    case TYPE.MOBILE_PREFIX_ADVERT:
      break;
    default:
      d.print(`, length ${length}`);
      printUnknownData(d, at, length);
      return false;
  }
  return true;
}

/** Prints the ICMPv6 message at `at`, `length` bytes long on the wire (tcpdump's icmp6_print). */
export function printIcmp6(d: Dissection, at: number, length: number): void {
  d.protocol = 'icmp6';
  if (length === 0) {
    d.print('ICMP6, length 0');
    d.printInvalid();
    return;
  }
  if (printBody(d, at, length)) d.print(`, length ${length}`);
}
