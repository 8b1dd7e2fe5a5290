// The Multipath TCP option (RFC 8684), as tcpdump 4.99's mptcp_print prints
// it inside "options [...]": its length, its subtype's name, and the
// subtype's fields. A subtype whose length does not fit its rules makes
// tcpdump print "[bad opt]" and stop the options; the printers return false then.

import { hex2 } from './address_format';
import { type Dissection } from './dissection';

const SYN = 0x02;
const ACK = 0x10;

type SubtypePrinter = (d: Dissection, option: number, length: number, flags: number) => boolean;

function printCapable(d: Dissection, option: number, length: number, flags: number): boolean {
  if (!((length === 12 || length === 4) && (flags & SYN) !== 0)
    && !((length === 20 || length === 22) && (flags & (SYN | ACK)) === ACK)) return false;
  const version = d.u8(option + 2) & 0xf;
  if (version > 1) {
    d.print(` Unknown Version (${version})`);
    return true;
  }
  d.print(` v${version}`);
  if ((d.u8(option + 3) & 0x80) !== 0) d.print(' csum');
  if (length === 12 || length >= 20) {
    d.print(` {0x${d.be64(option + 4).toString(16)}`);
    if (length >= 20) d.print(`,0x${d.be64(option + 12).toString(16)}`);
    d.print('}');
  }
  return true;
}

function printJoin(d: Dissection, option: number, length: number, flags: number): boolean {
  if (!(length === 12 && (flags & SYN) !== 0)
    && !(length === 16 && (flags & (SYN | ACK)) === (SYN | ACK))
    && !(length === 24 && (flags & ACK) !== 0)) return false;
  if (length !== 24) {
    if ((d.u8(option + 2) & 0x01) !== 0) d.print(' backup');
    d.print(` id ${d.u8(option + 3)}`);
  }
  if (length === 12) {
    d.print(` token 0x${d.be32(option + 4).toString(16)} nonce 0x${d.be32(option + 8).toString(16)}`);
  } else if (length === 16) {
    d.print(` hmac 0x${d.be64(option + 4).toString(16)} nonce 0x${d.be32(option + 12).toString(16)}`);
  } else {
    // tcpdump reads these 20 bytes without a capture check; the option's
    // length was checked against the capture before, so they are there.
    d.print(' hmac 0x');
    for (let i = 0; i < 20; i++) d.print(hex2(d.data[option + 4 + i]));
  }
  return true;
}

function printDss(d: Dissection, option: number, length: number, flags: number): boolean {
  if (length < 4 || (flags & SYN) !== 0) return false;
  const dssFlags = d.u8(option + 3);
  if ((dssFlags & 0x10) !== 0) d.print(' fin');
  let at = option + 4;
  let left = length - 4;
  const number = (wide: boolean): string | undefined => {
    const size = wide ? 8 : 4;
    if (left < size) return undefined;
    const text = wide ? d.be64(at).toString() : `${d.be32(at)}`;
    at += size;
    left -= size;
    return text;
  };
  if ((dssFlags & 0x01) !== 0) {
    d.print(' ack ');
    const value = number((dssFlags & 0x02) !== 0);
    if (value === undefined) return false;
    d.print(value);
  }
  if ((dssFlags & 0x04) !== 0) {
    d.print(' seq ');
    const value = number((dssFlags & 0x08) !== 0);
    if (value === undefined) return false;
    d.print(value);
    if (left < 4) return false;
    d.print(` subseq ${d.be32(at)}`);
    at += 4;
    left -= 4;
    if (left < 2) return false;
    d.print(` len ${d.be16(at)}`);
    at += 2;
    left -= 2;
    if (left >= 2) {
      d.print(` csum 0x${d.be16(at).toString(16)}`);
      left -= 2;
    }
  }
  return left === 0;
}

// The version and echo bits of ADD_ADDR, by tcpdump's names.
const ADD_ADDR_KINDS = new Map<number, string>([[0x6, 'v0-ip6'], [0x4, 'v0-ip4'], [0x1, 'v1-echo'], [0x0, 'v1']]);

function printAddAddress(d: Dissection, option: number, length: number): boolean {
  if (![8, 10, 16, 18, 20, 22, 28, 30].includes(length)) return false;
  d.print(` ${ADD_ADDR_KINDS.get(d.u8(option + 2) & 0xf) ?? '[bad version/echo]'}`);
  d.print(` id ${d.u8(option + 3)}`);
  if (length <= 18) {
    d.print(` ${d.ipv4(option + 4)}`);
    if (length === 10 || length === 18) d.print(`:${d.be16(option + 8)}`);
    if (length === 16) d.print(` hmac 0x${d.be64(option + 8).toString(16)}`);
    if (length === 18) d.print(` hmac 0x${d.be64(option + 10).toString(16)}`);
  } else {
    d.print(` ${d.ipv6(option + 4)}`);
    if (length === 22 || length === 30) d.print(`:${d.be16(option + 20)}`);
    if (length === 28) d.print(` hmac 0x${d.be64(option + 20).toString(16)}`);
    if (length === 30) d.print(` hmac 0x${d.be64(option + 22).toString(16)}`);
  }
  return true;
}

function printRemoveAddress(d: Dissection, option: number, length: number): boolean {
  if (length < 4) return false;
  d.print(' id');
  for (let i = 0; i < length - 3; i++) d.print(` ${d.u8(option + 3 + i)}`);
  return true;
}

function printPriority(d: Dissection, option: number, length: number): boolean {
  if (length !== 3 && length !== 4) return false;
  d.print((d.u8(option + 2) & 0x01) !== 0 ? ' backup' : ' non-backup');
  if (length === 4) d.print(` id ${d.u8(option + 3)}`);
  return true;
}

function printFail(d: Dissection, option: number, length: number): boolean {
  if (length !== 12) return false;
  d.print(` seq ${d.be64(option + 4).toString()}`);
  return true;
}

function printFastClose(d: Dissection, option: number, length: number): boolean {
  if (length !== 12) return false;
  d.print(` key 0x${d.be64(option + 4).toString(16)}`);
  return true;
}

// By subtype; 8 and above print as "unknown" with nothing after.
const SUBTYPES: Array<[string, SubtypePrinter]> = [
  ['capable', printCapable], ['join', printJoin], ['dss', printDss], ['add-addr', printAddAddress],
  ['rem-addr', printRemoveAddress], ['prio', printPriority], ['fail', printFail], ['fast-close', printFastClose],
  ['unknown', () => true],
];

/**
 * Prints the MPTCP option at `option` (its kind byte), `length` bytes long,
 * in a segment with TCP flags `flags`; false where tcpdump says "[bad opt]".
 */
export function printMptcpOption(d: Dissection, option: number, length: number, flags: number): boolean {
  d.protocol = 'mptcp';
  if (length < 3) return false;
  const subtype = Math.min(d.u8(option + 2) >> 4, SUBTYPES.length - 1);
  const [name, print] = SUBTYPES[subtype];
  d.print(` ${length} ${name}`);
  return print(d, option, length, flags);
}
