// The syscalls that never wait: socket, bind, listen, options, names.
#pragma once

#include <napi.h>

namespace bsd {

void InitSocketCalls(Napi::Env env, Napi::Object exports);

}  // namespace bsd
