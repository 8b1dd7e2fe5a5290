// nc's connections: connect or listen over TCP, UDP or a Unix stream
// socket, each followed by the relay (nc_relay.ts); and what -v prints.
import { unlinkSync } from 'node:fs';

import {
  AF_UNIX, AI_PASSIVE, GaiError, NI_NUMERICHOST, NI_NUMERICSERV, PermissionDeniedError, SOCK_DGRAM, SOCK_STREAM,
  SOL_SOCKET, SO_REUSEADDR, SocketError, getaddrinfo, getnameinfo, getservbyport, socket, type AddrInfo,
  type Socket, type SocketAddress,
} from '..';
import { UsageError } from './args';
import { CommandError, errnoText, resolverFailure, type CommandContext } from './command';
import { StdinSource, relay, writeStdout, type RelayOptions } from './nc_relay';

/** The exit status after Ctrl-C: 128 + SIGINT. */
export const STATUS_INTERRUPTED = 130;

/** What the options ask for, checked. */
export interface NcOptions {
  /** -l: listen instead of connecting. */
  listen: boolean;
  /** -u: UDP. */
  udp: boolean;
  /** -U: a Unix stream socket. */
  unix: boolean;
  /** -k: go on listening after a connection ends. */
  keep: boolean;
  /** -v: say on stderr what happens. */
  verbose: boolean;
  /** -n: no name lookups for the -v messages. */
  numeric: boolean;
  /** -N: shutdown(SHUT_WR) at stdin's EOF. */
  halfClose: boolean;
  /** -z: scan the ports. */
  scan: boolean;
  /** AF_INET (-4), AF_INET6 (-6) or AF_UNSPEC. */
  family: number;
  /** -w, in milliseconds. */
  timeoutMs?: number;
  /** The host to connect to or listen on (none: listen on every address). */
  host?: string;
  /** The ports: one, or with -z, several. */
  ports: number[];
  /** -U: the socket's path. */
  path?: string;
}

/** Resolves `host` for nc: its addresses, or one line on why not. */
export async function resolve(host: string | null, port: number, options: NcOptions, flags = 0): Promise<AddrInfo[]> {
  try {
    return await getaddrinfo(host, port, options.family, options.udp ? SOCK_DGRAM : SOCK_STREAM, 0, flags);
  } catch (error) {
    if (error instanceof GaiError) throw resolverFailure(host ?? '', error);
    throw error;
  }
}

/** `host port` as -v prints an address: names looked up unless -n. */
export async function describeAddress(address: SocketAddress, numeric: boolean): Promise<string> {
  try {
    const [host, port] = await getnameinfo(address, NI_NUMERICSERV | (numeric ? NI_NUMERICHOST : 0));
    return `${host} ${port}`;
  } catch (error) {
    if (!(error instanceof SocketError)) throw error;
    const { address: host, port } = address as { address: string; port: number };
    return `${host} ${port}`;
  }
}

/** `[tcp/http]`: the protocol and the service /etc/services names for the port, or `*`. */
export function serviceOf(port: number, protocol: string): string {
  try {
    return `[${protocol}/${getservbyport(port, protocol)}]`;
  } catch (error) {
    if (!(error instanceof SocketError)) throw error;
    return `[${protocol}/*]`;
  }
}

/** A failed socket call as netcat words it: `what: Connection refused`; a permission error keeps its hint. */
export function failure(what: string, error: SocketError): CommandError {
  return new CommandError(`${what}: ${error instanceof PermissionDeniedError ? error.message : errnoText(error)}`);
}

/** One nc run: its socket(s), and stdin shared by its connections. */
export class NcSession {
  readonly #options: NcOptions;
  readonly #context: CommandContext;
  readonly #stdin = new StdinSource();
  readonly #relay: RelayOptions;

  /**
   * @param options - The options, checked.
   * @param context - Where the command prints, and its Ctrl-C signal.
   */
  constructor(options: NcOptions, context: CommandContext) {
    this.#options = options;
    this.#context = context;
    this.#relay = { halfClose: options.halfClose, listening: options.listen, signal: context.interrupted };
    if (options.timeoutMs !== undefined) this.#relay.idleMs = options.timeoutMs;
  }

  #verbose(line: string): void {
    if (this.#options.verbose) this.#context.warn(line);
  }

