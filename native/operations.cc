// The flat binding: one function per syscall. Results cross as numbers
// (-errno or a core/status.h status on failure); the TS layer builds errors.
//
// Synchronous forms take the fd first and a timeout last (0: do not wait, as
// a non-blocking socket; < 0: wait for ever). The other forms take the
// SocketHandle first: ...OnWorker runs a blocking socket's call on a
// threadpool worker, ...OnLoop waits for a non-blocking socket's readiness on
// the event loop and makes the call again there.
#include "operations.h"

#include <poll.h>

#include <cstring>
#include <string>

#include "ancillary_js.h"
#include "core/cmsg_codec.h"
#include "core/message_batch.h"
#include "core/op_runner.h"
#include "core/posix_socket.h"
#include "core/socket_ops.h"
#include "event_loop_op.h"
#include "js_args.h"
#include "readiness_watcher.h"
#include "receiver.h"
#include "sockaddr_js.h"
#include "socket_handle.h"
#include "threadpool_op.h"

namespace bsd {

namespace {

using Info = Napi::CallbackInfo;

Napi::Value Num(Napi::Env env, double value) { return Napi::Number::New(env, value); }

Napi::Value PairOf(Napi::Env env, Napi::Value first, Napi::Value second) {
  Napi::Array pair = Napi::Array::New(env, 2);
  pair.Set(uint32_t{0}, first);
  pair.Set(uint32_t{1}, second);
  return pair;
}

// Synchronously runs an op as the socket's mode says; returns its JS result.
template <typename Op>
ssize_t RunNowResult(Op& op, double timeout_ms) {
  bool may_wait = timeout_ms != 0;
  // No clock read for a call that will not wait: this is the hot path.
  int64_t deadline = may_wait ? core::DeadlineAfterMs(timeout_ms) : core::kNoDeadline;
  return core::RunOp(op, may_wait, -1, deadline);
}

template <typename Op>
Napi::Value RunNow(Napi::Env env, Op& op, double timeout_ms,
                   Napi::Value (*to_js)(Napi::Env, const Op&, ssize_t)) {
  ssize_t r = RunNowResult(op, timeout_ms);
  if (r < 0 || to_js == nullptr) return Num(env, static_cast<double>(r));
  return to_js(env, op, r);
}

template <typename Op>
Napi::Value RunOnThreadpool(const Info& info, SocketHandle* handle, const Op& op,
                            size_t timeout_arg,
                            Napi::Value (*to_js)(Napi::Env, const Op&, ssize_t),
                            Staging staging = {},
                            void (*discard)(const Op&, ssize_t) = nullptr) {
  return RunBlocking(info.Env(), handle, op, OpResult<Op>{to_js, discard}, std::move(staging),
                     NumberArg(info, timeout_arg), Int32Arg(info, timeout_arg + 1));
}

template <typename Op>
Napi::Value RunOnLoop(const Info& info, SocketHandle* handle, const Op& op, size_t cancel_arg,
                      Napi::Value (*to_js)(Napi::Env, const Op&, ssize_t),
                      PinnedView view = {}, Staging staging = {},
                      void (*discard)(const Op&, ssize_t) = nullptr) {
  auto* waiting = new EventLoopOpOf<Op>(op, std::move(view), std::move(staging), OpResult<Op>{to_js, discard});
  return waiting->Start(info.Env(), handle, Int32Arg(info, cancel_arg));
}

// The caller's view at info[1..3], pinned for an op on the loop.
PinnedView PinArgs(const Info& info) {
  return PinnedView(info[1], BytesArg(info, 1, false));
}

// The caller's bytes at info[1..3], staged for a worker; points the op at them.
template <typename Op>
Staging StageArgs(const Info& info, Staging::Direction direction, Op* op) {
  Staging staging = Staging::Of(direction, info[1], BytesArg(info, 1));
  op->data = staging.data.get();
  return staging;
}

// --- building results -------------------------------------------------------

Napi::Value RecvFromToJS(Napi::Env env, const core::RecvOp& op, ssize_t r) {
  return PairOf(env, Num(env, static_cast<double>(r)),
                AddressToJS(env, &op.address, op.address_len));
}

Napi::Value AcceptToJS(Napi::Env env, const core::AcceptOp& op, ssize_t r) {
  return PairOf(env, Num(env, static_cast<double>(r)),
                AddressToJS(env, &op.address, op.address_len));
}

void CloseAccepted(const core::AcceptOp&, ssize_t fd) {
  if (fd >= 0) core::CloseFd(static_cast<int>(fd));
}

// [bytes, ancillary, msg_flags, address or null]
Napi::Value RecvMsgToJS(Napi::Env env, const core::RecvMsgOp& op, ssize_t r) {
  Napi::Array out = Napi::Array::New(env, 4);
  out.Set(uint32_t{0}, Num(env, static_cast<double>(r)));
  out.Set(uint32_t{1}, ControlToJS(env, op.control.data(), op.control_len));
  out.Set(uint32_t{2}, Num(env, op.msg_flags));
  out.Set(uint32_t{3}, op.address_len == 0 ? env.Null()
                                           : AddressToJS(env, &op.address, op.address_len));
  return out;
}

void CloseReceivedRights(const core::RecvMsgOp& op, ssize_t r) {
  if (r >= 0) CloseReceivedFds(op.control.data(), op.control_len);
}

// --- reading arguments into ops ---------------------------------------------

// `*read`, if asked for, is where in the view the bytes are (so that an op on
// the loop pins them without reading the view a second time), not located:
// the op finds them before each attempt (BytesArg).
core::RecvOp RecvArgs(const Info& info, int fd, bool want_address, bool may_wait, Bytes* read = nullptr) {
  core::RecvOp op;
  Bytes bytes = BytesArg(info, 1, read == nullptr);
  if (read != nullptr) *read = bytes;
  op.fd = fd;
  op.data = bytes.data;
  op.len = bytes.len;
  op.flags = Int32Arg(info, 4);
  op.want_address = want_address;
  op.waitall = may_wait && (op.flags & MSG_WAITALL);
  return op;
}

// Returns 0, or -errno for an address that cannot be encoded.
int SendArgs(const Info& info, int fd, bool with_address, bool may_wait, core::SendOp* op,
             Bytes* read = nullptr) {
  Bytes bytes = BytesArg(info, 1, read == nullptr);
  if (read != nullptr) *read = bytes;
  op->fd = fd;
  op->data = bytes.data;
  op->len = bytes.len;
  op->flags = Int32Arg(info, 4);
  op->blocking = may_wait;
  if (!with_address) return 0;
  op->has_address = true;
  return AddressFromJS(info[5], &op->address, &op->address_len);
}

// sendmsg args: (fd|handle, views[], ancillary[], flags, address|null, ...).
// Returns 0 or -errno. With `staging`, the views are copied into it (for a
// worker) as one buffer: the same bytes, in one datagram or stream run.
int SendMsgArgs(const Info& info, int fd, bool may_wait, core::SendMsgOp* op, Staging* staging) {
  Napi::Env env = info.Env();
  if (!info[1].IsArray()) throw Napi::TypeError::New(env, "buffers must be an array");
  Napi::Array views = info[1].As<Napi::Array>();
  std::vector<Bytes> parts;
  for (uint32_t i = 0; i < views.Length(); ++i) {
    Bytes b{nullptr, 0, 0};
    if (!ViewBytes(views.Get(i), &b.data, &b.len)) {
      throw Napi::TypeError::New(env, "buffers must hold TypedArrays or DataViews");
    }
    parts.push_back(b);
  }
  op->fd = fd;
  op->flags = Int32Arg(info, 3);
  op->blocking = may_wait;
  int r = ControlFromJS(info[2], &op->control);
  if (r < 0) return r;
  if (!info[4].IsNull() && !info[4].IsUndefined()) {
    op->has_address = true;
    r = AddressFromJS(info[4], &op->address, &op->address_len);
    if (r < 0) return r;
  }
  if (staging == nullptr) {
    for (const Bytes& b : parts) op->iov.push_back({b.data, b.len});
    return 0;
  }
  *staging = Staging::Gather(parts);
  op->iov.push_back({staging->data.get(), staging->len});
  return 0;
}

// recvmsg args: (fd|handle, view, offset, length, controlLen, flags, ...).
core::RecvMsgOp RecvMsgArgs(const Info& info, int fd) {
  core::RecvMsgOp op;
  Bytes bytes = BytesArg(info, 1);
  op.fd = fd;
  op.data = bytes.data;
  op.len = bytes.len;
  double control = NumberArg(info, 4);
  if (!(control >= 0 && control <= 1 << 20)) throw Napi::RangeError::New(info.Env(), "ancillary size out of range");
  op.control.resize(static_cast<size_t>(control));
  op.flags = Int32Arg(info, 5);
  return op;
}

// batch args: (fd|handle, view, count, size, ...): the view must hold the
// whole MessageBatch layout, 8-aligned.
core::BatchLayout BatchArgs(const Info& info, Bytes* bytes) {
  Napi::Env env = info.Env();
  core::BatchLayout batch;
  int32_t count = Int32Arg(info, 2);
  int32_t size = Int32Arg(info, 3);
  if (count < 1 || count > 1024 || size < 0 || size > (1 << 20)) {
    throw Napi::RangeError::New(env, "batch count or size out of range");
  }
  uint8_t* data = nullptr;
  size_t len = 0;
  if (!ViewBytes(info[1], &data, &len)) throw Napi::TypeError::New(env, "batch memory must be a TypedArray");
  batch.count = static_cast<size_t>(count);
  batch.size = static_cast<size_t>(size);
  size_t needed = core::BatchLayout::Bytes(batch.count, batch.size);
  if (len < needed || (reinterpret_cast<uintptr_t>(data) & 7) != 0) {
    throw Napi::RangeError::New(env, "batch memory is too small or not 8-aligned");
  }
  batch.base = data;
  *bytes = Bytes{data, needed, 0};
  return batch;
}

// The headers of batch calls made on this thread (the loop thread of one
// environment): built once, reused by every batch of the same shape.
core::BatchHeaders* ThreadHeaders(bool send) {
  static thread_local core::BatchHeaders recv_headers;
  static thread_local core::BatchHeaders send_headers;
  return send ? &send_headers : &recv_headers;
}

core::RecvBatchOp RecvBatchArgs(const Info& info, int fd, Bytes* bytes) {
  core::RecvBatchOp op;
  op.fd = fd;
  op.batch = BatchArgs(info, bytes);
  op.flags = Int32Arg(info, 4);
  op.shared = ThreadHeaders(false);
  return op;
}

core::SendBatchOp SendBatchArgs(const Info& info, int fd, Bytes* bytes) {
  core::SendBatchOp op;
  op.fd = fd;
  op.batch = BatchArgs(info, bytes);
  int32_t count = Int32Arg(info, 4);
  if (count < 0 || static_cast<size_t>(count) > op.batch.count) {
    throw Napi::RangeError::New(info.Env(), "message count out of range");
  }
  op.count = static_cast<size_t>(count);
  op.flags = Int32Arg(info, 5);
  op.shared = ThreadHeaders(true);
  return op;
}

// --- synchronous calls ------------------------------------------------------

Napi::Value Socket(const Info& info) {
  return Num(info.Env(), core::OpenSocket(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2)));
}

Napi::Value SocketPair(const Info& info) {
  int fds[2];
  int r = core::OpenSocketPair(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2), fds);
  if (r < 0) return Num(info.Env(), r);
  return PairOf(info.Env(), Num(info.Env(), fds[0]), Num(info.Env(), fds[1]));
}

