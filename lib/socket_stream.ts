// A connected socket as Node streams: makefile()'s Duplex and the async
// iteration of received bytes. Built on the socket's own recv, sendall and
// shutdown, so every error is the library's typed one.
import { Duplex } from 'node:stream';

import { SHUT_WR } from './constants';
import type { Socket } from './socket';

/** Options of {@link Socket.makefile}. */
export interface MakefileOptions {
  /** Bytes asked of each recv(2) (default 65536). */
  readSize?: number;
  /** The Duplex's highWaterMark, both ways (Node's default otherwise). */
  highWaterMark?: number;
}

/**
 * A Duplex over a connected socket. Reading: one recv per `_read`, so the
 * socket is read only as fast as the consumer reads (backpressure); 0 bytes
 * is the end of the stream. Writing: sendall per chunk, the callback once
 * it is all queued (backpressure); `end()` is shutdown(SHUT_WR). Destroying
 * the stream ends its pending recv (nothing is consumed for it later) but
 * leaves the socket open: the socket is the caller's, as Python's makefile
 * leaves it.
 */
export function socketDuplex(sock: Socket, options: MakefileOptions = {}): Duplex {
  const readSize = options.readSize ?? 65536;
  const reading = new AbortController();
  return new Duplex({
    highWaterMark: options.highWaterMark,
    read(this: Duplex) {
      sock.recv(readSize, 0, { signal: reading.signal }).then((chunk) => {
        this.push(chunk.length === 0 ? null : chunk);
      }, (error: Error) => {
        if (!reading.signal.aborted) this.destroy(error);
      });
    },
    write(chunk: Buffer, _encoding, callback) {
      sock.sendall(chunk).then(() => callback(), callback);
    },
    final(callback) {
      try {
        sock.shutdown(SHUT_WR);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    destroy(error, callback) {
      reading.abort();
      callback(error);
    },
  });
}

/** Each chunk recv(2) gives, until the peer's end of stream (0 bytes). */
export async function* receivedChunks(sock: Socket, size = 65536): AsyncGenerator<Buffer, void, undefined> {
  for (;;) {
    const chunk = await sock.recv(size);
    if (chunk.length === 0) return;
    yield chunk;
  }
}
