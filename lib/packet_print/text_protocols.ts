// The text protocols tcpdump 4.99 names in a TCP line by port, without -v:
// ": HTTP: GET / HTTP/1.1" (its txtproto_print, for HTTP, RTSP, FTP, SMTP
// and WHOIS) and ": SSH: SSH-2.0-..." (ssh_print). Of the payloads tcpdump
// decodes by TCP port, these are the ones decoded here;
// {@link TCP_PORTS_DECODED_BY_TCPDUMP} lists the others.

import { asciiText } from './address_format';
import { type Dissection } from './dissection';

/**
 * The TCP ports on which tcpdump 4.99 decodes the payload and this printer
 * does not (its line stops at "length N"): telnet, BGP, PPTP, Redis, BEEP,
 * OpenFlow, DNS, MSDP, RPKI-RTR, LDP, and NFS's RPC.
 */
export const TCP_PORTS_DECODED_BY_TCPDUMP: ReadonlySet<number> = new Set([
  23, 179, 1723, 6379, 10288, 6633, 6653, 53, 639, 323, 646, 2049,
]);

const HTTP_COMMANDS = new Set(['GET', 'PUT', 'COPY', 'HEAD', 'LOCK', 'MOVE', 'POLL', 'POST', 'BCOPY', 'BMOVE', 'MKCOL',
  'TRACE', 'LABEL', 'MERGE', 'DELETE', 'SEARCH', 'UNLOCK', 'REPORT', 'UPDATE', 'NOTIFY', 'BDELETE', 'CONNECT',
  'OPTIONS', 'CHECKIN', 'PROPFIND', 'CHECKOUT', 'CCM_POST', 'SUBSCRIBE', 'PROPPATCH', 'BPROPFIND', 'BPROPPATCH',
  'UNCHECKOUT', 'MKACTIVITY', 'MKWORKSPACE', 'UNSUBSCRIBE', 'RPC_CONNECT', 'VERSION-CONTROL', 'BASELINE-CONTROL']);
const RTSP_COMMANDS = new Set(['DESCRIBE', 'ANNOUNCE', 'GET_PARAMETER', 'OPTIONS', 'PAUSE', 'PLAY', 'RECORD',
  'REDIRECT', 'SETUP', 'SET_PARAMETER', 'TEARDOWN']);

/** The longest token tcpdump reads (its buffer of MAX_TOKEN + 1 bytes, less the terminating NUL). */
const MAX_TOKEN = 128;

const isPrint = (c: number): boolean => c >= 0x20 && c < 0x7f;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * The token at `start` (tcpdump's fetch_token): its text and the index after
 * it and the blanks that follow, or undefined where tcpdump returns 0.
 */
function fetchToken(d: Dissection, at: number, start: number, length: number): { token: string; next: number } | undefined {
  let token = '';
  let i = start;
  for (; i < length; i++) {
    if (!d.has(at + i, 1)) return undefined;
    const c = d.u8(at + i);
    if (c >= 0x80) return undefined;
    if (isSpace(c)) break;
    if (!isPrint(c) || token.length >= MAX_TOKEN) return undefined;
    token += String.fromCharCode(c);
  }
  if (token === '') return undefined;
  for (; i < length; i++) {
    if (!d.has(at + i, 1)) break;
    const c = d.u8(at + i);
    if (c === 0x0d || c === 0x0a || !isPrint(c) || !isSpace(c)) break;
  }
  return { token, next: i };
}

/**
 * The first line of the payload, after `prefix` (tcpdump's print_txt_line):
 * nothing if it holds binary, " [|proto]" after it if it does not end in
 * this segment.
 */
function printFirstLine(d: Dissection, prefix: string, at: number, length: number): void {
  let i = 0;
  for (; i < length; i++) {
    const c = d.u8(at + i);
    if (c === 0x0a) break;
    if (c === 0x0d) {
      if (i + 1 >= length || d.u8(at + i + 1) !== 0x0a) return;
      break;
    }
    if (!isPrint(c) && c !== 0x09) return;
  }
  d.print(prefix + asciiText(d.data, at, at + i));
  if (i === length) d.printTrunc();
}

/**
 * tcpdump's txtproto_print without -v: the protocol's name, then the first
 * line if it is a request (a command of `commands`, when given) or a
 * response (a 3-digit code as the second token).
 */
function printTextProtocol(d: Dissection, name: string, at: number, length: number, commands?: ReadonlySet<string>): void {
  d.protocol = name.toLowerCase();
  let printThis = commands === undefined;
  if (commands !== undefined) {
    const first = fetchToken(d, at, 0, length);
    if (first !== undefined) {
      if (commands.has(first.token.toUpperCase())) printThis = true;
      const second = fetchToken(d, at, first.next, length);
      if (second !== undefined && /^\d\d\d$/.test(second.token)) printThis = true;
    }
  }
  d.print(name);
  if (printThis) printFirstLine(d, ': ', at, length);
}

/** An SSH identification line, "SSH-...", if the payload starts with one (tcpdump's ssh_print). */
function printSsh(d: Dissection, at: number, length: number): void {
  d.protocol = 'ssh';
  for (let i = 0; i < 4; i++) {
    if (d.u8(at + i) !== 'SSH-'.charCodeAt(i)) return;
  }
  let i = 4;
  for (; i < length; i++) {
    const c = d.u8(at + i);
    if (c === 0x0a) break;
    if (c === 0x0d) {
      if (i + 1 >= length || d.u8(at + i + 1) !== 0x0a) return;
      break;
    }
    if (!isPrint(c)) return;
  }
  if (i >= length) return;
  d.print(`: SSH: ${asciiText(d.data, at, at + i)}`);
}

const either = (sport: number, dport: number, port: number): boolean => sport === port || dport === port;

/**
 * Prints what tcpdump prints after a TCP line's "length N" for the payload
 * at `at` on these ports, in tcpdump's order of precedence.
 */
export function printTcpPayload(d: Dissection, at: number, length: number, sport: number, dport: number): void {
  // A port whose decoder tcpdump checks first, and that is not written here, wins.
  // (tcpdump as distributions build it, without its SMB printers: 139 and 445 are not decoded.)
  const first = [23, 25, 43, 179, 1723, 6379, 22, 10288, 6633, 6653, 21, 80, 8080, 554, 8554]
    .find((port) => either(sport, dport, port));
  switch (first) {
    case 25:
      d.print(': ');
      printTextProtocol(d, 'SMTP', at, length);
      break;
    case 43:
      d.print(': ');
      printTextProtocol(d, 'WHOIS', at, length);
      break;
    case 22:
      printSsh(d, at, length);
      break;
    case 21:
      d.print(': ');
      printTextProtocol(d, 'FTP', at, length);
      break;
    case 80:
    case 8080:
      d.print(': ');
      printTextProtocol(d, 'HTTP', at, length, HTTP_COMMANDS);
      break;
    case 554:
    case 8554:
      d.print(': ');
      printTextProtocol(d, 'RTSP', at, length, RTSP_COMMANDS);
      break;
    default:
      break;
  }
}
