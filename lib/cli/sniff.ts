// bsd-socket sniff: tcpdump's capture and printing over the library's packet
// toolkit. A live capture (sniff_capture.ts: a TPACKET_V3 ring, or recvmsg)
// on the interface tcpdump would pick (sniff_links.ts), or the records of a
// pcap or pcapng file (PcapReader); the filter expression compiled by
// compileFilter; each frame kept printed as tcpdump -n prints it, or written
// to a pcap file (sniff_output.ts). Packet lines go to stdout, notices and
// the closing counts to stderr, as tcpdump's do.
import { setImmediate as nextTurn } from 'node:timers/promises';

import {
  FilterSyntaxError, IFF_UP, NetworkUnreachableError, PcapFormatError, PcapReader, PermissionDeniedError, SocketError,
  checkFilter, compileFilter, runFilter, type BpfProgram, type CheckedProgram, type HexDump,
} from '..';
import { UsageError, type ParsedArgs } from './args';
import { CommandError, errnoText, type Command, type CommandContext } from './command';
import { openLiveCapture, type CaptureStatistics, type LiveCapture } from './sniff_capture';
import { MAXIMUM_SNAPLEN } from './sniff_frames';
import { ANY_DEVICE, captureLayout, defaultDevice, linkTypeText, listLinks, type Link } from './sniff_links';
import { fileError, isSystemError, lineWriter, openSink, type FrameSink, type OutputOptions } from './sniff_output';

/** The largest -c: tcpdump reads it into an int. */
const MAX_COUNT = 0x7fffffff;
/** Records of a file printed between two turns of the event loop, when Ctrl-C is noticed. */
const RECORDS_PER_TURN = 4096;
/** The exit status of a command whose reader went away (128 + SIGPIPE), as main.ts exits for stdout. */
const STATUS_BROKEN_PIPE = 141;
/**
 * Packet lines go to stdout through this, not the context's print: a
 * capture prints without end, and must wait for a slow reader rather than
 * queue its lines (lineWriter says why).
 */
const STDOUT = lineWriter(1);

/** What the command line asks for, checked. */
interface SniffOptions extends OutputOptions {
  /** -i, or undefined for tcpdump's choice. */
  device?: string;
  /** -r, or undefined for a live capture. */
  readFile?: string;
  /** -c: stop after this many frames; 0 for never. */
  count: number;
  /** -s, with 0 made 262144. */
  snaplen: number;
  /** The filter expression: the operands, joined with spaces as tcpdump joins them. */
  expression: string;
  /** Not --no-ring: try the TPACKET_V3 ring first. */
  ring: boolean;
}

function readOptions(args: ParsedArgs): SniffOptions {
  const device = args.value('i');
  if (device === '') throw new UsageError("invalid interface: ''");
  const readFile = args.value('r');
  if (readFile === '') throw new UsageError("invalid file: ''");
  const writeFile = args.value('w');
  if (writeFile === '') throw new UsageError("invalid file: ''");
  const hexCount = args.count('x');
  const hex: HexDump = hexCount === 0 ? 'none' : hexCount === 1 ? 'x' : 'xx';
  const snaplen = args.integer('s', 'snaplen', 0, MAXIMUM_SNAPLEN, MAXIMUM_SNAPLEN);
  const options: SniffOptions = {
    count: args.integer('c', 'count', 1, MAX_COUNT, 0),
    snaplen: snaplen === 0 ? MAXIMUM_SNAPLEN : snaplen,
    expression: args.operands.join(' '),
    ring: !args.flag('no-ring'),
    packetBuffered: args.flag('U'),
    hex,
    linkHeader: args.flag('e'),
    absoluteSequence: args.flag('S'),
    nano: args.flag('nano'),
  };
  if (device !== undefined) options.device = device;
  if (readFile !== undefined) options.readFile = readFile;
  if (writeFile !== undefined) options.writeFile = writeFile;
  return options;
}

