// How many of libuv's threadpool threads socket waits may hold at once.
//
// The pool is one per process, shared by every Worker and by fs, dns.lookup,
// crypto and zlib. A blocking socket's wait holds a thread until data comes,
// so if waits could take every thread, work queued behind them (another
// socket's connect, an fs call, a terminating Worker's last ops) would wait
// for data that may never come. Waits therefore take at most
// `pool size - reserve` threads; a wait that finds none free waits on its
// event loop instead (threadpool_op.h).
//
// Process-wide and thread-safe: every environment's loop thread claims and
// releases slots.
#pragma once

namespace bsd::core {

struct ThreadSlotUsage {
  int pool_size;  // libuv's, as UV_THREADPOOL_SIZE sets it (default 4)
  int reserve;    // threads socket waits leave free
  int in_use;     // socket waits queued or running on the pool now
};

// Takes a slot; false if `pool size - reserve` are taken already.
bool ClaimThreadSlot();
void ReleaseThreadSlot();

// The reserve, at least 1 and at most the pool's size; returns the value in
// force. BSD_SOCKET_THREADPOOL_RESERVE sets the initial one (default 1).
int SetThreadSlotReserve(int reserve);
ThreadSlotUsage GetThreadSlotUsage();

// libuv's reading of UV_THREADPOOL_SIZE (uv__threadpool init): 4 unset,
// 1 if it parses as 0, at most 1024.
int ParsePoolSize(const char* value);

}  // namespace bsd::core
