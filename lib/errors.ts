// Errors. A failed syscall becomes a SocketError with Node's system-error
// shape ({ code, errno, syscall, address, port }); the subclass says what
// kind of failure it is, after Python's PEP 3151, so `instanceof` works.
// Names come from Node's own errno table (os.constants.errno,
// util.getSystemErrorName), never a copy of our own.
import { constants as osConstants } from 'node:os';
import { getSystemErrorName } from 'node:util';

import { binding } from './binding';
import type { PermissionHint } from './privileges';

/**
 * A symbolic errno name, such as 'ECONNREFUSED': Node's errno table, plus the
 * Linux socket errors libuv names but that table leaves out.
 */
export type SocketErrorCode = keyof typeof osConstants.errno
  | 'ESHUTDOWN' | 'EHOSTDOWN' | 'ESOCKTNOSUPPORT' | 'EPFNOSUPPORT' | 'ENONET' | 'EREMOTEIO' | GaiErrorCode;

/** The name of a resolver failure (getaddrinfo(3)'s EAI_* codes), the `code` of a {@link GaiError}. */
export type GaiErrorCode = 'EAI_ADDRFAMILY' | 'EAI_AGAIN' | 'EAI_BADFLAGS' | 'EAI_FAIL' | 'EAI_FAMILY'
  | 'EAI_MEMORY' | 'EAI_NODATA' | 'EAI_NONAME' | 'EAI_OVERFLOW' | 'EAI_SERVICE' | 'EAI_SOCKTYPE' | 'EAI_SYSTEM';

/** What a {@link SocketError} names about the address the call used. */
export interface SocketErrorDetails {
  /** The IP address, as text. */
  address?: string;
  /** The port, with `address`. */
  port?: number;
  /** The Unix socket path. */
  path?: string;
}

/**
 * A socket syscall failed. `code` is the errno name, `errno` its number, in
 * the shape of Node's system errors. The subclasses below sort the codes by
 * kind of failure; any other errno (EINVAL, EMFILE, ENOTCONN, EMSGSIZE,
 * EAFNOSUPPORT, ENOTSOCK, EBUSY, …) is a plain SocketError.
 */
export class SocketError extends Error {
  /** The symbolic errno name, such as 'ECONNREFUSED'; never strerror text. */
  readonly code: SocketErrorCode;
  /** The errno number (positive, as `os.constants.errno` has it; 0 if unknown). */
  readonly errno: number;
  /** The syscall that failed, such as 'connect' or 'recvfrom'. */
  readonly syscall: string;
  /** The IP address the call used, when it had one. */
  readonly address?: string;
  /** The port the call used, with `address`. */
  readonly port?: number;
  /** The Unix socket path the call used, when it had one. */
  readonly path?: string;

  /**
   * @param code - The errno name.
   * @param syscall - The syscall that failed.
   * @param details - The address or path the call used.
   * @param message - The message; by default `"<syscall> <code> <address>"`.
   * @param errno - The errno number; by default the one Node knows for `code`.
   */
  constructor(code: SocketErrorCode, syscall: string, details: SocketErrorDetails = {}, message?: string,
    errno?: number) {
    const where = details.path !== undefined ? ` ${JSON.stringify(details.path)}`
      : details.address !== undefined ? ` ${details.address}${details.port !== undefined ? `:${details.port}` : ''}`
        : '';
    super(message ?? `${syscall} ${code}${where}`);
    this.name = new.target.name;
    this.code = code;
    this.errno = errno ?? (osConstants.errno as Record<string, number>)[code] ?? 0;
    this.syscall = syscall;
    if (details.address !== undefined) this.address = details.address;
    if (details.port !== undefined) this.port = details.port;
    if (details.path !== undefined) this.path = details.path;
  }
}

/**
 * Base of the connection errors, as Python's ConnectionError:
 * {@link ConnectionRefusedError}, {@link ConnectionResetError},
 * {@link ConnectionAbortedError} and {@link BrokenPipeError}. No errno maps to
 * it alone; catch it to catch them all.
 */
