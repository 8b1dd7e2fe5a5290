// The parts of libuv that the addon's threadpool ops stand on, modelled for
// the TSan harness (stress.cc) with plain threads: one process-wide pool of
// threads with a FIFO queue (uv_queue_work), cancelling work no thread has
// taken yet (uv_cancel), and completions posted back to the loop that queued
// the work, run there (uv_async). C-shaped, as libuv is: a callback pair and
// an opaque request per piece of work.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <unistd.h>

#include "core/posix_socket.h"
#include "core/readiness_wait.h"
#include "uv_model.h"

namespace bsd::tsan {

// A uv_work_t: `execute` on a pool thread, then `complete` on its loop's
// thread, which frees the request after.
struct Work {
  Loop* loop;
  bool socket_wait;  // holds one of core/thread_slots.h's slots
  void* data;
  ExecuteFn execute;
  CompleteFn complete;
};

// An environment's loop as the pool sees it: completions are posted from any
// thread and run on the loop's own thread.
struct Loop {
  int signal_fd = bsd::core::OpenWakeFd();
  std::mutex mutex;
  std::vector<std::pair<Work*, bool>> done;

  void Post(Work* work, bool cancelled) {
    // Signalled under the lock: once the loop has taken its last completion
    // it may end and close the fd, and a late signal would then write to
    // whatever took the number.
    std::lock_guard<std::mutex> lock(mutex);
    done.emplace_back(work, cancelled);
    bsd::core::SignalWakeFd(signal_fd);
  }
};

class Pool {
 public:
  explicit Pool(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  void Queue(Work* work) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (work->socket_wait) peak_socket_waits_ = std::max(peak_socket_waits_, ++socket_waits_);
    queue_.push_back(work);
    ready_.notify_one();
  }

  bool Cancel(Work* work) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = std::find(queue_.begin(), queue_.end(), work);
      if (it == queue_.end()) return false;
      queue_.erase(it);
      if (work->socket_wait) --socket_waits_;
    }
    work->loop->Post(work, true);
    return true;
  }

  int peak_socket_waits() const { return peak_socket_waits_; }

 private:
  void Run() {
    for (;;) {
      Work* work;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        work = queue_.front();
        queue_.pop_front();
      }
      work->execute(work->data);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (work->socket_wait) --socket_waits_;
      }
      work->loop->Post(work, false);
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Work*> queue_;
  int socket_waits_ = 0;  // queued or running
  int peak_socket_waits_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

Pool* StartPool(int threads) { return new Pool(threads); }

int StopPool(Pool* pool) {
  int peak = pool->peak_socket_waits();
  delete pool;
  return peak;
}

Loop* NewLoop() { return new Loop; }

void DeleteLoop(Loop* loop) {
  bsd::core::CloseFd(loop->signal_fd);
  delete loop;
}

int LoopFd(Loop* loop) { return loop->signal_fd; }

void RunCompletions(Loop* loop) {
  uint64_t count;
  // Reset before taking the list, so that a post landing after the swap
  // leaves the fd readable for the next turn.
  ssize_t ignored = read(loop->signal_fd, &count, sizeof(count));
  (void)ignored;
  std::vector<std::pair<Work*, bool>> done;
  {
    std::lock_guard<std::mutex> lock(loop->mutex);
    done.swap(loop->done);
  }
  for (auto& [work, cancelled] : done) {
    work->complete(work->data, cancelled);
    delete work;
  }
}

Work* QueueWork(Pool* pool, Loop* loop, bool socket_wait, void* data, ExecuteFn execute,
                CompleteFn complete) {
  auto* work = new Work{loop, socket_wait, data, execute, complete};
  pool->Queue(work);
  return work;
}

bool CancelWork(Pool* pool, Work* work) { return pool->Cancel(work); }

}  // namespace bsd::tsan
