// MessageBatch: reusable memory for recvmmsg(2) and sendmmsg(2). Allocated
// once and reused, so that a batch call allocates nothing per message: the
// datagrams sit in one slab, their lengths in an Int32Array, and their
// addresses stay raw sockaddrs until address(i) decodes one.
import { addressDetails, toNativeAddress, type Address, type SocketAddress } from './address';
import { binding } from './binding';
import { errorFromStatus } from './errors';
import { MAX_BATCH_COUNT, MAX_BATCH_SIZE } from './limits';
import { checkInt, toSendView, type BinaryLike } from './validate';

/**
 * Reusable memory for {@link Socket.recvmmsg} and {@link Socket.sendmmsg}
 * (recvmmsg(2), sendmmsg(2)): `count` messages of up to `size` bytes each,
 * their lengths and their addresses, in one block allocated once. A batch
 * call then allocates nothing per message.
 */
export class MessageBatch {
  /** How many messages one call can carry (at most 1024, UIO_MAXIOV). */
  readonly count: number;
  /** The room of each message, in bytes. */
  readonly size: number;
  /** The whole block, as the addon takes it. */
  readonly memory: Uint8Array;
  /** The messages' bytes: message i is at i * size. */
  readonly slab: Buffer;
  /** Each message's length: filled by recvmmsg, read by sendmmsg. */
  readonly lengths: Int32Array;
  readonly #addressLengths: Int32Array;
  readonly #addressesAt: number;
  readonly #addressSize: number;

  /**
   * @param count - Messages per call, 1–1024 (UIO_MAXIOV).
   * @param size - The room of each message in bytes, 0–1 MiB; a longer datagram is truncated.
   * @throws TypeError or RangeError for a count or size out of range.
   */
  constructor(count: number, size: number) {
    this.count = checkInt(count, 'count', 1, MAX_BATCH_COUNT);
    this.size = checkInt(size, 'size', 0, MAX_BATCH_SIZE);
    const [lengthsAt, addressLengthsAt, addressesAt, addressSize, bytes] = binding.batchLayout(this.count, this.size);
    // An ArrayBuffer of its own: 8-aligned, as the headers inside need.
    const block = new ArrayBuffer(bytes);
    this.memory = new Uint8Array(block);
    this.slab = Buffer.from(block, 0, this.count * this.size);
    this.lengths = new Int32Array(block, lengthsAt, this.count);
    this.#addressLengths = new Int32Array(block, addressLengthsAt, this.count);
    this.#addressesAt = addressesAt;
    this.#addressSize = addressSize;
  }

  /** Message i's bytes, as a view of the slab (valid until the next call that fills it). */
  message(i: number): Buffer {
    checkInt(i, 'index', 0, this.count - 1);
    const start = i * this.size;
    return this.slab.subarray(start, start + Math.min(Math.max(this.lengths[i], 0), this.size));
  }

  /** Copies `data` into message i and sets its length; returns the length. */
  set(i: number, data: BinaryLike): number {
    checkInt(i, 'index', 0, this.count - 1);
    const view = toSendView(data);
    if (view.byteLength > this.size) throw new RangeError(`message is ${view.byteLength} bytes; the batch holds ${this.size}`);
    this.slab.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), i * this.size);
    this.lengths[i] = view.byteLength;
    return view.byteLength;
  }

  /** The sender of received message i, decoded now; null if it has none. */
  address(i: number): SocketAddress | null {
    checkInt(i, 'index', 0, this.count - 1);
    const length = this.#addressLengths[i];
    if (length <= 0) return null;
    return binding.decodeAddress(this.memory, this.#addressesAt + i * this.#addressSize,
      Math.min(length, this.#addressSize)) as SocketAddress;
  }

  /**
   * Where sendmmsg sends message i: an address in `family` (the socket's), or
   * null for the connected peer.
   */
  setAddress(i: number, address: Address | null, family: number): void {
    checkInt(i, 'index', 0, this.count - 1);
    if (address === null) {
      this.#addressLengths[i] = 0;
      return;
    }
    const native = toNativeAddress(address, family);
    const r = binding.encodeAddress(native, this.memory, this.#addressesAt + i * this.#addressSize, this.#addressSize);
    if (r < 0) throw errorFromStatus(r, 'sendmmsg', addressDetails(native));
    this.#addressLengths[i] = r;
  }
}

/** `batch`, checked to be a MessageBatch (TypeError otherwise). */
export function checkBatch(batch: unknown): MessageBatch {
  if (!(batch instanceof MessageBatch)) throw new TypeError('batch must be a MessageBatch');
  return batch;
}
