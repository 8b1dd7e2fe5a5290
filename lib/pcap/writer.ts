// PcapWriter: classic pcap files, as libpcap's pcap_dump writes them. Records
// are laid out in one buffer and go out when it is full, on flush() and on
// close(): a write(2) per 256 KiB, not per frame, which is what lets a
// capture loop write thousands of frames a second.
import { openSync } from 'node:fs';
import type { Writable } from 'node:stream';

import { checkInt, describe } from '../validate';
import { FdSink, MemorySink, StreamSink, type ByteSink } from './byte_sink';
import {
  MAX_SNAPLEN, PCAP_FILE_HEADER_LENGTH, PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO, PCAP_RECORD_HEADER_LENGTH,
  PCAP_VERSION_MAJOR, PCAP_VERSION_MINOR,
} from './format';
import { PcapClosedError } from './pcap_error';

const DISPOSE: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

/** Bytes the writer gathers before it writes them out. */
const BUFFER_LENGTH = 256 * 1024;

/** How a {@link PcapWriter} lays out its file. */
export interface PcapWriterOptions {
  /** The frames' link type: `LINKTYPE.EN10MB`, `LINKTYPE.LINUX_SLL2`, `LINKTYPE.RAW` or any registry number (0–65535). */
  linkType: number;
  /** Frames longer than this are cut to it (their original length is kept). Default 262144, as tcpdump's. */
  snaplen?: number;
  /**
   * 'micro' (the default, magic 0xa1b2c3d4): nanoseconds are cut to
   * microseconds, rounding down as libpcap does; 'nano' (0xa1b23c4d) keeps them.
   */
  precision?: 'micro' | 'nano';
  /** The byte order of the file's numbers; readers take either. Default 'little'. */
  byteOrder?: 'little' | 'big';
}

/** A capture timestamp: seconds since the epoch, and nanoseconds within the second. */
export interface PcapTimestamp {
  /** Seconds since the epoch, 0 to 2^32 − 1 (a classic pcap field is 32 bits). */
  sec: number;
  /** Nanoseconds, 0 to 999 999 999. */
  nsec: number;
}

/**
 * Writes a classic pcap file (the libpcap format, version 2.4): the file
 * header, then one record per frame.
 *
 * ```ts
 * const writer = PcapWriter.open('out.pcap', { linkType: LINKTYPE.EN10MB, precision: 'nano' });
 * writer.write(frame, { sec, nsec });
 * writer.close();
 * ```
 *
 * Records are buffered: they reach the file when 256 KiB have gathered, on
 * flush() and on close(). A file is written with write(2) on the calling
 * thread (synchronous, like `fs.writeSync`): the buffer keeps that to one
 * call per 256 KiB. An fd made non-blocking (a stdout pipe) is waited on
 * when full, as a blocking one would be.
 */
export class PcapWriter {
  readonly #sink: ByteSink;
  readonly #littleEndian: boolean;
  readonly #nano: boolean;
  readonly #snaplen: number;
  #buffer = Buffer.allocUnsafe(BUFFER_LENGTH);
  #view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, this.#buffer.length);
  #used = 0;
  #records = 0;
  #closed = false;

