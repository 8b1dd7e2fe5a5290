#include "posix_socket.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <unistd.h>

namespace bsd::core {

namespace {

constexpr int kOwnFdFlags = SOCK_CLOEXEC | SOCK_NONBLOCK;

// Runs a syscall until it is not interrupted; returns its result or -errno.
template <typename Call>
auto RetryOnEintr(Call call) -> decltype(call()) {
  decltype(call()) r;
  do {
    r = call();
  } while (r == -1 && errno == EINTR);
  return r == -1 ? -errno : r;
}

}  // namespace

int OpenSocket(int family, int type, int protocol) {
  int fd = socket(family, type | kOwnFdFlags, protocol);
  return fd == -1 ? -errno : fd;
}

int OpenSocketPair(int family, int type, int protocol, int fds[2]) {
  return socketpair(family, type | kOwnFdFlags, protocol, fds) == -1 ? -errno : 0;
}

int CloseFd(int fd) {
  // Never retried: on Linux the fd is released even when close() reports
  // EINTR, and a retry could close an fd another thread has just been given.
  return close(fd) == -1 && errno != EINTR ? -errno : 0;
}

int Bind(int fd, const sockaddr* addr, socklen_t len) {
  return bind(fd, addr, len) == -1 ? -errno : 0;
}

int Listen(int fd, int backlog) {
  return listen(fd, backlog) == -1 ? -errno : 0;
}

int Connect(int fd, const sockaddr* addr, socklen_t len) {
  if (connect(fd, addr, len) == 0) return 0;
  // An interrupted connect() goes on in the background (POSIX); calling it
  // again would report EALREADY, so treat EINTR as "in progress".
  return errno == EINTR ? -EINPROGRESS : -errno;
}

int Accept(int fd, sockaddr_storage* addr, socklen_t* len) {
  return RetryOnEintr([&] {
    return accept4(fd, reinterpret_cast<sockaddr*>(addr), len, kOwnFdFlags);
  });
}

bool EndedWhileQueued(int error) {
  switch (error) {
    case ECONNABORTED:
    case EPROTO:
    case ENETDOWN:
    case ENOPROTOOPT:
    case EHOSTDOWN:
    case ENONET:
    case EHOSTUNREACH:
    case ENETUNREACH:
      return true;
    default:
      return false;
  }
}

int Shutdown(int fd, int how) {
  return shutdown(fd, how) == -1 ? -errno : 0;
}

// Every data call is one attempt that never blocks, by its own flag and not
// only by the fd's O_NONBLOCK: that flag belongs to the open file, which a
// detached socket's new owner may clear (detach() of a blocking socket does)
// while a woken wait still makes its last attempt, which would then block
// its thread for good. RunOp does the waiting.
constexpr int kAttempt = MSG_DONTWAIT;
// MSG_NOSIGNAL: a peer that went away is an EPIPE error, not a SIGPIPE that
// kills the process.
constexpr int kSendAttempt = kAttempt | MSG_NOSIGNAL;

ssize_t Send(int fd, const uint8_t* data, size_t len, int flags) {
  return RetryOnEintr([&] { return send(fd, data, len, flags | kSendAttempt); });
}

ssize_t SendTo(int fd, const uint8_t* data, size_t len, int flags,
               const sockaddr* addr, socklen_t addr_len) {
  return RetryOnEintr(
      [&] { return sendto(fd, data, len, flags | kSendAttempt, addr, addr_len); });
}

ssize_t Recv(int fd, uint8_t* data, size_t len, int flags) {
  return RetryOnEintr([&] { return recv(fd, data, len, flags | kAttempt); });
}

ssize_t RecvFrom(int fd, uint8_t* data, size_t len, int flags,
                 sockaddr_storage* addr, socklen_t* addr_len) {
  return RetryOnEintr([&] {
    *addr_len = sizeof(*addr);
    return recvfrom(fd, data, len, flags | kAttempt, reinterpret_cast<sockaddr*>(addr), addr_len);
  });
}

ssize_t SendMsg(int fd, const msghdr* msg, int flags) {
  return RetryOnEintr([&] { return sendmsg(fd, msg, flags | kSendAttempt); });
}

ssize_t SendFile(int fd, int file_fd, off_t* offset, size_t count) {
  // sendfile has no flags argument: on a socket that is not O_NONBLOCK (a
  // detached one's new owner may have cleared it) it would block. Ours are.
  return RetryOnEintr([&] { return sendfile(fd, file_fd, offset, count); });
}

ssize_t RecvMsg(int fd, msghdr* msg, int flags) {
  return RetryOnEintr([&] { return recvmsg(fd, msg, flags | kAttempt); });
}

int SendMmsg(int fd, mmsghdr* msgs, unsigned count, int flags) {
  return static_cast<int>(RetryOnEintr([&] { return sendmmsg(fd, msgs, count, flags | kSendAttempt); }));
}

int RecvMmsg(int fd, mmsghdr* msgs, unsigned count, int flags) {
  // No timeout argument: recvmmsg's own is checked only between datagrams
  // (see BUGS in recvmmsg(2)); our waits time out instead.
  return static_cast<int>(RetryOnEintr([&] { return recvmmsg(fd, msgs, count, flags | kAttempt, nullptr); }));
}

int GetSockName(int fd, sockaddr_storage* addr, socklen_t* len) {
  *len = sizeof(*addr);
  return getsockname(fd, reinterpret_cast<sockaddr*>(addr), len) == -1 ? -errno : 0;
}

int GetPeerName(int fd, sockaddr_storage* addr, socklen_t* len) {
  *len = sizeof(*addr);
  return getpeername(fd, reinterpret_cast<sockaddr*>(addr), len) == -1 ? -errno : 0;
}

int SetSockOpt(int fd, int level, int name, const void* value, socklen_t len) {
  return setsockopt(fd, level, name, value, len) == -1 ? -errno : 0;
}

int GetSockOpt(int fd, int level, int name, void* value, socklen_t* len) {
  return getsockopt(fd, level, name, value, len) == -1 ? -errno : 0;
}

int PendingError(int fd) {
  int error = 0;
  socklen_t len = sizeof(error);
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == -1) return -errno;
  return -error;
}

int SetNonBlocking(int fd, bool on) {
  int flags = fcntl(fd, F_GETFL);
  if (flags == -1) return -errno;
  int wanted = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (wanted != flags && fcntl(fd, F_SETFL, wanted) == -1) return -errno;
  return 0;
}

int IsNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags == -1) return -errno;
  return (flags & O_NONBLOCK) ? 1 : 0;
}

int Duplicate(int fd) {
  // F_DUPFD_CLOEXEC, not dup(): no window in which another thread's fork and
  // exec could inherit the copy.
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  return copy == -1 ? -errno : copy;
}

int IsCloseOnExec(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags == -1) return -errno;
  return (flags & FD_CLOEXEC) != 0 ? 1 : 0;
}

int SetCloseOnExec(int fd, bool on) {
  int flags = fcntl(fd, F_GETFD);
  if (flags == -1) return -errno;
  int wanted = on ? (flags | FD_CLOEXEC) : (flags & ~FD_CLOEXEC);
  if (wanted != flags && fcntl(fd, F_SETFD, wanted) == -1) return -errno;
  return 0;
}

}  // namespace bsd::core
