// The rarer ICMPv6 messages, as tcpdump 4.99 prints them without -v: node
// information queries and replies (RFC 4620), router renumbering (RFC 2894)
// and RPL control messages (RFC 6550).

import { formatIPv6, printableChar } from './address_format';
import { type Dissection } from './dissection';

const NI_QUERY = 139;
const NODE_INFO_LENGTH = 16;

/** Query types (RFC 4620). */
const QTYPE = Object.freeze({ NOOP: 0, SUPPORTED: 1, DNS_NAME: 2, NODE_ADDRESSES: 3 });

// The node-address flags, in tcpdump's order.
const NODE_ADDRESS_FLAGS: Array<[number, string]> = [
  [0x0040, 'a'], [0x0020, 'G'], [0x0010, 'S'], [0x0008, 'L'], [0x0004, 'C'], [0x0002, 'A'], [0x0001, 'T'],
];

function flagLetters(flags: number, withTruncate: boolean): string {
  let text = '';
  for (const [bit, letter] of NODE_ADDRESS_FLAGS) {
    if ((bit !== 0x0001 || withTruncate) && (flags & bit) !== 0) text += letter;
  }
  return text;
}

/** A DNS name without compression, from `at` to `end` (tcpdump's dnsname_print). */
function printDnsName(d: Dissection, at: number, end: number): void {
  let cp = at;
  d.print(', "');
  while (cp < end) {
    let count = d.u8(cp++);
    if (count) {
      if (count > end - cp) {
        d.print('???');
        break;
      }
      while (count-- && cp < end) d.print(printableChar(d.u8(cp++)));
      if (cp + 1 < end && d.u8(cp)) d.print('.');
    } else {
      if (cp === end) d.print('.');
      else if (!(cp + 1 === end && d.u8(cp) === 0)) d.print('???');
      break;
    }
  }
  d.print('"');
}

/** A name either as a length-prefixed string (an old draft) or as a DNS name. */
function printName(d: Dissection, cp: number, end: number): void {
  if (d.u8(cp) === end - cp - 1) {
    let at = cp + 1;
    d.print(', "');
    while (at < end) d.print(printableChar(d.u8(at++)));
    d.print('"');
  } else {
    printDnsName(d, cp, end);
  }
}

function printQuery(d: Dissection, at: number, end: number, captured: number): void {
  if (captured === 12) {
    d.print(' who-are-you request');
    return;
  }
  d.print(' node information query');
  if (!d.has(at, NODE_INFO_LENGTH)) {
    d.printTrunc();
    return;
  }
  d.print(' (');
  const qtype = d.be16(at + 4);
  if (qtype === QTYPE.NOOP) {
    d.print('noop');
  } else if (qtype === QTYPE.SUPPORTED) {
    d.print('supported qtypes');
    const flags = d.be16(at + 6);
    if (flags) d.print(` [${flags & 0x01 ? 'C' : ''}]`);
  } else if (qtype === QTYPE.DNS_NAME) {
    d.print('DNS name');
  } else if (qtype === QTYPE.NODE_ADDRESSES) {
    d.print('node addresses');
    const flags = d.be16(at + 6);
    if (flags) d.print(` [${flagLetters(flags, false)}]`);
  } else {
    d.print('unknown');
  }
  if (qtype === QTYPE.NOOP || qtype === QTYPE.SUPPORTED) {
    d.print(')');
    return;
  }
  if (captured === NODE_INFO_LENGTH) {
    d.print(', 03 draft)');
    return;
  }
  const subject = at + NODE_INFO_LENGTH;
  switch (d.u8(at + 1)) {
    case 0:
      if (d.has(at, NODE_INFO_LENGTH + 16) && captured === NODE_INFO_LENGTH + 16) {
        d.print(`, subject=${d.ipv6(subject)}`);
      }
      break;
    case 1:
      d.print(', subject=DNS name');
      printName(d, subject, end);
      break;
    case 2:
      if (d.has(at, NODE_INFO_LENGTH + 4) && captured === NODE_INFO_LENGTH + 4) {
        d.print(`, subject=${d.ipv4(subject)}`);
      }
      break;
    default:
      d.print(', unknown subject');
      break;
  }
  d.print(')');
}

