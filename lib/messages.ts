// Receive buffers and messages: the buffer a recv fills and the Buffer it
// returns (the receive slab of the hot path, or a buffer of its own), sendmsg's and recvmsg's arguments as the operation table takes
// them (ops.ts), recvmsg's result as a Message, and CMSG_SPACE / CMSG_LEN.
import { markAsUntransferable } from 'node:worker_threads';

import { toNativeAddress, type Address, type SocketAddress } from './address';
import { toNativeAncillary, type Ancillary, type Message, type ReceivedAncillary } from './ancillary';
import { binding, type RecvMsgResult } from './binding';
import { AF_UNIX, MSG_CMSG_CLOEXEC, MSG_CTRUNC, MSG_TRUNC } from './constants';
import { MAX_ANCILLARY_SIZE, MAX_RECV_SIZE } from './limits';
import type { OpArgs, OPS } from './ops';
import type { Socket } from './socket';
import { checkInt, checkInt32, toSendView, type BinaryLike } from './validate';
import { failed, type CallOptions } from './wait';

/** Up to this size a received buffer is cut, not copied: the copy would cost more than it frees. */
const SMALL_BUFFER = 1024;

/** recvmsg's options: those of every call, and whether to adopt received fds. */
export interface RecvMsgOptions extends CallOptions {
  /** Wrap received fds that are sockets as Socket objects (in `sockets`). */
  adoptFds?: boolean;
}

/** Up to this size a receive on the hot path takes its bytes from the receive slab. */
const SLAB_RECEIVE_MAX = 4096;
/** The receive slab's size: Node's Buffer pool's, so that a Buffer kept pins no more than one of those. */
const SLAB_SIZE = 8192;
/** Buffers start 8-aligned in the slab, as in Node's pool: one may back a Float64Array. */
const ALIGN = 8;

const aligned = (at: number): number => (at + ALIGN - 1) & ~(ALIGN - 1);

/**
 * The memory recv and recvfrom receive into on the hot path: one slab for
 * every socket of the thread, as Node pools Buffer.allocUnsafe, handed out
 * in ranges that never overlap, so that no Buffer returned aliases another.
 * A receive made at once takes only what the kernel wrote (a recv(4096) of
 * 64 bytes uses 64 of it), its Buffer made at that length: no buffer of the
 * size asked for, no cut (a subarray costs about 800 instructions, counted
 * with callgrind), no copy. One that waits reserves what it asked for.
 */
class ReceiveSlab {
  /** The slab, as the addon is handed it; `at` is where the next receive goes. */
  memory = ReceiveSlab.#fresh();
  at = 0;
  /** The slab's ArrayBuffer (a TypedArray's `buffer` getter is a call into C++). */
  arrayBuffer = this.memory.buffer as ArrayBuffer;

  /** Whether a receive of up to `bufsize` bytes is made here (a valid size, small enough). */
  static fits(bufsize: number): boolean {
    return Number.isInteger(bufsize) && bufsize >= 0 && bufsize <= SLAB_RECEIVE_MAX;
  }

  static #fresh(): Buffer {
    // Unzeroed: every byte handed out is one the kernel wrote first.
    const memory = Buffer.allocUnsafeSlow(SLAB_SIZE);
    // A Buffer of it transferred to a Worker would take every other one along.
    markAsUntransferable(memory.buffer);
    return memory;
  }

  /** The slab, with `n` bytes free from `at`: a new one when not (the old one lives on in its Buffers). */
  room(n: number): Buffer {
    if (this.memory.length - this.at < n) {
      this.memory = ReceiveSlab.#fresh();
      this.arrayBuffer = this.memory.buffer as ArrayBuffer;
      this.at = 0;
    }
    return this.memory;
  }

  /** The bytes a receive at `at` of up to `asked` wrote, `got` by its count: a Buffer of their own. */
  take(got: number, asked: number): Buffer {
    const bytes = bytesOf(this.arrayBuffer, this.at, got, asked);
    this.at = aligned(this.at + bytes.length);
    return bytes;
  }

  /** `n` bytes from `at` for a receive that waits, kept from every later one: where they start. */
  reserve(n: number): number {
    const at = this.at;
    this.at = aligned(at + n);
    return at;
  }
}

/** Where recv and recvfrom receive on the hot path. */
export const receiveSlab = new ReceiveSlab();
/** Whether a receive of `bufsize` bytes is made in the receive slab. */
export const fitsReceiveSlab = ReceiveSlab.fits;

