#include "receiver.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace bsd {

Receiver::Receiver(int fd, PinnedView buffer, PinnedView address, Napi::Function callback, Options options)
    : buffer_(std::move(buffer)),
      address_(std::move(address)),
      callback_(Napi::Persistent(callback)),
      options_(options) {
  op_.fd = fd;
  op_.flags = options.flags;
  op_.want_address = address_.pinned();
}

ssize_t Receiver::Attempt() {
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

bool Receiver::Deliver(napi_env env, ssize_t result) {
  napi_value argv[2];
  napi_value fn;
  napi_value undefined;
  napi_value ignored;
  if (napi_create_double(env, static_cast<double>(result), &argv[0]) != napi_ok ||
      napi_create_uint32(env, op_.address_len, &argv[1]) != napi_ok ||
      napi_get_reference_value(env, callback_, &fn) != napi_ok || napi_get_undefined(env, &undefined) != napi_ok) {
    return false;
  }
  if (napi_call_function(env, undefined, fn, 2, argv, &ignored) == napi_ok) return true;
  // Nothing is pending when JS could not run at all (a worker terminating).
  bool pending = false;
  napi_value error;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending &&
      napi_get_and_clear_last_exception(env, &error) == napi_ok) {
    napi_fatal_exception(env, error);
  }
  return false;
}

}  // namespace bsd
