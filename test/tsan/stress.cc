// ThreadSanitizer stress harness for the core's threading (issue 16).
//
// Node is not built with TSan, so this drives the core itself (fd_lifetime.h,
// op_runner.h, readiness_wait, thread_slots) the way the addon does, in plain
// threads: several environment threads (the main thread and Workers), each
// the only thread that touches its sockets' FdLifetime, share one pool of
// worker threads modelled on libuv's (uv_model.cc). Each iteration, every environment starts blocking waits on
// fresh sockets and ends them each way the addon can: data from the owner
// thread, close (or detach) while in flight, cancel, timeout; a wait that
// finds no thread slot free waits on the owner's loop instead.
//
// Besides TSan's verdict it checks what the core promises: every call settles
// once, with a status its ending allows; an fd is released once, after the
// last wait on it ended, and is still the same socket right before; slot
// usage stays within the limit and returns to 0; no fd leaks.
//
// -DBSD_TSAN_PLANT_RACE plants a realistic bug (see PoolOp::Execute) that TSan
// must catch. scripts/test-tsan.sh builds and runs both.
//
//   build-tsan/stress [--iterations N] [--environments E] [--seed S]
//   (or BSD_TSAN_ITERATIONS, BSD_TSAN_ENVIRONMENTS, BSD_TSAN_SEED; iterations
//   are per environment; the pool's size is UV_THREADPOOL_SIZE, as libuv's)
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "core/fd_lifetime.h"
#include "core/op_runner.h"
#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "core/socket_ops.h"
#include "core/status.h"
#include "core/thread_slots.h"
#include "uv_model.h"


namespace {

using namespace bsd::core;
using namespace bsd::tsan;

constexpr int64_t kIterationLimitNs = 30'000'000'000;  // a stuck iteration, not a slow one

std::atomic<int> failures{0};

struct Counts {
  std::atomic<long> calls{0}, completed{0}, closed{0}, cancelled{0}, timed_out{0};
  std::atomic<long> refused{0}, dequeued{0}, on_loop{0}, detached{0}, chores{0};
} counts;

void Fail(int env, const std::string& what) {
  if (failures.fetch_add(1) < 20) std::fprintf(stderr, "FAIL (environment %d): %s\n", env, what.c_str());
}

// Out of fds or similar: nothing after it would mean anything.
void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "tsan harness: %s failed: %s\n", what, std::strerror(errno));
  std::_Exit(2);
}

enum class Kind { kRecv, kSend, kAccept };
enum class Ending { kData, kClose, kCancel, kTimeout };
// What an iteration does to a socket: close (or detach) it while its calls
// wait, end each call on its own and close it after, or close it amid those
// endings, racing them.
enum class Plan { kCloseInFlight, kEndEach, kEndEachRacingClose };

const char* Name(Kind kind) {
  return kind == Kind::kRecv ? "recv" : kind == Kind::kSend ? "send" : "accept";
}
const char* Name(Ending ending) {
  static const char* names[] = {"data", "close", "cancel", "timeout"};
  return names[static_cast<int>(ending)];
}

struct Socket {
  Socket(int fd, int peer, Plan plan) : lifetime(fd), number(fd), peer(peer), plan(plan) {
    struct stat st;
    Require(fstat(fd, &st) == 0, "fstat");
    inode = st.st_ino;
  }
  // Still the socket this was made with, not a number reused since.
  bool IsStill(int fd) const {
    struct stat st;
    return fstat(fd, &st) == 0 && st.st_ino == inode;
  }

  FdLifetime lifetime;
  int number;  // the fd, also after the lifetime let go of it
  int peer;    // the other end (-1 for a listener): a plain fd of the owner's
  Plan plan;
  ino_t inode;
  int in_flight = 0;  // pool waits begun and not ended, as the harness counts
  int releases = 0;
  bool detached = false;  // handed over by close(detach): the harness closes it
  bool draining = false;
  sockaddr_in address{};  // a listener's
};

// One blocking call as JS makes it, and what the harness expects of it.
struct Call {
  Kind kind;
  Ending ending;
  Socket* socket;
  int cancel_id;
  size_t len = 0;
  int64_t deadline_ns = kNoDeadline;
  bool closed_in_flight = false;  // its socket closed before it settled
  bool timer_fired = false;
  int settled = 0;
};

