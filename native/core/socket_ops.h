// The operations that can wait, as plain structs. Each knows which readiness
// it waits for (`events`), makes one non-blocking attempt (`Attempt`, which
// returns -EAGAIN while it must wait), and turns the last attempt's result
// into the call's result (`Finish`). RunOp (op_runner.h) drives them.
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "posix_socket.h"
#include "status.h"

namespace bsd::core {

// Recv and RecvFrom. `waitall` (MSG_WAITALL on a blocking socket) keeps
// reading until the buffer is full, as the kernel does for a blocking fd; our
// fds are O_NONBLOCK, where the kernel would stop early.
struct RecvOp {
  static constexpr short events = POLLIN;
  int fd = -1;
  uint8_t* data = nullptr;
  size_t len = 0;
  int flags = 0;
  bool want_address = false;
  bool waitall = false;
  size_t got = 0;
  sockaddr_storage address{};
  socklen_t address_len = 0;

  ssize_t Attempt() {
    ssize_t r = want_address
                    ? RecvFrom(fd, data + got, len - got, flags, &address, &address_len)
                    : Recv(fd, data + got, len - got, flags);
    if (r > 0 && waitall) {
      got += static_cast<size_t>(r);
      return got < len ? -EAGAIN : static_cast<ssize_t>(got);
    }
    return r;
  }
  ssize_t Finish(ssize_t r) const {
    // What was read before an error, EOF or timeout is returned, as a
    // blocking recv() with SO_RCVTIMEO does; only a close discards it.
    if (got > 0 && r <= 0 && r != kStatusWoken) return static_cast<ssize_t>(got);
    return r;
  }
};

// Send and SendTo. On a blocking stream socket send() returns only once all
// of the data is queued (or on a timeout, with what was queued); emulate that.
struct SendOp {
  static constexpr short events = POLLOUT;
  int fd = -1;
  const uint8_t* data = nullptr;
  size_t len = 0;
  int flags = 0;
  bool blocking = false;
  bool has_address = false;
  sockaddr_storage address{};
  socklen_t address_len = 0;
  size_t sent = 0;

  ssize_t Attempt() {
    ssize_t r = has_address
                    ? SendTo(fd, data + sent, len - sent, flags,
                             reinterpret_cast<const sockaddr*>(&address), address_len)
                    : Send(fd, data + sent, len - sent, flags);
    if (r > 0 && blocking) {
      sent += static_cast<size_t>(r);
      return sent < len ? -EAGAIN : static_cast<ssize_t>(sent);
    }
    return r;
  }
  ssize_t Finish(ssize_t r) const {
    if (sent > 0 && r < 0 && r != kStatusWoken) return static_cast<ssize_t>(sent);
    return r;
  }
};

// sendfile(2): `count` bytes of a file from `offset`, or up to the file's
// end, whichever comes first, as Python's socket.sendfile sends: it goes on
// while the socket takes more and waits for room when it is full, so the
// call ends with all of it sent (or an error, with what was sent before it).
struct SendFileOp {
  static constexpr short events = POLLOUT;
  static constexpr size_t kMaxSendFileChunk = 0x7ffff000;
  int fd = -1;
  int flags = 0;  // none of its own; RunOp reads MSG_DONTWAIT here
  int file_fd = -1;
  off_t offset = 0;
  size_t count = 0;
  size_t sent = 0;

  ssize_t Attempt() {
    while (sent < count) {
      // At most what one sendfile moves (MAX_RW_COUNT): a larger count, such
      // as "to the end", would make offset + count overflow (EINVAL).
      size_t chunk = count - sent < kMaxSendFileChunk ? count - sent : kMaxSendFileChunk;
      ssize_t r = SendFile(fd, file_fd, &offset, chunk);
      if (r == 0) break;  // the file's end
      if (r < 0) return r;
      sent += static_cast<size_t>(r);
    }
    return static_cast<ssize_t>(sent);
  }
  ssize_t Finish(ssize_t r) const {
    if (sent > 0 && r < 0 && r != kStatusWoken) return static_cast<ssize_t>(sent);
    return r;
  }
};

struct AcceptOp {
  static constexpr short events = POLLIN;
  int fd = -1;
  int flags = 0;
  sockaddr_storage address{};
  socklen_t address_len = 0;

