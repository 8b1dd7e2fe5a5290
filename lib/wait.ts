// How a Promise operation waits. `waitFor` reads one entry of the operation
// table (ops.ts): an attempt at once, and if it would block, a wait on a
// threadpool worker (a blocking socket) or on the event loop (a
// non-blocking one), bounded by the call's or the socket's timeout and ended
// by an AbortSignal. The socket's timeout rule and the native timeout of a
// ...Sync call are here too, once.
import { constants as osConstants } from 'node:os';

import { addressDetails } from './address';
import { binding, type SocketHandle, type Status } from './binding';
import { AbortError, closedError, errorFromStatus } from './errors';
import type { Op } from './ops';
import { checkTimeout, INT32_MAX } from './validate';

/** Per-call options of every Promise method. */
export interface CallOptions {
  /** Milliseconds this call may wait; overrides the socket's timeout. */
  timeout?: number;
  /** Ends the wait with an AbortError. */
  signal?: AbortSignal;
}

/** A call's options once checked; undefined when it gave none. */
export interface CallLimits {
  readonly timeout: number | undefined;
  readonly signal: AbortSignal | undefined;
}

export const EAGAIN = -osConstants.errno.EAGAIN;
const { STATUS_CANCELLED, STATUS_TIMED_OUT, STATUS_CLOSED } = binding.internal;
/** The native timeout that means "no limit". */
const WAIT_FOREVER = -1;
/** The longest setTimeout Node takes; it fires at once past it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether a native result is a failure: -errno or a status. */
export function failed(result: unknown): result is number {
  return typeof result === 'number' && result < 0;
}

/**
 * The socket-timeout rule, for every Promise call and for sendallSync: how
 * long the call may wait, in ms, or undefined for no limit. The call's own
 * timeout wins; else a blocking socket's timeout (null: none). A
 * non-blocking socket's 0 bounds nothing: its Promise calls wait on the loop.
 */
export function waitLimit(socketTimeout: number | null, callTimeout: number | undefined): number | undefined {
  return callTimeout ?? (socketTimeout === 0 ? undefined : socketTimeout ?? undefined);
}

/** The native timeout of a ...Sync call: 0 = one attempt (non-blocking), -1 = no limit. */
export function syncTimeout(socketTimeout: number | null): number {
  return socketTimeout ?? WAIT_FOREVER;
}

/** When a call bounded by `limit` ms must end (performance.now() time), or undefined. */
export function deadlineAfter(limit: number | undefined): number | undefined {
  return limit === undefined ? undefined : performance.now() + limit;
}

/** What is left before `deadline`, in ms; throws SocketTimeoutError once it has passed. */
export function timeLeft(deadline: number, syscall: string): number {
  const left = deadline - performance.now();
  if (left <= 0) throw errorFromStatus(STATUS_TIMED_OUT, syscall);
  return left;
}

/**
 * A call's options, checked (TypeError / RangeError, AbortError if the
 * signal has fired). Read before the fd the call uses: the getters of an
 * options object are user code, which may close the socket.
 */
export function checkCallOptions(options: CallOptions | undefined): CallLimits | undefined {
  if (options === undefined) return undefined;
  const signal = options.signal;
  const timeout = options.timeout === undefined ? undefined : checkTimeout(options.timeout, 'timeout');
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return { timeout, signal };
}

let lastCancelId = 0;
function newCancelId(): number {
  lastCancelId = lastCancelId >= INT32_MAX ? 1 : lastCancelId + 1;
  return lastCancelId;
}

/**
 * Runs one operation of the table as a Promise: an attempt at once (unless
 * the entry leaves it to the worker), and if it would block, a wait on a
 * worker (blocking socket) or on the event loop (non-blocking). `handle` and
 * `fd` are the socket's as they are now (null: closed); `socketTimeout` its
 * mode. Resolves with the result; rejects with the typed error.
 */
