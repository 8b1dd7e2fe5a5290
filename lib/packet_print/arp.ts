// ARP (RFC 826), reverse and inverse ARP, and ATM ARP (RFC 2225), as
// tcpdump 4.99's arp_print prints them without -v.

import { formatLinkAddress, hex4 } from './address_format';
import { type Dissection } from './dissection';
import { defaultPrint } from './hex_dump';
import { knownEthertypeName } from './link_layer';

/** ARP hardware types (IANA "Hardware Types") that change how ARP is read. */
const HARDWARE = Object.freeze({ FRAME_RELAY: 15, ATM: 19 });

const HARDWARE_NAMES = new Map<number, string>([
  [1, 'Ethernet'], [6, 'TokenRing'], [7, 'ArcNet'], [15, 'FrameRelay'], [23, 'Strip'], [24, 'IEEE 1394'],
  [19, 'ATM'], [32, 'InfiniBand'],
]);

/** ARP operation codes (RFC 826, 903, 2390, 2225). */
const OP = Object.freeze({ REQUEST: 1, REPLY: 2, REVREQUEST: 3, REVREPLY: 4, INVREQUEST: 8, INVREPLY: 9, NAK: 10 });

const OP_NAMES = new Map<number, string>([
  [OP.REQUEST, 'Request'], [OP.REPLY, 'Reply'], [OP.REVREQUEST, 'Reverse Request'], [OP.REVREPLY, 'Reverse Reply'],
  [OP.INVREQUEST, 'Inverse Request'], [OP.INVREPLY, 'Inverse Reply'], [OP.NAK, 'NACK Reply'],
]);

/** Protocol types whose addresses ARP here prints as IPv4 (IPv4 and the old trailer encapsulation). */
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_TRAIL = 0x1000;

function hardwareName(hardware: number): string {
  return HARDWARE_NAMES.get(hardware) ?? `Unknown Hardware (${hardware})`;
}

function protocolName(protocol: number): string {
  return knownEthertypeName(protocol) ?? `Unknown Protocol (0x${hex4(protocol)})`;
}

/** A Q.922 (frame relay) address as tcpdump's q922_string names it. */
function q922Text(d: Dissection, at: number, length: number): string {
  const has = (offset: number, need: number): boolean => d.has(at + offset, 1) && length >= need;
  if (!has(0, 1)) return '<Truncated>';
  const first = d.u8(at);
  if (first & 0x01) return '<Invalid DLCI>';
  if (!has(1, 2)) return '<Truncated>';
  const second = d.u8(at + 1);
  let dlci = ((first & 0xfc) << 2) | ((second & 0xf0) >> 4);
  if (second & 0x01) return `DLCI ${dlci}`;
  let p = 2;
  let left = length - 2;
  if (!(d.has(at + p, 1) && left >= 1)) return '<Truncated>';
  if ((d.u8(at + p) & 0x01) === 0) {
    dlci = (dlci << 7) | (d.u8(at + p) >> 1);
    p++;
    left--;
  }
  if (!(d.has(at + p, 1) && left >= 1)) return '<Truncated>';
  if ((d.u8(at + p) & 0x01) === 0) return '<Invalid DLCI>';
  dlci = (dlci << 6) | (d.u8(at + p) >> 2);
  return `DLCI ${dlci}`;
}

/** A hardware address of `length` bytes at `at` (tcpdump's GET_LINKADDR_STRING). */
function linkAddress(d: Dissection, at: number, length: number, frameRelay: boolean): string {
  d.check(at, length);
  if (length === 0) return '<empty>';
  if (frameRelay) return q922Text(d, at, length);
  return formatLinkAddress(d.data, at, length);
}

function isNonzero(d: Dissection, at: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (d.u8(at + i) !== 0) return true;
  }
  return false;
}

