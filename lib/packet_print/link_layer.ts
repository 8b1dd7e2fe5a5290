// The link layers a capture starts with, as tcpdump 4.99 prints them:
// Ethernet with its VLAN tags (print-ether.c), Linux cooked captures v1 and
// v2 (print-sll.c) and raw IP (print-raw.c). Each printer returns the length
// of the link-layer header, which -x leaves out of its dump.
//
// Of the EtherTypes tcpdump decodes, IPv4, IPv6, ARP, reverse ARP and LLC
// (802.3 frames) are decoded here; the others (LLDP, MPLS, PPPoE, EAPOL,
// MACsec, ...) print as an unknown EtherType does, with a hex dump.

import { printArp } from './arp';
import { type Dissection } from './dissection';
import { defaultPrintUnlessHex } from './hex_dump';
import { printIpAnyVersion, printIPv4 } from './ip';
import { printIPv6 } from './ip6';
import { printLlc } from './llc';

/** EtherTypes (IEEE registry) that change how a frame is read. */
export const ETHERTYPE = Object.freeze({
  IPV4: 0x0800, ARP: 0x0806, REVARP: 0x8035, IPV6: 0x86dd, VLAN: 0x8100, QINQ: 0x88a8, VLAN_9100: 0x9100,
  VLAN_9200: 0x9200, JUMBO: 0x8870,
});

/** A type/length field up to this is an 802.3 length, not an EtherType. */
const MAX_ETHERNET_LENGTH = 1500;

// tcpdump's names for the EtherTypes (its ethertype_values), in "ethertype NAME (0x....)".
const ETHERTYPE_NAMES = new Map<number, string>([
  [0x0800, 'IPv4'], [0x8847, 'MPLS unicast'], [0x8848, 'MPLS multicast'], [0x86dd, 'IPv6'], [0x8100, '802.1Q'],
  [0x9100, '802.1Q-9100'], [0x88a8, '802.1Q-QinQ'], [0x9200, '802.1Q-9200'], [0x88e5, '802.1AE MACsec'],
  [0x0200, 'PUP'], [0x0806, 'ARP'], [0x8035, 'Reverse ARP'], [0x0600, 'NS'], [0x0500, 'Sprite'], [0x1000, 'Trail'],
  [0x6001, 'MOP DL'], [0x6002, 'MOP RC'], [0x6003, 'DN'], [0x6004, 'LAT'], [0x6007, 'SCA'], [0x6558, 'TEB'],
  [0x8038, 'Lanbridge'], [0x803c, 'DEC DNS'], [0x803e, 'DEC DTS'], [0x805b, 'VEXP'], [0x805c, 'VPROD'],
  [0x809b, 'Appletalk'], [0x80f3, 'Appletalk ARP'], [0x8137, 'IPX'], [0x880b, 'PPP'], [0x8808, 'MPCP'],
  [0x8809, 'Slow Protocols'], [0x8863, 'PPPoE D'], [0x8864, 'PPPoE S'], [0x888e, 'EAPOL'],
  [0x8899, 'Realtek protocols'], [0x886f, 'MS NLB heartbeat'], [0x8870, 'Jumbo'], [0x894f, 'NSH'],
  [0x9000, 'Loopback'], [0xfefe, 'OSI'], [0x00fe, 'GRE-OSI'], [0xabcd, 'CFM (old)'], [0x8902, 'CFM'],
  [0x893a, 'IEEE1905.1'], [0x88cc, 'LLDP'], [0x88ca, 'TIPC'], [0x0707, 'GeoNet (old)'], [0x8947, 'GeoNet'],
  [0x1111, 'CALM FAST'], [0x88a2, 'AoE'], [0x88f7, 'PTP'], [0xd28b, 'Arista Vendor Specific Protocol'],
]);

/** "ethertype NAME (0x....)" as tcpdump prints a type field. */
export function ethertypeText(type: number): string {
  return `ethertype ${ETHERTYPE_NAMES.get(type) ?? 'Unknown'} (0x${type.toString(16).padStart(4, '0')})`;
}

/** The name tcpdump gives an EtherType, if it has one. */
export function knownEthertypeName(type: number): string | undefined {
  return ETHERTYPE_NAMES.get(type);
}

/** The name tcpdump gives an EtherType, "Unknown" if none. */
export function ethertypeName(type: number): string {
  return ETHERTYPE_NAMES.get(type) ?? 'Unknown';
}

function isVlanType(type: number): boolean {
  return type === ETHERTYPE.VLAN || type === ETHERTYPE.VLAN_9100 || type === ETHERTYPE.VLAN_9200
    || type === ETHERTYPE.QINQ;
}

