// The operation table: each operation that may wait, written once. An entry
// names its syscall and the binding functions of its three forms (sync: the
// fd and a timeout; worker: the handle, a timeout and a cancel id, for a
// blocking socket; loop: the handle and a cancel id, for a non-blocking one),
// and says how it waits where operations differ. One wait function
// (wait.ts) reads an entry; `Socket` hands it the entry and the arguments.
//
// The entries are checked against the `Binding` interface by `tsc`: an
// operation's arguments are its worker form's (without the handle, the
// timeout and the cancel id), and the sync and loop forms must take exactly
// those with their own first and last parameters, and return the same
// result. A signature that drifts on either side fails the build.
import { constants as osConstants } from 'node:os';

import { binding, type Binding, type NativeAddress, type SocketHandle, type Status } from './binding';
import { MSG_WAITALL } from './constants';

type Form = keyof Binding;
type Params<K extends Form> = Binding[K] extends (...args: infer P) => unknown ? P : never;
type Returns<K extends Form> = Binding[K] extends (...args: never[]) => infer R ? R : never;

/** An operation's own arguments: its worker form's, without the handle, the timeout and the cancel id. */
type ArgsOf<W extends Form> = Params<W> extends [SocketHandle, ...infer A, number, number] ? A : never;

/** What an operation gives when it succeeds (its statuses are numbers < 0). */
type ResultOf<W extends Form> = Settled<Awaited<Returns<W>>>;
type Settled<T> = [Exclude<T, number>] extends [never] ? number : Exclude<T, number>;

/** Which of the operation's arguments its loop form takes: all, or none (connect reads SO_ERROR). */
type LoopArgs = 'all' | 'none';

/**
 * Why an entry does not match the binding, as a string `tsc` prints; `never`
 * when it does. A mismatched entry must then have a property `mismatch` of
 * this type, which it has not: `tsc` fails and prints the reason.
 */
type Mismatch<S extends Form, W extends Form, L extends Form, N extends LoopArgs> =
  ArgsOf<W> extends never ? `${W} does not take (handle, …args, timeoutMs, cancelId)`
    : [number, ...ArgsOf<W>, number] extends Params<S>
      ? Returns<S> extends ResultOf<W> | Status
        ? [SocketHandle, ...(N extends 'none' ? [] : ArgsOf<W>), number] extends Params<L>
          ? Returns<L> extends Returns<W> ? never : `${L} does not return what ${W} returns`
          : `${L} does not take (handle, ${N extends 'none' ? '' : `…args of ${W}, `}cancelId)`
        : `${S} does not return what ${W} settles with`
      : `${S} does not take (fd, …args of ${W}, timeoutMs)`;

/** One entry as written in the table: binding functions by name. */
interface Spec<S extends Form, W extends Form, L extends Form, N extends LoopArgs, A> {
  /** The syscall, as errors name it. */
  syscall: string;
  /** The form that runs on the calling thread: (fd, …args, timeoutMs); the first attempt is it with timeout 0. */
  sync: S;
  /** The threadpool form, for a blocking socket: (handle, …args, timeoutMs, cancelId). */
  worker: W;
  /** The event-loop form, for a non-blocking socket: (handle, …args, cancelId). */
  loop: L;
  /** Whether the loop form takes the arguments ('all', the default) or none. */
  loopArgs?: N;
  /** Whether a blocking socket skips the first attempt: the worker must make it. */
  threadpoolFirst?: (args: A) => boolean;
  /** The address errors name. */
  details?: (args: A) => NativeAddress | null;
  /** A result besides EAGAIN that means "wait" (connect's EINPROGRESS). */
  inProgress?: number;
  /**
   * The arguments begin (data, offset, length): on a blocking socket, a first
   * attempt that moved only part of the data is not a result; the worker goes
   * on from there, as a blocking send(2) sends it all.
   */
  sendsAll?: boolean;
}

