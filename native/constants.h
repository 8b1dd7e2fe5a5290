#pragma once

#include <napi.h>

namespace bsd {

void InitConstants(Napi::Env env, Napi::Object exports);

}  // namespace bsd
