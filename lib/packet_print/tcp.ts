// TCP, as tcpdump 4.99's tcp_print prints it without -v: ports, flags,
// seq/ack (relative unless -S), window, urgent pointer, options and the
// payload length; then, by port, the first line of text protocols
// (text_protocols.ts).

import { hex2, hex4 } from './address_format';
import { type Dissection, TRUNCATED } from './dissection';
import { printMptcpOption } from './tcp_mptcp';
import { connectionKey } from './tcp_sequence';
import { printTcpPayload } from './text_protocols';

/** IP protocol number of TCP (RFC 9293). */
export const IPPROTO_TCP = 6;

/** TCP header flag bits (RFC 9293, RFC 3168), as tcpdump's th_flags. */
export const TCP_FLAG = Object.freeze({
  FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80,
});

const TCP_HEADER_LENGTH = 20;

// The letters tcpdump prints for the flags, in its order.
const FLAG_LETTERS: Array<[number, string]> = [
  [TCP_FLAG.FIN, 'F'], [TCP_FLAG.SYN, 'S'], [TCP_FLAG.RST, 'R'], [TCP_FLAG.PSH, 'P'],
  [TCP_FLAG.ACK, '.'], [TCP_FLAG.URG, 'U'], [TCP_FLAG.ECE, 'E'], [TCP_FLAG.CWR, 'W'],
];

// All 256 flag strings, made once: "S.", "FP.", "none".
const FLAG_TEXT: string[] = Array.from({ length: 256 }, (_, flags) => {
  const text = FLAG_LETTERS.filter(([bit]) => flags & bit).map(([, letter]) => letter).join('');
  return text === '' ? 'none' : text;
});

/** TCP option kinds (IANA "TCP Parameters"). */
const OPTION = Object.freeze({
  EOL: 0, NOP: 1, MSS: 2, WSCALE: 3, SACK_OK: 4, SACK: 5, ECHO: 6, ECHO_REPLY: 7, TIMESTAMP: 8,
  CC: 11, CC_NEW: 12, CC_ECHO: 13, MD5: 19, SCPS: 20, UTO: 28, TCP_AO: 29, MPTCP: 30, FAST_OPEN: 34,
  EXPERIMENT2: 254,
});

// tcpdump's names for them; others print as unknown-N. (CC.ECHO's name is empty in tcpdump.)
const OPTION_NAMES = new Map<number, string>([
  [OPTION.EOL, 'eol'], [OPTION.NOP, 'nop'], [OPTION.MSS, 'mss'], [OPTION.WSCALE, 'wscale'],
  [OPTION.SACK_OK, 'sackOK'], [OPTION.SACK, 'sack'], [OPTION.ECHO, 'echo'], [OPTION.ECHO_REPLY, 'echoreply'],
  [OPTION.TIMESTAMP, 'TS'], [OPTION.CC, 'cc'], [OPTION.CC_NEW, 'ccnew'], [OPTION.CC_ECHO, ''],
  [OPTION.MD5, 'md5'], [OPTION.SCPS, 'scps'], [OPTION.UTO, 'uto'], [OPTION.TCP_AO, 'tcp-ao'],
  [OPTION.MPTCP, 'mptcp'], [OPTION.FAST_OPEN, 'tfo'], [OPTION.EXPERIMENT2, 'exp'],
]);

/** The length of a TCP-MD5 signature (RFC 2385). */
const MD5_SIGNATURE_LENGTH = 16;
/** The RFC 6994 ExID of TCP Fast Open in an experimental option. */
const FAST_OPEN_EXID = 0xf989;

/** Where a TCP header's relative numbers come from, once the connection table was read. */
interface Relative {
  /** Whether the segment goes from the key's second address to its first. */
  reverse: boolean;
  /** The bases tcpdump subtracts from SACK blocks. */
  seqBase: number;
  ackBase: number;
}

/**
 * Prints the TCP segment at `at`, `length` bytes long on the wire, inside
 * the IPv4 or IPv6 header at `ipHeader` (tcpdump's tcp_print).
 */
