// Waiting for a socket to become ready, in a way another thread can end.
#pragma once

#include <poll.h>
#include <cstdint>

#include "status.h"

namespace bsd::core {

// Deadlines are absolute CLOCK_MONOTONIC nanoseconds, so that a wait cut
// short by EINTR resumes with the time that is left, never a fresh timeout.
constexpr int64_t kNoDeadline = -1;
int64_t MonotonicNowNs();
// `timeout_ms` < 0 means no deadline.
int64_t DeadlineAfterMs(double timeout_ms);

// What WaitReady returns besides revents (> 0) and -errno.
constexpr int kWaitTimedOut = 0;
constexpr int kWaitWoken = kStatusWoken;

// Waits until `fd` reports one of `events` (or an error/hangup), `wake_fd`
// becomes readable, or `deadline_ns` passes. `wake_fd` may be -1.
int WaitReady(int fd, short events, int wake_fd, int64_t deadline_ns);

// A wake-up fd (eventfd). Signalling it is async-signal-safe and thread-safe;
// it stays readable once signalled, so every waiter on it wakes.
int OpenWakeFd();
void SignalWakeFd(int wake_fd);

}  // namespace bsd::core
