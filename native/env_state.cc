#include "env_state.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/posix_socket.h"
#include "js_args.h"

#include "socket_handle.h"

namespace bsd {

EnvState::EnvState(Napi::Env env) : env_(env) {
  // The environment's own loop: a Worker's differs from the main thread's.
  NAPI_THROW_IF_FAILED_VOID(env, napi_get_uv_event_loop(env, &loop_));
  napi_value name = Napi::String::New(env, "bsd-socket");
  resource_ = Napi::Persistent(Napi::Object::New(env));
  NAPI_THROW_IF_FAILED_VOID(env, napi_async_init(env, resource_.Value(), name, &async_context_));
  // An async hook, because teardown must wait for threadpool operations to
  // come back after they are woken: Node would otherwise wait on them forever
  // (a terminated Worker would never finish) or free what they use.
  NAPI_THROW_IF_FAILED_VOID(
      env, napi_add_async_cleanup_hook(env, OnTeardown, this, &cleanup_hook_));
}

EnvState::~EnvState() {
  if (async_context_ != nullptr) napi_async_destroy(env_, async_context_);
}

napi_callback_scope EnvState::OpenCallbackScope() {
  napi_callback_scope scope = nullptr;
  // Fatal on failure, as Napi::CallbackScope is: this runs in libuv
  // callbacks, which no C++ exception may leave.
  napi_status status = napi_open_callback_scope(env_, resource_.Value(), async_context_, &scope);
  NAPI_FATAL_IF_FAILED(status, "EnvState::OpenCallbackScope", "napi_open_callback_scope");
  return scope;
}

void EnvState::SettleWaiter(napi_ref waiter, napi_value value) {
  napi_value self;
  if (waiter_settle_.IsEmpty() || napi_get_reference_value(env_, waiter, &self) != napi_ok) return;
  // An exception here is JS's own bug: it stays pending, and the callback
  // scope reports it as uncaught when it closes.
  napi_value ignored;
  napi_call_function(env_, self, waiter_settle_.Value(), 1, &value, &ignored);
}

void EnvState::WarnLeak(int fd) {
  if (leak_warning_.IsEmpty() || tearing_down_) return;
  napi_value arg;
  napi_value ignored;
  if (napi_create_int32(env_, fd, &arg) != napi_ok) return;
  // A finalizer must not leave an exception behind.
  if (napi_call_function(env_, env_.Undefined(), leak_warning_.Value(), 1, &arg, &ignored) != napi_ok) {
    napi_value error;
    napi_get_and_clear_last_exception(env_, &error);
  }
}

bool EnvState::WriteSender(const sockaddr_storage& address, socklen_t len) {
  uint8_t* slot = nullptr;
  size_t size = 0;
  // Found again each time: JS could have detached it since.
  if (sender_slot_.IsEmpty() || !ViewBytes(sender_slot_.Value(), &slot, &size) ||
      size < sizeof(address) + sizeof(uint32_t)) {
    return false;
  }
  uint32_t used = len < sizeof(address) ? len : sizeof(address);
  std::memcpy(slot, &address, used);
  std::memcpy(slot + sizeof(address), &used, sizeof(used));
  return true;
}

void EnvState::Init(Napi::Env env, Napi::Object exports) {
  env.SetInstanceData<EnvState>(new EnvState(env));
  exports.Set("setWaiterSettle", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    if (!info[0].IsFunction()) throw Napi::TypeError::New(info.Env(), "setWaiterSettle needs a function");
    Of(info.Env())->waiter_settle_ = Napi::Persistent(info[0].As<Napi::Function>());
  }, "setWaiterSettle"));
  exports.Set("setLeakWarning", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    if (!info[0].IsFunction()) throw Napi::TypeError::New(info.Env(), "setLeakWarning needs a function");
    Of(info.Env())->leak_warning_ = Napi::Persistent(info[0].As<Napi::Function>());
  }, "setLeakWarning"));
  exports.Set("setSenderSlot", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    uint8_t* data = nullptr;
    size_t size = 0;
    if (!info[0].IsTypedArray() || !ViewBytes(info[0], &data, &size) ||
        size < sizeof(sockaddr_storage) + sizeof(uint32_t)) {
      throw Napi::TypeError::New(info.Env(), "setSenderSlot needs a Uint8Array of sizeof(sockaddr_storage) + 4 bytes");
    }
    Of(info.Env())->sender_slot_ = Napi::Persistent(info[0]);
  }, "setSenderSlot"));
  exports.Set("claimFds", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    if (!info[0].IsArray()) throw Napi::TypeError::New(info.Env(), "claimFds needs an array of fds");
    Napi::Array fds = info[0].As<Napi::Array>();
    for (uint32_t i = 0; i < fds.Length(); ++i) Of(info.Env())->Claim(fds.Get(i).As<Napi::Number>().Int32Value());
  }, "claimFds"));
  exports.Set("closeAll", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    Of(info.Env())->CloseAll();
  }, "closeAll"));
}

uint32_t EnvState::Register(SocketHandle* handle) {
  if (free_slots_.empty()) {
    handles_.push_back(handle);
    return static_cast<uint32_t>(handles_.size() - 1);
  }
  uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  handles_[slot] = handle;
  return slot;
}

void EnvState::Forget(uint32_t slot) {
  handles_[slot] = nullptr;
  free_slots_.push_back(slot);
}

void EnvState::CloseAll() {
  // By index: the table may grow meanwhile. Close() is idempotent, a no-op
  // on a handle whose fd is closed or detached.
  for (size_t i = 0; i < handles_.size(); ++i) {
    if (handles_[i] != nullptr) handles_[i]->Close();
  }
}

void EnvState::Claim(int fd) {
  // The newest first: JS claims an fd in the same turn it was handed over.
  for (size_t i = unclaimed_.size(); i-- > 0;) {
    if (unclaimed_[i] == fd) {
      unclaimed_.erase(unclaimed_.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

void EnvState::OnTeardown(napi_async_cleanup_hook_handle, void* data) {
  auto* self = static_cast<EnvState*>(data);
  self->tearing_down_ = true;
  self->CloseAll();
  for (int fd : self->unclaimed_) core::CloseFd(fd);
  self->unclaimed_.clear();
  // With nothing in flight, EndBusy finishes the hook now; otherwise the
  // last op or poll handle to come back does.
  self->BeginBusy();
  self->EndBusy();
}

void EnvState::EndBusy() {
  if (--busy_ == 0 && tearing_down_ && cleanup_hook_ != nullptr) {
    napi_async_cleanup_hook_handle hook = cleanup_hook_;
    cleanup_hook_ = nullptr;
    napi_remove_async_cleanup_hook(hook);
  }
}

}  // namespace bsd
