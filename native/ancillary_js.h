// Ancillary data between control-message bytes and JS objects. Known kinds
// decode to typed objects; anything else is { kind: 'raw', level, type, data }.
//   { kind: 'rights', fds }                       SCM_RIGHTS
//   { kind: 'credentials', pid, uid, gid }        SCM_CREDENTIALS
//   { kind: 'timestamp', seconds, nanoseconds }   SO_TIMESTAMPNS / SO_TIMESTAMP
//   { kind: 'pktinfo', ifindex, address, localAddress }   IP_PKTINFO
//   { kind: 'pktinfo', ifindex, address }         IPV6_PKTINFO
//   { kind: 'ttl' | 'hoplimit' | 'tos' | 'tclass', value }
//   { kind: 'error', errno, origin, type, code, info, data, offender }  IP(V6)_RECVERR
// Each also carries its `level` and `type`.
#pragma once

#include <napi.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace bsd {

Napi::Array ControlToJS(Napi::Env env, const uint8_t* control, size_t len);

// Encodes an array of the objects above into control bytes (for sending,
// IPv6 packet info is kind 'pktinfo6' and IPv4's source is `localAddress`); returns 0, or
// -EINVAL for a kind it cannot send. Throws TypeError on wrong shapes.
int ControlFromJS(Napi::Value list, std::vector<uint8_t>* out);

// Calls `each` with every fd of the SCM_RIGHTS messages in `control`.
void ForEachReceivedFd(const uint8_t* control, size_t len, const std::function<void(int)>& each);

}  // namespace bsd
