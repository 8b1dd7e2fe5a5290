// Where `bsd-socket sniff` puts the frames it keeps: printed as tcpdump -n
// prints them (PacketPrinter), one line each to stdout, gathered and written
// once per batch; or written to a pcap file (-w), as tcpdump -w writes it.
import { writeSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';

import { PacketPrinter, PcapWriter, type HexDump } from '..';
import { CommandError } from './command';
import { isKnownLinkType, linkTypeText } from './sniff_links';

/** How frames are printed or written. */
export interface OutputOptions {
  /** -w: the file to write ('-': stdout), or undefined to print. */
  writeFile?: string;
  /** -U: write each batch of records out at once, rather than when the writer's buffer fills. */
  packetBuffered: boolean;
  /** -x / -xx. */
  hex: HexDump;
  /** -e. */
  linkHeader: boolean;
  /** -S. */
  absoluteSequence: boolean;
  /** --nano: nanosecond timestamps, printed and written. */
  nano: boolean;
}

/** The destination of the frames a capture or a file gives. */
export interface FrameSink {
  /** Whether frames are printed (rather than written to a file). */
  readonly printing: boolean;
  /**
   * Takes one frame: `frame` is valid during the call only.
   * @throws CommandError for a frame this sink cannot take; Node's fs errors from the file (EPIPE, ENOSPC).
   */
  write(frame: Uint8Array, sec: number, nsec: number, originalLength: number, linkType: number): void;
  /** Sends out what is gathered: the lines (printing), the records (-U). */
  flush(): void;
  /** Sends out the rest and closes the file; idempotent. */
  close(): void;
}

/**
 * The sink for `options`, for frames of `linkType` with at most `snaplen`
 * bytes each, printing with `print`.
 * @throws CommandError when the output file cannot be made, or the link type cannot be printed.
 */
export function openSink(options: OutputOptions, linkType: number, snaplen: number,
  print: (text: string) => void): FrameSink {
  if (options.writeFile !== undefined) return new FileSink(options, linkType, snaplen);
  return new LineSink(options, print, linkType);
}

/** Lines, one per frame, gathered and printed a batch at a time. */
class LineSink implements FrameSink {
  readonly printing = true;
  readonly #options: OutputOptions;
  readonly #print: (text: string) => void;
  /** A printer per link type: a pcapng file may mix them (each keeps its own TCP connections). */
  readonly #printers = new Map<number, PacketPrinter>();
  readonly #lines: string[] = [];

  constructor(options: OutputOptions, print: (text: string) => void, linkType: number) {
    this.#options = options;
    this.#print = print;
    this.#printer(linkType);
  }

  write(frame: Uint8Array, sec: number, nsec: number, originalLength: number, linkType: number): void {
    const printer = this.#printers.get(linkType) ?? this.#printer(linkType);
    this.#lines.push(printer.format(frame, { sec, nsec }, originalLength));
  }

  flush(): void {
    if (this.#lines.length === 0) return;
    this.#print(this.#lines.join('\n'));
    this.#lines.length = 0;
  }

  close(): void {
    this.flush();
  }

  #printer(linkType: number): PacketPrinter {
    if (!isKnownLinkType(linkType)) {
      throw new CommandError(`cannot print frames of link-type ${linkTypeText(linkType)} `
        + '(EN10MB, RAW, LINUX_SLL and LINUX_SLL2 only)');
    }
    const printer = new PacketPrinter({
      linkType,
      hex: this.#options.hex,
      showLinkHeader: this.#options.linkHeader,
      relativeSequence: !this.#options.absoluteSequence,
      timestampPrecision: this.#options.nano ? 'nano' : 'micro',
    });
    this.#printers.set(linkType, printer);
    return printer;
  }
}

/** A classic pcap file, as tcpdump -w writes it. */
class FileSink implements FrameSink {
  readonly printing = false;
  readonly #writer: PcapWriter;
  readonly #linkType: number;
  readonly #path: string;
  readonly #packetBuffered: boolean;
  #closed = false;

  constructor(options: OutputOptions, linkType: number, snaplen: number) {
    this.#path = options.writeFile!;
    this.#linkType = linkType;
    this.#packetBuffered = options.packetBuffered;
    try {
      this.#writer = PcapWriter.open(this.#path === '-' ? 1 : this.#path,
        { linkType, snaplen, precision: options.nano ? 'nano' : 'micro' });
    } catch (error) {
      throw fileError(this.#path, error);
    }
  }

  write(frame: Uint8Array, sec: number, nsec: number, originalLength: number, linkType: number): void {
    if (linkType !== this.#linkType) {
      throw new CommandError(`${this.#path}: a frame of link-type ${linkTypeText(linkType)} cannot go in a file of `
        + `link-type ${linkTypeText(this.#linkType)}`);
    }
    this.#writer.write(frame, { sec, nsec }, originalLength);
  }

  flush(): void {
    if (this.#packetBuffered) this.#writer.flush();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#writer.close();
  }
}

/** What a writer waits on, a millisecond at a time, while a pipe is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A function that writes a line (and its newline) to `fd` as C's stdio
 * does, whole, before it returns: when the pipe is full (Node makes a stdout
 * pipe non-blocking, and write(2) says EAGAIN) it waits for the reader. So a
 * slow reader slows the capture, whose kernel buffer then drops and counts
 * what does not fit, as tcpdump's does; nothing piles up in memory, and
 * nothing is left unwritten at exit.
 * @throws Node's fs errors (EPIPE when the reader has gone).
 */
export function lineWriter(fd: number): (text: string) => void {
  return (text) => {
    const bytes = Buffer.from(`${text}\n`);
    for (let done = 0; done < bytes.length;) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  };
}

/** Whether `error` is one of Node's errors for a system call, with its errno. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { errno: number } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).errno === 'number'
    && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * A failure to open, read or write `path` as tcpdump words it: `path: No
 * such file or directory` (strerror(3)'s text, from Node's table). Other
 * errors are returned as they are.
 */
export function fileError(path: string, error: unknown): unknown {
  if (!isSystemError(error)) return error;
  const entry = getSystemErrorMap().get(error.errno);
  const text = entry === undefined ? error.code! : entry[1].charAt(0).toUpperCase() + entry[1].slice(1);
  return new CommandError(`${path}: ${text}`);
}
