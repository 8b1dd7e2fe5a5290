// The caller's bytes, held for an operation that outlives the call that
// started it. JS can detach or shrink an ArrayBuffer at any moment (transfer,
// resize), so a pointer taken at the start may dangle later: the view is
// pinned by a reference and its bytes are found again each time they are used.
#pragma once

#include <napi.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "js_args.h"

namespace bsd {

class PinnedView {
 public:
  PinnedView() = default;
  // Pins `view`, whose bytes [offset, offset + len) are `bytes`.
  PinnedView(Napi::Value view, const Bytes& bytes);

  bool pinned() const { return !ref_.IsEmpty(); }
  size_t len() const { return len_; }
  // The pinned bytes as they are now; false if the view no longer holds
  // them all (detached or shrunk). `*data` may be null for zero bytes.
  bool Resolve(uint8_t** data) const;

 private:
  Napi::Reference<Napi::Value> ref_;
  size_t offset_ = 0;
  size_t len_ = 0;
};

// An operation's own copy of the caller's bytes, for a threadpool worker,
// which must never touch JS memory.
struct Staging {
  enum Direction { kNone, kToKernel, kFromKernel };
  Direction direction = kNone;
  std::unique_ptr<uint8_t[]> data;
  size_t len = 0;
  // kFromKernel: where the received bytes go, on the main thread, at the end.
  PinnedView target;
  // kFromKernel: copy back the whole block, not just as many bytes as the
  // result says (a batch's result counts messages).
  bool copy_all = false;

  // Copies `bytes` (kToKernel) or makes room for them (kFromKernel).
  static Staging Of(Direction direction, Napi::Value view, const Bytes& bytes);
  // Copies `parts` one after another, for the kernel (sendmsg's buffers).
  static Staging Gather(const std::vector<Bytes>& parts);
  // Copies `count` received bytes into the target; false if it no longer has room.
  bool CopyBack(size_t count) const;
  // After an op's `result`: copies what it received (kFromKernel) into the
  // target; false if the target no longer has room. True if nothing to copy.
  bool Deliver(ssize_t result) const;
};

}  // namespace bsd
