#include "socket_filter.h"

#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstdint>

namespace bsd::core {

namespace {

int SetFilter(int fd, const sock_filter* program, size_t count) {
  // sock_fprog.len is an unsigned short: a longer count would wrap.
  if (count > USHRT_MAX) return -EINVAL;
  sock_fprog fprog{};
  fprog.len = static_cast<unsigned short>(count);
  fprog.filter = const_cast<sock_filter*>(program);  // the kernel copies it, never writes
  return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog) == -1 ? -errno : 0;
}

// Reads and discards everything queued, without waiting. The drop-all filter
// is in place, so nothing new arrives and the queue only shrinks. MSG_TRUNC
// discards each datagram whole into a one-byte buffer (on TCP it discards
// the bytes). Any error ends it: EAGAIN, the queue is empty; another (a
// pending socket error, ENOTCONN on a stream) leaves nothing to drain.
void DrainReceiveQueue(int fd) {
  int type = 0;
  socklen_t type_len = sizeof type;
  bool stream = getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &type_len) == 0 && type == SOCK_STREAM;
  uint8_t discard;
  for (;;) {
    ssize_t r = recv(fd, &discard, sizeof discard, MSG_DONTWAIT | MSG_TRUNC);
    if (r == -1 && errno == EINTR) continue;
    // 0 on a stream is its end; on a datagram socket, an empty datagram.
    if (r == -1 || (r == 0 && stream)) return;
  }
}

}  // namespace

int AttachFilter(int fd, const sock_filter* program, size_t count, bool drain) {
  // The program goes in first, so that one the kernel refuses fails here
  // with the socket as it was (its old filter, its queue), not with the
  // drop-all filter left in place.
  int r = SetFilter(fd, program, count);
  if (r < 0 || !drain) return r;
  sock_filter drop_all = BPF_STMT(BPF_RET | BPF_K, 0);
  r = SetFilter(fd, &drop_all, 1);
  if (r < 0) return r;
  DrainReceiveQueue(fd);
  return SetFilter(fd, program, count);
}

int DetachFilter(int fd) {
  int unused = 0;
  return setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &unused, sizeof unused) == -1 ? -errno : 0;
}

int LockFilter(int fd) {
  int on = 1;
  return setsockopt(fd, SOL_SOCKET, SO_LOCK_FILTER, &on, sizeof on) == -1 ? -errno : 0;
}

}  // namespace bsd::core