using AnyOp = std::variant<RecvOp, SendOp, AcceptOp>;

class Env;

// The addon's ThreadpoolOp (threadpool_op.cc) without napi: a wait run on a
// pool thread, holding a thread slot. The thread touches only the op struct,
// its bytes and the wake fd.
struct PoolOp final : WakeableOp {
  PoolOp(Env& env, Pool* pool, Call* call, AnyOp op, std::vector<uint8_t> bytes)
      : env(env), pool(pool), call(call), op(op), bytes(std::move(bytes)),
        deadline_ns(call->deadline_ns) {}

  // As ThreadpoolOp::Wake.
  void Wake(int why) override {
    if (!dequeued && CancelWork(pool, work)) {
      dequeued = true;
      return;
    }
    if (dequeued) return;
    if (why == kStatusTimedOut) return;
    SignalWakeFd(wake_fd);
  }

  // ThreadpoolOp::OnExecute.
  static void Execute(void* data) {
    auto* self = static_cast<PoolOp*>(data);
#ifdef BSD_TSAN_PLANT_RACE
    // The planted bug: skip a wait whose socket closed while it was queued,
    // by reading the owner-thread-only lifetime from the pool thread.
    // FdLifetime::Close writes it with nothing ordering the two.
    if (self->call->socket->lifetime.closed()) {
      self->result = kStatusWoken;
      return;
    }
#endif
    self->result = std::visit(
        [self](auto& op) { return RunOp(op, true, self->wake_fd, self->deadline_ns); }, self->op);
  }
  static void Complete(void* data, bool cancelled);

  Env& env;
  Pool* pool;
  Work* work = nullptr;
  Call* call;
  AnyOp op;
  std::vector<uint8_t> bytes;  // the op's staging: it points into them
  int64_t deadline_ns;
  ssize_t result = 0;
  bool dequeued = false;  // CancelWork took it off the queue before it ran
};

// A wait that found no slot free: attempted on the owner's thread at each
// readiness (the addon's EventLoopOp), holding no thread.
struct LoopOp {
  Call* call;
  AnyOp op;
  std::vector<uint8_t> bytes;
  short Events() const {
    return std::visit([](const auto& o) { return std::decay_t<decltype(o)>::events; }, op);
  }
};

AnyOp MakeOp(Kind kind, int fd, std::vector<uint8_t>& bytes) {
  if (kind == Kind::kAccept) {
    AcceptOp accept;
    accept.fd = fd;
    return accept;
  }
  // A blocking socket's semantics, as RunBlocking builds them: MSG_WAITALL,
  // and a send that returns once everything is queued.
  if (kind == Kind::kRecv) {
    RecvOp recv;
    recv.fd = fd;
    recv.data = bytes.data();
    recv.len = bytes.size();
    recv.waitall = true;
    return recv;
  }
  SendOp send;
  send.fd = fd;
  send.data = bytes.data();
  send.len = bytes.size();
  send.blocking = true;
  return send;
}

template <typename T>
void EraseAt(std::vector<T>& v, size_t i) {
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
}

// An environment's loop thread: owns its sockets, starts and ends calls.
class Env {
 public:
  Env(int index, Pool* pool, uint32_t seed) : index_(index), pool_(pool), rng_(seed) {
    Require(LoopFd(loop_) >= 0, "eventfd");
  }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  ~Env() { DeleteLoop(loop_); }

  void Run(int iterations) {
    for (int i = 0; i < iterations; ++i) Iteration();
  }

