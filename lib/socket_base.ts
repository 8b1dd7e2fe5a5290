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
import type { Duplex } from 'node:stream';
import { inspect } from 'node:util';

import { addressDetails, toNativeAddress, type Address, type SocketAddress } from './address';
import type { Message, ReceivedAncillary } from './ancillary';
import { binding, type SocketHandle } from './binding';
import type { CheckedProgram } from './bpf/checked_program';
import type { BpfProgram } from './bpf/program';
import { AF_INET, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, SOMAXCONN } from './constants';
import { closedError, errorFromStatus, SocketClosedError, SocketError, withPermissionHint } from './errors';
import './leak_guard';
import { MAX_OPTION_SIZE } from './limits';
import type { Op } from './ops';
import { decodeOption, encodeOption, optionSize, type OptionValue } from './options';
import { bindPermissionHint, socketPermissionHint } from './privileges';
import { END_RECEIVER, startAcceptEach, type AcceptEachOptions, type Receiver } from './receiver';
import { RecvWaiter } from './recv_waiter';
import { checkInt, checkInt32, checkTimeout, type BinaryLike } from './validate';
import { OPS } from './ops';
import { attachFilter, detachFilter, lockFilter, type AttachFilterOptions } from './socket_filter';
import { socketDuplex, receivedChunks, type MakefileOptions } from './socket_stream';
import { checkCallOptions, failed, syncTimeout, waitFor, type CallOptions } from './wait';
import type { RecvMsgOptions } from './messages';
import type { Socket } from './socket';

const TYPE_FLAGS = SOCK_NONBLOCK | SOCK_CLOEXEC;

/** The timeout of sockets made from now on (setdefaulttimeout), as Python's module-wide default. */
let defaultTimeout: number | null = null;

/**
 * The timeout, in milliseconds, that new sockets start with (null: blocking
 * without limit, the default; 0: non-blocking), as Python's
 * `socket.setdefaulttimeout`. A socket made with SOCK_NONBLOCK starts
 * non-blocking whatever it is; sockets made before keep theirs.
 */
export function setdefaulttimeout(ms: number | null): void {
  defaultTimeout = ms === null ? null : checkTimeout(ms, 'timeout');
}