Napi::Value Bind(const Info& info) {
  sockaddr_storage addr;
  socklen_t len;
  int r = AddressFromJS(info[1], &addr, &len);
  if (r == 0) r = core::Bind(Int32Arg(info, 0), reinterpret_cast<sockaddr*>(&addr), len);
  return Num(info.Env(), r);
}

Napi::Value Listen(const Info& info) {
  return Num(info.Env(), core::Listen(Int32Arg(info, 0), Int32Arg(info, 1)));
}

Napi::Value Shutdown(const Info& info) {
  return Num(info.Env(), core::Shutdown(Int32Arg(info, 0), Int32Arg(info, 1)));
}

template <int (*Get)(int, sockaddr_storage*, socklen_t*)>
Napi::Value GetName(const Info& info) {
  sockaddr_storage addr;
  socklen_t len;
  int r = Get(Int32Arg(info, 0), &addr, &len);
  if (r < 0) return Num(info.Env(), r);
  return AddressToJS(info.Env(), &addr, len);
}

Napi::Value SetSockOpt(const Info& info) {
  Bytes value = BytesArg(info, 3);
  return Num(info.Env(), core::SetSockOpt(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2),
                                          value.data, static_cast<socklen_t>(value.len)));
}

// Fills the given view; returns the length the kernel wrote.
// getsockopt(fd, level, name, view[, offset, length]): the option's length
// or -errno; without an offset and length, into all of the view (one
// conversion fewer each). Raw as send is: programs poll options such as
// SO_ERROR or TCP_INFO.
napi_value GetSockOpt(napi_env env, napi_callback_info cbinfo) {
  napi_value argv[6];
  size_t given = 0;
  int32_t fd;
  int32_t level;
  int32_t name;
  Bytes value;
  if (!raw::Args(env, cbinfo, argv, 6, &given) || !raw::Int32(env, argv, 0, &fd) ||
      !raw::Int32(env, argv, 1, &level) || !raw::Int32(env, argv, 2, &name) ||
      !(given > 4 ? raw::BytesAt(env, argv, 3, &value) : raw::ViewAt(env, argv, 3, &value))) {
    return nullptr;
  }
  socklen_t len = static_cast<socklen_t>(value.len);
  int r = core::GetSockOpt(fd, level, name, value.data, &len);
  return raw::Result(env, r < 0 ? r : static_cast<int64_t>(len));
}

