// What `bsd-socket sniff` does to a frame between the socket and the
// printer or the file, as libpcap does it on Linux: a Linux cooked header
// (LINUX_SLL, LINUX_SLL2) written in front of what a SOCK_DGRAM packet
// socket gives, from its sockaddr_ll; the VLAN tag the NIC (or veth) took
// off put back into an Ethernet frame; the original length and VLAN tag a
// recvmsg(2) reports in its PACKET_AUXDATA control message.
import { endianness } from 'node:os';

import { ETH_P_8021Q, LINKTYPE, PACKET_AUXDATA, SOL_PACKET, TP_STATUS_VLAN_VALID, type ReceivedAncillary } from '..';

/** The largest frame a capture hands out (tcpdump's MAXIMUM_SNAPLEN), and the -s 0 default. */
export const MAXIMUM_SNAPLEN = 262144;

/** A LINUX_SLL header: packet type, hardware type, address length, 8 address bytes, protocol. */
const SLL_HEADER_LENGTH = 16;
/**
 * A LINUX_SLL2 header: protocol, reserved, interface index, hardware type,
 * packet type, address length, 8 address bytes.
 */
const SLL2_HEADER_LENGTH = 20;
/** Both cooked headers hold at most 8 bytes of link-layer address (sll_addr's size). */
const SLL_ADDRESS_LENGTH = 8;
/** Where an 802.1Q tag goes in an Ethernet frame: after the two MAC addresses. */
const ETHERNET_VLAN_OFFSET = 12;
/** An 802.1Q tag: TPID, then TCI. */
const VLAN_TAG_LENGTH = 4;

/** The length of the cooked header of `linkType` (0 for a link type that has none). */
export function cookedHeaderLength(linkType: number): number {
  if (linkType === LINKTYPE.LINUX_SLL) return SLL_HEADER_LENGTH;
  if (linkType === LINKTYPE.LINUX_SLL2) return SLL2_HEADER_LENGTH;
  return 0;
}

/** What a packet socket's sockaddr_ll says about a received frame. */
export interface FrameOrigin {
  /** sll_ifindex. */
  ifindex: number;
  /** sll_protocol, host order. */
  protocol: number;
  /** sll_hatype. */
  hatype: number;
  /** sll_pkttype. */
  pkttype: number;
  /** sll_addr as 'aa:bb:…' (sll_halen bytes). */
  addr: string;
}

/** 'aa:bb:cc' as bytes into `out` at `at`, at most `room` of them; returns how many the text holds. */
function writeAddress(text: string, out: Uint8Array, at: number, room: number): number {
  if (text === '') return 0;
  const parts = text.split(':');
  for (let i = 0; i < parts.length && i < room; i++) out[at + i] = parseInt(parts[i], 16);
  return parts.length;
}

/**
 * Writes the cooked header of `linkType` (LINUX_SLL or LINUX_SLL2) for a
 * frame from `origin` at the start of `out`, as libpcap builds it (fields in
 * network byte order; the address cut to 8 bytes, its length as received);
 * returns the header's length.
 */
export function writeCookedHeader(linkType: number, origin: FrameOrigin, out: Uint8Array): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const length = cookedHeaderLength(linkType);
  out.fill(0, 0, length);
  if (linkType === LINKTYPE.LINUX_SLL) {
    view.setUint16(0, origin.pkttype);
    view.setUint16(2, origin.hatype);
    view.setUint16(4, writeAddress(origin.addr, out, 6, SLL_ADDRESS_LENGTH));
    view.setUint16(14, origin.protocol);
  } else {
    view.setUint16(0, origin.protocol);
    view.setUint32(4, origin.ifindex);
    view.setUint16(8, origin.hatype);
    view.setUint8(10, origin.pkttype);
    view.setUint8(11, Math.min(writeAddress(origin.addr, out, 12, SLL_ADDRESS_LENGTH), 0xff));
  }
  return length;
}

/** A VLAN tag the kernel took off a frame: its TCI and TPID (the TPID is ETH_P_8021Q when not given). */
export interface VlanTag {
  tci: number;
  tpid: number;
}

/**
 * Copies Ethernet frame `frame` into `out` with `tag` put back after its MAC
 * addresses, as libpcap does for a tag the driver stripped; returns the
 * length written, cut to `snaplen`. A frame too short to hold the addresses
 * is copied as it is.
 */
export function insertVlanTag(frame: Uint8Array, tag: VlanTag, out: Uint8Array, snaplen: number): number {
  if (frame.length < ETHERNET_VLAN_OFFSET) {
    out.set(frame);
    return frame.length;
  }
  out.set(frame.subarray(0, ETHERNET_VLAN_OFFSET));
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint16(ETHERNET_VLAN_OFFSET, tag.tpid);
  view.setUint16(ETHERNET_VLAN_OFFSET + 2, tag.tci);
  out.set(frame.subarray(ETHERNET_VLAN_OFFSET), ETHERNET_VLAN_OFFSET + VLAN_TAG_LENGTH);
  return Math.min(frame.length + VLAN_TAG_LENGTH, snaplen);
}

/** The room {@link insertVlanTag} needs beyond the frame. */
export const VLAN_ROOM = VLAN_TAG_LENGTH;

/** What a PACKET_AUXDATA control message reports: the frame's length on the wire, and its stripped VLAN tag. */
export interface AuxiliaryData {
  /** tp_len: the frame's length before any cut (the filter's, or the buffer's). */
  length: number;
  /** The VLAN tag the kernel took off, or null. */
  vlan: VlanTag | null;
}

// struct tpacket_auxdata (<linux/if_packet.h>), in host byte order:
// tp_status u32, tp_len u32, tp_snaplen u32, tp_mac u16, tp_net u16,
// tp_vlan_tci u16, tp_vlan_tpid u16.
const AUXDATA_LENGTH = 20;
const LITTLE_ENDIAN = endianness() === 'LE';

/** The PACKET_AUXDATA message among `ancillary` (setsockopt PACKET_AUXDATA asks for it), decoded; null if absent. */
export function auxiliaryData(ancillary: readonly ReceivedAncillary[]): AuxiliaryData | null {
  for (const item of ancillary) {
    if (item.kind !== 'raw' || item.level !== SOL_PACKET || item.type !== PACKET_AUXDATA) continue;
    if (item.data.length < AUXDATA_LENGTH) return null;
    const view = new DataView(item.data.buffer, item.data.byteOffset, item.data.length);
    const status = view.getUint32(0, LITTLE_ENDIAN);
    const tci = view.getUint16(16, LITTLE_ENDIAN);
    const tpid = view.getUint16(18, LITTLE_ENDIAN);
    // Kernels before TP_STATUS_VLAN_VALID marked a tag by a non-zero TCI alone, as libpcap allows for.
    const tagged = (status & TP_STATUS_VLAN_VALID) !== 0 || tci !== 0;
    const vlan = tagged ? { tci, tpid: tpid === 0 ? ETH_P_8021Q : tpid } : null;
    return { length: view.getUint32(4, LITTLE_ENDIAN), vlan };
  }
  return null;
}
