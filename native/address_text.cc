// inet_pton(3) and inet_ntop(3): IP addresses between text and bytes.
#include "address_text.h"

#include "core/sockaddr_codec.h"
#include "js_args.h"

namespace bsd {

namespace {

// (family, text) -> Buffer of 4 or 16 bytes, or -errno.
Napi::Value TextToBytes(const Napi::CallbackInfo& info) {
  if (!info[1].IsString()) throw Napi::TypeError::New(info.Env(), "text must be a string");
  uint8_t bytes[16];
  int n = core::TextToBinary(Int32Arg(info, 0), info[1].As<Napi::String>().Utf8Value().c_str(), bytes);
  if (n < 0) return Napi::Number::New(info.Env(), n);
  return Napi::Buffer<uint8_t>::Copy(info.Env(), bytes, static_cast<size_t>(n));
}

// (family, view, offset, length) -> text, or -errno.
Napi::Value BytesToText(const Napi::CallbackInfo& info) {
  Bytes bytes = BytesArg(info, 1);
  char text[46];
  int r = core::BinaryToText(Int32Arg(info, 0), bytes.data, bytes.len, text);
  if (r < 0) return Napi::Number::New(info.Env(), r);
  return Napi::String::New(info.Env(), text);
}

}  // namespace

void InitAddressText(Napi::Env env, Napi::Object exports) {
  exports.Set("inet_pton", Napi::Function::New(env, TextToBytes, "inet_pton"));
  exports.Set("inet_ntop", Napi::Function::New(env, BytesToText, "inet_ntop"));
}

}  // namespace bsd
