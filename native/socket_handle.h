// The native side of one socket: its fd, its state (core::FdLifetime: open,
// closing, closed, detached), the one count of work in flight on it (pool
// waits, event-loop ops, the receiver) and the rule that the fd is closed
// only once none of that work still uses it.
#pragma once

#include <napi.h>

#include <cstdint>

#include "core/fd_lifetime.h"

namespace bsd {

class EnvState;
class ReadinessWatcher;

// JS holds a handle as an External (opaque, typeof 'object') made by
// binding.socketHandle(fd); its finalizer is the leak backstop. Not an
// ObjectWrap: unwrapping one looks up two private symbols (the wrap and the
// type tag), about 1,800 instructions, on every operation that waits; an
// External's value is one call away: the handle's slot in the environment's
// table (EnvState::Register), looked up there before use.
class SocketHandle {
 public:
  // socketHandle, close, detach and cancel.
  static void Init(Napi::Env env, Napi::Object exports);
  // A new handle owning `fd`, as its JS External; `waiter` (an object, or
  // undefined) is what ops started with a waiter settle.
  static Napi::Value Wrap(Napi::Env env, int fd, Napi::Value waiter);
  // The handle behind a JS value; throws a TypeError for anything else.
  static SocketHandle* From(Napi::Value value);

  ~SocketHandle();
  SocketHandle(const SocketHandle&) = delete;
  SocketHandle& operator=(const SocketHandle&) = delete;

  int fd() const { return lifetime_.fd(); }
  bool closed() const { return lifetime_.closed(); }
  core::FdLifetime::State state() const { return lifetime_.state(); }
  EnvState* env_state() const { return env_state_; }
  // The socket's waiter (socketHandle's second argument), or nullptr.
  napi_ref waiter() const { return waiter_; }

  // Idempotent. Wakes every pending operation; they settle as closed.
  void Close();
  // Close() without closing the fd; returns it (or -1 once closed).
  int Detach();

  // Work in flight on the fd; close(2) waits for the last of it to end, and
  // the JS handle is not collected meanwhile. `op`: a wait on a pool thread,
  // which Close and Cancel wake; without one, work its owner ends on close
  // (an event-loop op or the receiver, which the watcher settles).
  void BeginWork(core::WakeableOp* op = nullptr);
  void EndWork(core::WakeableOp* op = nullptr);
  // Ends the one pending wait registered with `cancel_id` (non-zero), which
  // settles with `status` (kStatusCancelled or kStatusTimedOut).
  bool Cancel(int cancel_id, int status);

  // The event-loop watcher, made on first use; nullptr and `*error` on failure.
  ReadinessWatcher* Watcher(int* error);
  void WatcherClosed() { watcher_ = nullptr; }

 private:
  // Held strongly while work is in flight (BeginWork / EndWork), weak otherwise.
  void Ref();
  void Unref();

  SocketHandle(EnvState* env_state, int fd) : env_state_(env_state), lifetime_(fd) {}
  static void Finalize(napi_env env, void* data, void* hint);
  void CloseAs(bool detach);

  napi_ref self_ = nullptr;  // weak until Ref()
  uint32_t slot_ = 0;        // in the environment's table
  napi_ref waiter_ = nullptr;

  EnvState* env_state_;
  core::FdLifetime lifetime_;
  ReadinessWatcher* watcher_ = nullptr;
};

}  // namespace bsd
