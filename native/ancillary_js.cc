#include "ancillary_js.h"

#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/cmsg_codec.h"
#include "core/posix_socket.h"
#include "sockaddr_js.h"

namespace bsd {

namespace {

// Copies a payload struct out (control data has no alignment promise);
// false if the payload is too short to hold it.
template <typename T>
bool Read(const core::ControlMessage& m, T* out) {
  if (m.len < sizeof(T)) return false;
  std::memcpy(out, m.data, sizeof(T));
  return true;
}

std::string Text(int family, const void* addr) {
  char text[INET6_ADDRSTRLEN] = {0};
  inet_ntop(family, addr, text, sizeof(text));
  return text;
}

Napi::Object Decode(Napi::Env env, const core::ControlMessage& m) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("level", m.level);
  o.Set("type", m.type);
  auto kind = [&](const char* k) { o.Set("kind", k); };
  if (m.level == SOL_SOCKET && m.type == SCM_RIGHTS) {
    size_t n = m.len / sizeof(int);
    Napi::Array fds = Napi::Array::New(env, n);
    for (size_t i = 0; i < n; ++i) {
      int fd;
      std::memcpy(&fd, m.data + i * sizeof(int), sizeof(int));
      fds.Set(static_cast<uint32_t>(i), fd);
    }
    kind("rights");
    o.Set("fds", fds);
    return o;
  }
  ucred cred;
  if (m.level == SOL_SOCKET && m.type == SCM_CREDENTIALS && Read(m, &cred)) {
    kind("credentials");
    o.Set("pid", cred.pid);
    o.Set("uid", cred.uid);
    o.Set("gid", cred.gid);
    return o;
  }
  timespec ts;
  if (m.level == SOL_SOCKET && m.type == SCM_TIMESTAMPNS && Read(m, &ts)) {
    kind("timestamp");
    o.Set("seconds", static_cast<double>(ts.tv_sec));
    o.Set("nanoseconds", static_cast<double>(ts.tv_nsec));
    return o;
  }
  timeval tv;
  if (m.level == SOL_SOCKET && m.type == SCM_TIMESTAMP && Read(m, &tv)) {
    kind("timestamp");
    o.Set("seconds", static_cast<double>(tv.tv_sec));
    o.Set("nanoseconds", static_cast<double>(tv.tv_usec) * 1000);
    return o;
  }
  in_pktinfo info4;
  if (m.level == IPPROTO_IP && m.type == IP_PKTINFO && Read(m, &info4)) {
    kind("pktinfo");
    o.Set("ifindex", info4.ipi_ifindex);
    o.Set("address", Text(AF_INET, &info4.ipi_addr));
    o.Set("localAddress", Text(AF_INET, &info4.ipi_spec_dst));
    return o;
  }
  in6_pktinfo info6;
  if (m.level == IPPROTO_IPV6 && m.type == IPV6_PKTINFO && Read(m, &info6)) {
    kind("pktinfo");
    o.Set("ifindex", info6.ipi6_ifindex);
    o.Set("address", Text(AF_INET6, &info6.ipi6_addr));
    return o;
  }
  int value;
  if (m.level == IPPROTO_IP && m.type == IP_TTL && Read(m, &value)) {
    kind("ttl");
    o.Set("value", value);
    return o;
  }
  if (m.level == IPPROTO_IP && m.type == IP_TOS && m.len >= 1) {
    kind("tos");
    o.Set("value", m.data[0]);  // a single byte, unlike IPV6_TCLASS
    return o;
  }
  if (m.level == IPPROTO_IPV6 && (m.type == IPV6_HOPLIMIT || m.type == IPV6_TCLASS) &&
      Read(m, &value)) {
    kind(m.type == IPV6_HOPLIMIT ? "hoplimit" : "tclass");
    o.Set("value", value);
    return o;
  }
  sock_extended_err ee;
  if (((m.level == IPPROTO_IP && m.type == IP_RECVERR) ||
       (m.level == IPPROTO_IPV6 && m.type == IPV6_RECVERR)) && Read(m, &ee)) {
    kind("error");
    o.Set("errno", ee.ee_errno);
    o.Set("origin", ee.ee_origin);
    o.Set("icmpType", ee.ee_type);
    o.Set("icmpCode", ee.ee_code);
    o.Set("info", ee.ee_info);
    o.Set("data", ee.ee_data);
    // SO_EE_OFFENDER: the sockaddr of whoever sent the error, right after.
    size_t rest = m.len - sizeof(ee);
    if (rest >= sizeof(sa_family_t)) {
      sockaddr_storage offender{};
      size_t n = rest < sizeof(offender) ? rest : sizeof(offender);
      std::memcpy(&offender, m.data + sizeof(ee), n);
      if (offender.ss_family != AF_UNSPEC) {
        o.Set("offender", AddressToJS(env, &offender, static_cast<socklen_t>(n)));
      }
    }
    return o;
  }
  kind("raw");
  o.Set("data", Napi::Buffer<uint8_t>::Copy(env, m.data, m.len));
  return o;
}

int32_t IntField(Napi::Object o, const char* key) {
  Napi::Value v = o.Get(key);
  if (!v.IsNumber()) throw Napi::TypeError::New(o.Env(), std::string("ancillary ") + key + " must be a number");
  return v.As<Napi::Number>().Int32Value();
}

bool InetField(Napi::Object o, const char* key, int family, void* out) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return true;  // left as zero: "any"
  if (!v.IsString()) throw Napi::TypeError::New(o.Env(), std::string("ancillary ") + key + " must be a string");
  return inet_pton(family, v.As<Napi::String>().Utf8Value().c_str(), out) == 1;
}

}  // namespace

