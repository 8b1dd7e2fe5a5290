// Address and port text as pcap-filter reads it: IPv4 in its short dotted
// forms (`10.1` is 10.1.0.0 with 16 bits given), IPv6, MAC-48 in the
// scanner's five spellings, and ports by number or by service name. Names of
// hosts and networks are not resolved: compileFilter stays a pure function of
// its arguments, with no DNS wait inside it.
import { getservbyname } from '../../resolver';

/** An IPv4 address as libpcap's __pcap_atoin reads it: the value left in the low bits, and how many bits were given. */
export interface ShortIPv4 {
  /** The bytes given, as a number (`10.1` → 0x0a01). */
  value: number;
  /** 8 bits per dotted part given: 8 to 32. */
  bits: number;
}

/**
 * Reads dotted decimal `a`, `a.b`, `a.b.c` or `a.b.c.d` (each part 0–255), as
 * libpcap's __pcap_atoin. Null if a part is not a decimal number up to 255.
 */
export function parseShortIPv4(text: string): ShortIPv4 | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return { value, bits: 8 * parts.length };
}

/** The 16 bytes of an IPv6 address, or null if inet_pton(3) would refuse it. */
export function parseIPv6(text: string): Uint8Array | null {
  let head = text;
  let v4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // inet_pton(3) takes only plain dotted decimal here, without leading zeros.
    const parts = text.slice(lastColon + 1).split('.');
    if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return null;
    v4 = parts.map(Number);
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = 8 - v4.length / 2;
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const split = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = split(halves[0]);
  const right = halves.length === 2 ? split(halves[1]) : [];
  const groups = left.concat(right);
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
  if (halves.length === 1 ? groups.length !== groupsWanted : groups.length >= groupsWanted) return null;
  const words = [...left, ...Array<string>(groupsWanted - groups.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    const n = parseInt(word, 16);
    bytes[2 * i] = n >> 8;
    bytes[2 * i + 1] = n & 0xff;
  });
  bytes.set(v4, 12);
  return bytes;
}

/** The 6 bytes of a MAC-48 address in any of the scanner's spellings (`:`, `-`, `.` separated, or 12 hex digits). */
export function parseMac48(text: string): Uint8Array {
  const parts = text.split(/[:.-]/);
  const hex = parts.length === 6 ? parts.map((p) => p.padStart(2, '0')).join('') : parts.join('');
  const bytes = new Uint8Array(6);
  for (let i = 0; i < 6; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** IP protocol numbers a port may belong to (protocol facts, <netinet/in.h>). */
export const IPPROTO_NUMBER = Object.freeze({ ICMP: 1, IGMP: 2, TCP: 6, UDP: 17, FRAGMENT: 44, ICMPV6: 58, SCTP: 132 });

/** The transport a named port was found for: TCP, UDP, or both (any of TCP, UDP and SCTP then match). */
export type PortProtocol = 'tcp' | 'udp' | 'any';

/** A port and the protocol it is known for. */
export interface NamedPort {
  /** The port number. */
  port: number;
  /** The protocol(s) the services database lists it for. */
  protocol: PortProtocol;
}

function serviceOf(name: string, protocol: 'tcp' | 'udp'): number | null {
  try {
    return getservbyname(name, protocol);
  } catch {
    return null;
  }
}

/**
 * A port by service name, as libpcap's pcap_nametoport: looked up for TCP and
 * for UDP in the services database (getservbyname(3), /etc/services; a file,
 * never the network); a string of digits is its own number. Null if unknown.
 */
export function portByName(name: string): NamedPort | null {
  if (/^[0-9]+$/.test(name)) return Number(name) <= 0xffff ? { port: Number(name), protocol: 'any' } : null;
  // Only what a services file can hold: no spaces, controls or NULs.
  if (!/^[\x21-\x7e]{1,255}$/.test(name)) return null;
  const tcp = serviceOf(name, 'tcp');
  const udp = serviceOf(name, 'udp');
  if (tcp !== null) return { port: tcp, protocol: udp === tcp ? 'any' : 'tcp' };
  if (udp !== null) return { port: udp, protocol: 'udp' };
  return null;
}
