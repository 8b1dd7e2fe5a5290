// ICMP for IPv4 (RFC 792 and successors), as tcpdump 4.99's icmp_print
// prints it without -v: "ICMP <what>, length N".

import { type Dissection } from './dissection';
import { IPPROTO_TCP } from './tcp';
import { IPPROTO_UDP } from './udp';

/** IP protocol number of ICMP. */
export const IPPROTO_ICMP = 1;

/** ICMP message types (IANA "ICMP Parameters"). */
const TYPE = Object.freeze({
  ECHO_REPLY: 0, UNREACH: 3, SOURCE_QUENCH: 4, REDIRECT: 5, ECHO: 8, ROUTER_ADVERT: 9, ROUTER_SOLICIT: 10,
  TIME_EXCEEDED: 11, PARAM_PROBLEM: 12, TIMESTAMP: 13, TIMESTAMP_REPLY: 14, INFO_REQUEST: 15, INFO_REPLY: 16,
  MASK_REQUEST: 17, MASK_REPLY: 18,
});

// tcpdump's names for the types it prints with nothing after them.
const PLAIN_TYPES = new Map<number, string>([
  [TYPE.ECHO_REPLY, 'echo reply'], [TYPE.SOURCE_QUENCH, 'source quench'], [TYPE.ECHO, 'echo request'],
  [TYPE.ROUTER_SOLICIT, 'router solicitation'], [TYPE.TIMESTAMP, 'time stamp request'],
  [TYPE.TIMESTAMP_REPLY, 'time stamp reply'], [TYPE.INFO_REQUEST, 'information request'],
  [TYPE.INFO_REPLY, 'information reply'], [TYPE.MASK_REQUEST, 'address mask request'],
]);

// Destination unreachable codes (RFC 792, 1122, 1812) other than port (3) and
// fragmentation needed (4): how tcpdump words each around the address.
const UNREACHABLE: Array<[string, string]> = [
  ['net ', ' unreachable'], ['host ', ' unreachable'], ['', ''], ['', ''], ['', ''],
  ['', ' unreachable - source route failed'], ['net ', ' unreachable - unknown'], ['host ', ' unreachable - unknown'],
  ['', ' unreachable - source host isolated'], ['net ', ' unreachable - admin prohibited'],
  ['host ', ' unreachable - admin prohibited'], ['net ', ' unreachable - tos prohibited'],
  ['host ', ' unreachable - tos prohibited'], ['host ', ' unreachable - admin prohibited filter'],
  ['host ', ' unreachable - host precedence violation'], ['host ', ' unreachable - precedence cutoff'],
];

const REDIRECTS = ['redirect %s to net %s', 'redirect %s to host %s', 'redirect-tos %s to net %s', 'redirect-tos %s to host %s'];

// tcpdump builds the text in a buffer of MAXHOSTNAMELEN + 100 bytes (164 on
// Linux) with snprintf, so a long router advertisement is cut there.
const TEXT_LIMIT = 163;

/** Milliseconds since midnight UTC as HH:MM:SS.mmm (ICMP timestamps). */
function clockOfDay(ms: number): string {
  const pad = (n: number, width: number): string => `${n}`.padStart(width, '0');
  const sec = Math.floor(ms / 1000);
  const min = Math.floor(sec / 60);
  const hrs = Math.floor(min / 60);
  return `${pad(hrs, 2)}:${pad(min - hrs * 60, 2)}:${pad(sec - min * 60, 2)}.${pad(ms % 1000, 3)}`;
}

