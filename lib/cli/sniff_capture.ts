// Live capture for `bsd-socket sniff`: an AF_PACKET socket (packet(7)) on one
// interface or on all of them, its filter, and the frames it receives, handed
// out one at a time with their timestamps and lengths, as libpcap's Linux
// back end hands them to tcpdump.
//
// Two ways to receive. The first choice is a TPACKET_V3 ring (PacketRing:
// the kernel writes frames into shared memory and the addon calls back once
// per block). When the ring cannot be set up (an old kernel, no memory for
// its blocks), or for cooked captures, whose Linux cooked header is made
// from each frame's sockaddr_ll, or when asked (--no-ring), frames come one
// recvmsg(2) each, with SO_TIMESTAMPNS and PACKET_AUXDATA control messages.
//
// Either way the filter runs in the kernel (SO_ATTACH_FILTER), attached
// before the socket is bound, so that no frame is let in unfiltered. A
// cooked capture is the exception: the kernel's filter sees a SOCK_DGRAM
// frame from its network header, not the cooked header the expression was
// compiled for, so there the program runs here, on the frame as it is
// printed and written.
//
// On the loopback device every frame passes a packet socket twice, on its
// way out (PACKET_OUTGOING) and on its way in; as libpcap does, the outgoing
// copy is dropped, on `lo` and on `any` alike.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

import {
  AF_PACKET, ETH_P_8021Q, ETH_P_ALL, LINKTYPE, PACKET_AUXDATA, PACKET_OUTGOING, PACKET_STATISTICS, SOCK_DGRAM,
  SOCK_RAW, SOL_PACKET, SOL_SOCKET, SO_TIMESTAMPNS, SocketError, TP_STATUS_VLAN_VALID, WouldBlockError,
  attachPacketRing, checkFilter, runFilter, sizeof, socket, type BpfProgram, type CheckedProgram, type Message,
  type PacketBlock, type PacketRing, type Socket,
} from '..';
import type { CaptureLayout, Link } from './sniff_links';
import {
  VLAN_ROOM, auxiliaryData, cookedHeaderLength, insertVlanTag, writeCookedHeader, type FrameOrigin, type VlanTag,
} from './sniff_frames';

/** The ring's blocks: 1 MiB each (room for a 64 KiB GSO frame many times over), 4 of them, twice tcpdump's 2 MiB buffer. */
const RING_BLOCK_SIZE = 1 << 20;
const RING_BLOCK_COUNT = 4;
/** A block that is not full is handed over after this long: how late a line may print on a quiet link. */
const RING_BLOCK_TIMEOUT_MS = 10;
/** At most this many block timeouts pass, at the end, for the frames the kernel still holds. */
const SETTLE_ROUNDS = 5;
/**
 * The largest frame recvmsg(2) takes whole: a 64 KiB IP packet (GSO
 * super-packets on their way out reach it) with room for its link-layer
 * header. A longer one keeps this much, and its length on the wire.
 */
const RECV_FRAME_LIMIT = 65535 + 64;
/** Room for the control messages: a struct timespec and a struct tpacket_auxdata, with their headers. */
const ANCILLARY_ROOM = 256;
/** Frames recvmsg(2) takes in a row, without waiting, before the event loop gets a turn. */
const RECV_BUDGET = 256;

/** A capture's counts, as tcpdump prints them at the end. */
export interface CaptureStatistics {
  /** Frames that passed the filter, those dropped for want of room included (PACKET_STATISTICS tp_packets). */
  received: number;
  /** Frames dropped because the ring or the socket's buffer was full (tp_drops). */
  dropped: number;
}

