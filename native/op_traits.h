// Each waiting syscall, described once for op_table.h: its core op, its name
// (the binding's name for its calling-thread form), its own arguments (after
// the fd or handle; info[1] is its view when it has one), where its bytes
// are, and how its result reaches JS. The reads live in op_traits.cc.
#pragma once

#include <napi.h>
#include <sys/types.h>

#include "core/message_batch.h"
#include "core/socket_ops.h"
#include "op_table.h"

namespace bsd {

using Info = Napi::CallbackInfo;

// --- results ------------------------------------------------------------------

// [count or fd, address]
Napi::Value RecvFromToJS(Napi::Env env, const core::RecvOp& op, ssize_t r);
Napi::Value AcceptToJS(Napi::Env env, const core::AcceptOp& op, ssize_t r);
// [bytes, ancillary, msg_flags, address or null]
Napi::Value RecvMsgToJS(Napi::Env env, const core::RecvMsgOp& op, ssize_t r);
// What a result that will not reach JS owns: an accepted fd, received fds.
void CloseAccepted(const core::AcceptOp& op, ssize_t fd);
void CloseReceivedRights(const core::RecvMsgOp& op, ssize_t r);

// --- the ops --------------------------------------------------------------------
// Read(info, reading, op): fills `op` (its fd is set) from the op's own
// arguments; 0, or -errno for an address that cannot be encoded. Throws a
// TypeError or RangeError for what the TS layer should have refused.

// connect(2). (fd, address, timeoutMs); OnLoop continues the handshake the
// first attempt started: (handle, cancelId).
struct ConnectTraits : OpTraits<core::ConnectOp, 1, Buffer::kNone> {
  static constexpr const char* name = "connect";
  static constexpr size_t Arity(Form form) { return form == Form::kOnLoop ? 0 : 1; }
  static int Read(const Info& info, Reading* reading, Op* op);
};

// accept(2). (fd, timeoutMs): [fd, address].
struct AcceptTraits : OpTraits<core::AcceptOp, 0, Buffer::kNone> {
  static constexpr const char* name = "accept";
  static constexpr auto to_js = AcceptToJS;
  static constexpr auto discard = CloseAccepted;
  static int Read(const Info&, Reading*, Op*) { return 0; }
};

// send(2). (fd, view, offset, length, flags, timeoutMs). The calling-thread
// form is hand-written (waiting_ops.cc).
struct SendTraits : OpTraits<core::SendOp, 4, Buffer::kToKernel> {
  static constexpr const char* name = "send";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// sendall: send's wait on the loop, but it goes on sending, natively, each
// time the socket is writable, until every byte is queued (as a blocking
// send does), so a large sendall costs one promise, not one per partial
// send. Resolves with the count, which is short only after an error (the
// next send raises it). Only the OnLoop form.
struct SendAllTraits : SendTraits {
  static constexpr const char* name = "sendall";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// sendto(2). (fd, view, offset, length, flags, address, timeoutMs).
struct SendToTraits : OpTraits<core::SendOp, 5, Buffer::kToKernel> {
  static constexpr const char* name = "sendto";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// recv(2). (fd, view, offset, length, flags, timeoutMs). The calling-thread
// form is hand-written, as send's is.
struct RecvTraits : OpTraits<core::RecvOp, 4, Buffer::kFromKernel> {
  static constexpr const char* name = "recv";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// recvfrom(2). As recv: [count, address].
struct RecvFromTraits : OpTraits<core::RecvOp, 4, Buffer::kFromKernel> {
  static constexpr const char* name = "recvfrom";
  static constexpr auto to_js = RecvFromToJS;
  static int Read(const Info& info, Reading* reading, Op* op);
};

// sendmsg(2). (fd, views[], ancillary[], flags, address | null, timeoutMs).
// Off the calling thread the views are gathered into one owned copy: the
// same bytes, in one datagram or stream run.
struct SendMsgTraits : OpTraits<core::SendMsgOp, 4, Buffer::kOwnCopy> {
  static constexpr const char* name = "sendmsg";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// recvmsg(2). (fd, view, offset, length, controlLen, flags, timeoutMs).
struct RecvMsgTraits : OpTraits<core::RecvMsgOp, 5, Buffer::kFromKernel> {
  static constexpr const char* name = "recvmsg";
  static constexpr auto to_js = RecvMsgToJS;
  static constexpr auto discard = CloseReceivedRights;
  static int Read(const Info& info, Reading* reading, Op* op);
};

// sendfile(2). (fd, fileFd, offset, count): the bytes sent, which is less
// than `count` only at the file's end. `count` -1: up to the end.
struct SendFileTraits : OpTraits<core::SendFileOp, 3, Buffer::kNone> {
  static constexpr const char* name = "sendfile";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// recvmmsg(2) into a MessageBatch. (fd, memory, count, size, flags,
// timeoutMs): the count of messages.
struct RecvBatchTraits : OpTraits<core::RecvBatchOp, 4, Buffer::kFromKernelAll> {
  static constexpr const char* name = "recvmmsg";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// sendmmsg(2) from a MessageBatch. (fd, memory, count, size, sendCount,
// flags, timeoutMs).
struct SendBatchTraits : OpTraits<core::SendBatchOp, 5, Buffer::kToKernel> {
  static constexpr const char* name = "sendmmsg";
  static int Read(const Info& info, Reading* reading, Op* op);
};

// A MessageBatch's memory at info[1], for `count` (info[2]) slots of `size`
// (info[3]) bytes: the whole layout, 8-aligned, or a RangeError. `*bytes`:
// where it is (the receivers pin it).
core::BatchLayout BatchArgs(const Info& info, Bytes* bytes);

}  // namespace bsd
