// The pure core (native/core) over real sockets, without Node: RunOp's
// attempt / wait / timeout / wake, the ops' blocking emulation (RecvOp's
// MSG_WAITALL, SendOp's send-until-queued, SendMsgOp::Advance), accept and
// connect, the wake fd, FdLifetime's close rule, the thread slots, and the
// packet ring's geometry checks and block walk (over blocks built here).
// Built and run under ASan/UBSan by scripts/test-native.sh; prints
// "core: N passed, M failed" last and exits non-zero on any failure.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/fd_lifetime.h"
#include "core/limits.h"
#include "core/op_runner.h"
#include "core/packet_ring.h"
#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "core/socket_ops.h"
#include "core/status.h"
#include "core/thread_slots.h"

using namespace bsd::core;

namespace {

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) throw Failure(std::string(__FILE__ ":") + std::to_string(__LINE__) + \
                               ": " #cond);                                           \
  } while (0)
#define CHECK_EQ(a, b)                                                                          \
  do {                                                                                          \
    long long va_ = static_cast<long long>(a), vb_ = static_cast<long long>(b);                 \
    if (va_ != vb_) throw Failure(std::string(__FILE__ ":") + std::to_string(__LINE__) + ": " + \
                                  #a " == " #b " (" + std::to_string(va_) + " vs " +            \
                                  std::to_string(vb_) + ")");                                   \
  } while (0)

void SleepMs(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// A connected pair, both ends O_NONBLOCK (as every fd of ours is), closed
// when it goes out of scope.
struct Pair {
  int fds[2] = {-1, -1};
  explicit Pair(int type = SOCK_STREAM) {
    if (OpenSocketPair(AF_UNIX, type, 0, fds) < 0) throw Failure("socketpair");
  }
  ~Pair() {
    for (int fd : fds)
      if (fd >= 0) CloseFd(fd);
  }
  int a() const { return fds[0]; }
  int b() const { return fds[1]; }
};

// Runs `fn` on another thread after `ms`; joined when it goes out of scope.
struct Later {
  std::thread thread;
  Later(int ms, std::function<void()> fn) : thread([ms, fn] { SleepMs(ms); fn(); }) {}
  ~Later() { thread.join(); }
};

void SendAll(int fd, const char* text) {
  size_t len = std::strlen(text);
  if (Send(fd, reinterpret_cast<const uint8_t*>(text), len, 0) != static_cast<ssize_t>(len)) {
    throw Failure("send in helper");
  }
}

RecvOp RecvInto(int fd, uint8_t* data, size_t len) {
  RecvOp op;
  op.fd = fd;
  op.data = data;
  op.len = len;
  return op;
}

// --- RunOp ----------------------------------------------------------------------

void RunOpAttemptOnly() {
  Pair p;
  uint8_t buf[8];
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  CHECK_EQ(RunOp(op, false, -1, kNoDeadline), -EAGAIN);
  SendAll(p.b(), "hi");
  CHECK_EQ(RunOp(op, false, -1, kNoDeadline), 2);
  CHECK(std::memcmp(buf, "hi", 2) == 0);
}

void RunOpDontWaitFlagIsOneAttempt() {
  Pair p;
  uint8_t buf[8];
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  op.flags = MSG_DONTWAIT;
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(5000)), -EAGAIN);
}

void RunOpWaitsForData() {
  Pair p;
  uint8_t buf[8];
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  Later writer(20, [&] { SendAll(p.b(), "late"); });
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(5000)), 4);
  CHECK(std::memcmp(buf, "late", 4) == 0);
}

void RunOpTimesOut() {
  Pair p;
  uint8_t buf[8];
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  int64_t start = MonotonicNowNs();
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(30)), kStatusTimedOut);
  CHECK(MonotonicNowNs() - start >= 29 * 1000000);
}

