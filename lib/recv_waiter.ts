// The recv of the non-blocking hot path that waits on the event loop
// (binding.recvOnLoopForWaiter). The promise is made here and settled by the
// addon calling `settle` on this object, which costs less than a promise
// made and resolved natively and a `then` on it (native/event_loop_op.h).
//
// One per socket, handed to the addon with its handle (binding.socketHandle),
// which keeps it. It holds the resolving functions only while a recv waits
// (when the addon holds the handle anyway), so that reference keeps no
// socket alive.
import { binding, type SocketHandle } from './binding';
import { errorFromStatus } from './errors';

export class RecvWaiter {
  /**
   * A short read drained this stream: the next recv will most likely find
   * nothing, so it waits for readiness without a first attempt (a miss costs
   * a syscall; waiting on a socket that is readable costs a turn of the
   * loop, no more).
   */
  streamDrained = false;
  readonly #stream: boolean;
  #resolve: ((got: number) => void) | null = null;
  #reject: ((error: unknown) => void) | null = null;
  #asked = 0;

  constructor(stream: boolean) {
    this.#stream = stream;
  }

  /** Whether a recv waits here now: a second one at once waits on its own promise. */
  get busy(): boolean {
    return this.#resolve !== null;
  }

  /** A recv's result: the count, or the typed error thrown. */
  received(got: number, asked: number): number {
    if (got < 0) throw errorFromStatus(got, 'recv');
    this.streamDrained = this.#stream && got < asked;
    return got;
  }

  /** `received` for a result in hand: a settled promise, rejected with the typed error. */
  receivedNow(got: number, asked: number): Promise<number> {
    return got < 0 ? Promise.reject(errorFromStatus(got, 'recv')) : Promise.resolve(this.received(got, asked));
  }

  /** recv(2) of up to `n` bytes into `view` once `handle`'s socket is readable. */
  wait(handle: SocketHandle, view: ArrayBufferView, n: number, flags: number): Promise<number> {
    const status = binding.recvOnLoopForWaiter(handle, view, 0, n, flags);
    if (status !== undefined) return this.receivedNow(status, n);
    this.#asked = n;
    return new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Called by the addon: the count, a negative status, or an Error it raised. */
  settle(result: number | Error): void {
    const resolve = this.#resolve;
    const reject = this.#reject;
    this.#resolve = null;
    this.#reject = null;
    if (resolve === null || reject === null) return;
    if (typeof result !== 'number') {
      reject(result);
    } else if (result < 0) {
      reject(errorFromStatus(result, 'recv'));
    } else {
      resolve(this.received(result, this.#asked));
    }
  }
}

binding.setWaiterSettle(function settle(this: RecvWaiter, result: number | Error) {
  this.settle(result);
});
