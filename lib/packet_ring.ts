// PacketRing: capture on an AF_PACKET socket through a TPACKET_V3 ring
// (packet(7)). The kernel writes frames into blocks of a ring mapped into
// this process and hands each block over when it is full or its timeout
// expires; the addon calls back once per block, on the event loop, with a
// PacketBlock that reads the frames in place (native/ring_receiver.h). The
// ring is one more receiver of its socket (lib/receiver.ts): stop(),
// close(), GC of the socket, Worker termination and exit end it as they end
// recvEach.
//
// Nothing here holds the socket on behalf of the addon: the function the
// addon calls reaches the block and the callback only, so a ring whose
// socket nobody references is collected, and closed, as any socket is.
import { binding } from './binding';
import {
  AF_PACKET, ETH_P_ALL, PACKET_ADD_MEMBERSHIP, PACKET_MR_PROMISC, SOCK_DGRAM, SOCK_RAW, SOL_PACKET, TPACKET_ALIGNMENT,
} from './constants';
import { errorFromStatus } from './errors';
import { if_nametoindex } from './interfaces';
import { MAX_RECEIVER_BUDGET, MAX_RING_BLOCK_COUNT, MAX_RING_BLOCK_SIZE, MAX_RING_SIZE, MAX_RING_TIMEOUT_MS } from './limits';
import { LEND, PacketBlock } from './packet_block';
import { Receiver } from './receiver';
import { Socket } from './socket';
import { START_RECEIVER } from './socket_base';
import { socket } from './socket_functions';
import { checkInt, describe, INT32_MAX } from './validate';

const { PAGE_SIZE, FRAME_HEADER_LEN } = binding.ringLayout;
// As in socket_base.ts: a vm context (a jest test) has no Symbol.dispose of its own.
const DISPOSE: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
/** The frame size when none is given: it only sets tp_frame_nr (V3 frames are variable-length). */
const DEFAULT_FRAME_SIZE = 2048;
/** Blocks per readable event before the loop gets a turn, unless told. */
const DEFAULT_BUDGET = 8;
/** The block timeout when none is given, in ms. */
const DEFAULT_TIMEOUT_MS = 10;

/** A PACKET_FANOUT group to join: the kernel spreads the group's packets over its sockets. */
export interface FanoutOptions {
  /** The group's id (0–65535), shared by the sockets of one group in a network namespace. */
  id: number;
  /** How packets are spread: PACKET_FANOUT_HASH (by flow), PACKET_FANOUT_LB (round robin), PACKET_FANOUT_CPU, … */
  mode: number;
  /** PACKET_FANOUT_FLAG_ROLLOVER, PACKET_FANOUT_FLAG_DEFRAG, …; 0 by default. */
  flags?: number;
}

/** The ring's shape and behaviour, for {@link attachPacketRing} and {@link openPacketRing}. */
export interface PacketRingOptions {
  /**
   * Bytes per block (tp_block_size): a power of two, at least the page size,
   * at most 16 MiB. A block holds as many frames as fit, each with its
   * header (1 MiB: about 6,900 frames of 64 bytes).
   */
  blockSize: number;
  /** Blocks in the ring (tp_block_nr), at least 1; blockSize × blockCount is at most 1 GiB. */
  blockCount: number;
  /**
   * tp_frame_size: a multiple of TPACKET_ALIGNMENT (16), at least one frame
   * header, at most blockSize; 2048 by default. TPACKET_V3 frames take only
   * the room they need: this sets the kernel's frame count check only.
   */
  frameSize?: number;
  /**
   * tp_retire_blk_tov: a block that is not full is handed over this many
   * milliseconds after it opened (0–65535; 0: the kernel's choice from the
   * link speed); 10 by default.
   */
  timeoutMs?: number;
  /** tp_feature_req_word TP_FT_REQ_FILL_RXHASH: the kernel fills each frame's flow hash (`block.rxhash(i)`). */
  fillRxhash?: boolean;
  /** Join a PACKET_FANOUT group (the socket must be bound, or made with a protocol). */
  fanout?: FanoutOptions;
  /** Blocks per readable event before the event loop gets a turn (1–1024); 8 by default. */
  budget?: number;
  /**
   * Called once when the ring ends: with null for `stop()` or `close()`,
   * with the typed error when the socket reports one (ENETDOWN, a
   * NetworkUnreachableError, when its interface goes down). Without it an
   * error is thrown as an uncaught exception.
   */
  onEnd?: (error: Error | null) => void;
}

