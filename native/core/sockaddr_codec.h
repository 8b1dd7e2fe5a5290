// Converting socket addresses between sockaddr structures and their parts
// (text address, port, path). Pure: no Node, no allocation.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <cstddef>
#include <cstdint>

namespace bsd::core {

// Each returns 0, or -EINVAL for an address text that does not parse, or
// -ENAMETOOLONG for a Unix path that does not fit in sun_path.
int EncodeInet4(const char* text, uint16_t port, sockaddr_storage* out, socklen_t* len);
int EncodeInet6(const char* text, uint16_t port, uint32_t flowinfo, uint32_t scope_id,
                sockaddr_storage* out, socklen_t* len);
// `path` may start with '\0' (Linux abstract namespace) and is not
// NUL-terminated; `path_len` counts its bytes.
int EncodeUnix(const char* path, size_t path_len, sockaddr_storage* out, socklen_t* len);
// AF_UNSPEC: connect() to it dissolves a datagram socket's association.
int EncodeUnspec(sockaddr_storage* out, socklen_t* len);
// AF_PACKET (sockaddr_ll). `protocol` is an ETH_P_* value in host order; the
// hardware address is at most 8 bytes (-EINVAL beyond).
int EncodePacket(int ifindex, uint16_t protocol, uint16_t hatype, uint8_t pkttype,
                 const uint8_t* hwaddr, size_t hwaddr_len, sockaddr_storage* out, socklen_t* len);
// AF_NETLINK (sockaddr_nl).
int EncodeNetlink(uint32_t pid, uint32_t groups, sockaddr_storage* out, socklen_t* len);

// inet_pton(3) into `out` (4 or 16 bytes); returns the length, or -EINVAL
// for text that does not parse, -EAFNOSUPPORT for another family.
int TextToBinary(int family, const char* text, uint8_t out[16]);
// inet_ntop(3); returns 0, or -EINVAL when `len` does not fit the family.
int BinaryToText(int family, const uint8_t* bytes, size_t len, char out[46]);

// The largest path EncodeUnix accepts: a pathname needs room for its NUL.
constexpr size_t kUnixPathMax = sizeof(sockaddr_un::sun_path) - 1;

struct DecodedAddress {
  int family = AF_UNSPEC;
  char text[46] = {0};  // INET6_ADDRSTRLEN
  uint16_t port = 0;
  uint32_t flowinfo = 0;
  uint32_t scope_id = 0;
  const char* path = nullptr;  // AF_UNIX: points into the sockaddr
  size_t path_len = 0;
  // AF_PACKET
  int ifindex = 0;
  uint16_t protocol = 0;  // host order
  uint16_t hatype = 0;
  uint8_t pkttype = 0;
  uint8_t hwaddr[8] = {0};
  size_t hwaddr_len = 0;
  // AF_NETLINK
  uint32_t pid = 0;
  uint32_t groups = 0;
};

// Whether `bytes` are well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), so that decoding them to a JS string
// and encoding that back gives the same bytes.
bool IsUtf8(const char* bytes, size_t len);

// Fills `out` from a sockaddr the kernel returned. Returns 0, or -EINVAL when
// `len` is too short for the family it names. Families it does not know are
// decoded to `family` alone.
int DecodeAddress(const sockaddr_storage* addr, socklen_t len, DecodedAddress* out);

}  // namespace bsd::core
