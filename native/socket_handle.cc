#include "socket_handle.h"

#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "env_state.h"
#include "readiness_watcher.h"

namespace bsd {

namespace {

// Marks our handles so that From() never unwraps another addon's object.
constexpr napi_type_tag kSocketHandleTag = {0x6273645f736f636bULL, 0x68616e646c650001ULL};

}  // namespace

void SocketHandle::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function ctor = DefineClass(env, "SocketHandle", {});
  EnvState::Of(env)->handle_constructor = Napi::Persistent(ctor);
  exports.Set("SocketHandle", ctor);
}

SocketHandle* SocketHandle::From(Napi::Value value) {
  bool tagged = false;
  if (value.IsObject()) {
    napi_check_object_type_tag(value.Env(), value, &kSocketHandleTag, &tagged);
  }
  if (!tagged) throw Napi::TypeError::New(value.Env(), "expected a SocketHandle");
  return Unwrap(value.As<Napi::Object>());
}

SocketHandle::SocketHandle(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<SocketHandle>(info), env_state_(EnvState::Of(info.Env())) {
  if (!info[0].IsNumber() || info[0].As<Napi::Number>().Int32Value() < 0) {
    throw Napi::TypeError::New(info.Env(), "SocketHandle needs an fd");
  }
  fd_ = info[0].As<Napi::Number>().Int32Value();
  napi_type_tag_object(info.Env(), info.This(), &kSocketHandleTag);
  env_state_->Register(this);
}

SocketHandle::~SocketHandle() {
  // Only reached with nothing pending: every operation holds a reference.
  // This is the leak backstop; the JS layer closes and warns first.
  Close();
  env_state_->Unregister(this);
}

void SocketHandle::Close() {
  if (closed_) return;
  closed_ = true;
  for (WakeableOp* op : ops_) core::SignalWakeFd(op->wake_fd);
  if (watcher_ != nullptr) watcher_->Close();
  if (ops_.empty()) ReleaseFd();
}

int SocketHandle::Detach() {
  if (closed_) return -1;
  int fd = fd_;
  detached_ = true;
  Close();
  return fd;
}

void SocketHandle::ReleaseFd() {
  if (fd_ >= 0 && !detached_) core::CloseFd(fd_);
  fd_ = -1;
  env_state_->Unregister(this);
}

void SocketHandle::BeginOp(WakeableOp* op) {
  ops_.insert(op);
  Ref();
}

void SocketHandle::EndOp(WakeableOp* op) {
  ops_.erase(op);
  if (closed_ && ops_.empty()) ReleaseFd();
  Unref();
}

bool SocketHandle::Cancel(int cancel_id) {
  for (WakeableOp* op : ops_) {
    if (op->cancel_id == cancel_id) {
      op->cancelled = true;
      core::SignalWakeFd(op->wake_fd);
      return true;
    }
  }
  return watcher_ != nullptr && watcher_->Cancel(cancel_id);
}

ReadinessWatcher* SocketHandle::Watcher(int* error) {
  if (watcher_ == nullptr) {
    auto* watcher = new ReadinessWatcher(this);
    *error = watcher->Start();
    if (*error < 0) {
      delete watcher;
      return nullptr;
    }
    watcher_ = watcher;
  }
  return watcher_;
}

}  // namespace bsd
