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

namespace {

// The fields of the address objects, in the order they are set.
enum Field { kFamily, kAddress, kPort, kFlowinfo, kScopeId, kPath, kIfindex, kProtocol, kHatype, kPkttype, kAddr,
             kPid, kGroups };
constexpr const char* kFieldNames[] = {"family",  "address", "port",    "flowinfo", "scopeId", "path",  "ifindex",
                                       "protocol", "hatype", "pkttype", "addr",     "pid",     "groups"};

// An object with these fields, made in one napi_define_properties call
// (whose names V8 makes internalized at once, and whose plain data
// properties take V8's fast path): set one at a time with
// napi_set_named_property, at about 2,000 instructions a field, they took
// a quarter of the server's user-space instructions per connection in the
// accept scenario (callgrind). The same properties an object literal has.
class AddressObject {
 public:
  explicit AddressObject(Napi::Env env) : env_(env) {}

  void Add(Field field, Napi::Value value) {
    napi_property_descriptor& p = props_[count_++];
    p = napi_property_descriptor{};
    p.utf8name = kFieldNames[field];
    p.value = value;
    p.attributes = napi_default_jsproperty;
  }
  void Add(Field field, double value) { Add(field, Napi::Number::New(env_, value)); }

  Napi::Value Make() {
    napi_value obj;
    NAPI_THROW_IF_FAILED(env_, napi_create_object(env_, &obj), Napi::Value());
    NAPI_THROW_IF_FAILED(env_, napi_define_properties(env_, obj, count_, props_), Napi::Value());
    return Napi::Value(env_, obj);
  }

 private:
  Napi::Env env_;
  napi_property_descriptor props_[6];
  size_t count_ = 0;
};

}  // namespace

Napi::Value AddressToJS(Napi::Env env, const sockaddr_storage* addr, socklen_t len) {
  core::DecodedAddress d;
  int r = core::DecodeAddress(addr, len, &d);
  AddressObject obj(env);
  obj.Add(kFamily, d.family);
  if (r < 0) return obj.Make();
  switch (d.family) {
    case AF_INET:
      obj.Add(kAddress, Napi::String::New(env, d.text));
      obj.Add(kPort, d.port);
      break;
    case AF_INET6:
      obj.Add(kAddress, Napi::String::New(env, d.text));
      obj.Add(kPort, d.port);
      obj.Add(kFlowinfo, d.flowinfo);
      obj.Add(kScopeId, d.scope_id);
      break;
    case AF_UNIX:
      // A string only if it gives back the same bytes: a name that is not
      // UTF-8 (abstract names often are not) stays bytes, as in Python, so
      // that what getsockname or recvfrom return still names the socket.
      if (core::IsUtf8(d.path, d.path_len)) {
        obj.Add(kPath, Napi::String::New(env, d.path, d.path_len));
      } else {
        obj.Add(kPath, Napi::Buffer<char>::Copy(env, d.path, d.path_len));
      }
      break;
    case AF_PACKET: {
      obj.Add(kIfindex, d.ifindex);
      obj.Add(kProtocol, d.protocol);
      obj.Add(kHatype, d.hatype);
      obj.Add(kPkttype, d.pkttype);
      // As `ip link` prints it: lower-case hex pairs joined by ':'.
      char text[3 * sizeof(d.hwaddr)] = {0};
      for (size_t i = 0; i < d.hwaddr_len; ++i) {
        snprintf(text + 3 * i, 4, i + 1 < d.hwaddr_len ? "%02x:" : "%02x", d.hwaddr[i]);
      }
      obj.Add(kAddr, Napi::String::New(env, text));
      break;
    }
    case AF_NETLINK:
      obj.Add(kPid, d.pid);
      obj.Add(kGroups, d.groups);
      break;
    default:
      break;
  }
  return obj.Make();
}

}  // namespace bsd