/** The `sniff` subcommand. */
export const sniff: Command = {
  name: 'sniff',
  summary: 'capture packets and print them, or write them to a pcap file, as tcpdump',
  synopsis: ['[-eSUx] [-c count] [-i interface] [-r file] [-s snaplen] [-w file] [--nano] [--no-ring] [expression]'],
  options: [
    { letter: 'c', value: 'count', help: 'exit after count packets' },
    { letter: 'e', help: 'print the link-level header on each line' },
    {
      letter: 'i',
      value: 'interface',
      help: "capture on interface ('any': all of them); default: the first up and running, not loopback",
    },
    { letter: 'n', help: "don't convert addresses to names (always so: names are never looked up)" },
    { letter: 'r', value: 'file', help: "read packets from a pcap or pcapng file ('-': stdin) instead of capturing" },
    { letter: 's', value: 'snaplen', help: 'keep this many bytes of each packet (0: 262144, the default)' },
    { letter: 'S', help: 'print absolute TCP sequence numbers' },
    { letter: 'U', help: 'with -w, write each batch of packets out as it comes, not when the buffer fills' },
    { letter: 'w', value: 'file', help: "write packets to a pcap file ('-': stdout) instead of printing them" },
    { letter: 'x', help: 'print each packet but its link-level header in hex; -xx: with it' },
    { letter: 'nano', help: 'nanosecond timestamps (printed, and in the file -w writes)' },
    { letter: 'no-ring', help: 'capture with recvmsg(2), not a TPACKET_V3 ring' },
  ],
  failureStatus: 1,
  interruptible: true,
  run: (args, context) => {
    const options = readOptions(args);
    return options.readFile === undefined ? capture(options, context) : readCapture(options, options.readFile, context);
  },
};

/**
 * compileFilter, with its refusal as one line: a FilterSyntaxError (the
 * expression, with the position), or a RangeError (a link type it has no
 * primitives for).
 */
function compile(expression: string, linkType: number, snaplen: number): BpfProgram {
  try {
    return compileFilter(expression, { linkType, snaplen });
  } catch (error) {
    if (error instanceof FilterSyntaxError || error instanceof RangeError) throw new CommandError(error.message);
    throw error;
  }
}

/** The expression's filter for frames of `linkType`, checked once for the interpreter; null for no expression. */
function fileFilter(expression: string, linkType: number, snaplen: number): CheckedProgram | null {
  return expression === '' ? null : checkFilter(compile(expression, linkType, snaplen === 0 ? MAXIMUM_SNAPLEN : snaplen));
}

/** -r: the file's records that the expression selects, printed or written, as tcpdump -r. */
async function readCapture(options: SniffOptions, path: string, context: CommandContext): Promise<number> {
  let reader: PcapReader;
  try {
    reader = PcapReader.open(path === '-' ? 0 : path);
  } catch (error) {
    throw readError(path, error);
  }
  let sink: FrameSink | null = null;
  try {
    const { linkType, snaplen } = reader.header;
    // A pcapng file may hold interfaces of several link types: a filter for each.
    const filters = new Map<number, CheckedProgram | null>([[linkType, fileFilter(options.expression, linkType, snaplen)]]);
    sink = openSink(options, linkType, snaplen === 0 ? MAXIMUM_SNAPLEN : snaplen, STDOUT);
    context.warn(`reading from file ${path}, link-type ${linkTypeText(linkType)}, snapshot length ${snaplen}`);
    let kept = 0;
    let sinceTurn = 0;
    for (;;) {
      const record = reader.next();
      if (record === null) break;
      let filter = filters.get(record.linkType);
      if (filter === undefined) {
        filter = fileFilter(options.expression, record.linkType, snaplen);
        filters.set(record.linkType, filter);
      }
      if (filter === null || runFilter(filter, record.data, { packetLength: record.originalLength }) !== 0) {
        sink.write(record.data, record.sec, record.nsec, record.originalLength, record.linkType);
        kept += 1;
        if (kept === options.count) break;
      }
      if (++sinceTurn === RECORDS_PER_TURN) {
        sinceTurn = 0;
        sink.flush();
        await nextTurn();
        if (context.interrupted.aborted) break;
      }
    }
    sink.close();
    return 0;
  } catch (error) {
    // The records before a malformed one are out first, as tcpdump prints them.
    try {
      sink?.close();
    } catch { /* the first error is the one to report */ }
    if (isBrokenPipe(error)) return STATUS_BROKEN_PIPE;
    throw error instanceof PcapFormatError ? new CommandError(`${path}: ${error.message}`) : outputError(options, error);
  } finally {
    reader.close();
  }
}

/** A failure to open the file to read, in one line. */
function readError(path: string, error: unknown): unknown {
  if (error instanceof PcapFormatError) return new CommandError(`${path}: ${error.message}`);
  return fileError(path, error);
}

/** Whether `error` is a write to a pipe whose reader went away (EPIPE), which ends the command quietly. */
function isBrokenPipe(error: unknown): boolean {
  return isSystemError(error) && error.code === 'EPIPE';
}

/** A failure to write the output, in one line. */
function outputError(options: SniffOptions, error: unknown): unknown {
  return isSystemError(error) ? fileError(options.writeFile ?? '-', error) : error;
}

