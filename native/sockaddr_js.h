// The one place socket addresses cross between JS objects and sockaddr.
//   AF_INET   { family, address: '1.2.3.4', port }
//   AF_INET6  { family, address: '::1', port, flowinfo, scopeId }
//   AF_UNIX   { family, path }   (path '\0name' is the abstract namespace)
//   AF_UNSPEC { family }
//   AF_PACKET { family, ifindex, protocol, hatype, pkttype, addr }
//             (addr: 'aa:bb:cc:dd:ee:ff' out, a Buffer in; protocol in host order)
//   AF_NETLINK { family, pid, groups }
#pragma once

#include <napi.h>
#include <sys/socket.h>

namespace bsd {

// Fills `out` from a JS address object; returns 0, or -errno for an address
// the kernel could not take (-EINVAL: bad text; -ENAMETOOLONG: path too long;
// -EAFNOSUPPORT: a family we cannot encode). Throws TypeError on wrong types,
// which the TS layer rules out before calling.
int AddressFromJS(Napi::Value value, sockaddr_storage* out, socklen_t* len);

Napi::Value AddressToJS(Napi::Env env, const sockaddr_storage* addr, socklen_t len);

}  // namespace bsd
