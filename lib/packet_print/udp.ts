// UDP, as tcpdump 4.99's udp_print prints it without -v: addresses and
// ports, then "UDP, length N". tcpdump decodes the payload instead for a long
// list of well-known ports (DNS on 53, DHCP on 67/68, NTP on 123, ...);
// those decoders are not written here, so on such a port the text after
// "port > port: " differs from tcpdump's. {@link UDP_PORTS_DECODED_BY_TCPDUMP}
// lists them.

import { type Dissection } from './dissection';

/** IP protocol number of UDP (RFC 768). */
export const IPPROTO_UDP = 17;

const UDP_HEADER_LENGTH = 8;

/**
 * The UDP ports for which tcpdump 4.99 prints an application-layer decoding
 * (as distributions build it: without its SMB printers, so not NetBIOS's
 * 137 and 138), which this printer does not: its line differs from
 * tcpdump's after the ports. tcpdump matches most as either port, a few
 * (VAT, HSRP, BFD, WB) as the destination only. Besides these, it decodes
 * ports 7000-7009 (AFS RX), NFS replies from and calls to 2049, and
 * AppleTalk DDP in UDP (ports 200-327, 768-895, 16512-16639, first payload byte 2).
 */
export const UDP_PORTS_DECODED_BY_TCPDUMP: ReadonlySet<number> = new Set([
  53, 67, 68, 69, 88, 123, 161, 162, 319, 320, 496, 500, 514, 520, 521, 525, 546, 547, 646, 654, 698,
  701, 750, 921, 1589, 1645, 1646, 1700, 1701, 1812, 1813, 1985, 2103, 2104, 3456, 3503, 3784, 3785, 3799, 4342,
  4500, 4567, 4784, 4789, 4790, 5060, 5353, 5359, 6081, 6343, 6635, 6696, 6697, 6784, 7500, 8231, 8472, 8500,
  12222, 12223, 17754, 30490, 49152,
]);

/** "src.port > dst.port: " (or without ports, or ports alone after IPv6 extension headers), as udpipaddr_print. */
function printAddresses(d: Dissection, ipHeader: number, sport: number, dport: number): void {
  const v6 = (d.u8(ipHeader) & 0xf0) === 0x60;
  const direct = d.u8(ipHeader + (v6 ? 6 : 9)) === IPPROTO_UDP;
  if (direct) {
    const src = v6 ? d.ipv6(ipHeader + 8) : d.ipv4(ipHeader + 12);
    const dst = v6 ? d.ipv6(ipHeader + 24) : d.ipv4(ipHeader + 16);
    d.print(sport < 0 ? `${src} > ${dst}: ` : `${src}.${sport} > ${dst}.${dport}: `);
  } else if (sport >= 0) {
    d.print(`${sport} > ${dport}: `);
  }
}

/**
 * Prints the UDP datagram at `at`, `length` bytes long on the wire, inside
 * the IP header at `ipHeader` (tcpdump's udp_print). `fragmented`: the IP
 * datagram is the first of several fragments, so a UDP length beyond the
 * IP payload is no error.
 */
export function printUdp(d: Dissection, at: number, length: number, ipHeader: number, fragmented: boolean): void {
  d.protocol = 'udp';
  d.u8(ipHeader);
  if (!d.has(at + 2, 2)) {
    printAddresses(d, ipHeader, -1, -1);
    d.printTrunc();
    return;
  }
  const sport = d.be16(at);
  const dport = d.be16(at + 2);
  if (length < UDP_HEADER_LENGTH) {
    printAddresses(d, ipHeader, sport, dport);
    d.print(`truncated-udp ${length}`);
    return;
  }
  if (!d.has(at + 4, 2)) {
    printAddresses(d, ipHeader, sport, dport);
    d.printTrunc();
    return;
  }
  let udpLength = d.be16(at + 4);
  // An IPv6 jumbogram's UDP length is 0 (RFC 2675).
  if (udpLength === 0 && length > 65535) udpLength = length;
  if (udpLength < UDP_HEADER_LENGTH) {
    printAddresses(d, ipHeader, sport, dport);
    d.print(`truncated-udplength ${udpLength}`);
    return;
  }
  udpLength -= UDP_HEADER_LENGTH;
  let payloadLength = length - UDP_HEADER_LENGTH;
  if (udpLength < payloadLength) payloadLength = udpLength;
  if (at + UDP_HEADER_LENGTH > d.snapend) {
    printAddresses(d, ipHeader, sport, dport);
    d.printTrunc();
    return;
  }
  printAddresses(d, ipHeader, sport, dport);
  if (udpLength > payloadLength && !fragmented) d.print(`UDP, bad length ${udpLength} > ${payloadLength}`);
  else d.print(`UDP, length ${udpLength}`);
}
