// IP addresses between text and bytes, and byte order, for building packets.
import { binding } from './binding';
import { checkInt, describe, toView } from './validate';

/** inet_pton(3): AF_INET or AF_INET6 text to 4 or 16 bytes. TypeError for text that does not parse. */
export function inet_pton(family: number, text: string): Buffer {
  checkInt(family, 'family', 0, 0xffff);
  if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${describe(text)}`);
  const r = binding.inet_pton(family, text);
  if (typeof r === 'number') {
    throw new TypeError(`inet_pton: ${JSON.stringify(text)} is not an address of family ${family}`);
  }
  return r;
}

/** inet_ntop(3): 4 (AF_INET) or 16 (AF_INET6) bytes to text. */
export function inet_ntop(family: number, bytes: ArrayBufferView | ArrayBuffer): string {
  checkInt(family, 'family', 0, 0xffff);
  const view = toView(bytes, 'bytes');
  const r = binding.inet_ntop(family, view, 0, view.byteLength);
  if (typeof r === 'number') {
    throw new RangeError(`inet_ntop: ${view.byteLength} bytes are not an address of family ${family}`);
  }
  return r;
}

/** htons(3): a 16-bit value from host to network byte order. */
export function htons(value: number): number {
  checkInt(value, 'value', 0, 0xffff);
  return ((value & 0xff) << 8) | (value >> 8);
}

/** ntohs(3): a 16-bit value from network to host byte order. */
export const ntohs = htons;

/** htonl(3): a 32-bit value from host to network byte order. */
export function htonl(value: number): number {
  checkInt(value, 'value', 0, 0xffffffff);
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

/** ntohl(3): a 32-bit value from network to host byte order. */
export const ntohl = htonl;
