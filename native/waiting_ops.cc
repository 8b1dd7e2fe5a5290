// The binding's waiting syscalls: one table of ops (op_traits.h), each
// registered in its forms by op_table.h, and the few forms written by hand
// because they run once per message and were measured:
//
//   send, recv             the calling-thread forms, raw napi_callbacks: a
//                          call that does not wait is the syscall and
//                          nothing else (js_args.h raw::)
//   recvOnLoopForWaiter    recv's wait for the socket's waiter (JS makes the
//                          promise; EventLoopOp::StartForWaiter)
//   recvfromNow,           recvfrom's attempt and wait for the hot path, as
//   recvfromOnLoopForWaiter  recv's, the sender left in the environment's
//                          sender slot (EnvState::WriteSender), not returned
//                          as an object made here per datagram
//
// Results cross as numbers (-errno or a core/status.h status on failure);
// the TS layer builds errors.
#include "waiting_ops.h"

#include <sys/socket.h>

#include <cerrno>

#include "core/op_runner.h"
#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "env_state.h"
#include "event_loop_op.h"
#include "js_args.h"
#include "op_table.h"
#include "op_traits.h"
#include "socket_handle.h"

namespace bsd {

namespace {

// The arguments of the raw send and recv: (fd, view, offset, length,
// flags[, timeout]); false with an exception pending. No timeout is 0: the
// calls made once per message leave it out, one conversion fewer.
struct DataCallArgs {
  int32_t fd;
  Bytes bytes;
  int32_t flags;
  double timeout;
};

bool ReadDataCallArgs(napi_env env, napi_callback_info cbinfo, DataCallArgs* out) {
  napi_value argv[6];
  size_t given = 0;
  out->timeout = 0;
  return raw::Args(env, cbinfo, argv, 6, &given) && raw::Int32(env, argv, 0, &out->fd) &&
         raw::BytesAt(env, argv, 1, &out->bytes) && raw::Int32(env, argv, 4, &out->flags) &&
         (given < 6 || raw::Number(env, argv, 5, &out->timeout));
}

// A wait on the calling thread, for a call that has a timeout.
template <typename Op>
ssize_t RunNow(Op& op, double timeout_ms) {
  return core::RunOp(op, true, -1, core::DeadlineAfterMs(timeout_ms));
}

// send(fd, view, offset, length, flags[, timeout]), SendTraits' calling-thread form.
napi_value Send(napi_env env, napi_callback_info cbinfo) {
  DataCallArgs a;
  if (!ReadDataCallArgs(env, cbinfo, &a)) return nullptr;
  if (a.timeout == 0) return raw::Result(env, core::Send(a.fd, a.bytes.data, a.bytes.len, a.flags));
  core::SendOp op;
  op.fd = a.fd;
  op.data = a.bytes.data;
  op.len = a.bytes.len;
  op.flags = a.flags;
  op.blocking = true;
  return raw::Result(env, RunNow(op, a.timeout));
}

// recv(fd, view, offset, length, flags[, timeout]), RecvTraits' calling-thread form.
napi_value Recv(napi_env env, napi_callback_info cbinfo) {
  DataCallArgs a;
  if (!ReadDataCallArgs(env, cbinfo, &a)) return nullptr;
  if (a.timeout == 0) return raw::Result(env, core::Recv(a.fd, a.bytes.data, a.bytes.len, a.flags));
  core::RecvOp op;
  op.fd = a.fd;
  op.data = a.bytes.data;
  op.len = a.bytes.len;
  op.flags = a.flags;
  op.waitall = (a.flags & MSG_WAITALL) != 0;
  return raw::Result(env, RunNow(op, a.timeout));
}

// recvfrom(2) into `data`, the sender left in the environment's sender slot
// (-EFAULT if JS detached the slot): recvfrom's hot path, at once or waiting.
ssize_t RecvFromToSlot(EnvState* state, int fd, uint8_t* data, size_t len, int flags) {
  sockaddr_storage address;
  socklen_t address_len = 0;
  ssize_t r = core::RecvFrom(fd, data, len, flags, &address, &address_len);
  if (r >= 0 && !state->WriteSender(address, address_len)) r = -EFAULT;
  return r;
}

// recvfrom(fd, view, offset, length, flags): the count or -errno, the sender
// in the sender slot. Raw as recv is: the hot path's recvfrom calls it once
// per datagram.
napi_value RecvFromNow(napi_env env, napi_callback_info cbinfo) {
  DataCallArgs a;
  if (!ReadDataCallArgs(env, cbinfo, &a)) return nullptr;
  return raw::Result(env, RecvFromToSlot(EnvState::Of(env), a.fd, a.bytes.data, a.bytes.len, a.flags));
}

// recv (recvfrom with `want_address`) waiting for the socket's waiter: the
// hot path's wait, which every idle connection of a server holds, so it
// keeps only what it needs, 96 bytes, where an EventLoopOpOf<RecvOp> takes
// 336 (a sockaddr_storage and a staging area this wait never uses).
// recvfrom's sender goes to the sender slot as it is received: the op
// settles right after its successful attempt, and JS reads the slot then.
class WaiterRecvOp final : public EventLoopOp {
 public:
  WaiterRecvOp(SocketHandle* handle, PinnedView view, int flags, bool want_address)
      : EventLoopOp(POLLIN), view_(std::move(view)), state_(handle->env_state()), fd_(handle->fd()),
        flags_(flags), want_address_(want_address) {}

