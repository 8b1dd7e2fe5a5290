// An fd, the work in flight on it, and the close rule: close(2) runs only
// once no work still uses the fd, so a late syscall can never reach a reused
// fd number. Pure POSIX; SocketHandle holds one.
//
// Owner thread only (the loop thread of the socket's environment). The ops
// themselves wait on other threads: the owner ends a wait through the op's
// Wake(), which only signals an eventfd, safe from any thread.
#pragma once

#include <cstddef>
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

// One socket's state and its one count of work in flight. Every kind of
// work counts: a wait on a pool thread (Begin(op), which close() can wake
// through the op), and work the owner itself ends when it closes, such as an
// op or a receiver on the event loop (Begin()). close(2) runs when the state
// is closing and the count is back to zero, here and nowhere else.
class FdLifetime {
 public:
  enum class State {
    kOpen,
    kClosing,   // closed by its owner; work is still in flight on the fd
    kClosed,    // the fd is closed (close(2) has run)
    kDetached,  // the fd was handed over, never closed here
  };

  explicit FdLifetime(int fd) : fd_(fd) {}
  FdLifetime(const FdLifetime&) = delete;
  FdLifetime& operator=(const FdLifetime&) = delete;

  // -1 once released.
  int fd() const { return fd_; }
  State state() const { return state_; }
  // True from Close() on: no new work may start.
  bool closed() const { return state_ != State::kOpen; }
  bool idle() const { return in_flight_ == 0; }
  size_t in_flight() const { return in_flight_; }

  // Work that another thread runs, woken through `op` on Close and Stop.
  void Begin(WakeableOp* op) {
    ops_.insert(op);
    ++in_flight_;
  }
  // Work the owner ends itself when it closes (it must, or the fd stays open).
  void Begin() { ++in_flight_; }
  // True if this released the fd (closing, and this was the last work).
  bool End(WakeableOp* op) {
    ops_.erase(op);
    return End();
  }
  bool End() {
    --in_flight_;
    return ReleaseIfIdle();
  }
  // Idempotent. Marks the fd closing and wakes every wait; the fd itself is
  // released by ReleaseIfIdle, now or when the last work ends. `detach`: the
  // fd is handed over, never closed here.
  void Close(bool detach) {
    if (closed()) return;
    state_ = State::kClosing;
    detached_ = detach;
    for (WakeableOp* op : ops_) op->Wake(kStatusClosed);
  }
  // Closes the fd if it is closing and no work uses it; true if this did.
  bool ReleaseIfIdle() {
    if (state_ != State::kClosing || in_flight_ != 0) return false;
    state_ = detached_ ? State::kDetached : State::kClosed;
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
  State state_ = State::kOpen;
  bool detached_ = false;
  size_t in_flight_ = 0;
  // The waits among the work in flight: those Close and Stop must wake.
  std::unordered_set<WakeableOp*> ops_;
};

}  // namespace bsd::core
