#include "readiness_watcher.h"

#include <poll.h>

#include <cerrno>

#include "core/status.h"
#include "env_state.h"
#include "event_loop_op.h"
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
  int r = uv_poll_init_socket(owner_->env_state()->loop(), &poll_, owner_->fd());
  if (r == 0) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
  return r;
}

int ReadinessWatcher::Wanted() const {
  int wanted = 0;
  for (const EventLoopOp* op : ops_) wanted |= ToUvEvents(op->events());
  return wanted;
}

void ReadinessWatcher::Add(EventLoopOp* op) {
  ops_.push_back(op);
  // A waiting operation keeps its socket from being collected, and the
  // process alive.
  owner_->Ref();
  if (ops_.size() == 1) uv_ref(reinterpret_cast<uv_handle_t*>(&poll_));
  int wanted = ToUvEvents(op->events());
  if ((armed_ & wanted) != wanted) Arm(armed_ | wanted);
}

void ReadinessWatcher::Arm(int events) {
  if (events == armed_) return;
  armed_ = events;
  // uv_poll_start re-registers the fd (epoll_ctl), which is why interest
  // changes only when it must.
  int r = events == 0 ? uv_poll_stop(&poll_) : uv_poll_start(&poll_, events, OnReady);
  if (r < 0) {
    armed_ = 0;
    FinishAll(r);
  }
}

void ReadinessWatcher::Finish(EventLoopOp* op, ssize_t result) {
  op->Settle(owner_->env_state()->env(), owner_->env_state()->tearing_down(), result);
  delete op;
  owner_->Unref();
}

void ReadinessWatcher::FinishAll(ssize_t result) {
  std::vector<EventLoopOp*> ops;
  ops.swap(ops_);
  if (!ops.empty()) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
  for (EventLoopOp* op : ops) Finish(op, result);
}

void ReadinessWatcher::OnReady(uv_poll_t* poll, int status, int events) {
  auto* self = static_cast<ReadinessWatcher*>(poll->data);
  EnvState* state = self->owner_->env_state();
  Napi::Env env = state->env();
  Napi::HandleScope scope(env);
  // Settling from a libuv callback: the callback scope runs the microtasks
  // (the awaiting code) when it closes, after this function is done with
  // the watcher (that code may close the socket).
  Napi::CallbackScope callback_scope(env, state->async_context());
  if (status < 0) {
    self->FinishAll(status);
    self->Arm(0);
    return;
  }
  // An error or hangup shows as readable and writable: every op's retry
  // then reports it.
  if (events & UV_DISCONNECT) events |= UV_READABLE | UV_WRITABLE;
  int wanted = self->Wanted();
  // In order: on a stream the first recv takes the data and the next one
  // waits on.
  std::vector<EventLoopOp*> waiting;
  waiting.swap(self->ops_);
  for (EventLoopOp* op : waiting) {
    ssize_t r = (ToUvEvents(op->events()) & events) ? op->Retry() : -EAGAIN;
    if (r == -EAGAIN) {
      self->ops_.push_back(op);
    } else {
      self->Finish(op, r);
    }
  }
  if (self->ops_.empty()) uv_unref(reinterpret_cast<uv_handle_t*>(&self->poll_));
  // Readiness nobody waited for: stop watching for it, or level-triggered
  // epoll reports it on every turn of the loop.
  int unwanted = events & ~wanted & (UV_READABLE | UV_WRITABLE);
  if (unwanted != 0) self->Arm(self->armed_ & ~unwanted);
}

bool ReadinessWatcher::Cancel(int cancel_id) {
  for (auto it = ops_.begin(); it != ops_.end(); ++it) {
    if ((*it)->cancel_id() != cancel_id) continue;
    EventLoopOp* op = *it;
    ops_.erase(it);
    if (ops_.empty()) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
    Finish(op, core::kStatusCancelled);
    return true;
  }
  return false;
}

void ReadinessWatcher::Close() {
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
  FinishAll(core::kStatusClosed);
}

}  // namespace bsd
