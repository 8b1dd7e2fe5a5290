#include "threadpool_op.h"

namespace bsd {

void InitThreadpool(Napi::Env env, Napi::Object exports) {
  exports.Set("threadpoolUsage", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    core::ThreadSlotUsage usage = core::GetThreadSlotUsage();
    Napi::Object out = Napi::Object::New(info.Env());
    out.Set("poolSize", usage.pool_size);
    out.Set("reserve", usage.reserve);
    out.Set("inUse", usage.in_use);
    return out;
  }, "threadpoolUsage"));
  exports.Set("setThreadpoolReserve", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), core::SetThreadSlotReserve(Int32Arg(info, 0)));
  }, "setThreadpoolReserve"));
}

ThreadpoolOp::~ThreadpoolOp() {
  if (wake_fd >= 0) core::CloseFd(wake_fd);
}

Napi::Value ThreadpoolOp::Start(Napi::Env env, SocketHandle* handle, double timeout_ms,
                                int cancel_id) {
  auto fail = [&](int error) {
    core::ReleaseThreadSlot();
    delete this;
    return Napi::Number::New(env, error);
  };
  // Each op has its own wake fd so that one can be cancelled alone; close()
  // signals all of them.
  wake_fd = core::OpenWakeFd();
  if (wake_fd < 0) return fail(wake_fd);
  napi_value promise;
  if (napi_create_promise(env, &deferred_, &promise) != napi_ok) return fail(-ENOMEM);
  handle_ = handle;
  env_state_ = handle->env_state();
  this->cancel_id = cancel_id;
  // Measured from here, so that time spent queued for a thread counts.
  deadline_ns_ = core::DeadlineAfterMs(timeout_ms);
  work_.data = this;
  int queued = uv_queue_work(env_state_->loop(), &work_, OnExecute, OnComplete);
  if (queued < 0) {
    core::ReleaseThreadSlot();
    napi_resolve_deferred(env, deferred_, Napi::Number::New(env, queued));
    delete this;
    return Napi::Value(env, promise);
  }
  handle->BeginWork(this);
  env_state_->BeginBusy();
  return Napi::Value(env, promise);
}

void ThreadpoolOp::Wake(int why) {
  // Not started: off the queue, so that it ends now and never takes a
  // thread; OnComplete follows with UV_ECANCELED.
  if (!dequeued_ && uv_cancel(reinterpret_cast<uv_req_t*>(&work_)) == 0) {
    dequeued_ = true;
    return;
  }
  if (dequeued_) return;
  // Running: its own deadline ends a timeout (at the same moment), keeping
  // what it moved so far, as a blocking call with SO_RCVTIMEO does.
  if (why == core::kStatusTimedOut) return;
  core::SignalWakeFd(wake_fd);
}

void ThreadpoolOp::OnExecute(uv_work_t* req) {
  auto* self = static_cast<ThreadpoolOp*>(req->data);
  self->result_ = self->Execute(self->deadline_ns_);
}

void ThreadpoolOp::OnComplete(uv_work_t* req, int status) {
  auto* self = static_cast<ThreadpoolOp*>(req->data);
  EnvState* state = self->env_state_;
  Napi::Env env = state->env();
  core::ReleaseThreadSlot();
  ssize_t result = status == UV_ECANCELED ? core::kStatusWoken : self->result_;
  // Release the wake fd before anything settles: the code awaiting the
  // promise runs as soon as the callback scope below closes.
  core::CloseFd(self->wake_fd);
  self->wake_fd = -1;
  if (result == core::kStatusWoken) {
    result = self->stop_status != 0 && !self->handle_->closed() ? self->stop_status
                                                                : core::kStatusClosed;
  }
  self->handle_->EndWork(self);
  if (state->tearing_down()) {
    self->Discard(result);
  } else {
    Napi::HandleScope scope(env);
    // Called from libuv, not from JS: the callback scope runs the microtasks
    // (the code awaiting this promise) when it closes.
    Napi::CallbackScope callback_scope(env, state->OpenCallbackScope());
    if (!self->staging_.Deliver(result)) {  // detached or shrunk meanwhile
      self->Discard(result);
      result = -EFAULT;
    }
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
