// Receiver: the callback forms of receiving. Socket.recvEach calls back per
// message (recv(2) / recvfrom(2) into one buffer); Socket.recvmmsgEach per
// batch (recvmmsg(2) into a MessageBatch); Socket.acceptEach per connection
// (accept4(2) on a listening socket). The addon drains the socket on each
// readable event (native/receiver.h): no promise, no closure and no
// allocation per message. Senders' and peers' addresses stay raw until
// asked for.
import type { SocketAddress } from './address';
import { binding, type SocketHandle, type Status } from './binding';
import { MSG_PEEK, sizeof } from './constants';
import { errorFromStatus } from './errors';
import { MAX_RECEIVER_BUDGET } from './limits';
import type { MessageBatch } from './message_batch';
import type { Socket } from './socket';
import { checkInt, checkInt32 } from './validate';

/** Messages per readable event before the loop gets a turn, unless told: recvEach's, and recvmmsgEach's least. */
const DEFAULT_BUDGET = 64;

/** Options of Socket.acceptEach, and of the receive forms. */
export interface AcceptEachOptions {
  /**
   * Messages (connections) per readable event before the event loop gets a
   * turn (1–1024; recvEach and acceptEach: 64; recvmmsgEach: the batch's
   * count, at least 64).
   */
  budget?: number;
  /**
   * Called once when the receiver ends: with null for `stop()`, `close()` or
   * the end of a stream, with the typed error when a receive (an accept)
   * failed. Without it an error is thrown as an uncaught exception, as an
   * 'error' event with no listener is.
   */
  onEnd?: (error: Error | null) => void;
}

/** Options of Socket.recvEach and Socket.recvmmsgEach. */
export interface ReceiveEachOptions extends AcceptEachOptions {
  /** The receive flags for every call (MSG_PEEK is refused: it would never drain). */
  flags?: number;
}

/** Options of Socket.recvEach. */
export interface RecvEachOptions extends ReceiveEachOptions {
  /** recvfrom(2) instead of recv(2): keep each sender's address for `from()`. */
  from?: boolean;
}

/** What a receiver is started with, by its Socket method (validated there). */
export interface ReceiverStart {
  syscall: string;
  /** A stream's receiver ends at its end (a 0-byte read). */
  stream: boolean;
  /** Where the addon copies the latest sender (recvEach's `from`), or null. */
  address: Uint8Array | null;
  onEnd: ((error: Error | null) => void) | undefined;
  /** Starts the native receiver with the one function it calls. */
  start: (delivered: (result: number, addressLength: number) => void) => Status;
}

/** Ends a receiver from its socket (close, detach). Not exported by the package. */
export const END_RECEIVER = Symbol('endReceiver');

/**
 * A running callback receiver, returned by {@link Socket.recvEach},
 * {@link Socket.recvmmsgEach} and {@link Socket.acceptEach}: the addon
 * drains the socket on each readable event and calls back per message
 * (recv(2), recvfrom(2)), per batch (recvmmsg(2)) or per connection
 * (accept4(2)). Stop it with `stop()` or by closing the socket.
 */
export class Receiver {
  #handle: SocketHandle | null;
  readonly #address: Uint8Array | null;
  #addressLength = 0;
  readonly #onEnd: ((error: Error | null) => void) | undefined;
  readonly #syscall: string;

