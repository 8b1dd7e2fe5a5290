// The binding's limits, in one place: the native checks use these, and
// InitConstants exports them as the frozen `binding.limits`, which
// lib/limits.ts types for the TS checks. No limit is typed twice.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bsd::core {

// The most a recv may ask for: lengths cross as int32, and a syscall's
// ssize_t result must fit the same.
constexpr int64_t kMaxRecvSize = INT32_MAX;
// Ancillary data (recvmsg's control buffer, CMSG_SPACE/CMSG_LEN payloads):
// far above any real control message, small enough to allocate.
constexpr size_t kMaxAncillarySize = size_t{1} << 20;
// Messages per recvmmsg/sendmmsg: the kernel caps vlen at UIO_MAXIOV.
constexpr size_t kMaxBatchCount = 1024;
// Bytes per MessageBatch slot.
constexpr size_t kMaxBatchSize = size_t{1} << 20;
// Messages a receiver takes per readable event before the loop gets a turn.
constexpr int kMaxReceiverBudget = 1024;
// A packet ring (core/packet_ring.h): the largest block, and the most blocks
// and bytes in one ring. Offsets into the ring cross to JS as uint32; the
// frame index of one block takes about 80% of the block's size.
constexpr uint32_t kMaxRingBlockSize = uint32_t{1} << 24;
constexpr uint32_t kMaxRingBlockCount = uint32_t{1} << 16;
constexpr uint64_t kMaxRingSize = uint64_t{1} << 30;
// tp_retire_blk_tov, in ms: the kernel keeps it in an unsigned short.
constexpr uint32_t kMaxRingTimeoutMs = 65535;
// A getsockopt buffer asked for by size.
constexpr size_t kMaxOptionSize = 65536;
// libuv's MAX_THREADPOOL_SIZE, and so the largest threadpool reserve.
constexpr int kMaxPoolSize = 1024;

}  // namespace bsd::core
