// SocketBase: the descriptor and its settings, the base of the Socket class
// (socket.ts), as CPython's socket.socket subclasses _socket.socket. Here: the
// fd and its handle, the family, type and protocol, the mode and timeout,
// opening, adopting, closing and detaching, and the calls that never wait
// (bind, listen, shutdown, get/setsockopt, the names). Socket adds the calls
// that move data and may wait.
//
// The state Socket reads is in symbol-keyed members, not #private fields
// (those are per class): a symbol is not in Object.keys, so a socket shows
// none, as before, and its hot paths read them as plain fields.
import { inspect } from 'node:util';

import { addressDetails, toNativeAddress, type Address, type SocketAddress } from './address';
import { binding, type SocketHandle } from './binding';
import { AF_INET, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, SOMAXCONN } from './constants';
import { closedError, errorFromStatus, withPermissionHint } from './errors';
import { stopWatching, watchForLeak } from './leak_guard';
import { MAX_OPTION_SIZE } from './limits';
import type { Op } from './ops';
import { decodeOption, encodeOption, optionSize, type OptionValue } from './options';
import { bindPermissionHint, socketPermissionHint } from './privileges';
import { END_RECEIVER, type Receiver } from './receiver';
import { RecvWaiter } from './recv_waiter';
import { checkInt, checkInt32, checkTimeout } from './validate';
import { checkCallOptions, failed, syncTimeout, waitFor, type CallOptions } from './wait';

const TYPE_FLAGS = SOCK_NONBLOCK | SOCK_CLOEXEC;
// Node defines these as Symbol.for('nodejs.dispose') and friends; a vm
// context (a jest test, for one) has no Symbol.dispose of its own.
const DISPOSE: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
const ASYNC_DISPOSE: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

// The members Socket shares with its base. Not exported by the package.
/** The fd (-1 once closed); read it through OPEN unless the handle was just checked. */
export const FD = Symbol('fd');
/** The native handle, null once closed or detached. */
export const HANDLE = Symbol('handle');
/** null (blocking), 0 (non-blocking) or the milliseconds each blocking call may take. */
export const TIMEOUT = Symbol('timeout');
/** The hot path's recv on the loop, and whether the stream was drained. */
export const RECV_WAITER = Symbol('recvWaiter');
/** The running recvEach or recvmmsgEach, if any. */
export const RECEIVER = Symbol('receiver');
/** The fd for a syscall made now, or SocketClosedError. */
export const OPEN = Symbol('open');
/** A ...Sync call of a table operation. */
export const SYNC = Symbol('sync');
/** A Promise call of a table operation. */
export const WAIT = Symbol('wait');

/**
 * An fd the library already owns (accept, socketpair, fromFd), handed to the
 * constructor in place of its family. Only the library can make one: the
 * constructor knows it by its private field, so no user value passes for it.
 */
export class Adoption {
  readonly #brand = true;
  readonly type: number;
  constructor(readonly fd: number, readonly family: number, type: number, readonly protocol: number,
    readonly timeout: number | null) {
    this.type = type & ~TYPE_FLAGS;
  }

  static is(value: unknown): value is Adoption {
    return typeof value === 'object' && value !== null && #brand in value;
  }
}

/**
 * The base of {@link Socket}: the descriptor and its settings. It holds the
 * fd, its family, type, protocol and mode (timeout), and has the calls that
 * never wait: bind, listen, shutdown, getsockname, getpeername, setsockopt,
 * getsockopt, and close and detach. {@link Socket} adds the calls that move
 * data and may wait. Not made on its own: every socket is a Socket.
 */
export abstract class SocketBase {
  protected [FD]: number;
  protected [HANDLE]: SocketHandle | null;
  readonly #family: number;
  readonly #type: number;
  readonly #protocol: number;
  protected [TIMEOUT]: number | null;
  protected readonly [RECV_WAITER]: RecvWaiter;
  protected [RECEIVER]: Receiver | null = null;

