// Synchronous file I/O on an fd someone made non-blocking (Node does that to
// stdin and stdout pipes) fails with EAGAIN instead of waiting. The reader and
// the writer wait here instead, a millisecond at a time, as a blocking fd
// would have waited in the kernel.

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `io` (a readSync or writeSync) until it does not fail with EAGAIN. */
export function retryWhileWouldBlock<T>(io: () => T): T {
  for (;;) {
    try {
      return io();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
