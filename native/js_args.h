// Reading the binding's arguments. The TS layer has validated them already;
// these checks make sure a mistake there is a TypeError, never a bad pointer.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>

namespace bsd {

int32_t Int32Arg(const Napi::CallbackInfo& info, size_t i);
double NumberArg(const Napi::CallbackInfo& info, size_t i);

struct Bytes {
  uint8_t* data;
  size_t len;
  size_t offset;  // of `data` within the view
};

// The bytes of a TypedArray or DataView (none if detached); false for any
// other value.
bool ViewBytes(Napi::Value view, uint8_t** data, size_t* size);

// The bytes [offset, offset + length) of the TypedArray or DataView at
// info[i], checked against the view's real size (a detached view has none).
Bytes BytesArg(const Napi::CallbackInfo& info, size_t i);

}  // namespace bsd
