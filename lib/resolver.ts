// Name and service resolution with Python's names and the C library's
// resolver (native/resolver.cc): getaddrinfo and getnameinfo on a threadpool
// worker (they block), or on this thread in their Sync forms; the rest reads
// local state only and is synchronous.
import { toNativeAddress, type Address, type SocketAddress } from './address';
import { AF_INET, AF_INET6 } from './constants';
import { binding, type AddrInfoResult, type NameInfoResult, type ResolverFailure } from './binding';
import { AbortError, GaiError, SocketError, SocketTimeoutError, errorFromStatus } from './errors';
import { checkInt, checkInt32, checkTimeout, describe } from './validate';

/** One answer of {@link getaddrinfo}, as Python's 5-tuple. */
export interface AddrInfo {
  /** The address family: AF_INET or AF_INET6 (or what `family` asked for). */
  family: number;
  /** The socket type: SOCK_STREAM, SOCK_DGRAM, SOCK_RAW. */
  type: number;
  /** The protocol: IPPROTO_TCP, IPPROTO_UDP, 0. */
  protocol: number;
  /** The host's canonical name, on the first answer with AI_CANONNAME; otherwise ''. */
  canonname: string;
  /** The address, ready for `connect`, `bind` or `sendto`. */
  address: SocketAddress;
}

/** A resolver call's limits: it cannot be stopped, so a timeout or abort gives up on it. */
export interface ResolveOptions {
  /** Milliseconds to wait for the resolver; then SocketTimeoutError. */
  timeout?: number;
  /** Ends the wait with an AbortError. */
  signal?: AbortSignal;
}

/**
 * getaddrinfo(3): the addresses of `host` and `port`, in the resolver's order (the same
 * as Python's `socket.getaddrinfo`). `host` null with AI_PASSIVE gives the wildcard
 * address to bind; `port` is a number, a service name ('http') or null. Runs on a
 * threadpool worker, since the resolver blocks (DNS, /etc/hosts).
 * @throws {@link GaiError} (EAI_NONAME, EAI_AGAIN, …); SocketTimeoutError or AbortError
 *   from `options`; TypeError or RangeError for bad arguments.
 */
export async function getaddrinfo(host: string | null, port: string | number | null, family = 0, type = 0,
  proto = 0, flags = 0, options: ResolveOptions = {}): Promise<AddrInfo[]> {
  const args = addrInfoArgs(host, port, family, type, proto, flags);
  return toAddrInfo(await bounded(binding.getaddrinfo(...args), options, 'getaddrinfo'), host);
}

/** getaddrinfo(3) on this thread: {@link getaddrinfo} that blocks until the resolver answers. */
export function getaddrinfoSync(host: string | null, port: string | number | null, family = 0, type = 0,
  proto = 0, flags = 0): AddrInfo[] {
  return toAddrInfo(binding.getaddrinfoSync(...addrInfoArgs(host, port, family, type, proto, flags)), host);
}

/**
 * getnameinfo(3): the host and service names of `address` (`flags`: NI_NUMERICHOST,
 * NI_NUMERICSERV, NI_NAMEREQD, NI_DGRAM, …), as Python's `socket.getnameinfo`. Runs on
 * a threadpool worker.
 * @throws {@link GaiError}; SocketTimeoutError or AbortError from `options`; TypeError for a bad address.
 */
export async function getnameinfo(address: Address, flags = 0,
  options: ResolveOptions = {}): Promise<[host: string, service: string]> {
  const native = toNativeAddress(address, ipFamilyOf(address));
  const started = binding.getnameinfo(native, checkInt32(flags, 'flags'));
  if (typeof started === 'number') throw errorFromStatus(started, 'getnameinfo');
  return toNameInfo(await bounded(started, options, 'getnameinfo'));
}

/** getnameinfo(3) on this thread. */
export function getnameinfoSync(address: Address, flags = 0): [host: string, service: string] {
  const result = binding.getnameinfoSync(toNativeAddress(address, ipFamilyOf(address)), checkInt32(flags, 'flags'));
  if (typeof result === 'number') throw errorFromStatus(result, 'getnameinfo');
  return toNameInfo(result);
}

/** gethostname(2): this host's name. */
export function gethostname(): string {
  const name = binding.gethostname();
  if (typeof name === 'number') throw errorFromStatus(name, 'gethostname');
  return name;
}

/**
 * getservbyname(3): the port of a service in /etc/services ('http' → 80), for `protocol`
 * ('tcp', 'udp') or any.
 * @throws SocketError (ENOENT) if the service is not known.
 */