/** The timeout new sockets start with (setdefaulttimeout), null by default. */
export function getdefaulttimeout(): number | null {
  return defaultTimeout;
}
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
/** Starts a receiver of another module (the packet ring's) on the socket. */
export const START_RECEIVER = Symbol('startReceiver');
/** The fd for a syscall made now, or SocketClosedError. */
export const OPEN = Symbol('open');
/** A ...Sync call of a table operation. */
export const SYNC = Symbol('sync');
/** A Promise call of a table operation. */
export const WAIT = Symbol('wait');
/** An accepted fd as a Socket (Socket's, which SocketBase cannot make). */
export const ACCEPTED = Symbol('accepted');

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
      this[TIMEOUT] = (type & SOCK_NONBLOCK) !== 0 ? 0 : defaultTimeout;
    }
    this[RECV_WAITER] = new RecvWaiter(this.#type === SOCK_STREAM);
    this[HANDLE] = binding.socketHandle(this[FD], this[RECV_WAITER]);
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
    // Wake the pending waits first: a pool thread's last attempt then meets
    // the fd while it is still O_NONBLOCK, and cannot block on it.
    const fd = binding.detach(this[HANDLE]);
    const blocking = this[TIMEOUT] !== 0;
    this.#release();
    binding.setNonBlocking(fd, !blocking);
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

  /**
   * Whether a program this process execs inherits the fd: FD_CLOEXEC clear
   * (fcntl(2)). False for every fd the library makes. Raises SocketClosedError.
   */
  get_inheritable(): boolean {
    const r = binding.isInheritable(this[OPEN]('fcntl'));
    if (r < 0) throw errorFromStatus(r, 'fcntl');
    return r === 1;
  }

  /** Clears (true) or sets (false) FD_CLOEXEC (fcntl(2)), as Python's set_inheritable. */
  set_inheritable(inheritable: boolean): void {
    if (typeof inheritable !== 'boolean') throw new TypeError('inheritable must be a boolean');
    const r = binding.setInheritable(this[OPEN]('fcntl'), inheritable);
    if (r < 0) throw errorFromStatus(r, 'fcntl');
  }

  /**
   * Attaches a classic BPF program as the socket's filter: setsockopt(2)
   * `SO_ATTACH_FILTER` (socket(7)), replacing any filter it had. From then on
   * the kernel runs it on each packet before queueing it: 0 drops the packet,
   * n keeps its first n bytes. `{ drain: true }` also drops what was queued
   * before (see {@link AttachFilterOptions}). Build the program with
   * {@link assemble}, check it with {@link checkFilter}, try it with
   * {@link runFilter}. Raises {@link BpfProgramError} (EINVAL) for a program
   * the kernel refuses, with the instruction and why; PermissionDeniedError
   * (EPERM) once the filter is locked; TypeError or RangeError for a program
   * that is not `{ code, jt, jf, k }[]` with fields in range.
   */
  attachFilter(program: BpfProgram | CheckedProgram, options?: AttachFilterOptions): void {
    attachFilter(() => this[OPEN]('setsockopt'), program, options);
  }

  /**
   * Removes the socket's filter: setsockopt(2) `SO_DETACH_FILTER`
   * (socket(7)). Raises SocketError ENOENT when it has none,
   * PermissionDeniedError (EPERM) once the filter is locked.
   */
  detachFilter(): void {
    detachFilter(() => this[OPEN]('setsockopt'));
  }

  /**
   * Locks the socket's filter for the life of the socket: setsockopt(2)
   * `SO_LOCK_FILTER` (socket(7)). From then on attachFilter and detachFilter
   * raise PermissionDeniedError (EPERM), as a privileged process does before
   * handing the socket to a less trusted one.
   */
  lockFilter(): void {
    lockFilter(() => this[OPEN]('setsockopt'));
  }

  // --- Python's conveniences, made of the syscalls above and in Socket ---------

  /** connect(2), as {@link Socket.connect}. */
  abstract connect(address: Address, options?: CallOptions): Promise<void>;
  /** recv(2), as {@link Socket.recv}. */
  abstract recv(bufsize: number, flags?: number, options?: CallOptions): Promise<Buffer>;
  /** recvmsg(2), as {@link Socket.recvmsg}. */
  abstract recvmsg(bufsize: number, ancsize?: number, flags?: number, options?: RecvMsgOptions): Promise<Message>;
  /** recvmsg(2) on this thread, as {@link Socket.recvmsgSync}. */
  abstract recvmsgSync(bufsize: number, ancsize?: number, flags?: number, options?: { adoptFds?: boolean }): Message;
  /** send(2) until all is sent, as {@link Socket.sendall}. */
  abstract sendall(data: BinaryLike, flags?: number, options?: CallOptions): Promise<void>;
  protected abstract [ACCEPTED](fd: number): Socket;

  /**
   * accept4(2) for each connection as it comes, with a callback instead of a
   * promise: each time the socket is readable the addon accepts until none
   * is queued (or `budget` connections), calling `onConnection(conn)` with
   * each new Socket (as {@link Socket.accept} makes it); `receiver.from()` is
   * the latest peer, decoded only then. No promise or address object per
   * connection; a connection reset while it queued is skipped. Runs on the
   * event loop whatever the socket's mode; keeps the process alive until it
   * ends: `stop()`, `close()` (these call `options.onEnd(null)`) or a failed
   * accept4 (`onEnd(error)`: EMFILE, ENFILE, ENOBUFS, SocketError EINVAL when
   * not listening). One receiver per socket: SocketError EBUSY otherwise.
   */
  acceptEach(onConnection: (conn: Socket) => void, options: AcceptEachOptions = {}): Receiver {
    const handle = this[HANDLE];
    if (handle === null) throw closedError('accept');
    this[RECEIVER] = startAcceptEach(handle, (fd) => this[ACCEPTED](fd), onConnection, options);
    return this[RECEIVER];
  }

  /**
   * connect(2), giving its errno instead of raising, as Python's connect_ex:
   * 0 once connected, else the positive errno (ECONNREFUSED, ETIMEDOUT, …).
   * Bad arguments and a closed socket still raise.
   */
  async connect_ex(address: Address, options?: CallOptions): Promise<number> {
    try {
      await this.connect(address, options);
      return 0;
    } catch (error) {
      if (error instanceof SocketError && !(error instanceof SocketClosedError) && error.errno > 0) return error.errno;
      throw error;
    }
  }

  /**
   * sendfile(2): `count` bytes of the file open as `fd` from `offset` (or up to
   * its end), with no copy through JavaScript; the file's own offset is not
   * moved. Waits for room as a blocking send does, in either mode, and
   * returns the bytes sent: `count`, or less only at the file's end. Raises
   * what {@link Socket.send} raises, and SocketError EBADF / EINVAL for an fd
   * that is not a readable regular file.
   */
  async sendfile(fd: number, offset = 0, count?: number, options?: CallOptions): Promise<number> {
    this[OPEN]('sendfile');
    const args: [number, number, number] = [checkInt(fd, 'fd', 0, 0x7fffffff),
      checkInt(offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
      count === undefined ? -1 : checkInt(count, 'count', 0, Number.MAX_SAFE_INTEGER)];
    if (args[2] === 0) return 0;
    // Non-blocking too: one wait that sends it all, as Python's sendfile does.
    const mode = this[TIMEOUT];
    return waitFor(OPS.sendfile, args, checkCallOptions(options), this[HANDLE], this[FD], mode === 0 ? null : mode);
  }

  /**
   * recvmsg(2) into the caller's buffers, filled one after the other, as
   * Python's recvmsg_into: `[nbytes, ancillary, flags, address]`. The message
   * is received once and scattered: MSG_TRUNC says it was longer than all of
   * them together. Raises what {@link Socket.recvmsg} raises.
   */
  async recvmsg_into(buffers: ArrayBufferView[], ancsize = 0, flags = 0, options?: RecvMsgOptions):
  Promise<[nbytes: number, ancillary: ReceivedAncillary[], flags: number, address: SocketAddress | null]> {
    const total = scatterSize(buffers);
    return scatter(buffers, await this.recvmsg(total, ancsize, flags, options));
  }

  /** recvmsg_into on this thread, as {@link Socket.recvmsgSync}. */
  recvmsg_intoSync(buffers: ArrayBufferView[], ancsize = 0, flags = 0, options?: { adoptFds?: boolean }):
  [nbytes: number, ancillary: ReceivedAncillary[], flags: number, address: SocketAddress | null] {
    return scatter(buffers, this.recvmsgSync(scatterSize(buffers), ancsize, flags, options));
  }

  /**
   * A Node `Duplex` over this connected socket, as Python's makefile: reads
   * are recv(2)s made as fast as the consumer reads, writes are sendall()s
   * (backpressure both ways), `end()` is shutdown(SHUT_WR), errors are the
   * typed socket errors. The socket stays the caller's to close.
   */
  makefile(options: MakefileOptions = {}): Duplex {
    this[OPEN]('makefile');
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    const readSize = options.readSize === undefined ? undefined : checkInt(options.readSize, 'readSize', 1, 0x7fffffff);
    return socketDuplex(this as unknown as Parameters<typeof socketDuplex>[0], { ...options, readSize });
  }

  /** `for await (const chunk of sock)`: each recv(2) of up to 64 KiB, until the peer ends the stream. */
  [Symbol.asyncIterator](): AsyncGenerator<Buffer, void, undefined> {
    return receivedChunks(this as unknown as Parameters<typeof receivedChunks>[0]);
  }

  /**
   * How `util.inspect` and `console.log` show the socket, as Python's repr: its
   * fd, family, type, protocol, timeout, and its local and peer addresses
   * (`laddr`, `raddr`) where it has them.
   */
  [inspect.custom](): string {
    if (this[HANDLE] === null) return `Socket { closed, family: ${this.#family}, type: ${this.#type} }`;
    const laddr = describeAddress(binding.getsockname(this[FD]));
    const raddr = describeAddress(binding.getpeername(this[FD]));
    return `Socket { fd: ${this.fileno()}, family: ${this.#family}, type: ${this.#type}, `
      + `protocol: ${this.#protocol}, timeout: ${this[TIMEOUT]}${laddr === null ? '' : `, laddr: ${laddr}`}`
      + `${raddr === null ? '' : `, raddr: ${raddr}`} }`;
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

  /**
   * @internal Makes `start(handle)`'s receiver the socket's (lib/packet_ring.ts),
   * which close() and detach() then end; SocketClosedError once closed.
   */
  [START_RECEIVER](syscall: string, start: (handle: SocketHandle) => Receiver): Receiver {
    const handle = this[HANDLE];
    if (handle === null) throw closedError(syscall);
    this[RECEIVER] = start(handle);
    return this[RECEIVER];
  }

  #release(): void {
    this[RECEIVER]?.[END_RECEIVER]();
    this[RECEIVER] = null;
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

/** An address as repr shows it ('127.0.0.1:80', '[::1]:80', a path), or null for none. */
function describeAddress(address: unknown): string | null {
  if (typeof address !== 'object' || address === null) return null;
  const a = address as { address?: string; port?: number; path?: string | Buffer };
  if (a.address !== undefined) return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
  if (a.path !== undefined && a.path.length > 0) return JSON.stringify(a.path.toString());
  return null;
}

function scatterSize(buffers: unknown): number {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw new TypeError('buffers must be an array of TypedArrays or DataViews');
  }
  return (buffers as ArrayBufferView[]).reduce((sum, b) => sum + b.byteLength, 0);
}

/** A received message copied across `buffers` in order. */
function scatter(buffers: ArrayBufferView[], message: Message):
[number, ReceivedAncillary[], number, SocketAddress | null] {
  let at = 0;
  for (const b of buffers) {
    if (at >= message.data.length) break;
    at += message.data.copy(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), 0, at);
  }
  return [message.data.length, message.ancillary as ReceivedAncillary[], message.flags, message.address];
}
