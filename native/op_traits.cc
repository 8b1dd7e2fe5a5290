#include "op_traits.h"

#include <sys/socket.h>

#include <cstdint>
#include <vector>

#include "ancillary_js.h"
#include "core/limits.h"
#include "core/posix_socket.h"
#include "env_state.h"
#include "sockaddr_js.h"

namespace bsd {

namespace {

Napi::Value Num(Napi::Env env, double value) { return Napi::Number::New(env, value); }

Napi::Value PairOf(Napi::Env env, Napi::Value first, Napi::Value second) {
  Napi::Array pair = Napi::Array::New(env, 2);
  pair.Set(uint32_t{0}, first);
  pair.Set(uint32_t{1}, second);
  return pair;
}

// The headers of batch calls made on this thread (the loop thread of one
// environment): built once, reused by every batch of the same shape. A
// worker's op has its own.
core::BatchHeaders* ThreadHeaders(bool send) {
  static thread_local core::BatchHeaders recv_headers;
  static thread_local core::BatchHeaders send_headers;
  return send ? &send_headers : &recv_headers;
}

// send and sendto: (view, offset, length, flags[, address]).
int ReadSend(const Info& info, Reading* reading, core::SendOp* op, bool with_address) {
  reading->bytes = BytesArg(info, 1, reading->locate);
  op->data = reading->bytes.data;
  op->len = reading->bytes.len;
  op->flags = Int32Arg(info, 4);
  op->blocking = reading->may_wait;
  if (!with_address) return 0;
  op->has_address = true;
  return AddressFromJS(info[5], &op->address, &op->address_len);
}

// recv and recvfrom: (view, offset, length, flags).
int ReadRecv(const Info& info, Reading* reading, core::RecvOp* op, bool want_address) {
  reading->bytes = BytesArg(info, 1, reading->locate);
  op->data = reading->bytes.data;
  op->len = reading->bytes.len;
  op->flags = Int32Arg(info, 4);
  op->want_address = want_address;
  op->waitall = reading->may_wait && (op->flags & MSG_WAITALL);
  return 0;
}

}  // namespace

// --- results --------------------------------------------------------------------

Napi::Value RecvFromToJS(Napi::Env env, const core::RecvOp& op, ssize_t r) {
  return PairOf(env, Num(env, static_cast<double>(r)), AddressToJS(env, &op.address, op.address_len));
}

Napi::Value AcceptToJS(Napi::Env env, const core::AcceptOp& op, ssize_t r) {
  EnvState::Of(env)->HandOver(static_cast<int>(r));
  return PairOf(env, Num(env, static_cast<double>(r)), AddressToJS(env, &op.address, op.address_len));
}

Napi::Value RecvMsgToJS(Napi::Env env, const core::RecvMsgOp& op, ssize_t r) {
  // Received fds are JS's once toMessage has them (claimFds), as accepted
  // ones are once wrapped: teardown closes them if the Worker ends before.
  EnvState* state = EnvState::Of(env);
  ForEachReceivedFd(op.control.data(), op.control_len, [state](int fd) { state->HandOver(fd); });
  Napi::Array out = Napi::Array::New(env, 4);
  out.Set(uint32_t{0}, Num(env, static_cast<double>(r)));
  out.Set(uint32_t{1}, ControlToJS(env, op.control.data(), op.control_len));
  out.Set(uint32_t{2}, Num(env, op.msg_flags));
  out.Set(uint32_t{3}, op.address_len == 0 ? env.Null() : AddressToJS(env, &op.address, op.address_len));
  return out;
}

void CloseAccepted(const core::AcceptOp&, ssize_t fd) {
  if (fd >= 0) core::CloseFd(static_cast<int>(fd));
}

void CloseReceivedRights(const core::RecvMsgOp& op, ssize_t r) {
  if (r >= 0) ForEachReceivedFd(op.control.data(), op.control_len, core::CloseFd);
}

// --- reading arguments ------------------------------------------------------------

int ConnectTraits::Read(const Info& info, Reading* reading, Op* op) {
  if (reading->form == Form::kOnLoop) {
    op->in_progress = true;  // the first attempt started the handshake
    return 0;
  }
  return AddressFromJS(info[1], &op->address, &op->address_len);
}

int SendTraits::Read(const Info& info, Reading* reading, Op* op) { return ReadSend(info, reading, op, false); }

int SendAllTraits::Read(const Info& info, Reading* reading, Op* op) {
  int r = ReadSend(info, reading, op, false);
  op->blocking = true;
  return r;
}

int SendToTraits::Read(const Info& info, Reading* reading, Op* op) { return ReadSend(info, reading, op, true); }

int RecvTraits::Read(const Info& info, Reading* reading, Op* op) { return ReadRecv(info, reading, op, false); }

int RecvFromTraits::Read(const Info& info, Reading* reading, Op* op) { return ReadRecv(info, reading, op, true); }

int SendMsgTraits::Read(const Info& info, Reading* reading, Op* op) {
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
  op->flags = Int32Arg(info, 3);
  op->blocking = reading->may_wait;
  int r = ControlFromJS(info[2], &op->control);
  if (r < 0) return r;
  if (!info[4].IsNull() && !info[4].IsUndefined()) {
    op->has_address = true;
    r = AddressFromJS(info[4], &op->address, &op->address_len);
    if (r < 0) return r;
  }
  if (reading->form == Form::kNow) {
    for (const Bytes& b : parts) op->iov.push_back({b.data, b.len});
    return 0;
  }
  reading->staging = Staging::Gather(parts);
  op->iov.push_back({reading->staging.data.get(), reading->staging.len});
  return 0;
}

int RecvMsgTraits::Read(const Info& info, Reading* reading, Op* op) {
  reading->bytes = BytesArg(info, 1, reading->locate);
  op->data = reading->bytes.data;
  op->len = reading->bytes.len;
  double control = NumberArg(info, 4);
  if (!(control >= 0 && control <= static_cast<double>(core::kMaxAncillarySize))) {
    throw Napi::RangeError::New(info.Env(), "ancillary size out of range");
  }
  op->control.resize(static_cast<size_t>(control));
  op->flags = Int32Arg(info, 5);
  return 0;
}

core::BatchLayout BatchArgs(const Info& info, Bytes* bytes) {
  Napi::Env env = info.Env();
  core::BatchLayout batch;
  int32_t count = Int32Arg(info, 2);
  int32_t size = Int32Arg(info, 3);
  if (count < 1 || static_cast<size_t>(count) > core::kMaxBatchCount || size < 0 ||
      static_cast<size_t>(size) > core::kMaxBatchSize) {
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

int RecvBatchTraits::Read(const Info& info, Reading* reading, Op* op) {
  op->batch = BatchArgs(info, &reading->bytes);
  op->flags = Int32Arg(info, 4);
  op->shared = reading->form == Form::kOnWorker ? nullptr : ThreadHeaders(false);
  return 0;
}

int SendBatchTraits::Read(const Info& info, Reading* reading, Op* op) {
  op->batch = BatchArgs(info, &reading->bytes);
  int32_t count = Int32Arg(info, 4);
  if (count < 0 || static_cast<size_t>(count) > op->batch.count) {
    throw Napi::RangeError::New(info.Env(), "message count out of range");
  }
  op->count = static_cast<size_t>(count);
  op->flags = Int32Arg(info, 5);
  op->shared = reading->form == Form::kOnWorker ? nullptr : ThreadHeaders(true);
  return 0;
}

int SendFileTraits::Read(const Info& info, Reading*, Op* op) {
  op->file_fd = Int32Arg(info, 1);
  double offset = NumberArg(info, 2);
  double count = NumberArg(info, 3);
  // Whole numbers a double holds exactly; TS checked them first.
  if (!(offset >= 0 && offset <= 9007199254740991.0) || !(count >= -1 && count <= 9007199254740991.0)) {
    throw Napi::RangeError::New(info.Env(), "sendfile offset or count out of range");
  }
  op->offset = static_cast<off_t>(offset);
  op->count = count < 0 ? SIZE_MAX : static_cast<size_t>(count);
  return 0;
}

}  // namespace bsd
