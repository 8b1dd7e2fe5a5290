// sendall: send(2) as often as it takes to queue every byte, the timeout
// bounding the whole call (as in Python), not each send. Socket.sendall's
// hot path and its waiting form are in socket.ts (they need the socket's
// live state); what they share with sendallSync is here.
import { binding } from './binding';
import { errorFromStatus } from './errors';
import { deadlineAfter, syncTimeout, timeLeft, waitLimit } from './wait';

/** What a hot-path sendall that queued everything at once returns: one promise, settled, shared by every such call. */
export const SETTLED: Promise<void> = Promise.resolve();

/** The bytes of `view` after the first `sent`, as a view of the same memory. */
export function unsent(view: ArrayBufferView, sent: number): ArrayBufferView {
  return sent === 0 ? view : new Uint8Array(view.buffer, view.byteOffset + sent, view.byteLength - sent);
}

/**
 * sendallSync on `fd`, blocking the thread: each send(2) waits at most what
 * is left of the socket's timeout; a non-blocking socket (timeout 0) raises
 * WouldBlockError once its buffer is full.
 */
export function sendallSync(fd: number, view: ArrayBufferView, flags: number, socketTimeout: number | null): void {
  const deadline = deadlineAfter(waitLimit(socketTimeout, undefined));
  let sent = 0;
  do {
    const wait = deadline === undefined ? syncTimeout(socketTimeout) : timeLeft(deadline, 'send');
    const r = binding.send(fd, view, sent, view.byteLength - sent, flags, wait);
    if (r < 0) throw errorFromStatus(r, 'send');
    sent += r;
  } while (sent < view.byteLength);
}
