// IPv4 (RFC 791), and the choice of the next printer by protocol number
// that IPv4 and IPv6 share, as tcpdump 4.99's ip_print and ip_demux_print
// do without -v.

import { hex2 } from './address_format';
import { type Dissection, TRUNCATED } from './dissection';
import { printIcmp, IPPROTO_ICMP } from './icmp';
import { printIcmp6, IPPROTO_ICMPV6 } from './icmp6';
import { printIgmp, IPPROTO_IGMP } from './igmp';
import { printIPv6 } from './ip6';
import { printEthernet } from './link_layer';
import { IPPROTO_TCP, printTcp } from './tcp';
import { IPPROTO_UDP, printUdp } from './udp';

/** IP protocol numbers with a meaning here (IANA "Protocol Numbers"). */
export const IPPROTO = Object.freeze({
  IPV4: 4, IPV6: 41, ESP: 50, AH: 51, ND: 77, NONE: 59, IPCOMP: 108, ETHERNET: 143, DCCP: 33, SCTP: 132,
});

// tcpdump's names for the protocols it names in "[X requires IPv4]".
const REQUIRES_NAMES = new Map<number, string>([
  [IPPROTO_ICMP, 'ICMP'], [IPPROTO_IGMP, 'IGMP'], [IPPROTO_ICMPV6, 'ICMPv6'], [IPPROTO.ETHERNET, 'Ethernet'],
]);

const IP_HEADER_LENGTH = 20;
const IP_MORE_FRAGMENTS = 0x2000;
const IP_OFFSET_MASK = 0x1fff;

/**
 * Whether the layer above the IP header prints the addresses itself (with
 * its ports): TCP, UDP, SCTP and DCCP do, when they follow it directly.
 */
export function transportPrintsAddresses(protocol: number): boolean {
  return protocol === IPPROTO_TCP || protocol === IPPROTO_UDP || protocol === IPPROTO.SCTP
    || protocol === IPPROTO.DCCP;
}

/**
 * Prints what follows an IP header (tcpdump's ip_demux_print): `next` is
 * the protocol number, `at` and `length` the payload's offset and length,
 * `ipHeader` the offset of the IPv4 or IPv6 header, `version` 4 or 6.
 */
export function printIpPayload(d: Dissection, at: number, length: number, version: 4 | 6, fragmented: boolean,
  next: number, ipHeader: number): void {
  let protocol = next;
  let offset = at;
  let left = length;
  for (;;) {
    switch (protocol) {
      case IPPROTO.AH: {
        if (!d.has(offset, 1)) {
          d.protocol = 'ah';
          d.printTrunc();
          return;
        }
        protocol = d.u8(offset);
        const advance = printAuthenticationHeader(d, offset);
        offset += advance;
        left = (left - advance) >>> 0;
        continue;
      }
      case IPPROTO.ESP:
        d.protocol = 'esp';
        if (offset + 8 >= d.snapend) {
          d.printTrunc();
          return;
        }
        d.print(`ESP(spi=0x${d.be32(offset).toString(16).padStart(8, '0')},seq=0x${d.be32(offset + 4).toString(16)})`);
        d.print(`, length ${left}`);
        return;
      case IPPROTO.IPCOMP:
        d.protocol = 'ipcomp';
        d.print(`IPComp(cpi=0x${d.be16(offset + 2).toString(16).padStart(4, '0')})`);
        return;
      case IPPROTO_TCP:
        printTcp(d, offset, left, ipHeader);
        return;
      case IPPROTO_UDP:
        printUdp(d, offset, left, ipHeader, fragmented);
        return;
      case IPPROTO_ICMP:
      case IPPROTO_IGMP:
        if (version !== 4) {
          d.print(`[${REQUIRES_NAMES.get(protocol)} requires IPv4]`);
          d.printInvalid();
        } else if (protocol === IPPROTO_ICMP) {
          printIcmp(d, offset, left);
        } else {
          printIgmp(d, offset, left);
        }
        return;
      case IPPROTO_ICMPV6:
        if (version !== 6) {
          d.print('[ICMPv6 requires IPv6]');
          d.printInvalid();
        } else {
          printIcmp6(d, offset, left);
        }
        return;
      case IPPROTO.ND:
        d.print(` nd ${left}`);
        return;
      case IPPROTO.IPV4:
      case IPPROTO.IPV6:
      case IPPROTO.ETHERNET:
        if (protocol === IPPROTO.ETHERNET && version !== 6) {
          d.print('[Ethernet requires IPv6]');
          d.printInvalid();
          return;
        }
        if (!d.nest()) return;
        if (protocol === IPPROTO.IPV4) printIPv4(d, offset, left);
        else if (protocol === IPPROTO.IPV6) printIPv6(d, offset, left);
        else printEthernet(d, offset, left, d.available(offset));
        d.unnest();
        return;
      case IPPROTO.NONE:
        d.print('no next header');
        return;
      default:
        // SCTP and DCCP print their addresses themselves in tcpdump; here
        // they are not decoded, so the addresses are printed for them.
        if (transportPrintsAddresses(protocol) && addressesPending(d, ipHeader, version, protocol)) {
          d.print(version === 4 ? `${d.ipv4(ipHeader + 12)} > ${d.ipv4(ipHeader + 16)}: `
            : `${d.ipv6(ipHeader + 8)} > ${d.ipv6(ipHeader + 24)}: `);
        }
        d.print(` ip-proto-${protocol} ${left}`);
        return;
    }
  }
}

