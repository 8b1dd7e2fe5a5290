// The syscalls that never wait, fd first, one binding function each:
// socket(2), socketpair(2), bind(2), listen(2), shutdown(2),
// getsockname(2), getpeername(2), setsockopt(2), getsockopt(2), and what
// fromFd needs to adopt an fd. Results cross as numbers (-errno on failure).
#include "socket_calls.h"

#include <sys/socket.h>

#include "core/posix_socket.h"
#include "env_state.h"
#include "js_args.h"
#include "sockaddr_js.h"

namespace bsd {

namespace {

using Info = Napi::CallbackInfo;

Napi::Value Num(Napi::Env env, double value) { return Napi::Number::New(env, value); }

// New fds are handed over until JS wraps them (EnvState::HandOver).
Napi::Value Socket(const Info& info) {
  int fd = core::OpenSocket(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2));
  if (fd >= 0) EnvState::Of(info.Env())->HandOver(fd);
  return Num(info.Env(), fd);
}

Napi::Value SocketPair(const Info& info) {
  Napi::Env env = info.Env();
  int fds[2];
  int r = core::OpenSocketPair(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2), fds);
  if (r < 0) return Num(env, r);
  EnvState::Of(env)->HandOver(fds[0]);
  EnvState::Of(env)->HandOver(fds[1]);
  Napi::Array pair = Napi::Array::New(env, 2);
  pair.Set(uint32_t{0}, Num(env, fds[0]));
  pair.Set(uint32_t{1}, Num(env, fds[1]));
  return pair;
}

Napi::Value Bind(const Info& info) {
  sockaddr_storage addr;
  socklen_t len;
  int r = AddressFromJS(info[1], &addr, &len);
  if (r == 0) r = core::Bind(Int32Arg(info, 0), reinterpret_cast<sockaddr*>(&addr), len);
  return Num(info.Env(), r);
}

Napi::Value Listen(const Info& info) {
  return Num(info.Env(), core::Listen(Int32Arg(info, 0), Int32Arg(info, 1)));
}

Napi::Value Shutdown(const Info& info) {
  return Num(info.Env(), core::Shutdown(Int32Arg(info, 0), Int32Arg(info, 1)));
}

template <int (*Get)(int, sockaddr_storage*, socklen_t*)>
Napi::Value GetName(const Info& info) {
  sockaddr_storage addr;
  socklen_t len;
  int r = Get(Int32Arg(info, 0), &addr, &len);
  if (r < 0) return Num(info.Env(), r);
  return AddressToJS(info.Env(), &addr, len);
}

Napi::Value SetSockOpt(const Info& info) {
  Bytes value = BytesArg(info, 3);
  return Num(info.Env(), core::SetSockOpt(Int32Arg(info, 0), Int32Arg(info, 1), Int32Arg(info, 2),
                                          value.data, static_cast<socklen_t>(value.len)));
}

// getsockopt(fd, level, name, view[, offset, length]): the option's length
// or -errno; without an offset and length, into all of the view (one
// conversion fewer each). A raw napi_callback (js_args.h), as send is:
// programs poll options such as SO_ERROR or TCP_INFO.
napi_value GetSockOpt(napi_env env, napi_callback_info cbinfo) {
  napi_value argv[6];
  size_t given = 0;
  int32_t fd;
  int32_t level;
  int32_t name;
  Bytes value;
  if (!raw::Args(env, cbinfo, argv, 6, &given) || !raw::Int32(env, argv, 0, &fd) ||
      !raw::Int32(env, argv, 1, &level) || !raw::Int32(env, argv, 2, &name) ||
      !(given > 4 ? raw::BytesAt(env, argv, 3, &value) : raw::ViewAt(env, argv, 3, &value))) {
    return nullptr;
  }
  socklen_t len = static_cast<socklen_t>(value.len);
  int r = core::GetSockOpt(fd, level, name, value.data, &len);
  return raw::Result(env, r < 0 ? r : static_cast<int64_t>(len));
}

Napi::Value PendingError(const Info& info) {
  return Num(info.Env(), core::PendingError(Int32Arg(info, 0)));
}

// What fromFd needs to adopt an fd: [family, type, protocol, wasNonBlocking].
Napi::Value SocketInfo(const Info& info) {
  Napi::Env env = info.Env();
  int fd = Int32Arg(info, 0);
  int values[3];
  const int names[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
  for (int i = 0; i < 3; ++i) {
    socklen_t len = sizeof(values[i]);
    int r = core::GetSockOpt(fd, SOL_SOCKET, names[i], &values[i], &len);
    if (r < 0) return Num(env, r);
  }
  int nonblocking = core::IsNonBlocking(fd);
  if (nonblocking < 0) return Num(env, nonblocking);
  Napi::Array out = Napi::Array::New(env, 4);
  for (uint32_t i = 0; i < 3; ++i) out.Set(i, Num(env, values[i]));
  out.Set(uint32_t{3}, Napi::Boolean::New(env, nonblocking == 1));
  return out;
}

Napi::Value SetNonBlocking(const Info& info) {
  return Num(info.Env(), core::SetNonBlocking(Int32Arg(info, 0), info[1].ToBoolean()));
}

}  // namespace

void InitSocketCalls(Napi::Env env, Napi::Object exports) {
  struct Entry {
    const char* name;
    Napi::Value (*fn)(const Info&);
  };
  const Entry entries[] = {
      {"socket", Socket},
      {"socketpair", SocketPair},
      {"bind", Bind},
      {"listen", Listen},
      {"shutdown", Shutdown},
      {"getsockname", GetName<core::GetSockName>},
      {"getpeername", GetName<core::GetPeerName>},
      {"setsockopt", SetSockOpt},
      {"pendingError", PendingError},
      {"socketInfo", SocketInfo},
      {"setNonBlocking", SetNonBlocking},
  };
  for (const Entry& e : entries) exports.Set(e.name, Napi::Function::New(env, e.fn, e.name));
  napi_value fn;
  NAPI_THROW_IF_FAILED_VOID(env, napi_create_function(env, "getsockopt", NAPI_AUTO_LENGTH, GetSockOpt, nullptr, &fn));
  exports.Set("getsockopt", Napi::Value(env, fn));
}

}  // namespace bsd
