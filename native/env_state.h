// What the addon keeps per Node environment (main thread or Worker): the
// sockets open in it, and its teardown. Never global: each Worker has its own.
#pragma once

#include <napi.h>
#include <sys/socket.h>
#include <uv.h>

#include <unordered_set>

namespace bsd {

class SocketHandle;

class EnvState {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  static EnvState* Of(Napi::Env env) { return env.GetInstanceData<EnvState>(); }

  explicit EnvState(Napi::Env env);
  ~EnvState();

  Napi::Env env() const { return env_; }
  uv_loop_t* loop() const { return loop_; }
  // Opens the scope a libuv callback calls JS in (wrap it in a
  // Napi::CallbackScope); it runs the microtasks when it closes. The resource
  // object is made once: Napi::CallbackScope(env, context) makes a new one on
  // every call, about 340 instructions per readiness event.
  napi_callback_scope OpenCallbackScope();

  // Calls the function JS registered with setWaiterSettle(fn) as
  // fn.call(waiter, value): how an op started with a waiter settles
  // (event_loop_op.h), which checked at its start that there is one.
  void SettleWaiter(napi_ref waiter, napi_value value);
  bool HasWaiterSettle() const { return !waiter_settle_.IsEmpty(); }

  // The sender slot (setSenderSlot): a JS Uint8Array of
  // sizeof(sockaddr_storage) + 4 bytes where the hot recvfrom paths leave the
  // sender, its length in the last 4 (native order). JS reads it at once
  // (the call's return, the waiter's settle) and decodes it only when it
  // differs from the last sender, not an object built here per datagram.
  // False if there is no slot or it is no longer whole.
  bool WriteSender(const sockaddr_storage& address, socklen_t len);
  // True once the environment is going away: completions must not call JS.
  bool tearing_down() const { return tearing_down_; }

  // A handle is registered when made, unregistered once its fd is released
  // (CloseAll skips it then), and forgotten when deleted.
  void Register(SocketHandle* handle) {
    open_.insert(handle);
    live_.insert(handle);
  }
  void Unregister(SocketHandle* handle) { open_.erase(handle); }
  void Forget(SocketHandle* handle) {
    open_.erase(handle);
    live_.erase(handle);
  }
  // Whether `handle` is one of this environment's, not yet deleted.
  bool Owns(SocketHandle* handle) const { return live_.count(handle) != 0; }

  // Work that must end before the environment may finish its teardown:
  // threadpool operations in flight and poll handles being closed.
  void BeginBusy() { ++busy_; }
  void EndBusy();

  // Closes every open socket of this environment, waking all pending waits.
  void CloseAll();

 private:
  static void OnTeardown(napi_async_cleanup_hook_handle hook, void* data);

  Napi::Env env_;
  uv_loop_t* loop_ = nullptr;
  napi_async_context async_context_ = nullptr;
  Napi::ObjectReference resource_;  // the async resource of our callbacks
  Napi::FunctionReference waiter_settle_;
  Napi::Reference<Napi::Value> sender_slot_;
  napi_async_cleanup_hook_handle cleanup_hook_ = nullptr;
  std::unordered_set<SocketHandle*> open_;
  std::unordered_set<SocketHandle*> live_;
  int busy_ = 0;
  bool tearing_down_ = false;
};

}  // namespace bsd
