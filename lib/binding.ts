// The one module that loads the native addon. node-gyp-build finds, in order,
// build/Release (node-gyp or cmake-js), then prebuilds/<platform>-<arch>
// (prebuildify). BSD_SOCKET_PREBUILD=<dir> makes it look in <dir> instead.
//
// Every native function returns a number < 0 on failure: -errno, or one of
// the statuses in `internal` (timed out, closed, cancelled). errors.ts turns
// them into exceptions; nothing else crosses this line untyped.
import * as path from 'node:path';

/** An address as the addon reads and writes it (see native/sockaddr_js.h). */
export interface NativeAddress {
  family: number;
  address?: string;
  port?: number;
  flowinfo?: number;
  scopeId?: number;
  path?: string | Buffer;
  ifindex?: number;
  protocol?: number;
  hatype?: number;
  pkttype?: number;
  addr?: Buffer | string;
  pid?: number;
  groups?: number;
}

/** The native side of one socket (native/socket_handle.h). Opaque here. */
export interface SocketHandle {
  readonly __brand: 'SocketHandle';
}

/**
 * The limits the native checks enforce (native/core/limits.h), exported once
 * from C++ and frozen there; lib/limits.ts gives them to the TS checks.
 */
export interface Limits {
  /** The most one recv may ask for (int32). */
  readonly MAX_RECV_SIZE: number;
  /** Ancillary data: recvmsg's control buffer, CMSG_SPACE/CMSG_LEN payloads. */
  readonly MAX_ANCILLARY_SIZE: number;
  /** Messages per recvmmsg/sendmmsg (UIO_MAXIOV). */
  readonly MAX_BATCH_COUNT: number;
  /** Bytes per MessageBatch slot. */
  readonly MAX_BATCH_SIZE: number;
  /** Messages a receiver takes per readable event. */
  readonly MAX_RECEIVER_BUDGET: number;
  /** A getsockopt buffer asked for by size. */
  readonly MAX_OPTION_SIZE: number;
  /** libuv's largest threadpool, and so the largest reserve. */
  readonly MAX_POOL_SIZE: number;
  /** The largest packet ring block, in bytes. */
  readonly MAX_RING_BLOCK_SIZE: number;
  /** The most blocks in one packet ring. */
  readonly MAX_RING_BLOCK_COUNT: number;
  /** The most bytes in one packet ring. */
  readonly MAX_RING_SIZE: number;
  /** The longest block timeout (tp_retire_blk_tov), in ms. */
  readonly MAX_RING_TIMEOUT_MS: number;
}

/**
 * Where the packet ring's frame index (native/core/packet_ring.h IndexBlock)
 * keeps each field, in 32-bit words: a header, then FRAME_WORDS per frame;
 * and the sizes the ring's checks need.
 */
export interface RingLayout {
  readonly PAGE_SIZE: number;
  /** TPACKET3_HDRLEN: a frame's header and its sockaddr_ll. */
  readonly FRAME_HEADER_LEN: number;
  /** sizeof(struct tpacket_block_desc). */
  readonly BLOCK_HEADER_LEN: number;
  readonly HEADER_WORDS: number;
  readonly FRAME_WORDS: number;
  /** What a VLAN field holds when the frame has none. */
  readonly FIELD_ABSENT: number;
  readonly FRAMES: number;
  readonly BLOCK_STATUS: number;
  readonly SEQ_LOW: number;
  readonly SEQ_HIGH: number;
  readonly MAC: number;
  readonly NET: number;
  readonly SNAPLEN: number;
  readonly LEN: number;
  readonly SEC: number;
  readonly NSEC: number;
  readonly STATUS: number;
  readonly IFINDEX: number;
  readonly PROTOCOL: number;
  readonly PKTTYPE: number;
  readonly HATYPE: number;
  readonly VLAN_TCI: number;
  readonly VLAN_TPID: number;
  readonly RXHASH: number;
}

export type Status = number;
/** A resolver failure: the EAI_* value, and errno with EAI_SYSTEM. */
export interface ResolverFailure { gai: number; errno: number }
export type AddrInfoResult = Array<[number, number, number, string, NativeAddress]> | ResolverFailure;
export type NameInfoResult = [string, string] | ResolverFailure;
export type RecvMsgResult = [number, Array<Record<string, unknown>>, number, NativeAddress | null];
type View = ArrayBufferView;

export interface Binding {
  /**
   * A handle owning `fd` (native/socket_handle.h); its finalizer closes the
   * fd. `waiter` is what ops started for the waiter settle (recv_waiter.ts).
   */
  socketHandle(fd: number, waiter?: object): SocketHandle;
  /** The function the addon calls, as fn.call(waiter, result), to settle a waiter's op. */
  setWaiterSettle(settle: (this: never, result: number | Error) => void): void;
  constants: Readonly<Record<string, number>>;
  sizeof: Readonly<Record<string, number>>;
  limits: Limits;
  internal: {
    STATUS_TIMED_OUT: number;
    STATUS_CLOSED: number;
    STATUS_CANCELLED: number;
    UNIX_PATH_MAX: number;
  };

