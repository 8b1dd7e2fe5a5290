#include "sockaddr_js.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/sockaddr_codec.h"

namespace bsd {

namespace {

uint32_t UintField(Napi::Object obj, const char* key, uint32_t max) {
  Napi::Value v = obj.Get(key);
  if (v.IsUndefined()) return 0;
  if (!v.IsNumber()) throw Napi::TypeError::New(obj.Env(), std::string(key) + " must be a number");
  double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= 0 && d <= max) || d != static_cast<double>(static_cast<uint32_t>(d))) {
    throw Napi::RangeError::New(obj.Env(), std::string(key) + " is out of range");
  }
  return static_cast<uint32_t>(d);
}

// Copies a string field into `buf` without allocating; false if it is longer.
bool TextField(Napi::Object obj, const char* key, char* buf, size_t size, size_t* len) {
  Napi::Value v = obj.Get(key);
  if (!v.IsString()) throw Napi::TypeError::New(obj.Env(), std::string(key) + " must be a string");
  napi_get_value_string_utf8(obj.Env(), v, buf, size, len);
  // napi truncates silently; a string that filled the buffer may be longer.
  if (*len + 1 < size) return true;
  size_t full = 0;
  napi_get_value_string_utf8(obj.Env(), v, nullptr, 0, &full);
  return full < size;
}

}  // namespace

int AddressFromJS(Napi::Value value, sockaddr_storage* out, socklen_t* len) {
  Napi::Env env = value.Env();
  if (!value.IsObject()) throw Napi::TypeError::New(env, "an address must be an object");
  Napi::Object obj = value.As<Napi::Object>();
  int family = static_cast<int>(UintField(obj, "family", 0xffff));
  switch (family) {
    case AF_INET:
    case AF_INET6: {
      char text[64];
      size_t text_len;
      if (!TextField(obj, "address", text, sizeof(text), &text_len)) return -EINVAL;
      uint16_t port = static_cast<uint16_t>(UintField(obj, "port", 0xffff));
      if (family == AF_INET) return core::EncodeInet4(text, port, out, len);
      return core::EncodeInet6(text, port, UintField(obj, "flowinfo", 0xfffff),
                               UintField(obj, "scopeId", 0xffffffff), out, len);
    }
    case AF_UNIX: {
      Napi::Value path = obj.Get("path");
      if (path.IsBuffer()) {
        auto bytes = path.As<Napi::Buffer<char>>();
        return core::EncodeUnix(bytes.Data(), bytes.Length(), out, len);
      }
      char text[sizeof(sockaddr_un::sun_path) + 1];
      size_t text_len;
      if (!TextField(obj, "path", text, sizeof(text), &text_len)) return -ENAMETOOLONG;
      return core::EncodeUnix(text, text_len, out, len);
    }
    case AF_UNSPEC:
      return core::EncodeUnspec(out, len);
    case AF_PACKET: {
      // The TS layer has turned a textual hardware address into bytes.
      Napi::Value hw = obj.Get("addr");
      const uint8_t* bytes = nullptr;
      size_t hw_len = 0;
      if (hw.IsBuffer()) {
        bytes = hw.As<Napi::Buffer<uint8_t>>().Data();
        hw_len = hw.As<Napi::Buffer<uint8_t>>().Length();
      } else if (!hw.IsUndefined()) {
        throw Napi::TypeError::New(env, "addr must be a Buffer");
      }
      return core::EncodePacket(static_cast<int>(UintField(obj, "ifindex", 0x7fffffff)),
                                static_cast<uint16_t>(UintField(obj, "protocol", 0xffff)),
                                static_cast<uint16_t>(UintField(obj, "hatype", 0xffff)),
                                static_cast<uint8_t>(UintField(obj, "pkttype", 0xff)), bytes, hw_len,
                                out, len);
    }
    case AF_NETLINK:
      return core::EncodeNetlink(UintField(obj, "pid", 0xffffffff), UintField(obj, "groups", 0xffffffff),
                                 out, len);
    default:
      return -EAFNOSUPPORT;
  }
}

Napi::Value AddressToJS(Napi::Env env, const sockaddr_storage* addr, socklen_t len) {
  core::DecodedAddress d;
  int r = core::DecodeAddress(addr, len, &d);
  Napi::Object obj = Napi::Object::New(env);
  obj.Set("family", Napi::Number::New(env, d.family));
  if (r < 0) return obj;
  switch (d.family) {
    case AF_INET:
      obj.Set("address", Napi::String::New(env, d.text));
      obj.Set("port", Napi::Number::New(env, d.port));
      break;
    case AF_INET6:
      obj.Set("address", Napi::String::New(env, d.text));
      obj.Set("port", Napi::Number::New(env, d.port));
      obj.Set("flowinfo", Napi::Number::New(env, d.flowinfo));
      obj.Set("scopeId", Napi::Number::New(env, d.scope_id));
      break;
    case AF_UNIX:
      // A string only if it gives back the same bytes: a name that is not
      // UTF-8 (abstract names often are not) stays bytes, as in Python, so
      // that what getsockname or recvfrom return still names the socket.
      if (core::IsUtf8(d.path, d.path_len)) {
        obj.Set("path", Napi::String::New(env, d.path, d.path_len));
      } else {
        obj.Set("path", Napi::Buffer<char>::Copy(env, d.path, d.path_len));
      }
      break;
    case AF_PACKET: {
      obj.Set("ifindex", Napi::Number::New(env, d.ifindex));
      obj.Set("protocol", Napi::Number::New(env, d.protocol));
      obj.Set("hatype", Napi::Number::New(env, d.hatype));
      obj.Set("pkttype", Napi::Number::New(env, d.pkttype));
      // As `ip link` prints it: lower-case hex pairs joined by ':'.
      char text[3 * sizeof(d.hwaddr)] = {0};
      for (size_t i = 0; i < d.hwaddr_len; ++i) {
        snprintf(text + 3 * i, 4, i + 1 < d.hwaddr_len ? "%02x:" : "%02x", d.hwaddr[i]);
      }
      obj.Set("addr", Napi::String::New(env, text));
      break;
    }
    case AF_NETLINK:
      obj.Set("pid", Napi::Number::New(env, d.pid));
      obj.Set("groups", Napi::Number::New(env, d.groups));
      break;
    default:
      break;
  }
  return obj;
}

}  // namespace bsd
