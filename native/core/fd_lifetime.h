// An fd and the waits in flight on it, with the close rule: close(2) runs
// only once no wait still uses the fd, so a late syscall can never reach a
// reused fd number. Pure POSIX; SocketHandle holds one.
//
// Owner thread only (the loop thread of the socket's environment). The ops
// themselves wait on other threads: the owner ends a wait through the op's
// Wake(), which only signals an eventfd, safe from any thread.
#pragma once

#include <unordered_set>

#include "posix_socket.h"
#include "readiness_wait.h"
#include "status.h"

namespace bsd::core {

// A wait that another thread runs (RunOp with `wake_fd`).
struct WakeableOp {
  virtual ~WakeableOp() = default;
  // Ends the wait, or makes sure it never starts (the threadpool op takes
  // itself off libuv's queue first). `why`: kStatusClosed, kStatusCancelled
  // or kStatusTimedOut.
  virtual void Wake(int why) {
    (void)why;
    SignalWakeFd(wake_fd);
  }

  int wake_fd = -1;
  int cancel_id = 0;
  // Why the owner woke it, when not because the socket closed: the status
  // it settles with (kStatusCancelled, kStatusTimedOut). 0: not stopped.
  int stop_status = 0;
};

class FdLifetime {
 public:
  explicit FdLifetime(int fd) : fd_(fd) {}
  FdLifetime(const FdLifetime&) = delete;
  FdLifetime& operator=(const FdLifetime&) = delete;

  // -1 once released.
  int fd() const { return fd_; }
  bool closed() const { return closed_; }
  bool idle() const { return ops_.empty(); }

  void Begin(WakeableOp* op) { ops_.insert(op); }
  // True if this released the fd (closed, and `op` was the last wait).
  bool End(WakeableOp* op) {
    ops_.erase(op);
    return ReleaseIfIdle();
  }
  // Idempotent. Marks the fd closed and wakes every wait; the fd itself is
  // released by ReleaseIfIdle, now or when the last wait ends. `detach`: the
  // fd is handed over, never closed here.
  void Close(bool detach) {
    if (closed_) return;
    closed_ = true;
    detached_ = detach;
    for (WakeableOp* op : ops_) op->Wake(kStatusClosed);
  }
  // Closes the fd if it is closed and no wait uses it; true if this did.
  bool ReleaseIfIdle() {
    if (!closed_ || !ops_.empty() || released_) return false;
    released_ = true;
    if (!detached_) CloseFd(fd_);
    fd_ = -1;
    return true;
  }
  // Wakes the wait registered as `cancel_id` (non-zero) with `status`.
  bool Stop(int cancel_id, int status) {
    for (WakeableOp* op : ops_) {
      if (op->cancel_id != cancel_id) continue;
      op->stop_status = status;
      op->Wake(status);
      return true;
    }
    return false;
  }

 private:
  int fd_;
  bool closed_ = false;
  bool detached_ = false;
  bool released_ = false;
  std::unordered_set<WakeableOp*> ops_;
};

}  // namespace bsd::core
