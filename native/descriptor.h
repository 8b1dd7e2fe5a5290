// Calls on the fd itself rather than on the socket: dup(2), and FD_CLOEXEC
// (fcntl(2)), which Python calls inheritable.
#pragma once

#include <napi.h>

namespace bsd {

void InitDescriptor(Napi::Env env, Napi::Object exports);

}  // namespace bsd
