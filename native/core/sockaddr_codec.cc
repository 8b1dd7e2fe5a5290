#include "sockaddr_codec.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
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
  // An empty Buffer has no data pointer: memcpy from null is undefined even for 0 bytes.
  if (path_len > 0) std::memcpy(sun->sun_path, path, path_len);
  // Abstract names are exactly `path_len` bytes long: the length, not a NUL,
  // ends them, and a stray NUL would be part of the name. An empty path is
  // the family alone: unnamed (bind(2) then autobinds, unix(7)); a lone NUL
  // would be the empty abstract name instead.
  size_t terminator = abstract || path_len == 0 ? 0 : 1;
  *len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path_len + terminator);
  return 0;
}

int EncodeUnspec(sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  out->ss_family = AF_UNSPEC;
  *len = sizeof(sa_family_t);
  return 0;
}

int EncodePacket(int ifindex, uint16_t protocol, uint16_t hatype, uint8_t pkttype,
                 const uint8_t* hwaddr, size_t hwaddr_len, sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  auto* sll = reinterpret_cast<sockaddr_ll*>(out);
  if (hwaddr_len > sizeof(sll->sll_addr)) return -EINVAL;
  sll->sll_family = AF_PACKET;
  sll->sll_protocol = htons(protocol);
  sll->sll_ifindex = ifindex;
  sll->sll_hatype = hatype;
  sll->sll_pkttype = pkttype;
  sll->sll_halen = static_cast<unsigned char>(hwaddr_len);
  if (hwaddr_len > 0) std::memcpy(sll->sll_addr, hwaddr, hwaddr_len);
  *len = sizeof(*sll);
  return 0;
}

int EncodeNetlink(uint32_t pid, uint32_t groups, sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  auto* nl = reinterpret_cast<sockaddr_nl*>(out);
  nl->nl_family = AF_NETLINK;
  nl->nl_pid = pid;
  nl->nl_groups = groups;
  *len = sizeof(*nl);
  return 0;
}

int TextToBinary(int family, const char* text, uint8_t out[16]) {
  if (family != AF_INET && family != AF_INET6) return -EAFNOSUPPORT;
  if (inet_pton(family, text, out) != 1) return -EINVAL;
  return family == AF_INET ? 4 : 16;
}

int BinaryToText(int family, const uint8_t* bytes, size_t len, char out[46]) {
  if (family != AF_INET && family != AF_INET6) return -EAFNOSUPPORT;
  if (len != (family == AF_INET ? 4u : 16u)) return -EINVAL;
  return inet_ntop(family, bytes, out, 46) == nullptr ? -EINVAL : 0;
}

namespace {

// inet_ntop(AF_INET, ...), written out: glibc's goes through sprintf, about
// 1,700 instructions, on every accepted connection and received datagram.
void FormatInet4(const in_addr& address, char out[16]) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(&address.s_addr);
  char* p = out;
  for (int i = 0; i < 4; ++i) {
    unsigned v = bytes[i];
    if (v >= 100) *p++ = static_cast<char>('0' + v / 100);
    if (v >= 10) *p++ = static_cast<char>('0' + v / 10 % 10);
    *p++ = static_cast<char>('0' + v % 10);
    *p++ = i < 3 ? '.' : '\0';
  }
}

}  // namespace

int DecodeAddress(const sockaddr_storage* addr, socklen_t len, DecodedAddress* out) {
  *out = DecodedAddress{};
  if (len < static_cast<socklen_t>(sizeof(sa_family_t))) return 0;  // unnamed
  out->family = addr->ss_family;
  switch (addr->ss_family) {
    case AF_INET: {
      if (len < static_cast<socklen_t>(sizeof(sockaddr_in))) return -EINVAL;
      auto* sin = reinterpret_cast<const sockaddr_in*>(addr);
      FormatInet4(sin->sin_addr, out->text);
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
    case AF_PACKET: {
      // The kernel may return fewer bytes than sockaddr_ll (a short address).
      if (len < static_cast<socklen_t>(offsetof(sockaddr_ll, sll_addr))) return -EINVAL;
      auto* sll = reinterpret_cast<const sockaddr_ll*>(addr);
      out->ifindex = sll->sll_ifindex;
      out->protocol = ntohs(sll->sll_protocol);
      out->hatype = sll->sll_hatype;
      out->pkttype = sll->sll_pkttype;
      size_t room = static_cast<size_t>(len) - offsetof(sockaddr_ll, sll_addr);
      size_t n = sll->sll_halen;
      if (n > sizeof(out->hwaddr)) n = sizeof(out->hwaddr);
      if (n > room) n = room;
      std::memcpy(out->hwaddr, sll->sll_addr, n);
      out->hwaddr_len = n;
      return 0;
    }
    case AF_NETLINK: {
      if (len < static_cast<socklen_t>(sizeof(sockaddr_nl))) return -EINVAL;
      auto* nl = reinterpret_cast<const sockaddr_nl*>(addr);
      out->pid = nl->nl_pid;
      out->groups = nl->nl_groups;
      return 0;
    }
    default:
      return 0;
  }
}

bool IsUtf8(const char* bytes, size_t len) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes);
  size_t i = 0;
  while (i < len) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    // The second byte's range is where overlong forms, surrogates and code
    // points past U+10FFFF are ruled out (RFC 3629, section 4).
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (len - i <= n) return false;
    if (p[i + 1] < low || p[i + 1] > high) return false;
    for (size_t k = 2; k <= n; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace bsd::core