  private constructor(sink: ByteSink, options: PcapWriterOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`options must be an object, got ${describe(options)}`);
    }
    const linkType = checkInt(options.linkType, 'linkType', 0, 0xffff);
    this.#snaplen = checkInt(options.snaplen ?? MAX_SNAPLEN, 'snaplen', 1, 0x7fffffff);
    const precision = options.precision ?? 'micro';
    if (precision !== 'micro' && precision !== 'nano') {
      throw new TypeError(`precision must be 'micro' or 'nano', got ${describe(precision)}`);
    }
    const byteOrder = options.byteOrder ?? 'little';
    if (byteOrder !== 'little' && byteOrder !== 'big') {
      throw new TypeError(`byteOrder must be 'little' or 'big', got ${describe(byteOrder)}`);
    }
    this.#sink = sink;
    this.#nano = precision === 'nano';
    this.#littleEndian = byteOrder === 'little';
    const view = this.#view;
    const le = this.#littleEndian;
    view.setUint32(0, this.#nano ? PCAP_MAGIC_NANO : PCAP_MAGIC_MICRO, le);
    view.setUint16(4, PCAP_VERSION_MAJOR, le);
    view.setUint16(6, PCAP_VERSION_MINOR, le);
    view.setInt32(8, 0, le); // thiszone: timestamps are UTC
    view.setUint32(12, 0, le); // sigfigs: always 0
    view.setUint32(16, this.#snaplen, le);
    view.setUint32(20, linkType, le);
    this.#used = PCAP_FILE_HEADER_LENGTH;
  }

  /**
   * Creates (or truncates) a file and writes the pcap file header to it
   * (open(2), write(2)). Given a file descriptor instead (`1` for stdout, a
   * pipe), writes there and leaves it open at close().
   *
   * @param file - A path, or an open file descriptor.
   * @param options - Link type, snaplen, precision, byte order.
   * @throws TypeError or RangeError for bad options; Node's fs errors (EACCES, ENOENT, …).
   */
  static open(file: string | number, options: PcapWriterOptions): PcapWriter {
    let sink: FdSink;
    if (typeof file === 'number') {
      sink = new FdSink(checkInt(file, 'fd', 0, 0x7fffffff), false);
    } else if (typeof file === 'string') {
      sink = new FdSink(openSync(file, 'w'), true);
    } else {
      throw new TypeError(`file must be a path or a file descriptor, got ${describe(file)}`);
    }
    let writer: PcapWriter;
    try {
      writer = new PcapWriter(sink, options);
      writer.flush();
    } catch (error) {
      sink.close();
      throw error;
    }
    return writer;
  }

  /**
   * A writer that keeps the file in memory; {@link PcapWriter.toBuffer} returns it.
   *
   * @param options - Link type, snaplen, precision, byte order.
   */
  static inMemory(options: PcapWriterOptions): PcapWriter {
    return new PcapWriter(new MemorySink(), options);
  }

  /**
   * A writer into a Node writable stream, which it writes a buffer of records
   * to at a time and ends at close(). The stream's own 'error' event and
   * backpressure (`writableNeedDrain`) are the caller's to watch.
   *
   * @param stream - The destination.
   * @param options - Link type, snaplen, precision, byte order.
   */
  static toStream(stream: Writable, options: PcapWriterOptions): PcapWriter {
    if (typeof stream !== 'object' || stream === null || typeof stream.write !== 'function') {
      throw new TypeError(`stream must be a writable stream, got ${describe(stream)}`);
    }
    return new PcapWriter(new StreamSink(stream), options);
  }

  /** The number of records written so far. */
  get records(): number {
    return this.#records;
  }

  /**
   * Adds one record. A frame longer than the snaplen is cut to it; its
   * original length stays in the record (orig_len).
   *
   * @param frame - The captured bytes, from the link-layer header on.
   * @param timestamp - When it was captured.
   * @param originalLength - Its length on the wire, if more than `frame.length` were there.
   * @throws TypeError or RangeError for bad arguments; {@link PcapClosedError} after close();
   *   Node's fs errors when the buffer goes out (ENOSPC, EPIPE, …).
   */
  write(frame: Uint8Array, timestamp: PcapTimestamp, originalLength?: number): void {
    if (typeof timestamp !== 'object' || timestamp === null) {
      throw new TypeError(`timestamp must be { sec, nsec }, got ${describe(timestamp)}`);
    }
    this.writeRecord(frame, timestamp.sec, timestamp.nsec, originalLength);
  }

  /**
   * {@link PcapWriter.write} with the timestamp as two numbers: no object per
   * frame, for capture loops that have `tp_sec` and `tp_nsec` at hand.
   *
   * @param frame - The captured bytes.
   * @param sec - Seconds since the epoch, 0 to 2^32 − 1.
   * @param nsec - Nanoseconds, 0 to 999 999 999.
   * @param originalLength - Its length on the wire, if more than `frame.length`.
   * @throws As {@link PcapWriter.write}.
   */
  writeRecord(frame: Uint8Array, sec: number, nsec: number, originalLength: number = frame?.length): void {
    if (this.#closed) throw new PcapClosedError('PcapWriter');
    if (!(frame instanceof Uint8Array)) throw new TypeError(`frame must be a Uint8Array, got ${describe(frame)}`);
    // `x >>> 0 === x` holds for exactly the integers 0 to 2^32 − 1: one
    // check per field on the hot path, the precise message only on failure.
    if (sec >>> 0 !== sec) checkInt(sec, 'sec', 0, 0xffffffff);
    if (nsec >>> 0 !== nsec || nsec > 999_999_999) checkInt(nsec, 'nsec', 0, 999_999_999);
    if (originalLength >>> 0 !== originalLength || originalLength < frame.length) {
      checkInt(originalLength, 'originalLength', frame.length, 0xffffffff);
    }
    const included = frame.length < this.#snaplen ? frame.length : this.#snaplen;
    const length = PCAP_RECORD_HEADER_LENGTH + included;
    if (this.#used + length > this.#buffer.length) {
      this.flush();
      if (length > this.#buffer.length) {
        this.#writeLarge(frame.subarray(0, included), sec, nsec, originalLength);
        return;
      }
    }
    const at = this.#used;
    this.#header(this.#view, at, sec, nsec, included, originalLength);
    this.#buffer.set(included === frame.length ? frame : frame.subarray(0, included), at + PCAP_RECORD_HEADER_LENGTH);
    this.#used = at + length;
    this.#records += 1;
  }

  /**
   * Writes out the records gathered so far (write(2) for a file).
   *
   * @throws {@link PcapClosedError} after close(); Node's fs errors.
   */
  flush(): void {
    if (this.#closed) throw new PcapClosedError('PcapWriter');
    this.#flushBuffer();
  }

  /**
   * The file so far, for a writer made by {@link PcapWriter.inMemory}.
   *
   * @throws TypeError for any other writer.
   */
  toBuffer(): Buffer {
    if (!(this.#sink instanceof MemorySink)) throw new TypeError('toBuffer() needs a PcapWriter.inMemory() writer');
    if (!this.#closed) this.#flushBuffer();
    return this.#sink.contents();
  }

  /**
   * Writes out what is left and closes the file if the writer opened it
   * (close(2)), or ends the stream; later calls do nothing.
   */
  close(): void {
    if (this.#closed) return;
    try {
      this.#flushBuffer();
    } finally {
      this.#closed = true;
      this.#sink.close();
    }
  }

  /** Closes the writer, as `close()`: `using writer = PcapWriter.open(path, options)`. */
  [DISPOSE](): void {
    this.close();
  }

  #header(view: DataView, at: number, sec: number, nsec: number, included: number, original: number): void {
    const le = this.#littleEndian;
    view.setUint32(at, sec, le);
    // libpcap's microsecond files take tv_nsec / 1000, rounded down.
    view.setUint32(at + 4, this.#nano ? nsec : (nsec / 1000) | 0, le);
    view.setUint32(at + 8, included, le);
    view.setUint32(at + 12, original, le);
  }

  #flushBuffer(): void {
    if (this.#used === 0) return;
    const bytes = this.#buffer.subarray(0, this.#used);
    this.#used = 0;
    if (this.#sink.keepsBytes) {
      this.#buffer = Buffer.allocUnsafe(BUFFER_LENGTH);
      this.#view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset, this.#buffer.length);
    }
    this.#sink.write(bytes);
  }

  /** A record longer than the buffer (a snaplen over 256 KiB): its own write, after the buffer's. */
  #writeLarge(data: Uint8Array, sec: number, nsec: number, original: number): void {
    const record = Buffer.allocUnsafe(PCAP_RECORD_HEADER_LENGTH + data.length);
    this.#header(new DataView(record.buffer, record.byteOffset, record.length), 0, sec, nsec, data.length, original);
    record.set(data, PCAP_RECORD_HEADER_LENGTH);
    this.#sink.write(record);
    this.#records += 1;
  }
}