/** What a live capture is asked to do. */
export interface LiveCaptureOptions {
  /** The interface, or null for every interface (`any`). */
  link: Link | null;
  /** The index of the loopback device (`lo`), whose outgoing copies are dropped; -1 if there is none. */
  loopbackIndex: number;
  /** The link type and socket type (captureLayout's). */
  layout: CaptureLayout;
  /** Bytes of each frame to keep. */
  snaplen: number;
  /** The filter: the expression compiled for the layout's link type and the snaplen (compileFilter's). */
  program: BpfProgram;
  /** Whether to try the TPACKET_V3 ring first. */
  ring: boolean;
  /** Called for each frame, with bytes valid only during the call. */
  onFrame(frame: Uint8Array, sec: number, nsec: number, originalLength: number): void;
  /** Called after each batch of frames (a ring block, a run of recvmsg), when output may go out. */
  onBatchEnd(): void;
  /** Called once if the capture ends by itself: the socket's error (ENETDOWN) or the one onFrame threw. */
  onEnd(error: Error): void;
}

/** A running capture. */
export interface LiveCapture {
  /** The counts so far (after close(), the final ones). */
  statistics(): CaptureStatistics;
  /**
   * Resolves once the frames the kernel still holds back have been handed
   * out: a ring block that is neither full nor timed out yet. (tcpdump
   * loses those when Ctrl-C ends it; this is what lets sniff keep them.)
   */
  settle(): Promise<void>;
  /** Stops receiving, reads the counts a last time and closes the socket; idempotent. */
  close(): void;
}

/**
 * Opens the capture and starts it.
 * @throws PermissionDeniedError without CAP_NET_RAW; SocketError from
 *   bind(2) (ENODEV: the interface is gone).
 */
export function openLiveCapture(options: LiveCaptureOptions): LiveCapture {
  if (options.layout.cooked) return new RecvCapture(options, null, checkFilter(options.program));
  if (options.ring) {
    const capture = RingCapture.open(options);
    if (capture !== null) return capture;
  }
  return new RecvCapture(options, options.program, null);
}

/** socket(2) AF_PACKET with protocol 0, which receives nothing until bind(2) names one. */
function packetSocket(type: number): Socket {
  return socket(AF_PACKET, type, 0);
}

/** bind(2) to the interface (0: every one) and every protocol, which starts the capture. */
function bindCapture(sock: Socket, link: Link | null): void {
  sock.bind({ ifindex: link === null ? 0 : link.index, protocol: ETH_P_ALL });
}

/** Whether the frame is the outgoing copy of a loopback frame, which is seen again coming in. */
function isLoopbackEcho(packetType: number, ifindex: number, loopbackIndex: number): boolean {
  return packetType === PACKET_OUTGOING && ifindex === loopbackIndex;
}

/** Frames from a TPACKET_V3 ring, one block per call. */
class RingCapture implements LiveCapture {
  readonly #options: LiveCaptureOptions;
  readonly #ring: PacketRing;
  /** Where a frame is copied to have its VLAN tag put back. */
  readonly #scratch = new Uint8Array(RING_BLOCK_SIZE + VLAN_ROOM);
  readonly #tag: VlanTag = { tci: 0, tpid: 0 };
  /** Blocks handed over so far. */
  #blocks = 0;
  #closed = false;

