// Memory the caller allocates and fills, described so that JS types no
// layout number: a MessageBatch's layout (core/message_batch.h is the one
// layout), sockaddrs held in caller memory (its address slots), the sizes
// of control messages, and whether a view's memory is still there.
#include "memory_layout.h"

#include <sys/socket.h>

#include <cstring>

#include "core/cmsg_codec.h"
#include "core/limits.h"
#include "core/message_batch.h"
#include "js_args.h"
#include "sockaddr_js.h"

namespace bsd {

namespace {

using Info = Napi::CallbackInfo;

Napi::Value Num(Napi::Env env, double value) { return Napi::Number::New(env, value); }

size_t PayloadArg(const Info& info) {
  int32_t n = Int32Arg(info, 0);
  if (n < 0 || static_cast<size_t>(n) > core::kMaxAncillarySize) {
    throw Napi::RangeError::New(info.Env(), "payload size out of range");
  }
  return static_cast<size_t>(n);
}

Napi::Value CmsgSpace(const Info& info) {
  return Num(info.Env(), static_cast<double>(core::ControlSpace(PayloadArg(info))));
}

Napi::Value CmsgLen(const Info& info) {
  return Num(info.Env(), static_cast<double>(CMSG_LEN(PayloadArg(info))));
}

// [lengths offset, address lengths offset, addresses offset, address size, bytes].
Napi::Value BatchLayoutOf(const Info& info) {
  Napi::Env env = info.Env();
  int32_t count = Int32Arg(info, 0);
  int32_t size = Int32Arg(info, 1);
  if (count < 1 || static_cast<size_t>(count) > core::kMaxBatchCount || size < 0 ||
      static_cast<size_t>(size) > core::kMaxBatchSize) {
    throw Napi::RangeError::New(env, "batch count or size out of range");
  }
  size_t c = static_cast<size_t>(count);
  size_t z = static_cast<size_t>(size);
  size_t lengths = core::BatchLayout::LengthsOffset(c, z);
  const double values[5] = {static_cast<double>(lengths),
                            static_cast<double>(lengths + sizeof(int32_t) * c),
                            static_cast<double>(core::BatchLayout::AddressesOffset(c, z)),
                            static_cast<double>(sizeof(sockaddr_storage)),
                            static_cast<double>(core::BatchLayout::Bytes(c, z))};
  Napi::Array out = Napi::Array::New(env, 5);
  for (uint32_t i = 0; i < 5; ++i) out.Set(i, Num(env, values[i]));
  return out;
}

// A sockaddr held in caller memory (a MessageBatch's address slots), to JS.
Napi::Value DecodeAddress(const Info& info) {
  Bytes bytes = BytesArg(info, 0);
  sockaddr_storage addr{};
  size_t len = bytes.len < sizeof(addr) ? bytes.len : sizeof(addr);
  if (len > 0) std::memcpy(&addr, bytes.data, len);
  return AddressToJS(info.Env(), &addr, static_cast<socklen_t>(len));
}

// A JS address into caller memory (at least sizeof(sockaddr_storage) bytes
// from the offset); returns its length or -errno.
Napi::Value EncodeAddress(const Info& info) {
  Bytes bytes = BytesArg(info, 1);
  sockaddr_storage addr{};
  socklen_t len = 0;
  if (bytes.len < sizeof(addr)) throw Napi::RangeError::New(info.Env(), "no room for a sockaddr");
  int r = AddressFromJS(info[0], &addr, &len);
  if (r < 0) return Num(info.Env(), r);
  std::memcpy(bytes.data, &addr, len);
  return Num(info.Env(), len);
}

Napi::Value IsDetached(const Info& info) {
  Napi::Value value = info[0];  // a view or an ArrayBuffer
  if (value.IsTypedArray()) value = value.As<Napi::TypedArray>().ArrayBuffer();
  else if (value.IsDataView()) value = value.As<Napi::DataView>().ArrayBuffer();
  bool detached = false;
  if (value.IsArrayBuffer()) napi_is_detached_arraybuffer(info.Env(), value, &detached);
  return Napi::Boolean::New(info.Env(), detached);
}

}  // namespace

void InitMemoryLayout(Napi::Env env, Napi::Object exports) {
  exports.Set("batchLayout", Napi::Function::New(env, BatchLayoutOf, "batchLayout"));
  exports.Set("decodeAddress", Napi::Function::New(env, DecodeAddress, "decodeAddress"));
  exports.Set("encodeAddress", Napi::Function::New(env, EncodeAddress, "encodeAddress"));
  exports.Set("CMSG_SPACE", Napi::Function::New(env, CmsgSpace, "CMSG_SPACE"));
  exports.Set("CMSG_LEN", Napi::Function::New(env, CmsgLen, "CMSG_LEN"));
  exports.Set("isDetached", Napi::Function::New(env, IsDetached, "isDetached"));
}

}  // namespace bsd
