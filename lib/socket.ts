// The Socket class: the BSD socket API, one method per syscall.
//
// Every fd is O_NONBLOCK in the kernel; blocking is emulated above it
// (native/core/op_runner.h) so that every wait can be woken. The mode follows
// Python's socket timeouts:
//   timeout null (setblocking(true), the default)  blocking, no time limit
//   timeout > 0 (settimeout(ms))                    blocking, at most ms per call
//   timeout 0 (setblocking(false), SOCK_NONBLOCK)   non-blocking
// A ...Sync method blocks the calling thread as the C call would, or raises
// WouldBlockError on a non-blocking socket. A Promise method first tries the
// syscall at once; if it would block, a blocking socket waits on a libuv
// threadpool worker and a non-blocking one on the event loop (uv_poll).
//
// Each operation that may wait is an entry of the table in ops.ts; its two
// methods check their arguments and hand the entry to [WAIT] (wait.ts) or
// [SYNC]. The exceptions, written out by hand because they are measured per
// message, are the non-blocking paths of send, sendall, recv, recvInto,
// recvfrom, recvmmsg and sendmmsg, and sendSync, recvIntoSync and
// sendmmsgSync: they call the same binding functions with no array or
// closure per call.
import { toNativeAddress, type Address, type SocketAddress } from './address';
import type { Ancillary, Message } from './ancillary';
import { binding } from './binding';
import { SOCK_NONBLOCK, SOCK_STREAM } from './constants';
import { closedError, errorFromStatus } from './errors';
import { fitsReceiveSlab, receiveBuffer, recvmsgArgs, sendmsgArgs, shrink, toMessage, type RecvMsgOptions } from './messages';
import { OPS, type OpArgs as Args } from './ops';
import { startRecvEach, type Receiver, type RecvEachOptions } from './receiver';
import { SETTLED, sendallSync, unsent } from './sendall';
import * as base from './socket_base';
import { Adoption } from './socket_base';
import { BatchSocket } from './socket_batches';
import {
  byteLengthOf, checkInt, checkInt32, checkTimeout, INT32_MAX, receiveSize, toSendView, toView, type BinaryLike,
} from './validate';
import {
  deadlineAfter, EAGAIN, failed, syncTimeout, timeLeft, waitLimit, type CallOptions,
} from './wait';

export { CMSG_LEN, CMSG_SPACE, type RecvMsgOptions } from './messages';
export { SocketBase } from './socket_base';
export { BatchSocket } from './socket_batches';
export type { CallOptions } from './wait';

const { STATUS_CLOSED } = binding.internal;

// The keys of SocketBase's shared state, as local constants: each `this[FD]`
// on a hot path is then one keyed load, not a load from the module object
// first.
const ACCEPTED: typeof base.ACCEPTED = base.ACCEPTED;
const FD: typeof base.FD = base.FD;
const HANDLE: typeof base.HANDLE = base.HANDLE;
const OPEN: typeof base.OPEN = base.OPEN;
const RECEIVER: typeof base.RECEIVER = base.RECEIVER;
const RECV_WAITER: typeof base.RECV_WAITER = base.RECV_WAITER;
const SYNC: typeof base.SYNC = base.SYNC;
const TIMEOUT: typeof base.TIMEOUT = base.TIMEOUT;
const WAIT: typeof base.WAIT = base.WAIT;