void RunOpWokenByWakeFd() {
  Pair p;
  uint8_t buf[8];
  int wake = OpenWakeFd();
  CHECK(wake >= 0);
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  {
    Later waker(20, [&] { SignalWakeFd(wake); });
    CHECK_EQ(RunOp(op, true, wake, kNoDeadline), kStatusWoken);
  }
  CloseFd(wake);
}

void RunOpReportsPeerClosed() {
  Pair p;
  uint8_t buf[8];
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  Later closer(20, [&] {
    CloseFd(p.fds[1]);
    p.fds[1] = -1;
  });
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(5000)), 0);  // EOF
}

// --- RecvOp: MSG_WAITALL ------------------------------------------------------------

void RecvWaitAllAcrossPartialSends() {
  Pair p;
  uint8_t buf[10] = {};
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  op.flags = MSG_WAITALL;
  op.waitall = true;
  Later writer(10, [&] {
    SendAll(p.b(), "abc");
    SleepMs(15);
    SendAll(p.b(), "def");
    SleepMs(15);
    SendAll(p.b(), "ghij");
  });
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(5000)), 10);
  CHECK(std::memcmp(buf, "abcdefghij", 10) == 0);
}

void RecvWaitAllTimeoutReturnsPartial() {
  Pair p;
  uint8_t buf[10] = {};
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  op.waitall = true;
  SendAll(p.b(), "abcd");
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(40)), 4);
  CHECK(std::memcmp(buf, "abcd", 4) == 0);
}

void RecvWaitAllEofReturnsPartial() {
  Pair p;
  uint8_t buf[10] = {};
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  op.waitall = true;
  SendAll(p.b(), "xy");
  shutdown(p.b(), SHUT_WR);
  CHECK_EQ(RunOp(op, true, -1, DeadlineAfterMs(5000)), 2);
}

void RecvWaitAllWokenDiscardsPartial() {
  Pair p;
  uint8_t buf[10] = {};
  int wake = OpenWakeFd();
  RecvOp op = RecvInto(p.a(), buf, sizeof buf);
  op.waitall = true;
  SendAll(p.b(), "abcd");
  {
    Later waker(20, [&] { SignalWakeFd(wake); });
    // A close (the owner's wake) discards what was read; its owner says why.
    CHECK_EQ(RunOp(op, true, wake, kNoDeadline), kStatusWoken);
  }
  CHECK_EQ(op.got, 4);
  CloseFd(wake);
}

// --- SendOp: a blocking send queues everything ------------------------------------

int SmallSendBuffer(int fd) {
  int size = 4096;
  return SetSockOpt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
}

void SendBlockingMakesPartialProgress() {
  Pair p;
  CHECK_EQ(SmallSendBuffer(p.a()), 0);
  std::vector<uint8_t> data(1 << 20);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 7);
  SendOp op;
  op.fd = p.a();
  op.data = data.data();
  op.len = data.size();
  op.blocking = true;
  std::vector<uint8_t> got;
  std::thread reader([&] {
    uint8_t chunk[3000];
    while (got.size() < data.size()) {
      ssize_t n = Recv(p.b(), chunk, sizeof chunk, 0);
      if (n > 0) got.insert(got.end(), chunk, chunk + n);
      else if (n == -EAGAIN) WaitReady(p.b(), POLLIN, -1, DeadlineAfterMs(5000));
      else break;
    }
  });
  ssize_t r = RunOp(op, true, -1, DeadlineAfterMs(10000));
  reader.join();
  CHECK_EQ(r, static_cast<ssize_t>(data.size()));
  CHECK(got == data);
}

void SendBlockingTimeoutKeepsWhatWasQueued() {
  Pair p;
  CHECK_EQ(SmallSendBuffer(p.a()), 0);
  std::vector<uint8_t> data(1 << 20, 1);
  SendOp op;
  op.fd = p.a();
  op.data = data.data();
  op.len = data.size();
  op.blocking = true;
  ssize_t r = RunOp(op, true, -1, DeadlineAfterMs(30));
  CHECK(r > 0);
  CHECK(static_cast<size_t>(r) < data.size());
  CHECK_EQ(static_cast<size_t>(r), op.sent);
}

