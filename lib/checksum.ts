// The Internet checksum (RFC 1071), for building IP, ICMP, UDP and TCP
// headers: the ones' complement of the ones' complement sum of 16-bit words.
import { toView } from './validate';

/**
 * The RFC 1071 checksum of the concatenated `parts` (an odd final byte is
 * padded with zero). Write it big-endian into a header whose checksum field
 * was zero; a packet with its checksum in place sums to 0.
 */
export function internetChecksum(...parts: Array<ArrayBufferView | ArrayBuffer>): number {
  let sum = 0;
  let odd = -1; // a byte left over from the previous part
  for (const part of parts) {
    const view = toView(part, 'part');
    // A Buffer is read as it is: no view made per call in a per-packet loop.
    const bytes = view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    let i = 0;
    if (odd >= 0 && bytes.length > 0) {
      sum += (odd << 8) | bytes[0];
      odd = -1;
      i = 1;
    }
    for (; i + 1 < bytes.length; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
    if (i < bytes.length) odd = bytes[i];
    // Fold now and then so the sum stays an exact integer.
    if (sum > 0x7fffffff) sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (odd >= 0) sum += odd << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