/** Whether the IP layer left the addresses to the transport (its next header is `protocol`). */
function addressesPending(d: Dissection, ipHeader: number, version: 4 | 6, protocol: number): boolean {
  return d.u8(ipHeader + (version === 4 ? 9 : 6)) === protocol;
}

/** An IPsec Authentication Header (RFC 4302) at `at`; returns its length (tcpdump's ah_print). */
function printAuthenticationHeader(d: Dissection, at: number): number {
  d.protocol = 'ah';
  d.print('AH');
  const headerLength = (d.u8(at + 1) + 2) * 4;
  d.print('(');
  const reserved = d.be16(at + 2);
  if (reserved) d.print(`reserved=0x${reserved.toString(16)}[MustBeZero],`);
  d.print(`spi=0x${d.be32(at + 4).toString(16).padStart(8, '0')},`);
  d.print(`seq=0x${d.be32(at + 8).toString(16)},`);
  d.print('icv=0x');
  for (let p = at + 12; p < at + headerLength; p++) d.print(hex2(d.u8(p)));
  d.print('): ');
  return headerLength;
}

/**
 * Prints the IPv4 datagram at `at`, `length` bytes long on the wire
 * (tcpdump's ip_print without -v).
 */
export function printIPv4(d: Dissection, at: number, length: number): void {
  d.protocol = 'ip';
  const version = d.u8(at) >> 4;
  if (version !== 4) {
    d.print(version === 6 ? 'IP6, wrong link-layer encapsulation' : `IP${version}`);
    d.printInvalid();
    return;
  }
  if (!d.linkHeader) d.print('IP ');
  if (!d.has(at, IP_HEADER_LENGTH)) {
    d.printTrunc();
    return;
  }
  if (length < IP_HEADER_LENGTH) {
    d.print(`truncated-ip ${length}`);
    return;
  }
  const headerLength = (d.u8(at) & 0x0f) * 4;
  if (headerLength < IP_HEADER_LENGTH) {
    d.print(`bad-hlen ${headerLength}`);
    return;
  }
  const totalLength = d.be16(at + 2);
  if (length < totalLength) d.print(`truncated-ip - ${totalLength - length} bytes missing! `);
  if (totalLength < headerLength) {
    d.print(`bad-len ${totalLength}`);
    return;
  }
  // What follows the datagram (Ethernet padding) is not part of it.
  d.pushSnaplen(at, totalLength);
  const fragment = d.be16(at + 6);
  const protocol = d.u8(at + 9);
  if ((fragment & IP_OFFSET_MASK) === 0) {
    if (!transportPrintsAddresses(protocol)) d.print(`${d.ipv4(at + 12)} > ${d.ipv4(at + 16)}: `);
    if (!d.has(at, headerLength)) {
      d.print(` [remaining caplen(${d.available(at)}) < header length(${headerLength})]`);
      throw TRUNCATED;
    }
    printIpPayload(d, at + headerLength, totalLength - headerLength, 4, (fragment & IP_MORE_FRAGMENTS) !== 0,
      protocol, at);
  } else {
    // A later fragment: its transport header is in the first one.
    d.print(`${d.ipv4(at + 12)} > ${d.ipv4(at + 16)}:`);
    d.print(` ip-proto-${protocol}`);
  }
  d.popSnaplen();
}

/** tcpdump's ipN_print (LINKTYPE_RAW): IPv4 or IPv6 by the version nibble. */
export function printIpAnyVersion(d: Dissection, at: number, length: number): void {
  d.protocol = 'ipn';
  if (length < 1) {
    d.print(`truncated-ip ${length}`);
    return;
  }
  const version = d.u8(at) & 0xf0;
  if (version === 0x40) printIPv4(d, at, length);
  else if (version === 0x60) printIPv6(d, at, length);
  else d.print(`unknown ip ${version >> 4}`);
}
