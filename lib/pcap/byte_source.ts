// Where the reader's bytes come from: a buffer already in memory, or a file
// read in chunks. Both give the parsers the same thing, a window of the file
// (`bytes`, whose first byte is file offset `base`) that `fill` makes cover
// the range they are about to parse, so a parser never tracks which.
import { closeSync, readSync } from 'node:fs';

import { retryWhileWouldBlock } from './would_block';

/** A window on the file being read; parsers call fill() before each structure. */
export interface ByteSource {
  /** The window's bytes; `bytes[i]` is file byte `base + i`. Replaced (never rewritten) by fill(). */
  readonly bytes: Uint8Array;
  /** A DataView of `bytes`. */
  readonly view: DataView;
  /** The file offset of `bytes[0]`. */
  readonly base: number;
  /**
   * Makes the window cover file bytes [position, position + length), which
   * the caller has checked against its limits; returns how many of them the
   * file has (fewer only at its end). `position` never goes backwards.
   */
  fill(position: number, length: number): number;
  /** Releases the file, if this source owns one. */
  close(): void;
}

/** A buffer in memory: the window is all of it, and records are views of it (no copy). */
export class BufferSource implements ByteSource {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly base = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fill(position: number, length: number): number {
    return Math.max(0, Math.min(length, this.bytes.length - position));
  }

  close(): void {}
}

/** Bytes read per read(2) when no structure needs more. */
const CHUNK_LENGTH = 256 * 1024;

/**
 * A file read sequentially (so a pipe or stdin works too) into chunks of
 * 256 KiB, or of the structure's length when that is larger (the parsers cap
 * it). Each refill allocates a new chunk and moves the unread tail into it,
 * so records handed out as views of an old chunk stay valid.
 */
export class FdSource implements ByteSource {
  bytes: Uint8Array = new Uint8Array(0);
  view = new DataView(this.bytes.buffer);
  base = 0;
  #fd: number;
  readonly #owned: boolean;
  #atEnd = false;

  /**
   * @param fd - The file to read from its current position.
   * @param owned - Whether close() closes it.
   */
  constructor(fd: number, owned: boolean) {
    this.#fd = fd;
    this.#owned = owned;
  }

  fill(position: number, length: number): number {
    const end = this.base + this.bytes.length;
    if (position + length <= end || this.#atEnd || this.#fd < 0) {
      return Math.max(0, Math.min(length, end - position));
    }
    const kept = this.bytes.subarray(Math.min(position - this.base, this.bytes.length));
    const chunk = Buffer.allocUnsafe(Math.max(CHUNK_LENGTH, length));
    chunk.set(kept);
    let filled = kept.length;
    // read(2) may return less than asked (a pipe, a signal): read until the
    // structure is whole or the file ends, not until the chunk is full, so a
    // live pipe yields each record as soon as it arrives.
    const needed = position + length - (end - kept.length);
    while (filled < needed) {
      const got = retryWhileWouldBlock(() => readSync(this.#fd, chunk, filled, chunk.length - filled, null));
      if (got === 0) {
        this.#atEnd = true;
        break;
      }
      filled += got;
    }
    this.bytes = chunk.subarray(0, filled);
    this.view = new DataView(chunk.buffer, chunk.byteOffset, filled);
    this.base = end - kept.length;
    return Math.max(0, Math.min(length, this.base + filled - position));
  }

  close(): void {
    if (this.#fd < 0) return;
    const fd = this.#fd;
    this.#fd = -1;
    this.bytes = new Uint8Array(0);
    this.view = new DataView(this.bytes.buffer);
    if (this.#owned) closeSync(fd);
  }
}
