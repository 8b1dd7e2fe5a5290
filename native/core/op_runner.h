// Runs an operation from socket_ops.h the way a blocking syscall behaves,
// on an fd that is really non-blocking, so that the wait can be woken.
#pragma once

#include <sys/socket.h>
#include <cerrno>
#include <cstdint>

#include "readiness_wait.h"
#include "status.h"

namespace bsd::core {

// `may_wait` false: one attempt, -EAGAIN is the answer (a non-blocking socket).
// Otherwise attempt, and while the op would block, wait for readiness until
// `deadline_ns` or until `wake_fd` (-1 for none) is signalled.
template <typename Op>
ssize_t RunOp(Op& op, bool may_wait, int wake_fd, int64_t deadline_ns) {
  if (op.flags & MSG_DONTWAIT) may_wait = false;
  for (;;) {
    ssize_t r = op.Attempt();
    if (r != -EAGAIN || !may_wait) return op.Finish(r);
    int w = WaitReady(op.fd, Op::events, wake_fd, deadline_ns);
    if (w == kWaitTimedOut) return op.Finish(kStatusTimedOut);
    if (w < 0) return op.Finish(w);
  }
}

}  // namespace bsd::core