export function printTcp(d: Dissection, at: number, length: number, ipHeader: number): void {
  d.protocol = 'tcp';
  const v6 = (d.u8(ipHeader) & 0xf0) === 0x60;
  if (!d.has(at + 2, 2)) {
    d.print(v6 ? `${d.ipv6(ipHeader + 8)} > ${d.ipv6(ipHeader + 24)}:` : `${d.ipv4(ipHeader + 12)} > ${d.ipv4(ipHeader + 16)}:`);
    d.printTrunc();
    return;
  }
  const sport = d.be16(at);
  const dport = d.be16(at + 2);
  // Addresses only when TCP follows the IP header directly; after IPv6
  // extension headers, ip6_print printed them already.
  if (v6) {
    d.print(d.u8(ipHeader + 6) === IPPROTO_TCP
      ? `${d.ipv6(ipHeader + 8)}.${sport} > ${d.ipv6(ipHeader + 24)}.${dport}: ` : `${sport} > ${dport}: `);
  } else {
    d.print(d.u8(ipHeader + 9) === IPPROTO_TCP
      ? `${d.ipv4(ipHeader + 12)}.${sport} > ${d.ipv4(ipHeader + 16)}.${dport}: ` : `${sport} > ${dport}: `);
  }
  if (!d.has(at, TCP_HEADER_LENGTH)) {
    d.printTrunc();
    return;
  }
  let headerLength = (d.u8(at + 12) >> 4) * 4;
  if (headerLength < TCP_HEADER_LENGTH) {
    d.print(` tcp ${(length - headerLength) >>> 0} [bad hdr length ${headerLength} - too short, < ${TCP_HEADER_LENGTH}]`);
    return;
  }
  let seq = d.be32(at + 4);
  let ack = d.be32(at + 8);
  const win = d.be16(at + 14);
  const urgent = d.be16(at + 18);
  const flags = d.u8(at + 13);
  d.print(`Flags [${FLAG_TEXT[flags]}]`);

  const relative: Relative = { reverse: false, seqBase: 0, ackBase: 0 };
  if (!d.absoluteSequence && (flags & TCP_FLAG.ACK) !== 0) {
    const addressLength = v6 ? 16 : 4;
    const src = ipHeader + (v6 ? 8 : 12);
    const dst = src + addressLength;
    relative.reverse = sport > dport || (sport === dport && compareBytes(d.data, src, dst, addressLength) > 0);
    const key = relative.reverse
      ? connectionKey(d.data, dst, src, addressLength, dport, sport)
      : connectionKey(d.data, src, dst, addressLength, sport, dport);
    const known = d.tcpConnections.get(key);
    if (known === undefined || (flags & TCP_FLAG.SYN) !== 0) {
      const entry = known ?? d.tcpConnections.obtain(key);
      if (relative.reverse) {
        entry.ack = seq;
        entry.seq = (ack - 1) >>> 0;
      } else {
        entry.seq = seq;
        entry.ack = (ack - 1) >>> 0;
      }
      relative.seqBase = entry.seq;
      relative.ackBase = entry.ack;
    } else {
      if (relative.reverse) {
        seq = (seq - known.ack) >>> 0;
        ack = (ack - known.seq) >>> 0;
      } else {
        seq = (seq - known.seq) >>> 0;
        ack = (ack - known.ack) >>> 0;
      }
      relative.seqBase = known.seq;
      relative.ackBase = known.ack;
    }
  }
  if (headerLength > length) {
    d.print(` [bad hdr length ${headerLength} - too long, > ${length}]`);
    return;
  }
  const payloadLength = length - headerLength;
  if (payloadLength > 0 || (flags & (TCP_FLAG.SYN | TCP_FLAG.FIN | TCP_FLAG.RST)) !== 0) {
    d.print(`, seq ${seq}`);
    if (payloadLength > 0) d.print(`:${(seq + payloadLength) >>> 0}`);
  }
  if ((flags & TCP_FLAG.ACK) !== 0) d.print(`, ack ${ack}`);
  d.print(`, win ${win}`);
  if ((flags & TCP_FLAG.URG) !== 0) d.print(`, urg ${urgent}`);
  if (headerLength > TCP_HEADER_LENGTH) {
    headerLength -= TCP_HEADER_LENGTH;
    if (!printOptions(d, at, at + TCP_HEADER_LENGTH, headerLength, flags, payloadLength, relative)) return;
  }
  d.print(`, length ${payloadLength}`);
  if (payloadLength === 0) return;
  const dataOffset = (d.u8(at + 12) >> 4) * 4;
  if (!d.has(at, dataOffset)) {
    d.print(` [remaining caplen(${d.available(at)}) < header length(${dataOffset})]`);
    throw TRUNCATED;
  }
  printTcpPayload(d, at + dataOffset, payloadLength, sport, dport);
}