  /**
   * The ring on a new socket, its filter attached first and its bind last;
   * null if the kernel would not make the ring (the caller falls back to
   * recvmsg).
   */
  static open(options: LiveCaptureOptions): RingCapture | null {
    const sock = packetSocket(SOCK_RAW);
    try {
      // Nothing is queued before bind(2), but draining costs nothing and
      // keeps the rule simple: no frame the filter did not see.
      sock.attachFilter(options.program, { drain: true });
      let capture: RingCapture | null = null;
      let ring: PacketRing;
      try {
        ring = attachPacketRing(sock, {
          blockSize: RING_BLOCK_SIZE,
          blockCount: RING_BLOCK_COUNT,
          timeoutMs: RING_BLOCK_TIMEOUT_MS,
          onEnd: (error) => { if (error !== null && capture !== null) capture.#fail(error); },
        }, (block) => { if (capture !== null) capture.#onBlock(block); });
      } catch (error) {
        if (!(error instanceof SocketError)) throw error;
        sock.close();
        return null;
      }
      capture = new RingCapture(options, ring);
      bindCapture(sock, options.link);
      return capture;
    } catch (error) {
      sock.close();
      throw error;
    }
  }

  private constructor(options: LiveCaptureOptions, ring: PacketRing) {
    this.#options = options;
    this.#ring = ring;
  }

  statistics(): CaptureStatistics {
    const { packets, drops } = this.#ring.stats();
    return { received: packets, dropped: drops };
  }

  async settle(): Promise<void> {
    // The open block retires within a block timeout of its first frame.
    // After that, a turn through the loop's poll phase (setImmediate runs
    // after it) hands it over: a timer alone may run first in the same
    // turn. While blocks keep coming, a few more rounds.
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const before = this.#blocks;
      await sleep(2 * RING_BLOCK_TIMEOUT_MS);
      await nextTurn();
      if (this.#blocks === before) return;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#ring.close();
  }

  #fail(error: Error): void {
    if (this.#closed) return;
    this.close();
    this.#options.onEnd(error);
  }

  #onBlock(block: PacketBlock): void {
    this.#blocks += 1;
    const options = this.#options;
    const ethernet = options.layout.linkType === LINKTYPE.EN10MB;
    try {
      for (let i = 0; i < block.count && !this.#closed; i++) {
        if (isLoopbackEcho(block.packetType(i), block.ifindex(i), options.loopbackIndex)) continue;
        let frame = block.frame(i);
        let length = block.originalLength(i);
        const tci = block.vlanTci(i);
        if (ethernet && tci !== -1 && ((block.status(i) & TP_STATUS_VLAN_VALID) !== 0 || tci !== 0)) {
          this.#tag.tci = tci;
          const tpid = block.vlanTpid(i);
          this.#tag.tpid = tpid === -1 || tpid === 0 ? ETH_P_8021Q : tpid;
          frame = this.#scratch.subarray(0, insertVlanTag(frame, this.#tag, this.#scratch, options.snaplen));
          length += VLAN_ROOM;
        }
        options.onFrame(frame, block.seconds(i), block.nanoseconds(i), length);
      }
      if (!this.#closed) options.onBatchEnd();
    } catch (error) {
      // What onFrame threw (a write that failed): the capture ends with it.
      this.#fail(error as Error);
    }
  }
}

/** Frames one recvmsg(2) each. */
class RecvCapture implements LiveCapture {
  readonly #options: LiveCaptureOptions;
  readonly #sock: Socket;
  /** The filter run here (cooked captures), or null when the kernel runs it. */
  readonly #filter: CheckedProgram | null;
  readonly #cookedLength: number;
  readonly #bufsize: number;
  /** Where a frame is put together: cooked header and frame, or a frame and its VLAN tag. */
  readonly #scratch: Uint8Array;
  readonly #abort = new AbortController();
  readonly #origin: FrameOrigin = { ifindex: 0, protocol: 0, hatype: 0, pkttype: 0, addr: '' };
  #received = 0;
  #dropped = 0;
  /** Frames the kernel counted as received that the filter here then refused. */
  #refused = 0;
  #closed = false;

  /**
   * @param kernelProgram - The filter to attach, or null for a cooked capture.
   * @param filter - The filter to run here (a cooked capture's), or null.
   */
  constructor(options: LiveCaptureOptions, kernelProgram: BpfProgram | null, filter: CheckedProgram | null) {
    this.#options = options;
    this.#filter = filter;
    this.#cookedLength = cookedHeaderLength(options.layout.linkType);
    this.#bufsize = Math.min(options.snaplen, RECV_FRAME_LIMIT);
    this.#scratch = new Uint8Array(this.#cookedLength + this.#bufsize + VLAN_ROOM);
    const sock = packetSocket(options.layout.cooked ? SOCK_DGRAM : SOCK_RAW);
    try {
      sock.setsockopt(SOL_SOCKET, SO_TIMESTAMPNS, true);
      sock.setsockopt(SOL_PACKET, PACKET_AUXDATA, true);
      if (kernelProgram !== null) sock.attachFilter(kernelProgram, { drain: true });
      sock.setblocking(false);
      bindCapture(sock, options.link);
    } catch (error) {
      sock.close();
      throw error;
    }
    this.#sock = sock;
    this.#run().catch((error: Error) => this.#fail(error));
  }

  settle(): Promise<void> {
    // Nothing is held back: what is queued is read in the loop's next poll phase, before setImmediate's.
    return nextTurn();
  }

  statistics(): CaptureStatistics {
    this.#readStatistics();
    return { received: Math.max(0, this.#received - this.#refused), dropped: this.#dropped };
  }

  close(): void {
    if (this.#closed) return;
    this.#readStatistics();
    this.#closed = true;
    this.#abort.abort();
    this.#sock.close();
  }

  /** getsockopt(2) PACKET_STATISTICS, which the kernel resets on each read: added to the totals. */
  #readStatistics(): void {
    if (this.#closed) return;
    const bytes = this.#sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, sizeof.tpacket_stats_v3);
    // struct tpacket_stats: tp_packets, tp_drops, unsigned ints in host order
    // (a socket without a TPACKET_V3 ring gets no more).
    const counts = new Uint32Array(Uint8Array.from(bytes.subarray(0, 8)).buffer);
    this.#received += counts[0];
    this.#dropped += counts[1];
  }

  #fail(error: Error): void {
    if (this.#closed) return;
    this.close();
    this.#options.onEnd(error);
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    while (!this.#closed) {
      let message: Message;
      try {
        message = await this.#sock.recvmsg(this.#bufsize, ANCILLARY_ROOM, 0, { signal });
      } catch (error) {
        if (this.#closed) return;
        throw error;
      }
      this.#take(message);
      // Then what else is queued, without a promise each.
      for (let n = 1; n < RECV_BUDGET && !this.#closed; n++) {
        try {
          message = this.#sock.recvmsgSync(this.#bufsize, ANCILLARY_ROOM);
        } catch (error) {
          if (error instanceof WouldBlockError) break;
          throw error;
        }
        this.#take(message);
      }
      if (!this.#closed) this.#options.onBatchEnd();
    }
  }

  #take(message: Message): void {
    const options = this.#options;
    const address = message.address as FrameOrigin | null;
    const aux = auxiliaryData(message.ancillary);
    let frame: Uint8Array = message.data;
    let length = aux?.length ?? frame.length;
    if (this.#cookedLength > 0) {
      const header = writeCookedHeader(options.layout.linkType, address ?? this.#origin, this.#scratch);
      this.#scratch.set(frame, header);
      frame = this.#scratch.subarray(0, Math.min(header + frame.length, options.snaplen));
      length += header;
      // Before the loopback check, so that `refused` counts every frame the
      // kernel would have refused, as the kernel's own filter would have.
      if (runFilter(this.#filter!, frame, { packetLength: length }) === 0) {
        this.#refused += 1;
        return;
      }
    } else if (aux?.vlan && options.layout.linkType === LINKTYPE.EN10MB) {
      frame = this.#scratch.subarray(0, insertVlanTag(frame, aux.vlan, this.#scratch, options.snaplen));
      length += VLAN_ROOM;
    }
    if (address !== null && isLoopbackEcho(address.pkttype, address.ifindex, options.loopbackIndex)) return;
    const stamp = message.ancillary.find((a) => a.kind === 'timestamp');
    const [sec, nsec] = stamp?.kind === 'timestamp' ? [stamp.seconds, stamp.nanoseconds] : wallClock();
    options.onFrame(frame, sec, nsec, length);
  }

}

/** Now, as [seconds, nanoseconds]: for a frame the kernel gave no timestamp (it always does). */
function wallClock(): [number, number] {
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}