void SendNonBlockingIsOneCall() {
  Pair p;
  CHECK_EQ(SmallSendBuffer(p.a()), 0);
  std::vector<uint8_t> data(1 << 20, 1);
  SendOp op;
  op.fd = p.a();
  op.data = data.data();
  op.len = data.size();
  ssize_t r = RunOp(op, false, -1, kNoDeadline);
  CHECK(r > 0);
  CHECK(static_cast<size_t>(r) < data.size());
  CHECK_EQ(op.sent, 0);  // not counted: a non-blocking send reports its own
}

// --- SendMsgOp --------------------------------------------------------------------

void SendMsgAdvanceOverIovecs() {
  uint8_t a[3], b[4], c[5];
  SendMsgOp op;
  op.iov = {{a, 3}, {nullptr, 0}, {b, 4}, {c, 5}};
  CHECK(op.Advance(0));
  CHECK_EQ(op.iov.size(), 4);  // nothing sent, nothing dropped
  CHECK(op.Advance(5));  // all of a, the empty one, 2 of b
  CHECK_EQ(op.iov.size(), 2);
  CHECK(op.iov[0].iov_base == b + 2);
  CHECK_EQ(op.iov[0].iov_len, 2);
  CHECK(op.Advance(2));  // the rest of b exactly
  CHECK_EQ(op.iov.size(), 1);
  CHECK(op.iov[0].iov_base == c);
  CHECK(op.Advance(4));
  CHECK(op.iov[0].iov_base == c + 4);
  CHECK_EQ(op.iov[0].iov_len, 1);
  CHECK(!op.Advance(1));
  CHECK(op.iov.empty());

  SendMsgOp trailing;
  trailing.iov = {{a, 3}, {nullptr, 0}, {nullptr, 0}};
  CHECK(!trailing.Advance(3));  // empty iovecs after the last byte are dropped
  CHECK(trailing.iov.empty());
}

void SendMsgBlockingGathersEverything() {
  Pair p;
  CHECK_EQ(SmallSendBuffer(p.a()), 0);
  std::vector<uint8_t> parts[3] = {std::vector<uint8_t>(100000, 'a'), std::vector<uint8_t>(7, 'b'),
                                   std::vector<uint8_t>(300000, 'c')};
  SendMsgOp op;
  op.fd = p.a();
  op.blocking = true;
  size_t total = 0;
  for (auto& part : parts) {
    op.iov.push_back({part.data(), part.size()});
    total += part.size();
  }
  std::vector<uint8_t> got;
  std::thread reader([&] {
    uint8_t chunk[5000];
    while (got.size() < total) {
      ssize_t n = Recv(p.b(), chunk, sizeof chunk, 0);
      if (n > 0) got.insert(got.end(), chunk, chunk + n);
      else if (n == -EAGAIN) WaitReady(p.b(), POLLIN, -1, DeadlineAfterMs(5000));
      else break;
    }
  });
  ssize_t r = RunOp(op, true, -1, DeadlineAfterMs(10000));
  reader.join();
  CHECK_EQ(r, static_cast<ssize_t>(total));
  std::vector<uint8_t> want;
  for (auto& part : parts) want.insert(want.end(), part.begin(), part.end());
  CHECK(got == want);
}

// --- accept and connect ---------------------------------------------------------------

struct Listener {
  int fd = -1;
  sockaddr_in address{};
  Listener() {
    fd = OpenSocket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw Failure("socket");
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (Bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0 || Listen(fd, 8) < 0) {
      throw Failure("bind/listen");
    }
    sockaddr_storage bound;
    socklen_t len = sizeof bound;
    GetSockName(fd, &bound, &len);
    std::memcpy(&address, &bound, sizeof address);
  }
  ~Listener() { CloseFd(fd); }
};

