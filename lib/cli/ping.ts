// bsd-socket ping: iputils ping's options, output and exit statuses, over
// the library's ICMP echo sockets (icmp_echo.ts), IPv4 and IPv6, names
// resolved with getaddrinfo.
import { isIP } from 'node:net';

import {
  AF_INET, AF_INET6, AF_UNSPEC, GaiError, NI_NAMEREQD, SOCK_DGRAM, SocketError, getaddrinfo, getnameinfo,
  type SocketAddress,
} from '..';
import { UsageError, type ParsedArgs } from './args';
import { errnoText, resolverFailure, type Command, type CommandContext } from './command';
import { EchoSocket, describeIcmpError, type EchoEvent } from './icmp_echo';
import { PingStatistics, formatRtt } from './ping_statistics';

/** The largest ICMP payload an IPv4 datagram carries (65535 − 20 − 8); IPv6's is 65527 (65535 − 8). */
const MAX_SIZE_V4 = 65507;
const MAX_SIZE_V6 = 65527;
/** iputils times a request from a timeval in its data: smaller payloads are not timed. */
const TIMED_SIZE = 16;
/** The shortest interval iputils allows a user without privileges. */
const MIN_USER_INTERVAL_MS = 2;
/** The longest wait any option takes, in seconds (what setTimeout can hold). */
const MAX_SECONDS = 2147483;

/** What the options ask for, checked. */
interface PingOptions {
  host: string;
  family: number;
  count: number;
  intervalMs: number;
  /** -W: how long to wait for a reply when none came. */
  timeoutMs: number;
  /** -w: when to stop, whatever happens; 0 for never. */
  deadlineMs: number;
  size: number;
  ttl?: number;
  quiet: boolean;
  numeric: boolean;
  source?: string;
}

function readOptions(args: ParsedArgs): PingOptions {
  if (args.flag('4') && args.flag('6')) throw new UsageError('only one of -4 and -6 may be given');
  if (args.operands.length === 0) throw new UsageError('missing host', true);
  if (args.operands.length > 1) throw new UsageError(`extra operand '${args.operands[1]}'`, true);
  const host = args.operands[0];
  const intervalMs = args.seconds('i', 'interval', 0, MAX_SECONDS, 1000);
  if (intervalMs < MIN_USER_INTERVAL_MS && process.getuid?.() !== 0) {
    throw new UsageError(`cannot flood; minimal interval allowed for user is ${MIN_USER_INTERVAL_MS}ms`);
  }
  const source = args.value('I');
  if (source === '') throw new UsageError("invalid interface: ''");
  const options: PingOptions = {
    host,
    family: args.flag('4') ? AF_INET : args.flag('6') ? AF_INET6 : AF_UNSPEC,
    count: args.integer('c', 'count', 1, Number.MAX_SAFE_INTEGER, 0),
    intervalMs,
    timeoutMs: args.seconds('W', 'timeout', 0, MAX_SECONDS, 10000),
    deadlineMs: args.seconds('w', 'deadline', 0, MAX_SECONDS, 0),
    size: args.integer('s', 'size', 0, MAX_SIZE_V6, 56),
    quiet: args.flag('q'),
    // A numeric host is printed as it is, as iputils does.
    numeric: args.flag('n') || isIP(host) !== 0,
  };
  if (args.value('t') !== undefined) options.ttl = args.integer('t', 'ttl', 1, 255, 64);
  if (source !== undefined) options.source = source;
  return options;
}

