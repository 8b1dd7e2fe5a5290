// Module init: one Init per concern, in dependency order (the socket handle
// and operations need the per-environment state).
#include <napi.h>

#include "address_text.h"
#include "constants.h"
#include "descriptor.h"
#include "env_state.h"
#include "interfaces.h"
#include "memory_layout.h"
#include "option_codec.h"
#include "receiver_js.h"
#include "resolver.h"
#include "socket_calls.h"
#include "socket_filter.h"
#include "socket_handle.h"
#include "threadpool_op.h"
#include "waiting_ops.h"

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  bsd::EnvState::Init(env, exports);
  bsd::SocketHandle::Init(env, exports);
  bsd::InitSocketCalls(env, exports);
  bsd::InitWaitingOps(env, exports);
  bsd::InitReceivers(env, exports);
  bsd::InitMemoryLayout(env, exports);
  bsd::InitThreadpool(env, exports);
  bsd::InitConstants(env, exports);
  bsd::InitInterfaces(env, exports);
  bsd::InitAddressText(env, exports);
  bsd::InitOptionCodec(env, exports);
  bsd::InitResolver(env, exports);
  bsd::InitDescriptor(env, exports);
  bsd::InitSocketFilter(env, exports);
  return exports;
}

// NODE_API_MODULE is context-aware: each Worker gets its own exports and state.
NODE_API_MODULE(bsd_socket, InitAddon)
