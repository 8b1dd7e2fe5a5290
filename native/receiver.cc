#include "receiver.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/limits.h"
#include "core/posix_socket.h"

namespace bsd {

Receiver::Receiver(Napi::Function callback, int budget)
    : callback_(Napi::Persistent(callback)), budget_(budget) {}

Receiver::Delivery Receiver::Deliver(napi_env env, ssize_t result) {
  Delivery delivery = Call(env, result);
  Delivered(result);
  return delivery;
}

Receiver::Delivery Receiver::Call(napi_env env, ssize_t result) {
  napi_value argv[2];
  napi_value fn;
  napi_value undefined;
  napi_value ignored;
  if (napi_create_double(env, static_cast<double>(result), &argv[0]) != napi_ok ||
      napi_create_uint32(env, address_length(), &argv[1]) != napi_ok ||
      napi_get_reference_value(env, callback_, &fn) != napi_ok || napi_get_undefined(env, &undefined) != napi_ok) {
    return Delivery::kNotRun;
  }
  if (napi_call_function(env, undefined, fn, 2, argv, &ignored) == napi_ok) return Delivery::kDelivered;
  // Nothing is pending when JS could not run at all (a worker terminating).
  bool pending = false;
  napi_value error;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending &&
      napi_get_and_clear_last_exception(env, &error) == napi_ok) {
    napi_fatal_exception(env, error);
    return Delivery::kThrew;
  }
  return Delivery::kNotRun;
}

MessageReceiver::MessageReceiver(int fd, PinnedView buffer, PinnedView address, int flags, bool stream,
                                 Napi::Function callback, int budget)
    : Receiver(callback, budget), buffer_(std::move(buffer)), address_(std::move(address)), stream_(stream) {
  op_.fd = fd;
  op_.flags = flags;
  op_.want_address = address_.pinned();
}

ssize_t MessageReceiver::Attempt(int) {
  uint8_t* data = nullptr;
  if (!buffer_.Resolve(&data)) return -EFAULT;
  op_.data = data;
  op_.len = buffer_.len();
  op_.address_len = 0;
  ssize_t r = op_.Attempt();
  if (r >= 0 && op_.want_address) {
    uint8_t* out = nullptr;
    if (!address_.Resolve(&out)) return -EFAULT;
    std::memcpy(out, &op_.address, std::min<size_t>(op_.address_len, address_.len()));
  }
  return r;
}

BatchReceiver::BatchReceiver(int fd, PinnedView memory, core::BatchLayout layout, int flags,
                             Napi::Function callback, int budget)
    : Receiver(callback, budget), memory_(std::move(memory)) {
  op_.fd = fd;
  op_.batch = layout;
  op_.flags = flags;
}

ssize_t BatchReceiver::Attempt(int max_messages) {
  uint8_t* base = nullptr;
  if (!memory_.Resolve(&base)) return -EFAULT;
  op_.batch.base = base;
  op_.limit = static_cast<size_t>(max_messages);
  return op_.Attempt();
}

AcceptReceiver::AcceptReceiver(EnvState* state, int fd, PinnedView address, Napi::Function callback, int budget)
    : Receiver(callback, budget), state_(state), address_(std::move(address)) {
  op_.fd = fd;
}

ssize_t AcceptReceiver::Attempt(int) {
  // Each such error took one connection off the queue, so the queue bounds
  // the skipping; the bound is there all the same, then the loop gets a turn.
  for (int skipped = 0;; ++skipped) {
    ssize_t r = op_.Attempt();
    if (r < 0 && core::EndedWhileQueued(static_cast<int>(-r))) {
      if (skipped == core::kMaxReceiverBudget) return -EAGAIN;
      continue;
    }
    if (r < 0) return r;
    uint8_t* out = nullptr;
    if (!address_.Resolve(&out)) {
      core::CloseFd(static_cast<int>(r));
      return -EFAULT;
    }
    std::memcpy(out, &op_.address, std::min<size_t>(op_.address_len, address_.len()));
    state_->HandOver(static_cast<int>(r));
    return r;
  }
}

void AcceptReceiver::Discard(ssize_t result) {
  if (result < 0) return;
  state_->Claim(static_cast<int>(result));
  core::CloseFd(static_cast<int>(result));
}

}  // namespace bsd
