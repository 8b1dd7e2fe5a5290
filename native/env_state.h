// What the addon keeps per Node environment (main thread or Worker): the
// sockets open in it, and its teardown. Never global: each Worker has its own.
#pragma once

#include <napi.h>
#include <sys/socket.h>
#include <uv.h>

#include <cstdint>
#include <vector>

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
  // Calls the function JS registered with setLeakWarning(fn) as fn(fd): a
  // handle collected while its socket was open (SocketHandle::Finalize).
  void WarnLeak(int fd);

  // The sender slot (setSenderSlot): a JS Uint8Array of
  // sizeof(sockaddr_storage) + 4 bytes where the hot recvfrom paths leave the
  // sender, its length in the last 4 (native order). JS reads it at once
  // (the call's return, the waiter's settle) and decodes it only when it
  // differs from the last sender, not an object built here per datagram.
  // False if there is no slot or it is no longer whole.
  bool WriteSender(const sockaddr_storage& address, socklen_t len);
  // True once the environment is going away: completions must not call JS.
  bool tearing_down() const { return tearing_down_; }

  // The environment's handles, each in a slot of one table from when it is
  // made until it is deleted. JS holds a handle as an External whose value
  // is its slot, not its address (SocketHandle::From): finding it again is a
  // bounds check and one load, and an External made elsewhere can never be
  // taken for a pointer. (A hash set of addresses cost a cache miss or two
  // per call: at 1,000 connections the lookup was the costliest user-space
  // step of an echo, and its nodes 100 bytes per socket.)
  uint32_t Register(SocketHandle* handle);
  void Forget(uint32_t slot);
  // The live handle in `slot`, or nullptr.
  SocketHandle* At(uint32_t slot) const { return slot < handles_.size() ? handles_[slot] : nullptr; }

  // Work that must end before the environment may finish its teardown:
  // threadpool operations in flight and poll handles being closed.
  void BeginBusy() { ++busy_; }
  void EndBusy();

  // Closes every open socket of this environment, waking all pending waits.
  void CloseAll();

  // New fds on their way to JS (from socket, socketpair, dup, accept4 and
  // recvmsg's SCM_RIGHTS), which owns one only once it has made its handle
  // (SocketHandle::Wrap claims it) or put it in the Message it returns
  // (claimFds). A Worker terminated in between (JS stops at any
  // instruction) would leak the fd: teardown closes every fd handed over
  // and never claimed. At most a few at a time.
  void HandOver(int fd) { unclaimed_.push_back(fd); }
  void Claim(int fd);

 private:
  static void OnTeardown(napi_async_cleanup_hook_handle hook, void* data);

  Napi::Env env_;
  uv_loop_t* loop_ = nullptr;
  napi_async_context async_context_ = nullptr;
  Napi::ObjectReference resource_;  // the async resource of our callbacks
  Napi::FunctionReference waiter_settle_;
  Napi::FunctionReference leak_warning_;
  Napi::Reference<Napi::Value> sender_slot_;
  napi_async_cleanup_hook_handle cleanup_hook_ = nullptr;
  std::vector<SocketHandle*> handles_;  // nullptr: a free slot
  std::vector<uint32_t> free_slots_;
  std::vector<int> unclaimed_;
  int busy_ = 0;
  bool tearing_down_ = false;
};

}  // namespace bsd