/**
 * A socket: one fd, one method per syscall, each named after it. Made by
 * {@link socket} (or `new Socket()`), {@link socketpair}, {@link fromFd} or
 * `accept()`.
 *
 * The mode follows Python's socket timeouts: null (the default) blocks
 * without limit, a positive number of milliseconds bounds each blocking call,
 * 0 makes the socket non-blocking ({@link Socket.settimeout},
 * {@link Socket.setblocking}). A call that may wait has two forms: the
 * Promise method waits without blocking the JavaScript thread; the `…Sync`
 * method blocks the calling thread as the C call would, or raises
 * {@link WouldBlockError} on a non-blocking socket.
 *
 * Errors: a failed syscall raises (a Promise method rejects with) a
 * {@link SocketError} subclass whose `code` is the errno name. Every method
 * but `close()`, `detach()` and `fileno()` raises {@link SocketClosedError}
 * (EBADF) once the socket is closed, and `TypeError` / `RangeError` for a bad
 * argument before any syscall is made. A Promise method also rejects with
 * {@link SocketTimeoutError} when its timeout passes and {@link AbortError}
 * when its signal fires ({@link CallOptions}).
 */
export class Socket extends BatchSocket {
  /** Wraps an fd the library created (accept, socketpair). */
  static #adopt(fd: number, family: number, type: number, protocol: number, timeout: number | null): Socket {
    return new Socket(new Adoption(fd, family, type, protocol, timeout) as unknown as number);
  }

  /**
   * Takes ownership of an existing socket fd (as Python's `socket(fileno=fd)`):
   * family, type and protocol are read with getsockopt(2) (SO_DOMAIN, SO_TYPE,
   * SO_PROTOCOL), the blocking mode from its O_NONBLOCK flag. Raises SocketError
   * ENOTSOCK for an fd that is no socket, SocketClosedError for one not open.
   */
  static fromFd(fd: number): Socket {
    checkInt(fd, 'fd', 0, INT32_MAX);
    const info = binding.socketInfo(fd);
    if (failed(info)) throw errorFromStatus(info, 'fromFd');
    const [family, type, protocol, nonBlocking] = info;
    const r = binding.setNonBlocking(fd, true);
    if (r < 0) throw errorFromStatus(r, 'fcntl');
    return Socket.#adopt(fd, family, type, protocol, nonBlocking ? 0 : null);
  }

  /** @internal A connected pair, from socketpair(2). */
  static pair(family: number, type: number, protocol: number): [Socket, Socket] {
    checkInt32(family, 'family');
    checkInt32(type, 'type');
    checkInt32(protocol, 'protocol');
    const fds = binding.socketpair(family, type, protocol);
    if (failed(fds)) throw errorFromStatus(fds, 'socketpair');
    const timeout = (type & SOCK_NONBLOCK) !== 0 ? 0 : null;
    return [Socket.#adopt(fds[0], family, type, protocol, timeout),
      Socket.#adopt(fds[1], family, type, protocol, timeout)];
  }

  // --- accept ----------------------------------------------------------------

  /**
   * accept4(2): the next connection and its peer's address. The new socket is
   * close-on-exec and takes this socket's mode and timeout. Raises
   * ConnectionAbortedError (the peer reset it while it queued), SocketError
   * EINVAL (not listening), EMFILE / ENFILE (out of fds).
   */
  async accept(options?: CallOptions): Promise<[Socket, SocketAddress]> {
    this[OPEN]('accept');
    const [conn, address] = await this[WAIT](OPS.accept, [], options);
    return [this[ACCEPTED](conn), address as SocketAddress];
  }

  /**
   * accept4(2), blocking the thread as the C call would; on a non-blocking
   * socket with no connection waiting, raises WouldBlockError (EAGAIN).
   * Otherwise as {@link Socket.accept}.
   */
  acceptSync(): [Socket, SocketAddress] {
    const [conn, address] = this[SYNC](OPS.accept, []);
    return [this[ACCEPTED](conn), address as SocketAddress];
  }

  /** An fd accept4(2) gave: a Socket of this one's family, type, mode and timeout. */
  protected [ACCEPTED](fd: number): Socket {
    return Socket.#adopt(fd, this.family, this.type, this.protocol, this[TIMEOUT]);
  }

  // --- connect ---------------------------------------------------------------

  /**
   * connect(2). Raises ConnectionRefusedError, NetworkUnreachableError,
   * HostUnreachableError, SocketTimeoutError, AddressNotAvailableError (no
   * local port left), SocketError EISCONN (already connected). On a datagram
   * socket it sets the default peer; `{ family: AF_UNSPEC }` dissolves it.
   */
  async connect(address: Address, options?: CallOptions): Promise<void> {
    this[OPEN]('connect');
    await this[WAIT](OPS.connect, [toNativeAddress(address, this.family)], options);
  }

  /** connect(2), blocking the thread; on a non-blocking socket raises WouldBlockError (EINPROGRESS). */
  connectSync(address: Address): void {
    this[OPEN]('connect');
    this[SYNC](OPS.connect, [toNativeAddress(address, this.family)]);
  }

  // --- send ------------------------------------------------------------------

  /**
   * send(2) with MSG_NOSIGNAL; `flags` are MSG_* values. Returns the bytes
   * sent. On a blocking stream socket that is all of them (unless a timeout
   * ends the call after some were sent), as the kernel does for a blocking
   * fd; on a non-blocking one, what fitted. Raises BrokenPipeError,
   * ConnectionResetError, SocketError EMSGSIZE (a datagram too long),
   * ENOTCONN / EDESTADDRREQ (no peer).
   */
  send(data: BinaryLike, flags = 0, options?: CallOptions): Promise<number> {
    // The hot path, on a non-blocking socket with no timeout or signal, is
    // not an async function (as sendall's): a send that goes at once returns
    // a settled promise, about 500 instructions fewer per call with its
    // await (callgrind).
    if (this[TIMEOUT] !== 0 || options !== undefined) return this.#sendWaiting(data, flags, options);
    let view: ArrayBufferView;
    try {
      this[OPEN]('send');
      view = toSendView(data);
      checkInt32(flags, 'flags');
    } catch (error) {
      return Promise.reject(error);
    }
    const r = this[HANDLE] === null ? STATUS_CLOSED : binding.send(this[FD], view, 0, byteLengthOf(view), flags);
    if (r >= 0) return Promise.resolve(r);
    return r === EAGAIN ? this.#sendWaiting(view, flags, options) : Promise.reject(errorFromStatus(r, 'send'));
  }

  /** send with a timeout or signal, on a blocking socket, or once it would block: OPS.send. */
  async #sendWaiting(data: BinaryLike, flags: number, options: CallOptions | undefined): Promise<number> {
    this[OPEN]('send');
    const view = toSendView(data);
    // return await: settling with a value costs fewer ticks than with a promise.
    return await this[WAIT](OPS.send, [view, 0, view.byteLength, checkInt32(flags, 'flags')], options);
  }

  /**
   * send(2), blocking the thread as the C call would; on a non-blocking
   * socket whose buffer is full, raises WouldBlockError (EAGAIN). Otherwise
   * as {@link Socket.send}.
   */
  sendSync(data: BinaryLike, flags = 0): number {
    this[OPEN]('send');
    const view = toSendView(data);
    // OPS.send's sync form, by hand: measured per message.
    const r = binding.send(this[OPEN]('send'), view, 0, byteLengthOf(view), checkInt32(flags, 'flags'),
      syncTimeout(this[TIMEOUT]));
    if (r < 0) throw errorFromStatus(r, 'send');
    return r;
  }

  /**
   * Sends all of `data`, calling send(2) as often as it takes. The timeout
   * bounds the whole call, not each send (as in Python). Raises what
   * {@link Socket.send} raises; bytes already sent when it fails stay sent.
   */
  sendall(data: BinaryLike, flags = 0, options?: CallOptions): Promise<void> {
    // The hot path, on a non-blocking socket with no timeout or signal, is
    // not an async function: one that queues everything at once hands back a
    // promise that is already settled, with no async function's promise and
    // resumption behind it (about 3,000 instructions a call, counted with
    // callgrind), and the rest waits on the loop, which sends it natively.
    if (this[TIMEOUT] !== 0 || options !== undefined) return this.#sendallWaiting(data, flags, options);
    let view: ArrayBufferView;
    try {
      this[OPEN]('send');
      view = toSendView(data);
      checkInt32(flags, 'flags');
    } catch (error) {
      return Promise.reject(error);
    }
    const size = byteLengthOf(view);
    const r = binding.send(this[FD], view, 0, size, flags);
    if (r === size) return SETTLED;
    if (r < 0 && r !== EAGAIN) return Promise.reject(errorFromStatus(r, 'send'));
    return this.#sendallOnLoop(view, flags, Math.max(r, 0));
  }

  /** The rest of sendall's hot path: the bytes after `sent` wait on the loop. */
  async #sendallOnLoop(view: ArrayBufferView, flags: number, sent: number): Promise<void> {
    while (sent < view.byteLength) {
      if (this[HANDLE] === null) throw closedError('send');
      const rest = await binding.sendallOnLoop(this[HANDLE], view, sent, view.byteLength - sent, flags, 0);
      if (rest < 0) throw errorFromStatus(rest, 'send');
      sent += rest;
    }
  }

  /** sendall with a timeout or signal, or on a blocking socket: OPS.send until all is sent. */
  async #sendallWaiting(data: BinaryLike, flags: number, options: CallOptions | undefined): Promise<void> {
    this[OPEN]('send');
    const view = toSendView(data);
    checkInt32(flags, 'flags');
    const limit = waitLimit(this[TIMEOUT], options?.timeout);
    const deadline = deadlineAfter(limit === undefined ? undefined : checkTimeout(limit, 'timeout'));
    let sent = 0;
    do {
      const left = deadline === undefined ? undefined : timeLeft(deadline, 'send');
      const rest = unsent(view, sent);
      sent += await this[WAIT](OPS.send, [rest, 0, rest.byteLength, flags], { signal: options?.signal, timeout: left });
    } while (sent < view.byteLength);
  }

  /**
   * Sends all of `data` with send(2), blocking the thread; the socket's
   * timeout bounds the whole call. As {@link Socket.sendall}; on a
   * non-blocking socket, raises WouldBlockError once the buffer is full.
   */
  sendallSync(data: BinaryLike, flags = 0): void {
    this[OPEN]('send');
    const view = toSendView(data);
    checkInt32(flags, 'flags');
    sendallSync(this[OPEN]('send'), view, flags, this[TIMEOUT]);
  }

  /**
   * sendto(2): one datagram (or stream data) to `address`. Returns the bytes
   * sent. Raises SocketError EMSGSIZE (a datagram too long), PermissionDeniedError
   * (EACCES: a broadcast address without SO_BROADCAST), NetworkUnreachableError,
   * HostUnreachableError, ConnectionRefusedError (on a connected UDP socket,
   * the ICMP error an earlier datagram caused).
   */
  async sendto(data: BinaryLike, address: Address, flags = 0, options?: CallOptions): Promise<number> {
    this[OPEN]('sendto');
    return await this[WAIT](OPS.sendto, this.#sendtoArgs(data, address, flags), options);
  }

  /**
   * sendto(2), blocking the thread as the C call would; WouldBlockError
   * (EAGAIN) on a non-blocking socket whose buffer is full. Otherwise as
   * {@link Socket.sendto}.
   */
  sendtoSync(data: BinaryLike, address: Address, flags = 0): number {
    this[OPEN]('sendto');
    return this[SYNC](OPS.sendto, this.#sendtoArgs(data, address, flags));
  }

  #sendtoArgs(data: BinaryLike, address: Address, flags: number): Args<typeof OPS.sendto> {
    const view = toSendView(data);
    const native = toNativeAddress(address, this.family);
    return [view, 0, view.byteLength, checkInt32(flags, 'flags'), native];
  }

  // --- recv ------------------------------------------------------------------

  /**
   * recv(2): up to `bufsize` bytes; an empty Buffer means the peer shut down
   * its side (or sent an empty datagram). Raises ConnectionResetError,
   * ConnectionRefusedError (a connected UDP socket's peer answered with ICMP
   * port unreachable), SocketError ENOTCONN.
   */
  recv(bufsize: number, flags = 0, options?: CallOptions): Promise<Buffer> {
    return this.#recvNew(bufsize, flags, options, false) as Promise<Buffer>;
  }

  /**
   * recv (recvfrom with `from`) into a new Buffer. The hot path, on a
   * non-blocking socket with no timeout or signal, is not an async function
   * (as recvInto's) and receives in the receive slab (RecvWaiter.recvInSlab):
   * a Buffer made once, at the length received. Otherwise (or with a recv
   * waiting already) into a buffer of its own.
   */
  #recvNew(bufsize: number, flags: number, options: CallOptions | undefined,
    from: boolean): Promise<Buffer | [Buffer, SocketAddress]> {
    if (this[TIMEOUT] === 0 && options === undefined && fitsReceiveSlab(bufsize)) {
      try {
        this[OPEN](from ? 'recvfrom' : 'recv');
        checkInt32(flags, 'flags');
      } catch (error) {
        return Promise.reject(error);
      }
      const inSlab = this[RECV_WAITER].recvInSlab(this[FD], this[HANDLE]!, bufsize, flags, from);
      if (inSlab !== null) return inSlab;
    }
    return this.#recvOwnBuffer(bufsize, flags, options, from);
  }

  async #recvOwnBuffer(bufsize: number, flags: number, options: CallOptions | undefined,
    from: boolean): Promise<Buffer | [Buffer, SocketAddress]> {
    const buffer = receiveBuffer(bufsize);
    if (!from) return shrink(buffer, await this.recvInto(buffer, bufsize, flags, options));
    const [n, address] = await this.recvfromInto(buffer, bufsize, flags, options);
    return [shrink(buffer, n), address];
  }

  /**
   * recv(2), blocking the thread as the C call would; WouldBlockError
   * (EAGAIN) on a non-blocking socket with nothing to read. Otherwise as
   * {@link Socket.recv}.
   */
  recvSync(bufsize: number, flags = 0): Buffer {
    const buffer = receiveBuffer(bufsize);
    return shrink(buffer, this.recvIntoSync(buffer, bufsize, flags));
  }

  /**
   * recv(2) into `buffer`, in place, with no copy; returns the bytes read
   * (at most `nbytes`, by default the buffer's length). Raises what
   * {@link Socket.recv} raises; TypeError for a detached buffer.
   */
  recvInto(buffer: ArrayBufferView | ArrayBuffer, nbytes?: number, flags = 0,
    options?: CallOptions): Promise<number> {
    // The hot path, on a non-blocking socket with no timeout or signal, is
    // not an async function (as sendall's): bytes already queued come back in
    // a settled promise; otherwise the native op's promise, one step on.
    if (this[TIMEOUT] !== 0 || options !== undefined) return this.#recvIntoWaiting(buffer, nbytes, flags, options);
    let view: ArrayBufferView;
    let n: number;
    try {
      this[OPEN]('recv');
      view = toView(buffer, 'buffer');
      n = receiveSize(view, nbytes);
      checkInt32(flags, 'flags');
    } catch (error) {
      return Promise.reject(error);
    }
    return this[RECV_WAITER].recvInto(this[FD], this[HANDLE]!, view, n, flags);
  }

  /** recvInto with a timeout or signal, or on a blocking socket: OPS.recv. */
  async #recvIntoWaiting(buffer: ArrayBufferView | ArrayBuffer, nbytes: number | undefined, flags: number,
    options: CallOptions | undefined): Promise<number> {
    const args = this.#recvArgs('recv', buffer, nbytes, flags);
    const got = await this[WAIT](OPS.recv, args, options);
    return this[RECV_WAITER].received(got, args[2]);
  }

  /**
   * recv(2) into `buffer`, blocking the thread; WouldBlockError (EAGAIN) on a
   * non-blocking socket with nothing to read. Otherwise as {@link Socket.recvInto}.
   */
  recvIntoSync(buffer: ArrayBufferView | ArrayBuffer, nbytes?: number, flags = 0): number {
    this[OPEN]('recv');
    const view = toView(buffer, 'buffer');
    const n = receiveSize(view, nbytes);
    // OPS.recv's sync form, by hand: measured per message.
    const r = binding.recv(this[OPEN]('recv'), view, 0, n, checkInt32(flags, 'flags'), syncTimeout(this[TIMEOUT]));
    if (r < 0) throw errorFromStatus(r, 'recv');
    return r;
  }

  /**
   * recvfrom(2): up to `bufsize` bytes and the sender's address. Raises what
   * {@link Socket.recv} raises.
   */
  recvfrom(bufsize: number, flags = 0, options?: CallOptions): Promise<[Buffer, SocketAddress]> {
    return this.#recvNew(bufsize, flags, options, true) as Promise<[Buffer, SocketAddress]>;
  }

  /**
   * recvfrom(2), blocking the thread; WouldBlockError (EAGAIN) on a
   * non-blocking socket with nothing to read. Otherwise as {@link Socket.recvfrom}.
   */
  recvfromSync(bufsize: number, flags = 0): [Buffer, SocketAddress] {
    const buffer = receiveBuffer(bufsize);
    const [n, address] = this.recvfromIntoSync(buffer, bufsize, flags);
    return [shrink(buffer, n), address];
  }

  /**
   * recvfrom(2) into `buffer`, in place; returns the bytes read and the
   * sender. Raises what {@link Socket.recv} raises.
   */
  async recvfromInto(buffer: ArrayBufferView | ArrayBuffer, nbytes?: number, flags = 0,
    options?: CallOptions): Promise<[number, SocketAddress]> {
    const args = this.#recvArgs('recvfrom', buffer, nbytes, flags);
    return await this[WAIT](OPS.recvfrom, args, options) as [number, SocketAddress];
  }

  /**
   * recvfrom(2) into `buffer`, blocking the thread; WouldBlockError (EAGAIN)
   * on a non-blocking socket with nothing to read. Otherwise as
   * {@link Socket.recvfromInto}.
   */
  recvfromIntoSync(buffer: ArrayBufferView | ArrayBuffer, nbytes?: number, flags = 0): [number, SocketAddress] {
    return this[SYNC](OPS.recvfrom, this.#recvArgs('recvfrom', buffer, nbytes, flags)) as [number, SocketAddress];
  }

  /** recv's and recvfrom's arguments, checked: up to `nbytes` of `buffer`. */
  #recvArgs(syscall: string, buffer: ArrayBufferView | ArrayBuffer, nbytes: number | undefined,
    flags: number): Args<typeof OPS.recv> {
    this[OPEN](syscall);
    const view = toView(buffer, 'buffer');
    return [view, 0, receiveSize(view, nbytes), checkInt32(flags, 'flags')];
  }

  // --- messages --------------------------------------------------------------

  /**
   * sendmsg(2): gathers `buffers` into one datagram (or stream run), with
   * ancillary data, to `address` if given. Returns the bytes sent. Raises
   * what {@link Socket.sendto} raises; TypeError for an ancillary item that
   * cannot be sent (a receive-only kind, a bad field).
   */
  async sendmsg(buffers: BinaryLike[], ancillary: Ancillary[] = [], flags = 0, address?: Address,
    options?: CallOptions): Promise<number> {
    this[OPEN]('sendmsg');
    return await this[WAIT](OPS.sendmsg, sendmsgArgs(buffers, ancillary, flags, address, this.family), options);
  }

  /**
   * sendmsg(2), blocking the thread; WouldBlockError (EAGAIN) on a
   * non-blocking socket whose buffer is full. Otherwise as {@link Socket.sendmsg}.
   */
  sendmsgSync(buffers: BinaryLike[], ancillary: Ancillary[] = [], flags = 0, address?: Address): number {
    this[OPEN]('sendmsg');
    return this[SYNC](OPS.sendmsg, sendmsgArgs(buffers, ancillary, flags, address, this.family));
  }

  /**
   * recvmsg(2): up to `bufsize` bytes, with room for `ancsize` bytes of
   * ancillary data (size it with CMSG_SPACE), parsed per kind. Received fds
   * are close-on-exec; with `{ adoptFds: true }` those that are sockets come
   * back as Sockets too (`sockets` beside `fds`). Truncation is reported in
   * `truncated` / `controlTruncated`, never silent. Raises what
   * {@link Socket.recv} raises.
   */
  async recvmsg(bufsize: number, ancsize = 0, flags = 0, options?: RecvMsgOptions): Promise<Message> {
    this[OPEN]('recvmsg');
    const args = recvmsgArgs(bufsize, ancsize, flags, this.family);
    const r = await this[WAIT](OPS.recvmsg, args, options);
    return toMessage(args[0] as Buffer, r, options?.adoptFds === true ? adoptFd : null, (args[4] as number) & ~flags);
  }

  /**
   * recvmsg(2), blocking the thread; WouldBlockError (EAGAIN) on a
   * non-blocking socket with nothing to read. Otherwise as {@link Socket.recvmsg}.
   */
  recvmsgSync(bufsize: number, ancsize = 0, flags = 0, options?: { adoptFds?: boolean }): Message {
    this[OPEN]('recvmsg');
    const args = recvmsgArgs(bufsize, ancsize, flags, this.family);
    const r = this[SYNC](OPS.recvmsg, args);
    return toMessage(args[0] as Buffer, r, options?.adoptFds === true ? adoptFd : null, (args[4] as number) & ~flags);
  }

  /**
   * recv(2) (recvfrom(2) with `from: true`) for each message as it arrives,
   * with a callback instead of a promise: each time the socket is readable
   * the addon receives into `buffer` until the call would block (or
   * `budget` messages), calling `onMessage(length)` after each, with the
   * bytes in `buffer` [0, length) until it returns. `receiver.from()` is the
   * latest sender. Allocates nothing per message. Runs on the event loop
   * whatever the socket's mode; keeps the process alive until it ends.
   *
   * Ends with `stop()`, `close()`, the end of a stream (these call
   * `options.onEnd(null)`) or a failed recv (`onEnd(error)`: ECONNRESET,
   * ECONNREFUSED from an ICMP error on a connected UDP socket, EFAULT if
   * `buffer` is detached). One per socket: SocketError EBUSY otherwise.
   * Promise-form receives on the same socket are served first.
   */
  recvEach(buffer: ArrayBufferView | ArrayBuffer, onMessage: (length: number) => void,
    options: RecvEachOptions = {}): Receiver {
    const handle = this[HANDLE];
    if (handle === null) throw closedError('recv');
    // A second receiver: the addon refuses it (EBUSY) and the first stays.
    this[RECEIVER] = startRecvEach(handle, toView(buffer, 'buffer'), this.type === SOCK_STREAM, onMessage, options);
    return this[RECEIVER];
  }

  /**
   * A new Socket on a copy of this one's fd (dup(2), close-on-exec), with the
   * same mode and timeout, as Python's dup: closing either leaves the other
   * open. Raises SocketClosedError, SocketError EMFILE.
   */
  dup(): Socket {
    const fd = binding.dup(this[OPEN]('dup'));
    if (fd < 0) throw errorFromStatus(fd, 'dup');
    const copy = Socket.fromFd(fd);
    copy.settimeout(this[TIMEOUT]);
    return copy;
  }
}

/** Socket.fromFd as a plain function, for recvmsg's adoptFds. */
function adoptFd(fd: number): Socket {
  return Socket.fromFd(fd);
}
