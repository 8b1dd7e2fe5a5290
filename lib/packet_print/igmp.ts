// IGMP (RFC 1112, 2236, 3376), as tcpdump 4.99's igmp_print prints it
// without -v.

import { type Dissection } from './dissection';
import { printDvmrp, printPimV1, relativeTime } from './igmp_routing';

/** IP protocol number of IGMP. */
export const IPPROTO_IGMP = 2;

function printV3Query(d: Dissection, at: number, length: number): void {
  d.print(' v3');
  if (length < 12 || (length & 3) !== 0) {
    d.print(` [invalid len ${length}]`);
    return;
  }
  const code = d.u8(at + 1);
  // RFC 3376 4.1.1: codes from 128 on are a floating-point number.
  const tenths = code < 128 ? code : ((code & 0x0f) | 0x10) << (((code & 0x70) >> 4) + 3);
  if (code !== 100) {
    d.print(' [max resp time ');
    d.print(tenths < 600 ? `${(tenths * 0.1).toFixed(1)}s` : relativeTime(Math.floor(tenths / 10)));
    d.print(']');
  }
  if (d.be32(at + 4) === 0) return;
  d.print(` [gaddr ${d.ipv4(at + 4)}`);
  const sources = d.be16(at + 10);
  if (sources > 0) {
    if (length < 12 + (sources << 2)) d.print(' [invalid number of sources]');
    else d.print(`, ${sources} source(s)`);
  }
  d.print(']');
}

function printMtrace(d: Dissection, name: string, at: number, length: number): void {
  // The query follows the 8-byte IGMP header: source, destination, response
  // address, response TTL, then a 3-byte query id.
  if (length < 8 + 16) {
    d.print(` [invalid len ${length}]`);
    return;
  }
  const query = at + 8;
  d.print(`${name} ${d.be24(query + 13)}: ${d.ipv4(query)} to ${d.ipv4(query + 4)} reply-to ${d.ipv4(query + 8)}`);
  // A multicast (class D) response address has a TTL.
  if (((d.be32(query + 8) & 0xf0000000) >>> 0) === 0xe0000000) d.print(` with-ttl ${d.u8(query + 12)}`);
}

/** Prints the IGMP message at `at`, `length` bytes long (tcpdump's igmp_print). */
export function printIgmp(d: Dissection, at: number, length: number): void {
  d.protocol = 'igmp';
  const type = d.u8(at);
  switch (type) {
    case 0x11:
      d.print('igmp query');
      if (length >= 12) {
        printV3Query(d, at, length);
      } else {
        const maxResponse = d.u8(at + 1);
        if (maxResponse) {
          d.print(' v2');
          if (maxResponse !== 100) d.print(` [max resp time ${maxResponse}]`);
        } else {
          d.print(' v1');
        }
        if (d.be32(at + 4)) d.print(` [gaddr ${d.ipv4(at + 4)}]`);
        if (length !== 8) d.print(` [len ${length}]`);
      }
      break;
    case 0x12:
      d.print(`igmp v1 report ${d.ipv4(at + 4)}`);
      if (length !== 8) d.print(` [len ${length}]`);
      break;
    case 0x16:
      d.print(`igmp v2 report ${d.ipv4(at + 4)}`);
      break;
    case 0x22:
      d.print('igmp v3 report');
      if (length < 16 || (length & 3) !== 0) d.print(` [invalid len ${length}]`);
      else d.print(`, ${d.be16(at + 6)} group record(s)`);
      break;
    case 0x17:
      d.print(`igmp leave ${d.ipv4(at + 4)}`);
      break;
    case 0x13:
      d.print('igmp dvmrp');
      if (length < 8) d.print(` [len ${length}]`);
      else printDvmrp(d, at, length);
      break;
    case 0x14:
      d.print('igmp pimv1');
      printPimV1(d, at);
      break;
    case 0x1e:
      printMtrace(d, 'mresp', at, length);
      break;
    case 0x1f:
      printMtrace(d, 'mtrace', at, length);
      break;
    default:
      d.print(`igmp-${type}`);
      break;
  }
}
