// The two ancillary loads that search netlink attributes (SKF_AD_NLATTR and
// SKF_AD_NLATTR_NEST), as the kernel's bpf_skb_get_nlattr{,_nest} helpers and
// nla_find() do it: a walk of struct nlattr { u16 nla_len; u16 nla_type; }
// headers, each padded to 4 bytes, in host byte order (netlink's), that
// stops at the first attribute whose length does not fit what remains.
import { endianness } from 'node:os';

const NLA_HEADER = 4;
/** nla_type's flag bits (NLA_F_NESTED, NLA_F_NET_BYTEORDER) are not part of the type. */
const NLA_TYPE_MASK = 0x3fff;
const LITTLE_ENDIAN = endianness() === 'LE';

function hostU16(bytes: Uint8Array, at: number): number {
  return LITTLE_ENDIAN ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
}

/** nla_find over [start, start + length): the offset of the first attribute of `type`, or 0. */
function find(bytes: Uint8Array, start: number, length: number, type: number): number {
  let at = start;
  let remaining = length;
  while (remaining >= NLA_HEADER) {
    const attributeLength = hostU16(bytes, at);
    if (attributeLength < NLA_HEADER || attributeLength > remaining) break;
    if ((hostU16(bytes, at + 2) & NLA_TYPE_MASK) === type) return at;
    const padded = (attributeLength + 3) & ~3;
    at += padded;
    remaining -= padded;
  }
  return 0;
}

/**
 * SKF_AD_NLATTR: the offset of the first attribute of type `type` among those
 * that start at `offset`, or 0.
 */
export function findNetlinkAttribute(bytes: Uint8Array, size: number, offset: number, type: number): number {
  if (size < NLA_HEADER || offset > size - NLA_HEADER) return 0;
  return find(bytes, offset, size - offset, type);
}

/**
 * SKF_AD_NLATTR_NEST: the offset of the first attribute of type `type`
 * inside the attribute at `offset`, or 0.
 */
export function findNestedNetlinkAttribute(bytes: Uint8Array, size: number, offset: number, type: number): number {
  if (size < NLA_HEADER || offset > size - NLA_HEADER) return 0;
  const outerLength = hostU16(bytes, offset);
  if (outerLength > size - offset) return 0;
  return find(bytes, offset + NLA_HEADER, outerLength - NLA_HEADER, type);
}
