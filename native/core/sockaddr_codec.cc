#include "sockaddr_codec.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>

namespace bsd::core {

int EncodeInet4(const char* text, uint16_t port, sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  auto* sin = reinterpret_cast<sockaddr_in*>(out);
  if (inet_pton(AF_INET, text, &sin->sin_addr) != 1) return -EINVAL;
  sin->sin_family = AF_INET;
  sin->sin_port = htons(port);
  *len = sizeof(*sin);
  return 0;
}

int EncodeInet6(const char* text, uint16_t port, uint32_t flowinfo, uint32_t scope_id,
                sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(out);
  if (inet_pton(AF_INET6, text, &sin6->sin6_addr) != 1) return -EINVAL;
  sin6->sin6_family = AF_INET6;
  sin6->sin6_port = htons(port);
  sin6->sin6_flowinfo = htonl(flowinfo);
  sin6->sin6_scope_id = scope_id;
  *len = sizeof(*sin6);
  return 0;
}

int EncodeUnix(const char* path, size_t path_len, sockaddr_storage* out, socklen_t* len) {
  bool abstract = path_len > 0 && path[0] == '\0';
  // An abstract name may use every byte of sun_path; a pathname needs its NUL.
  size_t max = abstract ? sizeof(sockaddr_un::sun_path) : kUnixPathMax;
  if (path_len > max) return -ENAMETOOLONG;
  std::memset(out, 0, sizeof(*out));
  auto* sun = reinterpret_cast<sockaddr_un*>(out);
  sun->sun_family = AF_UNIX;
  std::memcpy(sun->sun_path, path, path_len);
  // Abstract names are exactly `path_len` bytes long: the length, not a NUL,
  // ends them, and a stray NUL would be part of the name.
  *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path_len + (abstract ? 0 : 1));
  return 0;
}

int EncodeUnspec(sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  out->ss_family = AF_UNSPEC;
  *len = sizeof(sa_family_t);
  return 0;
}

int DecodeAddress(const sockaddr_storage* addr, socklen_t len, DecodedAddress* out) {
  *out = DecodedAddress{};
  if (len < static_cast<socklen_t>(sizeof(sa_family_t))) return 0;  // unnamed
  out->family = addr->ss_family;
  switch (addr->ss_family) {
    case AF_INET: {
      if (len < static_cast<socklen_t>(sizeof(sockaddr_in))) return -EINVAL;
      auto* sin = reinterpret_cast<const sockaddr_in*>(addr);
      inet_ntop(AF_INET, &sin->sin_addr, out->text, sizeof(out->text));
      out->port = ntohs(sin->sin_port);
      return 0;
    }
    case AF_INET6: {
      if (len < static_cast<socklen_t>(sizeof(sockaddr_in6))) return -EINVAL;
      auto* sin6 = reinterpret_cast<const sockaddr_in6*>(addr);
      inet_ntop(AF_INET6, &sin6->sin6_addr, out->text, sizeof(out->text));
      out->port = ntohs(sin6->sin6_port);
      out->flowinfo = ntohl(sin6->sin6_flowinfo);
      out->scope_id = sin6->sin6_scope_id;
      return 0;
    }
    case AF_UNIX: {
      auto* sun = reinterpret_cast<const sockaddr_un*>(addr);
      size_t max = sizeof(sockaddr_un);
      size_t n = static_cast<size_t>(len) > max ? max : static_cast<size_t>(len);
      size_t path_len = n - offsetof(sockaddr_un, sun_path);
      if (path_len > 0 && sun->sun_path[0] != '\0') {
        // A pathname: the kernel may count its NUL, and may not.
        path_len = strnlen(sun->sun_path, path_len);
      }
      out->path = sun->sun_path;
      out->path_len = path_len;
      return 0;
    }
    default:
      return 0;
  }
}

}  // namespace bsd::core