/** An 802.1Q tag's TCI as tcpdump prints it with -e. */
function vlanTagText(tci: number): string {
  return `vlan ${tci & 0xfff}, p ${tci >> 13}${tci & 0x1000 ? ', DEI' : ''}`;
}

/**
 * Prints the payload of EtherType `type` (tcpdump's ethertype_print); false
 * if no printer here knows the type.
 */
export function printEthertype(d: Dissection, type: number, at: number, length: number, caplen: number): boolean {
  switch (type) {
    case ETHERTYPE.IPV4:
      printIPv4(d, at, length);
      return true;
    case ETHERTYPE.IPV6:
      printIPv6(d, at, length);
      return true;
    case ETHERTYPE.ARP:
    case ETHERTYPE.REVARP:
      printArp(d, at, length, caplen);
      return true;
    default:
      return false;
  }
}

/**
 * Prints the Ethernet frame at `at`: `length` bytes on the wire, `caplen`
 * captured (tcpdump's ether_print). Returns the header length.
 */
export function printEthernet(d: Dissection, at: number, wireLength: number, capturedLength: number): number {
  d.protocol = 'ether';
  let length = wireLength;
  let caplen = capturedLength;
  if (length < caplen) {
    d.print(`[length ${length} < caplen ${caplen}]`);
    d.printInvalid();
    return length;
  }
  if (caplen < 14) {
    d.printTrunc();
    return caplen;
  }
  const addresses = (): string => `${d.mac(at + 6)} > ${d.mac(at)}, `;
  if (d.linkHeader) d.print(addresses());
  let p = at + 12;
  let headerLength = 12;
  length -= 12;
  caplen -= 12;
  let type = d.be16(p);
  p += 2;
  headerLength += 2;
  length -= 2;
  caplen -= 2;
  let printedLength = false;
  while (isVlanType(type)) {
    if (caplen < 4 || length < 4) {
      d.protocol = 'vlan';
      d.printTrunc();
      return headerLength + Math.min(caplen, length);
    }
    if (d.linkHeader) {
      const tci = d.be16(p);
      d.print(ethertypeText(type));
      d.print(printedLength ? ', ' : `, length ${wireLength}: `);
      printedLength = true;
      d.print(`${vlanTagText(tci)}, `);
    }
    type = d.be16(p + 2);
    p += 4;
    length -= 4;
    caplen -= 4;
    headerLength += 4;
  }
  if (type <= MAX_ETHERNET_LENGTH) {
    // An 802.3 frame: the field is the payload's length, an LLC header follows.
    if (type < length) {
      length = type;
      if (caplen > length) caplen = length;
    }
    d.pushSnaplen(p, length);
    if (d.linkHeader) d.print(printedLength ? '802.3' : `802.3, length ${length}: `);
    let llcLength = printLlc(d, p, length, caplen, { source: at + 6, destination: at });
    if (llcLength < 0) {
      defaultPrintUnlessHex(d, p, caplen);
      llcLength = -llcLength;
    }
    d.popSnaplen();
    return headerLength + llcLength;
  }
  if (type === ETHERTYPE.JUMBO) {
    // Alteon jumbo frames: an LLC header follows the type.
    let llcLength = printLlc(d, p, length, caplen, { source: at + 6, destination: at });
    if (llcLength < 0) {
      defaultPrintUnlessHex(d, p, caplen);
      llcLength = -llcLength;
    }
    return headerLength + llcLength;
  }
  if (d.linkHeader) d.print(printedLength ? `${ethertypeText(type)}, ` : `${ethertypeText(type)}, length ${wireLength}: `);
  if (!printEthertype(d, type, p, length, caplen)) {
    if (!d.linkHeader) d.print(`${addresses()}${ethertypeText(type)}, length ${wireLength}: `);
    defaultPrintUnlessHex(d, p, caplen);
  }
  return headerLength;
}

/** Linux cooked capture packet types, as tcpdump abbreviates them. */
const PACKET_TYPES = ['In', 'B', 'M', 'P', 'Out'];

/** LINUX_SLL_P_* protocol values below 1500 (Linux's if_ether.h ETH_P_802_3 and ETH_P_802_2). */
const SLL_P_802_3 = 0x0001;
const SLL_P_802_2 = 0x0004;
/** ARPHRD_IEEE80211_RADIOTAP: the payload starts with a radiotap header. */
const ARPHRD_RADIOTAP = 803;

