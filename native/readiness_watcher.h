// Waiting for readiness on the event loop, for non-blocking sockets: one
// uv_poll_t per socket on the environment's loop, no thread held while idle.
#pragma once

#include <napi.h>
#include <uv.h>

#include <vector>

namespace bsd {

class EnvState;
class SocketHandle;

class ReadinessWatcher {
 public:
  explicit ReadinessWatcher(SocketHandle* owner);
  // uv_poll_init on the owner's fd; 0 or a negative errno.
  int Start();

  // A promise that settles with 0 when the socket may be ready for `events`
  // (POLLIN / POLLOUT), or with a status (kStatusClosed, kStatusCancelled,
  // -errno). The caller retries its syscall either way.
  Napi::Value Wait(Napi::Env env, short events, int cancel_id);
  bool Cancel(int cancel_id);
  // Settles every waiter as closed and frees the watcher once libuv is done.
  void Close();

 private:
  struct Waiter {
    short events;
    int cancel_id;
    napi_deferred deferred;
  };

  static void OnReady(uv_poll_t* poll, int status, int events);
  void Settle(const Waiter& waiter, int status);
  void UpdateInterest();

  SocketHandle* owner_;
  // Kept for the close callback, which may run after the owner is gone.
  EnvState* owner_state_ = nullptr;
  uv_poll_t poll_;
  std::vector<Waiter> waiters_;
  int interest_ = 0;
};

}  // namespace bsd
