// IPv6 (RFC 8200) and its extension headers, as tcpdump 4.99's ip6_print
// prints them without -v: "IP6 src > dst: " then "HBH ", "DSTOPT ",
// "frag (off|len) ", "RT6 (...) " for each extension header, then the
// payload. The mobility header (RFC 6275) is not decoded here: it prints
// as an unknown protocol.

import { type Dissection } from './dissection';
import { printIpPayload, transportPrintsAddresses } from './ip';

const IP6_HEADER_LENGTH = 40;

/** IPv6 extension header numbers (IANA). */
const EXTENSION = Object.freeze({ HOP_BY_HOP: 0, ROUTING: 43, FRAGMENT: 44, DESTINATION: 60 });

/** Hop-by-hop option types (IANA "Destination Options and Hop-by-Hop Options"). */
const OPTION = Object.freeze({ PAD1: 0x00, PADN: 0x01, ROUTER_ALERT: 0x05, JUMBO: 0xc2, HOME_ADDRESS: 0xc9 });

/** What the hop-by-hop options said about a jumbogram (RFC 2675). */
interface Jumbo {
  found: boolean;
  payloadLength: number;
}

/**
 * Walks the options of a hop-by-hop header without -v, which prints only
 * malformed ones (tcpdump's ip6_opt_process); false where it gives up.
 */
function checkOptions(d: Dissection, at: number, length: number, jumbo: Jumbo): boolean {
  let seenJumbo = false;
  for (let i = 0, optionLength = 0; i < length; i += optionLength) {
    const type = d.u8(at + i);
    if (type === OPTION.PAD1) {
      optionLength = 1;
    } else {
      if (i + 1 >= length) return false;
      optionLength = d.u8(at + i + 1) + 2;
    }
    if (i + optionLength > length) return false;
    const left = length - i;
    switch (d.u8(at + i)) {
      case OPTION.PAD1:
        break;
      case OPTION.PADN:
        if (left < 2) {
          d.print('(padn: trunc)');
          return false;
        }
        break;
      case OPTION.ROUTER_ALERT:
        if (left < 4) {
          d.print('(rtalert: trunc)');
          return false;
        }
        if (d.u8(at + i + 1) !== 2) {
          d.print(`(rtalert: invalid len ${d.u8(at + i + 1)})`);
          return false;
        }
        break;
      case OPTION.JUMBO: {
        if (left < 6) {
          d.print('(jumbo: trunc)');
          return false;
        }
        if (d.u8(at + i + 1) !== 4) {
          d.print(`(jumbo: invalid len ${d.u8(at + i + 1)})`);
          return false;
        }
        const jumboLength = d.be32(at + i + 2);
        if (!seenJumbo) {
          seenJumbo = true;
          if (jumbo.payloadLength === 0 && jumboLength >= 65536) {
            jumbo.found = true;
            jumbo.payloadLength = jumboLength;
          }
        }
        break;
      }
      case OPTION.HOME_ADDRESS:
        if (left < 18) {
          d.print('(homeaddr: trunc)');
          return false;
        }
        if (d.u8(at + i + 1) < 16) {
          d.print(`(homeaddr: invalid len ${d.u8(at + i + 1)})`);
          return false;
        }
        break;
      default:
        if (left < 2) {
          d.print(`(type ${d.u8(at + i)}: trunc)`);
          return false;
        }
        break;
    }
  }
  return true;
}

/** A hop-by-hop options header at `at`: its length, or -1 (tcpdump's hbhopt_process). */
function printHopByHop(d: Dissection, at: number, jumbo: Jumbo): number {
  d.protocol = 'hbhopt';
  const length = (d.u8(at + 1) + 1) << 3;
  if (!d.has(at, length)) {
    d.printTrunc();
    return -1;
  }
  d.print('HBH ');
  if (!checkOptions(d, at + 2, length - 2, jumbo)) {
    d.printTrunc();
    return -1;
  }
  return length;
}

/** A destination options header at `at`: its length, or -1 (tcpdump's dstopt_process). */
function printDestinationOptions(d: Dissection, at: number): number {
  d.protocol = 'dstopt';
  const length = (d.u8(at + 1) + 1) << 3;
  if (!d.has(at, length)) {
    d.printTrunc();
    return -1;
  }
  d.print('DSTOPT ');
  return length;
}

/** A fragment header at `at` in the datagram at `ipHeader`: 8, or -1 for a later fragment (tcpdump's frag6_print). */
function printFragment(d: Dissection, at: number, ipHeader: number): number {
  d.protocol = 'frag6';
  const offset = d.be16(at + 2) & 0xfff8;
  // tcpdump computes the fragment's length as a size_t: a negative one prints as 2^64 less it.
  const fragmentLength = IP6_HEADER_LENGTH + d.be16(ipHeader + 4) - (at - ipHeader) - 8;
  const lengthText = fragmentLength >= 0 ? `${fragmentLength}` : `${(1n << 64n) + BigInt(fragmentLength)}`;
  d.print(`frag (${offset}|${lengthText})`);
  if ((d.be16(at + 2) & 0xfff8) !== 0) return -1;
  d.print(' ');
  return 8;
}

