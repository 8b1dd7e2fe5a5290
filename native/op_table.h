// The waiting syscalls' three forms, written once. An op's traits
// (op_traits.h) say what it is: its core op, its name, how many arguments of
// its own it takes, how it reads them, where its bytes are, and how its
// result reaches JS. Register<Traits> makes its entry points from that:
//
//   name(fd, ...args, timeoutMs)                     on the calling thread
//   nameOnWorker(handle, ...args, timeoutMs, cancelId)  a blocking socket's
//                                                    wait, on a pool thread
//   nameOnLoop(handle, ...args, cancelId)            a non-blocking socket's
//                                                    wait, on the event loop
//
// The timeout and cancelId positions follow from the op's own argument
// count; none is typed by hand. The few hand-written forms (measured hot
// paths) are named in waiting_ops.cc.
#pragma once

#include <napi.h>

#include <string>
#include <utility>

#include "core/op_runner.h"
#include "core/readiness_wait.h"
#include "event_loop_op.h"
#include "js_args.h"
#include "op_result.h"
#include "pinned_view.h"
#include "socket_handle.h"
#include "threadpool_op.h"

namespace bsd {

enum class Form { kNow, kOnWorker, kOnLoop };

// Which forms Register makes: an op whose calling-thread form is a
// hand-written hot path registers only the other two.
enum Forms : unsigned { kNow = 1, kOnWorker = 2, kOnLoop = 4, kAllForms = 7 };

// Where an op's bytes are, which decides how each form holds them: in place
// on the calling thread; a staged copy on a worker (which must never touch
// JS memory); the caller's view, pinned, on the loop.
enum class Buffer {
  kNone,           // no bytes (accept, connect)
  kToKernel,       // the caller's view at info[1..3], sent
  kFromKernel,     // the caller's view at info[1..3], received into
  kFromKernelAll,  // a MessageBatch: a worker copies back the whole block
  kOwnCopy,        // a copy the op owns in every form but the first (sendmsg)
};

// What an op's Read is told, and what it hands back besides the op.
struct Reading {
  Reading(Form form, bool may_wait, bool locate) : form(form), may_wait(may_wait), locate(locate) {}

  Form form;
  // The call may wait: a timeout other than 0, or a worker's. An op that
  // emulates a blocking socket (MSG_WAITALL, send until all is queued) does
  // so only then.
  bool may_wait;
  // Locate the caller's bytes now (not on the loop, which finds them again
  // before each attempt).
  bool locate;
  // Out: the caller's bytes (kToKernel, kFromKernel, kFromKernelAll).
  Bytes bytes{nullptr, 0, 0};
  // Out: the op's own copy (kOwnCopy), already pointed at.
  Staging staging;
};

// The defaults of an op's traits: no result beyond the number, nothing to
// release, the same arguments in every form.
template <typename CoreOp, size_t kOwnArgs, Buffer kBuffer>
struct OpTraits {
  using Op = CoreOp;
  static constexpr Buffer buffer = kBuffer;
  static constexpr size_t Arity(Form) { return kOwnArgs; }
  static constexpr typename OpResult<Op>::ToJSFn to_js = nullptr;
  static constexpr typename OpResult<Op>::DiscardFn discard = nullptr;
};

// The forms, each the same few steps for every op.
template <typename T, Form kForm>
Napi::Value RunForm(const Napi::CallbackInfo& info) {
  using Op = typename T::Op;
  Napi::Env env = info.Env();
  constexpr size_t kAfter = 1 + T::Arity(kForm);  // the first argument past the op's own
  constexpr bool kCallersView = T::buffer == Buffer::kToKernel || T::buffer == Buffer::kFromKernel ||
                                T::buffer == Buffer::kFromKernelAll;
  const OpResult<Op> result{T::to_js, T::discard};
  SocketHandle* handle = kForm == Form::kNow ? nullptr : SocketHandle::From(info[0]);
  double timeout_ms = kForm == Form::kNow ? NumberArg(info, kAfter) : 0;
  Reading reading(kForm, kForm == Form::kOnWorker || timeout_ms != 0, kForm != Form::kOnLoop);
  Op op;
  op.fd = handle == nullptr ? Int32Arg(info, 0) : handle->fd();
  int r = T::Read(info, &reading, &op);
  if (r < 0) return Napi::Number::New(env, r);

  if constexpr (kForm == Form::kNow) {
    // No clock read for a call that will not wait: the non-blocking case.
    int64_t deadline = timeout_ms != 0 ? core::DeadlineAfterMs(timeout_ms) : core::kNoDeadline;
    return result.ToJS(env, op, core::RunOp(op, timeout_ms != 0, -1, deadline));
  } else if constexpr (kForm == Form::kOnWorker) {
    Staging staging = std::move(reading.staging);
    if constexpr (kCallersView) {
      staging = Staging::Of(T::buffer == Buffer::kToKernel ? Staging::kToKernel : Staging::kFromKernel, info[1],
                            reading.bytes);
      staging.copy_all = T::buffer == Buffer::kFromKernelAll;
      PointAt(op, staging.data.get());
    }
    return RunBlocking(env, handle, op, result, std::move(staging), NumberArg(info, kAfter),
                       Int32Arg(info, kAfter + 1));
  } else {
    PinnedView view = kCallersView ? PinnedView(info[1], reading.bytes) : PinnedView{};
    auto* waiting = new EventLoopOpOf<Op>(op, std::move(view), std::move(reading.staging), result);
    return waiting->Start(env, handle, Int32Arg(info, kAfter));
  }
}

// Defines T::name, T::name + "OnWorker" and T::name + "OnLoop" on `exports`,
// as `forms` asks.
template <typename T>
void Register(Napi::Env env, Napi::Object exports, unsigned forms = kAllForms) {
  auto define = [&](const std::string& name, Napi::Function::Callback fn) {
    exports.Set(name, Napi::Function::New(env, fn, name));
  };
  const std::string name = T::name;
  if (forms & kNow) define(name, RunForm<T, Form::kNow>);
  if (forms & kOnWorker) define(name + "OnWorker", RunForm<T, Form::kOnWorker>);
  if (forms & kOnLoop) define(name + "OnLoop", RunForm<T, Form::kOnLoop>);
}

}  // namespace bsd
