// The native side of one socket: its fd, the operations in flight on it, and
// the rule that the fd is closed only once none of them still uses it.
#pragma once

#include <napi.h>

#include <unordered_set>

namespace bsd {

class EnvState;
class ReadinessWatcher;

// An operation waiting on a threadpool worker. The worker polls the socket
// and `wake_fd`; the main thread signals `wake_fd` to end the wait.
struct WakeableOp {
  int wake_fd = -1;
  int cancel_id = 0;
  bool cancelled = false;
};

// JS holds a handle as an External (opaque, typeof 'object') made by
// binding.socketHandle(fd); its finalizer is the leak backstop. Not an
// ObjectWrap: unwrapping one looks up two private symbols (the wrap and the
// type tag), about 1,800 instructions, on every operation that waits; an
// External's pointer is one call away, checked against the environment's
// live handles before use.
class SocketHandle {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  // A new handle owning `fd`, as its JS External; `waiter` (an object, or
  // undefined) is what ops started with a waiter settle.
  static Napi::Value Wrap(Napi::Env env, int fd, Napi::Value waiter);
  // The handle behind a JS value; throws a TypeError for anything else.
  static SocketHandle* From(Napi::Value value);

  ~SocketHandle();
  SocketHandle(const SocketHandle&) = delete;
  SocketHandle& operator=(const SocketHandle&) = delete;

  int fd() const { return fd_; }
  bool closed() const { return closed_; }
  EnvState* env_state() const { return env_state_; }
  // The socket's waiter (socketHandle's second argument), or nullptr.
  napi_ref waiter() const { return waiter_; }

  // Idempotent. Wakes every pending operation; they settle as closed.
  void Close();
  // Close() without closing the fd; returns it (or -1 once closed).
  int Detach();

  void BeginOp(WakeableOp* op);
  void EndOp(WakeableOp* op);
  // Ends the one pending wait registered with `cancel_id` (non-zero).
  bool Cancel(int cancel_id);

  // The event-loop watcher, made on first use; nullptr and `*error` on failure.
  ReadinessWatcher* Watcher(int* error);
  void WatcherClosed() { watcher_ = nullptr; }

  // While anything holds a reference (a pending operation, a receiver), the
  // JS handle is not collected.
  void Ref();
  void Unref();

 private:
  SocketHandle(EnvState* env_state, int fd) : env_state_(env_state), fd_(fd) {}
  static void Finalize(napi_env env, void* data, void* hint);
  void ReleaseFd();

  napi_ref self_ = nullptr;  // weak until Ref()
  napi_ref waiter_ = nullptr;

  EnvState* env_state_;
  int fd_ = -1;
  bool closed_ = false;
  bool detached_ = false;
  std::unordered_set<WakeableOp*> ops_;
  ReadinessWatcher* watcher_ = nullptr;
};

}  // namespace bsd
