// Memory the caller allocates and fills: MessageBatch layout, sockaddrs in it, CMSG sizes, detached views.
#pragma once

#include <napi.h>

namespace bsd {

void InitMemoryLayout(Napi::Env env, Napi::Object exports);

}  // namespace bsd
