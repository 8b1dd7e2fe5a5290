// The recv of the non-blocking hot path that waits on the event loop
// (binding.recvOnLoopForWaiter, recvfromOnLoopForWaiter). The promise is made
// here and settled by the addon calling `settle` on this object, which costs
// less than a promise made and resolved natively and a `then` on it
// (native/event_loop_op.h). It resolves with what the call returns: a count
// (recvInto), or a Buffer of the receive slab (recv) and the sender
// (recvfrom), so that the Socket method hands this promise on as it is.
//
// One per socket, handed to the addon with its handle (binding.socketHandle),
// which keeps it. It holds the resolving functions only while a recv waits
// (when the addon holds the handle anyway), so that reference keeps no
// socket alive.
import type { SocketAddress } from './address';
import { binding, type SocketHandle } from './binding';
import { AF_INET, AF_INET6, sizeof } from './constants';
import { errorFromStatus } from './errors';
import { bytesOf, receiveSlab } from './messages';
import { EAGAIN } from './wait';

/**
 * Where the addon leaves the sender of recvfrom's hot path
 * (native/env_state.h WriteSender): the sockaddr, then its length. Read at
 * once, before anything else can receive: on the call's return, or in
 * `settle`.
 */
const senderSlot = new Uint8Array(sizeof.sockaddr_storage + 4);
const senderWords = new Int32Array(senderSlot.buffer, 0, sizeof.sockaddr_storage >> 2);
const senderLength = new Uint32Array(senderSlot.buffer, sizeof.sockaddr_storage, 1);
binding.setSenderSlot(senderSlot);

/**
 * After an attempt found nothing, how many recvs on the stream wait for
 * readiness first; the one after them tries again. A server's recv right
 * after its reply mostly misses: at 1,000 connections, 0.48 of 1.48
 * recvfrom per message failed with EAGAIN (strace), and waiting first cut
 * the server's CPU per message by a tenth (bench/scale.ts echo). Bulk
 * reads that keep finding bytes never miss, so keep trying first.
 */
const WAITS_AFTER_A_MISS = 16;

/** The longest sender a socket remembers, in 4-byte words: a sockaddr_in6 (28 bytes) fits. */
const REMEMBERED_WORDS = 8;

/**
 * A socket's last sender, so that a datagram from the same peer as the one
 * before costs a comparison of its sockaddr and a new object with the same
 * fields, not a decode (inet_ntop and an object made in C++, about 4,000
 * instructions, counted with callgrind). Only inet addresses, whose fields
 * are all numbers and strings, so that copies share nothing.
 */
class LastSender {
  readonly #words = new Int32Array(REMEMBERED_WORDS);
  #length = -1;
  #address: SocketAddress | null = null;

  /** The sender in the slot, as binding.decodeAddress gives it: a new object each call. */
  read(): SocketAddress {
    const length = senderLength[0];
    const words = (length + 3) >> 2;
    if (length === this.#length && this.#address !== null && this.#matches(words)) return copyOf(this.#address);
    const address = binding.decodeAddress(senderSlot, 0, length) as SocketAddress;
    if ((address.family === AF_INET || address.family === AF_INET6) && words <= REMEMBERED_WORDS) {
      for (let i = 0; i < words; i++) this.#words[i] = senderWords[i];
      this.#length = length;
      this.#address = copyOf(address);
    }
    return address;
  }

  #matches(words: number): boolean {
    for (let i = 0; i < words; i++) {
      if (senderWords[i] !== this.#words[i]) return false;
    }
    return true;
  }
}

/** A copy of an inet address, its fields in decodeAddress's order. */
function copyOf(address: SocketAddress): SocketAddress {
  const a = address as { family: number; address: string; port: number; flowinfo?: number; scopeId?: number };
  return a.family === AF_INET ? { family: a.family, address: a.address, port: a.port }
    : { family: a.family, address: a.address, port: a.port, flowinfo: a.flowinfo!, scopeId: a.scopeId! };
}

export class RecvWaiter {
  /**
   * How many of the next recvs on this stream wait for readiness with no
   * first attempt: a miss (an attempt that finds nothing) costs a syscall,
   * while waiting on a socket that is readable costs a turn of the loop, no
   * more. One after a short read (it drained the stream); WAITS_AFTER_A_MISS
   * after a miss.
   */
  #waitsFirst = 0;
  readonly #stream: boolean;
  #resolve: ((value: never) => void) | null = null;
  #reject: ((error: unknown) => void) | null = null;
  #asked = 0;
  // What the recv waiting here resolves with: its count (memory null), or
  // the bytes at `at` of the receive slab's `memory`, and with `from` the sender.
  #memory: ArrayBuffer | null = null;
  #at = 0;
  #from = false;
  // Made on a socket's first recvfrom: most sockets never call it.
  #lastSender: LastSender | null = null;

  constructor(stream: boolean) {
    this.#stream = stream;
  }

  /** Whether a recv waits here now: a second one at once waits on its own promise. */
  get #busy(): boolean {
    return this.#resolve !== null;
  }