ConnectOp ConnectTo(int fd, const sockaddr_in& to) {
  ConnectOp op;
  op.fd = fd;
  std::memcpy(&op.address, &to, sizeof to);
  op.address_len = sizeof to;
  return op;
}

void AcceptWaitsThenConnectCompletes() {
  Listener listener;
  AcceptOp accept;
  accept.fd = listener.fd;
  CHECK_EQ(RunOp(accept, false, -1, kNoDeadline), -EAGAIN);
  int client = OpenSocket(AF_INET, SOCK_STREAM, 0);
  CHECK(client >= 0);
  ConnectOp connect = ConnectTo(client, listener.address);
  CHECK_EQ(RunOp(connect, true, -1, DeadlineAfterMs(5000)), 0);
  ssize_t fd = RunOp(accept, true, -1, DeadlineAfterMs(5000));
  CHECK(fd >= 0);
  CHECK_EQ(accept.address.ss_family, AF_INET);
  CHECK_EQ(accept.address_len, sizeof(sockaddr_in));
  CHECK_EQ(IsNonBlocking(static_cast<int>(fd)), 1);
  CloseFd(static_cast<int>(fd));
  CloseFd(client);
}

void ConnectInProgressThenPendingError() {
  sockaddr_in refused;
  {
    Listener gone;  // a loopback port that was just free: nobody listens on it now
    refused = gone.address;
  }
  int client = OpenSocket(AF_INET, SOCK_STREAM, 0);
  ConnectOp op = ConnectTo(client, refused);
  ssize_t r = RunOp(op, true, -1, DeadlineAfterMs(5000));
  CHECK_EQ(r, -ECONNREFUSED);
  CloseFd(client);

  // Continuing a handshake (the loop's form) reads SO_ERROR; one attempt that
  // finds it unfinished says EINPROGRESS, as connect(2) does.
  Listener listener;
  client = OpenSocket(AF_INET, SOCK_STREAM, 0);
  ConnectOp first = ConnectTo(client, listener.address);
  ssize_t once = RunOp(first, false, -1, kNoDeadline);
  CHECK(once == 0 || once == -EINPROGRESS);
  ConnectOp rest;
  rest.fd = client;
  rest.in_progress = true;
  CHECK_EQ(RunOp(rest, true, -1, DeadlineAfterMs(5000)), 0);
  CloseFd(client);
}

// --- the wake fd --------------------------------------------------------------------

void WakeFdStaysReadable() {
  Pair p;
  int wake = OpenWakeFd();
  CHECK(wake >= 0);
  CHECK_EQ(WaitReady(p.a(), POLLIN, wake, DeadlineAfterMs(10)), kWaitTimedOut);
  SignalWakeFd(wake);
  SignalWakeFd(wake);
  // Every waiter on it wakes, not only the first.
  CHECK_EQ(WaitReady(p.a(), POLLIN, wake, kNoDeadline), kWaitWoken);
  CHECK_EQ(WaitReady(p.a(), POLLIN, wake, kNoDeadline), kWaitWoken);
  SendAll(p.b(), "x");
  CHECK(WaitReady(p.a(), POLLIN, -1, kNoDeadline) & POLLIN);
  CloseFd(wake);
}

// --- FdLifetime ---------------------------------------------------------------------

struct CountingOp : WakeableOp {
  int wakes = 0;
  int last_why = 0;
  void Wake(int why) override {
    ++wakes;
    last_why = why;
  }
};

int OpenFd() {
  int fds[2];
  if (OpenSocketPair(AF_UNIX, SOCK_STREAM, 0, fds) < 0) throw Failure("socketpair");
  CloseFd(fds[1]);
  return fds[0];
}