  /** @internal Made by Socket.recvEach, Socket.recvmmsgEach and Socket.acceptEach. */
  constructor(handle: SocketHandle, onResult: (result: number) => void, how: ReceiverStart) {
    this.#handle = handle;
    this.#address = how.address;
    this.#onEnd = how.onEnd;
    this.#syscall = how.syscall;
    // The one function the addon calls: a length (or a count of messages),
    // or the status that ended the native receiver (0 on a stream: its end).
    // It keeps `stream`, not `how`: what it closes over lives as long as the
    // receiver, and `how` would keep `start` and its context too (150 bytes
    // of heap per receiver).
    const stream = how.stream;
    const delivered = (result: number, addressLength: number): void => {
      if (result > 0 || (result === 0 && !stream)) {
        this.#addressLength = addressLength;
        onResult(result);
        return;
      }
      this.#handle = null;
      this.#finish(result === 0 ? null : errorFromStatus(result, this.#syscall));
    };
    const r = how.start(delivered);
    if (r < 0) throw errorFromStatus(r, this.#syscall);
  }

  /** Whether it still receives (not stopped, closed or ended by an error). */
  get active(): boolean {
    return this.#handle !== null;
  }

  /**
   * The sender of the latest message, decoded now (recvEach with `from: true`),
   * or the peer of the latest connection (acceptEach); null without `from`,
   * or when the socket gives none (a stream). A batch's senders are its own:
   * `batch.address(i)`.
   */
  from(): SocketAddress | null {
    if (this.#address === null || this.#addressLength === 0) return null;
    return binding.decodeAddress(this.#address, 0, Math.min(this.#addressLength, this.#address.length)) as SocketAddress;
  }

  /** Stops receiving; onEnd(null) follows on the next tick. Idempotent. */
  stop(): void {
    if (this.#handle === null) return;
    binding.stopRecvEach(this.#handle);
    this[END_RECEIVER]();
  }

  /** @internal The socket closed or let its fd go: the addon has dropped its side. */
  [END_RECEIVER](): void {
    if (this.#handle === null) return;
    this.#handle = null;
    process.nextTick(() => this.#finish(null));
  }

  #finish(error: Error | null): void {
    if (this.#onEnd !== undefined) {
      this.#onEnd(error);
    } else if (error !== null) {
      throw error;
    }
  }
}

/** Starts Socket.recvEach's receiver on `handle`: recv(2), or recvfrom(2) with `from`, into `view`. */
export function startRecvEach(handle: SocketHandle, view: ArrayBufferView, stream: boolean,
  onMessage: (length: number) => void, options: RecvEachOptions): Receiver {
  const { flags, budget, onEnd } = checkReceiveEach(onMessage, options, DEFAULT_BUDGET);
  const address = options.from === true ? new Uint8Array(sizeof.sockaddr_storage) : null;
  return new Receiver(handle, onMessage, {
    syscall: address === null ? 'recv' : 'recvfrom', stream, address, onEnd,
    start: (delivered) => binding.recvEachOnLoop(handle, view, 0, view.byteLength, flags, address, stream, budget,
      delivered),
  });
}

/** Starts Socket.recvmmsgEach's receiver on `handle`: recvmmsg(2) into `batch`. */
export function startRecvmmsgEach(handle: SocketHandle, batch: MessageBatch, onBatch: (count: number) => void,
  options: ReceiveEachOptions): Receiver {
  const { memory, count, size } = batch;
  const { flags, budget, onEnd } = checkReceiveEach(onBatch, options, Math.max(DEFAULT_BUDGET, count));
  return new Receiver(handle, onBatch, {
    syscall: 'recvmmsg', stream: false, address: null, onEnd,
    start: (delivered) => binding.recvmmsgEachOnLoop(handle, memory, count, size, flags, budget, delivered),
  });
}

/**
 * Starts Socket.acceptEach's receiver on `handle`: accept4(2), each new fd
 * made a Socket by `adopt` and handed to `onConnection`.
 */
export function startAcceptEach(handle: SocketHandle, adopt: (fd: number) => Socket,
  onConnection: (conn: Socket) => void, options: AcceptEachOptions): Receiver {
  const { budget, onEnd } = checkCallback(onConnection, options, DEFAULT_BUDGET);
  const address = new Uint8Array(sizeof.sockaddr_storage);
  return new Receiver(handle, (fd) => onConnection(adopt(fd)), {
    syscall: 'accept', stream: false, address, onEnd,
    start: (delivered) => binding.acceptEachOnLoop(handle, address, budget, delivered),
  });
}

/** The arguments recvEach and recvmmsgEach share; the budget defaults to `budget`. */
function checkReceiveEach(callback: unknown, options: ReceiveEachOptions,
  budget: number): { flags: number; budget: number; onEnd: ((error: Error | null) => void) | undefined } {
  const checked = checkCallback(callback, options, budget);
  const flags = checkInt32(options.flags ?? 0, 'flags');
  if ((flags & MSG_PEEK) !== 0) throw new RangeError('a receiver cannot use MSG_PEEK: it would never drain the socket');
  return { flags, ...checked };
}

/** The arguments every receiver takes: its callback, and options with a budget (by default `budget`) and onEnd. */
function checkCallback(callback: unknown, options: AcceptEachOptions,
  budget: number): { budget: number; onEnd: ((error: Error | null) => void) | undefined } {
  if (typeof callback !== 'function') throw new TypeError('the callback must be a function');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  if (options.onEnd !== undefined && typeof options.onEnd !== 'function') throw new TypeError('onEnd must be a function');
  return { budget: checkInt(options.budget ?? budget, 'budget', 1, MAX_RECEIVER_BUDGET), onEnd: options.onEnd };
}
