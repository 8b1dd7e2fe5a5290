#pragma once

#include <napi.h>

namespace bsd {

void InitOptionCodec(Napi::Env env, Napi::Object exports);

}  // namespace bsd