Napi::Value PendingError(const Info& info) {
  return Num(info.Env(), core::PendingError(Int32Arg(info, 0)));
}

// What fromFd needs to adopt an fd: [family, type, protocol, wasNonBlocking].
Napi::Value SocketInfo(const Info& info) {
  Napi::Env env = info.Env();
  int fd = Int32Arg(info, 0);
  int values[3];
  const int names[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
  for (int i = 0; i < 3; ++i) {
    socklen_t len = sizeof(values[i]);
    int r = core::GetSockOpt(fd, SOL_SOCKET, names[i], &values[i], &len);
    if (r < 0) return Num(env, r);
  }
  int nonblocking = core::IsNonBlocking(fd);
  if (nonblocking < 0) return Num(env, nonblocking);
  Napi::Array out = Napi::Array::New(env, 4);
  for (uint32_t i = 0; i < 3; ++i) out.Set(i, Num(env, values[i]));
  out.Set(uint32_t{3}, Napi::Boolean::New(env, nonblocking == 1));
  return out;
}

Napi::Value SetNonBlocking(const Info& info) {
  return Num(info.Env(), core::SetNonBlocking(Int32Arg(info, 0), info[1].ToBoolean()));
}

Napi::Value Connect(const Info& info) {
  core::ConnectOp op;
  op.fd = Int32Arg(info, 0);
  int r = AddressFromJS(info[1], &op.address, &op.address_len);
  if (r < 0) return Num(info.Env(), r);
  return RunNow<core::ConnectOp>(info.Env(), op, NumberArg(info, 2), nullptr);
}

Napi::Value Accept(const Info& info) {
  core::AcceptOp op;
  op.fd = Int32Arg(info, 0);
  return RunNow(info.Env(), op, NumberArg(info, 1), AcceptToJS);
}

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

// send(fd, view, offset, length, flags[, timeout]), a raw napi_callback (see
// js_args.h): a call that does not wait is the syscall and nothing else.
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
  return raw::Result(env, RunNowResult(op, a.timeout));
}

