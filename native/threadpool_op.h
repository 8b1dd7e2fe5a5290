// The one async runner for blocking sockets: an operation from
// core/socket_ops.h run on a libuv threadpool worker, settling a promise.
//
// Main thread: Start() pins the socket, makes the op's wake fd, registers it
// with the socket (so close() and cancel() can wake it) and queues it.
// Worker: RunOp() and nothing else; it never touches napi. Main thread again:
// OnComplete() unregisters (which may close the fd at last), unpins and
// resolves with the result, as a number (-errno / a status on failure) or
// whatever the op's ToJS builds.
//
// Socket waits never take every thread of the pool (core/thread_slots.h): an
// op that finds no slot free waits on the event loop instead, with the same
// blocking semantics (RunBlocking). One woken before a thread took it is
// taken off libuv's queue (uv_cancel), so it ends at once, holding nothing.
//
// The worker never touches the caller's buffer: it reads and writes memory
// the op owns (Staging), filled from the caller's bytes before it runs (send)
// or copied into them after (recv), on the main thread. JS can detach or
// shrink an ArrayBuffer at any time (transfer, resize); a worker writing into
// it then would write into freed memory.
//
// A plain uv_work_t, not napi_async_work: when a Worker is terminated, Node
// waits for every napi_async_work to finish *before* it runs any cleanup
// hook, so an op blocked until our hook wakes it would hang the Worker for
// ever. Node does not wait for a uv_work_t; EnvState's async cleanup hook
// wakes the ops and holds teardown until they are back (EnvState::EndBusy).
#pragma once

#include <napi.h>
#include <uv.h>

#include <memory>
#include <vector>

#include "core/op_runner.h"
#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "core/status.h"
#include "core/thread_slots.h"
#include "env_state.h"
#include "event_loop_op.h"
#include "js_args.h"
#include "op_result.h"
#include "pinned_view.h"
#include "socket_handle.h"

namespace bsd {

// threadpoolUsage() and setThreadpoolReserve(n): core/thread_slots.h to JS.
void InitThreadpool(Napi::Env env, Napi::Object exports);

class ThreadpoolOp : public core::WakeableOp {
 public:
  virtual ~ThreadpoolOp();

  // Queues the op, which holds a thread slot the caller claimed; returns its
  // promise (or a number if it failed at once).
  Napi::Value Start(Napi::Env env, SocketHandle* handle, double timeout_ms, int cancel_id);
  void Wake(int why) override;

 protected:
  virtual ssize_t Execute(int64_t deadline_ns) = 0;
  virtual Napi::Value ToJS(Napi::Env env, ssize_t result) = 0;
  // The result will not reach JS (the environment is going away): release
  // anything it owns, such as an accepted fd.
  virtual void Discard(ssize_t result) { (void)result; }

 private:
  static void OnExecute(uv_work_t* req);
  static void OnComplete(uv_work_t* req, int status);

 protected:
  Staging staging_;

 private:
  SocketHandle* handle_ = nullptr;
  EnvState* env_state_ = nullptr;
  int64_t deadline_ns_ = core::kNoDeadline;
  ssize_t result_ = 0;
  uv_work_t work_;
  bool dequeued_ = false;  // uv_cancel took it off the queue before it ran
  napi_deferred deferred_ = nullptr;
};

// Binds an op struct to the runner.
template <typename Op>
class ThreadpoolOpOf final : public ThreadpoolOp {
 public:
  // An op that moves bytes must already point at `staging`'s memory.
  ThreadpoolOpOf(const Op& op, Staging staging, OpResult<Op> result) : op_(op), result_(result) {
    staging_ = std::move(staging);
  }

 private:
  ssize_t Execute(int64_t deadline_ns) override {
    return core::RunOp(op_, true, wake_fd, deadline_ns);
  }
  Napi::Value ToJS(Napi::Env env, ssize_t result) override { return result_.ToJS(env, op_, result); }
  void Discard(ssize_t result) override { result_.Discard(op_, result); }

  Op op_;
  OpResult<Op> result_;
};

}  // namespace bsd

namespace bsd {

// A blocking socket's wait: on a worker if a thread slot is free, otherwise
// on the event loop, where the op is attempted again on each readiness, in
// its staged copy, and never holds a thread. `op` is built with a blocking
// socket's semantics (MSG_WAITALL, send until all is queued) either way. The
// timeout is the worker's deadline; on the loop, JS's timer ends the wait
// (SocketHandle::Cancel with kStatusTimedOut).
template <typename Op>
Napi::Value RunBlocking(Napi::Env env, SocketHandle* handle, const Op& op, OpResult<Op> result,
                        Staging staging, double timeout_ms, int cancel_id) {
  if (handle->closed()) return Napi::Number::New(env, core::kStatusClosed);
  if (!core::ClaimThreadSlot()) {
    auto* waiting = new EventLoopOpOf<Op>(op, PinnedView{}, std::move(staging), result);
    return waiting->Start(env, handle, cancel_id);
  }
  auto* work = new ThreadpoolOpOf<Op>(op, std::move(staging), result);
  return work->Start(env, handle, timeout_ms, cancel_id);
}

}  // namespace bsd