  ssize_t Attempt() {
    address_len = sizeof(address);
    return Accept(fd, &address, &address_len);
  }
  ssize_t Finish(ssize_t r) const { return r; }
};

// connect() on a non-blocking fd starts the handshake (EINPROGRESS); the
// socket turns writable when it ends, and SO_ERROR then holds the outcome.
struct ConnectOp {
  static constexpr short events = POLLOUT;
  int fd = -1;
  int flags = 0;
  sockaddr_storage address{};
  socklen_t address_len = 0;
  bool in_progress = false;

  ssize_t Attempt() {
    if (in_progress) return PendingError(fd);
    int r = Connect(fd, reinterpret_cast<const sockaddr*>(&address), address_len);
    if (r == -EINPROGRESS) {
      in_progress = true;
      return -EAGAIN;
    }
    return r;
  }
  ssize_t Finish(ssize_t r) const {
    return r == -EAGAIN && in_progress ? -EINPROGRESS : r;
  }
};

// sendmsg(2): gather `iov`, with `control` (sent once, with the first byte).
struct SendMsgOp {
  static constexpr short events = POLLOUT;
  int fd = -1;
  std::vector<iovec> iov;
  std::vector<uint8_t> control;
  int flags = 0;
  bool blocking = false;
  bool has_address = false;
  sockaddr_storage address{};
  socklen_t address_len = 0;
  size_t sent = 0;

  ssize_t Attempt() {
    msghdr msg{};
    if (has_address) {
      msg.msg_name = &address;
      msg.msg_namelen = address_len;
    }
    msg.msg_iov = iov.data();
    msg.msg_iovlen = iov.size();
    if (!control.empty()) {
      msg.msg_control = control.data();
      msg.msg_controllen = control.size();
    }
    ssize_t r = SendMsg(fd, &msg, flags);
    if (r > 0 && blocking) {
      sent += static_cast<size_t>(r);
      control.clear();  // it went with the first bytes
      if (Advance(static_cast<size_t>(r))) return -EAGAIN;
      return static_cast<ssize_t>(sent);
    }
    return r;
  }
  ssize_t Finish(ssize_t r) const {
    if (sent > 0 && r < 0 && r != kStatusWoken) return static_cast<ssize_t>(sent);
    return r;
  }

  // Drops `n` sent bytes from the front of `iov`; true if any are left.
  // (Public for test/native/core_test.cc.)
  bool Advance(size_t n) {
    size_t i = 0;
    while (i < iov.size() && n >= iov[i].iov_len) n -= iov[i++].iov_len;
    iov.erase(iov.begin(), iov.begin() + static_cast<std::ptrdiff_t>(i));
    if (!iov.empty()) {
      iov[0].iov_base = static_cast<uint8_t*>(iov[0].iov_base) + n;
      iov[0].iov_len -= n;
    }
    while (!iov.empty() && iov[0].iov_len == 0) iov.erase(iov.begin());
    return !iov.empty();
  }
};

// recvmsg(2) into `data`, with room for `control`. (The caller adds
// MSG_CMSG_CLOEXEC on Unix sockets; other families reject unknown flags.)
struct RecvMsgOp {
  static constexpr short events = POLLIN;
  int fd = -1;
  uint8_t* data = nullptr;
  size_t len = 0;
  int flags = 0;
  std::vector<uint8_t> control;
  size_t control_len = 0;  // what the kernel filled
  int msg_flags = 0;
  sockaddr_storage address{};
  socklen_t address_len = 0;

  ssize_t Attempt() {
    iovec iov{data, len};
    msghdr msg{};
    msg.msg_name = &address;
    msg.msg_namelen = sizeof(address);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (!control.empty()) {
      msg.msg_control = control.data();
      msg.msg_controllen = control.size();
    }
    ssize_t r = RecvMsg(fd, &msg, flags);
    if (r >= 0) {
      address_len = msg.msg_namelen;
      control_len = msg.msg_controllen;
      msg_flags = msg.msg_flags;
    }
    return r;
  }
  ssize_t Finish(ssize_t r) const { return r; }
};

}  // namespace bsd::core
