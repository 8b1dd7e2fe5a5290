// The callback forms of receiving: a Receiver stays on its socket's
// ReadinessWatcher and, each time the socket is readable, receives until the
// socket would block (or a budget of messages is spent), calling one JS
// function after each call. No promise, closure or allocation per message.
//
//   MessageReceiver  recv(2) / recvfrom(2) into one pinned buffer, a call
//                    per message (Socket.recvEach). The sender's address,
//                    when asked for, is copied into a second pinned view that
//                    JS decodes only if it wants it.
//   BatchReceiver    recvmmsg(2) into a MessageBatch, a call per batch
//                    (Socket.recvmmsgEach): lengths and addresses stay in
//                    the batch's memory.
//   AcceptReceiver   accept4(2) on a listening socket, a call per connection
//                    with its new fd (Socket.acceptEach). The peer's address
//                    is copied into a pinned view that JS decodes only if it
//                    wants it.
//   RingReceiver     a TPACKET_V3 ring's retired blocks, a call per block
//                    (ring_receiver.h, PacketRing).
//
// Runs on the loop thread only. The watcher owns it (readiness_watcher.h).
#pragma once

#include <napi.h>
#include <sys/types.h>

#include <algorithm>

#include "core/message_batch.h"
#include "core/socket_ops.h"
#include "env_state.h"
#include "pinned_view.h"

namespace bsd {

class Receiver {
 public:
  Receiver(Napi::Function callback, int budget);
  virtual ~Receiver() = default;

  // Messages per readiness event before the loop gets a turn.
  int budget() const { return budget_; }
  // One call, taking at most `max_messages`: a count of messages (a batch)
  // or a length (a message), -errno (-EAGAIN when it would block), or
  // -EFAULT if the memory was detached or shrunk.
  virtual ssize_t Attempt(int max_messages) = 0;
  // How many messages this (non-negative) result took, for the budget.
  virtual int Messages(ssize_t result) const = 0;
  // Whether this result is the receiver's last: an error, or a stream's end.
  virtual bool Ends(ssize_t result) const { return result < 0; }
  // Whether this (non-final) result shows the socket was left empty, so
  // that the drain need not ask again only to get EAGAIN.
  virtual bool Emptied(ssize_t result, int max_messages) const = 0;
  enum class Delivery { kDelivered, kThrew, kNotRun };
  // Calls the JS function with (result, address length). An exception it
  // throws goes to process 'uncaughtException', as an event listener's
  // would (kThrew). kNotRun: JS could not run at all (a worker terminating).
  Delivery Deliver(napi_env env, ssize_t result);
  // A result that never reached JS: release what it owns (an accepted fd).
  virtual void Discard(ssize_t result) { (void)result; }

 protected:
  virtual uint32_t address_length() const { return 0; }
  // After the JS function returned (or threw) for this result: what it was
  // lent is taken back here (the packet ring's block).
  virtual void Delivered(ssize_t result) { (void)result; }

 private:
  Delivery Call(napi_env env, ssize_t result);

  Napi::FunctionReference callback_;
  int budget_;
};

class MessageReceiver final : public Receiver {
 public:
  // `stream`: 0 bytes is the end of the stream, which ends the receiver,
  // and a short read leaves the socket empty.
  // `address` is the view recvfrom's addresses are copied into; when it is
  // not pinned, plain recv(2) is used.
  MessageReceiver(int fd, PinnedView buffer, PinnedView address, int flags, bool stream,
                  Napi::Function callback, int budget);

  ssize_t Attempt(int max_messages) override;
  int Messages(ssize_t) const override { return 1; }
  bool Ends(ssize_t result) const override { return result < 0 || (result == 0 && stream_); }
  bool Emptied(ssize_t result, int) const override {
    return stream_ && static_cast<size_t>(result) < buffer_.len();
  }

 protected:
  uint32_t address_length() const override { return op_.address_len; }

 private:
  core::RecvOp op_;
  PinnedView buffer_;
  PinnedView address_;
  bool stream_;
};

class BatchReceiver final : public Receiver {
 public:
  // `memory` is pinned over the whole of `layout` (its base is found again
  // on each call).
  BatchReceiver(int fd, PinnedView memory, core::BatchLayout layout, int flags, Napi::Function callback,
                int budget);

  ssize_t Attempt(int max_messages) override;
  int Messages(ssize_t result) const override { return static_cast<int>(result); }
  // A non-blocking recvmmsg stops short of what it asked for only when the
  // queue runs dry.
  bool Emptied(ssize_t result, int max_messages) const override {
    return static_cast<size_t>(result) < std::min(op_.batch.count, static_cast<size_t>(max_messages));
  }

 private:
  core::RecvBatchOp op_;
  PinnedView memory_;
};

class AcceptReceiver final : public Receiver {
 public:
  // `address` is the view each peer's address is copied into; each fd
  // accepted is handed over to `state` until JS wraps it (EnvState::HandOver).
  AcceptReceiver(EnvState* state, int fd, PinnedView address, Napi::Function callback, int budget);

  // The next connection's fd, skipping those the network ended while they
  // queued (accept(2): treat them as EAGAIN and try again).
  ssize_t Attempt(int max_messages) override;
  int Messages(ssize_t) const override { return 1; }
  // Nothing tells how many connections are left: accept until EAGAIN.
  bool Emptied(ssize_t, int) const override { return false; }
  void Discard(ssize_t result) override;

 protected:
  uint32_t address_length() const override { return op_.address_len; }

 private:
  EnvState* state_;
  core::AcceptOp op_;
  PinnedView address_;
};

}  // namespace bsd