/**
 * What a receive of up to `asked` bytes at `at` in `memory` wrote, as a
 * Buffer: `got` bytes, by its count, which MSG_TRUNC makes the datagram's
 * whole length, more than was written.
 */
export function bytesOf(memory: ArrayBuffer, at: number, got: number, asked: number): Buffer {
  return Buffer.from(memory, at, got < asked ? got : asked);
}

/** A buffer for a receive of up to `bufsize` bytes (checked). */
export function receiveBuffer(bufsize: number): Buffer {
  return Buffer.allocUnsafe(checkInt(bufsize, 'bufsize', 0, MAX_RECV_SIZE));
}

/**
 * A received buffer cut to length: itself when full; copied when most of it
 * is unused, so it does not pin the rest.
 */
export function shrink(buffer: Buffer, n: number): Buffer {
  if (n === buffer.length) return buffer;
  if (n * 2 >= buffer.length || buffer.length <= SMALL_BUFFER) return buffer.subarray(0, n);
  return Buffer.from(buffer.subarray(0, n));
}

/** sendmsg's arguments, checked, for a socket of `family`. */
export function sendmsgArgs(buffers: BinaryLike[], ancillary: Ancillary[], flags: number, address: Address | undefined,
  family: number): OpArgs<typeof OPS.sendmsg> {
  if (!Array.isArray(buffers)) throw new TypeError('buffers must be an array');
  const views = buffers.map((b, i) => toSendView(b, `buffers[${i}]`));
  const control = toNativeAncillary(ancillary, family);
  checkInt32(flags, 'flags');
  return [views, control, flags, address === undefined ? null : toNativeAddress(address, family)];
}

/** recvmsg's arguments, checked, for a socket of `family`: a fresh buffer and the control room. */
export function recvmsgArgs(bufsize: number, ancsize: number, flags: number,
  family: number): OpArgs<typeof OPS.recvmsg> {
  const buffer = receiveBuffer(bufsize);
  checkInt32(flags, 'flags');
  const control = checkInt(ancsize, 'ancsize', 0, MAX_ANCILLARY_SIZE);
  // Received fds are close-on-exec, like every fd this library makes. Only
  // Unix sockets carry fds, and other families (AF_PACKET) reject the flag.
  return [buffer, 0, buffer.length, control, family === AF_UNIX ? flags | MSG_CMSG_CLOEXEC : flags];
}

/**
 * recvmsg's result as a Message. With `adopt`, received fds that are sockets
 * are wrapped by it (Socket.fromFd) and listed in `sockets`. `added`: the
 * flags recvmsgArgs added to the call (MSG_CMSG_CLOEXEC), which the kernel
 * echoes in msg_flags; the caller sees only what its own request and the
 * kernel's answer mean.
 */
export function toMessage(buffer: Buffer, [n, ancillary, answered, address]: RecvMsgResult,
  adopt: ((fd: number) => Socket) | null, added: number): Message {
  const flags = answered & ~added;
  const received = ancillary as ReceivedAncillary[];
  for (const item of received) {
    if (item.kind !== 'rights') continue;
    if (adopt !== null) {
      (item as { sockets?: Socket[] }).sockets = item.fds.flatMap((fd) => {
        const info = binding.socketInfo(fd);
        return failed(info) ? [] : [adopt(fd)];
      });
    }
    // Until here, a Worker terminated would have its teardown close them.
    binding.claimFds(item.fds);
  }
  return {
    data: shrink(buffer, Math.min(n, buffer.length)),
    ancillary: received,
    flags,
    truncated: (flags & MSG_TRUNC) !== 0,
    controlTruncated: (flags & MSG_CTRUNC) !== 0,
    address: address as SocketAddress | null,
  };
}

/** CMSG_SPACE(n): the room recvmsg needs for an `n`-byte control message. */
export function CMSG_SPACE(payload: number): number {
  return binding.CMSG_SPACE(checkInt(payload, 'payload', 0, MAX_ANCILLARY_SIZE));
}

/** CMSG_LEN(n): the cmsg_len of an `n`-byte control message. */
export function CMSG_LEN(payload: number): number {
  return binding.CMSG_LEN(checkInt(payload, 'payload', 0, MAX_ANCILLARY_SIZE));
}
