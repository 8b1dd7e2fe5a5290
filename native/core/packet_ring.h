// A TPACKET_V3 receive ring on an AF_PACKET socket (packet(7),
// Documentation/networking/packet_mmap.rst): PACKET_VERSION, PACKET_RX_RING
// with a struct tpacket_req3, and mmap(2) of the ring. The kernel fills one
// block at a time with variable-length frames and hands it over (retires
// it) when it is full or when the block timeout expires: its block_status
// turns TP_STATUS_USER, and the program gives it back by writing
// TP_STATUS_KERNEL. Blocks are used in ring order, so the reader only ever
// looks at the next one.
//
// Also PACKET_FANOUT and PACKET_STATISTICS, and the walk over one block's
// frames (IndexBlock), which trusts no offset it did not check against the
// block. Pure POSIX: no Node here.
#pragma once

#include <linux/if_packet.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>

namespace bsd::core {

struct RingGeometry {
  // A multiple of the page size (the kernel's rule); each block is
  // allocated as one run of pages.
  uint32_t block_size = 0;
  uint32_t block_count = 0;
  // TPACKET_V3 frames are variable-length: this only sets tp_frame_nr,
  // which the kernel checks against the blocks (block_size / frame_size
  // frames per block).
  uint32_t frame_size = 0;
  // tp_retire_blk_tov: a block that is not full is retired this long after
  // it was opened. 0: the kernel's choice, from the link speed.
  uint32_t retire_timeout_ms = 0;
  // tp_feature_req_word TP_FT_REQ_FILL_RXHASH: the kernel fills tp_rxhash.
  bool fill_rxhash = false;
};

// What IndexBlock writes for one block, in 32-bit words: a header, then
// kFrameWords per frame. The glue exports these positions to JS, which
// reads them from one Uint32Array instead of parsing the kernel's structs.
enum IndexHeader : uint32_t {
  kIndexFrames,       // frames indexed
  kIndexBlockStatus,  // the block's status bits (TP_STATUS_BLK_TMO: retired by the timeout)
  kIndexSeqLow,       // the kernel's block sequence number (seq_num), low and high 32 bits
  kIndexSeqHigh,
  kIndexHeaderWords,
};
enum IndexFrameField : uint32_t {
  kFrameMac,       // the frame's bytes (tp_mac): an offset in the whole ring
  kFrameNet,       // its network header (tp_net): an offset in the whole ring
  kFrameSnaplen,   // bytes captured
  kFrameLen,       // the packet's length on the wire
  kFrameSec,       // timestamp
  kFrameNsec,
  kFrameStatus,    // TP_STATUS_* bits
  kFrameIfindex,   // sockaddr_ll: interface index
  kFrameProtocol,  // EtherType, host order
  kFramePktType,   // PACKET_HOST, PACKET_OUTGOING, ...
  kFrameHaType,    // ARPHRD_*
  kFrameVlanTci,   // kFieldAbsent unless TP_STATUS_VLAN_VALID
  kFrameVlanTpid,  // kFieldAbsent unless TP_STATUS_VLAN_TPID_VALID
  kFrameRxhash,    // 0 unless the ring asked for it
  kFrameWords,
};
constexpr uint32_t kFieldAbsent = UINT32_MAX;

// TPACKET3_HDRLEN: the frame header and its sockaddr_ll, the least room a
// frame takes in a block.
constexpr size_t kFrameHeaderLen = TPACKET_ALIGN(sizeof(tpacket3_hdr)) + sizeof(sockaddr_ll);

// The most frames a block of `block_size` bytes can hold as IndexBlock
// accepts them (each at least kFrameHeaderLen past the block descriptor),
// and so the room the index needs.
size_t MaxFramesPerBlock(size_t block_size);
size_t IndexWords(size_t block_size);

// Writes the index of the retired block `block` (block_size bytes, at
// `block_offset` in the ring) into `index` (IndexWords(block_size) words).
// A frame whose header, bytes or next offset leave the block ends the walk:
// the frames before it are indexed. Returns how many were.
uint32_t IndexBlock(const uint8_t* block, size_t block_size, size_t block_offset, uint32_t* index);

// The kernel's side of the geometry: 0, or -EINVAL for what packet_set_ring
// refuses (block size not a page multiple or too small, frame size not
// TPACKET_ALIGNMENT-aligned or smaller than a frame header or than the
// block, tp_frame_nr out of range).
int CheckGeometry(const RingGeometry& geometry, size_t page_size);

// The mapped ring and the reader's place in it. Move-only; unmaps on
// destruction. The kernel ring itself stays set up on the socket until it
// closes (it can be freed only once unmapped, and the fd may be gone by
// then).
class RxRing {
 public:
  RxRing() = default;
  ~RxRing() { Unmap(); }
  RxRing(RxRing&& other) noexcept { *this = static_cast<RxRing&&>(other); }
  RxRing& operator=(RxRing&& other) noexcept;
  RxRing(const RxRing&) = delete;
  RxRing& operator=(const RxRing&) = delete;

  // PACKET_VERSION (TPACKET_V3), PACKET_RX_RING and mmap(2) on `fd`, then
  // the socket's receive queue is emptied of what arrived before the ring
  // (it would keep poll(2) reporting readable). 0 or -errno; `*failed_call`
  // names the call that failed ("setsockopt" or "mmap"). If mmap fails, the
  // kernel ring is freed again.
  int Open(int fd, const RingGeometry& geometry, const char** failed_call);

  uint8_t* base() const { return base_; }
  size_t size() const { return size_; }
  uint32_t block_size() const { return block_size_; }

  // The next block in ring order if the kernel has retired it (it is the
  // program's until Release), else nullptr. Its offset in the ring is
  // NextOffset().
  const uint8_t* NextRetired() const;
  size_t NextOffset() const { return static_cast<size_t>(next_) * block_size_; }
  // Gives the next block back to the kernel and moves on to the one after.
  void Release();

 private:
  void Unmap();

  uint8_t* base_ = nullptr;
  size_t size_ = 0;
  uint32_t block_size_ = 0;
  uint32_t block_count_ = 0;
  uint32_t next_ = 0;
};

// PACKET_FANOUT: joins (or makes) fanout group `group` of the socket's
// network namespace with `mode` (PACKET_FANOUT_HASH, _LB, _CPU, ...) and
// `flags` (PACKET_FANOUT_FLAG_*). The socket must be bound (running).
int JoinFanout(int fd, uint16_t group, uint16_t mode, uint16_t flags);

// PACKET_STATISTICS, which the kernel resets on each read: tp_packets
// counts every frame that reached the socket, dropped ones included.
int ReadRingStatistics(int fd, tpacket_stats_v3* stats);

}  // namespace bsd::core
