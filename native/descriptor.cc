#include "descriptor.h"

#include "core/posix_socket.h"
#include "env_state.h"
#include "js_args.h"

namespace bsd {

void InitDescriptor(Napi::Env env, Napi::Object exports) {
  // dup(fd): the new fd (close-on-exec), handed over until JS wraps it, or -errno.
  exports.Set("dup", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    int fd = core::Duplicate(Int32Arg(info, 0));
    if (fd >= 0) EnvState::Of(info.Env())->HandOver(fd);
    return Napi::Number::New(info.Env(), fd);
  }, "dup"));
  // isInheritable(fd): 1 if FD_CLOEXEC is clear, 0 if set, or -errno.
  exports.Set("isInheritable", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    int r = core::IsCloseOnExec(Int32Arg(info, 0));
    return Napi::Number::New(info.Env(), r < 0 ? r : 1 - r);
  }, "isInheritable"));
  // setInheritable(fd, on): 0 or -errno.
  exports.Set("setInheritable", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    bool inheritable = info[1].ToBoolean().Value();
    return Napi::Number::New(info.Env(), core::SetCloseOnExec(Int32Arg(info, 0), !inheritable));
  }, "setInheritable"));
}

}  // namespace bsd
