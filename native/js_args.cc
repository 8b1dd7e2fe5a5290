#include "js_args.h"

#include <string>

namespace bsd {

namespace {

[[noreturn]] void ThrowType(Napi::Env env, size_t i, const char* what) {
  throw Napi::TypeError::New(env, "argument " + std::to_string(i) + " must be " + what);
}

}  // namespace

int32_t Int32Arg(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsNumber()) ThrowType(info.Env(), i, "a number");
  return info[i].As<Napi::Number>().Int32Value();
}

double NumberArg(const Napi::CallbackInfo& info, size_t i) {
  if (!info[i].IsNumber()) ThrowType(info.Env(), i, "a number");
  return info[i].As<Napi::Number>().DoubleValue();
}

bool ViewBytes(Napi::Value view, uint8_t** data, size_t* size) {
  napi_env env = view.Env();
  void* raw = nullptr;
  napi_value buffer;
  size_t byte_offset;
  *size = 0;
  if (view.IsTypedArray()) {
    napi_typedarray_type type;
    size_t length;
    if (napi_get_typedarray_info(env, view, &type, &length, &raw, &buffer, &byte_offset) != napi_ok) {
      return false;
    }
    *size = length * view.As<Napi::TypedArray>().ElementSize();
  } else if (view.IsDataView()) {
    if (napi_get_dataview_info(env, view, size, &raw, &buffer, &byte_offset) != napi_ok) return false;
  } else {
    return false;
  }
  *data = static_cast<uint8_t*>(raw);
  return true;
}

Bytes BytesArg(const Napi::CallbackInfo& info, size_t i) {
  Napi::Env env = info.Env();
  uint8_t* data = nullptr;
  size_t size = 0;
  if (!ViewBytes(info[i], &data, &size)) ThrowType(env, i, "a TypedArray or DataView");
  double offset = NumberArg(info, i + 1);
  double length = NumberArg(info, i + 2);
  if (!(offset >= 0 && length >= 0 && offset + length <= static_cast<double>(size))) {
    throw Napi::RangeError::New(env, "offset and length must lie within the buffer");
  }
  return Bytes{data + static_cast<size_t>(offset), static_cast<size_t>(length),
               static_cast<size_t>(offset)};
}

}  // namespace bsd