/** One entry as the wait function reads it: the binding functions themselves. */
export interface Op<A extends unknown[], R> {
  readonly syscall: string;
  readonly sync: (fd: number, ...rest: [...A, number]) => R | Status;
  readonly worker: (h: SocketHandle, ...rest: [...A, number, number]) => Promise<R | Status> | Status;
  /** Takes (h, …args, cancelId), or (h, cancelId) when `loopArgs` is false. */
  readonly loop: (h: SocketHandle, ...rest: [...A, number] | [number]) => Promise<R | Status> | Status;
  readonly loopArgs: boolean;
  readonly threadpoolFirst: ((args: A) => boolean) | undefined;
  readonly details: ((args: A) => NativeAddress | null) | undefined;
  readonly inProgress: number | undefined;
  readonly sendsAll: boolean;
}

/** The arguments of a table entry, as its Socket method passes them. */
export type OpArgs<O> = O extends Op<infer A, unknown> ? A : never;

function op<const S extends Form, const W extends Form, const L extends Form, const N extends LoopArgs = 'all'>(
  spec: Spec<S, W, L, N, ArgsOf<W>> & ([Mismatch<S, W, L, N>] extends [never] ? unknown : { mismatch: Mismatch<S, W, L, N> }),
): Op<ArgsOf<W>, ResultOf<W>> {
  // The types above have checked each form against the others; this is
  // the one place that looks the functions up by name.
  const form = binding as unknown as Record<Form, never>;
  return Object.freeze({
    syscall: spec.syscall,
    sync: form[spec.sync],
    worker: form[spec.worker],
    loop: form[spec.loop],
    loopArgs: spec.loopArgs !== 'none',
    threadpoolFirst: spec.threadpoolFirst,
    details: spec.details,
    inProgress: spec.inProgress,
    sendsAll: spec.sendsAll === true,
  });
}

const always = (): boolean => true;

/** Every operation that may wait. The non-blocking hot paths call the same binding functions by hand (socket.ts). */
export const OPS = Object.freeze({
  accept: op({ syscall: 'accept', sync: 'accept', worker: 'acceptOnWorker', loop: 'acceptOnLoop' }),
  connect: op({
    syscall: 'connect', sync: 'connect', worker: 'connectOnWorker', loop: 'connectOnLoop',
    // The first attempt starts the handshake; once the socket turns writable,
    // SO_ERROR holds the outcome, which the loop form reads. On a blocking
    // socket the worker does both.
    loopArgs: 'none', inProgress: -osConstants.errno.EINPROGRESS, threadpoolFirst: always,
    details: ([address]) => address,
  }),
  send: op({ syscall: 'send', sync: 'send', worker: 'sendOnWorker', loop: 'sendOnLoop', sendsAll: true }),
  sendto: op({
    syscall: 'sendto', sync: 'sendto', worker: 'sendtoOnWorker', loop: 'sendtoOnLoop',
    details: ([, , , , address]) => address,
  }),
  sendmsg: op({
    syscall: 'sendmsg', sync: 'sendmsg', worker: 'sendmsgOnWorker', loop: 'sendmsgOnLoop',
    details: ([, , , address]) => address,
  }),
  recv: op({
    syscall: 'recv', sync: 'recv', worker: 'recvOnWorker', loop: 'recvOnLoop',
    // MSG_WAITALL on a blocking socket: the worker collects the whole
    // buffer; a first attempt here would end it early.
    threadpoolFirst: ([, , , flags]) => (flags & MSG_WAITALL) !== 0,
  }),
  recvfrom: op({ syscall: 'recvfrom', sync: 'recvfrom', worker: 'recvfromOnWorker', loop: 'recvfromOnLoop' }),
  recvmsg: op({ syscall: 'recvmsg', sync: 'recvmsg', worker: 'recvmsgOnWorker', loop: 'recvmsgOnLoop' }),
  recvmmsg: op({ syscall: 'recvmmsg', sync: 'recvmmsg', worker: 'recvmmsgOnWorker', loop: 'recvmmsgOnLoop' }),
  sendmmsg: op({ syscall: 'sendmmsg', sync: 'sendmmsg', worker: 'sendmmsgOnWorker', loop: 'sendmmsgOnLoop' }),
  // It sends all of `count` (or to the file's end) in every form: a blocking
  // socket's worker makes every attempt, so none is cut short first.
  sendfile: op({
    syscall: 'sendfile', sync: 'sendfile', worker: 'sendfileOnWorker', loop: 'sendfileOnLoop', threadpoolFirst: always,
  }),
});