/** {@link openPacketRing}'s options: the ring's, and the socket it opens. */
export interface OpenPacketRingOptions extends PacketRingOptions {
  /** The interface to capture on, by name or index; every interface by default. */
  interface?: string | number;
  /** The EtherType to capture, in host order (ETH_P_IP, ETH_P_ARP, …); ETH_P_ALL (every one) by default. */
  protocol?: number;
  /** SOCK_RAW (frames from their link-layer header, the default) or SOCK_DGRAM (from the network header). */
  type?: number;
  /** Put the interface in promiscuous mode while the ring's socket is open (PACKET_MR_PROMISC); needs `interface`. */
  promiscuous?: boolean;
}

/** A ring's counts since it started, from PACKET_STATISTICS. */
export interface PacketRingStats {
  /** Frames that reached the socket (tp_packets), the dropped ones included. */
  packets: number;
  /** Frames dropped because the ring was full (tp_drops). */
  drops: number;
  /** Times the ring filled up and the kernel froze it until a block came back (tp_freeze_q_cnt). */
  freezes: number;
}

/** The checked options. */
interface Checked {
  blockSize: number;
  blockCount: number;
  frameSize: number;
  timeoutMs: number;
  fillRxhash: boolean;
  fanout: Required<FanoutOptions> | null;
  budget: number;
  onEnd: ((error: Error | null) => void) | undefined;
}

/**
 * A TPACKET_V3 receive ring on an AF_PACKET socket (packet(7)), made by
 * {@link openPacketRing} or {@link attachPacketRing}. The kernel writes the
 * frames into blocks of a ring shared with this process (PACKET_RX_RING,
 * mmap(2)); each block it hands over (full, or at its timeout) is one call of
 * `onBlock`, on the event loop, with a {@link PacketBlock} that reads its
 * frames in place. The block goes back to the kernel when `onBlock` returns.
 * When the program does not keep up the ring fills and the kernel drops
 * frames, which {@link PacketRing.stats} counts.
 *
 * It runs, and keeps the process alive, until `stop()`, `close()` or the
 * socket's close. An exception thrown by `onBlock` goes to
 * 'uncaughtException' (the block is given back all the same). A socket left
 * open and unreferenced is closed on GC with a warning, as any socket is.
 */
export class PacketRing {
  /** The AF_PACKET socket the ring is on. */
  readonly socket: Socket;
  /** Bytes per block. */
  readonly blockSize: number;
  /** Blocks in the ring. */
  readonly blockCount: number;
  readonly #receiver: Receiver;
  readonly #totals: PacketRingStats = { packets: 0, drops: 0, freezes: 0 };

  /** @internal Made by attachPacketRing. */
  constructor(sock: Socket, receiver: Receiver, options: Checked) {
    this.socket = sock;
    this.#receiver = receiver;
    this.blockSize = options.blockSize;
    this.blockCount = options.blockCount;
  }

  /** Whether the ring still runs (not stopped, closed or ended by an error). */
  get active(): boolean {
    return this.#receiver.active;
  }

  /**
   * getsockopt(2) PACKET_STATISTICS: the frames that reached the socket and
   * those dropped for want of room, since the ring started (the kernel
   * resets its counts on each read: this adds them up; do not read the
   * option yourself). Once the socket is closed, the counts as `close()`
   * last read them.
   */
  stats(): PacketRingStats {
    if (!this.socket.closed) {
      const r = binding.packetRingStatistics(this.socket.fileno());
      if (typeof r === 'number') throw errorFromStatus(r, 'getsockopt');
      this.#add(r);
    }
    return { ...this.#totals };
  }

  /**
   * Stops the ring: no more calls of `onBlock`, the ring is unmapped
   * (munmap(2)) and `onEnd(null)` follows on the next tick. The socket stays
   * open, with its kernel ring (a socket serves one ring): `stats()` still
   * reads it. Idempotent; may be called from `onBlock`.
   */
  stop(): void {
    this.#receiver.stop();
  }

  /**
   * Stops the ring and closes its socket (close(2)), after a last read of
   * the statistics. Idempotent; may be called from `onBlock`.
   */
  close(): void {
    if (!this.socket.closed) {
      // A socket that cannot report (it never fails on an open AF_PACKET
      // socket) keeps the counts read so far: closing comes first.
      const r = binding.packetRingStatistics(this.socket.fileno());
      if (typeof r !== 'number') this.#add(r);
    }
    this.socket.close();
  }

  /** Closes the ring and its socket, as `close()`: `using ring = openPacketRing(…)`. */
  [DISPOSE](): void {
    this.close();
  }

  #add([packets, drops, freezes]: [number, number, number]): void {
    this.#totals.packets += packets;
    this.#totals.drops += drops;
    this.#totals.freezes += freezes;
  }
}