  ssize_t Retry() override {
    uint8_t* data = nullptr;
    if (!view_.Resolve(&data)) return -EFAULT;
    return want_address_ ? RecvFromToSlot(state_, fd_, data, view_.len(), flags_)
                         : core::Recv(fd_, data, view_.len(), flags_);
  }
  // What a plain recv returns when woken: nothing was received.
  ssize_t Stopped(ssize_t status) override { return status; }

 private:
  Napi::Value ToJS(Napi::Env env, ssize_t result) override { return Napi::Number::New(env, static_cast<double>(result)); }

  PinnedView view_;
  EnvState* state_;
  int fd_;
  int flags_;
  bool want_address_;
};

// recv (or recvfrom, `want_address`) on the loop for the socket's waiter:
// (handle, view, offset, length, flags); undefined once it waits (see
// EventLoopOp::StartForWaiter). Raw as send is: the hot path calls it once
// per message that waits.
napi_value StartRecvForWaiter(napi_env env, napi_callback_info cbinfo, bool want_address) {
  napi_value argv[5];
  Bytes bytes;
  int32_t flags;
  if (!raw::Args(env, cbinfo, argv, 5) || !raw::BytesAt(env, argv, 1, &bytes, false) ||
      !raw::Int32(env, argv, 4, &flags)) {
    return nullptr;
  }
  try {
    SocketHandle* handle = SocketHandle::From(Napi::Value(env, argv[0]));
    auto* waiting = new WaiterRecvOp(handle, PinnedView(Napi::Value(env, argv[1]), bytes), flags, want_address);
    return waiting->StartForWaiter(env, handle);
  } catch (const Napi::Error& error) {
    error.ThrowAsJavaScriptException();
    return nullptr;
  }
}

napi_value RecvOnLoopForWaiter(napi_env env, napi_callback_info cbinfo) {
  return StartRecvForWaiter(env, cbinfo, false);
}

napi_value RecvFromOnLoopForWaiter(napi_env env, napi_callback_info cbinfo) {
  return StartRecvForWaiter(env, cbinfo, true);
}

void DefineRaw(Napi::Env env, Napi::Object exports, const char* name, napi_callback fn) {
  napi_value value;
  NAPI_THROW_IF_FAILED_VOID(env, napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, nullptr, &value));
  exports.Set(name, Napi::Value(env, value));
}

}  // namespace

void InitWaitingOps(Napi::Env env, Napi::Object exports) {
  // The table: each op once, in the forms it has.
  Register<ConnectTraits>(env, exports);
  Register<AcceptTraits>(env, exports);
  Register<SendTraits>(env, exports, kOnWorker | kOnLoop);
  Register<SendAllTraits>(env, exports, kOnLoop);
  Register<SendToTraits>(env, exports);
  Register<RecvTraits>(env, exports, kOnWorker | kOnLoop);
  Register<RecvFromTraits>(env, exports);
  Register<SendMsgTraits>(env, exports);
  Register<RecvMsgTraits>(env, exports);
  Register<RecvBatchTraits>(env, exports);
  Register<SendBatchTraits>(env, exports);
  Register<SendFileTraits>(env, exports);
  // The hand-written forms, as plain napi_callbacks (js_args.h).
  DefineRaw(env, exports, "send", Send);
  DefineRaw(env, exports, "recv", Recv);
  DefineRaw(env, exports, "recvOnLoopForWaiter", RecvOnLoopForWaiter);
  DefineRaw(env, exports, "recvfromNow", RecvFromNow);
  DefineRaw(env, exports, "recvfromOnLoopForWaiter", RecvFromOnLoopForWaiter);
}

}  // namespace bsd
