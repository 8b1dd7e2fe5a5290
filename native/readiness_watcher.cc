#include "readiness_watcher.h"

#include <poll.h>

#include <cerrno>

#include "core/status.h"
#include "env_state.h"
#include "event_loop_op.h"
#include "receiver.h"
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
  int wanted = receiver_ != nullptr ? UV_READABLE : 0;
  for (const EventLoopOp* op : ops_) wanted |= ToUvEvents(op->events());
  return wanted;
}

void ReadinessWatcher::Add(EventLoopOp* op) {
  ops_.push_back(op);
  // A waiting operation is work in flight on the socket (its fd stays open,
  // its handle is not collected) and keeps the process alive.
  owner_->BeginWork();
  UpdateRef();
  int wanted = ToUvEvents(op->events());
  if ((armed_ & wanted) != wanted) Arm(armed_ | wanted);
}

void ReadinessWatcher::UpdateRef() {
  bool wanted = !ops_.empty() || receiver_ != nullptr;
  if (wanted == refed_ || closed_) return;
  refed_ = wanted;
  if (wanted) {
    uv_ref(reinterpret_cast<uv_handle_t*>(&poll_));
  } else {
    uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
  }
}

int ReadinessWatcher::SetReceiver(Receiver* receiver) {
  if (receiver_ != nullptr) {
    delete receiver;
    return -EBUSY;
  }
  receiver_ = receiver;
  owner_->BeginWork();
  UpdateRef();
  int r = (armed_ & UV_READABLE) == 0 ? Arm(armed_ | UV_READABLE) : 0;
  if (r < 0) StopReceiver();
  return r;
}

void ReadinessWatcher::StopReceiver() {
  Receiver* receiver = receiver_;
  if (receiver == nullptr) return;
  receiver_ = nullptr;
  UpdateRef();
  if (receiver != draining_) delete receiver;
  owner_->EndWork();
}

void ReadinessWatcher::Drain(napi_env env) {
  Receiver* receiver = receiver_;
  bool tearing_down = owner_->env_state()->tearing_down();
  draining_ = receiver;
  for (int left = receiver->budget(); left > 0;) {
    ssize_t r = receiver->Attempt(left);
    if (r == -EAGAIN) break;
    bool ends = receiver->Ends(r);
    if (ends) StopReceiver();
    Receiver::Delivery delivery = tearing_down ? Receiver::Delivery::kNotRun : receiver->Deliver(env, r);
    if (delivery == Receiver::Delivery::kNotRun) receiver->Discard(r);
    // The callback may have closed the socket (the fd may be gone) or
    // stopped the receiver: no further recv either way.
    if (delivery != Receiver::Delivery::kDelivered || ends || receiver_ != receiver || closed_ ||
        receiver->Emptied(r, left)) {
      break;
    }
    left -= receiver->Messages(r);
  }
  draining_ = nullptr;
  if (receiver_ != receiver) delete receiver;
}

int ReadinessWatcher::Arm(int events) {
  if (events == armed_) return 0;
  armed_ = events;
  // uv_poll_start re-registers the fd (epoll_ctl), which is why interest
  // changes only when it must.
  int r = events == 0 ? uv_poll_stop(&poll_) : uv_poll_start(&poll_, events, OnReady);
  if (r < 0) {
    armed_ = 0;
    FinishAll(r);
  }
  return r;
}

void ReadinessWatcher::Finish(EventLoopOp* op, ssize_t result) {
  op->Settle(owner_->env_state()->env(), owner_->env_state()->tearing_down(), result);
  delete op;
  owner_->EndWork();
}

void ReadinessWatcher::FinishAll(ssize_t result) {
  std::vector<EventLoopOp*> ops;
  ops.swap(ops_);
  UpdateRef();
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
  Napi::CallbackScope callback_scope(env, state->OpenCallbackScope());
  // libuv reports POLLERR as UV_EBADF and stops the handle. The fd is
  // fine: the socket has a pending error (ECONNREFUSED from an ICMP
  // message, ECONNRESET), which the next syscall returns, so every op tries
  // again and gets it, and interest is armed again for the ops still waiting.
  // (A socket whose error queue stays full keeps reporting POLLERR, and
  // waiting on it spins, as a poll() loop in C would.)
  bool pending_error = status == UV_EBADF;
  if (pending_error) {
    self->armed_ = 0;
    events = UV_READABLE | UV_WRITABLE;
  } else if (status < 0) {
    self->FinishAll(status);
    Receiver* receiver = self->receiver_;
    if (receiver != nullptr) {
      // Delivered after it is stopped, so its callback sees it ended.
      self->draining_ = receiver;
      self->StopReceiver();
      if (!state->tearing_down()) receiver->Deliver(env, status);
      self->draining_ = nullptr;
      delete receiver;
    }
    if (!self->closed_) self->Arm(0);
    return;
  }
  // An error or hangup shows as readable and writable: every op's retry
  // then reports it.
  if (events & UV_DISCONNECT) events |= UV_READABLE | UV_WRITABLE;
  int wanted = self->Wanted();
  // In order: on a stream the first recv takes the data and the next one
  // waits on.
  std::vector<EventLoopOp*>& retrying = self->retrying_;
  retrying.swap(self->ops_);
  for (EventLoopOp* op : retrying) {
    ssize_t r = (ToUvEvents(op->events()) & events) ? op->Retry() : -EAGAIN;
    if (r == -EAGAIN) {
      self->ops_.push_back(op);
    } else {
      self->Finish(op, r);
    }
  }
  retrying.clear();
  if (self->receiver_ != nullptr && (events & UV_READABLE)) self->Drain(env);
  // JS closed the socket from a receiver's callback: the handle is closing.
  if (self->closed_) return;
  self->UpdateRef();
  // Readiness nobody waited for: stop watching for it, or level-triggered
  // epoll reports it on every turn of the loop. (A callback may have added
  // an op that wants it now.)
  if (pending_error) {
    self->Arm(self->Wanted());
    return;
  }
  int unwanted = events & ~(wanted | self->Wanted()) & (UV_READABLE | UV_WRITABLE);
  if (unwanted != 0) self->Arm(self->armed_ & ~unwanted);
}

bool ReadinessWatcher::Cancel(int cancel_id, int status) {
  for (auto it = ops_.begin(); it != ops_.end(); ++it) {
    if ((*it)->cancel_id() != cancel_id) continue;
    EventLoopOp* op = *it;
    ops_.erase(it);
    UpdateRef();
    Finish(op, op->Stopped(status));
    return true;
  }
  return false;
}

void ReadinessWatcher::Close() {
  owner_->WatcherClosed();
  EnvState* state = owner_->env_state();
  // uv_close stops polling at once, so the fd may be closed right after:
  // the receiver and the ops end below, and the last to end closes it
  // (SocketHandle::EndWork). The memory must live until libuv's close
  // callback.
  state->BeginBusy();
  uv_close(reinterpret_cast<uv_handle_t*>(&poll_), [](uv_handle_t* handle) {
    auto* self = static_cast<ReadinessWatcher*>(handle->data);
    EnvState* state = self->owner_state_;
    delete self;
    state->EndBusy();
  });
  owner_state_ = state;
  closed_ = true;
  StopReceiver();
  FinishAll(core::kStatusClosed);
}

}  // namespace bsd