/** The interface to capture on, checked: null for `any`. */
function captureDevice(name: string, links: readonly Link[]): Link | null {
  if (name === ANY_DEVICE) return null;
  const link = links.find((l) => l.name === name);
  if (link === undefined) throw new CommandError(`${name}: No such device exists`);
  if ((link.flags & IFF_UP) === 0) throw new CommandError(`${name}: That device is not up`);
  return link;
}

/** A live capture until -c frames, Ctrl-C (or SIGTERM) or an error; then tcpdump's counts. */
async function capture(options: SniffOptions, context: CommandContext): Promise<number> {
  const links = listLinks();
  const device = options.device ?? defaultDevice(links);
  const link = captureDevice(device, links);
  const layout = captureLayout(link, options.device !== undefined);
  // Before any socket: a mistake in the expression needs no privilege to be told.
  const program = compile(options.expression, layout.linkType, options.snaplen);
  let sink: FrameSink | null = null;
  let kept = 0;
  let finish!: (outcome: Error | 'interrupted' | null) => void;
  const outcome = new Promise<Error | 'interrupted' | null>((resolve) => { finish = resolve; });
  let live: LiveCapture;
  try {
    live = openLiveCapture({
      link,
      loopbackIndex: links.find((l) => l.name === 'lo')?.index ?? -1,
      layout,
      snaplen: options.snaplen,
      program,
      ring: options.ring,
      onFrame: (frame, sec, nsec, originalLength) => {
        sink!.write(frame, sec, nsec, originalLength, layout.linkType);
        kept += 1;
        if (kept === options.count) {
          live!.close();
          finish(null);
        }
      },
      onBatchEnd: () => sink!.flush(),
      onEnd: (error) => finish(error),
    });
  } catch (error) {
    if (error instanceof PermissionDeniedError) {
      throw new CommandError(`${device}: You don't have permission to capture on that device `
        + `(socket: ${errnoText(error)}; CAP_NET_RAW is needed)`);
    }
    throw error;
  }
  const onTerminate = (): void => finish('interrupted');
  try {
    sink = openSink(options, layout.linkType, options.snaplen, STDOUT);
    context.warn(`listening on ${device}, link-type ${linkTypeText(layout.linkType)}, `
      + `snapshot length ${options.snaplen} bytes`);
    context.interrupted.addEventListener('abort', onTerminate);
    process.on('SIGTERM', onTerminate);
    const end = await outcome;
    if (end === 'interrupted') await live.settle();
    live.close();
    let status = 0;
    let failure: unknown = null;
    try {
      sink.close();
    } catch (error) {
      failure = error;
    }
    if (end instanceof Error) failure = end;
    if (failure !== null) {
      if (isBrokenPipe(failure)) return STATUS_BROKEN_PIPE;
      const error = captureError(device, options, failure);
      context.warn(`bsd-socket sniff: ${error.message}`);
      status = error.status ?? sniff.failureStatus;
    }
    // tcpdump ends the line ^C may have broken (only when it prints packets there).
    if (end === 'interrupted' && sink.printing) STDOUT('');
    printStatistics(kept, live.statistics(), context);
    return status;
  } finally {
    live.close();
    context.interrupted.removeEventListener('abort', onTerminate);
    process.off('SIGTERM', onTerminate);
  }
}

/**
 * What ended a capture, in one line: the socket's error as libpcap words
 * it, or the output's. (libpcap goes on capturing on an interface that was
 * taken down, waiting for it to come back up; here the capture ends.)
 */
function captureError(device: string, options: SniffOptions, error: unknown): CommandError {
  if (error instanceof NetworkUnreachableError && error.code === 'ENETDOWN') {
    const gone = !listLinks().some((link) => link.name === device);
    return new CommandError(`${device}: The interface ${gone ? 'disappeared' : 'went down'}`);
  }
  if (error instanceof SocketError) return new CommandError(`${device}: ${errnoText(error)}`);
  const described = outputError(options, error);
  if (described instanceof CommandError) return described;
  // Anything else is a bug: its stack helps to fix it.
  throw error;
}

/** tcpdump's closing counts, on stderr. */
function printStatistics(captured: number, counts: CaptureStatistics, context: CommandContext): void {
  const packets = (n: number): string => `${n} packet${n === 1 ? '' : 's'}`;
  context.warn(`${packets(captured)} captured`);
  context.warn(`${packets(counts.received)} received by filter`);
  context.warn(`${packets(counts.dropped)} dropped by kernel`);
}
