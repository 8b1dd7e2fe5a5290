// The async runner for non-blocking sockets: an operation from
// core/socket_ops.h that would block waits on its socket's ReadinessWatcher
// (uv_poll on the loop, no thread held) and is attempted again, natively,
// each time the socket may be ready, until it no longer would block; then it
// settles its promise. One promise per operation, none per readiness event.
//
// Zero-copy: the syscall runs on the loop thread, in the caller's buffer. The
// buffer is pinned and found again before each attempt (PinnedView), so a view
// detached or shrunk while the op waits gives -EFAULT, never a stray write.
// sendmsg's scattered buffers are gathered into one owned copy instead.
#pragma once

#include <napi.h>
#include <sys/types.h>

#include <cerrno>

#include "core/message_batch.h"
#include "core/socket_ops.h"
#include "op_result.h"
#include "pinned_view.h"

namespace bsd {

class SocketHandle;

class EventLoopOp {
 public:
  explicit EventLoopOp(short events) : events_(events) {}
  virtual ~EventLoopOp() = default;

  // Queues the op on the socket's watcher; returns its promise, or a number
  // (-errno / a status) if it could not wait. Deletes itself in that case.
  Napi::Value Start(Napi::Env env, SocketHandle* handle, int cancel_id);
  // As Start, but no promise: the op settles the socket's waiter (its JS
  // object, see SocketHandle::waiter) through EnvState::SettleWaiter, and
  // this returns undefined. JS makes the promise: a promise made here and
  // settled natively costs about 1,800 instructions more (napi_create_promise
  // allocates through the runtime, not inline as JIT code does). TypeError
  // if the socket has no waiter.
  Napi::Value StartForWaiter(Napi::Env env, SocketHandle* handle);

  short events() const { return events_; }
  int cancel_id() const { return cancel_id_; }
  // One attempt, in the caller's bytes as they are now; -EAGAIN while it
  // must go on waiting, -EFAULT if they are gone. Loop thread only.
  virtual ssize_t Retry() = 0;
  // The result of a wait ended early with `status`: a timeout keeps what a
  // blocking op moved before it (as RunOp's deadline does), a cancel does not.
  virtual ssize_t Stopped(ssize_t status) = 0;
  // Resolves the promise, or settles the waiter, with `result` (or discards
  // it during teardown). The caller deletes the op afterwards.
  void Settle(Napi::Env env, bool tearing_down, ssize_t result);

 protected:
  // Hands what the op received to the caller's bytes, if it worked in a
  // copy of its own; false if they are gone (detached or shrunk).
  virtual bool Deliver(ssize_t result) {
    (void)result;
    return true;
  }
  virtual Napi::Value ToJS(Napi::Env env, ssize_t result) = 0;
  // The result will not reach JS: release what it owns (an accepted fd).
  virtual void Discard(ssize_t result) { (void)result; }

 private:
  short events_;
  int cancel_id_ = 0;
  // Which of the two it settles: a promise of its own, or the socket's waiter.
  napi_deferred deferred_ = nullptr;
  napi_ref waiter_ = nullptr;  // the handle's, which outlives the op
};

// Points an op at the caller's bytes, as they are before this attempt.
inline void PointAt(core::RecvOp& op, uint8_t* data) { op.data = data; }
inline void PointAt(core::SendOp& op, uint8_t* data) { op.data = data; }
inline void PointAt(core::RecvMsgOp& op, uint8_t* data) { op.data = data; }
inline void PointAt(core::RecvBatchOp& op, uint8_t* data) { op.batch.base = data; }
inline void PointAt(core::SendBatchOp& op, uint8_t* data) { op.batch.base = data; }
inline void PointAt(core::AcceptOp&, uint8_t*) {}
inline void PointAt(core::ConnectOp&, uint8_t*) {}
inline void PointAt(core::SendMsgOp&, uint8_t*) {}  // its bytes are an owned copy
inline void PointAt(core::SendFileOp&, uint8_t*) {}  // its bytes are the file's

// Binds an op struct to the runner, as ThreadpoolOpOf does for workers.
template <typename Op>
class EventLoopOpOf final : public EventLoopOp {
 public:
  EventLoopOpOf(const Op& op, PinnedView view, Staging staging, OpResult<Op> result)
      : EventLoopOp(Op::events), view_(std::move(view)), staging_(std::move(staging)), op_(op), result_(result) {}

  ssize_t Retry() override {
    uint8_t* data = staging_.data.get();
    if (view_.pinned() && !view_.Resolve(&data)) return -EFAULT;
    PointAt(op_, data);
    ssize_t r = op_.Attempt();
    return r == -EAGAIN ? r : op_.Finish(r);
  }

 private:
  bool Deliver(ssize_t result) override { return staging_.Deliver(result); }
  ssize_t Stopped(ssize_t status) override {
    return status == core::kStatusTimedOut ? op_.Finish(status) : status;
  }
  Napi::Value ToJS(Napi::Env env, ssize_t result) override { return result_.ToJS(env, op_, result); }
  void Discard(ssize_t result) override { result_.Discard(op_, result); }

  PinnedView view_;
  // An owned copy the op works in instead of a pinned view: sendmsg's
  // gathered bytes, or a blocking op's staging (threadpool_op.h RunBlocking),
  // copied back into the caller's bytes when it settles.
  Staging staging_;
  Op op_;
  OpResult<Op> result_;
};

}  // namespace bsd