Napi::Value SendTo(const Info& info) {
  double timeout = NumberArg(info, 6);
  core::SendOp op;
  int r = SendArgs(info, Int32Arg(info, 0), true, timeout != 0, &op);
  if (r < 0) return Num(info.Env(), r);
  return RunNow<core::SendOp>(info.Env(), op, timeout, nullptr);
}

// recv(fd, view, offset, length, flags[, timeout]), raw as send is.
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
  return raw::Result(env, RunNowResult(op, a.timeout));
}

Napi::Value RecvFrom(const Info& info) {
  double timeout = NumberArg(info, 5);
  core::RecvOp op = RecvArgs(info, Int32Arg(info, 0), true, timeout != 0);
  return RunNow(info.Env(), op, timeout, RecvFromToJS);
}

Napi::Value SendMsg(const Info& info) {
  double timeout = NumberArg(info, 5);
  core::SendMsgOp op;
  int r = SendMsgArgs(info, Int32Arg(info, 0), timeout != 0, &op, nullptr);
  if (r < 0) return Num(info.Env(), r);
  return RunNow<core::SendMsgOp>(info.Env(), op, timeout, nullptr);
}

Napi::Value RecvMsg(const Info& info) {
  core::RecvMsgOp op = RecvMsgArgs(info, Int32Arg(info, 0));
  return RunNow(info.Env(), op, NumberArg(info, 6), RecvMsgToJS);
}

Napi::Value RecvBatch(const Info& info) {
  Bytes bytes;
  core::RecvBatchOp op = RecvBatchArgs(info, Int32Arg(info, 0), &bytes);
  return RunNow<core::RecvBatchOp>(info.Env(), op, NumberArg(info, 5), nullptr);
}

Napi::Value SendBatch(const Info& info) {
  Bytes bytes;
  core::SendBatchOp op = SendBatchArgs(info, Int32Arg(info, 0), &bytes);
  return RunNow<core::SendBatchOp>(info.Env(), op, NumberArg(info, 6), nullptr);
}

// --- threadpool (blocking sockets) -------------------------------------------

