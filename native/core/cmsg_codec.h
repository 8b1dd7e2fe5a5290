// Walking and building ancillary data (control messages, cmsg(3)). Pure: no
// Node. The walker must survive any bytes (it is a fuzz target): it trusts
// no length it did not check against the buffer.
#pragma once

#include <sys/socket.h>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bsd::core {

struct ControlMessage {
  int level;
  int type;
  const uint8_t* data;
  size_t len;
};

// The control messages in `control[0, len)`, in order. A message whose
// header claims more than is left ends the walk.
std::vector<ControlMessage> WalkControl(const uint8_t* control, size_t len);

// Appends one control message (header, data, padding) to `out`.
void AppendControl(std::vector<uint8_t>* out, int level, int type, const void* data, size_t len);

// Room a receive needs for `payload` bytes of one message (CMSG_SPACE).
size_t ControlSpace(size_t payload);

}  // namespace bsd::core
