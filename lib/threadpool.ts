// How blocking sockets share libuv's threadpool (native/core/thread_slots.h).
import { binding } from './binding';
import { MAX_POOL_SIZE } from './limits';
import { checkInt } from './validate';

/** The process's threadpool as blocking sockets use it. */
export interface ThreadpoolUsage {
  /** libuv's pool size, which `UV_THREADPOOL_SIZE` sets (default 4); one pool per process. */
  readonly poolSize: number;
  /** Threads that socket waits always leave free for everything else (default 1). */
  readonly reserve: number;
  /** Blocking socket calls queued or waiting on the pool now, across all Workers. */
  readonly inUse: number;
}

/**
 * The threadpool and how much of it blocking sockets hold. A blocking socket's
 * waiting Promise call takes a pool thread only while fewer than
 * `poolSize - reserve` do; otherwise it waits on its event loop, holding no thread.
 */
export function threadpoolUsage(): ThreadpoolUsage {
  return binding.threadpoolUsage();
}

/**
 * Sets how many of the pool's threads socket waits leave free, for the whole
 * process (every Worker); clamped to 1..poolSize. Returns the value in force.
 * The environment variable `BSD_SOCKET_THREADPOOL_RESERVE` sets the initial value.
 */
export function setThreadpoolReserve(reserve: number): number {
  return binding.setThreadpoolReserve(checkInt(reserve, 'reserve', 1, MAX_POOL_SIZE));
}
