// Addresses as tcpdump -n prints them. Written in TS rather than through the
// addon's inet_ntop: a printer calls these several times per packet, and a
// native call each time would cost more than the formatting.

// Every byte's two hex digits, made once: dumps look one up per byte.
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Two lowercase hex digits (printf's %02x). */
export function hex2(byte: number): string {
  return HEX_BYTES[byte & 0xff];
}

/** Four lowercase hex digits (printf's %04x). */
export function hex4(value: number): string {
  return hex2((value >> 8) & 0xff) + hex2(value & 0xff);
}

/** Dotted decimal of the 4 bytes at `at`. */
export function formatIPv4(data: Uint8Array, at: number): string {
  return `${data[at]}.${data[at + 1]}.${data[at + 2]}.${data[at + 3]}`;
}

/**
 * The 16 bytes at `at` in RFC 5952 form, as tcpdump's addrtostr6 writes it:
 * the longest run of two or more zero groups (the first of equal runs)
 * becomes "::", and an address whose first 96 bits are zero, or 80 zero bits
 * then ffff, ends in dotted decimal.
 */
export function formatIPv6(data: Uint8Array, at: number): string {
  let bestBase = -1;
  let bestLength = 0;
  let base = -1;
  for (let i = 0; i <= 8; i++) {
    const zero = i < 8 && data[at + 2 * i] === 0 && data[at + 2 * i + 1] === 0;
    if (zero) {
      if (base === -1) base = i;
    } else if (base !== -1) {
      if (i - base > bestLength) {
        bestBase = base;
        bestLength = i - base;
      }
      base = -1;
    }
  }
  if (bestLength < 2) bestBase = -1;
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLength) {
      if (i === bestBase) text += ':';
      continue;
    }
    if (i !== 0) text += ':';
    if (i === 6 && bestBase === 0
      && (bestLength === 6 || (bestLength === 5 && data[at + 10] === 0xff && data[at + 11] === 0xff))) {
      return text + formatIPv4(data, at + 12);
    }
    text += ((data[at + 2 * i] << 8) | data[at + 2 * i + 1]).toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLength === 8) text += ':';
  return text;
}

/** The 6 bytes at `at` as xx:xx:xx:xx:xx:xx. */
export function formatMac(data: Uint8Array, at: number): string {
  return `${hex2(data[at])}:${hex2(data[at + 1])}:${hex2(data[at + 2])}:${hex2(data[at + 3])}:${
    hex2(data[at + 4])}:${hex2(data[at + 5])}`;
}

/**
 * A link-layer address of any length (tcpdump's linkaddr_string for
 * Ethernet-like types): bytes in hex joined by ':', "<empty>" when there are none.
 */
export function formatLinkAddress(data: Uint8Array, at: number, length: number): string {
  if (length === 0) return '<empty>';
  if (length === 6) return formatMac(data, at);
  let text = hex2(data[at]);
  for (let i = 1; i < length; i++) text += `:${hex2(data[at + i])}`;
  return text;
}

/**
 * A byte as tcpdump's fn_print_char shows it: "M-" before a byte with the
 * high bit set (then its low 7 bits), "^" before a control character (then
 * the character 0x40 above it, DEL as "?").
 */
export function printableChar(byte: number): string {
  let prefix = '';
  let c = byte;
  if (c > 0x7f) {
    c &= 0x7f;
    prefix = 'M-';
  }
  if (c < 0x20 || c === 0x7f) {
    c ^= 0x40;
    prefix += '^';
  }
  return prefix + String.fromCharCode(c);
}

/** The bytes from `start` to `end` as characters, one per byte (text the caller checked is printable). */
export function asciiText(data: Uint8Array, start: number, end: number): string {
  let text = '';
  // In slices: an argument list as long as a jumbogram would overflow the stack.
  for (let at = start; at < end; at += 4096) {
    text += String.fromCharCode.apply(null, Array.from(data.subarray(at, Math.min(end, at + 4096))));
  }
  return text;
}