Napi::Value ConnectOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::ConnectOp op;
  op.fd = handle->fd();
  int r = AddressFromJS(info[1], &op.address, &op.address_len);
  if (r < 0) return Num(info.Env(), r);
  return RunOnThreadpool<core::ConnectOp>(info, handle, op, 2, nullptr);
}

Napi::Value AcceptOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::AcceptOp op;
  op.fd = handle->fd();
  return RunOnThreadpool(info, handle, op, 1, AcceptToJS, Staging{}, CloseAccepted);
}

Napi::Value SendOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::SendOp op;
  SendArgs(info, handle->fd(), false, true, &op);
  return RunOnThreadpool<core::SendOp>(info, handle, op, 5, nullptr,
                                       StageArgs(info, Staging::kToKernel, &op));
}

Napi::Value SendToOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::SendOp op;
  int r = SendArgs(info, handle->fd(), true, true, &op);
  if (r < 0) return Num(info.Env(), r);
  return RunOnThreadpool<core::SendOp>(info, handle, op, 6, nullptr,
                                       StageArgs(info, Staging::kToKernel, &op));
}

Napi::Value RecvOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::RecvOp op = RecvArgs(info, handle->fd(), false, true);
  return RunOnThreadpool<core::RecvOp>(info, handle, op, 5, nullptr,
                                       StageArgs(info, Staging::kFromKernel, &op));
}

Napi::Value RecvFromOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::RecvOp op = RecvArgs(info, handle->fd(), true, true);
  return RunOnThreadpool(info, handle, op, 5, RecvFromToJS, StageArgs(info, Staging::kFromKernel, &op));
}

Napi::Value SendMsgOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::SendMsgOp op;
  Staging staging;
  int r = SendMsgArgs(info, handle->fd(), true, &op, &staging);
  if (r < 0) return Num(info.Env(), r);
  return RunOnThreadpool<core::SendMsgOp>(info, handle, op, 5, nullptr, std::move(staging));
}

Napi::Value RecvMsgOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::RecvMsgOp op = RecvMsgArgs(info, handle->fd());
  Staging staging = StageArgs(info, Staging::kFromKernel, &op);
  return RunOnThreadpool(info, handle, op, 6, RecvMsgToJS, std::move(staging), CloseReceivedRights);
}

// A batch on a worker works on a staged copy of the whole block, with its
// own headers.
Napi::Value RecvBatchOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::RecvBatchOp op = RecvBatchArgs(info, handle->fd(), &bytes);
  op.shared = nullptr;
  Staging staging = Staging::Of(Staging::kFromKernel, info[1], bytes);
  staging.copy_all = true;
  op.batch.base = staging.data.get();
  return RunOnThreadpool<core::RecvBatchOp>(info, handle, op, 5, nullptr, std::move(staging));
}

Napi::Value SendBatchOnWorker(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::SendBatchOp op = SendBatchArgs(info, handle->fd(), &bytes);
  op.shared = nullptr;
  Staging staging = Staging::Of(Staging::kToKernel, info[1], bytes);
  op.batch.base = staging.data.get();
  return RunOnThreadpool<core::SendBatchOp>(info, handle, op, 6, nullptr, std::move(staging));
}

// --- event loop (non-blocking sockets) ---------------------------------------
// The JS layer made the first attempt; these wait for readiness and attempt
// again on the loop thread, in the caller's buffer.

Napi::Value ConnectOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::ConnectOp op;
  op.fd = handle->fd();
  op.in_progress = true;  // the first attempt started the handshake
  return RunOnLoop<core::ConnectOp>(info, handle, op, 1, nullptr);
}

Napi::Value AcceptOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::AcceptOp op;
  op.fd = handle->fd();
  return RunOnLoop(info, handle, op, 1, AcceptToJS, {}, {}, CloseAccepted);
}

// send, sendall and sendto on the loop: (handle, view, offset, length,
// flags[, address], cancelId). `all`: the op goes on until every byte is
// queued (see SendAllOnLoop).
Napi::Value SendOnLoopWith(const Info& info, bool with_address, bool all) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::SendOp op;
  Bytes bytes;
  int r = SendArgs(info, handle->fd(), with_address, all, &op, &bytes);
  if (r < 0) return Num(info.Env(), r);
  return RunOnLoop<core::SendOp>(info, handle, op, with_address ? 6 : 5, nullptr, PinnedView(info[1], bytes));
}

Napi::Value SendOnLoop(const Info& info) { return SendOnLoopWith(info, false, false); }