/**
 * Sets up a TPACKET_V3 receive ring on `sock`, an AF_PACKET socket the
 * caller made and bound: setsockopt(2) PACKET_VERSION and PACKET_RX_RING,
 * mmap(2), then PACKET_FANOUT if asked. What the socket had queued before is
 * dropped. Calls `onBlock(block)` once per retired block, on the event
 * loop, whatever the socket's mode; see {@link PacketRing}.
 *
 * Raises TypeError / RangeError for bad options, TypeError for a socket
 * that is not AF_PACKET, SocketClosedError for a closed one, SocketError
 * EBUSY if it has a ring (or a recvEach) already, ENOMEM when the kernel
 * cannot allocate the blocks, EINVAL for a fanout mode it does not know.
 */
export function attachPacketRing(sock: Socket, options: PacketRingOptions,
  onBlock: (block: PacketBlock) => void): PacketRing {
  if (!(sock instanceof Socket)) throw new TypeError(`sock must be a Socket, got ${describe(sock)}`);
  if (sock.family !== AF_PACKET) throw new TypeError(`a packet ring needs an AF_PACKET socket; this one's family is ${sock.family}`);
  const checked = checkRingOptions(options, onBlock);
  const [ring, started] = startRing(sock, checked, onBlock);
  if (checked.fanout !== null) {
    try {
      joinFanout(sock, checked.fanout);
    } catch (error) {
      ring.stop();
      throw error;
    }
  }
  started();
  return ring;
}

/**
 * Opens an AF_PACKET socket (socket(2), SOCK_RAW by default, needs
 * CAP_NET_RAW) with a TPACKET_V3 receive ring (see {@link attachPacketRing}),
 * then binds it (bind(2)) to `interface` and `protocol`, joins the fanout
 * group and sets promiscuous mode as asked. The socket receives nothing
 * before its ring is ready. `ring.close()` closes the socket.
 *
 * Raises what attachPacketRing raises, PermissionDeniedError without
 * CAP_NET_RAW, SocketError ENODEV for an unknown interface. On any failure
 * the socket is closed.
 *
 * @example
 * ```ts
 * const ring = openPacketRing({ interface: 'eth0', blockSize: 1 << 20, blockCount: 64 }, (block) => {
 *   for (let i = 0; i < block.count; i++) count(block.bytes, block.offset(i), block.length(i));
 * });
 * ```
 */
export function openPacketRing(options: OpenPacketRingOptions, onBlock: (block: PacketBlock) => void): PacketRing {
  const checked = checkRingOptions(options, onBlock);
  const type = checkInt(options.type ?? SOCK_RAW, 'type', 0, INT32_MAX);
  if (type !== SOCK_RAW && type !== SOCK_DGRAM) throw new RangeError('type must be SOCK_RAW or SOCK_DGRAM');
  const protocol = checkInt(options.protocol ?? ETH_P_ALL, 'protocol', 0, 0xffff);
  if (options.promiscuous !== undefined && typeof options.promiscuous !== 'boolean') {
    throw new TypeError('promiscuous must be a boolean');
  }
  const where = options.interface ?? 0;
  if (typeof where !== 'string' && typeof where !== 'number') {
    throw new TypeError(`interface must be a name or an index, got ${describe(where)}`);
  }
  const ifindex = typeof where === 'string' ? if_nametoindex(where) : checkInt(where, 'interface', 0, INT32_MAX);
  if (options.promiscuous === true && ifindex === 0) throw new RangeError('promiscuous mode needs an interface');
  // Protocol 0: nothing is queued before the ring is there; bind starts it.
  const sock = socket(AF_PACKET, type, 0);
  try {
    const [ring, started] = startRing(sock, checked, onBlock);
    sock.bind({ ifindex, protocol });
    if (checked.fanout !== null) joinFanout(sock, checked.fanout);
    if (options.promiscuous === true) {
      sock.setsockopt(SOL_PACKET, PACKET_ADD_MEMBERSHIP, { ifindex, type: PACKET_MR_PROMISC });
    }
    started();
    return ring;
  } catch (error) {
    sock.close();
    throw error;
  }
}

/**
 * The ring's receiver on `sock`, with a PacketBlock over its memory, and the
 * function to call once the ring is the caller's: a ring that fails before
 * (its fanout, its bind) ends without calling onEnd.
 */
