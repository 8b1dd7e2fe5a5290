// The memory of a MessageBatch (lib/message_batch.ts), for recvmmsg(2) and
// sendmmsg(2): one block the caller allocates once and reuses, so that a
// batch call makes no allocation per message, in JS or here.
//
//   [0, count * size)            the slots, `size` bytes each
//   then, 8-aligned: int32[count] each message's length
//                    int32[count] each message's address length (0: none)
//   then, 8-aligned: sockaddr_storage[count] each message's address
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "posix_socket.h"

namespace bsd::core {

struct BatchLayout {
  uint8_t* base = nullptr;
  size_t count = 0;
  size_t size = 0;

  static size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }
  static size_t LengthsOffset(size_t count, size_t size) { return Align8(count * size); }
  static size_t AddressesOffset(size_t count, size_t size) {
    return Align8(LengthsOffset(count, size) + 2 * sizeof(int32_t) * count);
  }
  static size_t Bytes(size_t count, size_t size) {
    return AddressesOffset(count, size) + sizeof(sockaddr_storage) * count;
  }

  uint8_t* slot(size_t i) const { return base + i * size; }
  int32_t* lengths() const { return reinterpret_cast<int32_t*>(base + LengthsOffset(count, size)); }
  int32_t* address_lengths() const { return lengths() + count; }
  sockaddr_storage* addresses() const {
    return reinterpret_cast<sockaddr_storage*>(base + AddressesOffset(count, size));
  }
};

// The headers of one batch call. Kept by the caller and rebuilt only when the
// memory moves, not per call.
struct BatchHeaders {
  std::vector<mmsghdr> msgs;
  std::vector<iovec> iovs;
  BatchLayout built_for;

  void Point(const BatchLayout& batch, size_t count) {
    if (built_for.base == batch.base && built_for.count == batch.count &&
        built_for.size == batch.size && msgs.size() == count) {
      return;
    }
    msgs.assign(count, mmsghdr{});
    iovs.assign(count, iovec{});
    for (size_t i = 0; i < count; ++i) {
      iovs[i].iov_base = batch.slot(i);
      msgs[i].msg_hdr.msg_iov = &iovs[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
      msgs[i].msg_hdr.msg_name = &batch.addresses()[i];
    }
    built_for = batch;
  }
};

// recvmmsg(2) into every slot; fills lengths and address lengths.
struct RecvBatchOp {
  static constexpr short events = POLLIN;
  int fd = -1;
  BatchLayout batch;
  int flags = 0;
  // At most this many messages (0: as many as the batch holds).
  size_t limit = 0;
  // The loop thread's shared headers, or null for the op's own (a worker's,
  // a receiver's).
  BatchHeaders* shared = nullptr;
  BatchHeaders own;

  ssize_t Attempt() {
    BatchHeaders* headers = shared != nullptr ? shared : &own;
    headers->Point(batch, batch.count);
    size_t count = limit == 0 || limit > batch.count ? batch.count : limit;
    for (size_t i = 0; i < count; ++i) {
      headers->iovs[i].iov_len = batch.size;
      headers->msgs[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
      headers->msgs[i].msg_hdr.msg_flags = 0;
    }
    int n = RecvMmsg(fd, headers->msgs.data(), static_cast<unsigned>(count), flags);
    for (int i = 0; i < n; ++i) {
      batch.lengths()[i] = static_cast<int32_t>(headers->msgs[i].msg_len);
      batch.address_lengths()[i] = static_cast<int32_t>(headers->msgs[i].msg_hdr.msg_namelen);
    }
    return n;
  }
  ssize_t Finish(ssize_t r) const { return r; }
};

// sendmmsg(2) of the first `count` slots, each `lengths[i]` bytes, to its
// address if `address_lengths[i]` is set (else to the connected peer).
struct SendBatchOp {
  static constexpr short events = POLLOUT;
  int fd = -1;
  BatchLayout batch;
  size_t count = 0;
  int flags = 0;
  BatchHeaders* shared = nullptr;
  BatchHeaders own;

  ssize_t Attempt() {
    BatchHeaders* headers = shared != nullptr ? shared : &own;
    headers->Point(batch, count);
    for (size_t i = 0; i < count; ++i) {
      int32_t len = batch.lengths()[i];
      int32_t address_len = batch.address_lengths()[i];
      // The lengths are the caller's to write: never trust them past a slot.
      headers->iovs[i].iov_len = len < 0 ? 0 : static_cast<size_t>(len) > batch.size ? batch.size : static_cast<size_t>(len);
      headers->msgs[i].msg_hdr.msg_namelen =
          address_len <= 0 ? 0 : address_len > static_cast<int32_t>(sizeof(sockaddr_storage))
                                     ? sizeof(sockaddr_storage) : static_cast<socklen_t>(address_len);
      headers->msgs[i].msg_hdr.msg_name = address_len <= 0 ? nullptr : &batch.addresses()[i];
    }
    return SendMmsg(fd, headers->msgs.data(), static_cast<unsigned>(count), flags);
  }
  ssize_t Finish(ssize_t r) const { return r; }
};

}  // namespace bsd::core