export async function waitFor<A extends unknown[], R>(op: Op<A, R>, args: A, call: CallLimits | undefined,
  handle: SocketHandle | null, fd: number, socketTimeout: number | null): Promise<R> {
  const blocking = socketTimeout !== 0;
  let result: R | Status = EAGAIN;
  // What a blocking send's first attempt moved, when not all (sendsAll).
  let sent = 0;
  if (!(blocking && op.threadpoolFirst?.(args) === true)) {
    result = handle === null ? STATUS_CLOSED : op.sync(fd, ...args, 0);
    if (result === op.inProgress) {
      result = EAGAIN;
    } else if (blocking && op.sendsAll && (result as number) > 0 && (result as number) < (args[2] as number)) {
      sent = result as number;
      result = EAGAIN;
    }
  }
  if (result === EAGAIN) {
    if (handle === null) throw closedError(op.syscall);
    const limit = waitLimit(socketTimeout, call?.timeout);
    result = blocking
      ? await onThreadpool(handle, op, sent === 0 ? args : rest(args, sent), limit ?? WAIT_FOREVER, call?.signal)
      : await onEventLoop(handle, op, args, limit, call?.signal);
    // A send that goes on from `sent`: its bytes count, and an error after
    // some were sent reports them instead (as send(2) does), unless the
    // socket closed.
    if (sent !== 0) result = (result as number) >= 0 ? sent + (result as number) : result === STATUS_CLOSED ? result : sent;
  }
  if (failed(result)) throw errorFromStatus(result, op.syscall, addressDetails(op.details?.(args) ?? undefined), call?.signal);
  return result as R;
}

/** The arguments (data, offset, length, …) of what is left once `done` bytes have moved. */
function rest<A extends unknown[]>(args: A, done: number): A {
  const left = args.slice() as A;
  left[1] = (args[1] as number) + done;
  left[2] = (args[2] as number) - done;
  return left;
}

/**
 * A blocking socket's wait: on a worker, or on the event loop when socket
 * waits hold every thread they may (threadpool.ts); the addon decides. The
 * worker's own deadline ends a running wait; the timer ends one still
 * queued for a thread, or waiting on the loop.
 */
async function onThreadpool<A extends unknown[], R>(handle: SocketHandle, op: Op<A, R>, args: A, timeoutMs: number,
  signal: AbortSignal | undefined): Promise<R | Status> {
  const cancelId = newCancelId();
  const onAbort = (): void => { binding.cancel(handle, cancelId, STATUS_CANCELLED); };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs === WAIT_FOREVER ? undefined
    : startTimer(timeoutMs, () => binding.cancel(handle, cancelId, STATUS_TIMED_OUT));
  try {
    return await op.worker(handle, ...args, timeoutMs, cancelId);
  } finally {
    timer?.cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Waits on the event loop (the native op attempts again on each readiness).
 * With neither a timeout nor a signal this is the native promise itself: the
 * common case costs no closure and no timer.
 */
async function onEventLoop<A extends unknown[], R>(handle: SocketHandle, op: Op<A, R>, args: A,
  timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<R | Status> {
  if (timeoutMs === undefined && signal === undefined) return await onLoop(handle, op, args, 0);
  const cancelId = newCancelId();
  let stop = 0;
  const end = (why: number): void => {
    stop = why;
    binding.cancel(handle, cancelId);
  };
  const onAbort = (): void => end(STATUS_CANCELLED);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs === undefined ? undefined : startTimer(timeoutMs, () => end(STATUS_TIMED_OUT));
  try {
    const result = await onLoop(handle, op, args, cancelId);
    return result === STATUS_CANCELLED && stop !== 0 ? stop : result;
  } finally {
    timer?.cancel();
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The entry's loop form, with the arguments it takes. */
function onLoop<A extends unknown[], R>(handle: SocketHandle, op: Op<A, R>, args: A,
  cancelId: number): Promise<R | Status> | Status {
  return op.loopArgs ? op.loop(handle, ...args, cancelId) : op.loop(handle, cancelId);
}

/**
 * setTimeout that never fires before `ms` have passed on the monotonic clock.
 * Node's timers count from the loop's cached time, which can be some ms old
 * when the call starts, and take at most 2^31-1 ms (firing at once past it).
 */
function startTimer(ms: number, fire: () => void): { cancel(): void } {
  const due = performance.now() + ms;
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = due - performance.now();
    if (left <= 0) fire();
    else timer = setTimeout(arm, Math.min(Math.ceil(left), MAX_TIMER_MS));
  };
  timer = setTimeout(arm, Math.min(ms, MAX_TIMER_MS));
  return { cancel: () => clearTimeout(timer) };
}
