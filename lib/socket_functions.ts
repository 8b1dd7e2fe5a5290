// The module's functions that make sockets, as Python's socket module has
// them: socket(), socketpair(), fromFd() (takes the fd) and fromfd() (a copy).
import { binding } from './binding';
import { AF_INET, AF_UNIX, SOCK_STREAM } from './constants';
import { errorFromStatus } from './errors';
import { Socket } from './socket';
import { checkInt } from './validate';

/** socket(2): as `new Socket(family, type, protocol)`. */
export function socket(family: number = AF_INET, type: number = SOCK_STREAM, protocol = 0): Socket {
  return new Socket(family, type, protocol);
}

/**
 * socketpair(2): two connected sockets (AF_UNIX only, on Linux), close-on-exec.
 * Raises SocketError EAFNOSUPPORT / EOPNOTSUPP for another family, EMFILE
 * when out of fds.
 */
export function socketpair(family: number = AF_UNIX, type: number = SOCK_STREAM, protocol = 0): [Socket, Socket] {
  return Socket.pair(family, type, protocol);
}

/** Socket.fromFd(fd): takes ownership of an existing socket fd. */
export function fromFd(fd: number): Socket {
  return Socket.fromFd(fd);
}

/**
 * A socket on a copy of `fd` (dup(2), close-on-exec), as Python's
 * `socket.fromfd`: the caller keeps `fd` and closes it as before; family, type
 * and protocol are read from it. {@link fromFd} takes the fd itself instead.
 * The two share one open file, so the O_NONBLOCK the library sets holds for
 * `fd` too. Raises SocketError EBADF for an fd not open, ENOTSOCK for one
 * that is no socket.
 */
export function fromfd(fd: number): Socket {
  checkInt(fd, 'fd', 0, 0x7fffffff);
  const info = binding.socketInfo(fd);
  if (typeof info === 'number') throw errorFromStatus(info, 'fromfd');
  const copy = binding.dup(fd);
  if (copy < 0) throw errorFromStatus(copy, 'dup');
  return Socket.fromFd(copy);
}
