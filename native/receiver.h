// The callback form of recv(2) / recvfrom(2): a Receiver stays on its
// socket's ReadinessWatcher and, each time the socket is readable, receives
// into one pinned buffer until the socket would block (or a budget of
// messages is spent), calling one JS function after each message. No promise,
// closure or allocation per message: the function gets the length, and the
// sender's address, when asked for, is copied into a second pinned view that
// JS decodes only if it wants it.
//
// Runs on the loop thread only. The watcher owns it (readiness_watcher.h).
#pragma once

#include <napi.h>
#include <sys/types.h>

#include "core/socket_ops.h"
#include "pinned_view.h"

namespace bsd {

class Receiver {
 public:
  struct Options {
    int flags = 0;
    // Stream: 0 bytes is the end of the stream, which ends the receiver,
    // and a short read ends a drain (the next recv would find nothing).
    bool stream = false;
    // Messages per readiness event before the loop gets a turn.
    int budget = 64;
  };

  // `address` is the view recvfrom's addresses are copied into; when it is
  // not pinned, plain recv(2) is used.
  Receiver(int fd, PinnedView buffer, PinnedView address, Napi::Function callback, Options options);

  int budget() const { return options_.budget; }
  // One recv into the buffer as it is now: a length, -errno (-EAGAIN when it
  // would block), or -EFAULT if the buffer was detached or shrunk.
  ssize_t Attempt();
  // Whether this result is the receiver's last: an error, or a stream's end.
  bool Ends(ssize_t result) const { return result < 0 || (result == 0 && options_.stream); }
  // Whether the drain should stop after this (non-final) result.
  bool ShortRead(ssize_t result) const {
    return options_.stream && static_cast<size_t>(result) < buffer_.len();
  }
  // Calls the JS function with (result, address length). An exception it
  // throws goes to process 'uncaughtException', as an event listener's
  // would; returns false then.
  bool Deliver(napi_env env, ssize_t result);

 private:
  core::RecvOp op_;
  PinnedView buffer_;
  PinnedView address_;
  Napi::FunctionReference callback_;
  Options options_;
};

}  // namespace bsd