void LifetimeClosesIdleAtOnce() {
  int fd = OpenFd();
  FdLifetime life(fd);
  CHECK(life.state() == FdLifetime::State::kOpen);
  CHECK(!life.ReleaseIfIdle());  // open: nothing to release
  life.Close(false);
  CHECK(life.state() == FdLifetime::State::kClosing);
  CHECK(IsOpen(fd));
  CHECK(life.ReleaseIfIdle());
  CHECK(life.state() == FdLifetime::State::kClosed);
  CHECK_EQ(life.fd(), -1);
  CHECK(!IsOpen(fd));
  CHECK(!life.ReleaseIfIdle());  // once only
  life.Close(false);             // idempotent
  CHECK(life.state() == FdLifetime::State::kClosed);
}

void LifetimeWaitsForTheLastWork() {
  int fd = OpenFd();
  FdLifetime life(fd);
  CountingOp pool_wait;
  life.Begin(&pool_wait);
  life.Begin();  // an event-loop op
  life.Begin();  // the receiver
  CHECK_EQ(life.in_flight(), 3);
  CHECK(!life.End());  // open: ending work never releases
  life.Begin();
  life.Close(false);
  CHECK_EQ(pool_wait.wakes, 1);  // the pool wait is woken, as closed
  CHECK_EQ(pool_wait.last_why, kStatusClosed);
  CHECK(!life.ReleaseIfIdle());
  CHECK(!life.End());
  CHECK(IsOpen(fd));
  CHECK(!life.End(&pool_wait));
  CHECK(IsOpen(fd));
  CHECK(life.End());  // the last work closes it
  CHECK(!IsOpen(fd));
  CHECK(life.idle());
  CHECK(life.state() == FdLifetime::State::kClosed);
}

void LifetimeDetachNeverCloses() {
  int fd = OpenFd();
  {
    FdLifetime life(fd);
    CountingOp op;
    life.Begin(&op);
    life.Close(true);
    CHECK(life.closed());
    CHECK(life.End(&op));
    CHECK(life.state() == FdLifetime::State::kDetached);
    CHECK_EQ(life.fd(), -1);
  }
  CHECK(IsOpen(fd));
  CloseFd(fd);
}

void LifetimeStopWakesOneWait() {
  int fd = OpenFd();
  FdLifetime life(fd);
  CountingOp one, two;
  one.cancel_id = 1;
  two.cancel_id = 2;
  life.Begin(&one);
  life.Begin(&two);
  CHECK(!life.Stop(3, kStatusCancelled));
  CHECK(life.Stop(2, kStatusTimedOut));
  CHECK_EQ(two.wakes, 1);
  CHECK_EQ(two.stop_status, kStatusTimedOut);
  CHECK_EQ(one.wakes, 0);
  CHECK_EQ(one.stop_status, 0);
  CHECK(!life.End(&two));
  CHECK(!life.Stop(2, kStatusCancelled));  // ended: no longer registered
  life.Close(false);
  CHECK(life.End(&one));
  CHECK(!IsOpen(fd));
}

// --- thread slots ---------------------------------------------------------------------

void PoolSizeParsesAsLibuvDoes() {
  CHECK_EQ(ParsePoolSize(nullptr), 4);
  CHECK_EQ(ParsePoolSize("0"), 1);
  CHECK_EQ(ParsePoolSize("8"), 8);
  CHECK_EQ(ParsePoolSize("5000"), kMaxPoolSize);
  CHECK_EQ(ParsePoolSize("-1"), kMaxPoolSize);  // libuv's unsigned: huge
}

