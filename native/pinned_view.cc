#include "pinned_view.h"

#include <algorithm>
#include <cstring>

namespace bsd {

namespace {

// The staging buffer of a zero-byte call still needs an address.
std::unique_ptr<uint8_t[]> Allocate(size_t len) {
  return std::unique_ptr<uint8_t[]>(new uint8_t[len == 0 ? 1 : len]);
}

}  // namespace

PinnedView::PinnedView(Napi::Value view, const Bytes& bytes)
    : ref_(Napi::Persistent(view)), offset_(bytes.offset), len_(bytes.len) {}

bool PinnedView::Resolve(uint8_t** data) const {
  uint8_t* base = nullptr;
  size_t size = 0;
  if (ref_.IsEmpty() || !ViewBytes(ref_.Value(), &base, &size) || offset_ + len_ > size) return false;
  *data = base == nullptr ? nullptr : base + offset_;
  return true;
}

Staging Staging::Gather(const std::vector<Bytes>& parts) {
  Staging staging;
  staging.direction = kToKernel;
  for (const Bytes& b : parts) staging.len += b.len;
  staging.data = Allocate(staging.len);
  size_t at = 0;
  for (const Bytes& b : parts) {
    if (b.len > 0) std::memcpy(staging.data.get() + at, b.data, b.len);
    at += b.len;
  }
  return staging;
}

Staging Staging::Of(Direction direction, Napi::Value view, const Bytes& bytes) {
  if (direction == kToKernel) return Gather({bytes});
  Staging staging;
  staging.direction = direction;
  staging.len = bytes.len;
  staging.data = Allocate(bytes.len);
  staging.target = PinnedView(view, bytes);
  return staging;
}

bool Staging::CopyBack(size_t count) const {
  uint8_t* data = nullptr;
  if (count > len || !target.Resolve(&data)) return false;
  if (count > 0) std::memcpy(data, this->data.get(), count);
  return true;
}

}  // namespace bsd

namespace bsd {

bool Staging::Deliver(ssize_t result) const {
  if (result <= 0 || direction != kFromKernel) return true;
  // MSG_TRUNC can report more than fitted; only what fitted was read.
  size_t count = copy_all ? len : std::min(static_cast<size_t>(result), len);
  return CopyBack(count);
}

}  // namespace bsd