/** The `ping` subcommand. */
export const ping: Command = {
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to a host, as iputils ping',
  synopsis: ['[-4|-6] [-nq] [-c count] [-i interval] [-I interface] [-s size] [-t ttl] [-W timeout] [-w deadline] host'],
  options: [
    { letter: '4', help: 'use IPv4 only' },
    { letter: '6', help: 'use IPv6 only' },
    { letter: 'c', value: 'count', help: 'stop after sending count requests (and receiving their answers)' },
    { letter: 'i', value: 'interval', help: 'seconds between requests (default 1)' },
    { letter: 'I', value: 'interface', help: 'send from this interface (a name) or source address' },
    { letter: 'n', help: 'numeric output: no reverse lookups' },
    { letter: 'q', help: 'quiet: only the first line and the statistics' },
    { letter: 's', value: 'size', help: 'bytes of data per request (default 56)' },
    { letter: 't', value: 'ttl', help: 'IP time to live (IPv6 hop limit) of the requests' },
    { letter: 'W', value: 'timeout', help: 'seconds to wait for a reply when none came (default 10)' },
    { letter: 'w', value: 'deadline', help: 'stop after this many seconds, whatever was received' },
  ],
  failureStatus: 2,
  interruptible: true,
  run: (args, context) => runPing(readOptions(args), context),
};

async function runPing(options: PingOptions, context: CommandContext): Promise<number> {
  let answers;
  try {
    answers = await getaddrinfo(options.host, null, options.family, SOCK_DGRAM);
  } catch (error) {
    if (error instanceof GaiError) throw resolverFailure(options.host, error);
    throw error;
  }
  const target = answers[0];
  const v6 = target.family === AF_INET6;
  if (!v6 && options.size > MAX_SIZE_V4) {
    throw new UsageError(`invalid size: '${options.size}': out of range: 0 <= value <= ${MAX_SIZE_V4}`);
  }
  const echo = EchoSocket.open({ family: target.family, ttl: options.ttl, source: options.source });
  try {
    return await new PingSession(options, echo, target.address, context).run();
  } finally {
    echo.close();
  }
}

/** One run of ping: the requests on a timer, the answers as they come, the end. */
class PingSession {
  readonly #options: PingOptions;
  readonly #echo: EchoSocket;
  readonly #target: SocketAddress;
  readonly #address: string;
  readonly #context: CommandContext;
  readonly #stats = new PingStatistics();
  /** When each outstanding or answered request was sent (ms, performance.now()), by sequence number. */
  readonly #sentAt = new Map<number, number>();
  readonly #answered = new Set<number>();
  readonly #names = new Map<string, Promise<string>>();
  readonly #stop = new AbortController();
  #lastActivity = 0;

  constructor(options: PingOptions, echo: EchoSocket, target: SocketAddress, context: CommandContext) {
    this.#options = options;
    this.#echo = echo;
    this.#target = target;
    this.#address = (target as { address: string }).address;
    this.#context = context;
  }