/** A routing header at `at`: its length, or -1 (tcpdump's rt6_print). */
function printRouting(d: Dissection, at: number): number {
  d.protocol = 'rt6';
  d.print('RT6');
  let length = d.u8(at + 1);
  d.print(` (len=${length}`);
  const type = d.u8(at + 2);
  d.print(`, type=${type}`);
  if (type === 0) d.print(' [Deprecated]');
  d.print(`, segleft=${d.u8(at + 3)}`);
  let addresses: number;
  if (type === 0 || type === 2) {
    const reserved = d.be32(at + 4);
    if (reserved) d.print(`, rsv=0x${reserved.toString(16)}`);
    addresses = at + 8;
  } else if (type === 4) {
    d.print(`, last-entry=${d.u8(at + 4)}`);
    const flags = d.u8(at + 5);
    if (flags) d.print(`, flags=0x${flags.toString(16)}`);
    d.print(`, tag=${d.be16(at + 6).toString(16)}`);
    addresses = at + 8;
  } else {
    d.print(' (unknown type)');
    d.printInvalid();
    return -1;
  }
  if (length % 2 === 1) {
    d.print(` (invalid length ${length})`);
    d.printInvalid();
    return -1;
  }
  length >>= 1;
  for (let i = 0; i < length; i++) d.print(`, [${i}]${d.ipv6(addresses + 16 * i)}`);
  d.print(') ');
  return (d.u8(at + 1) + 1) << 3;
}

/**
 * Prints the IPv6 datagram at `at`, `length` bytes long on the wire
 * (tcpdump's ip6_print without -v).
 */
export function printIPv6(d: Dissection, at: number, length: number): void {
  d.protocol = 'ip6';
  if (!d.has(at, IP6_HEADER_LENGTH)) {
    d.printTrunc();
    return;
  }
  if (length < IP6_HEADER_LENGTH) {
    d.print(`truncated-ip6 ${length}`);
    return;
  }
  if (!d.linkHeader) d.print('IP6 ');
  const version = d.u8(at) >> 4;
  if (version !== 6) {
    d.print(`version error: ${version} != 6`);
    return;
  }
  const jumbo: Jumbo = { found: false, payloadLength: d.be16(at + 4) };
  let left: number;
  if (jumbo.payloadLength !== 0) {
    left = jumbo.payloadLength + IP6_HEADER_LENGTH;
    if (length < left) d.print(`truncated-ip6 - ${left - length} bytes missing!`);
  } else {
    left = length + IP6_HEADER_LENGTH;
  }
  let previous = 255;
  let next = d.u8(at + 6);
  d.pushSnaplen(at, left);
  let cp = at;
  let advance = IP6_HEADER_LENGTH;
  let totalAdvance = 0;
  let foundExtension = false;
  let foundHopByHop = false;
  let fragmented = false;
  while (cp < d.snapend && advance > 0) {
    if (left < advance) {
      d.printTrunc();
      return;
    }
    cp += advance;
    left -= advance;
    totalAdvance += advance;
    if (cp === at + IP6_HEADER_LENGTH && !transportPrintsAddresses(next)) {
      d.print(`${d.ipv6(at + 8)} > ${d.ipv6(at + 24)}: `);
    }
    switch (next) {
      case EXTENSION.HOP_BY_HOP:
        if (foundHopByHop) {
          d.print('[The Hop-by-Hop Options header was already found]');
          d.printInvalid();
          return;
        }
        if (previous !== 255) {
          d.print("[The Hop-by-Hop Options header don't follow the IPv6 header]");
          d.printInvalid();
          return;
        }
        advance = printHopByHop(d, cp, jumbo);
        if (jumbo.payloadLength === 0 && !jumbo.found) {
          d.print('[No valid Jumbo Payload Hop-by-Hop option found]');
          d.printInvalid();
          return;
        }
        if (advance < 0) {
          d.popSnaplen();
          return;
        }
        foundExtension = true;
        foundHopByHop = true;
        next = d.u8(cp);
        break;
      case EXTENSION.DESTINATION:
        advance = printDestinationOptions(d, cp);
        if (advance < 0) {
          d.popSnaplen();
          return;
        }
        foundExtension = true;
        next = d.u8(cp);
        break;
      case EXTENSION.FRAGMENT:
        advance = printFragment(d, cp, at);
        if (advance < 0 || d.snapend <= cp + advance) {
          d.popSnaplen();
          return;
        }
        foundExtension = true;
        next = d.u8(cp);
        fragmented = true;
        break;
      case EXTENSION.ROUTING:
        if (!d.has(cp, 1)) {
          d.printTrunc();
          return;
        }
        advance = printRouting(d, cp);
        if (advance < 0) {
          d.popSnaplen();
          return;
        }
        foundExtension = true;
        next = d.u8(cp);
        break;
      default:
        if (jumbo.found) {
          left = (jumbo.payloadLength + IP6_HEADER_LENGTH) >>> 0;
          if (left < totalAdvance) {
            d.printTrunc();
            return;
          }
          if (length < left) d.print(`truncated-ip6 - ${left - length} bytes missing!`);
          d.changeSnaplen(at, left);
          left -= totalAdvance;
        } else if (jumbo.payloadLength === 0) {
          if (foundExtension) {
            d.printTrunc();
            return;
          }
          left = IP6_HEADER_LENGTH;
          d.changeSnaplen(at, left);
          left -= totalAdvance;
        }
        printIpPayload(d, cp, left, 6, fragmented, next, at);
        d.popSnaplen();
        return;
    }
    previous = next;
    d.protocol = 'ip6';
  }
  d.popSnaplen();
}
