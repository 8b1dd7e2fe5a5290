// The classic BPF interpreter: what the kernel's filter returns for a packet,
// computed in JS. The kernel translates a classic program to eBPF
// (bpf_convert_filter in net/core/filter.c) and runs that; the semantics
// below are that translation's:
//   - A and X are unsigned 32-bit, both 0 at the start; arithmetic wraps;
//     division and modulo are unsigned, and by X = 0 the program returns 0;
//     a shift by X shifts by X & 31 (as the eBPF interpreter and x86 do);
//   - a packet load outside the packet makes the program return 0 (drop);
//     offsets are int32 (X + k wraps), and a negative one reads relative to a
//     header: SKF_NET_OFF + n the network header, SKF_LL_OFF + n the
//     link-layer header, anything else fails;
//   - LDX MSH is X = 4 × (P[k] & 0xf), loaded as LD B ABS loads;
//   - BPF_LEN is the packet's length;
//   - an ancillary load (LD ABS at SKF_AD_OFF + n, any size) reads the value
//     the caller gives in the options (RunFilterOptions says which).
// The registers live in locals as int32 (the representation V8 keeps
// unboxed) and become unsigned where it matters: comparisons, division, the
// result. Nothing is allocated per instruction or per packet.
import {
  BPF_MEMWORDS, SKF_AD_ALU_XOR_X, SKF_AD_CPU, SKF_AD_HATYPE, SKF_AD_IFINDEX, SKF_AD_MARK, SKF_AD_NLATTR,
  SKF_AD_NLATTR_NEST, SKF_AD_PAY_OFFSET, SKF_AD_PKTTYPE, SKF_AD_PROTOCOL, SKF_AD_QUEUE, SKF_AD_RANDOM, SKF_AD_RXHASH,
  SKF_AD_VLAN_TAG, SKF_AD_VLAN_TAG_PRESENT, SKF_AD_VLAN_TPID, SKF_LL_OFF, SKF_NET_OFF,
} from '../constants';
import { checkInt, describe } from '../validate';
import { checkFilter } from './checker';
import { CheckedProgram, Layout, OP } from './checked_program';
import { findNetlinkAttribute, findNestedNetlinkAttribute } from './netlink_attribute';
import type { BpfProgram } from './program';

/**
 * What the kernel knows about a packet beyond its bytes, for
 * {@link runFilter}: its length, where its headers start, and the values of
 * the ancillary loads (`LD [SKF_AD_OFF + SKF_AD_*]`). A value not given reads
 * as 0 (except `packetLength` and `random`). Values are unsigned integers in
 * the range of the kernel's field.
 */
export interface RunFilterOptions {
  /** The packet's length (`skb->len`, what BPF_LEN loads): by default the frame's. For a capture cut at a snap length, its original length; loads past the frame still fail. */
  packetLength?: number;
  /** Where the link-layer header starts in the frame, for `SKF_LL_OFF + n` loads: 0 by default (a packet socket's SOCK_RAW frame). */
  linkHeaderOffset?: number;
  /** Where the network header starts in the frame, for `SKF_NET_OFF + n` loads: 0 by default (a SOCK_DGRAM packet or raw IP socket); 14 for an Ethernet frame. */
  networkHeaderOffset?: number;
  /** SKF_AD_PROTOCOL: the frame's protocol, an EtherType in host order (`skb->protocol`, `sll_protocol`). 16 bits. */
  protocol?: number;
  /** SKF_AD_PKTTYPE: the packet type, `PACKET_HOST` (0), `PACKET_OUTGOING`, … (`sll_pkttype`). 3 bits. */
  packetType?: number;
  /** SKF_AD_IFINDEX: the index of the interface. */
  ifindex?: number;
  /** SKF_AD_HATYPE: the interface's hardware type, `ARPHRD_*` (`sll_hatype`). 16 bits. */
  hardwareType?: number;
  /** SKF_AD_MARK: the packet's mark (`skb->mark`). */
  mark?: number;
  /** SKF_AD_QUEUE: the receive queue (`skb->queue_mapping`). 16 bits. */
  queue?: number;
  /** SKF_AD_RXHASH: the flow hash (`skb->hash`). */
  hash?: number;
  /** SKF_AD_VLAN_TAG: the VLAN TCI the NIC stripped (`skb->vlan_tci`). 16 bits. */
  vlanTag?: number;
  /** SKF_AD_VLAN_TAG_PRESENT: 1 if the NIC stripped a VLAN tag. */
  vlanTagPresent?: number;
  /** SKF_AD_VLAN_TPID: the stripped tag's protocol, 0x8100 or 0x88a8 (`skb->vlan_proto`, host order). 16 bits. */
  vlanProtocol?: number;
  /** SKF_AD_PAY_OFFSET: the payload's offset, which the kernel's flow dissector computes; not computed here. */
  payloadOffset?: number;
  /** SKF_AD_CPU: the CPU the filter runs on. */
  cpu?: number;
  /** SKF_AD_RANDOM: the "random" number; by default a fresh one per load, as the kernel's. */
  random?: number;
}