function printReply(d: Dissection, length: number, at: number, end: number, captured: number): void {
  if (length > captured || !d.has(at, NODE_INFO_LENGTH)) {
    d.printTrunc();
    return;
  }
  d.print(' node information reply (');
  const code = d.u8(at + 1);
  // Only a successful reply says more; its "success" shows with -v alone.
  if (code !== 0) {
    if (code === 1 || code === 2) d.print(code === 1 ? 'refused' : 'unknown');
    d.print(')');
    return;
  }
  const qtype = d.be16(at + 4);
  if (qtype === QTYPE.NOOP) {
    d.print('noop');
  } else if (qtype === QTYPE.SUPPORTED) {
    d.print('supported qtypes');
    const flags = d.be16(at + 6);
    if (flags) d.print(` [${flags & 0x01 ? 'C' : ''}]`);
  } else if (qtype === QTYPE.DNS_NAME) {
    d.print('DNS name');
    printName(d, at + NODE_INFO_LENGTH + 4, end);
    if ((d.be16(at + 6) & 0x01) !== 0) d.print(` [TTL=${d.be32(at + NODE_INFO_LENGTH)}]`);
  } else if (qtype === QTYPE.NODE_ADDRESSES) {
    d.print('node addresses');
    for (let i = NODE_INFO_LENGTH; i < captured && i + 20 <= captured; i += 20) {
      d.print(` ${d.ipv6(at + i + 4)}(${d.be32(at + i)})`);
    }
    const flags = d.be16(at + 6);
    if (flags) d.print(` [${flagLetters(flags, true)}]`);
  } else {
    d.print('unknown');
  }
  d.print(')');
}

/**
 * A node information query or reply at `at`, `length` bytes long, captured
 * up to `end` (tcpdump's icmp6_nodeinfo_print, which repeats the type's name).
 */
export function printNodeInformation(d: Dissection, length: number, at: number, end: number): void {
  if (end < at) return;
  const captured = end - at;
  if (d.u8(at) === NI_QUERY) printQuery(d, at, end, captured);
  else printReply(d, length, at, end, captured);
}

const RENUMBERING_CODES = new Map<number, string>([[0, 'command'], [1, 'result'], [255, 'sequence number reset']]);
const MATCH_CODES = new Map<number, string>([[1, 'add'], [2, 'change'], [3, 'setglobal']]);

/** A router renumbering message at `at` (tcpdump's icmp6_rrenum_print). */
export function printRouterRenumbering(d: Dissection, at: number): void {
  if (!d.has(at + 12, 4)) {
    d.printTrunc();
    return;
  }
  const code = d.u8(at + 1);
  d.print(`, ${RENUMBERING_CODES.get(code) ?? `code-#${code}`}`);
  d.print(`, seq=${d.be32(at + 4)}`);
  if (code !== 0) return;
  // The match-prefix part (24 bytes), then its use-prefix parts (32 bytes each).
  const match = at + 16;
  if (!d.has(match + 8, 16)) {
    d.printTrunc();
    return;
  }
  const matchCode = d.u8(match);
  d.print(` match(${MATCH_CODES.get(matchCode) ?? `#${matchCode}`}`);
  d.print(`,${formatIPv6(d.data, match + 8)}/${d.u8(match + 3)})`);
  let count = d.u8(match + 1) - 3;
  if (count % 4 !== 0) {
    d.printTrunc();
    return;
  }
  count /= 4;
  for (let use = match + 24; count > 0; count--, use += 32) {
    if (!d.has(use + 16, 16)) {
      d.printTrunc();
      return;
    }
    d.print(' use(');
    const flags = d.u8(use + 12);
    if (flags) d.print(`${flags & 0x80 ? 'V' : ''}${flags & 0x40 ? 'P' : ''},`);
    d.print(`${formatIPv6(d.data, use + 16)}/${d.u8(use)}/${d.u8(use + 1)})`);
  }
}

const RPL_CODES = new Map<number, string>([
  [0, 'DODAG Information Solicitation'], [1, 'DODAG Information Object'], [2, 'Destination Advertisement Object'],
  [3, 'Destination Advertisement Object Ack'],
]);

/** An RPL control message with ICMPv6 code `code` (tcpdump's rpl_print; only -v prints its body). */
export function printRpl(d: Dissection, code: number): void {
  if ((code & 0x80) !== 0) {
    d.print(', (SEC) [worktodo]');
    return;
  }
  d.print(', (CLR)');
  d.print(RPL_CODES.get(code & 0x7f) ?? `RPL message, unknown code ${code}`);
}
