// The packet ring as a receiver (receiver.h) on its socket's watcher: the
// socket reads readable once the kernel has retired a block, and on each
// readable event the watcher's Drain takes the retired blocks in ring
// order, up to the budget. For each, RingReceiver writes the block's frame
// index (core::IndexBlock), calls JS once with the frame count, and gives
// the block back to the kernel (TP_STATUS_KERNEL) when the call returns.
//
// JS sees the ring and the index as two external ArrayBuffers over this
// receiver's memory: no copy of a frame. They are detached before that
// memory goes (munmap, delete), so a view JS kept reads as empty instead of
// reaching unmapped memory. The receiver goes when the watcher deletes it:
// stop, close, GC of the socket, Worker teardown, exit, all as for the
// other receivers. Loop thread only.
#pragma once

#include <napi.h>

#include <cstdint>
#include <memory>

#include "core/packet_ring.h"
#include "receiver.h"

namespace bsd {

class RingReceiver final : public Receiver {
 public:
  // `ring` is open on `fd`.
  RingReceiver(napi_env env, int fd, core::RxRing ring, Napi::Function callback, int budget);
  ~RingReceiver() override;

  // { ring, index }: ArrayBuffers over the mapped ring and the frame index,
  // made once.
  Napi::Value Expose(Napi::Env env);

  // The frame count of the next retired block, now indexed and lent to JS;
  // -EAGAIN if the kernel has not retired it, or the socket's pending error
  // (ENETDOWN once the interface goes down), which nothing else would read.
  ssize_t Attempt(int max_messages) override;
  int Messages(ssize_t) const override { return 1; }
  bool Emptied(ssize_t, int) const override { return false; }

 protected:
  void Delivered(ssize_t result) override;

 private:
  // Detaches the buffer behind `ref`, if any, and deletes the reference;
  // false if it could not be detached (its memory must then stay).
  bool Detach(napi_ref* ref);

  napi_env env_;
  int fd_;
  core::RxRing ring_;
  std::unique_ptr<uint32_t[]> index_;
  size_t index_words_;
  napi_ref ring_buffer_ = nullptr;
  napi_ref index_buffer_ = nullptr;
  // A block was indexed and handed to JS, not yet given back.
  bool lent_ = false;
};

}  // namespace bsd
