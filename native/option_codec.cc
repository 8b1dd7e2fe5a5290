// Socket option values that are C structs, between JS objects and bytes:
//   linger       { onoff: boolean, seconds }          struct linger
//   timeval      milliseconds                          struct timeval
//   ip_mreqn     { multiaddr, address?, ifindex? }     struct ip_mreqn
//   ipv6_mreq    { multiaddr, ifindex? }               struct ipv6_mreq
//   packet_mreq  { ifindex, type, address? }           struct packet_mreq
//   ucred        { pid, uid, gid }                     struct ucred (read only)
//   string       an interface or algorithm name        char[], NUL-terminated
//   in_addr      an IPv4 address string                 struct in_addr
// Plain ints and booleans are packed in lib/options.ts.
#include "option_codec.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <cmath>
#include <cstring>
#include <string>

#include "js_args.h"

namespace bsd {

namespace {

template <typename T>
Napi::Value Pack(Napi::Env env, const T& value) {
  return Napi::Buffer<uint8_t>::Copy(env, reinterpret_cast<const uint8_t*>(&value), sizeof(value));
}

double Field(Napi::Object o, const char* key, double fallback) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return fallback;
  if (!v.IsNumber()) throw Napi::TypeError::New(o.Env(), std::string(key) + " must be a number");
  return v.As<Napi::Number>().DoubleValue();
}

bool InetField(Napi::Object o, const char* key, int family, void* out, bool required) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined() && !required) return true;
  if (!v.IsString()) throw Napi::TypeError::New(o.Env(), std::string(key) + " must be an address string");
  return inet_pton(family, v.As<Napi::String>().Utf8Value().c_str(), out) == 1;
}

std::string Text(int family, const void* addr) {
  char text[INET6_ADDRSTRLEN] = {0};
  inet_ntop(family, addr, text, sizeof(text));
  return text;
}

// (kind, value) -> Buffer, or -EINVAL for a value that does not encode.
Napi::Value Encode(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string kind = info[0].As<Napi::String>().Utf8Value();
  Napi::Value value = info[1];
  if (kind == "timeval") {
    double ms = value.As<Napi::Number>().DoubleValue();
    timeval tv{static_cast<time_t>(std::floor(ms / 1000)),
               static_cast<suseconds_t>(std::fmod(ms, 1000) * 1000)};
    return Pack(env, tv);
  }
  if (kind == "in_addr") {
    in_addr a{};
    if (inet_pton(AF_INET, value.As<Napi::String>().Utf8Value().c_str(), &a) != 1) {
      return Napi::Number::New(env, -EINVAL);
    }
    return Pack(env, a);
  }
  if (kind == "string") {
    std::string text = value.As<Napi::String>().Utf8Value();
    return Napi::Buffer<uint8_t>::Copy(env, reinterpret_cast<const uint8_t*>(text.c_str()), text.size() + 1);
  }
  if (!value.IsObject()) throw Napi::TypeError::New(env, kind + " option value must be an object");
  Napi::Object o = value.As<Napi::Object>();
  if (kind == "linger") {
    linger l{o.Get("onoff").ToBoolean() ? 1 : 0, static_cast<int>(Field(o, "seconds", 0))};
    return Pack(env, l);
  }
  if (kind == "ip_mreqn") {
    ip_mreqn m{};
    if (!InetField(o, "multiaddr", AF_INET, &m.imr_multiaddr, true) ||
        !InetField(o, "address", AF_INET, &m.imr_address, false)) {
      return Napi::Number::New(env, -EINVAL);
    }
    m.imr_ifindex = static_cast<int>(Field(o, "ifindex", 0));
    return Pack(env, m);
  }
  if (kind == "ipv6_mreq") {
    ipv6_mreq m{};
    if (!InetField(o, "multiaddr", AF_INET6, &m.ipv6mr_multiaddr, true)) return Napi::Number::New(env, -EINVAL);
    m.ipv6mr_interface = static_cast<unsigned>(Field(o, "ifindex", 0));
    return Pack(env, m);
  }
  if (kind == "packet_mreq") {
    packet_mreq m{};
    m.mr_ifindex = static_cast<int>(Field(o, "ifindex", 0));
    m.mr_type = static_cast<unsigned short>(Field(o, "type", 0));
    Napi::Value address = o.Get("address");
    if (address.IsBuffer()) {
      auto bytes = address.As<Napi::Buffer<uint8_t>>();
      if (bytes.Length() > sizeof(m.mr_address)) return Napi::Number::New(env, -EINVAL);
      if (bytes.Length() > 0) std::memcpy(m.mr_address, bytes.Data(), bytes.Length());
      m.mr_alen = static_cast<unsigned short>(bytes.Length());
    }
    return Pack(env, m);
  }
  return Napi::Number::New(env, -EINVAL);
}

