// Receiver: the callback form of recv(2) / recvfrom(2), made by
// Socket.recvEach. The addon drains the socket on each readable event into
// one buffer and calls back per message (native/receiver.h): no promise, no
// closure and no allocation per message. Senders' addresses stay raw until
// from() decodes the latest one.
import type { SocketAddress } from './address';
import { binding, type SocketHandle } from './binding';
import { errorFromStatus } from './errors';
import { sizeof } from './constants';

/** Options of Socket.recvEach. */
export interface RecvEachOptions {
  /** recv(2) flags for every call (MSG_PEEK is refused: it would never drain). */
  flags?: number;
  /** recvfrom(2) instead of recv(2): keep each sender's address for `from()`. */
  from?: boolean;
  /** Messages per readable event before the event loop gets a turn (1–1024; 64). */
  budget?: number;
  /**
   * Called once when the receiver ends: with null for `stop()`, `close()` or
   * the end of a stream, with the typed error when a recv failed. Without it
   * an error is thrown as an uncaught exception, as an 'error' event with no
   * listener is.
   */
  onEnd?: (error: Error | null) => void;
}

/** Ends a receiver from its socket (close, detach). Not exported by the package. */
export const END_RECEIVER = Symbol('endReceiver');

export class Receiver {
  #handle: SocketHandle | null;
  readonly #address: Uint8Array | null;
  #addressLength = 0;
  readonly #onEnd: ((error: Error | null) => void) | undefined;
  readonly #syscall: string;

  /** @internal Made by Socket.recvEach, which has validated the arguments. */
  constructor(handle: SocketHandle, view: ArrayBufferView, length: number, onMessage: (length: number) => void,
    stream: boolean, options: RecvEachOptions) {
    this.#handle = handle;
    this.#address = options.from === true ? new Uint8Array(sizeof.sockaddr_storage) : null;
    this.#onEnd = options.onEnd;
    this.#syscall = options.from === true ? 'recvfrom' : 'recv';
    // The one function the addon calls: a length, or the status that ended
    // the native receiver (0 on a stream: its end).
    const delivered = (result: number, addressLength: number): void => {
      if (result > 0 || (result === 0 && !stream)) {
        this.#addressLength = addressLength;
        onMessage(result);
        return;
      }
      this.#handle = null;
      this.#finish(result === 0 ? null : errorFromStatus(result, this.#syscall));
    };
    const r = binding.recvEachOnLoop(handle, view, 0, length, options.flags ?? 0, this.#address, stream,
      options.budget ?? 64, delivered);
    if (r < 0) throw errorFromStatus(r, this.#syscall);
  }

  /** Whether it still receives (not stopped, closed or ended by an error). */
  get active(): boolean {
    return this.#handle !== null;
  }

  /**
   * The sender of the latest message, decoded now (recvEach with `from: true`);
   * null without `from`, or when the socket gives none (a stream).
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
