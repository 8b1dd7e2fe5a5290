// The packet ring's entry points. packetRingOnLoop sets the ring up on the
// socket and gives a RingReceiver to the socket's watcher, which owns it
// from then on; the others are plain calls on the fd.
#include "packet_ring_js.h"

#include <unistd.h>

#include <cerrno>
#include <string>

#include "core/limits.h"
#include "core/packet_ring.h"
#include "core/status.h"
#include "js_args.h"
#include "readiness_watcher.h"
#include "receiver_js.h"
#include "ring_receiver.h"
#include "socket_handle.h"

namespace bsd {

namespace {

using Info = Napi::CallbackInfo;

// info[i] as an integer in [min, max], else a RangeError naming `what`.
uint32_t RangeArg(const Info& info, size_t i, int64_t min, int64_t max, const char* what) {
  double value = NumberArg(info, i);
  if (!(value >= static_cast<double>(min) && value <= static_cast<double>(max)) ||
      value != static_cast<double>(static_cast<int64_t>(value))) {
    throw Napi::RangeError::New(info.Env(), std::string(what) + " out of range");
  }
  return static_cast<uint32_t>(value);
}

Napi::Value Failure(Napi::Env env, int status, const char* syscall) {
  Napi::Object failure = Napi::Object::New(env);
  failure.Set("status", Napi::Number::New(env, status));
  failure.Set("syscall", Napi::String::New(env, syscall));
  return failure;
}

// packetRingOnLoop(handle, blockSize, blockCount, frameSize, timeoutMs,
// fillRxhash, budget, callback): sets up the socket's TPACKET_V3 ring and
// starts its receiver, which calls callback(frames, 0) per retired block.
// Returns { ring, index } (the two ArrayBuffers) or { status, syscall }.
Napi::Value PacketRingOnLoop(const Info& info) {
  Napi::Env env = info.Env();
  SocketHandle* handle = SocketHandle::From(info[0]);
  core::RingGeometry geometry;
  geometry.block_size = RangeArg(info, 1, 1, core::kMaxRingBlockSize, "block size");
  geometry.block_count = RangeArg(info, 2, 1, core::kMaxRingBlockCount, "block count");
  geometry.frame_size = RangeArg(info, 3, 1, geometry.block_size, "frame size");
  geometry.retire_timeout_ms = RangeArg(info, 4, 0, core::kMaxRingTimeoutMs, "block timeout");
  geometry.fill_rxhash = info[5].ToBoolean();
  int budget = BudgetArg(info, 6);
  Napi::Function callback = CallbackArg(info, 7);
  if (static_cast<uint64_t>(geometry.block_size) * geometry.block_count > core::kMaxRingSize) {
    throw Napi::RangeError::New(env, "ring size out of range");
  }
  if (handle->closed()) return Failure(env, core::kStatusClosed, "setsockopt");
  int error = 0;
  ReadinessWatcher* watcher = handle->Watcher(&error);
  if (watcher == nullptr) return Failure(env, error, "epoll_ctl");
  // One receiver per socket: refused before the kernel ring is made, which
  // could not be taken down again once mapped.
  if (watcher->has_receiver()) return Failure(env, -EBUSY, "setsockopt");
  core::RxRing ring;
  const char* failed_call = nullptr;
  int r = ring.Open(handle->fd(), geometry, &failed_call);
  if (r < 0) return Failure(env, r, failed_call);
  auto* receiver = new RingReceiver(env, handle->fd(), std::move(ring), callback, budget);
  Napi::Value buffers;
  try {
    buffers = receiver->Expose(env);
  } catch (...) {
    delete receiver;
    throw;
  }
  // The watcher owns it from here, and deletes it if this fails.
  r = watcher->SetReceiver(receiver);
  if (r < 0) return Failure(env, r, "epoll_ctl");
  return buffers;
}

// packetRingStatistics(fd): [packets, drops, freezes] since the last read
// (PACKET_STATISTICS resets them), or -errno.
Napi::Value PacketRingStatistics(const Info& info) {
  Napi::Env env = info.Env();
  tpacket_stats_v3 stats;
  int r = core::ReadRingStatistics(Int32Arg(info, 0), &stats);
  if (r < 0) return Napi::Number::New(env, r);
  Napi::Array counts = Napi::Array::New(env, 3);
  counts.Set(0u, Napi::Number::New(env, stats.tp_packets));
  counts.Set(1u, Napi::Number::New(env, stats.tp_drops));
  counts.Set(2u, Napi::Number::New(env, stats.tp_freeze_q_cnt));
  return counts;
}

// packetFanout(fd, group, mode, flags): PACKET_FANOUT; 0 or -errno.
Napi::Value PacketFanout(const Info& info) {
  uint16_t group = static_cast<uint16_t>(RangeArg(info, 1, 0, UINT16_MAX, "fanout group"));
  uint16_t mode = static_cast<uint16_t>(RangeArg(info, 2, 0, UINT16_MAX, "fanout mode"));
  uint16_t flags = static_cast<uint16_t>(RangeArg(info, 3, 0, UINT16_MAX, "fanout flags"));
  return Napi::Number::New(info.Env(), core::JoinFanout(Int32Arg(info, 0), group, mode, flags));
}

// Where JS finds each field in the frame index (core::IndexBlock), and the
// sizes its checks need: no position or size is typed in TS.
Napi::Object RingLayout(Napi::Env env) {
  Napi::Object layout = Napi::Object::New(env);
  auto set = [&](const char* name, double value) { layout.Set(name, Napi::Number::New(env, value)); };
  set("PAGE_SIZE", static_cast<double>(sysconf(_SC_PAGESIZE)));
  set("FRAME_HEADER_LEN", static_cast<double>(core::kFrameHeaderLen));
  set("BLOCK_HEADER_LEN", static_cast<double>(sizeof(tpacket_block_desc)));
  set("HEADER_WORDS", core::kIndexHeaderWords);
  set("FRAME_WORDS", core::kFrameWords);
  set("FIELD_ABSENT", core::kFieldAbsent);
  set("FRAMES", core::kIndexFrames);
  set("BLOCK_STATUS", core::kIndexBlockStatus);
  set("SEQ_LOW", core::kIndexSeqLow);
  set("SEQ_HIGH", core::kIndexSeqHigh);
  set("MAC", core::kFrameMac);
  set("NET", core::kFrameNet);
  set("SNAPLEN", core::kFrameSnaplen);
  set("LEN", core::kFrameLen);
  set("SEC", core::kFrameSec);
  set("NSEC", core::kFrameNsec);
  set("STATUS", core::kFrameStatus);
  set("IFINDEX", core::kFrameIfindex);
  set("PROTOCOL", core::kFrameProtocol);
  set("PKTTYPE", core::kFramePktType);
  set("HATYPE", core::kFrameHaType);
  set("VLAN_TCI", core::kFrameVlanTci);
  set("VLAN_TPID", core::kFrameVlanTpid);
  set("RXHASH", core::kFrameRxhash);
  layout.Freeze();
  return layout;
}

}  // namespace

void InitPacketRing(Napi::Env env, Napi::Object exports) {
  exports.Set("packetRingOnLoop", Napi::Function::New(env, PacketRingOnLoop, "packetRingOnLoop"));
  exports.Set("packetRingStatistics", Napi::Function::New(env, PacketRingStatistics, "packetRingStatistics"));
  exports.Set("packetFanout", Napi::Function::New(env, PacketFanout, "packetFanout"));
  exports.Set("ringLayout", RingLayout(env));
}

}  // namespace bsd