function compareBytes(data: Uint8Array, a: number, b: number, length: number): number {
  for (let i = 0; i < length; i++) {
    if (data[a + i] !== data[b + i]) return data[a + i] - data[b + i];
  }
  return 0;
}

/** Why an option list stopped: tcpdump's "goto bad" and "goto trunc". */
const enum Stop { Bad, Trunc }

/**
 * Prints ", options [...]" for the `remaining` option bytes from `cp`;
 * false when the line ends there ("[bad opt]" or a short capture).
 */
function printOptions(d: Dissection, tcpHeader: number, cp: number, remaining: number, flags: number,
  payloadLength: number, relative: Relative): boolean {
  let separator = '';
  d.print(', options [');
  // LENCHECK: the option's data must fit in the header and in the capture.
  const need = (count: number): void => {
    if (count > remaining) throw Stop.Bad;
    if (!d.has(cp, count)) throw Stop.Trunc;
  };
  try {
    while (remaining > 0) {
      d.print(separator);
      const kind = d.u8(cp++);
      let length = 1;
      if (kind !== OPTION.EOL && kind !== OPTION.NOP) {
        length = d.u8(cp++);
        if (length < 2 || length > remaining) throw Stop.Bad;
        remaining--;
      }
      remaining--;
      let dataLength = 0;
      d.print(OPTION_NAMES.get(kind) ?? `unknown-${kind}`);
      switch (kind) {
        case OPTION.MSS:
          dataLength = 2;
          need(dataLength);
          d.print(` ${d.be16(cp)}`);
          break;
        case OPTION.WSCALE:
          dataLength = 1;
          need(dataLength);
          d.print(` ${d.u8(cp)}`);
          break;
        case OPTION.SACK:
          dataLength = length - 2;
          if (dataLength % 8 !== 0) {
            d.print(' invalid sack');
          } else {
            d.print(` ${dataLength / 8} `);
            for (let i = 0; i < dataLength; i += 8) {
              need(i + 4);
              let start = d.be32(cp + i);
              need(i + 8);
              let end = d.be32(cp + i + 4);
              const base = relative.reverse ? relative.seqBase : relative.ackBase;
              start = (start - base) >>> 0;
              end = (end - base) >>> 0;
              d.print(`{${start}:${end}}`);
            }
          }
          break;
        case OPTION.CC: case OPTION.CC_NEW: case OPTION.CC_ECHO: case OPTION.ECHO: case OPTION.ECHO_REPLY:
          dataLength = 4;
          need(dataLength);
          d.print(` ${d.be32(cp)}`);
          break;
        case OPTION.TIMESTAMP:
          dataLength = 8;
          need(dataLength);
          d.print(` val ${d.be32(cp)} ecr ${d.be32(cp + 4)}`);
          break;
        case OPTION.MD5:
          dataLength = MD5_SIGNATURE_LENGTH;
          need(dataLength);
          d.print(` ${md5Verdict(d, tcpHeader, payloadLength)}can't check - `);
          for (let i = 0; i < MD5_SIGNATURE_LENGTH; i++) d.print(hex2(d.u8(cp + i)));
          break;
        case OPTION.SCPS:
          dataLength = 2;
          need(dataLength);
          d.print(` cap ${hex2(d.u8(cp))} id ${d.u8(cp + 1)}`);
          break;
        case OPTION.TCP_AO:
          dataLength = length - 2;
          if (dataLength < 2) {
            d.printInvalid();
          } else {
            need(1);
            d.print(` keyid ${d.u8(cp)}`);
            need(2);
            d.print(` rnextkeyid ${d.u8(cp + 1)}`);
            if (dataLength > 2) {
              d.print(' mac 0x');
              for (let i = 2; i < dataLength; i++) {
                need(i + 1);
                d.print(hex2(d.u8(cp + i)));
              }
            }
          }
          break;
        case OPTION.EOL: case OPTION.NOP: case OPTION.SACK_OK:
          break;
        case OPTION.UTO: {
          dataLength = 2;
          need(dataLength);
          const value = d.be16(cp);
          // The low bit says minutes rather than seconds.
          d.print(` 0x${value.toString(16)} ${value & 1 ? (value >> 1) * 60 : value >> 1}`);
          break;
        }
        case OPTION.MPTCP: {
          dataLength = length - 2;
          need(dataLength);
          // The MPTCP printer may read no further than its own option.
          const saved = d.snapend;
          d.snapend = Math.min(cp - 2 + length, d.snapend);
          let printed: boolean;
          try {
            printed = printMptcpOption(d, cp - 2, length, flags);
          } finally {
            d.snapend = saved;
          }
          if (!printed) throw Stop.Bad;
          break;
        }
        case OPTION.FAST_OPEN:
          dataLength = length - 2;
          need(dataLength);
          d.print(' ');
          printFastOpen(d, cp, dataLength, false);
          break;
        case OPTION.EXPERIMENT2: {
          dataLength = length - 2;
          need(dataLength);
          if (dataLength < 2) throw Stop.Bad;
          const exid = d.be16(cp);
          d.print('-');
          if (exid === FAST_OPEN_EXID) printFastOpen(d, cp + 2, dataLength - 2, true);
          else d.print(hex4(exid));
          break;
        }
        default:
          dataLength = length - 2;
          if (dataLength) d.print(' 0x');
          for (let i = 0; i < dataLength; i++) {
            need(i + 1);
            d.print(hex2(d.u8(cp + i)));
          }
          break;
      }
      cp += dataLength;
      remaining -= dataLength;
      const declared = dataLength + (kind === OPTION.EOL || kind === OPTION.NOP ? 1 : 2);
      if (declared !== length) d.print(`[len ${length}]`);
      separator = ',';
      if (kind === OPTION.EOL) break;
    }
  } catch (stop) {
    if (stop === Stop.Bad) {
      d.print('[bad opt]');
      if (separator !== '') d.print(']');
      return false;
    }
    if (stop === Stop.Trunc) {
      d.printTrunc();
      if (separator !== '') d.print('>');
      return false;
    }
    throw stop;
  }
  d.print(']');
  return true;
}

/**
 * What tcpdump (built with OpenSSL, as distributions build it) says before
 * an MD5 signature it cannot check: it has no key without -M.
 */
function md5Verdict(d: Dissection, tcpHeader: number, payloadLength: number): string {
  const dataStart = tcpHeader + (d.u8(tcpHeader + 12) >> 4) * 4;
  return dataStart + payloadLength > d.snapend ? 'snaplen too short, ' : 'shared secret not supplied with -M, ';
}

/** A TCP Fast Open cookie or cookie request (RFC 7413). */
function printFastOpen(d: Dissection, cp: number, dataLength: number, experimental: boolean): void {
  if (experimental) d.print('tfo');
  if (dataLength === 0) {
    d.print(' cookiereq');
  } else if (dataLength % 2 !== 0 || dataLength < 4 || dataLength > 16) {
    d.printInvalid();
  } else {
    d.print(' cookie ');
    for (let i = 0; i < dataLength; i++) d.print(hex2(d.u8(cp + i)));
  }
}