// sendall's wait: the op goes on sending, natively, each time the socket is
// writable, until every byte is queued (as a blocking send does), so a large
// sendall costs one promise, not one per partial send. Resolves with the
// count, which is short only after an error (the next send raises it).
Napi::Value SendAllOnLoop(const Info& info) { return SendOnLoopWith(info, false, true); }

Napi::Value SendToOnLoop(const Info& info) { return SendOnLoopWith(info, true, false); }

// recv and recvfrom on the loop: (handle, view, offset, length, flags, cancelId).
Napi::Value RecvOnLoopWith(const Info& info, bool want_address) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::RecvOp op = RecvArgs(info, handle->fd(), want_address, false, &bytes);
  return RunOnLoop(info, handle, op, 5, want_address ? RecvFromToJS : nullptr, PinnedView(info[1], bytes));
}

Napi::Value RecvOnLoop(const Info& info) { return RecvOnLoopWith(info, false); }

Napi::Value RecvFromOnLoop(const Info& info) { return RecvOnLoopWith(info, true); }

// recv on the loop for the socket's waiter: (handle, view, offset, length,
// flags); undefined once it waits (see EventLoopOp::StartForWaiter). Raw as
// send is: the hot path's recv calls it once per message that waits.
napi_value RecvOnLoopForWaiter(napi_env env, napi_callback_info cbinfo) {
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
    auto* waiting = new EventLoopOpOf<core::RecvOp>(op, PinnedView(Napi::Value(env, argv[1]), bytes), {},
                                                    OpResult<core::RecvOp>{nullptr, nullptr});
    return waiting->StartForWaiter(env, handle);
  } catch (const Napi::Error& error) {
    error.ThrowAsJavaScriptException();
    return nullptr;
  }
}

// Gives `make()`'s receiver to the handle's watcher; 0 or a negative status.
template <typename MakeReceiver>
Napi::Value StartReceiver(const Info& info, SocketHandle* handle, MakeReceiver make) {
  Napi::Env env = info.Env();
  if (handle->closed()) return Num(env, core::kStatusClosed);
  int error = 0;
  ReadinessWatcher* watcher = handle->Watcher(&error);
  if (watcher == nullptr) return Num(env, error);
  return Num(env, watcher->SetReceiver(make()));
}

int BudgetArg(const Info& info, size_t i) {
  int32_t budget = Int32Arg(info, i);
  if (budget < 1) throw Napi::RangeError::New(info.Env(), "budget must be at least 1");
  return budget;
}

Napi::Function CallbackArg(const Info& info, size_t i) {
  if (!info[i].IsFunction()) throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a function");
  return info[i].As<Napi::Function>();
}

// recvEachOnLoop(handle, view, offset, length, flags, addressView | null,
// stream, budget, callback): starts the socket's MessageReceiver
// (receiver.h). recvfrom(2) when there is an address view.
Napi::Value RecvEachOnLoop(const Info& info) {
  Napi::Env env = info.Env();
  SocketHandle* handle = SocketHandle::From(info[0]);
  PinnedView buffer = PinArgs(info);
  PinnedView address;
  if (!info[5].IsNull()) {
    Bytes bytes{};
    if (!ViewBytes(info[5], &bytes.data, &bytes.len)) throw Napi::TypeError::New(env, "argument 5 must be a view or null");
    address = PinnedView(info[5], bytes);
  }
  int flags = Int32Arg(info, 4);
  bool stream = info[6].ToBoolean();
  int budget = BudgetArg(info, 7);
  Napi::Function callback = CallbackArg(info, 8);
  return StartReceiver(info, handle, [&] {
    return new MessageReceiver(handle->fd(), std::move(buffer), std::move(address), flags, stream, callback, budget);
  });
}

// recvmmsgEachOnLoop(handle, memory, count, size, flags, budget, callback):
// starts the socket's BatchReceiver (receiver.h) on a MessageBatch.
Napi::Value RecvBatchEachOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::BatchLayout layout = BatchArgs(info, &bytes);
  int flags = Int32Arg(info, 4);
  int budget = BudgetArg(info, 5);
  Napi::Function callback = CallbackArg(info, 6);
  return StartReceiver(info, handle, [&] {
    return new BatchReceiver(handle->fd(), PinnedView(info[1], bytes), layout, flags, callback, budget);
  });
}

// Ends the socket's Receiver, if it has one, without calling it.
Napi::Value StopRecvEach(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  int error = 0;
  ReadinessWatcher* watcher = handle->closed() ? nullptr : handle->Watcher(&error);
  if (watcher != nullptr) watcher->StopReceiver();
  return info.Env().Undefined();
}

