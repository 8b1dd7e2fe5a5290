// Where PcapWriter's bytes go: a file descriptor (written at once, so the
// writer reuses its buffer), or memory or a stream (which keep the bytes, so
// the writer hands its buffer over and starts a new one).
import { closeSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';

import { retryWhileWouldBlock } from './would_block';

/** A destination for the writer's filled buffers. */
export interface ByteSink {
  /** True if write() keeps `bytes`: the writer must not reuse them. */
  readonly keepsBytes: boolean;
  write(bytes: Uint8Array): void;
  /** Ends the destination (after the last write). */
  close(): void;
}

/** A file descriptor, written with write(2) until every byte is out. */
export class FdSink implements ByteSink {
  readonly keepsBytes = false;
  readonly #fd: number;
  readonly #owned: boolean;

  /**
   * @param fd - An open file descriptor.
   * @param owned - Whether close() closes it.
   */
  constructor(fd: number, owned: boolean) {
    this.#fd = fd;
    this.#owned = owned;
  }

  write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      done += retryWhileWouldBlock(() => writeSync(this.#fd, bytes, done, bytes.length - done));
    }
  }

  close(): void {
    if (this.#owned) closeSync(this.#fd);
  }
}

/** Memory: the buffers are kept, and joined by contents(). */
export class MemorySink implements ByteSink {
  readonly keepsBytes = true;
  #chunks: Uint8Array[] = [];

  write(bytes: Uint8Array): void {
    this.#chunks.push(bytes);
  }

  /** Everything written so far, as one Buffer. */
  contents(): Buffer {
    const whole = Buffer.concat(this.#chunks);
    this.#chunks = [whole];
    return whole;
  }

  close(): void {}
}

/** A Node writable stream; close() ends it. Its 'error' event reports its failures. */
export class StreamSink implements ByteSink {
  readonly keepsBytes = true;
  readonly #stream: Writable;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  write(bytes: Uint8Array): void {
    this.#stream.write(bytes);
  }

  close(): void {
    this.#stream.end();
  }
}
