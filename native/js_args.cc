#include "js_args.h"

#include <cstdint>
#include <string>

namespace bsd {

namespace {

[[noreturn]] void ThrowType(Napi::Env env, size_t i, const char* what) {
  throw Napi::TypeError::New(env, "argument " + std::to_string(i) + " must be " + what);
}

}  // namespace

// These run on every call, so each is the fewest napi calls that still
// check the type: napi_get_value_* fails with napi_number_expected by itself.
int32_t Int32Arg(const Napi::CallbackInfo& info, size_t i) {
  int32_t value;
  if (napi_get_value_int32(info.Env(), info[i], &value) != napi_ok) ThrowType(info.Env(), i, "a number");
  return value;
}

double NumberArg(const Napi::CallbackInfo& info, size_t i) {
  double value;
  if (napi_get_value_double(info.Env(), info[i], &value) != napi_ok) ThrowType(info.Env(), i, "a number");
  return value;
}

namespace {

size_t ElementSize(napi_typedarray_type type) {
  switch (type) {
    case napi_int16_array:
    case napi_uint16_array:
      return 2;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array:
      return 4;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array:
      return 8;
    default:
      return 1;
  }
}

}  // namespace

bool ViewBytes(Napi::Value view, uint8_t** data, size_t* size) {
  napi_env env = view.Env();
  void* raw = nullptr;
  // Without `data`, the bytes are not located: for a TypedArray that is
  // most of the cost (V8 looks up its ArrayBuffer), about 350 instructions.
  void** where = data == nullptr ? nullptr : &raw;
  *size = 0;
  napi_typedarray_type type;
  size_t length;
  // Tried as a TypedArray first (what the hot paths pass); the call fails,
  // with no side effect, for anything else. The ArrayBuffer and offset are
  // not asked for: each is one more V8 call, and data already includes the
  // offset.
  if (napi_get_typedarray_info(env, view, &type, &length, where, nullptr, nullptr) == napi_ok) {
    *size = length * ElementSize(type);
  } else if (view.IsDataView()) {
    if (napi_get_dataview_info(env, view, size, where, nullptr, nullptr) != napi_ok) return false;
  } else {
    return false;
  }
  if (data != nullptr) *data = static_cast<uint8_t*>(raw);
  return true;
}

namespace {

constexpr const char* kOutOfRange = "offset and length must lie within the buffer";

bool WithinView(double offset, double length, size_t size) {
  return offset >= 0 && length >= 0 && offset + length <= static_cast<double>(size);
}

Bytes BytesWithin(uint8_t* data, double offset, double length) {
  return Bytes{data == nullptr ? nullptr : data + static_cast<size_t>(offset), static_cast<size_t>(length),
               static_cast<size_t>(offset)};
}

}  // namespace

Bytes BytesArg(const Napi::CallbackInfo& info, size_t i, bool locate) {
  Napi::Env env = info.Env();
  uint8_t* data = nullptr;
  size_t size = 0;
  if (!ViewBytes(info[i], locate ? &data : nullptr, &size)) ThrowType(env, i, "a TypedArray or DataView");
  double offset = NumberArg(info, i + 1);
  double length = NumberArg(info, i + 2);
  if (!WithinView(offset, length, size)) throw Napi::RangeError::New(env, kOutOfRange);
  return BytesWithin(data, offset, length);
}

namespace raw {

namespace {

bool Fail(napi_env env, size_t i, const char* what) {
  std::string message = "argument " + std::to_string(i) + " must be " + what;
  napi_throw_type_error(env, nullptr, message.c_str());
  return false;
}

}  // namespace

bool Args(napi_env env, napi_callback_info info, napi_value* argv, size_t n, size_t* given) {
  if (napi_get_cb_info(env, info, &n, argv, nullptr, nullptr) != napi_ok) return false;
  if (given != nullptr) *given = n;
  return true;
}

bool Int32(napi_env env, napi_value* argv, size_t i, int32_t* out) {
  return napi_get_value_int32(env, argv[i], out) == napi_ok || Fail(env, i, "a number");
}

bool Number(napi_env env, napi_value* argv, size_t i, double* out) {
  return napi_get_value_double(env, argv[i], out) == napi_ok || Fail(env, i, "a number");
}

bool ViewAt(napi_env env, napi_value* argv, size_t i, Bytes* out, bool locate) {
  uint8_t* data = nullptr;
  size_t size = 0;
  if (!ViewBytes(Napi::Value(env, argv[i]), locate ? &data : nullptr, &size)) {
    return Fail(env, i, "a TypedArray or DataView");
  }
  *out = Bytes{data, size, 0};
  return true;
}

bool BytesAt(napi_env env, napi_value* argv, size_t i, Bytes* out, bool locate) {
  Bytes view{nullptr, 0, 0};
  double offset;
  double length;
  if (!ViewAt(env, argv, i, &view, locate) || !Number(env, argv, i + 1, &offset) || !Number(env, argv, i + 2, &length)) {
    return false;
  }
  if (!WithinView(offset, length, view.len)) {
    napi_throw_range_error(env, nullptr, kOutOfRange);
    return false;
  }
  *out = BytesWithin(view.data, offset, length);
  return true;
}

napi_value Result(napi_env env, int64_t value) {
  napi_value out = nullptr;
  if (value < INT32_MIN || value > INT32_MAX) {
    napi_create_double(env, static_cast<double>(value), &out);
  } else {
    napi_create_int32(env, static_cast<int32_t>(value), &out);
  }
  return out;
}

}  // namespace raw

}  // namespace bsd
