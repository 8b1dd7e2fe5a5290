// The parts of libuv the TSan harness stands on (uv_model.cc), in libuv's
// shape: a process-wide pool, cancel of work no thread took, completions run
// on the loop that queued them.
#pragma once

namespace bsd::tsan {
struct Pool;
struct Loop;
struct Work;
using ExecuteFn = void (*)(void* data);
using CompleteFn = void (*)(void* data, bool cancelled);
Pool* StartPool(int threads);
// Joins the threads; returns the most socket waits that were queued or
// running at once.
int StopPool(Pool* pool);
Loop* NewLoop();
void DeleteLoop(Loop* loop);
int LoopFd(Loop* loop);  // readable when completions are waiting
void RunCompletions(Loop* loop);
Work* QueueWork(Pool* pool, Loop* loop, bool socket_wait, void* data, ExecuteFn execute,
                CompleteFn complete);
// True if no thread had taken `work`: its completion follows, cancelled.
bool CancelWork(Pool* pool, Work* work);
}  // namespace bsd::tsan