/** The cooked header's protocol as tcpdump's -e (or unknown-type) line shows it. */
function cookedProtocolText(protocol: number): string {
  if (protocol > MAX_ETHERNET_LENGTH) return ethertypeText(protocol);
  if (protocol === SLL_P_802_3) return '802.3';
  if (protocol === SLL_P_802_2) return '802.2';
  return `ethertype Unknown (0x${protocol.toString(16).padStart(4, '0')})`;
}

/**
 * What the SLL and SLL2 printers share after their headers (tcpdump's
 * "recurse:" part): VLAN tags, then the payload by protocol.
 */
function printCookedPayload(d: Dissection, protocol: number, at: number, wireLength: number,
  capturedLength: number, headerLength: number, describeHeader: (length: number) => string): number {
  let type = protocol;
  let p = at;
  let length = wireLength;
  let caplen = capturedLength;
  let consumed = headerLength;
  for (;;) {
    if (type <= MAX_ETHERNET_LENGTH) {
      // 802.2 is an LLC header; 802.3 (raw IPX) is not decoded here.
      if (type === SLL_P_802_2) {
        const llcLength = printLlc(d, p, length, caplen);
        if (llcLength >= 0) return consumed + llcLength;
      }
      defaultPrintUnlessHex(d, p, caplen);
      return consumed;
    }
    if (type !== ETHERTYPE.VLAN) break;
    if (caplen < 4) {
      d.protocol = 'vlan';
      d.printTrunc();
      return consumed + caplen;
    }
    if (d.linkHeader) d.print(`${vlanTagText(d.be16(p))}, `);
    type = d.be16(p + 2);
    if (type <= MAX_ETHERNET_LENGTH) type = SLL_P_802_2;
    d.print(`ethertype ${ethertypeName(type)}, `);
    p += 4;
    length -= 4;
    caplen -= 4;
    consumed += 4;
  }
  if (!printEthertype(d, type, p, length, caplen)) {
    if (!d.linkHeader) d.print(describeHeader(length + headerLength));
    defaultPrintUnlessHex(d, p, caplen);
  }
  return consumed;
}

/** A LINUX_SLL (v1, 16-byte header) frame (tcpdump's sll_if_print). */
export function printLinuxCooked(d: Dissection, at: number, wireLength: number, caplen: number): number {
  d.protocol = 'sll';
  d.check(at, 16);
  const describeHeader = (length: number): string => {
    d.protocol = 'sll';
    let text = `${(PACKET_TYPES[d.be16(at)] ?? '?').padStart(3)} `;
    if (d.be16(at + 4) === 6) text += `${d.mac(at + 6)} `;
    return `${text}${cookedProtocolText(d.be16(at + 14))}, length ${length}: `;
  };
  if (d.linkHeader) d.print(describeHeader(wireLength));
  if (d.be16(at + 2) === ARPHRD_RADIOTAP) {
    // 802.11 radiotap payloads are not decoded here.
    defaultPrintUnlessHex(d, at + 16, caplen - 16);
    return 16;
  }
  return printCookedPayload(d, d.be16(at + 14), at + 16, wireLength - 16, caplen - 16, 16, describeHeader);
}

/** A LINUX_SLL2 (20-byte header) frame (tcpdump's sll2_if_print). */
export function printLinuxCooked2(d: Dissection, at: number, wireLength: number, caplen: number): number {
  d.protocol = 'sll2';
  d.check(at, 20);
  d.print(`${d.interfaceName(d.be32(at + 4)).padEnd(5)} `);
  d.print(`${(PACKET_TYPES[d.u8(at + 10)] ?? '?').padEnd(3)} `);
  const describeHeader = (length: number): string => {
    d.protocol = 'sll2';
    let text = `ifindex ${d.be32(at + 4)} `;
    if (d.u8(at + 11) === 6) text += `${d.mac(at + 12)} `;
    return `${text}${cookedProtocolText(d.be16(at))}, length ${length}: `;
  };
  if (d.linkHeader) d.print(describeHeader(wireLength));
  if (d.be16(at + 8) === ARPHRD_RADIOTAP) {
    defaultPrintUnlessHex(d, at + 20, caplen - 20);
    return 20;
  }
  return printCookedPayload(d, d.be16(at), at + 20, wireLength - 20, caplen - 20, 20, describeHeader);
}

/** A LINKTYPE_RAW frame: IPv4 or IPv6 with no link-layer header (tcpdump's raw_if_print). */
export function printRaw(d: Dissection, at: number, wireLength: number): number {
  d.protocol = 'raw';
  if (d.linkHeader) d.print('ip: ');
  printIpAnyVersion(d, at, wireLength);
  return 0;
}
