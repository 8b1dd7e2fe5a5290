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

Bytes BytesArg(const Napi::CallbackInfo& info, size_t i) {
  Napi::Env env = info.Env();
  Napi::Value view = info[i];
  void* data = nullptr;
  size_t size = 0;
  if (view.IsTypedArray()) {
    napi_typedarray_type type;
    size_t length;
    napi_value buffer;
    size_t byte_offset;
    NAPI_THROW_IF_FAILED(env, napi_get_typedarray_info(env, view, &type, &length, &data,
                                                       &buffer, &byte_offset), Bytes{});
    size = length * view.As<Napi::TypedArray>().ElementSize();
  } else if (view.IsDataView()) {
    napi_value buffer;
    size_t byte_offset;
    NAPI_THROW_IF_FAILED(env, napi_get_dataview_info(env, view, &size, &data, &buffer,
                                                     &byte_offset), Bytes{});
  } else {
    ThrowType(env, i, "a TypedArray or DataView");
  }
  double offset = NumberArg(info, i + 1);
  double length = NumberArg(info, i + 2);
  if (!(offset >= 0 && length >= 0 && offset + length <= static_cast<double>(size))) {
    throw Napi::RangeError::New(env, "offset and length must lie within the buffer");
  }
  return Bytes{static_cast<uint8_t*>(data) + static_cast<size_t>(offset),
               static_cast<size_t>(length)};
}

}  // namespace bsd
