// libFuzzer target for the pure C++ codecs in native/core: sockaddr decode
// and encode, and the control-message walker. Everything the kernel or a
// caller could hand them, with any length. Beyond "no crash, no sanitizer
// report", each case checks a round trip.
//
//   npm run fuzz   (scripts/fuzz.sh: builds with clang, runs for a bounded time)
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/cmsg_codec.h"
#include "core/sockaddr_codec.h"

namespace {

using namespace bsd::core;

void Check(bool ok) {
  if (!ok) std::abort();
}

// Bytes as a sockaddr the kernel returned: decode; what decodes re-encodes
// to the same parts.
void FuzzDecode(const uint8_t* data, size_t size) {
  sockaddr_storage addr{};
  size_t n = size < sizeof(addr) ? size : sizeof(addr);
  std::memcpy(&addr, data, n);
  DecodedAddress d;
  if (DecodeAddress(&addr, static_cast<socklen_t>(size), &d) != 0) return;
  sockaddr_storage again{};
  socklen_t len = 0;
  DecodedAddress back;
  switch (d.family) {
    case AF_INET:
      Check(EncodeInet4(d.text, d.port, &again, &len) == 0);
      Check(DecodeAddress(&again, len, &back) == 0 && back.port == d.port && std::strcmp(back.text, d.text) == 0);
      break;
    case AF_INET6:
      Check(EncodeInet6(d.text, d.port, d.flowinfo, d.scope_id, &again, &len) == 0);
      Check(DecodeAddress(&again, len, &back) == 0 && back.scope_id == d.scope_id && std::strcmp(back.text, d.text) == 0);
      break;
    case AF_UNIX:
      // A decoded path is within sun_path, so it always encodes back.
      if (EncodeUnix(d.path, d.path_len, &again, &len) == 0) {
        Check(DecodeAddress(&again, len, &back) == 0 && back.path_len == d.path_len &&
              std::memcmp(back.path, d.path, d.path_len) == 0);
      }
      break;
    case AF_PACKET:
      Check(EncodePacket(d.ifindex, d.protocol, d.hatype, d.pkttype, d.hwaddr, d.hwaddr_len, &again, &len) == 0);
      Check(DecodeAddress(&again, len, &back) == 0 && back.ifindex == d.ifindex && back.protocol == d.protocol &&
            back.hwaddr_len == d.hwaddr_len && std::memcmp(back.hwaddr, d.hwaddr, d.hwaddr_len) == 0);
      break;
    default:
      break;
  }
}

// Bytes as a Unix path to encode: too long is refused, anything else
// decodes back to the same bytes.
void FuzzUnixPath(const uint8_t* data, size_t size) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  const char* path = reinterpret_cast<const char*>(data);
  if (EncodeUnix(path, size, &addr, &len) != 0) {
    Check(size > kUnixPathMax);
    return;
  }
  DecodedAddress d;
  Check(DecodeAddress(&addr, len, &d) == 0 && d.family == AF_UNIX);
  bool abstract = size > 0 && data[0] == 0;
  // A pathname ends at its first NUL when read back, as the kernel reads it.
  size_t expected = abstract ? size : strnlen(path, size);
  Check(d.path_len == expected && std::memcmp(d.path, data, expected) == 0);
}

// Bytes as control data from recvmsg: walk; what the walk finds, re-built
// with AppendControl, walks to the same messages.
void FuzzControl(const uint8_t* data, size_t size) {
  // Control data is aligned in practice; the walker must cope either way.
  std::vector<uint8_t> control(data, data + size);
  std::vector<ControlMessage> messages = WalkControl(control.data(), control.size());
  std::vector<uint8_t> rebuilt;
  for (const ControlMessage& m : messages) {
    Check(m.data >= control.data() && m.data + m.len <= control.data() + control.size());
    AppendControl(&rebuilt, m.level, m.type, m.data, m.len);
  }
  std::vector<ControlMessage> again = WalkControl(rebuilt.data(), rebuilt.size());
  Check(again.size() == messages.size());
  for (size_t i = 0; i < again.size(); ++i) {
    Check(again[i].level == messages[i].level && again[i].type == messages[i].type &&
          again[i].len == messages[i].len && std::memcmp(again[i].data, messages[i].data, again[i].len) == 0);
  }
}

// Bytes as address text: what parses prints back and parses the same.
void FuzzText(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (int family : {AF_INET, AF_INET6}) {
    uint8_t bytes[16];
    int n = TextToBinary(family, text.c_str(), bytes);
    if (n < 0) continue;
    char printed[46];
    Check(BinaryToText(family, bytes, static_cast<size_t>(n), printed) == 0);
    uint8_t again[16];
    Check(TextToBinary(family, printed, again) == n && std::memcmp(bytes, again, static_cast<size_t>(n)) == 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t* rest = data + 1;
  size_t n = size - 1;
  switch (data[0] % 4) {
    case 0: FuzzDecode(rest, n); break;
    case 1: FuzzUnixPath(rest, n); break;
    case 2: FuzzControl(rest, n); break;
    case 3: FuzzText(rest, n); break;
  }
  return 0;
}