  socket(family: number, type: number, protocol: number): number;
  socketpair(family: number, type: number, protocol: number): [number, number] | Status;
  bind(fd: number, address: NativeAddress): Status;
  listen(fd: number, backlog: number): Status;
  shutdown(fd: number, how: number): Status;
  getsockname(fd: number): NativeAddress | Status;
  getpeername(fd: number): NativeAddress | Status;
  setsockopt(fd: number, level: number, name: number, value: View, offset: number, length: number): Status;
  /** Into [offset, offset + length) of `value`, or all of it without them. */
  getsockopt(fd: number, level: number, name: number, value: View, offset?: number, length?: number): number;
  pendingError(fd: number): Status;
  socketInfo(fd: number): [number, number, number, boolean] | Status;
  setNonBlocking(fd: number, on: boolean): Status;

  // Timeout in ms: 0 = one attempt (non-blocking), < 0 = wait for ever.
  // send and recv take it last and optional (absent = 0): the calls made once
  // per message leave it out, one argument fewer to convert.
  connect(fd: number, address: NativeAddress, timeoutMs: number): Status;
  accept(fd: number, timeoutMs: number): [number, NativeAddress] | Status;
  send(fd: number, data: View, offset: number, length: number, flags: number, timeoutMs?: number): number;
  sendto(fd: number, data: View, offset: number, length: number, flags: number,
    address: NativeAddress, timeoutMs: number): number;
  recv(fd: number, into: View, offset: number, length: number, flags: number, timeoutMs?: number): number;
  recvfrom(fd: number, into: View, offset: number, length: number, flags: number,
    timeoutMs: number): [number, NativeAddress] | Status;

  sendmsg(fd: number, buffers: View[], ancillary: object[], flags: number, address: NativeAddress | null,
    timeoutMs: number): number;
  /** [bytes, ancillary, msg_flags, address] */
  recvmsg(fd: number, into: View, offset: number, length: number, controlLen: number, flags: number,
    timeoutMs: number): RecvMsgResult | Status;
  CMSG_SPACE(payload: number): number;
  CMSG_LEN(payload: number): number;