/** The scratch memory M[]: shared by every run (runs are synchronous); the checker guarantees no word is read before the run wrote it. */
const scratch = new Int32Array(BPF_MEMWORDS);

// Where the current run's headers are, for negative offsets (set per run).
let linkBase = 0;
let networkBase = 0;

/**
 * Runs a classic BPF program over one packet as the kernel's socket filter
 * does (SO_ATTACH_FILTER, socket(7); the filter(2) semantics of
 * net/core/filter.c), and returns what it returns: the number of bytes of the
 * packet to keep (the kernel truncates the packet to it, if smaller), 0 to
 * drop it. The result is the program's unsigned 32-bit return value as it is
 * (`ret #-1` gives 4294967295).
 *
 * Pass a program that {@link checkFilter} returned to skip the check on every
 * call; any other program is checked first, each time. The ancillary loads
 * SKF_AD_PROTOCOL, PKTTYPE, IFINDEX, HATYPE, MARK, QUEUE, RXHASH, VLAN_TAG,
 * VLAN_TAG_PRESENT, VLAN_TPID, PAY_OFFSET, CPU and RANDOM read
 * {@link RunFilterOptions}; SKF_AD_NLATTR and NLATTR_NEST search the frame's
 * netlink attributes (host byte order) as the kernel does; SKF_AD_ALU_XOR_X
 * computes A ^ X. A load past the frame drops the packet even when
 * `packetLength` says the packet was longer (as libpcap's bpf_filter does
 * with a snap length), and `SKF_LL_OFF`/`SKF_NET_OFF` loads cannot read the
 * headroom before the frame that the kernel could reach.
 *
 * @param program - The instructions, or a program {@link checkFilter} returned.
 * @param frame - The packet as the socket's filter sees it: from the link-layer header on a packet
 *   socket of type SOCK_RAW, from the network header on SOCK_DGRAM, from the UDP header on a UDP socket.
 * @param options - The packet's length, header offsets and ancillary values.
 * @returns The bytes to accept (0: drop).
 * @throws {@link BpfProgramError} when the program is invalid (as {@link checkFilter});
 *   TypeError or RangeError for a frame that is not a Uint8Array or an option out of range.
 */
