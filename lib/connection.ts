// Python's connection helpers: create_connection (with Happy Eyeballs, RFC
// 8305, as Node's autoSelectFamily), create_server, has_dualstack_ipv6,
// send_fds and recv_fds.
// Built on the public Socket API and the resolver; no native code of their own.
import { isIP } from 'node:net';

import {
  AF_INET, AF_INET6, AI_PASSIVE, IPPROTO_IPV6, IPV6_V6ONLY, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, SO_REUSEPORT,
} from './constants';
import { AbortError, SocketError } from './errors';
import { getaddrinfo, getaddrinfoSync, type AddrInfo } from './resolver';
import { CMSG_SPACE, type Socket } from './socket';
import { socket } from './socket_functions';
import { checkInt, checkTimeout, describe, type BinaryLike } from './validate';
import type { Address, SocketAddress } from './address';

/** Where to connect or listen: a host name or numeric address, and a port. */
export interface HostAndPort {
  /** A host name ('localhost') or a numeric address; '' or absent: the wildcard (create_server). */
  host?: string;
  /** A numeric address, as the library's own address objects have it (same as `host`). */
  address?: string;
  /** The port, 0–65535. */
  port: number;
}

/** Options of {@link create_connection}. */
export interface CreateConnectionOptions {
  /** The socket's timeout (ms) for each attempt, kept on the socket returned (settimeout). */
  timeout?: number;
  /** Bind each attempt's socket here first (a numeric address; port 0 for any). */
  sourceAddress?: HostAndPort;
  /** On failure, an AggregateError of every attempt's error instead of the last one. */
  allErrors?: boolean;
  /** Ends the resolution and every attempt with an AbortError. */
  signal?: AbortSignal;
  /** RFC 8305's Connection Attempt Delay: ms before the next address is tried beside (default 250). */
  attemptDelay?: number;
}

/**
 * Connects a TCP socket to `address`, as Python's `socket.create_connection`: resolves the
 * host (getaddrinfo), then tries its addresses with Happy Eyeballs (RFC 8305): families
 * interleaved, the first family first, a new attempt every `attemptDelay` ms or as soon as
 * one fails, the first to connect wins and the others are closed.
 * @returns The connected socket, blocking (with `timeout` set, if given).
 * @throws The last attempt's error (or an AggregateError of all, with `allErrors`), a GaiError
 *   from the resolver, an AbortError, or TypeError/RangeError for bad arguments.
 */
export async function create_connection(address: HostAndPort, options: CreateConnectionOptions = {}): Promise<Socket> {
  const { host, port } = checkHostAndPort(address, 'address');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const timeout = options.timeout === undefined ? undefined : checkTimeout(options.timeout, 'timeout');
  const delay = options.attemptDelay === undefined ? 250 : checkTimeout(options.attemptDelay, 'attemptDelay');
  const source = options.sourceAddress === undefined ? undefined : checkHostAndPort(options.sourceAddress, 'sourceAddress');
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
  if (host === '') throw new TypeError('create_connection needs a host');
  const found = await getaddrinfo(host, port, 0, SOCK_STREAM, 0, 0, { signal });
  const candidates = interleave(found);
  const errors: Error[] = [];
  const race = new AbortController();
  const stop = (): void => race.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await new Promise<Socket>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let won = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        if (won || running > 0 || next < candidates.length) return;
        if (signal?.aborted) reject(new AbortError(undefined, { cause: signal.reason }));
        else if (options.allErrors) reject(new AggregateError(errors, `create_connection: all ${errors.length} attempts failed`));
        else reject(errors[errors.length - 1]);
      };
      const attempt = (): void => {
        clearTimeout(timer);
        if (won || race.signal.aborted) next = candidates.length;
        if (next >= candidates.length) return finish();
        const candidate = candidates[next++];
        running++;
        if (next < candidates.length) timer = setTimeout(attempt, delay);
        connectOne(candidate, timeout, source, race.signal).then((sock) => {
          running--;
          if (won) return sock.close();
          won = true;
          clearTimeout(timer);
          race.abort();
          resolve(sock);
        }, (error: Error) => {
          running--;
          if (!(error instanceof AbortError)) errors.push(error);
          // A failure starts the next attempt at once (RFC 8305, section 5).
          if (!won) attempt();
          finish();
        });
      };
      attempt();
    });
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Options of {@link create_server}. */
export interface CreateServerOptions {
  /** AF_INET (default) or AF_INET6. */
  family?: number;
  /** listen(2)'s backlog; SOMAXCONN by default. */
  backlog?: number;
  /** SO_REUSEPORT: several sockets may listen on the same port. */
  reusePort?: boolean;
  /** With AF_INET6: accept IPv4 too (IPV6_V6ONLY off); without it, IPv6 only. */
  dualstackIpv6?: boolean;
}

/**
 * A TCP socket bound to `address` and listening, as Python's `socket.create_server`:
 * SO_REUSEADDR on, SO_REUSEPORT with `reusePort`, IPV6_V6ONLY set as `dualstackIpv6` says
 * for AF_INET6. `host` '' (or none) is the wildcard; a host name is resolved (getaddrinfo,
 * AI_PASSIVE), on this thread.
 * @throws SocketError from bind(2) or listen(2) (the socket is closed), RangeError when
 *   `dualstackIpv6` is asked for AF_INET or where it is not supported.
 */
