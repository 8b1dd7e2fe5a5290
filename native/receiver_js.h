// recvEachOnLoop, recvmmsgEachOnLoop, acceptEachOnLoop and stopRecvEach: the receivers (receiver.h) to JS.
#pragma once

#include <napi.h>

namespace bsd {

void InitReceivers(Napi::Env env, Napi::Object exports);

}  // namespace bsd