  /** A recv's result: the count, or the typed error thrown. */
  received(got: number, asked: number): number {
    if (got < 0) throw errorFromStatus(got, 'recv');
    if (this.#stream && got < asked && this.#waitsFirst === 0) this.#waitsFirst = 1;
    return got;
  }

  /** Whether this recv waits for readiness first (see #waitsFirst); counts it. */
  #skipsAttempt(): boolean {
    if (this.#waitsFirst === 0) return false;
    this.#waitsFirst--;
    return true;
  }

  /** An attempt found nothing: the next recvs on a stream wait first. */
  #missed(): void {
    if (this.#stream) this.#waitsFirst = WAITS_AFTER_A_MISS;
  }

  /** `received` for a result in hand: a settled promise, rejected with the typed error. */
  #receivedNow(got: number, asked: number): Promise<number> {
    return got < 0 ? Promise.reject(errorFromStatus(got, 'recv')) : Promise.resolve(this.received(got, asked));
  }

  /** The sender recvfromNow or a recvfrom settled here left in the slot. */
  sender(): SocketAddress {
    this.#lastSender ??= new LastSender();
    return this.#lastSender.read();
  }

  /**
   * recv's and recvfrom's hot path, on a non-blocking socket (`fd`,
   * `handle`), with `bufsize` and `flags` checked: OPS.recv's and
   * OPS.recvfrom's attempt and loop form, by hand, as in recvInto, into the
   * receive slab. Resolves with the Buffer (and with `from` the sender); null
   * if a recv waits here already (the caller waits in a buffer of its own).
   */
  recvInSlab(fd: number, handle: SocketHandle, bufsize: number, flags: number,
    from: boolean): Promise<Buffer | [Buffer, SocketAddress]> | null {
    const slab = receiveSlab.room(bufsize);
    if (!this.#skipsAttempt()) {
      const got = from ? binding.recvfromNow(fd, slab, receiveSlab.at, bufsize, flags)
        : binding.recv(fd, slab, receiveSlab.at, bufsize, flags);
      if (got !== EAGAIN) {
        if (got < 0) return Promise.reject(errorFromStatus(got, from ? 'recvfrom' : 'recv'));
        const bytes = receiveSlab.take(this.received(got, bufsize), bufsize);
        return Promise.resolve(from ? [bytes, this.sender()] : bytes);
      }
      this.#missed();
    }
    if (this.#busy) return null;
    return this.#waitInSlab(handle, slab, receiveSlab.reserve(bufsize), bufsize, flags, from);
  }

  /**
   * recvInto's hot path, on a non-blocking socket (`fd`, `handle`), with its
   * arguments checked: OPS.recv's attempt and loop form, by hand, no array or
   * closure per call. Bytes already queued come back in a settled promise;
   * otherwise the waiter's promise, settled by the addon; a second recv
   * waiting at once gets a native promise, in the same queue.
   */
  recvInto(fd: number, handle: SocketHandle, view: ArrayBufferView, n: number, flags: number): Promise<number> {
    if (!this.#skipsAttempt()) {
      const got = binding.recv(fd, view, 0, n, flags);
      if (got !== EAGAIN) return this.#receivedNow(got, n);
      this.#missed();
    }
    if (!this.#busy) {
      const status = binding.recvOnLoopForWaiter(handle, view, 0, n, flags);
      if (status !== undefined) return this.#receivedNow(status, n);
      this.#memory = null;
      return this.#waiting(n);
    }
    const waiting = binding.recvOnLoop(handle, view, 0, n, flags, 0);
    return typeof waiting === 'number' ? this.#receivedNow(waiting, n) : waiting.then((got) => this.received(got, n));
  }

  /**
   * recv(2) (recvfrom(2) with `from`) of up to `n` bytes into `slab` at `at`,
   * reserved for it, once `handle`'s socket is readable: those bytes as a
   * Buffer (bytesOf), and with `from` the sender.
   */
  #waitInSlab(handle: SocketHandle, slab: Buffer, at: number, n: number, flags: number,
    from: boolean): Promise<Buffer | [Buffer, SocketAddress]> {
    const status = from ? binding.recvfromOnLoopForWaiter(handle, slab, at, n, flags)
      : binding.recvOnLoopForWaiter(handle, slab, at, n, flags);
    if (status !== undefined) return Promise.reject(errorFromStatus(status, from ? 'recvfrom' : 'recv'));
    this.#memory = receiveSlab.arrayBuffer;
    this.#at = at;
    this.#from = from;
    return this.#waiting(n);
  }

  #waiting<T>(n: number): Promise<T> {
    this.#asked = n;
    return new Promise<T>((resolve, reject) => {
      this.#resolve = resolve as (value: never) => void;
      this.#reject = reject;
    });
  }

  /** Called by the addon: the count, a negative status, or an Error it raised. */
  settle(result: number | Error): void {
    const resolve = this.#resolve as ((value: unknown) => void) | null;
    const reject = this.#reject;
    this.#resolve = null;
    this.#reject = null;
    if (resolve === null || reject === null) return;
    const memory = this.#memory;
    this.#memory = null;
    if (typeof result !== 'number') {
      reject(result);
    } else if (result < 0) {
      reject(errorFromStatus(result, memory !== null && this.#from ? 'recvfrom' : 'recv'));
    } else if (memory === null) {
      resolve(this.received(result, this.#asked));
    } else {
      const bytes = bytesOf(memory, this.#at, this.received(result, this.#asked), this.#asked);
      resolve(this.#from ? [bytes, this.sender()] : bytes);
    }
  }
}

binding.setWaiterSettle(function settle(this: RecvWaiter, result: number | Error) {
  this.settle(result);
});