function startRing(sock: Socket, options: Checked, onBlock: (block: PacketBlock) => void): [PacketRing, () => void] {
  let block: PacketBlock | null = null;
  let handedOver = false;
  const onEnd = (error: Error | null): void => {
    if (!handedOver) return;
    if (options.onEnd !== undefined) {
      options.onEnd(error);
    } else if (error !== null) {
      throw error;
    }
  };
  // What the addon calls per block: it reaches the block and the callback,
  // never the socket or the ring (see the top of this file).
  const onFrames = (count: number): void => {
    block![LEND](count);
    try {
      onBlock(block!);
    } finally {
      block![LEND](0);
    }
  };
  const receiver = sock[START_RECEIVER]('setsockopt', (handle) => new Receiver(handle, onFrames, {
    // An error after the start is the socket's own, which poll(2) reported.
    syscall: 'poll', stream: false, address: null, onEnd,
    start: (delivered) => {
      const r = binding.packetRingOnLoop(handle, options.blockSize, options.blockCount, options.frameSize,
        options.timeoutMs, options.fillRxhash, options.budget, delivered);
      if ('status' in r) throw errorFromStatus(r.status, r.syscall);
      block = new PacketBlock(r.ring, r.index);
      return 0;
    },
  }));
  return [new PacketRing(sock, receiver, options), () => { handedOver = true; }];
}

/** setsockopt(2) PACKET_FANOUT. */
function joinFanout(sock: Socket, fanout: Required<FanoutOptions>): void {
  const r = binding.packetFanout(sock.fileno(), fanout.id, fanout.mode, fanout.flags);
  if (r < 0) throw errorFromStatus(r, 'setsockopt');
}

function checkRingOptions(options: PacketRingOptions, onBlock: unknown): Checked {
  if (typeof onBlock !== 'function') throw new TypeError(`onBlock must be a function, got ${describe(onBlock)}`);
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const blockSize = checkInt(options.blockSize, 'blockSize', PAGE_SIZE, MAX_RING_BLOCK_SIZE);
  // A power of two at least the page size is a multiple of it, as the kernel
  // needs; each block is allocated as 2^n pages, so any other size wastes.
  if ((blockSize & (blockSize - 1)) !== 0) throw new RangeError(`blockSize must be a power of two, got ${blockSize}`);
  const blockCount = checkInt(options.blockCount, 'blockCount', 1, MAX_RING_BLOCK_COUNT);
  if (blockSize * blockCount > MAX_RING_SIZE) {
    throw new RangeError(`the ring (blockSize × blockCount, ${blockSize * blockCount} bytes) must be at most ${MAX_RING_SIZE}`);
  }
  const minFrame = Math.ceil(FRAME_HEADER_LEN / TPACKET_ALIGNMENT) * TPACKET_ALIGNMENT;
  const frameSize = checkInt(options.frameSize ?? DEFAULT_FRAME_SIZE, 'frameSize', minFrame, blockSize);
  if (frameSize % TPACKET_ALIGNMENT !== 0) {
    throw new RangeError(`frameSize must be a multiple of TPACKET_ALIGNMENT (${TPACKET_ALIGNMENT}), got ${frameSize}`);
  }
  const timeoutMs = checkInt(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs', 0, MAX_RING_TIMEOUT_MS);
  if (options.fillRxhash !== undefined && typeof options.fillRxhash !== 'boolean') {
    throw new TypeError('fillRxhash must be a boolean');
  }
  if (options.onEnd !== undefined && typeof options.onEnd !== 'function') throw new TypeError('onEnd must be a function');
  return {
    blockSize, blockCount, frameSize, timeoutMs, fillRxhash: options.fillRxhash === true,
    fanout: options.fanout === undefined ? null : checkFanout(options.fanout),
    budget: checkInt(options.budget ?? DEFAULT_BUDGET, 'budget', 1, MAX_RECEIVER_BUDGET),
    onEnd: options.onEnd,
  };
}

function checkFanout(fanout: FanoutOptions): Required<FanoutOptions> {
  if (fanout === null || typeof fanout !== 'object') throw new TypeError('fanout must be an object { id, mode, flags? }');
  return {
    id: checkInt(fanout.id, 'fanout.id', 0, 0xffff),
    mode: checkInt(fanout.mode, 'fanout.mode', 0, 0xffff),
    flags: checkInt(fanout.flags ?? 0, 'fanout.flags', 0, 0xffff),
  };
}
