#include "thread_slots.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "limits.h"

namespace bsd::core {

namespace {

// Read once, at first use: libuv reads the variable once, when the pool
// starts, which is also at first use.
int PoolSize() {
  static const int size = ParsePoolSize(std::getenv("UV_THREADPOOL_SIZE"));
  return size;
}

int InitialReserve() {
  const char* value = std::getenv("BSD_SOCKET_THREADPOOL_RESERVE");
  return value == nullptr ? 1 : std::atoi(value);
}

int Clamp(int reserve) { return std::clamp(reserve, 1, PoolSize()); }

std::atomic<int>& Reserve() {
  static std::atomic<int> reserve{Clamp(InitialReserve())};
  return reserve;
}

std::atomic<int> in_use{0};

}  // namespace

int ParsePoolSize(const char* value) {
  if (value == nullptr) return 4;
  // libuv keeps the atoi in an unsigned int, so a negative value is huge.
  int size = std::atoi(value);
  if (size < 0) return kMaxPoolSize;
  return std::clamp(size, 1, kMaxPoolSize);
}

bool ClaimThreadSlot() {
  int limit = PoolSize() - Reserve().load(std::memory_order_relaxed);
  int now = in_use.load(std::memory_order_relaxed);
  do {
    if (now >= limit) return false;
  } while (!in_use.compare_exchange_weak(now, now + 1, std::memory_order_relaxed));
  return true;
}

void ReleaseThreadSlot() { in_use.fetch_sub(1, std::memory_order_relaxed); }

int SetThreadSlotReserve(int reserve) {
  int clamped = Clamp(reserve);
  Reserve().store(clamped, std::memory_order_relaxed);
  return clamped;
}

ThreadSlotUsage GetThreadSlotUsage() {
  return {PoolSize(), Reserve().load(std::memory_order_relaxed), in_use.load(std::memory_order_relaxed)};
}

}  // namespace bsd::core
