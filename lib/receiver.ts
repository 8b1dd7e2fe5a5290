// Receiver: the callback forms of receiving. Socket.recvEach calls back per
// message (recv(2) / recvfrom(2) into one buffer); Socket.recvmmsgEach per
// batch (recvmmsg(2) into a MessageBatch). The addon drains the socket on
// each readable event (native/receiver.h): no promise, no closure and no
// allocation per message. Senders' addresses stay raw until asked for.
import type { SocketAddress } from './address';
import { binding, type SocketHandle, type Status } from './binding';
import { errorFromStatus } from './errors';

/** Options of Socket.recvEach and Socket.recvmmsgEach. */
export interface ReceiveEachOptions {
  /** The receive flags for every call (MSG_PEEK is refused: it would never drain). */
  flags?: number;
  /**
   * Messages per readable event before the event loop gets a turn (1–1024;
   * recvEach: 64; recvmmsgEach: the batch's count, at least 64).
   */
  budget?: number;
  /**
   * Called once when the receiver ends: with null for `stop()`, `close()` or
   * the end of a stream, with the typed error when a receive failed. Without
   * it an error is thrown as an uncaught exception, as an 'error' event with
   * no listener is.
   */
  onEnd?: (error: Error | null) => void;
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
 * A running callback receiver, returned by {@link Socket.recvEach} and
 * {@link Socket.recvmmsgEach}: the addon drains the socket on each readable
 * event and calls back per message (recv(2), recvfrom(2)) or per batch
 * (recvmmsg(2)). Stop it with `stop()` or by closing the socket.
 */
export class Receiver {
  #handle: SocketHandle | null;
  readonly #address: Uint8Array | null;
  #addressLength = 0;
  readonly #onEnd: ((error: Error | null) => void) | undefined;
  readonly #syscall: string;

  /** @internal Made by Socket.recvEach and Socket.recvmmsgEach. */
  constructor(handle: SocketHandle, onResult: (result: number) => void, how: ReceiverStart) {
    this.#handle = handle;
    this.#address = how.address;
    this.#onEnd = how.onEnd;
    this.#syscall = how.syscall;
    // The one function the addon calls: a length (or a count of messages),
    // or the status that ended the native receiver (0 on a stream: its end).
    const delivered = (result: number, addressLength: number): void => {
      if (result > 0 || (result === 0 && !how.stream)) {
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
   * The sender of the latest message, decoded now (recvEach with `from: true`);
   * null without `from`, or when the socket gives none (a stream). A batch's
   * senders are its own: `batch.address(i)`.
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