  // Threadpool forms, for blocking sockets. A number instead of a promise
  // means the call failed before it was queued.
  connectOnWorker(h: SocketHandle, address: NativeAddress, timeoutMs: number, cancelId: number): Promise<Status> | Status;
  acceptOnWorker(h: SocketHandle, timeoutMs: number, cancelId: number): Promise<[number, NativeAddress] | Status> | Status;
  sendOnWorker(h: SocketHandle, data: View, offset: number, length: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<number> | Status;
  sendtoOnWorker(h: SocketHandle, data: View, offset: number, length: number, flags: number,
    address: NativeAddress, timeoutMs: number, cancelId: number): Promise<number> | Status;
  recvOnWorker(h: SocketHandle, into: View, offset: number, length: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<number> | Status;
  recvfromOnWorker(h: SocketHandle, into: View, offset: number, length: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<[number, NativeAddress] | Status> | Status;
  sendmsgOnWorker(h: SocketHandle, buffers: View[], ancillary: object[], flags: number, address: NativeAddress | null,
    timeoutMs: number, cancelId: number): Promise<number> | Status;
  recvmsgOnWorker(h: SocketHandle, into: View, offset: number, length: number, controlLen: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<RecvMsgResult | Status> | Status;

  // Event-loop forms, for non-blocking sockets, once the first attempt would
  // have blocked: wait for readiness (uv_poll) and attempt again, natively,
  // until the call no longer would block. cancelId 0: only close() ends it.
  connectOnLoop(h: SocketHandle, cancelId: number): Promise<Status> | Status;
  acceptOnLoop(h: SocketHandle, cancelId: number): Promise<[number, NativeAddress] | Status> | Status;
  sendOnLoop(h: SocketHandle, data: View, offset: number, length: number, flags: number,
    cancelId: number): Promise<number> | Status;
  /** sendOnLoop that goes on until every byte is queued (sendall). */
  sendallOnLoop(h: SocketHandle, data: View, offset: number, length: number, flags: number,
    cancelId: number): Promise<number> | Status;
  sendtoOnLoop(h: SocketHandle, data: View, offset: number, length: number, flags: number,
    address: NativeAddress, cancelId: number): Promise<number> | Status;
  recvOnLoop(h: SocketHandle, into: View, offset: number, length: number, flags: number,
    cancelId: number): Promise<number> | Status;
  /** recvOnLoop that settles the handle's waiter: undefined once it waits. */
  recvOnLoopForWaiter(h: SocketHandle, into: View, offset: number, length: number, flags: number): undefined | Status;
  /**
   * The sender slot of recvfrom's hot path (native/env_state.h): a Uint8Array of
   * sizeof.sockaddr_storage + 4 bytes, the sender's sockaddr and then its length.
   */
  setSenderSlot(slot: Uint8Array): void;
  /** recvfrom(2) once: the count or a status; the sender in the sender slot. */
  recvfromNow(fd: number, into: View, offset: number, length: number, flags: number): number;
  /** recvfromOnLoop that settles the handle's waiter, the sender in the sender slot: undefined once it waits. */
  recvfromOnLoopForWaiter(h: SocketHandle, into: View, offset: number, length: number, flags: number): undefined | Status;
  recvfromOnLoop(h: SocketHandle, into: View, offset: number, length: number, flags: number,
    cancelId: number): Promise<[number, NativeAddress] | Status> | Status;
  sendmsgOnLoop(h: SocketHandle, buffers: View[], ancillary: object[], flags: number, address: NativeAddress | null,
    cancelId: number): Promise<number> | Status;
  recvmsgOnLoop(h: SocketHandle, into: View, offset: number, length: number, controlLen: number, flags: number,
    cancelId: number): Promise<RecvMsgResult | Status> | Status;

  // Batches (MessageBatch memory): the count of messages, or a status.
  recvmmsg(fd: number, memory: View, count: number, size: number, flags: number, timeoutMs: number): number;
  sendmmsg(fd: number, memory: View, count: number, size: number, sendCount: number, flags: number,
    timeoutMs: number): number;
  recvmmsgOnWorker(h: SocketHandle, memory: View, count: number, size: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<number> | Status;
  sendmmsgOnWorker(h: SocketHandle, memory: View, count: number, size: number, sendCount: number, flags: number,
    timeoutMs: number, cancelId: number): Promise<number> | Status;
  recvmmsgOnLoop(h: SocketHandle, memory: View, count: number, size: number, flags: number,
    cancelId: number): Promise<number> | Status;
  sendmmsgOnLoop(h: SocketHandle, memory: View, count: number, size: number, sendCount: number, flags: number,
    cancelId: number): Promise<number> | Status;
  // sendfile(2) of `count` bytes (-1: to the end) of fileFd from offset: the
  // count sent (less only at the file's end), or a status.
  sendfile(fd: number, fileFd: number, offset: number, count: number, timeoutMs: number): number;
  sendfileOnWorker(h: SocketHandle, fileFd: number, offset: number, count: number, timeoutMs: number,
    cancelId: number): Promise<number> | Status;
  sendfileOnLoop(h: SocketHandle, fileFd: number, offset: number, count: number, cancelId: number): Promise<number> | Status;
  /** [lengths offset, address lengths offset, addresses offset, address size, bytes] */
  batchLayout(count: number, size: number): [number, number, number, number, number];
  decodeAddress(memory: View, offset: number, length: number): NativeAddress;
  encodeAddress(address: NativeAddress, memory: View, offset: number, length: number): number;

  if_nametoindex(name: string): number;
  if_indextoname(index: number): string | Status;
  if_nameindex(): Array<{ index: number; name: string }> | Status;
  inet_pton(family: number, text: string): Buffer | Status;
  inet_ntop(family: number, bytes: View, offset: number, length: number): string | Status;

  encodeOption(kind: string, value: unknown): Buffer | Status;
  decodeOption(kind: string, bytes: View, offset: number, length: number): unknown;
  optionSize(kind: string): number;

  close(h: SocketHandle): void;
  detach(h: SocketHandle): number;
  /** Ends the wait `cancelId` as cancelled (default) or timed out (STATUS_TIMED_OUT). */
  cancel(h: SocketHandle, cancelId: number, status?: number): boolean;
  /** getaddrinfo(3) on a worker: [family, type, protocol, canonname, address][] or a failure. */
  getaddrinfo(host: string | null, service: string | null, family: number, type: number, protocol: number,
    flags: number): Promise<AddrInfoResult>;
  /** getaddrinfo(3) on this thread. */
  getaddrinfoSync(host: string | null, service: string | null, family: number, type: number, protocol: number,
    flags: number): AddrInfoResult;
  /** getnameinfo(3) on a worker: [host, service], a failure, or -errno for an address it cannot encode. */
  getnameinfo(address: NativeAddress, flags: number): Promise<NameInfoResult> | Status;
  /** getnameinfo(3) on this thread. */
  getnameinfoSync(address: NativeAddress, flags: number): NameInfoResult | Status;
  gethostname(): string | Status;
  /** The port (host order), or -1 if the service is not known. */
  getservbyname(name: string, protocol: string | null): number;
  /** The service's name, or null if the port is not known. */
  getservbyport(port: number, protocol: string | null): string | null;
  /** inet_aton(3): 4 bytes, or null for text it does not take. */
  inet_aton(text: string): Buffer | null;
  gai_strerror(code: number): string;
  /** dup(2) with F_DUPFD_CLOEXEC: the new fd or -errno. */
  dup(fd: number): number | Status;
  /** 1 if FD_CLOEXEC is clear, 0 if set, or -errno. */
  isInheritable(fd: number): number | Status;
  /** Clears (true) or sets FD_CLOEXEC: 0 or -errno. */
  setInheritable(fd: number, inheritable: boolean): Status;
  /** setsockopt(2) SO_ATTACH_FILTER of the program (checked by lib/socket_filter.ts); with `drain`, the queue emptied first: 0 or -errno. */
  attachFilter(fd: number, program: readonly { code: number; jt: number; jf: number; k: number }[], drain: boolean): Status;
  /** setsockopt(2) SO_DETACH_FILTER: 0 or -errno. */
  detachFilter(fd: number): Status;
  /** setsockopt(2) SO_LOCK_FILTER (on): 0 or -errno. */
  lockFilter(fd: number): Status;
  /** The process's threadpool and how many of its threads socket waits hold (native/core/thread_slots.h). */
  threadpoolUsage(): { poolSize: number; reserve: number; inUse: number };
  /** Sets how many pool threads socket waits leave free; returns the value in force. */
  setThreadpoolReserve(reserve: number): number;
  /**
   * Starts the socket's receiver (native/receiver.h): `callback(result,
   * addressLength)` per message, then once more with the status that ends it
   * (an error; 0 on a stream). Returns 0 or a status (EBUSY: it has one).
   */
  recvEachOnLoop(h: SocketHandle, into: View, offset: number, length: number, flags: number,
    address: Uint8Array | null, stream: boolean, budget: number,
    callback: (result: number, addressLength: number) => void): Status;
  /** The same for a MessageBatch: `callback(count, 0)` per recvmmsg(2). */
  recvmmsgEachOnLoop(h: SocketHandle, memory: Uint8Array, count: number, size: number, flags: number, budget: number,
    callback: (result: number, addressLength: number) => void): Status;
  stopRecvEach(h: SocketHandle): void;
  // The packet ring (native/packet_ring_js.cc).
  /**
   * Sets up the socket's TPACKET_V3 ring and starts its receiver:
   * `callback(frames, 0)` per retired block, then once more with the status
   * that ends it. The two ArrayBuffers are over the ring and the frame
   * index; a failure names its call.
   */
  packetRingOnLoop(h: SocketHandle, blockSize: number, blockCount: number, frameSize: number, timeoutMs: number,
    fillRxhash: boolean, budget: number, callback: (result: number, addressLength: number) => void):
  { ring: ArrayBuffer; index: ArrayBuffer } | { status: Status; syscall: string };
  /** PACKET_STATISTICS since the last read: [packets, drops, freezes], or -errno. */
  packetRingStatistics(fd: number): [number, number, number] | Status;
  /** PACKET_FANOUT: 0 or -errno. */
  packetFanout(fd: number, group: number, mode: number, flags: number): Status;
  ringLayout: RingLayout;
  /**
   * The receiver of a listening socket: `callback(fd, addressLength)` per
   * accept4(2), the peer copied into `address`, then once more with the
   * status that ends it. Returns 0 or a status (EBUSY: it has one).
   */
  acceptEachOnLoop(h: SocketHandle, address: Uint8Array, budget: number,
    callback: (result: number, addressLength: number) => void): Status;
  /** The function a handle's finalizer calls with its fd when its socket was never closed. */
  setLeakWarning(warn: (fd: number) => void): void;
  closeAll(): void;
  /** Received fds now in JS's hands: teardown no longer closes them (native/env_state.h). */
  claimFds(fds: number[]): void;
  isDetached(value: View | ArrayBufferLike): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = require('node-gyp-build') as (dir: string) => unknown;

// lib/ (ts-jest), dist/ (the package) and build-ts/lib/ (examples, bench)
// all sit below the package root.
function packageRoot(): string {
  let dir = __dirname;
  while (!require('node:fs').existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

// A copy with fast properties: the addon's exports object is a dictionary
// (68 functions defined one by one), so every `binding.recv` on a hot path
// was a hash lookup V8 cannot fold (about 70 instructions a call, counted
// with callgrind). Frozen, each function is a constant to the JIT.
export const binding = Object.freeze({ ...(load(packageRoot()) as Binding) });
