// Results an operation can end with besides a count (>= 0) and -errno.
// They sit below -4095, the lowest value a Linux syscall returns as -errno,
// so the two ranges cannot meet.
#pragma once

namespace bsd::core {

constexpr int kStatusWoken = -4097;      // its wake fd fired; the owner says why
constexpr int kStatusTimedOut = -4098;   // the socket's or the call's timeout passed
constexpr int kStatusClosed = -4099;     // the socket was closed while it waited
constexpr int kStatusCancelled = -4100;  // the caller cancelled it (AbortSignal)

}  // namespace bsd::core
