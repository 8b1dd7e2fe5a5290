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

// recvfrom(fd, view, offset, length, flags): the count or -errno, the sender
// in the sender slot. Raw as recv is: the hot path's recvfrom calls it once
// per datagram.
napi_value RecvFromNow(napi_env env, napi_callback_info cbinfo) {
  DataCallArgs a;
  if (!ReadDataCallArgs(env, cbinfo, &a)) return nullptr;
  sockaddr_storage address;
  socklen_t address_len = 0;
  ssize_t r = core::RecvFrom(a.fd, a.bytes.data, a.bytes.len, a.flags, &address, &address_len);
  if (r >= 0 && !EnvState::Of(env)->WriteSender(address, address_len)) r = -EFAULT;
  return raw::Result(env, r);
}

// The result of recvfromOnLoopForWaiter's op: the count, once the sender is in the slot.
Napi::Value SenderToSlot(Napi::Env env, const core::RecvOp& op, ssize_t r) {
  if (!EnvState::Of(env)->WriteSender(op.address, op.address_len)) r = -EFAULT;
  return Napi::Number::New(env, static_cast<double>(r));
}

// recv (or recvfrom, `want_address`) on the loop for the socket's waiter:
// (handle, view, offset, length, flags); undefined once it waits (see
// EventLoopOp::StartForWaiter). Raw as send is: the hot path calls it once
// per message that waits.
napi_value StartRecvForWaiter(napi_env env, napi_callback_info cbinfo, bool want_address) {
  napi_value argv[5];
  core::RecvOp op;
  Bytes bytes;
  if (!raw::Args(env, cbinfo, argv, 5) || !raw::BytesAt(env, argv, 1, &bytes, false) ||
      !raw::Int32(env, argv, 4, &op.flags)) {
    return nullptr;
  }
  try {
    SocketHandle* handle = SocketHandle::From(Napi::Value(env, argv[0]));
    op.fd = handle->fd();
    op.len = bytes.len;
    op.want_address = want_address;
    OpResult<core::RecvOp> result{want_address ? SenderToSlot : nullptr, nullptr};
    auto* waiting = new EventLoopOpOf<core::RecvOp>(op, PinnedView(Napi::Value(env, argv[1]), bytes), {}, result);
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