export class ConnectionError extends SocketError {}
/** ECONNREFUSED: nothing listens there, or a reset answered the SYN. */
export class ConnectionRefusedError extends ConnectionError {}
/** ECONNRESET: the peer reset the connection. */
export class ConnectionResetError extends ConnectionError {}
/** ECONNABORTED: the connection was aborted before accept() took it. */
export class ConnectionAbortedError extends ConnectionError {}
/** EPIPE / ESHUTDOWN: writing to a connection that was shut down. */
export class BrokenPipeError extends ConnectionError {}
/** EADDRINUSE: the address is taken (see SO_REUSEADDR). */
export class AddressInUseError extends SocketError {}
/** EADDRNOTAVAIL: the address is not one of this host's. */
export class AddressNotAvailableError extends SocketError {}
/** EAGAIN / EWOULDBLOCK / EINPROGRESS / EALREADY on a non-blocking socket. */
export class WouldBlockError extends SocketError {}
/**
 * ETIMEDOUT: the socket's or the call's timeout passed ({@link Socket.settimeout},
 * {@link CallOptions.timeout}), or the kernel gave up (connect(2) unanswered,
 * TCP_USER_TIMEOUT, keepalive probes unanswered).
 */
export class SocketTimeoutError extends SocketError {}
/**
 * EACCES / EPERM: not allowed. For raw and packet sockets and low ports the
 * message says which capability is missing, whether this process has it
 * (`capability`, `hasCapability`) and how to get it.
 */
export class PermissionDeniedError extends SocketError {
  /** The capability the call needed, such as 'CAP_NET_RAW', when one explains the refusal. */
  capability?: string;
  /** Whether this process has `capability` in its effective set. */
  hasCapability?: boolean;
}
/** ENETUNREACH / ENETDOWN: no route to the network, or the local network is down. */
export class NetworkUnreachableError extends SocketError {}
/** EHOSTUNREACH / EHOSTDOWN: no route to the host, or the host is down. */
export class HostUnreachableError extends SocketError {}
/**
 * EBADF: the socket is closed (closed by this process, or closed while the
 * call waited), or the kernel refused the fd.
 */
export class SocketClosedError extends SocketError {}

/**
 * The call's AbortSignal fired ({@link CallOptions.signal}); `cause` is the
 * signal's reason. No errno: shaped as Node's own AbortError.
 */
export class AbortError extends Error {
  /** Always 'ABORT_ERR', as Node's AbortError. */
  readonly code = 'ABORT_ERR';
  /**
   * @param message - The message.
   * @param options - `cause`: why the operation was aborted.
   */
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AbortError';
  }
}

type SocketErrorClass = new (code: SocketErrorCode, syscall: string, details?: SocketErrorDetails,
  message?: string, errno?: number) => SocketError;

const CLASS_OF_CODE: Partial<Record<SocketErrorCode, SocketErrorClass>> = {
  ECONNREFUSED: ConnectionRefusedError,
  ECONNRESET: ConnectionResetError,
  ECONNABORTED: ConnectionAbortedError,
  EPIPE: BrokenPipeError,
  ESHUTDOWN: BrokenPipeError,
  EADDRINUSE: AddressInUseError,
  EADDRNOTAVAIL: AddressNotAvailableError,
  EAGAIN: WouldBlockError,
  EWOULDBLOCK: WouldBlockError,
  EINPROGRESS: WouldBlockError,
  EALREADY: WouldBlockError,
  ETIMEDOUT: SocketTimeoutError,
  EACCES: PermissionDeniedError,
  EPERM: PermissionDeniedError,
  ENETUNREACH: NetworkUnreachableError,
  ENETDOWN: NetworkUnreachableError,
  EHOSTUNREACH: HostUnreachableError,
  EHOSTDOWN: HostUnreachableError,
  EBADF: SocketClosedError,
};

const { STATUS_TIMED_OUT, STATUS_CLOSED, STATUS_CANCELLED } = binding.internal;

/**
 * The error for a closed socket, before any syscall is made: a
 * {@link SocketClosedError} with code EBADF. Used by {@link Socket}; exported
 * through the package index, not meant to be called by users.
 *
 * @param syscall - The syscall the caller was about to make.
 */
