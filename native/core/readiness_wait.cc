#include "readiness_wait.h"

#include <cerrno>
#include <cmath>
#include <ctime>
#include <sys/eventfd.h>
#include <unistd.h>

namespace bsd::core {

int64_t MonotonicNowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

int64_t DeadlineAfterMs(double timeout_ms) {
  if (!(timeout_ms >= 0)) return kNoDeadline;
  // Clamp to a century so the sum cannot overflow.
  double ns = std::fmin(timeout_ms * 1e6, 3.2e18);
  return MonotonicNowNs() + static_cast<int64_t>(ns);
}

int WaitReady(int fd, short events, int wake_fd, int64_t deadline_ns) {
  pollfd fds[2] = {{fd, events, 0}, {wake_fd, POLLIN, 0}};
  nfds_t count = wake_fd >= 0 ? 2 : 1;
  for (;;) {
    timespec remaining;
    timespec* timeout = nullptr;
    if (deadline_ns != kNoDeadline) {
      int64_t left = deadline_ns - MonotonicNowNs();
      if (left < 0) left = 0;
      remaining.tv_sec = left / 1000000000;
      remaining.tv_nsec = left % 1000000000;
      timeout = &remaining;
    }
    // ppoll rather than poll: its timeout has nanosecond resolution, so a
    // 1 ms timeout is not rounded up to the next millisecond tick twice.
    int n = ppoll(fds, count, timeout, nullptr);
    if (n == -1) {
      if (errno == EINTR) continue;
      return -errno;
    }
    if (count == 2 && fds[1].revents) return kWaitWoken;
    if (n == 0) return kWaitTimedOut;
    if (fds[0].revents & POLLNVAL) return -EBADF;
    return fds[0].revents;
  }
}

int OpenWakeFd() {
  int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  return fd == -1 ? -errno : fd;
}

void SignalWakeFd(int wake_fd) {
  uint64_t one = 1;
  // Can only fail if the counter would overflow, and then it is readable
  // already, which is all a waiter looks at.
  ssize_t ignored = write(wake_fd, &one, sizeof(one));
  (void)ignored;
}

}  // namespace bsd::core
