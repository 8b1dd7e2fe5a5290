// Classic BPF socket filters (socket(7) SO_ATTACH_FILTER, SO_DETACH_FILTER,
// SO_LOCK_FILTER) on plain fds. Each returns 0 or -errno.
#pragma once

#include <linux/filter.h>

#include <cstddef>

namespace bsd::core {

// Attaches `count` instructions as the socket's filter (the kernel checks
// them: EINVAL if it refuses the program, EPERM if the filter is locked).
// With `drain`, packets queued before the call are dropped, as libpcap does
// (pcap-linux.c): a filter that accepts nothing is attached, the receive
// queue is read empty without waiting, then the program replaces it, so no
// packet the program would refuse is left to read. The program is attached
// once before that too, so that a refused one changes nothing.
int AttachFilter(int fd, const sock_filter* program, size_t count, bool drain);

// Removes the socket's filter: ENOENT if it has none, EPERM if locked.
int DetachFilter(int fd);

// Locks the filter: from now on attach and detach fail with EPERM.
int LockFilter(int fd);

}  // namespace bsd::core
