// Readiness on the event loop, for non-blocking sockets: one uv_poll_t per
// socket on the environment's loop, and the operations waiting on it.
//
// Interest stays armed after the ops it was armed for have settled: the next
// op on a busy socket (the recv after a recv) then costs no epoll_ctl. A
// readiness that nobody waits for disarms it (at most one idle wakeup), and
// the handle is unref'd while no op waits, so an idle socket neither spins
// the loop nor keeps the process alive.
//
// Besides the one-shot ops, a socket may have one Receiver (receiver.h),
// which stays until stopped: after the ops, it drains the socket on each
// readable event. Its callbacks run JS in the middle of OnReady, which may
// close the socket or stop the receiver; both are checked after each call.
#pragma once

#include <napi.h>
#include <uv.h>

#include <vector>

namespace bsd {

class EnvState;
class EventLoopOp;
class Receiver;
class SocketHandle;

class ReadinessWatcher {
 public:
  explicit ReadinessWatcher(SocketHandle* owner);
  // uv_poll_init on the owner's fd; 0 or a negative errno.
  int Start();

  // Takes `op`: it is attempted again on each readiness it waits for, and
  // settled and deleted once it no longer would block.
  void Add(EventLoopOp* op);
  // Ends the op registered with `cancel_id` (non-zero) with `status`
  // (kStatusCancelled, or kStatusTimedOut: what it moved so far is kept).
  bool Cancel(int cancel_id, int status);
  // Takes `receiver` and starts reading for it; -EBUSY (and deletes it) if
  // the socket has one already.
  int SetReceiver(Receiver* receiver);
  // Ends the receiver, if any, without calling it.
  void StopReceiver();
  bool has_receiver() const { return receiver_ != nullptr; }
  // Settles every op as closed and frees the watcher once libuv is done.
  void Close();

 private:
  static void OnReady(uv_poll_t* poll, int status, int events);
  void Finish(EventLoopOp* op, ssize_t result);
  void FinishAll(ssize_t result);
  // Receives for the receiver until the socket would block or its budget
  // is spent; ends it on an error or a stream's end.
  void Drain(napi_env env);
  // Refs the poll handle (keeps the loop alive) while an op or a receiver waits.
  void UpdateRef();
  // The UV_READABLE / UV_WRITABLE interest the waiting ops need.
  int Wanted() const;
  // 0, or the error, which has ended every op.
  int Arm(int events);

  SocketHandle* owner_;
  // Kept for the close callback, which may run after the owner is gone.
  EnvState* owner_state_ = nullptr;
  uv_poll_t poll_;
  std::vector<EventLoopOp*> ops_;
  // The ops being retried on a readiness event; a member so that its storage
  // is reused from one event to the next rather than allocated for each.
  std::vector<EventLoopOp*> retrying_;
  Receiver* receiver_ = nullptr;
  // The receiver whose callback is running: deleted by Drain, not by StopReceiver.
  Receiver* draining_ = nullptr;
  int armed_ = 0;
  bool refed_ = false;
  bool closed_ = false;
};

}  // namespace bsd