export function closedError(syscall: string): SocketClosedError {
  return new SocketClosedError('EBADF', syscall, {}, `${syscall} EBADF: the socket is closed`);
}

/**
 * Adds to a {@link PermissionDeniedError} what the refused call needed (its
 * message, `capability`, `hasCapability`); any other error is returned as it
 * is. Used by {@link Socket}; exported through the package index, not meant
 * to be called by users.
 *
 * @param error - The error a syscall raised.
 * @param hint - Which capability the call needs and how to get it, if any explains the refusal.
 */
export function withPermissionHint(error: Error, hint: PermissionHint | undefined): Error {
  if (!(error instanceof PermissionDeniedError) || hint === undefined) return error;
  error.message = `${error.message}: ${hint.message}`;
  if (hint.capability !== undefined) error.capability = hint.capability;
  if (hint.hasCapability !== undefined) error.hasCapability = hint.hasCapability;
  return error;
}

/**
 * Turns a failed native result (-errno or a status) into the error to throw:
 * the {@link SocketError} subclass of its errno, {@link SocketTimeoutError},
 * {@link SocketClosedError} or {@link AbortError}. Used by {@link Socket};
 * exported through the package index, not meant to be called by users.
 *
 * @param status - The negative result of the native call.
 * @param syscall - The syscall that failed.
 * @param details - The address or path the call used.
 * @param signal - The call's AbortSignal, whose reason a cancellation carries.
 */
export function errorFromStatus(status: number, syscall: string, details?: SocketErrorDetails,
  signal?: AbortSignal): Error {
  if (status === STATUS_CLOSED) return closedError(syscall);
  if (status === STATUS_TIMED_OUT) {
    return new SocketTimeoutError('ETIMEDOUT', syscall, details, `${syscall} timed out`);
  }
  if (status === STATUS_CANCELLED) return new AbortError(undefined, { cause: signal?.reason });
  const code = getSystemErrorName(status) as SocketErrorCode;
  const ErrorClass = CLASS_OF_CODE[code] ?? SocketError;
  return new ErrorClass(code, syscall, details, undefined, -status);
}

/**
 * getaddrinfo(3) or getnameinfo(3) failed, as Python's `socket.gaierror`: `code` is the
 * EAI_* name ('EAI_NONAME': no such host or service; 'EAI_AGAIN': the name server did not
 * answer, try later; …), `errno` its value (a negative number on Linux, as the
 * `EAI_*` constants are), the message the resolver's own (gai_strerror(3)). For
 * EAI_SYSTEM, `systemErrno` is the errno of the system call that failed.
 */
export class GaiError extends SocketError {
  declare readonly code: GaiErrorCode;
  /** The host name that was looked up, when there was one. */
  readonly hostname?: string;
  /** With EAI_SYSTEM, the positive errno of the failed system call; else 0. */
  readonly systemErrno: number;

  /**
   * @param gai - The EAI_* value getaddrinfo(3) returned.
   * @param syscall - 'getaddrinfo' or 'getnameinfo'.
   * @param hostname - The host looked up, for the message.
   * @param systemErrno - With EAI_SYSTEM, errno.
   */
  constructor(gai: number, syscall: string, hostname?: string, systemErrno = 0) {
    const code = (Object.keys(binding.constants).find((name) => name.startsWith('EAI_')
      && binding.constants[name] === gai) ?? 'EAI_SYSTEM') as GaiErrorCode;
    const why = code === 'EAI_SYSTEM' && systemErrno !== 0 ? getSystemErrorName(-systemErrno) : binding.gai_strerror(gai);
    super(code, syscall, {}, `${syscall} ${code}${hostname === undefined ? '' : ` ${hostname}`}: ${why}`, gai);
    if (hostname !== undefined) this.hostname = hostname;
    this.systemErrno = systemErrno;
  }
}

// Frozen for the package index, as lib/constants.ts is: its `export *` then
// re-exports each class as a plain value rather than through a getter.
Object.freeze(module.exports);
