// recvEachOnLoop, recvmmsgEachOnLoop, acceptEachOnLoop and stopRecvEach: the receivers (receiver.h)
// to JS, and the arguments every receiver's entry point reads.
#pragma once

#include <napi.h>

namespace bsd {

void InitReceivers(Napi::Env env, Napi::Object exports);

// The arguments every receiver's entry point takes: its budget (a
// RangeError out of 1..kMaxReceiverBudget) and its function (a TypeError
// for anything else).
int BudgetArg(const Napi::CallbackInfo& info, size_t i);
Napi::Function CallbackArg(const Napi::CallbackInfo& info, size_t i);

}  // namespace bsd