export function runFilter(program: BpfProgram | CheckedProgram, frame: Uint8Array, options?: RunFilterOptions): number {
  const code = (program instanceof CheckedProgram ? program : checkFilter(program)).decoded;
  const bytes = frame instanceof Uint8Array ? frame : asBytes(frame);
  let size = bytes.length;
  let length = size;
  linkBase = 0;
  networkBase = 0;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`options must be an object, got ${describe(options)}`);
    }
    if (options.packetLength !== undefined) {
      length = checkInt(options.packetLength, 'options.packetLength', 0, 0xffffffff);
      if (length < size) size = length;
    }
    if (options.linkHeaderOffset !== undefined) linkBase = checkInt(options.linkHeaderOffset, 'options.linkHeaderOffset', 0, size);
    if (options.networkHeaderOffset !== undefined) {
      networkBase = checkInt(options.networkHeaderOffset, 'options.networkHeaderOffset', 0, size);
    }
  }
  let A = 0;
  let X = 0;
  let pc = 0;
  for (;;) {
    const at = pc * Layout.STRIDE;
    const k = code[at + 3];
    pc++;
    switch (code[at]) {
      case OP.LD_W_ABS: case OP.LD_W_IND: {
        let i = code[at] === OP.LD_W_ABS ? k : (X + k) | 0;
        if (i < 0 || i > size - 4) {
          i = headerIndex(i, 4, size);
          if (i < 0) return 0;
        }
        A = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
        break;
      }
      case OP.LD_H_ABS: case OP.LD_H_IND: {
        let i = code[at] === OP.LD_H_ABS ? k : (X + k) | 0;
        if (i < 0 || i > size - 2) {
          i = headerIndex(i, 2, size);
          if (i < 0) return 0;
        }
        A = (bytes[i] << 8) | bytes[i + 1];
        break;
      }
      case OP.LD_B_ABS: case OP.LD_B_IND: case OP.LDX_MSH: {
        let i = code[at] === OP.LD_B_IND ? (X + k) | 0 : k;
        if (i < 0 || i >= size) {
          i = headerIndex(i, 1, size);
          if (i < 0) return 0;
        }
        if (code[at] === OP.LDX_MSH) X = (bytes[i] & 0xf) << 2;
        else A = bytes[i];
        break;
      }
      case OP.LD_LEN: A = length | 0; break;
      case OP.LD_IMM: A = k; break;
      case OP.LD_MEM: A = scratch[k]; break;
      case OP.LDX_LEN: X = length | 0; break;
      case OP.LDX_IMM: X = k; break;
      case OP.LDX_MEM: X = scratch[k]; break;
      case OP.ST: scratch[k] = A; break;
      case OP.STX: scratch[k] = X; break;
      case OP.TAX: X = A; break;
      case OP.TXA: A = X; break;
      case OP.RET_K: return k >>> 0;
      case OP.RET_A: return A >>> 0;
      case OP.JA: pc = code[at + 1]; break;
      case OP.JEQ_K: pc = A === k ? code[at + 1] : code[at + 2]; break;
      case OP.JEQ_X: pc = A === X ? code[at + 1] : code[at + 2]; break;
      case OP.JGT_K: pc = (A >>> 0) > (k >>> 0) ? code[at + 1] : code[at + 2]; break;
      case OP.JGT_X: pc = (A >>> 0) > (X >>> 0) ? code[at + 1] : code[at + 2]; break;
      case OP.JGE_K: pc = (A >>> 0) >= (k >>> 0) ? code[at + 1] : code[at + 2]; break;
      case OP.JGE_X: pc = (A >>> 0) >= (X >>> 0) ? code[at + 1] : code[at + 2]; break;
      case OP.JSET_K: pc = (A & k) !== 0 ? code[at + 1] : code[at + 2]; break;
      case OP.JSET_X: pc = (A & X) !== 0 ? code[at + 1] : code[at + 2]; break;
      case OP.ADD_K: A = (A + k) | 0; break;
      case OP.ADD_X: A = (A + X) | 0; break;
      case OP.SUB_K: A = (A - k) | 0; break;
      case OP.SUB_X: A = (A - X) | 0; break;
      case OP.MUL_K: A = Math.imul(A, k); break;
      case OP.MUL_X: A = Math.imul(A, X); break;
      // ToInt32 of the unsigned quotient truncates it, as integer division does.
      case OP.DIV_K: A = ((A >>> 0) / (k >>> 0)) | 0; break;
      case OP.DIV_X:
        if (X === 0) return 0;
        A = ((A >>> 0) / (X >>> 0)) | 0;
        break;
      case OP.MOD_K: A = ((A >>> 0) % (k >>> 0)) | 0; break;
      case OP.MOD_X:
        if (X === 0) return 0;
        A = ((A >>> 0) % (X >>> 0)) | 0;
        break;
      case OP.AND_K: A &= k; break;
      case OP.AND_X: A &= X; break;
      case OP.OR_K: A |= k; break;
      case OP.OR_X: A |= X; break;
      case OP.XOR_K: A ^= k; break;
      case OP.XOR_X: A ^= X; break;
      // JS shifts take the count mod 32, as the kernel does for X (k < 32 is checked).
      case OP.LSH_K: A <<= k; break;
      case OP.LSH_X: A <<= X; break;
      case OP.RSH_K: A = (A >>> k) | 0; break;
      case OP.RSH_X: A = (A >>> X) | 0; break;
      case OP.NEG: A = -A | 0; break;
      case OP.ANCILLARY: A = ancillary(k, A, X, bytes, size, options); break;
      default:
        throw new Error(`unreachable: BPF operation ${code[at]} at ${pc - 1}`);
    }
  }
}