void ThreadSlotsLeaveTheReserve() {
  ThreadSlotUsage usage = GetThreadSlotUsage();
  CHECK_EQ(usage.pool_size, 4);  // UV_THREADPOOL_SIZE is unset (main)
  CHECK_EQ(SetThreadSlotReserve(0), 1);
  CHECK_EQ(SetThreadSlotReserve(99), 4);
  CHECK_EQ(SetThreadSlotReserve(1), 1);
  CHECK(ClaimThreadSlot());
  CHECK(ClaimThreadSlot());
  CHECK(ClaimThreadSlot());
  CHECK(!ClaimThreadSlot());  // 4 - 1 taken
  CHECK_EQ(GetThreadSlotUsage().in_use, 3);
  ReleaseThreadSlot();
  CHECK(ClaimThreadSlot());
  CHECK_EQ(SetThreadSlotReserve(3), 3);
  CHECK(!ClaimThreadSlot());
  for (int i = 0; i < 3; ++i) ReleaseThreadSlot();
  CHECK(ClaimThreadSlot());
  CHECK(!ClaimThreadSlot());
  ReleaseThreadSlot();
  CHECK_EQ(GetThreadSlotUsage().in_use, 0);
  SetThreadSlotReserve(1);
}

// A TPACKET_V3 block as the kernel lays it out: the descriptor, then frames
// of `snaplen` bytes each, every one a tpacket3_hdr, its sockaddr_ll, and
// the bytes at tp_mac.
struct FakeBlock {
  std::vector<uint8_t> bytes;
  std::vector<size_t> frames;  // each frame's offset in the block

