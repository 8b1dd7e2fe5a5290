#include "resolver.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "env_state.h"
#include "js_args.h"
#include "sockaddr_js.h"

namespace bsd {

namespace {

// A string argument, or nothing for null/undefined (getaddrinfo's NULL).
std::optional<std::string> OptionalString(const Napi::CallbackInfo& info, size_t i) {
  if (info[i].IsNull() || info[i].IsUndefined()) return std::nullopt;
  if (!info[i].IsString()) throw Napi::TypeError::New(info.Env(), "argument " + std::to_string(i) + " must be a string or null");
  return info[i].As<Napi::String>().Utf8Value();
}

// A failure crosses as { gai, errno }: EAI_* codes are small negative numbers
// that would read as -errno, and EAI_SYSTEM carries its errno beside it.
Napi::Value GaiFailure(Napi::Env env, int gai, int error) {
  Napi::Object out = Napi::Object::New(env);
  out.Set("gai", gai);
  out.Set("errno", gai == EAI_SYSTEM ? error : 0);
  return out;
}

// getaddrinfo's arguments and result, filled on one thread, read on another.
struct AddrInfoCall {
  std::optional<std::string> host;
  std::optional<std::string> service;
  addrinfo hints{};
  addrinfo* result = nullptr;
  int gai = 0;
  int error = 0;

  void Run() {
    gai = getaddrinfo(host ? host->c_str() : nullptr, service ? service->c_str() : nullptr, &hints, &result);
    error = errno;
  }
  ~AddrInfoCall() {
    if (result != nullptr) freeaddrinfo(result);
  }
  // [[family, type, protocol, canonname, address], ...] in the resolver's order.
  Napi::Value ToJS(Napi::Env env) const {
    if (gai != 0) return GaiFailure(env, gai, error);
    Napi::Array out = Napi::Array::New(env);
    uint32_t n = 0;
    for (const addrinfo* ai = result; ai != nullptr; ai = ai->ai_next) {
      Napi::Array entry = Napi::Array::New(env, 5);
      entry.Set(uint32_t{0}, ai->ai_family);
      entry.Set(uint32_t{1}, ai->ai_socktype);
      entry.Set(uint32_t{2}, ai->ai_protocol);
      entry.Set(uint32_t{3}, ai->ai_canonname != nullptr ? ai->ai_canonname : "");
      sockaddr_storage address{};
      socklen_t len = std::min<socklen_t>(ai->ai_addrlen, sizeof(address));
      std::memcpy(&address, ai->ai_addr, len);
      entry.Set(uint32_t{4}, AddressToJS(env, &address, len));
      out.Set(n++, entry);
    }
    return out;
  }
};

struct NameInfoCall {
  sockaddr_storage address{};
  socklen_t address_len = 0;
  int flags = 0;
  char host[NI_MAXHOST] = {0};
  char service[NI_MAXSERV] = {0};
  int gai = 0;
  int error = 0;

  void Run() {
    gai = getnameinfo(reinterpret_cast<const sockaddr*>(&address), address_len, host, sizeof(host), service,
                      sizeof(service), flags);
    error = errno;
  }
  // [host, service]
  Napi::Value ToJS(Napi::Env env) const {
    if (gai != 0) return GaiFailure(env, gai, error);
    Napi::Array out = Napi::Array::New(env, 2);
    out.Set(uint32_t{0}, host);
    out.Set(uint32_t{1}, service);
    return out;
  }
};

// A call on a threadpool worker settling a promise. It cannot be woken (the
// resolver has no way to stop), so JS gives up on it at a timeout or abort
// and its late result is dropped. A plain uv_work_t, as the socket ops are
// (threadpool_op.h): the environment's teardown waits for it (EnvState busy).
template <typename Call>
class ResolverWork {
 public:
  static Napi::Value Start(Napi::Env env, Call* call) {
    auto* self = new ResolverWork(call);
    napi_value promise;
    if (napi_create_promise(env, &self->deferred_, &promise) != napi_ok) {
      delete self;
      throw Napi::Error::New(env, "could not make a promise");
    }
    self->state_ = EnvState::Of(env);
    self->work_.data = self;
    int r = uv_queue_work(self->state_->loop(), &self->work_, OnExecute, OnComplete);
    if (r < 0) {
      napi_resolve_deferred(env, self->deferred_, GaiFailure(env, EAI_SYSTEM, -r));
      delete self;
    } else {
      self->state_->BeginBusy();
    }
    return Napi::Value(env, promise);
  }

 private:
  explicit ResolverWork(Call* call) : call_(call) {}
  ~ResolverWork() { delete call_; }

  static void OnExecute(uv_work_t* req) { static_cast<ResolverWork*>(req->data)->call_->Run(); }
  static void OnComplete(uv_work_t* req, int status) {
    auto* self = static_cast<ResolverWork*>(req->data);
    EnvState* state = self->state_;
    if (!state->tearing_down()) {
      Napi::Env env = state->env();
      Napi::HandleScope scope(env);
      Napi::CallbackScope callback_scope(env, state->OpenCallbackScope());
      Napi::Value value = status != 0 ? GaiFailure(env, EAI_SYSTEM, ECANCELED) : self->call_->ToJS(env);
      napi_resolve_deferred(env, self->deferred_, value);
    }
    delete self;
    state->EndBusy();
  }

