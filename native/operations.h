#pragma once

#include <napi.h>

namespace bsd {

void InitOperations(Napi::Env env, Napi::Object exports);

}  // namespace bsd