  // ThreadpoolOp::OnComplete, back on the owner's thread.
  void OnPoolComplete(PoolOp* op, bool cancelled) {
    ReleaseThreadSlot();
    if (cancelled) counts.dequeued++;
    ssize_t result = cancelled ? kStatusWoken : op->result;
    CloseFd(op->wake_fd);
    op->wake_fd = -1;
    Socket& s = *op->call->socket;
    if (result == kStatusWoken) {
      result = op->stop_status != 0 && !s.lifetime.closed() ? op->stop_status : kStatusClosed;
    }
    // The deferred close(2) must not have happened yet: this wait was still on it.
    if (!s.IsStill(s.number)) Fail(index_, "fd closed while a wait was still on it");
    --s.in_flight;
    if (s.lifetime.End(op)) Released(s);
    Settle(op->call, result);
    delete op;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  Plan RandomPlan() {
    int p = Pick(4);
    return p == 0 ? Plan::kCloseInFlight : p == 1 ? Plan::kEndEachRacingClose : Plan::kEndEach;
  }

  void NewPair(Plan plan) {
    int fds[2];
    Require(OpenSocketPair(AF_UNIX, SOCK_STREAM, 0, fds) == 0, "socketpair");
    // A small send buffer fills fast, so that a send waits at once.
    int size = 4096;
    SetSockOpt(fds[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
    sockets_.push_back(std::make_unique<Socket>(fds[0], fds[1], plan));
  }

  void NewListener(Plan plan) {
    int fd = OpenSocket(AF_INET, SOCK_STREAM, 0);
    Require(fd >= 0, "socket");
    auto s = std::make_unique<Socket>(fd, -1, plan);
    s->address.sin_family = AF_INET;
    s->address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    auto* addr = reinterpret_cast<sockaddr*>(&s->address);
    socklen_t len = sizeof(s->address);
    Require(Bind(fd, addr, len) == 0 && Listen(fd, 16) == 0 && getsockname(fd, addr, &len) == 0,
            "a loopback listener");
    sockets_.push_back(std::move(s));
  }

  Call* AddCall(Socket* s, Kind kind, Ending ending) {
    // A send bigger than the buffer, so that draining ends it in several parts.
    size_t len = kind == Kind::kRecv ? 1 + Pick(512) : kind == Kind::kSend ? 16384 : 0;
    calls_.push_back(std::make_unique<Call>(Call{kind, ending, s, ++next_cancel_id_, len}));
    return calls_.back().get();
  }

  // The addon's RunBlocking: closed already, a pool thread, or the loop.
  void Start(Call* call) {
    Socket& s = *call->socket;
    counts.calls++;
    if (s.lifetime.closed()) {
      counts.refused++;
      call->closed_in_flight = true;
      Settle(call, kStatusClosed);
      return;
    }
    if (call->kind == Kind::kSend) {
      while (Send(s.lifetime.fd(), sink_.data(), sink_.size(), 0) > 0) {}
    }
    if (call->ending == Ending::kTimeout) call->deadline_ns = DeadlineAfterMs(1 + Pick(4));
    std::vector<uint8_t> bytes(call->len);
    AnyOp op = MakeOp(call->kind, s.lifetime.fd(), bytes);
    if (!ClaimThreadSlot()) {
      counts.on_loop++;
      loop_ops_.push_back(std::make_unique<LoopOp>(LoopOp{call, op, std::move(bytes)}));
      return;
    }
    ThreadSlotUsage usage = GetThreadSlotUsage();
    if (usage.in_use > usage.pool_size - usage.reserve) Fail(index_, "slot usage above the limit");
    auto* wait = new PoolOp(*this, pool_, call, op, std::move(bytes));
    wait->wake_fd = OpenWakeFd();
    Require(wait->wake_fd >= 0, "eventfd");
    wait->cancel_id = call->cancel_id;
    wait->work = QueueWork(pool_, loop_, true, wait, PoolOp::Execute, PoolOp::Complete);
    s.lifetime.Begin(wait);
    ++s.in_flight;
  }

  // Ends a data call: bytes for a recv, room for a send, a peer for an accept.
  void Feed(Call* call) {
    Socket& s = *call->socket;
    if (call->kind == Kind::kSend) {
      s.draining = true;
    } else if (call->kind == Kind::kRecv) {
      // In pieces, so that MSG_WAITALL's loop in RecvOp reads more than once.
      for (size_t sent = 0; sent < call->len;) {
        size_t piece = std::min(call->len - sent, 1 + static_cast<size_t>(Pick(256)));
        ssize_t r = Send(s.peer, sink_.data(), piece, 0);
        if (r <= 0) break;  // our end is released already (a racing close)
        sent += static_cast<size_t>(r);
      }
    } else {
      int client = OpenSocket(AF_INET, SOCK_STREAM, 0);
      Require(client >= 0, "socket");
      Connect(client, reinterpret_cast<const sockaddr*>(&s.address), sizeof(s.address));
      clients_.push_back(client);
    }
  }

  // SocketHandle::CloseAs: wake every wait, settle the loop's, release if idle.
  void CloseSocket(Socket& s, bool detach) {
    if (s.lifetime.closed()) return;
    for (auto& call : calls_) {
      if (call->socket == &s && call->settled == 0) call->closed_in_flight = true;
    }
    if (!s.IsStill(s.number)) Fail(index_, "an open socket's fd was closed under it");
    s.detached = detach;
    s.lifetime.Close(detach);
    for (size_t i = loop_ops_.size(); i-- > 0;) {
      if (loop_ops_[i]->call->socket != &s) continue;
      Settle(loop_ops_[i]->call, kStatusClosed);
      EraseAt(loop_ops_, i);
    }
    if (s.lifetime.ReleaseIfIdle()) Released(s);
  }

  // SocketHandle::Cancel: a pool wait, or else one on the loop.
  void Cancel(Socket& s, int cancel_id, int status) {
    if (s.lifetime.Stop(cancel_id, status)) return;
    for (size_t i = 0; i < loop_ops_.size(); ++i) {
      LoopOp& w = *loop_ops_[i];
      if (w.call->cancel_id != cancel_id) continue;
      // A timeout keeps what was moved before it, a cancel does not.
      auto finish = [status](auto& op) -> ssize_t { return op.Finish(status); };
      Settle(w.call, status == kStatusTimedOut ? std::visit(finish, w.op) : status);
      EraseAt(loop_ops_, i);
      return;
    }
  }

  void Released(Socket& s) {
    if (s.in_flight != 0) Fail(index_, "fd released with waits in flight");
    if (++s.releases != 1) Fail(index_, "fd released twice");
    if (s.lifetime.fd() != -1) Fail(index_, "released fd still reported open");
    // Whether a closed fd really went is for the fd count at exit to say: its
    // number may be another thread's socket already. A detached one is ours.
    if (s.detached) {
      if (!s.IsStill(s.number)) Fail(index_, "a detached fd was closed");
      CloseFd(s.number);
      counts.detached++;
    }
  }

  void Settle(Call* call, ssize_t result) {
    if (++call->settled != 1) Fail(index_, "a call settled twice");
    if (call->kind == Kind::kAccept && result >= 0) CloseFd(static_cast<int>(result));
    bool ok = call->closed_in_flight && result == kStatusClosed;
    if (call->ending == Ending::kData) {
      ok |= call->kind == Kind::kAccept ? result >= 0 : result == static_cast<ssize_t>(call->len);
    }
    ok |= call->ending == Ending::kCancel && result == kStatusCancelled;
    ok |= call->ending == Ending::kTimeout && result == kStatusTimedOut;
    if (!ok) {
      Fail(index_, std::string(Name(call->kind)) + " ending by " + Name(call->ending) +
                       (call->closed_in_flight ? " (closed in flight)" : "") + " settled with " +
                       std::to_string(result));
    }
    if (result >= 0) counts.completed++;
    if (result == kStatusClosed) counts.closed++;
    if (result == kStatusCancelled) counts.cancelled++;
    if (result == kStatusTimedOut) counts.timed_out++;
  }

  // Other work on the pool (fs, dns.lookup, a Worker's teardown): the reserve
  // keeps a thread for it however many sockets wait, so it runs while this
  // environment's waits are still blocked.
  void RunChore() {
    bool done = false;
    QueueWork(pool_, loop_, false, &done, [](void*) {},
              [](void* data, bool) { *static_cast<bool*>(data) = true; });
    while (!done) {
      Pump(1);
      CheckProgress("a chore queued behind socket waits");
    }
    counts.chores++;
  }

  // One turn of the owner's loop: completions, loop waits, draining, timers.
  void Pump(int max_wait_ms) {
    std::vector<pollfd> fds{{LoopFd(loop_), POLLIN, 0}};
    for (auto& w : loop_ops_) fds.push_back({w->call->socket->lifetime.fd(), w->Events(), 0});
    timespec timeout{0, max_wait_ms * 1000000L};
    ppoll(fds.data(), fds.size(), &timeout, nullptr);
    RunCompletions(loop_);
    for (size_t i = loop_ops_.size(); i-- > 0;) {
      LoopOp& w = *loop_ops_[i];
      ssize_t r = std::visit([](auto& op) { return op.Attempt(); }, w.op);
      if (r == -EAGAIN) continue;
      Settle(w.call, std::visit([r](auto& op) { return op.Finish(r); }, w.op));
      EraseAt(loop_ops_, i);
    }
    for (auto& s : sockets_) {
      while (s->draining && Recv(s->peer, sink_.data(), sink_.size(), 0) > 0) {}
    }
    // JS's timer for the call's timeout, which also ends a wait on the loop.
    int64_t now = MonotonicNowNs();
    for (auto& call : calls_) {
      if (call->ending != Ending::kTimeout || call->settled || call->timer_fired) continue;
      if (call->deadline_ns == kNoDeadline || now < call->deadline_ns) continue;
      call->timer_fired = true;
      Cancel(*call->socket, call->cancel_id, kStatusTimedOut);
    }
  }

  void CheckProgress(const char* waiting_for) {
    if (MonotonicNowNs() < iteration_deadline_ns_) return;
    std::fprintf(stderr, "tsan harness: environment %d stuck waiting for %s\n", index_, waiting_for);
    std::_Exit(3);
  }

  void Iteration() {
    iteration_deadline_ns_ = MonotonicNowNs() + kIterationLimitNs;
    for (int i = 1 + Pick(3); i > 0; --i) NewPair(RandomPlan());
    if (Pick(2) == 0) NewListener(RandomPlan());
    const Ending endings[] = {Ending::kData, Ending::kData, Ending::kCancel, Ending::kTimeout};
    for (auto& s : sockets_) {
      bool listener = s->peer < 0;
      if (s->plan == Plan::kCloseInFlight) {
        for (int n = 1 + Pick(3); n > 0; --n) {
          Kind kind = listener ? Kind::kAccept : Pick(2) ? Kind::kRecv : Kind::kSend;
          AddCall(s.get(), kind, Ending::kClose);
        }
      } else if (listener) {
        AddCall(s.get(), Kind::kAccept, endings[Pick(4)]);
      } else {
        // One call per direction, so that no call takes another's bytes.
        if (Pick(4) != 0) AddCall(s.get(), Kind::kRecv, endings[Pick(4)]);
        if (Pick(2) == 0) AddCall(s.get(), Kind::kSend, endings[Pick(4)]);
      }
    }
    for (size_t i = 0; i < calls_.size(); ++i) {
      Start(calls_[i].get());
      if (Pick(3) == 0) Pump(0);
    }

    std::vector<std::function<void()>> actions;
    for (auto& owned : calls_) {
      Call* call = owned.get();
      if (call->ending == Ending::kData) actions.push_back([this, call] { Feed(call); });
      if (call->ending != Ending::kCancel) continue;
      actions.push_back([this, call] { Cancel(*call->socket, call->cancel_id, kStatusCancelled); });
    }
    for (auto& owned : sockets_) {
      Socket* s = owned.get();
      if (s->plan == Plan::kEndEach) continue;
      bool detach = s->plan == Plan::kCloseInFlight && Pick(4) == 0;
      actions.push_back([this, s, detach] {
        CloseSocket(*s, detach);
        // A call made after close() settles at once, touching nothing.
        Start(AddCall(s, s->peer < 0 ? Kind::kAccept : Kind::kRecv, Ending::kClose));
      });
    }
    actions.push_back([this] { RunChore(); });
    // An environment's teardown (a Worker terminated): everything closes at once.
    if (Pick(8) == 0) {
      actions.push_back([this] {
        for (auto& s : sockets_) CloseSocket(*s, false);
      });
    }
    std::shuffle(actions.begin(), actions.end(), rng_);
    for (auto& action : actions) {
      action();
      // Sometimes at once, while the waits may still be queued; sometimes once
      // a thread may have taken them.
      Pump(Pick(3));
    }

    while (std::any_of(calls_.begin(), calls_.end(), [](auto& c) { return c->settled == 0; })) {
      Pump(1);
      CheckProgress("calls to settle");
    }
    for (auto& s : sockets_) {
      CloseSocket(*s, false);
      if (s->releases != 1) Fail(index_, "a socket with no wait left was not released at close");
      if (s->peer >= 0) CloseFd(s->peer);
    }
    for (int client : clients_) CloseFd(client);
    for (auto& call : calls_) {
      if (call->settled != 1) Fail(index_, "a call did not settle exactly once");
    }
    if (!loop_ops_.empty()) Fail(index_, "a loop wait outlived its call");
    sockets_.clear();
    calls_.clear();
    clients_.clear();
  }

  int index_;
  Pool* pool_;
  std::mt19937 rng_;
  Loop* loop_ = NewLoop();
  int next_cancel_id_ = 0;
  int64_t iteration_deadline_ns_ = 0;
  std::vector<std::unique_ptr<Socket>> sockets_;
  std::vector<std::unique_ptr<Call>> calls_;
  std::vector<std::unique_ptr<LoopOp>> loop_ops_;
  std::vector<int> clients_;  // connected to a listener by a data ending
  // Bytes to fill a send buffer or feed a recv with, and where draining reads to.
  std::vector<uint8_t> sink_ = std::vector<uint8_t>(65536);
};

void PoolOp::Complete(void* data, bool cancelled) {
  auto* self = static_cast<PoolOp*>(data);
  self->env.OnPoolComplete(self, cancelled);
}

int CountOpenFds() {
  DIR* dir = opendir("/proc/self/fd");
  Require(dir != nullptr, "opendir /proc/self/fd");
  int n = 0;
  while (dirent* entry = readdir(dir)) n += entry->d_name[0] != '.';
  closedir(dir);
  return n;
}

long Option(int argc, char** argv, const char* flag, const char* env, long fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], flag) == 0) return std::atol(argv[i + 1]);
  }
  const char* value = std::getenv(env);
  return value != nullptr ? std::atol(value) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = static_cast<int>(Option(argc, argv, "--iterations", "BSD_TSAN_ITERATIONS", 4000));
  int environments = static_cast<int>(Option(argc, argv, "--environments", "BSD_TSAN_ENVIRONMENTS", 3));
  auto seed = static_cast<uint32_t>(Option(argc, argv, "--seed", "BSD_TSAN_SEED", 1));
  int fds_before = CountOpenFds();
  ThreadSlotUsage usage = GetThreadSlotUsage();
  int64_t started = MonotonicNowNs();
  Pool* pool = StartPool(usage.pool_size);
  std::vector<std::thread> threads;
  for (int i = 0; i < environments; ++i) {
    threads.emplace_back([=] { Env(i, pool, seed * 1000 + static_cast<uint32_t>(i)).Run(iterations); });
  }
  for (std::thread& t : threads) t.join();
  // Each wait queued or running held a slot it had not released yet, so this
  // is above the limit only if ClaimThreadSlot handed out too many.
  int peak_waits = StopPool(pool);
  if (peak_waits > usage.pool_size - usage.reserve) Fail(-1, "more socket waits on the pool than slots");
  if (GetThreadSlotUsage().in_use != 0) Fail(-1, "thread slots still in use at the end");
  int fds_after = CountOpenFds();
  if (fds_after != fds_before) {
    Fail(-1, "open fds: " + std::to_string(fds_before) + " before, " + std::to_string(fds_after) + " after");
  }
  std::printf(
      "tsan harness: %d iterations (%d environments x %d, seed %u, pool %d, reserve %d) in %.1f s, "
      "%ld ops (%ld woken by close, %ld refused after close, %ld cancelled, %ld timed out, "
      "%ld completed; %ld taken off the queue, %ld waited on the loop, %ld detached; at most %d on "
      "the pool at once), %ld chores, %d failures\n",
      environments * iterations, environments, iterations, seed, usage.pool_size, usage.reserve,
      (MonotonicNowNs() - started) / 1e9, counts.calls.load(), counts.closed - counts.refused,
      counts.refused.load(), counts.cancelled.load(), counts.timed_out.load(),
      counts.completed.load(), counts.dequeued.load(), counts.on_loop.load(),
      counts.detached.load(), peak_waits, counts.chores.load(), failures.load());
  return failures.load() == 0 ? 0 : 1;
}