export function getservbyname(name: string, protocol?: string): number {
  if (typeof name !== 'string') throw new TypeError(`name must be a string, got ${describe(name)}`);
  const port = binding.getservbyname(name, checkProtocol(protocol));
  if (port < 0) throw new SocketError('ENOENT', 'getservbyname', {}, 'getservbyname: service/proto not found');
  return port;
}

/**
 * getservbyport(3): the name of the service on `port` in /etc/services (80 → 'http').
 * @throws SocketError (ENOENT) if the port is not known; RangeError outside 0–65535.
 */
export function getservbyport(port: number, protocol?: string): string {
  const name = binding.getservbyport(checkInt(port, 'port', 0, 65535), checkProtocol(protocol));
  if (name === null) throw new SocketError('ENOENT', 'getservbyport', {}, 'getservbyport: port/proto not found');
  return name;
}

/**
 * inet_aton(3): an IPv4 address as 4 bytes in network order, from the forms inet_aton
 * takes ('127.0.0.1', and the old '127.1', '0x7f.1', '0177.0.0.1').
 * @throws SocketError (EINVAL) for text it does not take.
 */
export function inet_aton(text: string): Buffer {
  if (typeof text !== 'string') throw new TypeError(`the address must be a string, got ${describe(text)}`);
  const bytes = text.includes('\0') ? null : binding.inet_aton(text);
  if (bytes === null) throw new SocketError('EINVAL', 'inet_aton', {}, 'illegal IP address string passed to inet_aton');
  return bytes;
}

/** inet_ntoa(3): 4 bytes in network order as dotted-quad text. */
export function inet_ntoa(bytes: ArrayBufferView): string {
  if (!ArrayBuffer.isView(bytes) || bytes.byteLength !== 4) {
    throw new TypeError(`packed IP wrong length for inet_ntoa: expected 4 bytes, got ${describe(bytes)}`);
  }
  return Array.from(new Uint8Array(bytes.buffer, bytes.byteOffset, 4)).join('.');
}

function addrInfoArgs(host: unknown, port: unknown, family: number, type: number, proto: number,
  flags: number): [string | null, string | null, number, number, number, number] {
  if (host !== null && typeof host !== 'string') throw new TypeError(`host must be a string or null, got ${describe(host)}`);
  let service: string | null;
  if (port === null) service = null;
  else if (typeof port === 'number') service = String(checkInt(port, 'port', 0, 65535));
  else if (typeof port === 'string') service = port;
  else throw new TypeError(`port must be a number, a service name or null, got ${describe(port)}`);
  for (const text of [host, service]) {
    if (typeof text === 'string' && text.includes('\0')) throw new TypeError('host and port must not contain NUL bytes');
  }
  return [host as string | null, service, checkInt32(family, 'family'), checkInt32(type, 'type'),
    checkInt32(proto, 'proto'), checkInt32(flags, 'flags')];
}

/** An address object's family when it names none, as Python's tuples do: IPv6 if its text has a ':'. */
function ipFamilyOf(address: unknown): number {
  const text = (address as { address?: unknown } | null)?.address;
  return typeof text === 'string' && text.includes(':') ? AF_INET6 : AF_INET;
}

function checkProtocol(protocol: unknown): string | null {
  if (protocol === undefined || protocol === null) return null;
  if (typeof protocol !== 'string' || protocol.includes('\0')) throw new TypeError(`protocol must be a string, got ${describe(protocol)}`);
  return protocol;
}

function isFailure(result: object): result is ResolverFailure {
  return !Array.isArray(result);
}

function toAddrInfo(result: AddrInfoResult, host: string | null): AddrInfo[] {
  if (isFailure(result)) throw new GaiError(result.gai, 'getaddrinfo', host ?? undefined, result.errno);
  return result.map(([family, type, protocol, canonname, address]) =>
    ({ family, type, protocol, canonname, address: address as SocketAddress }));
}

function toNameInfo(result: NameInfoResult): [string, string] {
  if (isFailure(result)) throw new GaiError(result.gai, 'getnameinfo', undefined, result.errno);
  return result;
}

/** The resolver's answer, or a timeout or abort first (the resolver's late answer is dropped). */
function bounded<T>(answer: Promise<T>, options: ResolveOptions, syscall: string): Promise<T> {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const { signal } = options;
  const timeout = options.timeout === undefined ? undefined : checkTimeout(options.timeout, 'timeout');
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
  if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  if (timeout === undefined && signal === undefined) return answer;
  return new Promise<T>((resolve, reject) => {
    const timer = timeout === undefined ? undefined
      : setTimeout(() => reject(new SocketTimeoutError('ETIMEDOUT', syscall, {}, `${syscall} timed out`)), timeout);
    const onAbort = (): void => reject(new AbortError(undefined, { cause: signal?.reason }));
    signal?.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}
