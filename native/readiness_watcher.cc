#include "readiness_watcher.h"

#include <poll.h>

#include <algorithm>

#include "core/status.h"
#include "env_state.h"
#include "socket_handle.h"

namespace bsd {

namespace {

int ToUvEvents(short events) {
  return ((events & POLLIN) ? UV_READABLE : 0) | ((events & POLLOUT) ? UV_WRITABLE : 0);
}

}  // namespace

ReadinessWatcher::ReadinessWatcher(SocketHandle* owner) : owner_(owner) {
  poll_.data = this;
}

int ReadinessWatcher::Start() {
  return uv_poll_init_socket(owner_->env_state()->loop(), &poll_, owner_->fd());
}

Napi::Value ReadinessWatcher::Wait(Napi::Env env, short events, int cancel_id) {
  napi_deferred deferred;
  napi_value promise;
  NAPI_THROW_IF_FAILED(env, napi_create_promise(env, &deferred, &promise), Napi::Value());
  waiters_.push_back({events, cancel_id, deferred});
  // A waiting operation keeps its socket from being collected.
  owner_->Ref();
  UpdateInterest();
  return Napi::Value(env, promise);
}

void ReadinessWatcher::Settle(const Waiter& waiter, int status) {
  Napi::Env env = owner_->env_state()->env();
  if (!owner_->env_state()->tearing_down()) {
    napi_resolve_deferred(env, waiter.deferred, Napi::Number::New(env, status));
  }
  owner_->Unref();
}

void ReadinessWatcher::UpdateInterest() {
  int wanted = 0;
  for (const Waiter& w : waiters_) wanted |= ToUvEvents(w.events);
  if (wanted == interest_) return;
  interest_ = wanted;
  if (wanted == 0) {
    uv_poll_stop(&poll_);
  } else {
    int r = uv_poll_start(&poll_, wanted, OnReady);
    if (r < 0) OnReady(&poll_, r, 0);
  }
}

void ReadinessWatcher::OnReady(uv_poll_t* poll, int status, int events) {
  auto* self = static_cast<ReadinessWatcher*>(poll->data);
  EnvState* state = self->owner_->env_state();
  Napi::Env env = state->env();
  Napi::HandleScope scope(env);
  // Resolving from a libuv callback: the callback scope runs the microtasks
  // (the awaiting code) when it closes, as Node does after its own callbacks.
  Napi::CallbackScope callback_scope(env, state->async_context());
  // An error or hangup shows as readable and writable: wake everyone and let
  // the retried syscall report it.
  if (events & UV_DISCONNECT) events |= UV_READABLE | UV_WRITABLE;
  std::vector<Waiter> ready;
  auto keep = std::stable_partition(
      self->waiters_.begin(), self->waiters_.end(),
      [&](const Waiter& w) { return status == 0 && !(ToUvEvents(w.events) & events); });
  ready.assign(keep, self->waiters_.end());
  self->waiters_.erase(keep, self->waiters_.end());
  self->UpdateInterest();
  for (const Waiter& w : ready) self->Settle(w, status < 0 ? status : 0);
}

bool ReadinessWatcher::Cancel(int cancel_id) {
  auto it = std::find_if(waiters_.begin(), waiters_.end(),
                         [&](const Waiter& w) { return w.cancel_id == cancel_id; });
  if (it == waiters_.end()) return false;
  Waiter waiter = *it;
  waiters_.erase(it);
  UpdateInterest();
  Settle(waiter, core::kStatusCancelled);
  return true;
}

void ReadinessWatcher::Close() {
  std::vector<Waiter> waiters;
  waiters.swap(waiters_);
  owner_->WatcherClosed();
  EnvState* state = owner_->env_state();
  // uv_close stops polling at once, so the fd may be closed right after;
  // the memory must live until libuv's close callback.
  state->BeginBusy();
  uv_close(reinterpret_cast<uv_handle_t*>(&poll_), [](uv_handle_t* handle) {
    auto* self = static_cast<ReadinessWatcher*>(handle->data);
    EnvState* state = self->owner_state_;
    delete self;
    state->EndBusy();
  });
  owner_state_ = state;
  for (const Waiter& w : waiters) Settle(w, core::kStatusClosed);
}

}  // namespace bsd
