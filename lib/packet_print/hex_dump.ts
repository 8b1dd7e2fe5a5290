// Hex dumps as tcpdump prints them: -x (hex_print), and the hex and ASCII dump
// it prints for payloads it cannot decode (hex_and_ascii_print). Both start
// each line of 16 bytes with `indent` and the offset, "\n\t0x0010:", and
// group the bytes in pairs.

import { hex2 } from './address_format';
import { type Dissection, TRUNCATED } from './dissection';

/** The hex digits of `length` bytes from `at`: " xxxx" per pair, " xx" for an odd last byte. */
function hexGroups(data: Uint8Array, at: number, length: number): string {
  let text = '';
  let i = 0;
  for (; i + 1 < length; i += 2) text += ` ${hex2(data[at + i])}${hex2(data[at + i + 1])}`;
  if (i < length) text += ` ${hex2(data[at + i])}`;
  return text;
}

/** The offset column, printf's 0x%04x. */
function offsetText(offset: number): string {
  const digits = offset.toString(16);
  return `0x${digits.length < 4 ? '0000'.slice(digits.length) + digits : digits}`;
}

/**
 * tcpdump -x: `length` bytes of `data` from `at` in hex. (tcpdump's
 * hex_print; no captured-length check, the caller passes what it has.)
 */
export function hexLines(data: Uint8Array, at: number, length: number, indent = '\n\t'): string {
  let text = '';
  for (let offset = 0; offset < length; offset += 16) {
    text += `${indent}${offsetText(offset)}: ${hexGroups(data, at + offset, Math.min(16, length - offset))}`;
  }
  return text;
}

/** Whether tcpdump's ND_ASCII_ISGRAPH holds: a printable character other than space. */
function isGraph(byte: number): boolean {
  return byte > 0x20 && byte < 0x7f;
}

/**
 * tcpdump -X and the dump of undecoded payloads: hex, padded to 40 columns,
 * two spaces, then the bytes as ASCII ('.' for the unprintable).
 */
export function hexAsciiLines(data: Uint8Array, at: number, length: number, indent = '\n\t'): string {
  let text = '';
  for (let offset = 0; offset < length; offset += 16) {
    const count = Math.min(16, length - offset);
    const hex = hexGroups(data, at + offset, count);
    let ascii = '';
    for (let i = 0; i < count; i++) {
      const byte = data[at + offset + i];
      ascii += isGraph(byte) ? String.fromCharCode(byte) : '.';
    }
    text += `${indent}${offsetText(offset)}: ${hex.padEnd(40)}  ${ascii}`;
  }
  return text;
}

/**
 * The hex and ASCII dump of a payload no printer decodes (tcpdump's
 * ND_DEFAULTPRINT): `length` bytes from `at`, as many as were captured; a
 * dump cut short by the capture stops the frame's printing, as tcpdump's does.
 */
export function defaultPrint(d: Dissection, at: number, length: number): void {
  const available = d.snapend > at ? d.snapend - at : 0;
  d.print(hexAsciiLines(d.data, at, Math.min(length, available)));
  if (length > available) throw TRUNCATED;
}

/**
 * {@link defaultPrint}, unless -x (or -xx) is on: the link layers dump an
 * unknown payload only when tcpdump's -x will not dump the frame anyway.
 * (ARP and LLC call tcpdump's dump without that check, and so print it twice with -x.)
 */
export function defaultPrintUnlessHex(d: Dissection, at: number, length: number): void {
  if (!d.suppressDefaultPrint) defaultPrint(d, at, length);
}

/**
 * tcpdump's print_unknown_data: hex (not ASCII) of up to `length` bytes from
 * `at`, as many as were captured, whatever -x says.
 */
export function printUnknownData(d: Dissection, at: number, length: number, indent = '\n\t'): void {
  if (at > d.snapend) {
    d.print(`${indent}Dissector error: print_unknown_data called with pointer past end of packet`);
    return;
  }
  d.print(hexLines(d.data, at, Math.min(length, d.snapend - at), indent));
}
