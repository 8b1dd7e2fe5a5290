// attachFilter(fd, program, drain), detachFilter(fd), lockFilter(fd): each
// 0 or -errno. The program is { code, jt, jf, k }[], checked in TS
// (lib/socket_filter.ts); here every field is still read as a number in its
// C type's range and the length bounded by what sock_fprog.len holds, so a
// mistake there is a TypeError, a RangeError or EINVAL, never a bad struct.
#include "socket_filter.h"

#include <linux/filter.h>

#include <cerrno>
#include <cstdint>
#include <vector>

#include "core/socket_filter.h"
#include "js_args.h"

namespace bsd {

namespace {

uint32_t FieldOf(const Napi::Object& insn, const char* name) {
  Napi::Value value = insn.Get(name);
  if (!value.IsNumber()) throw Napi::TypeError::New(insn.Env(), std::string("instruction.") + name + " must be a number");
  return value.As<Napi::Number>().Uint32Value();
}

Napi::Value AttachFilter(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fd = Int32Arg(info, 0);
  if (!info[1].IsArray()) throw Napi::TypeError::New(env, "argument 1 must be an array");
  Napi::Array array = info[1].As<Napi::Array>();
  uint32_t count = array.Length();
  // The kernel judges any count sock_fprog can carry (EINVAL for 0 or more
  // than BPF_MAXINSNS); a longer array is not read at all.
  if (count > UINT16_MAX) return Napi::Number::New(env, -EINVAL);
  std::vector<sock_filter> program(count);
  for (uint32_t i = 0; i < count; i++) {
    Napi::Value element = array.Get(i);
    if (!element.IsObject()) throw Napi::TypeError::New(env, "each instruction must be an object");
    Napi::Object insn = element.As<Napi::Object>();
    uint32_t code = FieldOf(insn, "code");
    uint32_t jt = FieldOf(insn, "jt");
    uint32_t jf = FieldOf(insn, "jf");
    if (code > UINT16_MAX || jt > UINT8_MAX || jf > UINT8_MAX) {
      throw Napi::RangeError::New(env, "instruction field out of range");
    }
    program[i] = sock_filter{static_cast<uint16_t>(code), static_cast<uint8_t>(jt), static_cast<uint8_t>(jf),
                             FieldOf(insn, "k")};
  }
  bool drain = info[2].ToBoolean().Value();
  return Napi::Number::New(env, core::AttachFilter(fd, program.data(), program.size(), drain));
}

}  // namespace

void InitSocketFilter(Napi::Env env, Napi::Object exports) {
  exports.Set("attachFilter", Napi::Function::New(env, AttachFilter, "attachFilter"));
  exports.Set("detachFilter", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), core::DetachFilter(Int32Arg(info, 0)));
  }, "detachFilter"));
  exports.Set("lockFilter", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), core::LockFilter(Int32Arg(info, 0)));
  }, "lockFilter"));
}

}  // namespace bsd