  /**
   * socket(2): a new socket. `type` may carry SOCK_NONBLOCK (the socket starts
   * non-blocking); every fd is close-on-exec. Raises PermissionDeniedError for
   * SOCK_RAW without CAP_NET_RAW, SocketError EAFNOSUPPORT / EPROTONOSUPPORT /
   * EINVAL for unsupported combinations, EMFILE when out of fds.
   */
  constructor(family: number = AF_INET, type: number = SOCK_STREAM, protocol = 0) {
    const adoption: unknown = family;
    if (Adoption.is(adoption)) {
      this[FD] = adoption.fd;
      this.#family = adoption.family;
      this.#type = adoption.type;
      this.#protocol = adoption.protocol;
      this[TIMEOUT] = adoption.timeout;
    } else {
      checkInt32(family, 'family');
      checkInt32(type, 'type');
      checkInt32(protocol, 'protocol');
      const fd = binding.socket(family, type, protocol);
      if (fd < 0) {
        throw withPermissionHint(errorFromStatus(fd, 'socket'), socketPermissionHint(family, type & ~TYPE_FLAGS, protocol));
      }
      this[FD] = fd;
      this.#family = family;
      this.#type = type & ~TYPE_FLAGS;
      this.#protocol = protocol;
      this[TIMEOUT] = (type & SOCK_NONBLOCK) !== 0 ? 0 : null;
    }
    this[RECV_WAITER] = new RecvWaiter(this.#type === SOCK_STREAM);
    this[HANDLE] = binding.socketHandle(this[FD], this[RECV_WAITER]);
    watchForLeak(this, this[HANDLE], this[FD]);
  }

  /** The address family, such as AF_INET (as SO_DOMAIN reads it). */
  get family(): number { return this.#family; }
  /** The socket type without SOCK_NONBLOCK / SOCK_CLOEXEC. */
  get type(): number { return this.#type; }
  /** The protocol, such as IPPROTO_TCP, or 0 for the family's default (as given to socket(2)). */
  get protocol(): number { return this.#protocol; }
  /** Whether the socket is closed or detached. */
  get closed(): boolean { return this[HANDLE] === null; }

  /** The fd, or -1 once closed. The library still owns it: do not close(2) it. Never raises. */
  fileno(): number {
    return this[HANDLE] === null ? -1 : this[FD];
  }

  /**
   * Gives up the fd without closing it and returns it (-1 if closed). Its
   * O_NONBLOCK flag is set to match the socket's mode (fcntl(2)). Pending
   * operations end with SocketClosedError. Never raises.
   */
  detach(): number {
    if (this[HANDLE] === null) return -1;
    binding.setNonBlocking(this[FD], this[TIMEOUT] === 0);
    const fd = binding.detach(this[HANDLE]);
    this.#release();
    return fd;
  }

  /**
   * close(2), idempotent. Every pending operation on the socket, on a worker
   * or on the event loop, ends promptly with SocketClosedError; the fd itself
   * is closed once none of them uses it any more. Never raises, and close(2)
   * is never retried (its EINTR still closed the fd).
   */
  close(): void {
    if (this[HANDLE] === null) return;
    binding.close(this[HANDLE]);
    this.#release();
  }

  /** Closes the socket, as `close()`: `using s = socket(AF_INET, SOCK_DGRAM)` closes it at the end of the scope. */
  [DISPOSE](): void {
    this.close();
  }

  /** Closes the socket, as `close()`, for `await using`. */
  async [ASYNC_DISPOSE](): Promise<void> {
    this.close();
  }

  // --- calls that never block ------------------------------------------------

  /**
   * bind(2). Raises AddressInUseError, AddressNotAvailableError,
   * PermissionDeniedError (a port below 1024 without CAP_NET_BIND_SERVICE; the
   * message says how to get it), SocketError EINVAL (already bound).
   */
  bind(address: Address): void {
    this[OPEN]('bind');
    const native = toNativeAddress(address, this.#family);
    const r = binding.bind(this[OPEN]('bind'), native);
    if (r < 0) throw withPermissionHint(errorFromStatus(r, 'bind', addressDetails(native)), bindPermissionHint(native.port));
  }

  /**
   * listen(2). The backlog defaults to SOMAXCONN (the kernel caps it).
   * Raises AddressInUseError (another socket listens on the port, or no
   * ephemeral port is left for an unbound socket), SocketError EOPNOTSUPP (a
   * type that cannot listen, such as SOCK_DGRAM).
   */
  listen(backlog: number = SOMAXCONN): void {
    this[OPEN]('listen');
    const r = binding.listen(this[OPEN]('listen'), checkInt32(backlog, 'backlog'));
    if (r < 0) throw errorFromStatus(r, 'listen');
  }

  /** shutdown(2) with SHUT_RD, SHUT_WR or SHUT_RDWR. Raises SocketError ENOTCONN. */
  shutdown(how: number): void {
    this[OPEN]('shutdown');
    const r = binding.shutdown(this[OPEN]('shutdown'), checkInt32(how, 'how'));
    if (r < 0) throw errorFromStatus(r, 'shutdown');
  }

  /** getsockname(2): the local address (after bind(2), or the one connect(2) picked). Raises only SocketClosedError. */
  getsockname(): SocketAddress {
    const r = binding.getsockname(this[OPEN]('getsockname'));
    if (failed(r)) throw errorFromStatus(r, 'getsockname');
    return r as SocketAddress;
  }

  /** getpeername(2): the peer's address. Raises SocketError ENOTCONN. */
  getpeername(): SocketAddress {
    const r = binding.getpeername(this[OPEN]('getpeername'));
    if (failed(r)) throw errorFromStatus(r, 'getpeername');
    return r as SocketAddress;
  }

  /**
   * setsockopt(2). Known options (lib/options.ts) take their natural value:
   * a number, a boolean, milliseconds (SO_RCVTIMEO), a string
   * (SO_BINDTODEVICE, TCP_CONGESTION) or an object (SO_LINGER { onoff,
   * seconds }, IP_ADD_MEMBERSHIP { multiaddr, address?, ifindex? },
   * PACKET_ADD_MEMBERSHIP { ifindex, type, address? }, …). Any option also
   * takes raw bytes; an unknown one takes bytes or a number (a C int).
   * Raises SocketError ENOPROTOOPT (an option this socket lacks) or EINVAL (a
   * bad value), PermissionDeniedError (EPERM: an option that needs
   * CAP_NET_ADMIN), TypeError for a value of the wrong type.
   */
  setsockopt(level: number, name: number, value: OptionValue | ArrayBufferView | ArrayBuffer): void {
    this[OPEN]('setsockopt');
    checkInt32(level, 'level');
    checkInt32(name, 'name');
    const bytes = encodeOption(level, name, value);
    const r = binding.setsockopt(this[OPEN]('setsockopt'), level, name, bytes, 0, bytes.byteLength);
    if (r < 0) throw errorFromStatus(r, 'setsockopt');
  }

  /**
   * getsockopt(2). A known option comes back as its natural value (see
   * setsockopt); an unknown one as a Buffer of what the kernel wrote. With
   * `buflen`, any option comes back as up to `buflen` raw bytes. Raises
   * SocketError ENOPROTOOPT (an option this socket lacks).
   */
  getsockopt(level: number, name: number): OptionValue;
  getsockopt(level: number, name: number, buflen: number): Buffer;
  getsockopt(level: number, name: number, buflen?: number): OptionValue {
    this[OPEN]('getsockopt');
    checkInt32(level, 'level');
    checkInt32(name, 'name');
    const size = buflen === undefined ? optionSize(level, name) : checkInt(buflen, 'buflen', 1, MAX_OPTION_SIZE);
    const out = Buffer.alloc(size);
    const r = binding.getsockopt(this[OPEN]('getsockopt'), level, name, out);
    if (r < 0) throw errorFromStatus(r, 'getsockopt');
    return buflen === undefined ? decodeOption(level, name, out.subarray(0, r)) : out.subarray(0, r);
  }

  /**
   * Blocking (the default) or non-blocking: setblocking(false) is
   * settimeout(0), setblocking(true) settimeout(null). No syscall: the fd
   * stays O_NONBLOCK in the kernel.
   */
  setblocking(flag: boolean): void {
    this[OPEN]('setblocking');
    this[TIMEOUT] = flag ? null : 0;
  }

  /** Whether the socket blocks: false only when its timeout is 0. */
  getblocking(): boolean {
    return this[TIMEOUT] !== 0;
  }

  /**
   * The socket's timeout in milliseconds: null blocks without limit, 0 makes
   * the socket non-blocking, a positive number bounds every blocking call,
   * which then raises SocketTimeoutError. The limit holds across signals.
   * No syscall (SO_RCVTIMEO is not used). RangeError for a negative or
   * infinite number.
   */
  settimeout(ms: number | null): void {
    this[OPEN]('settimeout');
    this[TIMEOUT] = ms === null ? null : checkTimeout(ms, 'timeout');
  }

  /** The socket's timeout in milliseconds: null (blocks without limit), 0 (non-blocking) or the limit. */
  gettimeout(): number | null {
    return this[TIMEOUT];
  }

  /** How `util.inspect` and `console.log` show the socket: its fd, family, type, protocol and timeout. */
  [inspect.custom](): string {
    return `Socket { fd: ${this.fileno()}, family: ${this.#family}, type: ${this.#type}, `
      + `protocol: ${this.#protocol}, timeout: ${this[TIMEOUT]} }`;
  }

  // --- internals -------------------------------------------------------------

  /**
   * The fd, for a syscall made right now; throws once closed. Methods ask for
   * it again right before the native call, after every conversion that can
   * run user code (a getter, valueOf): such code may close the socket, and
   * the fd number may already be someone else's.
   */
  protected [OPEN](syscall: string): number {
    if (this[HANDLE] === null) throw closedError(syscall);
    return this[FD];
  }

  #release(): void {
    this[RECEIVER]?.[END_RECEIVER]();
    this[RECEIVER] = null;
    stopWatching(this);
    this[HANDLE] = null;
    this[FD] = -1;
  }

  /** A ...Sync call of a table operation: its sync form, waiting as the socket's timeout says. */
  protected [SYNC]<A extends unknown[], R>(op: Op<A, R>, args: A): R {
    const r = op.sync(this[OPEN](op.syscall), ...args, syncTimeout(this[TIMEOUT]));
    if (failed(r)) throw errorFromStatus(r, op.syscall, addressDetails(op.details?.(args) ?? undefined));
    return r as R;
  }

  /**
   * A Promise call of a table operation (wait.ts). The options are checked
   * first: their getters may close the socket, and the fd is read after them.
   */
  protected [WAIT]<A extends unknown[], R>(op: Op<A, R>, args: A, options: CallOptions | undefined): Promise<R> {
    const call = checkCallOptions(options);
    return waitFor(op, args, call, this[HANDLE], this[FD], this[TIMEOUT]);
  }
}
