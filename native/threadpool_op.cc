#include "threadpool_op.h"

namespace bsd {

ThreadpoolOp::~ThreadpoolOp() {
  if (wake_fd >= 0) core::CloseFd(wake_fd);
}

Napi::Value ThreadpoolOp::Start(Napi::Env env, SocketHandle* handle, double timeout_ms,
                                int cancel_id, const std::vector<Napi::Value>& pins) {
  auto fail = [&](int error) {
    delete this;
    return Napi::Number::New(env, error);
  };
  // Each op has its own wake fd so that one can be cancelled alone; close()
  // signals all of them.
  wake_fd = core::OpenWakeFd();
  if (wake_fd < 0) return fail(wake_fd);
  napi_value promise;
  napi_value name = Napi::String::New(env, "bsd-socket:op");
  if (napi_create_promise(env, &deferred_, &promise) != napi_ok ||
      napi_create_async_work(env, nullptr, name, OnExecute, OnComplete, this, &work_) != napi_ok) {
    return fail(-ENOMEM);
  }
  for (const Napi::Value& value : pins) {
    napi_ref ref;
    if (napi_create_reference(env, value, 1, &ref) == napi_ok) pins_.push_back(ref);
  }
  handle_ = handle;
  env_state_ = handle->env_state();
  this->cancel_id = cancel_id;
  // Measured from here, so that time spent queued for a thread counts.
  deadline_ns_ = core::DeadlineAfterMs(timeout_ms);
  handle->BeginOp(this);
  env_state_->BeginBusy();
  napi_queue_async_work(env, work_);
  return Napi::Value(env, promise);
}

void ThreadpoolOp::OnExecute(napi_env, void* data) {
  auto* self = static_cast<ThreadpoolOp*>(data);
  self->result_ = self->Execute(self->deadline_ns_);
}

void ThreadpoolOp::OnComplete(napi_env raw_env, napi_status status, void* data) {
  auto* self = static_cast<ThreadpoolOp*>(data);
  Napi::Env env(raw_env);
  ssize_t result = self->result_;
  if (result == core::kStatusWoken) {
    result = self->cancelled && !self->handle_->closed() ? core::kStatusCancelled
                                                         : core::kStatusClosed;
  }
  self->handle_->EndOp(self);
  for (napi_ref ref : self->pins_) napi_delete_reference(env, ref);
  napi_delete_async_work(env, self->work_);
  EnvState* state = self->env_state_;
  if (status != napi_ok || state->tearing_down()) {
    self->Discard(result);
  } else {
    Napi::HandleScope scope(env);
    try {
      napi_resolve_deferred(env, self->deferred_, self->ToJS(env, result));
    } catch (const Napi::Error& error) {
      // A C++ exception must not leave a napi callback.
      napi_reject_deferred(env, self->deferred_, error.Value());
    }
  }
  delete self;
  state->EndBusy();
}

}  // namespace bsd
