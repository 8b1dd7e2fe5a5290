#pragma once

#include <napi.h>

namespace bsd {

void InitInterfaces(Napi::Env env, Napi::Object exports);

}  // namespace bsd