template <typename T>
bool Unpack(const Bytes& bytes, T* out) {
  if (bytes.len < sizeof(T)) return false;
  std::memcpy(out, bytes.data, sizeof(T));
  return true;
}

// (kind, view, offset, length) -> value, or -EINVAL when the bytes are too short.
Napi::Value Decode(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string kind = info[0].As<Napi::String>().Utf8Value();
  Bytes bytes = BytesArg(info, 1);
  linger l;
  timeval tv;
  ip_mreqn mreqn;
  ipv6_mreq mreq6;
  packet_mreq pmreq;
  ucred cred;
  in_addr addr;
  Napi::Object o = Napi::Object::New(env);
  if (kind == "in_addr" && Unpack(bytes, &addr)) return Napi::String::New(env, Text(AF_INET, &addr));
  if (kind == "timeval" && Unpack(bytes, &tv)) {
    return Napi::Number::New(env, static_cast<double>(tv.tv_sec) * 1000 + static_cast<double>(tv.tv_usec) / 1000);
  }
  if (kind == "string") {
    return Napi::String::New(env, reinterpret_cast<const char*>(bytes.data), strnlen(reinterpret_cast<const char*>(bytes.data), bytes.len));
  }
  if (kind == "linger" && Unpack(bytes, &l)) {
    o.Set("onoff", Napi::Boolean::New(env, l.l_onoff != 0));
    o.Set("seconds", l.l_linger);
    return o;
  }
  if (kind == "ip_mreqn" && Unpack(bytes, &mreqn)) {
    o.Set("multiaddr", Text(AF_INET, &mreqn.imr_multiaddr));
    o.Set("address", Text(AF_INET, &mreqn.imr_address));
    o.Set("ifindex", mreqn.imr_ifindex);
    return o;
  }
  if (kind == "ipv6_mreq" && Unpack(bytes, &mreq6)) {
    o.Set("multiaddr", Text(AF_INET6, &mreq6.ipv6mr_multiaddr));
    o.Set("ifindex", mreq6.ipv6mr_interface);
    return o;
  }
  if (kind == "packet_mreq" && Unpack(bytes, &pmreq)) {
    o.Set("ifindex", pmreq.mr_ifindex);
    o.Set("type", pmreq.mr_type);
    size_t n = pmreq.mr_alen < sizeof(pmreq.mr_address) ? pmreq.mr_alen : sizeof(pmreq.mr_address);
    o.Set("address", Napi::Buffer<uint8_t>::Copy(env, pmreq.mr_address, n));
    return o;
  }
  if (kind == "ucred" && Unpack(bytes, &cred)) {
    o.Set("pid", cred.pid);
    o.Set("uid", cred.uid);
    o.Set("gid", cred.gid);
    return o;
  }
  return Napi::Number::New(env, -EINVAL);
}

// The buffer getsockopt needs for a kind.
Napi::Value SizeOf(const Napi::CallbackInfo& info) {
  std::string kind = info[0].As<Napi::String>().Utf8Value();
  size_t size = kind == "linger" ? sizeof(linger) : kind == "timeval" ? sizeof(timeval)
              : kind == "ip_mreqn" ? sizeof(ip_mreqn) : kind == "ipv6_mreq" ? sizeof(ipv6_mreq)
              : kind == "packet_mreq" ? sizeof(packet_mreq) : kind == "ucred" ? sizeof(ucred)
              : kind == "in_addr" ? sizeof(in_addr) : kind == "string" ? 256 : 0;
  return Napi::Number::New(info.Env(), static_cast<double>(size));
}

}  // namespace

void InitOptionCodec(Napi::Env env, Napi::Object exports) {
  exports.Set("encodeOption", Napi::Function::New(env, Encode, "encodeOption"));
  exports.Set("decodeOption", Napi::Function::New(env, Decode, "decodeOption"));
  exports.Set("optionSize", Napi::Function::New(env, SizeOf, "optionSize"));
}

}  // namespace bsd
