// The one async runner for blocking sockets: an operation from
// core/socket_ops.h run on a libuv threadpool worker, settling a promise.
//
// Main thread: Start() pins the socket and every buffer the op points into,
// makes the op's wake fd, registers it with the socket (so close() and
// cancel() can wake it) and queues it. Worker: RunOp() and nothing else; it
// never touches napi. Main thread again: OnComplete() unregisters (which may
// close the fd at last), unpins and resolves with the result, as a number
// (-errno / a status on failure) or whatever the op's ToJS builds.
//
// A plain uv_work_t, not napi_async_work: when a Worker is terminated, Node
// waits for every napi_async_work to finish *before* it runs any cleanup
// hook, so an op blocked until our hook wakes it would hang the Worker for
// ever. Node does not wait for a uv_work_t; EnvState's async cleanup hook
// wakes the ops and holds teardown until they are back (EnvState::EndBusy).
#pragma once

#include <napi.h>
#include <uv.h>

#include <vector>

#include "core/op_runner.h"
#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "core/status.h"
#include "env_state.h"
#include "socket_handle.h"

namespace bsd {

class ThreadpoolOp : public WakeableOp {
 public:
  virtual ~ThreadpoolOp();

  // Queues the op; returns its promise. `pins` are the JS values whose
  // memory the op uses (buffers, views).
  Napi::Value Start(Napi::Env env, SocketHandle* handle, double timeout_ms,
                    int cancel_id, const std::vector<Napi::Value>& pins);

 protected:
  virtual ssize_t Execute(int64_t deadline_ns) = 0;
  virtual Napi::Value ToJS(Napi::Env env, ssize_t result) = 0;
  // The result will not reach JS (the environment is going away): release
  // anything it owns, such as an accepted fd.
  virtual void Discard(ssize_t result) { (void)result; }

 private:
  static void OnExecute(uv_work_t* req);
  static void OnComplete(uv_work_t* req, int status);

  SocketHandle* handle_ = nullptr;
  EnvState* env_state_ = nullptr;
  int64_t deadline_ns_ = core::kNoDeadline;
  ssize_t result_ = 0;
  uv_work_t work_;
  napi_deferred deferred_ = nullptr;
  std::vector<napi_ref> pins_;
};

// Binds an op struct to the runner. `to_js` builds the JS value of a
// successful result; failures always cross as a number.
template <typename Op>
class ThreadpoolOpOf final : public ThreadpoolOp {
 public:
  using ToJSFn = Napi::Value (*)(Napi::Env, const Op&, ssize_t);
  using DiscardFn = void (*)(ssize_t);

  ThreadpoolOpOf(const Op& op, ToJSFn to_js, DiscardFn discard = nullptr)
      : op_(op), to_js_(to_js), discard_(discard) {}

 private:
  ssize_t Execute(int64_t deadline_ns) override {
    return core::RunOp(op_, true, wake_fd, deadline_ns);
  }
  Napi::Value ToJS(Napi::Env env, ssize_t result) override {
    if (result < 0 || to_js_ == nullptr) return Napi::Number::New(env, static_cast<double>(result));
    return to_js_(env, op_, result);
  }
  void Discard(ssize_t result) override {
    if (discard_ != nullptr) discard_(result);
  }

  Op op_;
  ToJSFn to_js_;
  DiscardFn discard_;
};

}  // namespace bsd