  async run(): Promise<number> {
    const { host, size, deadlineMs, count } = this.#options;
    const v6 = this.#echo.family === AF_INET6;
    const shown = v6 ? `${host}(${await this.#display(this.#address)}) ${size} data bytes`
      : `${host} (${this.#address}) ${size}(${size + 28}) bytes of data.`;
    this.#context.print(`PING ${shown}`);

    const stop = this.#stop;
    const onInterrupt = (): void => stop.abort();
    // A Ctrl-C while the name was being resolved counts too.
    if (this.#context.interrupted.aborted) stop.abort();
    this.#context.interrupted.addEventListener('abort', onInterrupt);
    const deadline = deadlineMs > 0 ? setTimeout(() => stop.abort(), deadlineMs) : undefined;
    const start = performance.now();
    this.#lastActivity = start;
    try {
      const receiving = this.#receive();
      await Promise.race([this.#transmit(start), receiving]);
      stop.abort();
      await receiving;
    } finally {
      clearTimeout(deadline);
      this.#context.interrupted.removeEventListener('abort', onInterrupt);
    }

    const stats = this.#stats;
    this.#context.print('');
    this.#context.print(`--- ${host} ping statistics ---`);
    this.#context.print(stats.summary(Math.round(this.#lastActivity - start)));
    // The round trips, when there are any; else iputils ends with an empty line.
    this.#context.print(stats.received > 0 && size >= TIMED_SIZE ? stats.rttLine() : '');
    // iputils: 1 when nothing came back, or when a deadline passed before count replies did.
    return stats.received === 0 || (deadlineMs > 0 && count > 0 && stats.received < count) ? 1 : 0;
  }

  /** Sends the requests, one per interval; then waits as long as iputils lingers for the last answers. */
  async #transmit(start: number): Promise<void> {
    const { count, intervalMs, size, deadlineMs, timeoutMs } = this.#options;
    const signal = this.#stop.signal;
    for (let sequence = 1; count === 0 || sequence <= count; sequence++) {
      if (signal.aborted) return;
      this.#sentAt.set(sequence & 0xffff, performance.now());
      this.#answered.delete(sequence & 0xffff);
      this.#stats.transmitted++;
      try {
        await this.#echo.send(this.#target, sequence, size);
      } catch (error) {
        // As iputils: a failed send is reported and counted, and pinging goes on.
        if (!(error instanceof SocketError)) throw error;
        this.#context.warn(`bsd-socket ping: sendmsg: ${errnoText(error)}`);
        this.#stats.errors++;
      }
      this.#lastActivity = performance.now();
      if (count > 0 && sequence === count) break;
      await sleepUntil(start + sequence * intervalMs, signal);
    }
    if (deadlineMs > 0) {
      await sleepUntil(Infinity, signal);
      return;
    }
    // After the last request: two round trips (at least one interval) if
    // anything answered, else the -W timeout.
    const linger = this.#stats.received > 0 ? Math.max(2 * this.#stats.maxMs, intervalMs) : timeoutMs;
    await sleepUntil(performance.now() + linger, signal);
  }

  /** Reads answers until stopped, or until every request has one. */
  async #receive(): Promise<void> {
    const signal = this.#stop.signal;
    const { count, deadlineMs } = this.#options;
    for (;;) {
      const event = await this.#echo.receive(signal);
      if (event === null) return;
      await this.#report(event);
      const stats = this.#stats;
      if (count > 0 && stats.received + stats.errors >= count) break;
      if (deadlineMs > 0 && stats.errors > 0) break;
    }
    this.#stop.abort();
  }

  async #report(event: EchoEvent): Promise<void> {
    const sentAt = this.#sentAt.get(event.sequence);
    if (sentAt === undefined) return;
    const now = performance.now();
    this.#lastActivity = now;
    const quiet = this.#options.quiet;
    if (event.kind === 'error') {
      this.#stats.errors++;
      if (!quiet) {
        this.#context.print(`From ${await this.#display(event.from)} icmp_seq=${event.sequence} ${describeIcmpError(event)}`);
      }
      return;
    }
    const duplicate = this.#answered.has(event.sequence);
    this.#answered.add(event.sequence);
    const timed = this.#options.size >= TIMED_SIZE;
    const micros = Math.round((now - sentAt) * 1000);
    if (duplicate) this.#stats.duplicates++;
    else this.#stats.addReply(micros);
    if (quiet) return;
    let line = `${event.bytes} bytes from ${await this.#display(event.from)}: icmp_seq=${event.sequence}`;
    if (event.ttl >= 0) line += ` ttl=${event.ttl}`;
    if (timed) line += ` time=${formatRtt(micros)} ms`;
    if (duplicate) line += ' (DUP!)';
    this.#context.print(line);
  }

  /** An address as ping shows it: `name (address)` unless numeric, else the address. */
  #display(address: string): Promise<string> {
    if (this.#options.numeric) return Promise.resolve(address);
    let shown = this.#names.get(address);
    if (shown === undefined) {
      const family = address.includes(':') ? AF_INET6 : AF_INET;
      shown = getnameinfo({ family, address, port: 0 }, NI_NAMEREQD)
        .then(([name]) => `${name} (${address})`, () => address);
      this.#names.set(address, shown);
    }
    return shown;
  }
}

/** Resolves at `time` (performance.now()), or at once when `signal` aborts. */
function sleepUntil(time: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const wait = time - performance.now();
    const timer = Number.isFinite(wait) ? setTimeout(done, Math.max(0, wait)) : undefined;
    signal.addEventListener('abort', done);
  });
}
