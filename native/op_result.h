// What both async runners (threadpool_op.h, event_loop_op.h) do with an op's
// result on the main thread: build its JS value, or, when it will not reach
// JS (the environment is going away), release what it owns.
#pragma once

#include <napi.h>
#include <sys/types.h>

namespace bsd {

template <typename Op>
struct OpResult {
  using ToJSFn = Napi::Value (*)(Napi::Env, const Op&, ssize_t);
  using DiscardFn = void (*)(const Op&, ssize_t);

  // Builds the JS value of a successful result; failures cross as a number.
  ToJSFn to_js = nullptr;
  // Releases what a result owns (an accepted fd, received fds).
  DiscardFn discard = nullptr;

  Napi::Value ToJS(Napi::Env env, const Op& op, ssize_t result) const {
    if (result < 0 || to_js == nullptr) return Napi::Number::New(env, static_cast<double>(result));
    return to_js(env, op, result);
  }
  void Discard(const Op& op, ssize_t result) const {
    if (discard != nullptr) discard(op, result);
  }
};

}  // namespace bsd
