// The batch calls, recvmmsg(2) and sendmmsg(2), as a layer between
// SocketBase and Socket: a MessageBatch's slab is passed to the addon whole,
// so a batch allocates nothing per message. The non-blocking Promise paths
// are written out by hand (no closure per call), as Socket's hot paths are.
import { binding } from './binding';
import { closedError, errorFromStatus } from './errors';
import { checkBatch, type MessageBatch } from './message_batch';
import { OPS } from './ops';
import { startRecvmmsgEach, type Receiver, type ReceiveEachOptions } from './receiver';
import * as base from './socket_base';
import { SocketBase } from './socket_base';
import { checkInt, checkInt32 } from './validate';
import { EAGAIN, syncTimeout, type CallOptions } from './wait';

const { STATUS_CLOSED } = binding.internal;

const FD: typeof base.FD = base.FD;
const HANDLE: typeof base.HANDLE = base.HANDLE;
const OPEN: typeof base.OPEN = base.OPEN;
const RECEIVER: typeof base.RECEIVER = base.RECEIVER;
const SYNC: typeof base.SYNC = base.SYNC;
const TIMEOUT: typeof base.TIMEOUT = base.TIMEOUT;
const WAIT: typeof base.WAIT = base.WAIT;

/**
 * The batch calls of {@link Socket}: recvmmsg(2) and sendmmsg(2) over a
 * {@link MessageBatch}. Not made on its own: every Socket is one.
 */
export abstract class BatchSocket extends SocketBase {
  /**
   * recvmmsg(2): up to `batch.count` datagrams in one call, into the batch's
   * slab; returns how many. Message i's length is `batch.lengths[i]`, its
   * bytes `batch.message(i)`, its sender `batch.address(i)` (decoded only
   * then). Waits as recv does for the first datagram, then takes what is
   * queued. Allocates nothing per message. Raises what {@link Socket.recv}
   * raises; TypeError if `batch` is not a MessageBatch.
   */
  async recvmmsg(batch: MessageBatch, flags = 0, options?: CallOptions): Promise<number> {
    this[OPEN]('recvmmsg');
    const { memory, count, size } = checkBatch(batch);
    checkInt32(flags, 'flags');
    if (this[TIMEOUT] === 0 && options === undefined) {
      // The hot path (OPS.recvmmsg's attempt and loop form, by hand), as in recvInto: no closure per call.
      let r = this[HANDLE] === null ? STATUS_CLOSED : binding.recvmmsg(this[FD], memory, count, size, flags, 0);
      if (r === EAGAIN) r = await binding.recvmmsgOnLoop(this[HANDLE]!, memory, count, size, flags, 0);
      if (r < 0) throw errorFromStatus(r, 'recvmmsg');
      return r;
    }
    return await this[WAIT](OPS.recvmmsg, [memory, count, size, flags], options);
  }

  /**
   * recvmmsg(2) for each batch of datagrams as they arrive, with a callback
   * instead of a promise: each time the socket is readable the addon
   * receives into `batch` until the socket is empty (or `budget` messages),
   * calling `onBatch(count)` after each call, with message i in
   * `batch.lengths[i]`, `batch.message(i)` and `batch.address(i)` until it
   * returns. One JS call per batch, nothing allocated. Runs on the event
   * loop whatever the socket's mode; keeps the process alive until it ends.
   *
   * Ends as recvEach does (`stop()`, `close()`, or a failed recvmmsg:
   * `onEnd(error)`, EFAULT if the batch's memory is detached). One receiver
   * per socket, of either kind: SocketError EBUSY otherwise.
   */
  recvmmsgEach(batch: MessageBatch, onBatch: (count: number) => void, options: ReceiveEachOptions = {}): Receiver {
    const handle = this[HANDLE];
    if (handle === null) throw closedError('recvmmsg');
    this[RECEIVER] = startRecvmmsgEach(handle, checkBatch(batch), onBatch, options);
    return this[RECEIVER];
  }

  /**
   * recvmmsg(2), blocking the thread for the first datagram; WouldBlockError
   * (EAGAIN) on a non-blocking socket with none queued. Otherwise as
   * {@link Socket.recvmmsg}.
   */
  recvmmsgSync(batch: MessageBatch, flags = 0): number {
    this[OPEN]('recvmmsg');
    const { memory, count, size } = checkBatch(batch);
    return this[SYNC](OPS.recvmmsg, [memory, count, size, checkInt32(flags, 'flags')]);
  }

  /**
   * sendmmsg(2): the first `messages` of the batch in one call, message i
   * being `batch.lengths[i]` bytes of its slot, to `batch.setAddress(i, …)`
   * or the connected peer. Returns how many were sent (fewer when the
   * socket buffer fills; a blocking socket waits for room for the first).
   * Raises the first message's error as {@link Socket.sendto} does; RangeError
   * for more `messages` than the batch holds.
   */
  async sendmmsg(batch: MessageBatch, messages: number, flags = 0, options?: CallOptions): Promise<number> {
    this[OPEN]('sendmmsg');
    const { memory, count, size } = checkBatch(batch);
    checkInt(messages, 'messages', 0, count);
    checkInt32(flags, 'flags');
    if (this[TIMEOUT] === 0 && options === undefined) {
      // The hot path (OPS.sendmmsg's attempt and loop form, by hand), as in recvmmsg.
      let r = this[HANDLE] === null ? STATUS_CLOSED : binding.sendmmsg(this[FD], memory, count, size, messages, flags, 0);
      if (r === EAGAIN) r = await binding.sendmmsgOnLoop(this[HANDLE]!, memory, count, size, messages, flags, 0);
      if (r < 0) throw errorFromStatus(r, 'sendmmsg');
      return r;
    }
    return await this[WAIT](OPS.sendmmsg, [memory, count, size, messages, flags], options);
  }

  /**
   * sendmmsg(2), blocking the thread until the first message fits;
   * WouldBlockError (EAGAIN) on a non-blocking socket whose buffer is full.
   * Otherwise as {@link Socket.sendmmsg}.
   */
  sendmmsgSync(batch: MessageBatch, messages: number, flags = 0): number {
    const fd = this[OPEN]('sendmmsg');
    const { memory, count, size } = checkBatch(batch);
    checkInt(messages, 'messages', 0, count);
    // OPS.sendmmsg's sync form, by hand: measured per batch.
    const r = binding.sendmmsg(fd, memory, count, size, messages, checkInt32(flags, 'flags'),
      syncTimeout(this[TIMEOUT]));
    if (r < 0) throw errorFromStatus(r, 'sendmmsg');
    return r;
  }
}