/** A lifetime in seconds as tcpdump's router advertisement shows it: s, m:ss or h:mm:ss. */
function lifetimeText(seconds: number): string {
  const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
  if (seconds < 60) return `${seconds}`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
  return `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/**
 * The text after "ICMP " for the message at `at`; undefined where tcpdump
 * stops with " [|icmp]" (a check of its own, not a read).
 */
function messageText(d: Dissection, at: number): string | undefined {
  const type = d.u8(at);
  const code = d.u8(at + 1);
  // The IP header quoted by error messages starts 8 bytes in.
  const quoted = at + 8;
  switch (type) {
    case TYPE.ECHO:
    case TYPE.ECHO_REPLY:
      return `echo ${type === TYPE.ECHO ? 'request' : 'reply'}, id ${d.be16(at + 4)}, seq ${d.be16(at + 6)}`;
    case TYPE.UNREACH:
      if (code === 3) {
        if (!d.has(quoted + 9, 1)) return undefined;
        const headerLength = (d.u8(quoted) & 0x0f) * 4;
        const dport = d.be16(quoted + headerLength + 2);
        const protocol = d.u8(quoted + 9);
        const dst = d.ipv4(quoted + 16);
        if (protocol === IPPROTO_TCP) return `${dst} tcp port ${dport} unreachable`;
        if (protocol === IPPROTO_UDP) return `${dst} udp port ${dport} unreachable`;
        return `${dst} protocol ${protocol} port ${dport} unreachable`;
      }
      if (code === 4) {
        const mtu = d.be16(at + 6);
        return mtu ? `${d.ipv4(quoted + 16)} unreachable - need to frag (mtu ${mtu})`
          : `${d.ipv4(quoted + 16)} unreachable - need to frag`;
      }
      if (code === 2) return `${d.ipv4(quoted + 16)} protocol ${d.u8(quoted + 9)} unreachable`;
      if (code < UNREACHABLE.length) return `${UNREACHABLE[code][0]}${d.ipv4(quoted + 16)}${UNREACHABLE[code][1]}`;
      return `${d.ipv4(quoted + 16)} unreachable - #${code}`;
    case TYPE.REDIRECT: {
      const dst = d.ipv4(quoted + 16);
      const gateway = d.ipv4(at + 4);
      if (code < REDIRECTS.length) return REDIRECTS[code].replace('%s', dst).replace('%s', gateway);
      return `redirect-#${code} ${dst} to ${gateway}`;
    }
    case TYPE.ROUTER_ADVERT: {
      if (!d.has(at + 4, 4)) return undefined;
      let text = `router advertisement lifetime ${lifetimeText(d.be16(at + 6))}`;
      let count = d.u8(at + 4);
      text += ` ${count}:`;
      const size = d.u8(at + 5);
      if (size !== 2) return `${text} [size ${size}]`.slice(0, TEXT_LIMIT);
      for (let entry = at + 8; count > 0; count--, entry += 8) {
        if (!d.has(entry, 8)) return undefined;
        if (text.length < TEXT_LIMIT) text += ` {${d.ipv4(entry)} ${d.be32(entry + 4)}}`;
      }
      return text.slice(0, TEXT_LIMIT);
    }
    case TYPE.TIME_EXCEEDED:
      if (!d.has(quoted + 16, 4)) return undefined;
      if (code === 0) return 'time exceeded in-transit';
      if (code === 1) return 'ip reassembly time exceeded';
      return `time exceeded-#${code}`;
    case TYPE.PARAM_PROBLEM:
      return code ? `parameter problem - code ${code}` : `parameter problem - octet ${d.u8(at + 4)}`;
    case TYPE.MASK_REPLY:
      return `address mask is 0x${d.be32(at + 8).toString(16).padStart(8, '0')}`;
    case TYPE.TIMESTAMP:
      return `time stamp query id ${d.be16(at + 4)} seq ${d.be16(at + 6)}`;
    case TYPE.TIMESTAMP_REPLY:
      if (!d.has(at + 16, 4)) return undefined;
      return `time stamp reply id ${d.be16(at + 4)} seq ${d.be16(at + 6)}: org ${clockOfDay(d.be32(at + 8))}`
        + `, recv ${clockOfDay(d.be32(at + 12))}, xmit ${clockOfDay(d.be32(at + 16))}`;
    default:
      return PLAIN_TYPES.get(type) ?? `type-#${type}`;
  }
}

/** Prints the ICMP message at `at`, `length` bytes long on the wire (tcpdump's icmp_print). */
export function printIcmp(d: Dissection, at: number, length: number): void {
  d.protocol = 'icmp';
  const text = messageText(d, at);
  if (text === undefined) {
    d.printTrunc();
    return;
  }
  d.print(`ICMP ${text}, length ${length}`);
}
