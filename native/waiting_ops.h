// The waiting syscalls in their three forms (op_table.h), and the hand-written hot paths.
#pragma once

#include <napi.h>

namespace bsd {

void InitWaitingOps(Napi::Env env, Napi::Object exports);

}  // namespace bsd