  FakeBlock(size_t size, int count, uint32_t snaplen) : bytes(size, 0) {
    auto* desc = reinterpret_cast<tpacket_block_desc*>(bytes.data());
    desc->hdr.bh1.block_status = TP_STATUS_USER | TP_STATUS_BLK_TMO;
    desc->hdr.bh1.num_pkts = static_cast<uint32_t>(count);
    desc->hdr.bh1.offset_to_first_pkt = 48;
    desc->hdr.bh1.seq_num = (uint64_t{7} << 32) | 9;
    const uint16_t mac = 82;
    size_t at = 48;
    for (int i = 0; i < count; ++i) {
      frames.push_back(at);
      auto* frame = Frame(i);
      frame->tp_sec = 1000 + i;
      frame->tp_nsec = 500 + i;
      frame->tp_snaplen = snaplen;
      frame->tp_len = snaplen + 10;
      frame->tp_status = TP_STATUS_USER | (i == 1 ? TP_STATUS_VLAN_VALID : 0);
      frame->tp_mac = mac;
      frame->tp_net = mac + 14;
      frame->hv1.tp_vlan_tci = 42;
      frame->hv1.tp_rxhash = 0xabcd;
      auto* link = reinterpret_cast<sockaddr_ll*>(bytes.data() + at + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
      link->sll_ifindex = 3;
      link->sll_protocol = htons(0x88b5);
      link->sll_pkttype = PACKET_OUTGOING;
      link->sll_hatype = 1;
      size_t step = (mac + snaplen + 7) & ~size_t{7};
      frame->tp_next_offset = i + 1 == count ? 0 : static_cast<uint32_t>(step);
      at += step;
    }
  }
  tpacket3_hdr* Frame(int i) { return reinterpret_cast<tpacket3_hdr*>(bytes.data() + frames[i]); }
  tpacket_block_desc* Desc() { return reinterpret_cast<tpacket_block_desc*>(bytes.data()); }
  uint32_t Index(std::vector<uint32_t>* index, size_t block_offset = 0) {
    index->assign(IndexWords(bytes.size()), 0);
    return IndexBlock(bytes.data(), bytes.size(), block_offset, index->data());
  }
};

uint32_t FrameField(const std::vector<uint32_t>& index, uint32_t i, uint32_t field) {
  return index[kIndexHeaderWords + i * kFrameWords + field];
}

void RingIndexesEveryFrame() {
  FakeBlock block(4096, 3, 64);
  std::vector<uint32_t> index;
  CHECK_EQ(block.Index(&index, 8192), 3);
  CHECK_EQ(index[kIndexFrames], 3);
  CHECK_EQ(index[kIndexSeqLow], 9);
  CHECK_EQ(index[kIndexSeqHigh], 7);
  CHECK((index[kIndexBlockStatus] & TP_STATUS_BLK_TMO) != 0);
  for (uint32_t i = 0; i < 3; ++i) {
    // Offsets are in the whole ring: the block's own offset is added.
    CHECK_EQ(FrameField(index, i, kFrameMac), 8192 + block.frames[i] + 82);
    CHECK_EQ(FrameField(index, i, kFrameNet), 8192 + block.frames[i] + 96);
    CHECK_EQ(FrameField(index, i, kFrameSnaplen), 64);
    CHECK_EQ(FrameField(index, i, kFrameLen), 74);
    CHECK_EQ(FrameField(index, i, kFrameSec), 1000 + i);
    CHECK_EQ(FrameField(index, i, kFrameNsec), 500 + i);
    CHECK_EQ(FrameField(index, i, kFrameIfindex), 3);
    CHECK_EQ(FrameField(index, i, kFrameProtocol), 0x88b5);
    CHECK_EQ(FrameField(index, i, kFramePktType), PACKET_OUTGOING);
    CHECK_EQ(FrameField(index, i, kFrameHaType), 1);
    CHECK_EQ(FrameField(index, i, kFrameRxhash), 0xabcd);
    CHECK_EQ(FrameField(index, i, kFrameVlanTpid), kFieldAbsent);
  }
  // The tag counts only where the kernel says it is valid.
  CHECK_EQ(FrameField(index, 0, kFrameVlanTci), kFieldAbsent);
  CHECK_EQ(FrameField(index, 1, kFrameVlanTci), 42);
}

void RingStopsAtABadFrame() {
  std::vector<uint32_t> index;
  {
    // A next offset past the block: the frames before it are kept.
    FakeBlock block(4096, 3, 64);
    block.Frame(1)->tp_next_offset = 1u << 30;
    CHECK_EQ(block.Index(&index), 2);
  }
  {
    // Bytes that would run past the block.
    FakeBlock block(4096, 3, 64);
    block.Frame(2)->tp_snaplen = 4096;
    CHECK_EQ(block.Index(&index), 2);
  }
  {
    // A next offset of 0 before the last frame would index one frame forever.
    FakeBlock block(4096, 3, 64);
    block.Frame(0)->tp_next_offset = 0;
    CHECK_EQ(block.Index(&index), 1);
  }
  {
    // More frames claimed than the block can hold: never past the index.
    FakeBlock block(4096, 3, 64);
    block.Desc()->hdr.bh1.num_pkts = UINT32_MAX;
    block.Frame(2)->tp_next_offset = 96;
    CHECK(block.Index(&index) <= MaxFramesPerBlock(4096));
    CHECK_EQ(index.size(), IndexWords(4096));
  }
  {
    // A first frame inside the descriptor.
    FakeBlock block(4096, 3, 64);
    block.Desc()->hdr.bh1.offset_to_first_pkt = 8;
    CHECK_EQ(block.Index(&index), 0);
  }
}

void RingGeometryFollowsTheKernel() {
  RingGeometry g;
  g.block_size = 4096;
  g.block_count = 4;
  g.frame_size = 2048;
  CHECK_EQ(CheckGeometry(g, 4096), 0);
  RingGeometry bad = g;
  bad.block_size = 4096 + 2048;  // not a page multiple
  CHECK_EQ(CheckGeometry(bad, 4096), -EINVAL);
  bad = g;
  bad.frame_size = 2040;  // not TPACKET_ALIGNMENT-aligned
  CHECK_EQ(CheckGeometry(bad, 4096), -EINVAL);
  bad = g;
  bad.frame_size = 16;  // smaller than a frame header
  CHECK_EQ(CheckGeometry(bad, 4096), -EINVAL);
  bad = g;
  bad.frame_size = 8192;  // larger than a block
  CHECK_EQ(CheckGeometry(bad, 4096), -EINVAL);
  bad = g;
  bad.block_count = 0;
  CHECK_EQ(CheckGeometry(bad, 4096), -EINVAL);
  // Not a packet socket: the kernel refuses the option, and nothing is mapped.
  int fd = OpenSocket(AF_INET, SOCK_DGRAM, 0);
  CHECK(fd >= 0);
  RxRing ring;
  const char* failed = nullptr;
  CHECK(ring.Open(fd, g, &failed) < 0);
  CHECK(ring.base() == nullptr);
  CHECK(ring.NextRetired() == nullptr);
  CloseFd(fd);
}

const struct {
  const char* name;
  void (*run)();
} kTests[] = {
    {"RunOp: one attempt when it may not wait", RunOpAttemptOnly},
    {"RunOp: MSG_DONTWAIT is one attempt", RunOpDontWaitFlagIsOneAttempt},
    {"RunOp: waits for data", RunOpWaitsForData},
    {"RunOp: times out at the deadline", RunOpTimesOut},
    {"RunOp: woken through the wake fd", RunOpWokenByWakeFd},
    {"RunOp: EOF while waiting", RunOpReportsPeerClosed},
    {"RecvOp: MSG_WAITALL across partial sends", RecvWaitAllAcrossPartialSends},
    {"RecvOp: MSG_WAITALL timeout returns the partial read", RecvWaitAllTimeoutReturnsPartial},
    {"RecvOp: MSG_WAITALL EOF returns the partial read", RecvWaitAllEofReturnsPartial},
    {"RecvOp: MSG_WAITALL woken discards the partial read", RecvWaitAllWokenDiscardsPartial},
    {"SendOp: blocking send queues everything", SendBlockingMakesPartialProgress},
    {"SendOp: blocking timeout keeps what was queued", SendBlockingTimeoutKeepsWhatWasQueued},
    {"SendOp: non-blocking is one call", SendNonBlockingIsOneCall},
    {"SendMsgOp: Advance over several iovecs", SendMsgAdvanceOverIovecs},
    {"SendMsgOp: blocking sendmsg gathers everything", SendMsgBlockingGathersEverything},
    {"AcceptOp/ConnectOp: accept waits, connect completes", AcceptWaitsThenConnectCompletes},
    {"ConnectOp: refused; in progress then SO_ERROR", ConnectInProgressThenPendingError},
    {"wake fd: stays readable for every waiter", WakeFdStaysReadable},
    {"FdLifetime: an idle fd closes at once", LifetimeClosesIdleAtOnce},
    {"FdLifetime: close(2) after the last work", LifetimeWaitsForTheLastWork},
    {"FdLifetime: detach never closes", LifetimeDetachNeverCloses},
    {"FdLifetime: Stop wakes one wait", LifetimeStopWakesOneWait},
    {"thread slots: UV_THREADPOOL_SIZE as libuv parses it", PoolSizeParsesAsLibuvDoes},
    {"thread slots: waits leave the reserve", ThreadSlotsLeaveTheReserve},
    {"packet ring: a block's frames are indexed", RingIndexesEveryFrame},
    {"packet ring: the walk stops at a bad frame", RingStopsAtABadFrame},
    {"packet ring: geometry as the kernel checks it", RingGeometryFollowsTheKernel},
};

}  // namespace

int main() {
  // The thread slot tests assume libuv's default pool (read at first use).
  unsetenv("UV_THREADPOOL_SIZE");
  unsetenv("BSD_SOCKET_THREADPOOL_RESERVE");
  int passed = 0;
  int failed = 0;
  for (const auto& test : kTests) {
    try {
      test.run();
      ++passed;
      std::printf("ok   %s\n", test.name);
    } catch (const std::exception& e) {
      ++failed;
      std::printf("FAIL %s: %s\n", test.name, e.what());
    }
  }
  std::printf("core: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
