// Plain wrappers over the socket syscalls. Every function returns a result
// (>= 0) or -errno, retries EINTR where that is safe, and knows nothing of Node.
#pragma once

#include <sys/socket.h>
#include <sys/types.h>
#include <cstddef>
#include <cstdint>

namespace bsd::core {

// Every fd this library creates is close-on-exec and O_NONBLOCK at the kernel
// level; a socket's blocking behaviour is emulated above it (see op_runner.h),
// so that every wait can be woken.
int OpenSocket(int family, int type, int protocol);
int OpenSocketPair(int family, int type, int protocol, int fds[2]);
int CloseFd(int fd);

int Bind(int fd, const sockaddr* addr, socklen_t len);
int Listen(int fd, int backlog);
int Connect(int fd, const sockaddr* addr, socklen_t len);
int Accept(int fd, sockaddr_storage* addr, socklen_t* len);
// Whether accept(2) failed with `error` (positive) for a connection the
// network ended while it queued, not for the listening socket: Linux
// reports such errors there, and accept(2) says to treat them as EAGAIN and
// try again (ECONNABORTED, and the protocol's network errors; not
// EOPNOTSUPP, which also means a socket that cannot accept at all).
bool EndedWhileQueued(int error);
int Shutdown(int fd, int how);

ssize_t Send(int fd, const uint8_t* data, size_t len, int flags);
ssize_t SendTo(int fd, const uint8_t* data, size_t len, int flags,
               const sockaddr* addr, socklen_t addr_len);
ssize_t Recv(int fd, uint8_t* data, size_t len, int flags);
ssize_t RecvFrom(int fd, uint8_t* data, size_t len, int flags,
                 sockaddr_storage* addr, socklen_t* addr_len);

ssize_t SendMsg(int fd, const msghdr* msg, int flags);
// sendfile(2) of up to `count` bytes of `file_fd` from `*offset` (advanced
// by what was sent) to the socket: the count, 0 at the file's end, or -errno.
ssize_t SendFile(int fd, int file_fd, off_t* offset, size_t count);
ssize_t RecvMsg(int fd, msghdr* msg, int flags);
// The number of messages sent / received, or -errno.
int SendMmsg(int fd, mmsghdr* msgs, unsigned count, int flags);
int RecvMmsg(int fd, mmsghdr* msgs, unsigned count, int flags);

int GetSockName(int fd, sockaddr_storage* addr, socklen_t* len);
int GetPeerName(int fd, sockaddr_storage* addr, socklen_t* len);
int SetSockOpt(int fd, int level, int name, const void* value, socklen_t len);
int GetSockOpt(int fd, int level, int name, void* value, socklen_t* len);

// The pending error of a socket (SO_ERROR), as -errno, or 0.
int PendingError(int fd);
int SetNonBlocking(int fd, bool on);
// 1 if O_NONBLOCK is set, 0 if not, or -errno.
int IsNonBlocking(int fd);
// dup(2), close-on-exec as every fd this library makes: the new fd or -errno.
int Duplicate(int fd);
// FD_CLOEXEC, the fd's own flag (not the open file's): 1 set, 0 not, or -errno.
int IsCloseOnExec(int fd);
int SetCloseOnExec(int fd, bool on);

}  // namespace bsd::core
