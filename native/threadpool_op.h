// The one async runner for blocking sockets: an operation from
// core/socket_ops.h run on a libuv threadpool worker, settling a promise.
//
// Main thread: Start() pins the socket, makes the op's wake fd, registers it
// with the socket (so close() and cancel() can wake it) and queues it. Worker: RunOp() and nothing else; it
// never touches napi. Main thread again: OnComplete() unregisters (which may
// close the fd at last), unpins and resolves with the result, as a number
// (-errno / a status on failure) or whatever the op's ToJS builds.
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
#include "env_state.h"
#include "js_args.h"
#include "op_result.h"
#include "pinned_view.h"
#include "socket_handle.h"

namespace bsd {

class ThreadpoolOp : public WakeableOp {
 public:
  virtual ~ThreadpoolOp();

  // Queues the op; returns its promise (or a number if it failed at once).
  Napi::Value Start(Napi::Env env, SocketHandle* handle, double timeout_ms, int cancel_id);

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
