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

class SocketHandle : public Napi::ObjectWrap<SocketHandle> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  // The handle behind a JS value; throws a TypeError for anything else.
  static SocketHandle* From(Napi::Value value);

  explicit SocketHandle(const Napi::CallbackInfo& info);
  ~SocketHandle() override;

  int fd() const { return fd_; }
  bool closed() const { return closed_; }
  EnvState* env_state() const { return env_state_; }

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

 private:
  void ReleaseFd();

  EnvState* env_state_;
  int fd_ = -1;
  bool closed_ = false;
  bool detached_ = false;
  std::unordered_set<WakeableOp*> ops_;
  ReadinessWatcher* watcher_ = nullptr;
};

}  // namespace bsd
