#include "event_loop_op.h"

#include <cerrno>

#include "env_state.h"
#include "readiness_watcher.h"
#include "socket_handle.h"

namespace bsd {

namespace {

// The handle's watcher, or nullptr and why the op cannot wait.
ReadinessWatcher* WatcherOf(SocketHandle* handle, int* error) {
  if (handle->closed()) {
    *error = core::kStatusClosed;
    return nullptr;
  }
  return handle->Watcher(error);
}

}  // namespace

Napi::Value EventLoopOp::Start(Napi::Env env, SocketHandle* handle, int cancel_id) {
  int error = 0;
  ReadinessWatcher* watcher = WatcherOf(handle, &error);
  napi_value promise;
  if (watcher != nullptr && napi_create_promise(env, &deferred_, &promise) != napi_ok) {
    watcher = nullptr;
    error = -ENOMEM;
  }
  if (watcher == nullptr) {
    delete this;
    return Napi::Number::New(env, error);
  }
  cancel_id_ = cancel_id;
  watcher->Add(this);
  return Napi::Value(env, promise);
}

Napi::Value EventLoopOp::StartForWaiter(Napi::Env env, SocketHandle* handle) {
  if (handle->waiter() == nullptr || !handle->env_state()->HasWaiterSettle()) {
    delete this;
    throw Napi::TypeError::New(env, "this socket handle has no waiter");
  }
  int error = 0;
  ReadinessWatcher* watcher = WatcherOf(handle, &error);
  if (watcher == nullptr) {
    delete this;
    return Napi::Number::New(env, error);
  }
  waiter_ = handle->waiter();
  watcher->Add(this);
  return env.Undefined();
}

void EventLoopOp::Settle(Napi::Env env, bool tearing_down, ssize_t result) {
  if (tearing_down) {
    Discard(result);
    return;
  }
  if (!Deliver(result)) {  // the caller's bytes were detached or shrunk
    Discard(result);
    result = -EFAULT;
  }
  try {
    if (waiter_ != nullptr) {
      EnvState::Of(env)->SettleWaiter(waiter_, ToJS(env, result));
    } else {
      napi_resolve_deferred(env, deferred_, ToJS(env, result));
    }
  } catch (const Napi::Error& error) {
    // A C++ exception must not leave a libuv callback.
    if (waiter_ != nullptr) {
      EnvState::Of(env)->SettleWaiter(waiter_, error.Value());
    } else {
      napi_reject_deferred(env, deferred_, error.Value());
    }
  }
}

}  // namespace bsd
