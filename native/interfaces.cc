// Network interface names and indexes: if_nametoindex(3), if_indextoname(3),
// if_nameindex(3). Failures cross as -errno, as everywhere in the binding.
#include "interfaces.h"

#include <net/if.h>

#include <cerrno>

#include "js_args.h"

namespace bsd {

namespace {

Napi::Value NameToIndex(const Napi::CallbackInfo& info) {
  if (!info[0].IsString()) throw Napi::TypeError::New(info.Env(), "name must be a string");
  unsigned index = if_nametoindex(info[0].As<Napi::String>().Utf8Value().c_str());
  return Napi::Number::New(info.Env(), index == 0 ? -errno : static_cast<double>(index));
}

Napi::Value IndexToName(const Napi::CallbackInfo& info) {
  char name[IF_NAMESIZE] = {0};
  if (if_indextoname(static_cast<unsigned>(Int32Arg(info, 0)), name) == nullptr) {
    return Napi::Number::New(info.Env(), -errno);
  }
  return Napi::String::New(info.Env(), name);
}

Napi::Value NameIndex(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  struct if_nameindex* list = if_nameindex();
  if (list == nullptr) return Napi::Number::New(env, -errno);
  Napi::Array out = Napi::Array::New(env);
  for (struct if_nameindex* i = list; i->if_index != 0; ++i) {
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("index", i->if_index);
    entry.Set("name", i->if_name);
    out.Set(out.Length(), entry);
  }
  if_freenameindex(list);
  return out;
}

}  // namespace

void InitInterfaces(Napi::Env env, Napi::Object exports) {
  exports.Set("if_nametoindex", Napi::Function::New(env, NameToIndex, "if_nametoindex"));
  exports.Set("if_indextoname", Napi::Function::New(env, IndexToName, "if_indextoname"));
  exports.Set("if_nameindex", Napi::Function::New(env, NameIndex, "if_nameindex"));
}

}  // namespace bsd
