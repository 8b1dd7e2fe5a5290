#pragma once

#include <napi.h>

namespace bsd {

void InitAddressText(Napi::Env env, Napi::Object exports);

}  // namespace bsd