/** Prints the ARP packet at `at`: `length` bytes on the wire, `caplen` captured (tcpdump's arp_print). */
export function printArp(d: Dissection, at: number, length: number, caplen: number): void {
  d.protocol = 'arp';
  d.check(at, 8);
  const hardware = d.be16(at);
  const protocol = d.be16(at + 2);
  const op = d.be16(at + 6);
  if (hardware === HARDWARE.ATM) {
    printAtmArp(d, at, length, caplen);
    return;
  }
  const frameRelay = hardware === HARDWARE.FRAME_RELAY;
  const hardwareLength = d.u8(at + 4);
  const protocolLength = d.u8(at + 5);
  const senderHardware = at + 8;
  const senderProtocol = senderHardware + hardwareLength;
  const targetHardware = senderProtocol + protocolLength;
  const targetProtocol = targetHardware + hardwareLength;
  d.check(targetProtocol, protocolLength);
  if (!d.linkHeader) d.print('ARP, ');
  if ((protocol !== ETHERTYPE_IPV4 && protocol !== ETHERTYPE_TRAIL) || protocolLength !== 4 || hardwareLength === 0) {
    d.print(`${hardwareName(hardware)} (len ${hardwareLength}), ${protocolName(protocol)} (len ${protocolLength})`);
    d.print(`, length ${length}`);
    return;
  }
  d.print(`${OP_NAMES.get(op) ?? `Unknown (${op})`} `);
  const hw = (address: number): string => linkAddress(d, address, hardwareLength, frameRelay);
  switch (op) {
    case OP.REQUEST:
      d.print(`who-has ${d.ipv4(targetProtocol)}`);
      if (isNonzero(d, targetHardware, hardwareLength)) d.print(` (${hw(targetHardware)})`);
      d.print(` tell ${d.ipv4(senderProtocol)}`);
      break;
    case OP.REPLY:
      d.print(d.ipv4(senderProtocol));
      d.print(` is-at ${hw(senderHardware)}`);
      break;
    case OP.REVREQUEST:
    case OP.INVREQUEST:
      d.print(`who-is ${hw(targetHardware)}`);
      d.print(` tell ${hw(senderHardware)}`);
      break;
    case OP.REVREPLY:
      d.print(`${hw(targetHardware)} at `);
      d.print(d.ipv4(targetProtocol));
      break;
    case OP.INVREPLY:
      d.print(`${hw(senderHardware)} at `);
      d.print(d.ipv4(senderProtocol));
      break;
    default:
      defaultPrint(d, at, caplen);
      return;
  }
  d.print(`, length ${length}`);
}

/** An ATM ARP packet (RFC 2225; tcpdump's atmarp_print). */
function printAtmArp(d: Dissection, at: number, length: number, caplen: number): void {
  d.check(at, 12);
  const hardware = d.be16(at);
  const protocol = d.be16(at + 2);
  const op = d.be16(at + 6);
  // Address lengths: the low 6 bits of each type/length byte.
  const senderNumberLength = d.u8(at + 4) & 0x3f;
  const senderSubaddressLength = d.u8(at + 5) & 0x3f;
  const senderProtocolLength = d.u8(at + 8);
  const targetNumberLength = d.u8(at + 9) & 0x3f;
  const targetSubaddressLength = d.u8(at + 10) & 0x3f;
  const targetProtocolLength = d.u8(at + 11);
  const senderNumber = at + 12;
  const senderSubaddress = senderNumber + senderNumberLength;
  const senderProtocol = senderSubaddress + senderSubaddressLength;
  const targetNumber = senderProtocol + senderProtocolLength;
  const targetSubaddress = targetNumber + targetNumberLength;
  const targetProtocol = targetSubaddress + targetSubaddressLength;
  d.check(targetProtocol, targetProtocolLength);
  if (!d.linkHeader) d.print('ARP, ');
  if ((protocol !== ETHERTYPE_IPV4 && protocol !== ETHERTYPE_TRAIL) || senderProtocolLength !== 4
    || targetProtocolLength !== 4) {
    d.print(`${hardwareName(hardware)}, ${protocolName(protocol)} (len ${senderProtocolLength}/${targetProtocolLength})`);
    d.print(`, length ${length}`);
    return;
  }
  d.print(`${OP_NAMES.get(op) ?? `Unknown (${op})`} `);
  const atmAddress = (number: number, numberLength: number, subaddress: number, subaddressLength: number): string => {
    if (numberLength === 0) return '<No address>';
    let text = linkAddress(d, number, numberLength, false);
    if (subaddressLength !== 0) text += `,${linkAddress(d, subaddress, subaddressLength, false)}`;
    return text;
  };
  const sender = (): string => atmAddress(senderNumber, senderNumberLength, senderSubaddress, senderSubaddressLength);
  const target = (): string => atmAddress(targetNumber, targetNumberLength, targetSubaddress, targetSubaddressLength);
  switch (op) {
    case OP.REQUEST:
      d.print(`who-has ${d.ipv4(targetProtocol)}`);
      if (targetNumberLength !== 0) d.print(` (${target()})`);
      d.print(` tell ${d.ipv4(senderProtocol)}`);
      break;
    case OP.REPLY:
      d.print(`${d.ipv4(senderProtocol)} is-at ${sender()}`);
      break;
    case OP.INVREQUEST:
      d.print(`who-is ${target()} tell ${sender()}`);
      break;
    case OP.INVREPLY:
      d.print(`${sender()}at ${d.ipv4(senderProtocol)}`);
      break;
    case OP.NAK:
      d.print(`for ${d.ipv4(senderProtocol)}`);
      break;
    default:
      defaultPrint(d, at, caplen);
      return;
  }
  d.print(`, length ${length}`);
}
