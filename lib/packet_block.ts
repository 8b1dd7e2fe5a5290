// PacketBlock: what a packet ring's callback gets, once per retired block.
// One object per ring, reused for every block: its frames are read through
// accessors that take the frame's number, from the frame index the addon
// writes (native/core/packet_ring.h IndexBlock) and from `bytes`, one view
// over the whole mapped ring. Reading a frame allocates nothing, except
// frame(i), which makes one view.
import { binding } from './binding';
import { TP_STATUS_BLK_TMO } from './constants';
import { describe } from './validate';

const LAYOUT = binding.ringLayout;
const HEADER_WORDS = LAYOUT.HEADER_WORDS;
const FRAME_WORDS = LAYOUT.FRAME_WORDS;
const ABSENT = LAYOUT.FIELD_ABSENT;

/** Lends the block to the callback (its frame count) and takes it back (0). Not exported by the package. */
export const LEND = Symbol('lend');

/**
 * One retired block of a {@link PacketRing}: the frames the kernel put in it,
 * read in place in the ring, with no copy. It is what `onBlock` gets, and is
 * valid only while `onBlock` runs: the block then goes back to the kernel,
 * which writes new frames over it, and `count` reads 0. The same object
 * comes back for every block.
 *
 * Frame i (0 ≤ i < count) is `bytes[offset(i) .. offset(i) + length(i))`:
 * from its link-layer header on a SOCK_RAW ring, from its network header on
 * a SOCK_DGRAM one. An index out of range is a RangeError.
 */
export class PacketBlock {
  /**
   * The whole ring's memory (mmap(2)), which every frame's offset points
   * into. Once the ring ends it is detached: a view kept past then reads as
   * empty (byteLength 0).
   */
  readonly bytes: Uint8Array;
  /** A DataView over {@link PacketBlock.bytes}, for multi-byte fields (network order is its default). */
  readonly view: DataView;
  readonly #index: Uint32Array;
  #count = 0;

  /** @internal Made by the packet ring over the ring's memory and its frame index. */
  constructor(ring: ArrayBuffer, index: ArrayBuffer) {
    this.bytes = new Uint8Array(ring);
    this.view = new DataView(ring);
    this.#index = new Uint32Array(index);
  }

  /** How many frames the block holds (tpacket_hdr_v1.num_pkts); 0 outside the callback. */
  get count(): number {
    return this.#count;
  }

  /** The kernel's sequence number of the block (tpacket_hdr_v1.seq_num), one more for each block it opens. */
  get sequence(): number {
    return this.#index[LAYOUT.SEQ_HIGH] * 2 ** 32 + this.#index[LAYOUT.SEQ_LOW];
  }

  /** The block's status bits: TP_STATUS_USER, and TP_STATUS_BLK_TMO if it was retired by its timeout. */
  get blockStatus(): number {
    return this.#index[LAYOUT.BLOCK_STATUS];
  }

  /** Whether the block timeout retired it before it was full (TP_STATUS_BLK_TMO). */
  get timedOut(): boolean {
    return (this.#index[LAYOUT.BLOCK_STATUS] & TP_STATUS_BLK_TMO) !== 0;
  }

  /** Where frame i's bytes start in {@link PacketBlock.bytes} (tp_mac). */
  offset(i: number): number {
    return this.#field(i, LAYOUT.MAC);
  }

  /** How many bytes of frame i were captured (tp_snaplen). */
  length(i: number): number {
    return this.#field(i, LAYOUT.SNAPLEN);
  }

  /** Frame i's length on the wire (tp_len); more than `length(i)` if it was cut short. */
  originalLength(i: number): number {
    return this.#field(i, LAYOUT.LEN);
  }

  /** Where frame i's network header starts in {@link PacketBlock.bytes} (tp_net). */
  networkOffset(i: number): number {
    return this.#field(i, LAYOUT.NET);
  }

  /** Frame i's timestamp, whole seconds since the epoch (tp_sec). */
  seconds(i: number): number {
    return this.#field(i, LAYOUT.SEC);
  }

  /** Frame i's timestamp, the nanoseconds past `seconds(i)` (tp_nsec). */
  nanoseconds(i: number): number {
    return this.#field(i, LAYOUT.NSEC);
  }

  /** Frame i's status bits (tp_status): TP_STATUS_COPY, TP_STATUS_LOSING, TP_STATUS_VLAN_VALID, TP_STATUS_CSUMNOTREADY, … */
  status(i: number): number {
    return this.#field(i, LAYOUT.STATUS);
  }

  /** The index of the interface frame i came in on (sockaddr_ll.sll_ifindex). */
  ifindex(i: number): number {
    return this.#field(i, LAYOUT.IFINDEX);
  }

  /** Frame i's EtherType, in host order (sockaddr_ll.sll_protocol), such as ETH_P_IP. */
  protocol(i: number): number {
    return this.#field(i, LAYOUT.PROTOCOL);
  }

  /** Who frame i was for (sockaddr_ll.sll_pkttype): PACKET_HOST, PACKET_BROADCAST, PACKET_OUTGOING, … */
  packetType(i: number): number {
    return this.#field(i, LAYOUT.PKTTYPE);
  }

  /** The ARP hardware type of frame i's interface (sockaddr_ll.sll_hatype), such as ARPHRD_ETHER. */
  hardwareType(i: number): number {
    return this.#field(i, LAYOUT.HATYPE);
  }

  /** The VLAN tag control information the NIC stripped from frame i (tp_vlan_tci), or -1 if it had no tag. */
  vlanTci(i: number): number {
    const tci = this.#field(i, LAYOUT.VLAN_TCI);
    return tci === ABSENT ? -1 : tci;
  }

  /** The stripped VLAN tag's protocol (tp_vlan_tpid), such as ETH_P_8021Q, or -1 if the kernel gave none. */
  vlanTpid(i: number): number {
    const tpid = this.#field(i, LAYOUT.VLAN_TPID);
    return tpid === ABSENT ? -1 : tpid;
  }

  /** Frame i's flow hash (tp_rxhash), with the ring's `fillRxhash`; 0 otherwise. */
  rxhash(i: number): number {
    return this.#field(i, LAYOUT.RXHASH);
  }

  /**
   * Frame i's captured bytes as a view of the ring (a new Uint8Array; no
   * copy). Valid only while the callback runs: copy what must outlive it.
   */
  frame(i: number): Uint8Array {
    const start = this.#field(i, LAYOUT.MAC);
    return this.bytes.subarray(start, start + this.#field(i, LAYOUT.SNAPLEN));
  }

  /** @internal The block is lent to the callback with its frame count, and taken back with 0. */
  [LEND](count: number): void {
    this.#count = count;
  }

  #field(i: number, field: number): number {
    if ((i >>> 0) !== i || i >= this.#count) badFrame(i, this.#count);
    return this.#index[HEADER_WORDS + i * FRAME_WORDS + field];
  }
}

function badFrame(i: unknown, count: number): never {
  if (typeof i !== 'number') throw new TypeError(`the frame must be a number, got ${describe(i)}`);
  throw new RangeError(count === 0 ? 'the block is not lent: its frames are readable only while the callback runs'
    : `the frame must be an integer from 0 to ${count - 1}, got ${i}`);
}