  /** nc host port: each address in turn until one connects, then the relay. */
  async connectInet(): Promise<number> {
    const options = this.#options;
    const host = options.host ?? '';
    const port = options.ports[0];
    const protocol = options.udp ? 'udp' : 'tcp';
    for (const answer of await resolve(host, port, options)) {
      const sock = socket(answer.family, answer.type);
      try {
        sock.setblocking(false);
        try {
          await sock.connect(answer.address, this.#callOptions(options.timeoutMs));
        } catch (error) {
          if (!(error instanceof SocketError)) throw error;
          this.#context.warn(`bsd-socket nc: ${failure(`connect to ${host} port ${port} (${protocol}) failed`, error).message}`);
          continue;
        }
        this.#verbose(`Connection to ${host} ${port} port ${serviceOf(port, protocol)} succeeded!`);
        await relay(sock, this.#stdin, this.#relay, options.udp ? { connected: true } : undefined);
        return 0;
      } finally {
        sock.close();
      }
    }
    return 1;
  }

  /** nc -l [host] port: bind, then accept (TCP) or take the first sender (UDP); -k for more. */
  async listenInet(): Promise<number> {
    const options = this.#options;
    const [answer] = await resolve(options.host ?? null, options.ports[0], options, AI_PASSIVE);
    const server = socket(answer.family, answer.type);
    try {
      server.setblocking(false);
      server.setsockopt(SOL_SOCKET, SO_REUSEADDR, true);
      try {
        server.bind(answer.address);
        if (!options.udp) server.listen(options.keep ? 128 : 1);
      } catch (error) {
        if (!(error instanceof SocketError)) throw error;
        throw failure(`bind to ${options.host ?? '*'} port ${options.ports[0]}`, error);
      }
      this.#verbose(`Listening on ${await describeAddress(server.getsockname(), options.numeric)}`);
      return options.udp ? await this.#serveDatagrams(server) : await this.#serveStreams(server);
    } finally {
      server.close();
    }
  }

  /** nc -U path: connect, then the relay. */
  async connectUnix(): Promise<number> {
    const path = this.#options.path ?? '';
    const sock = socket(AF_UNIX, SOCK_STREAM);
    try {
      sock.setblocking(false);
      try {
        await sock.connect(unixAddress(path), this.#callOptions(this.#options.timeoutMs));
      } catch (error) {
        throw unixFailure(`connect to ${path} failed`, path, error);
      }
      this.#verbose(`Connection to ${path} succeeded!`);
      await relay(sock, this.#stdin, this.#relay);
      return 0;
    } finally {
      sock.close();
    }
  }

  /** nc -lU path: bind the path, accept (-k: again and again), and remove the path at the end. */
  async listenUnix(): Promise<number> {
    const path = this.#options.path ?? '';
    const server = socket(AF_UNIX, SOCK_STREAM);
    let bound = false;
    try {
      server.setblocking(false);
      try {
        server.bind(unixAddress(path));
        bound = true;
        server.listen(this.#options.keep ? 128 : 1);
      } catch (error) {
        throw unixFailure(`bind to ${path}`, path, error);
      }
      this.#verbose(`Listening on ${path}`);
      return await this.#serveStreams(server, path);
    } finally {
      server.close();
      if (bound) {
        try {
          unlinkSync(path);
        } catch { /* removed already */ }
      }
    }
  }

  /** accept(2) and relay, once or (-k) until interrupted. */
  async #serveStreams(server: Socket, path?: string): Promise<number> {
    do {
      const [conn, peer] = await server.accept({ signal: this.#context.interrupted });
      try {
        conn.setblocking(false);
        this.#verbose(`Connection received on ${path ?? await describeAddress(peer, this.#options.numeric)}`);
        await relay(conn, this.#stdin, this.#relay);
      } finally {
        conn.close();
      }
    } while (this.#options.keep && !this.#context.interrupted.aborted);
    return 0;
  }

  /** UDP listen: the first datagram names the peer, which the socket then connects to; -k answers whoever sent last. */
  async #serveDatagrams(server: Socket): Promise<number> {
    if (this.#options.keep) {
      await relay(server, this.#stdin, this.#relay, { connected: false, lastSender: null });
      return 0;
    }
    const [data, from] = await server.recvfrom(65536, 0, { signal: this.#context.interrupted });
    server.connectSync(from);
    this.#verbose(`Connection received on ${await describeAddress(from, this.#options.numeric)}`);
    await writeStdout(data);
    await relay(server, this.#stdin, this.#relay, { connected: true });
    return 0;
  }

  #callOptions(timeoutMs: number | undefined): { timeout?: number; signal: AbortSignal } {
    return timeoutMs === undefined ? { signal: this.#context.interrupted }
      : { timeout: timeoutMs, signal: this.#context.interrupted };
  }
}

/** The address of the Unix socket at `path`. */
function unixAddress(path: string): SocketAddress {
  return { family: AF_UNIX, path };
}

/**
 * A bind or connect to a Unix path failed: a path too long for sun_path is
 * the one RangeError the library gives there, a usage error; a SocketError
 * is a failure, `what: No such file or directory`.
 */
function unixFailure(what: string, path: string, error: unknown): Error {
  if (error instanceof RangeError) {
    return new UsageError(`invalid path: ${error.message.replace(/^address\.path/, `'${path}'`)}`);
  }
  if (error instanceof SocketError) return failure(what, error);
  return error as Error;
}
