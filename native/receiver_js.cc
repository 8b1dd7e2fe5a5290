// The receivers' entry points: each reads its arguments, pins the caller's
// memory and gives a Receiver (receiver.h) to the socket's watcher, which
// owns it from then on.
#include "receiver_js.h"

#include <string>

#include "core/limits.h"
#include "core/status.h"
#include "js_args.h"
#include "op_traits.h"
#include "pinned_view.h"
#include "readiness_watcher.h"
#include "receiver.h"
#include "socket_handle.h"

namespace bsd {

namespace {

// Gives `make()`'s receiver to the handle's watcher; 0 or a negative status.
template <typename MakeReceiver>
Napi::Value StartReceiver(const Info& info, SocketHandle* handle, MakeReceiver make) {
  Napi::Env env = info.Env();
  if (handle->closed()) return Napi::Number::New(env, core::kStatusClosed);
  int error = 0;
  ReadinessWatcher* watcher = handle->Watcher(&error);
  if (watcher == nullptr) return Napi::Number::New(env, error);
  return Napi::Number::New(env, watcher->SetReceiver(make()));
}

// recvEachOnLoop(handle, view, offset, length, flags, addressView | null,
// stream, budget, callback): starts the socket's MessageReceiver.
// recvfrom(2) when there is an address view.
Napi::Value RecvEachOnLoop(const Info& info) {
  Napi::Env env = info.Env();
  SocketHandle* handle = SocketHandle::From(info[0]);
  PinnedView buffer(info[1], BytesArg(info, 1, false));
  PinnedView address;
  if (!info[5].IsNull()) {
    Bytes bytes{};
    if (!ViewBytes(info[5], &bytes.data, &bytes.len)) {
      throw Napi::TypeError::New(env, "argument 5 must be a view or null");
    }
    address = PinnedView(info[5], bytes);
  }
  int flags = Int32Arg(info, 4);
  bool stream = info[6].ToBoolean();
  int budget = BudgetArg(info, 7);
  Napi::Function callback = CallbackArg(info, 8);
  return StartReceiver(info, handle, [&] {
    return new MessageReceiver(handle->fd(), std::move(buffer), std::move(address), flags, stream, callback,
                               budget);
  });
}

// recvmmsgEachOnLoop(handle, memory, count, size, flags, budget, callback):
// starts the socket's BatchReceiver on a MessageBatch.
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

// acceptEachOnLoop(handle, addressView, budget, callback): starts the
// socket's AcceptReceiver; each peer's address is copied into addressView.
Napi::Value AcceptEachOnLoop(const Info& info) {
  Napi::Env env = info.Env();
  SocketHandle* handle = SocketHandle::From(info[0]);
  Bytes bytes{};
  if (!ViewBytes(info[1], &bytes.data, &bytes.len)) throw Napi::TypeError::New(env, "argument 1 must be a view");
  PinnedView address(info[1], bytes);
  int budget = BudgetArg(info, 2);
  Napi::Function callback = CallbackArg(info, 3);
  return StartReceiver(info, handle, [&] {
    return new AcceptReceiver(handle->env_state(), handle->fd(), std::move(address), callback, budget);
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

}  // namespace

int BudgetArg(const Napi::CallbackInfo& info, size_t i) {
  int32_t budget = Int32Arg(info, i);
  if (budget < 1 || budget > core::kMaxReceiverBudget) {
    throw Napi::RangeError::New(info.Env(), "budget out of range");
  }
  return budget;
}

Napi::Function CallbackArg(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsFunction()) {
    throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a function");
  }
  return info[i].As<Napi::Function>();
}

void InitReceivers(Napi::Env env, Napi::Object exports) {
  exports.Set("recvEachOnLoop", Napi::Function::New(env, RecvEachOnLoop, "recvEachOnLoop"));
  exports.Set("recvmmsgEachOnLoop", Napi::Function::New(env, RecvBatchEachOnLoop, "recvmmsgEachOnLoop"));
  exports.Set("acceptEachOnLoop", Napi::Function::New(env, AcceptEachOnLoop, "acceptEachOnLoop"));
  exports.Set("stopRecvEach", Napi::Function::New(env, StopRecvEach, "stopRecvEach"));
}

}  // namespace bsd