Napi::Value SendMsgOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::SendMsgOp op;
  Staging staging;
  int r = SendMsgArgs(info, handle->fd(), false, &op, &staging);
  if (r < 0) return Num(info.Env(), r);
  return RunOnLoop<core::SendMsgOp>(info, handle, op, 5, nullptr, {}, std::move(staging));
}

Napi::Value RecvMsgOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::RecvMsgOp op = RecvMsgArgs(info, handle->fd());
  return RunOnLoop(info, handle, op, 6, RecvMsgToJS, PinArgs(info), {}, CloseReceivedRights);
}

Napi::Value RecvBatchOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::RecvBatchOp op = RecvBatchArgs(info, handle->fd(), &bytes);
  return RunOnLoop<core::RecvBatchOp>(info, handle, op, 5, nullptr, PinnedView(info[1], bytes));
}

Napi::Value SendBatchOnLoop(const Info& info) {
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes;
  core::SendBatchOp op = SendBatchArgs(info, handle->fd(), &bytes);
  return RunOnLoop<core::SendBatchOp>(info, handle, op, 6, nullptr, PinnedView(info[1], bytes));
}

// --- lifecycle ----------------------------------------------------------------

Napi::Value Close(const Info& info) {
  SocketHandle::From(info[0])->Close();
  return info.Env().Undefined();
}

Napi::Value Detach(const Info& info) {
  return Num(info.Env(), SocketHandle::From(info[0])->Detach());
}

Napi::Value Cancel(const Info& info) {
  // (handle, cancelId[, status]): the status it settles with, cancelled by
  // default; a timeout keeps what a blocking op moved before it.
  int status = info[2].IsUndefined() ? core::kStatusCancelled : Int32Arg(info, 2);
  if (status != core::kStatusCancelled && status != core::kStatusTimedOut) {
    throw Napi::RangeError::New(info.Env(), "a wait ends as cancelled or timed out");
  }
  return Napi::Boolean::New(info.Env(), SocketHandle::From(info[0])->Cancel(Int32Arg(info, 1), status));
}

size_t PayloadArg(const Info& info) {
  int32_t n = Int32Arg(info, 0);
  if (n < 0 || n > (1 << 20)) throw Napi::RangeError::New(info.Env(), "payload size out of range");
  return static_cast<size_t>(n);
}

Napi::Value CmsgSpace(const Info& info) {
  return Num(info.Env(), static_cast<double>(core::ControlSpace(PayloadArg(info))));
}

Napi::Value CmsgLen(const Info& info) {
  return Num(info.Env(), static_cast<double>(CMSG_LEN(PayloadArg(info))));
}

// Where a MessageBatch keeps what (core/message_batch.h is the one layout):
// [lengths offset, address lengths offset, addresses offset, address size, bytes].
Napi::Value BatchLayoutOf(const Info& info) {
  Napi::Env env = info.Env();
  int32_t count = Int32Arg(info, 0);
  int32_t size = Int32Arg(info, 1);
  if (count < 1 || count > 1024 || size < 0 || size > (1 << 20)) {
    throw Napi::RangeError::New(env, "batch count or size out of range");
  }
  size_t c = static_cast<size_t>(count);
  size_t z = static_cast<size_t>(size);
  size_t lengths = core::BatchLayout::LengthsOffset(c, z);
  const double values[5] = {static_cast<double>(lengths),
                            static_cast<double>(lengths + sizeof(int32_t) * c),
                            static_cast<double>(core::BatchLayout::AddressesOffset(c, z)),
                            static_cast<double>(sizeof(sockaddr_storage)),
                            static_cast<double>(core::BatchLayout::Bytes(c, z))};
  Napi::Array out = Napi::Array::New(env, 5);
  for (uint32_t i = 0; i < 5; ++i) out.Set(i, Num(env, values[i]));
  return out;
}

// A sockaddr held in caller memory (a MessageBatch's address slots), to JS.
Napi::Value DecodeAddress(const Info& info) {
  Bytes bytes = BytesArg(info, 0);
  sockaddr_storage addr{};
  size_t len = bytes.len < sizeof(addr) ? bytes.len : sizeof(addr);
  if (len > 0) std::memcpy(&addr, bytes.data, len);
  return AddressToJS(info.Env(), &addr, static_cast<socklen_t>(len));
}

