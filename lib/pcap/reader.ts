// PcapReader: the records of a capture file, classic pcap or pcapng, from a
// buffer or from a file read in chunks. The magic number picks the parser;
// the parsers trust no length in the file.
import { openSync } from 'node:fs';

import { BufferSource, FdSource, type ByteSource } from './byte_source';
import { ClassicParser, isClassicMagic } from './classic_parser';
import { PcapClosedError, PcapFormatError } from './pcap_error';
import { PcapngParser, isPcapngMagic } from './pcapng_parser';
import type { PcapFileHeader, PcapInterface, PcapRecord, RecordParser } from './types';

// Node defines it as Symbol.for('nodejs.dispose'); a vm context (a jest
// test, for one) has no Symbol.dispose of its own.
const DISPOSE: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

/**
 * Reads a capture file: classic pcap (either byte order, microsecond or
 * nanosecond timestamps, versions 2.0 to 2.4) or pcapng (sections in either
 * byte order; Interface Description Blocks with their link type, snaplen,
 * if_tsresol as a power of 10 or of 2, if_tsoffset; Enhanced, Simple and
 * obsolete Packet Blocks; other blocks skipped), one record at a time:
 *
 * ```ts
 * using reader = PcapReader.open('capture.pcap');
 * for (const { data, sec, nsec } of reader) console.log(sec, nsec, data.length);
 * ```
 *
 * The file is untrusted: a malformed one raises a {@link PcapFormatError}
 * with the byte offset of the bad structure, after the good records before
 * it (a truncated last record is reported after the others, as tcpdump's
 * "truncated dump file"). Memory is bounded: a record may not be longer than
 * max(snaplen, 262144) bytes in a classic file, than its interface's snaplen
 * (262144 if 0) in pcapng, nor than 16 MiB in either, and no more than one
 * record (or pcapng block) and a 256 KiB chunk are read ahead. Records a
 * classic file stores longer than its snaplen are cut to it, as libpcap does.
 *
 * Single pass: iterating again continues where the last iteration stopped.
 * Reading is synchronous (read(2) on the calling thread).
 */
export class PcapReader implements Iterable<PcapRecord> {
  readonly #source: ByteSource;
  readonly #parser: RecordParser;
  #closed = false;
  /** The end of the records was reached: next() returns null from now on. */
  #ended = false;
  #failure: unknown;

  private constructor(source: ByteSource) {
    this.#source = source;
    try {
      const got = source.fill(0, 4);
      if (got < 4) throw new PcapFormatError(`file too short for a magic number (${got} bytes)`, 0);
      const view = source.view;
      if (isClassicMagic(view)) this.#parser = new ClassicParser(source);
      else if (isPcapngMagic(view)) this.#parser = new PcapngParser(source);
      else throw new PcapFormatError(`unknown magic number 0x${view.getUint32(0, false).toString(16).padStart(8, '0')}`, 0);
    } catch (error) {
      source.close();
      throw error;
    }
  }

  /**
   * Opens a capture file and reads its header: open(2), then read(2) in
   * chunks as records are asked for. The file is closed at the end of the
   * records, on a format error, or by close(). A file descriptor (`0` for
   * stdin, a pipe) is read from its current position and is not closed.
   *
   * @param file - A path, or an open file descriptor.
   * @throws {@link PcapFormatError} for a malformed header; Node's fs errors (ENOENT, EACCES, …).
   */
  static open(file: string | number): PcapReader {
    if (typeof file === 'number') {
      if (!Number.isInteger(file) || file < 0) throw new RangeError(`bad file descriptor ${file}`);
      return new PcapReader(new FdSource(file, false));
    }
    if (typeof file !== 'string') throw new TypeError('file must be a path or a file descriptor');
    return new PcapReader(new FdSource(openSync(file, 'r'), true));
  }

  /**
   * Reads a capture file held in memory. Records' `data` are views of
   * `bytes`, not copies.
   *
   * @param bytes - The whole file.
   * @throws {@link PcapFormatError} for a malformed header.
   */
  static from(bytes: Uint8Array): PcapReader {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array or a Buffer');
    return new PcapReader(new BufferSource(bytes));
  }

  /** The file header: format, link type, snaplen, precision, byte order, version. */
  get header(): PcapFileHeader {
    return this.#parser.header;
  }

  /**
   * The interfaces records may name now: pcapng's Interface Description
   * Blocks of the current section, or a classic file's one.
   */
  get interfaces(): readonly PcapInterface[] {
    return this.#parser.interfaces;
  }

  /**
   * The next record, or null after the last one (and on every later call).
   *
   * @throws {@link PcapFormatError} where the file is malformed (again on
   *   every later call); {@link PcapClosedError} after close().
   */
  next(): PcapRecord | null {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#ended) return null;
    if (this.#closed) throw new PcapClosedError('PcapReader');
    let record: PcapRecord | null;
    try {
      record = this.#parser.next();
    } catch (error) {
      this.#failure = error;
      this.close();
      throw error;
    }
    if (record === null) {
      this.#ended = true;
      this.close();
    }
    return record;
  }

  /** Iterates the remaining records; see {@link PcapReader.next}. */
  [Symbol.iterator](): Iterator<PcapRecord> {
    return {
      next: (): IteratorResult<PcapRecord> => {
        const record = this.next();
        return record === null ? { done: true, value: undefined } : { done: false, value: record };
      },
    };
  }

  /** Closes the file, if the reader opened it (close(2)); later calls do nothing. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#source.close();
  }

  /** Closes the reader, as `close()`: `using reader = PcapReader.open(path)`. */
  [DISPOSE](): void {
    this.close();
  }
}
