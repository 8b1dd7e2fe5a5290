#include "socket_handle.h"

#include <cstdint>

#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "core/status.h"
#include "env_state.h"
#include "js_args.h"
#include "readiness_watcher.h"

namespace bsd {

namespace {

// What the External of the handle in `slot` holds: the slot, counted from 1
// so that no External made elsewhere with a null value names slot 0.
void* SlotToken(uint32_t slot) { return reinterpret_cast<void*>(static_cast<uintptr_t>(slot) + 1); }

// socketHandle(fd[, waiter]): a new handle owning the fd; `waiter` is the
// socket's JS object that ops started with a waiter settle (event_loop_op.h).
Napi::Value MakeHandle(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsNumber() || info[0].As<Napi::Number>().Int32Value() < 0) {
    throw Napi::TypeError::New(env, "a socket handle needs an fd");
  }
  if (!info[1].IsUndefined() && !info[1].IsObject()) throw Napi::TypeError::New(env, "a waiter must be an object");
  return SocketHandle::Wrap(env, info[0].As<Napi::Number>().Int32Value(), info[1]);
}

Napi::Value CloseJS(const Napi::CallbackInfo& info) {
  SocketHandle::From(info[0])->Close();
  return info.Env().Undefined();
}

Napi::Value DetachJS(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), SocketHandle::From(info[0])->Detach());
}

// (handle, cancelId[, status]): the status it settles with, cancelled by
// default; a timeout keeps what a blocking op moved before it.
Napi::Value CancelJS(const Napi::CallbackInfo& info) {
  int status = info[2].IsUndefined() ? core::kStatusCancelled : Int32Arg(info, 2);
  if (status != core::kStatusCancelled && status != core::kStatusTimedOut) {
    throw Napi::RangeError::New(info.Env(), "a wait ends as cancelled or timed out");
  }
  return Napi::Boolean::New(info.Env(), SocketHandle::From(info[0])->Cancel(Int32Arg(info, 1), status));
}

}  // namespace

void SocketHandle::Init(Napi::Env env, Napi::Object exports) {
  exports.Set("socketHandle", Napi::Function::New(env, MakeHandle, "socketHandle"));
  exports.Set("close", Napi::Function::New(env, CloseJS, "close"));
  exports.Set("detach", Napi::Function::New(env, DetachJS, "detach"));
  exports.Set("cancel", Napi::Function::New(env, CancelJS, "cancel"));
}

Napi::Value SocketHandle::Wrap(Napi::Env env, int fd, Napi::Value waiter) {
  EnvState* state = EnvState::Of(env);
  state->Claim(fd);
  auto* handle = new SocketHandle(state, fd);
  // Strong, and no cycle: an idle waiter holds nothing (it points at the
  // socket's JS side only while an op waits, when the handle is held anyway).
  if (waiter.IsObject() && napi_create_reference(env, waiter, 1, &handle->waiter_) != napi_ok) {
    delete handle;
    throw Napi::Error::New(env, "could not make a socket handle");
  }
  handle->slot_ = state->Register(handle);
  // The External's value is the handle's slot (EnvState::Register); its
  // address goes to the finalizer alone. The finalizer goes on with
  // napi_add_finalizer, not napi_create_external: that way its reference is
  // ours (self_, weak until Ref), deleted by the destructor, as an
  // ObjectWrap's is. An External's own finalizer reference is the runtime's,
  // and Node 20 leaks it for handles still alive at exit (valgrind: 40 bytes
  // each).
  napi_value external;
  if (napi_create_external(env, SlotToken(handle->slot_), nullptr, nullptr, &external) != napi_ok ||
      napi_add_finalizer(env, external, handle, Finalize, nullptr, &handle->self_) != napi_ok) {
    delete handle;  // closes the fd
    throw Napi::Error::New(env, "could not make a socket handle");
  }
  return Napi::Value(env, external);
}

SocketHandle* SocketHandle::From(Napi::Value value) {
  napi_env env = value.Env();
  napi_valuetype type;
  void* token = nullptr;
  SocketHandle* handle = nullptr;
  if (napi_typeof(env, value, &type) == napi_ok && type == napi_external &&
      napi_get_value_external(env, value, &token) == napi_ok) {
    // Any other External's value is out of the table's range, or names one
    // of this environment's live handles: never a stray pointer.
    auto slot = reinterpret_cast<uintptr_t>(token);
    if (slot != 0 && slot <= UINT32_MAX) handle = EnvState::Of(value.Env())->At(static_cast<uint32_t>(slot - 1));
  }
  if (handle == nullptr) throw Napi::TypeError::New(env, "expected a SocketHandle");
  return handle;
}

void SocketHandle::Finalize(napi_env, void* data, void*) {
  auto* handle = static_cast<SocketHandle*>(data);
  // JS dropped a socket it never closed: the destructor closes it; say so.
  // (A FinalizationRegistry on each Socket did this at about 2,500
  // instructions and 140 bytes of JS heap per socket.)
  if (!handle->closed()) handle->env_state_->WarnLeak(handle->fd());
  delete handle;
}

void SocketHandle::Ref() { napi_reference_ref(env_state_->env(), self_, nullptr); }

void SocketHandle::Unref() { napi_reference_unref(env_state_->env(), self_, nullptr); }

SocketHandle::~SocketHandle() {
  // Only reached with nothing pending: every operation holds a reference.
  // This is the leak backstop; the JS layer closes and warns first.
  Close();
  env_state_->Forget(slot_);
  if (self_ != nullptr) napi_delete_reference(env_state_->env(), self_);
  if (waiter_ != nullptr) napi_delete_reference(env_state_->env(), waiter_);
}

void SocketHandle::Close() { CloseAs(false); }

int SocketHandle::Detach() {
  if (closed()) return -1;
  int fd = lifetime_.fd();
  CloseAs(true);
  return fd;
}

void SocketHandle::CloseAs(bool detach) {
  if (closed()) return;
  // Wakes the pool waits; they end (and count down) on the loop later.
  lifetime_.Close(detach);
  // Off epoll before the fd may close (uv_close stops polling at once); then
  // the watcher ends its ops and receiver, whose EndWork may release the fd.
  if (watcher_ != nullptr) watcher_->Close();
  lifetime_.ReleaseIfIdle();
}

void SocketHandle::BeginWork(core::WakeableOp* op) {
  if (lifetime_.idle()) Ref();
  if (op != nullptr) {
    lifetime_.Begin(op);
  } else {
    lifetime_.Begin();
  }
}

void SocketHandle::EndWork(core::WakeableOp* op) {
  if (op != nullptr) {
    lifetime_.End(op);
  } else {
    lifetime_.End();
  }
  if (lifetime_.idle()) Unref();
}

bool SocketHandle::Cancel(int cancel_id, int status) {
  if (lifetime_.Stop(cancel_id, status)) return true;
  return watcher_ != nullptr && watcher_->Cancel(cancel_id, status);
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
