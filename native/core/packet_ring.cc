#include "packet_ring.h"

#include <arpa/inet.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "posix_socket.h"

namespace bsd::core {

namespace {

// The kernel writes a block's header and frames, then its block_status
// with release semantics; reading the status with acquire makes the rest
// visible. Giving the block back is the reverse.
uint32_t LoadStatus(const tpacket_block_desc* block) {
  return __atomic_load_n(&block->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
}

// Reading what arrived before the ring: each recv takes one packet (the
// bytes are dropped: MSG_TRUNC with no room). Once the ring is set up the
// kernel puts nothing more in this queue, so it empties; the bound only
// guards against a kernel that would.
void DrainReceiveQueue(int fd) {
  for (int i = 0; i < (1 << 20); ++i) {
    if (Recv(fd, nullptr, 0, MSG_DONTWAIT | MSG_TRUNC) < 0) return;
  }
}

}  // namespace

size_t MaxFramesPerBlock(size_t block_size) {
  if (block_size < sizeof(tpacket_block_desc) + kFrameHeaderLen) return 0;
  return (block_size - sizeof(tpacket_block_desc)) / kFrameHeaderLen;
}

size_t IndexWords(size_t block_size) {
  return kIndexHeaderWords + MaxFramesPerBlock(block_size) * kFrameWords;
}

uint32_t IndexBlock(const uint8_t* block, size_t block_size, size_t block_offset, uint32_t* index) {
  const auto* desc = reinterpret_cast<const tpacket_block_desc*>(block);
  const tpacket_hdr_v1& bh = desc->hdr.bh1;
  index[kIndexBlockStatus] = bh.block_status;
  index[kIndexSeqLow] = static_cast<uint32_t>(bh.seq_num);
  index[kIndexSeqHigh] = static_cast<uint32_t>(bh.seq_num >> 32);
  const size_t capacity = MaxFramesPerBlock(block_size);
  const size_t frames = bh.num_pkts;
  size_t at = bh.offset_to_first_pkt;
  if (at < sizeof(tpacket_block_desc)) {
    index[kIndexFrames] = 0;
    return 0;
  }
  uint32_t n = 0;
  while (n < frames && n < capacity) {
    // The header and its sockaddr_ll, then the bytes, inside the block.
    if (at > block_size || block_size - at < kFrameHeaderLen) break;
    const auto* frame = reinterpret_cast<const tpacket3_hdr*>(block + at);
    const size_t room = block_size - at;
    if (frame->tp_mac > room || frame->tp_snaplen > room - frame->tp_mac || frame->tp_net > room) break;
    const auto* link = reinterpret_cast<const sockaddr_ll*>(block + at + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
    const uint32_t status = frame->tp_status;
    uint32_t* out = index + kIndexHeaderWords + static_cast<size_t>(n) * kFrameWords;
    out[kFrameMac] = static_cast<uint32_t>(block_offset + at + frame->tp_mac);
    out[kFrameNet] = static_cast<uint32_t>(block_offset + at + frame->tp_net);
    out[kFrameSnaplen] = frame->tp_snaplen;
    out[kFrameLen] = frame->tp_len;
    out[kFrameSec] = frame->tp_sec;
    out[kFrameNsec] = frame->tp_nsec;
    out[kFrameStatus] = status;
    out[kFrameIfindex] = static_cast<uint32_t>(link->sll_ifindex);
    out[kFrameProtocol] = ntohs(link->sll_protocol);
    out[kFramePktType] = link->sll_pkttype;
    out[kFrameHaType] = link->sll_hatype;
    out[kFrameVlanTci] = (status & TP_STATUS_VLAN_VALID) != 0 ? frame->hv1.tp_vlan_tci : kFieldAbsent;
    out[kFrameVlanTpid] = (status & TP_STATUS_VLAN_TPID_VALID) != 0 ? frame->hv1.tp_vlan_tpid : kFieldAbsent;
    out[kFrameRxhash] = frame->hv1.tp_rxhash;
    ++n;
    // The last frame's next offset is 0; any other must step past this
    // frame's header, or a loop of frames could index one frame forever.
    if (n == frames) break;
    if (frame->tp_next_offset < kFrameHeaderLen) break;
    at += frame->tp_next_offset;
  }
  index[kIndexFrames] = n;
  return n;
}

int CheckGeometry(const RingGeometry& geometry, size_t page_size) {
  const uint64_t block_size = geometry.block_size;
  const uint64_t frame_size = geometry.frame_size;
  if (page_size == 0 || block_size == 0 || block_size % page_size != 0 || geometry.block_count == 0) return -EINVAL;
  if (block_size < sizeof(tpacket_block_desc) + kFrameHeaderLen) return -EINVAL;
  if (frame_size < kFrameHeaderLen || frame_size % TPACKET_ALIGNMENT != 0 || frame_size > block_size) return -EINVAL;
  if ((block_size / frame_size) * geometry.block_count > UINT32_MAX) return -EINVAL;
  return 0;
}

RxRing& RxRing::operator=(RxRing&& other) noexcept {
  if (this != &other) {
    Unmap();
    base_ = other.base_;
    size_ = other.size_;
    block_size_ = other.block_size_;
    block_count_ = other.block_count_;
    next_ = other.next_;
    other.base_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

int RxRing::Open(int fd, const RingGeometry& geometry, const char** failed_call) {
  *failed_call = "setsockopt";
  long page_size = sysconf(_SC_PAGESIZE);
  int r = CheckGeometry(geometry, page_size > 0 ? static_cast<size_t>(page_size) : 0);
  if (r < 0) return r;
  int version = TPACKET_V3;
  r = SetSockOpt(fd, SOL_PACKET, PACKET_VERSION, &version, sizeof(version));
  if (r < 0) return r;
  tpacket_req3 request{};
  request.tp_block_size = geometry.block_size;
  request.tp_block_nr = geometry.block_count;
  request.tp_frame_size = geometry.frame_size;
  request.tp_frame_nr = (geometry.block_size / geometry.frame_size) * geometry.block_count;
  request.tp_retire_blk_tov = geometry.retire_timeout_ms;
  request.tp_feature_req_word = geometry.fill_rxhash ? TP_FT_REQ_FILL_RXHASH : 0;
  r = SetSockOpt(fd, SOL_PACKET, PACKET_RX_RING, &request, sizeof(request));
  if (r < 0) return r;
  const size_t size = static_cast<size_t>(geometry.block_size) * geometry.block_count;
  void* base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (base == MAP_FAILED) {
    r = -errno;
    // Not mapped, so the kernel can free it: a request of no blocks does.
    tpacket_req3 none{};
    SetSockOpt(fd, SOL_PACKET, PACKET_RX_RING, &none, sizeof(none));
    *failed_call = "mmap";
    return r;
  }
  Unmap();
  base_ = static_cast<uint8_t*>(base);
  size_ = size;
  block_size_ = geometry.block_size;
  block_count_ = geometry.block_count;
  next_ = 0;
  DrainReceiveQueue(fd);
  return 0;
}

const uint8_t* RxRing::NextRetired() const {
  if (base_ == nullptr) return nullptr;
  const uint8_t* block = base_ + NextOffset();
  return (LoadStatus(reinterpret_cast<const tpacket_block_desc*>(block)) & TP_STATUS_USER) != 0 ? block : nullptr;
}

void RxRing::Release() {
  if (base_ == nullptr) return;
  auto* block = reinterpret_cast<tpacket_block_desc*>(base_ + NextOffset());
  __atomic_store_n(&block->hdr.bh1.block_status, static_cast<uint32_t>(TP_STATUS_KERNEL), __ATOMIC_RELEASE);
  next_ = next_ + 1 == block_count_ ? 0 : next_ + 1;
}

void RxRing::Unmap() {
  if (base_ == nullptr) return;
  munmap(base_, size_);
  base_ = nullptr;
  size_ = 0;
}

int JoinFanout(int fd, uint16_t group, uint16_t mode, uint16_t flags) {
  // packet(7): the group id in the low 16 bits, the mode and its flags in
  // the high 16.
  const int argument = static_cast<int>(group | (static_cast<uint32_t>(mode | flags) << 16));
  return SetSockOpt(fd, SOL_PACKET, PACKET_FANOUT, &argument, sizeof(argument));
}

int ReadRingStatistics(int fd, tpacket_stats_v3* stats) {
  std::memset(stats, 0, sizeof(*stats));
  socklen_t len = sizeof(*stats);
  return GetSockOpt(fd, SOL_PACKET, PACKET_STATISTICS, stats, &len);
}

}  // namespace bsd::core