export function create_server(address: HostAndPort, options: CreateServerOptions = {}): Socket {
  const { host, port } = checkHostAndPort(address, 'address');
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const family = options.family ?? AF_INET;
  if (family !== AF_INET && family !== AF_INET6) throw new RangeError(`family must be AF_INET or AF_INET6, got ${describe(family)}`);
  const backlog = options.backlog === undefined ? undefined : checkInt(options.backlog, 'backlog', 0, 0x7fffffff);
  if (options.dualstackIpv6) {
    if (family !== AF_INET6) throw new RangeError('dualstackIpv6 requires the AF_INET6 family');
    if (!has_dualstack_ipv6()) throw new RangeError('dualstackIpv6 is not supported on this platform');
  }
  const bindTo = host === '' ? { address: family === AF_INET6 ? '::' : '0.0.0.0', port }
    : isIP(host) !== 0 ? { address: host, port }
      : getaddrinfoSync(host, port, family, SOCK_STREAM, 0, AI_PASSIVE)[0].address;
  const sock = socket(family, SOCK_STREAM);
  try {
    sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
    if (options.reusePort) sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1);
    if (family === AF_INET6) sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, options.dualstackIpv6 ? 0 : 1);
    sock.bind(bindTo);
    sock.listen(backlog);
    return sock;
  } catch (error) {
    sock.close();
    throw error;
  }
}

/** Whether an AF_INET6 socket here can also take IPv4 (IPV6_V6ONLY can be turned off). */
export function has_dualstack_ipv6(): boolean {
  let sock: Socket | undefined;
  try {
    sock = socket(AF_INET6, SOCK_STREAM);
    sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0);
    return true;
  } catch (error) {
    if (error instanceof SocketError) return false;
    throw error;
  } finally {
    sock?.close();
  }
}

/** One attempt: a socket of the candidate's kind, bound to the source if any, connected. */
async function connectOne(candidate: AddrInfo, timeout: number | undefined, source: { host: string; port: number } | undefined,
  signal: AbortSignal): Promise<Socket> {
  const sock = socket(candidate.family, candidate.type, candidate.protocol);
  try {
    if (timeout !== undefined) sock.settimeout(timeout);
    if (source !== undefined) sock.bind({ address: source.host, port: source.port });
    await sock.connect(candidate.address, { signal });
    return sock;
  } catch (error) {
    sock.close();
    throw error;
  }
}

/** The answers in RFC 8305's order: families alternate, the first answer's family first. */
function interleave(found: AddrInfo[]): AddrInfo[] {
  const first = found.filter((a) => a.family === found[0]?.family);
  const other = found.filter((a) => a.family !== found[0]?.family);
  const out: AddrInfo[] = [];
  for (let i = 0; i < Math.max(first.length, other.length); i++) {
    if (i < first.length) out.push(first[i]);
    if (i < other.length) out.push(other[i]);
  }
  return out;
}

function checkHostAndPort(value: unknown, name: string): { host: string; port: number } {
  if (value === null || typeof value !== 'object') {
    throw new TypeError(`${name} must be an object such as { host, port }, got ${describe(value)}`);
  }
  const given = value as { host?: unknown; address?: unknown; port?: unknown };
  const host = given.host ?? given.address ?? '';
  if (typeof host !== 'string' || host.includes('\0')) throw new TypeError(`${name}.host must be a string, got ${describe(host)}`);
  return { host, port: checkInt(given.port, `${name}.port`, 0, 65535) };
}

/**
 * Sends `fds` over a Unix socket with the bytes of `buffers`, as Python's
 * `socket.send_fds`: sendmsg(2) with one SCM_RIGHTS control message.
 * @returns The count of bytes sent.
 * @throws As {@link Socket.sendmsg}.
 */
export function send_fds(sock: Socket, buffers: BinaryLike[], fds: number[], flags = 0,
  address?: Address): Promise<number> {
  if (!Array.isArray(fds)) throw new TypeError(`fds must be an array of fds, got ${describe(fds)}`);
  return sock.sendmsg(buffers, [{ kind: 'rights', fds }], flags, address);
}

/**
 * Receives up to `bufsize` bytes and up to `maxfds` fds, as Python's `socket.recv_fds`:
 * recvmsg(2) with room for one SCM_RIGHTS message. The fds are new, close-on-exec, and
 * the caller's to close. Extra fds that did not fit are closed, and `flags` has MSG_CTRUNC.
 * @returns `[data, fds, flags, address]`.
 * @throws As {@link Socket.recvmsg}; RangeError for `maxfds` outside 0–253.
 */
export async function recv_fds(sock: Socket, bufsize: number, maxfds: number, flags = 0):
Promise<[data: Buffer, fds: number[], flags: number, address: SocketAddress | null]> {
  const room = CMSG_SPACE(4 * checkInt(maxfds, 'maxfds', 0, 253));
  const message = await sock.recvmsg(bufsize, room, flags);
  const fds = message.ancillary.flatMap((item) => (item.kind === 'rights' ? item.fds : []));
  return [message.data, fds, message.flags, message.address];
}
