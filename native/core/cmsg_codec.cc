#include "cmsg_codec.h"

#include <cstring>

namespace bsd::core {

std::vector<ControlMessage> WalkControl(const uint8_t* control, size_t len) {
  std::vector<ControlMessage> out;
  // CMSG_FIRSTHDR / CMSG_NXTHDR do the alignment; glibc's CMSG_NXTHDR also
  // checks the next header fits. cmsg_len itself is checked here.
  msghdr msg{};
  msg.msg_control = const_cast<uint8_t*>(control);
  msg.msg_controllen = len;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    auto offset = static_cast<size_t>(reinterpret_cast<uint8_t*>(c) - control);
    if (c->cmsg_len < CMSG_LEN(0) || c->cmsg_len > len - offset) break;
    out.push_back({c->cmsg_level, c->cmsg_type, CMSG_DATA(c), c->cmsg_len - CMSG_LEN(0)});
  }
  return out;
}

void AppendControl(std::vector<uint8_t>* out, int level, int type, const void* data, size_t len) {
  size_t start = out->size();
  out->resize(start + CMSG_SPACE(len), 0);
  cmsghdr header{};
  header.cmsg_len = CMSG_LEN(len);
  header.cmsg_level = level;
  header.cmsg_type = type;
  std::memcpy(out->data() + start, &header, sizeof(header));
  if (len > 0) std::memcpy(out->data() + start + CMSG_LEN(0), data, len);
}

size_t ControlSpace(size_t payload) { return CMSG_SPACE(payload); }

}  // namespace bsd::core