Napi::Array ControlToJS(Napi::Env env, const uint8_t* control, size_t len) {
  std::vector<core::ControlMessage> messages = core::WalkControl(control, len);
  Napi::Array out = Napi::Array::New(env, messages.size());
  for (size_t i = 0; i < messages.size(); ++i) out.Set(static_cast<uint32_t>(i), Decode(env, messages[i]));
  return out;
}

void ForEachReceivedFd(const uint8_t* control, size_t len, const std::function<void(int)>& each) {
  for (const core::ControlMessage& m : core::WalkControl(control, len)) {
    if (m.level != SOL_SOCKET || m.type != SCM_RIGHTS) continue;
    for (size_t i = 0; i + sizeof(int) <= m.len; i += sizeof(int)) {
      int fd;
      std::memcpy(&fd, m.data + i, sizeof(int));
      each(fd);
    }
  }
}

int ControlFromJS(Napi::Value list, std::vector<uint8_t>* out) {
  Napi::Env env = list.Env();
  if (!list.IsArray()) throw Napi::TypeError::New(env, "ancillary data must be an array");
  Napi::Array items = list.As<Napi::Array>();
  for (uint32_t i = 0; i < items.Length(); ++i) {
    Napi::Value item = items.Get(i);
    if (!item.IsObject()) throw Napi::TypeError::New(env, "each ancillary item must be an object");
    Napi::Object o = item.As<Napi::Object>();
    std::string kind = o.Get("kind").IsString() ? o.Get("kind").As<Napi::String>().Utf8Value() : "";
    if (kind == "rights") {
      Napi::Value fds_value = o.Get("fds");
      if (!fds_value.IsArray()) throw Napi::TypeError::New(env, "rights.fds must be an array");
      Napi::Array fds = fds_value.As<Napi::Array>();
      std::vector<int> list_fds;
      for (uint32_t j = 0; j < fds.Length(); ++j) {
        Napi::Value fd = fds.Get(j);
        if (!fd.IsNumber()) throw Napi::TypeError::New(env, "rights.fds must hold numbers");
        list_fds.push_back(fd.As<Napi::Number>().Int32Value());
      }
      core::AppendControl(out, SOL_SOCKET, SCM_RIGHTS, list_fds.data(), list_fds.size() * sizeof(int));
    } else if (kind == "credentials") {
      ucred cred{IntField(o, "pid"), static_cast<uid_t>(IntField(o, "uid")),
                 static_cast<gid_t>(IntField(o, "gid"))};
      core::AppendControl(out, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
    } else if (kind == "pktinfo") {
      // ip(7): on send, ipi_spec_dst is the source address and ipi_ifindex
      // the interface; ipi_addr is ignored.
      in_pktinfo info{};
      info.ipi_ifindex = IntField(o, "ifindex");
      if (!InetField(o, "localAddress", AF_INET, &info.ipi_spec_dst)) return -EINVAL;
      core::AppendControl(out, IPPROTO_IP, IP_PKTINFO, &info, sizeof(info));
    } else if (kind == "pktinfo6") {
      // ipv6(7): ipi6_addr is the source address on send.
      in6_pktinfo info6{};
      info6.ipi6_ifindex = static_cast<unsigned>(IntField(o, "ifindex"));
      if (!InetField(o, "address", AF_INET6, &info6.ipi6_addr)) return -EINVAL;
      core::AppendControl(out, IPPROTO_IPV6, IPV6_PKTINFO, &info6, sizeof(info6));
    } else if (kind == "ttl" || kind == "hoplimit" || kind == "tos" || kind == "tclass") {
      int value = IntField(o, "value");
      int level = (kind == "ttl" || kind == "tos") ? IPPROTO_IP : IPPROTO_IPV6;
      int type = kind == "ttl" ? IP_TTL : kind == "tos" ? IP_TOS
               : kind == "hoplimit" ? IPV6_HOPLIMIT : IPV6_TCLASS;
      core::AppendControl(out, level, type, &value, sizeof(value));
    } else if (kind == "raw") {
      Napi::Value data = o.Get("data");
      if (!data.IsBuffer()) throw Napi::TypeError::New(env, "raw.data must be a Buffer");
      auto bytes = data.As<Napi::Buffer<uint8_t>>();
      core::AppendControl(out, IntField(o, "level"), IntField(o, "type"), bytes.Data(), bytes.Length());
    } else {
      return -EINVAL;
    }
  }
  return 0;
}

}  // namespace bsd
