// Readiness on the event loop, for non-blocking sockets: one uv_poll_t per
// socket on the environment's loop, and the operations waiting on it.
//
// Interest stays armed after the ops it was armed for have settled: the next
// op on a busy socket (the recv after a recv) then costs no epoll_ctl. A
// readiness that nobody waits for disarms it (at most one idle wakeup), and
// the handle is unref'd while no op waits, so an idle socket neither spins
// the loop nor keeps the process alive.
#pragma once

#include <napi.h>
#include <uv.h>

#include <vector>

namespace bsd {

class EnvState;
class EventLoopOp;
class SocketHandle;

class ReadinessWatcher {
 public:
  explicit ReadinessWatcher(SocketHandle* owner);
  // uv_poll_init on the owner's fd; 0 or a negative errno.
  int Start();

  // Takes `op`: it is attempted again on each readiness it waits for, and
  // settled and deleted once it no longer would block.
  void Add(EventLoopOp* op);
  // Ends the op registered with `cancel_id` (non-zero) as cancelled.
  bool Cancel(int cancel_id);
  // Settles every op as closed and frees the watcher once libuv is done.
  void Close();

 private:
  static void OnReady(uv_poll_t* poll, int status, int events);
  void Finish(EventLoopOp* op, ssize_t result);
  void FinishAll(ssize_t result);
  // The UV_READABLE / UV_WRITABLE interest the waiting ops need.
  int Wanted() const;
  void Arm(int events);

  SocketHandle* owner_;
  // Kept for the close callback, which may run after the owner is gone.
  EnvState* owner_state_ = nullptr;
  uv_poll_t poll_;
  std::vector<EventLoopOp*> ops_;
  int armed_ = 0;
};

}  // namespace bsd