/**
 * The frame index of a load at a negative offset, as the kernel's
 * bpf_internal_load_pointer_neg_helper: SKF_NET_OFF + n is n bytes into the
 * network header, SKF_LL_OFF + n into the link-layer header; -1 when the
 * offset is neither or the bytes are not all in the frame. A non-negative
 * offset that got here is past the end: -1.
 */
function headerIndex(offset: number, width: number, size: number): number {
  let i: number;
  if (offset >= 0) return -1;
  if (offset >= SKF_NET_OFF) i = networkBase + (offset - SKF_NET_OFF);
  else if (offset >= SKF_LL_OFF) i = linkBase + (offset - SKF_LL_OFF);
  else return -1;
  return i + width <= size ? i : -1;
}

function ancillary(extension: number, A: number, X: number, bytes: Uint8Array, size: number,
  options: RunFilterOptions | undefined): number {
  switch (extension) {
    case SKF_AD_PROTOCOL: return option(options?.protocol, 'protocol', 0xffff);
    case SKF_AD_PKTTYPE: return option(options?.packetType, 'packetType', 7);
    case SKF_AD_IFINDEX: return option(options?.ifindex, 'ifindex', 0xffffffff);
    case SKF_AD_HATYPE: return option(options?.hardwareType, 'hardwareType', 0xffff);
    case SKF_AD_MARK: return option(options?.mark, 'mark', 0xffffffff);
    case SKF_AD_QUEUE: return option(options?.queue, 'queue', 0xffff);
    case SKF_AD_RXHASH: return option(options?.hash, 'hash', 0xffffffff);
    case SKF_AD_VLAN_TAG: return option(options?.vlanTag, 'vlanTag', 0xffff);
    case SKF_AD_VLAN_TAG_PRESENT: return option(options?.vlanTagPresent, 'vlanTagPresent', 1);
    case SKF_AD_VLAN_TPID: return option(options?.vlanProtocol, 'vlanProtocol', 0xffff);
    case SKF_AD_PAY_OFFSET: return option(options?.payloadOffset, 'payloadOffset', 0xffffffff);
    case SKF_AD_CPU: return option(options?.cpu, 'cpu', 0xffffffff);
    case SKF_AD_RANDOM:
      return options?.random === undefined ? (Math.random() * 0x100000000) | 0 : option(options.random, 'random', 0xffffffff);
    case SKF_AD_ALU_XOR_X: return A ^ X;
    case SKF_AD_NLATTR: return findNetlinkAttribute(bytes, size, A >>> 0, X >>> 0);
    case SKF_AD_NLATTR_NEST: return findNestedNetlinkAttribute(bytes, size, A >>> 0, X >>> 0);
    default:
      // The checker lets only the numbers above through.
      throw new Error(`unreachable: ancillary load ${extension}`);
  }
}

function option(value: unknown, name: string, max: number): number {
  return value === undefined ? 0 : checkInt(value, `options.${name}`, 0, max) | 0;
}

/** A frame from another realm (a vm context) or another kind of view, as its bytes. */
function asBytes(frame: unknown): Uint8Array {
  if (!ArrayBuffer.isView(frame)) {
    throw new TypeError(`frame must be a Uint8Array (a Buffer), got ${describe(frame)}`);
  }
  const view = frame as ArrayBufferView;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