  Call* call_;
  EnvState* state_ = nullptr;
  uv_work_t work_;
  napi_deferred deferred_ = nullptr;
};

// (host, service, family, type, protocol, flags)
AddrInfoCall* AddrInfoArgs(const Napi::CallbackInfo& info) {
  auto* call = new AddrInfoCall;
  try {
    call->host = OptionalString(info, 0);
    call->service = OptionalString(info, 1);
    call->hints.ai_family = Int32Arg(info, 2);
    call->hints.ai_socktype = Int32Arg(info, 3);
    call->hints.ai_protocol = Int32Arg(info, 4);
    call->hints.ai_flags = Int32Arg(info, 5);
  } catch (...) {
    delete call;
    throw;
  }
  return call;
}

// (address, flags); -errno for an address that cannot be encoded.
NameInfoCall* NameInfoArgs(const Napi::CallbackInfo& info, int* error) {
  auto* call = new NameInfoCall;
  try {
    *error = AddressFromJS(info[0], &call->address, &call->address_len);
    call->flags = Int32Arg(info, 1);
  } catch (...) {
    delete call;
    throw;
  }
  return call;
}

Napi::Value GetAddrInfo(const Napi::CallbackInfo& info) {
  return ResolverWork<AddrInfoCall>::Start(info.Env(), AddrInfoArgs(info));
}

Napi::Value GetAddrInfoSync(const Napi::CallbackInfo& info) {
  std::unique_ptr<AddrInfoCall> call(AddrInfoArgs(info));
  call->Run();
  return call->ToJS(info.Env());
}

Napi::Value GetNameInfo(const Napi::CallbackInfo& info) {
  int error = 0;
  NameInfoCall* call = NameInfoArgs(info, &error);
  if (error < 0) {
    delete call;
    return Napi::Number::New(info.Env(), error);
  }
  return ResolverWork<NameInfoCall>::Start(info.Env(), call);
}

Napi::Value GetNameInfoSync(const Napi::CallbackInfo& info) {
  int error = 0;
  std::unique_ptr<NameInfoCall> call(NameInfoArgs(info, &error));
  if (error < 0) return Napi::Number::New(info.Env(), error);
  call->Run();
  return call->ToJS(info.Env());
}

Napi::Value GetHostName(const Napi::CallbackInfo& info) {
  char name[HOST_NAME_MAX + 1] = {0};
  if (gethostname(name, sizeof(name) - 1) == -1) return Napi::Number::New(info.Env(), -errno);
  return Napi::String::New(info.Env(), name);
}

// (name, protocol | null) -> port in host order, or -1 if not found.
Napi::Value GetServByName(const Napi::CallbackInfo& info) {
  std::optional<std::string> name = OptionalString(info, 0);
  std::optional<std::string> proto = OptionalString(info, 1);
  if (!name) throw Napi::TypeError::New(info.Env(), "a service name is required");
  servent entry;
  servent* found = nullptr;
  char buffer[4096];
  getservbyname_r(name->c_str(), proto ? proto->c_str() : nullptr, &entry, buffer, sizeof(buffer), &found);
  return Napi::Number::New(info.Env(), found == nullptr ? -1 : ntohs(static_cast<uint16_t>(found->s_port)));
}

// (port, protocol | null) -> the service's name, or null if not found.
Napi::Value GetServByPort(const Napi::CallbackInfo& info) {
  int32_t port = Int32Arg(info, 0);
  std::optional<std::string> proto = OptionalString(info, 1);
  servent entry;
  servent* found = nullptr;
  char buffer[4096];
  getservbyport_r(htons(static_cast<uint16_t>(port)), proto ? proto->c_str() : nullptr, &entry, buffer,
                  sizeof(buffer), &found);
  if (found == nullptr) return info.Env().Null();
  return Napi::String::New(info.Env(), found->s_name);
}

// (text) -> the 4 bytes in network order, or null: inet_aton(3) takes the
// old forms inet_pton does not ('127.1', '0x7f.1', '017.0.0.1').
Napi::Value InetAton(const Napi::CallbackInfo& info) {
  std::optional<std::string> text = OptionalString(info, 0);
  in_addr address{};
  if (!text || inet_aton(text->c_str(), &address) == 0) return info.Env().Null();
  return Napi::Buffer<uint8_t>::Copy(info.Env(), reinterpret_cast<const uint8_t*>(&address), sizeof(address));
}

// gai_strerror(code): the resolver's own words for a failure.
Napi::Value GaiStrError(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), gai_strerror(Int32Arg(info, 0)));
}

}  // namespace

void InitResolver(Napi::Env env, Napi::Object exports) {
  exports.Set("getaddrinfo", Napi::Function::New(env, GetAddrInfo, "getaddrinfo"));
  exports.Set("getaddrinfoSync", Napi::Function::New(env, GetAddrInfoSync, "getaddrinfoSync"));
  exports.Set("getnameinfo", Napi::Function::New(env, GetNameInfo, "getnameinfo"));
  exports.Set("getnameinfoSync", Napi::Function::New(env, GetNameInfoSync, "getnameinfoSync"));
  exports.Set("gethostname", Napi::Function::New(env, GetHostName, "gethostname"));
  exports.Set("getservbyname", Napi::Function::New(env, GetServByName, "getservbyname"));
  exports.Set("getservbyport", Napi::Function::New(env, GetServByPort, "getservbyport"));
  exports.Set("inet_aton", Napi::Function::New(env, InetAton, "inet_aton"));
  exports.Set("gai_strerror", Napi::Function::New(env, GaiStrError, "gai_strerror"));
}

}  // namespace bsd
