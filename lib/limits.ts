// The binding's limits, as native/core/limits.h defines them: read from the
// addon, never typed here, so a TS check and the native one cannot disagree.
import { binding, type Limits } from './binding';

/** Every limit, frozen (binding.limits). */
export const limits: Limits = binding.limits;

/** The most one recv may ask for, in bytes (int32). */
export const MAX_RECV_SIZE: number = limits.MAX_RECV_SIZE;
/** The largest ancillary buffer (recvmsg's `ancsize`, CMSG_SPACE/CMSG_LEN payloads), in bytes. */
export const MAX_ANCILLARY_SIZE: number = limits.MAX_ANCILLARY_SIZE;
/** Messages per recvmmsg(2)/sendmmsg(2) call (UIO_MAXIOV). */
export const MAX_BATCH_COUNT: number = limits.MAX_BATCH_COUNT;
/** Bytes per MessageBatch slot. */
export const MAX_BATCH_SIZE: number = limits.MAX_BATCH_SIZE;
/** Messages a receiver takes per readable event before the event loop gets a turn. */
export const MAX_RECEIVER_BUDGET: number = limits.MAX_RECEIVER_BUDGET;
/** The largest getsockopt buffer asked for by size, in bytes. */
export const MAX_OPTION_SIZE: number = limits.MAX_OPTION_SIZE;
/** libuv's largest threadpool (UV_THREADPOOL_SIZE), and so the largest reserve. */
export const MAX_POOL_SIZE: number = limits.MAX_POOL_SIZE;
/** The largest packet ring block, in bytes. */
export const MAX_RING_BLOCK_SIZE: number = limits.MAX_RING_BLOCK_SIZE;
/** The most blocks in one packet ring. */
export const MAX_RING_BLOCK_COUNT: number = limits.MAX_RING_BLOCK_COUNT;
/** The most bytes in one packet ring (blockSize × blockCount). */
export const MAX_RING_SIZE: number = limits.MAX_RING_SIZE;
/** The longest block timeout, in ms (the kernel keeps tp_retire_blk_tov in 16 bits). */
export const MAX_RING_TIMEOUT_MS: number = limits.MAX_RING_TIMEOUT_MS;
