// Reading the binding's arguments. The TS layer has validated them already;
// these checks make sure a mistake there is a TypeError, never a bad pointer.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>

namespace bsd {

int32_t Int32Arg(const Napi::CallbackInfo& info, size_t i);
double NumberArg(const Napi::CallbackInfo& info, size_t i);

struct Bytes {
  uint8_t* data;
  size_t len;
  size_t offset;  // of `data` within the view
};

// The bytes of a TypedArray or DataView (none if detached); false for any
// other value. `data` may be null: the size alone costs far less.
bool ViewBytes(Napi::Value view, uint8_t** data, size_t* size);

// The bytes [offset, offset + length) of the TypedArray or DataView at
// info[i], checked against the view's real size (a detached view has none).
// Not `locate`d (data null): for an op that pins the view and finds its
// bytes again before each attempt (PinnedView), which is every op on the loop.
Bytes BytesArg(const Napi::CallbackInfo& info, size_t i, bool locate = true);

// The same reads for the few bindings called once per message (recv, send,
// getsockopt, recvOnLoopForWaiter), which are plain napi_callbacks: node-addon-api's CallbackInfo
// and exception wrapper cost about 40 ns per call there (measured with
// bench/probes.ts hotcall). Each returns false with a TypeError or
// RangeError pending; the binding then returns nullptr.
namespace raw {

// Fills argv[0..n) (undefined past the last argument given); *given, if
// asked for, is how many the caller passed.
bool Args(napi_env env, napi_callback_info info, napi_value* argv, size_t n, size_t* given = nullptr);
bool Int32(napi_env env, napi_value* argv, size_t i, int32_t* out);
bool Number(napi_env env, napi_value* argv, size_t i, double* out);
// argv[i] a view, all of it. Not `locate`d: as for BytesArg.
bool ViewAt(napi_env env, napi_value* argv, size_t i, Bytes* out, bool locate = true);
// argv[i] a view, argv[i + 1] and argv[i + 2] the offset and length in it.
bool BytesAt(napi_env env, napi_value* argv, size_t i, Bytes* out, bool locate = true);
// A syscall's result (a length or -errno), as an int32 when it fits: V8
// makes that without the double-to-Smi check napi_create_double does.
napi_value Result(napi_env env, int64_t value);

}  // namespace raw

}  // namespace bsd
