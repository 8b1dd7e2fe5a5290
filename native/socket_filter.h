// The socket filter calls (SO_ATTACH_FILTER with a struct sock_fprog built
// from a JS program, SO_DETACH_FILTER, SO_LOCK_FILTER): sock_fprog holds a
// pointer, so setsockopt's raw bytes cannot carry it.
#pragma once

#include <napi.h>

namespace bsd {

void InitSocketFilter(Napi::Env env, Napi::Object exports);

}  // namespace bsd
