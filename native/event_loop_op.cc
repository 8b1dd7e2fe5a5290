#include "event_loop_op.h"

#include <cerrno>

#include "readiness_watcher.h"
#include "socket_handle.h"

namespace bsd {

Napi::Value EventLoopOp::Start(Napi::Env env, SocketHandle* handle, int cancel_id) {
  auto fail = [&](int error) {
    delete this;
    return Napi::Number::New(env, error);
  };
  if (handle->closed()) return fail(core::kStatusClosed);
  int error = 0;
  ReadinessWatcher* watcher = handle->Watcher(&error);
  if (watcher == nullptr) return fail(error);
  napi_value promise;
  if (napi_create_promise(env, &deferred_, &promise) != napi_ok) return fail(-ENOMEM);
  cancel_id_ = cancel_id;
  watcher->Add(this);
  return Napi::Value(env, promise);
}

ssize_t EventLoopOp::Retry() {
  uint8_t* data = nullptr;
  if (view_.pinned() && !view_.Resolve(&data)) return -EFAULT;
  return Attempt(data);
}

void EventLoopOp::Settle(Napi::Env env, bool tearing_down, ssize_t result) {
  if (tearing_down) {
    Discard(result);
    return;
  }
  try {
    napi_resolve_deferred(env, deferred_, ToJS(env, result));
  } catch (const Napi::Error& error) {
    // A C++ exception must not leave a libuv callback.
    napi_reject_deferred(env, deferred_, error.Value());
  }
}

}  // namespace bsd