// A JS address into caller memory (at least sizeof(sockaddr_storage) bytes
// from the offset); returns its length or -errno.
Napi::Value EncodeAddress(const Info& info) {
  Bytes bytes = BytesArg(info, 1);
  sockaddr_storage addr{};
  socklen_t len = 0;
  if (bytes.len < sizeof(addr)) throw Napi::RangeError::New(info.Env(), "no room for a sockaddr");
  int r = AddressFromJS(info[0], &addr, &len);
  if (r < 0) return Num(info.Env(), r);
  std::memcpy(bytes.data, &addr, len);
  return Num(info.Env(), len);
}

Napi::Value IsDetached(const Info& info) {
  Napi::Value value = info[0];  // a view or an ArrayBuffer
  if (value.IsTypedArray()) value = value.As<Napi::TypedArray>().ArrayBuffer();
  else if (value.IsDataView()) value = value.As<Napi::DataView>().ArrayBuffer();
  bool detached = false;
  if (value.IsArrayBuffer()) napi_is_detached_arraybuffer(info.Env(), value, &detached);
  return Napi::Boolean::New(info.Env(), detached);
}

}  // namespace

void InitOperations(Napi::Env env, Napi::Object exports) {
  struct Entry {
    const char* name;
    Napi::Value (*fn)(const Info&);
  };
  const Entry entries[] = {
      {"socket", Socket},
      {"socketpair", SocketPair},
      {"bind", Bind},
      {"listen", Listen},
      {"shutdown", Shutdown},
      {"getsockname", GetName<core::GetSockName>},
      {"getpeername", GetName<core::GetPeerName>},
      {"setsockopt", SetSockOpt},
      {"pendingError", PendingError},
      {"socketInfo", SocketInfo},
      {"setNonBlocking", SetNonBlocking},
      {"connect", Connect},
      {"accept", Accept},
      {"sendto", SendTo},
      {"recvfrom", RecvFrom},
      {"sendmsg", SendMsg},
      {"recvmsg", RecvMsg},
      {"recvmmsg", RecvBatch},
      {"sendmmsg", SendBatch},
      {"recvmmsgOnWorker", RecvBatchOnWorker},
      {"sendmmsgOnWorker", SendBatchOnWorker},
      {"recvmmsgOnLoop", RecvBatchOnLoop},
      {"sendmmsgOnLoop", SendBatchOnLoop},
      {"connectOnWorker", ConnectOnWorker},
      {"connectOnLoop", ConnectOnLoop},
      {"acceptOnWorker", AcceptOnWorker},
      {"acceptOnLoop", AcceptOnLoop},
      {"sendOnWorker", SendOnWorker},
      {"sendOnLoop", SendOnLoop},
      {"sendallOnLoop", SendAllOnLoop},
      {"sendtoOnWorker", SendToOnWorker},
      {"sendtoOnLoop", SendToOnLoop},
      {"recvOnWorker", RecvOnWorker},
      {"recvOnLoop", RecvOnLoop},
      {"recvfromOnWorker", RecvFromOnWorker},
      {"recvfromOnLoop", RecvFromOnLoop},
      {"recvEachOnLoop", RecvEachOnLoop},
      {"recvmmsgEachOnLoop", RecvBatchEachOnLoop},
      {"stopRecvEach", StopRecvEach},
      {"sendmsgOnWorker", SendMsgOnWorker},
      {"sendmsgOnLoop", SendMsgOnLoop},
      {"recvmsgOnWorker", RecvMsgOnWorker},
      {"recvmsgOnLoop", RecvMsgOnLoop},
      {"close", Close},
      {"detach", Detach},
      {"cancel", Cancel},
      {"isDetached", IsDetached},
      {"decodeAddress", DecodeAddress},
      {"batchLayout", BatchLayoutOf},
      {"encodeAddress", EncodeAddress},
      {"CMSG_SPACE", CmsgSpace},
      {"CMSG_LEN", CmsgLen},
  };
  for (const Entry& e : entries) exports.Set(e.name, Napi::Function::New(env, e.fn, e.name));
  // The per-message calls, registered as plain napi_callbacks (js_args.h).
  struct RawEntry {
    const char* name;
    napi_callback fn;
  };
  const RawEntry raw_entries[] = {
      {"send", Send},
      {"recv", Recv},
      {"getsockopt", GetSockOpt},
      {"recvOnLoopForWaiter", RecvOnLoopForWaiter},
  };
  for (const RawEntry& e : raw_entries) {
    napi_value fn;
    NAPI_THROW_IF_FAILED_VOID(env, napi_create_function(env, e.name, NAPI_AUTO_LENGTH, e.fn, nullptr, &fn));
    exports.Set(e.name, Napi::Value(env, fn));
  }
}

}  // namespace bsd
