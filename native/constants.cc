// OS constants, read from the C headers at compile time. A name the platform
// lacks is simply absent, so it reads as undefined in JS.
#include "constants.h"

#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/icmp.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "core/limits.h"
#include "core/sockaddr_codec.h"
#include "core/status.h"

namespace bsd {

void InitConstants(Napi::Env env, Napi::Object exports) {
  Napi::Object c = Napi::Object::New(env);
  // One X(NAME) per constant, each behind #ifdef so that a platform without
  // it still builds. The lists are split by concern and included in the
  // order of lib/constants/names.ts's CONSTANT_NAMES, which names the same
  // constants; a test checks the two agree.
#define X(name) c.Set(#name, Napi::Number::New(env, name));
#include "constants/sockets.h"
#include "constants/socket_options.h"
#include "constants/ip_options.h"
#include "constants/tcp_udp_options.h"
#include "constants/messages.h"
#include "constants/packet.h"
#include "constants/netlink.h"
#include "constants/capabilities.h"
#include "constants/name_resolution.h"
#undef X
  exports.Set("constants", c);

  // Sizes of the C structs a program builds by hand (netlink messages, ICMP
  // over raw sockets), so that no layout number is typed in JS.
  Napi::Object sizes = Napi::Object::New(env);
#define SIZE(type) sizes.Set(#type, Napi::Number::New(env, sizeof(struct type)));
  SIZE(nlmsghdr)
  SIZE(nlmsgerr)
  SIZE(ifinfomsg)
  SIZE(ifaddrmsg)
  SIZE(rtattr)
  SIZE(sockaddr_ll)
  SIZE(packet_mreq)
  SIZE(ip_mreqn)
  SIZE(ipv6_mreq)
  SIZE(linger)
  SIZE(timeval)
  SIZE(sockaddr_storage)
  SIZE(sock_filter)
  SIZE(tpacket_req3)
  SIZE(tpacket_stats_v3)
  SIZE(tpacket_block_desc)
  SIZE(tpacket3_hdr)
#undef SIZE
  exports.Set("sizeof", sizes);

  // What the binding itself needs to speak to the TS layer.
  Napi::Object internal = Napi::Object::New(env);
  internal.Set("STATUS_TIMED_OUT", Napi::Number::New(env, core::kStatusTimedOut));
  internal.Set("STATUS_CLOSED", Napi::Number::New(env, core::kStatusClosed));
  internal.Set("STATUS_CANCELLED", Napi::Number::New(env, core::kStatusCancelled));
  internal.Set("UNIX_PATH_MAX", Napi::Number::New(env, static_cast<double>(core::kUnixPathMax)));
  exports.Set("internal", internal);

  // The limits the native checks enforce (core/limits.h), for the TS checks
  // to read rather than repeat (lib/limits.ts).
  Napi::Object limits = Napi::Object::New(env);
  auto limit = [&](const char* name, double value) { limits.Set(name, Napi::Number::New(env, value)); };
  limit("MAX_RECV_SIZE", static_cast<double>(core::kMaxRecvSize));
  limit("MAX_ANCILLARY_SIZE", static_cast<double>(core::kMaxAncillarySize));
  limit("MAX_BATCH_COUNT", static_cast<double>(core::kMaxBatchCount));
  limit("MAX_BATCH_SIZE", static_cast<double>(core::kMaxBatchSize));
  limit("MAX_RECEIVER_BUDGET", core::kMaxReceiverBudget);
  limit("MAX_OPTION_SIZE", static_cast<double>(core::kMaxOptionSize));
  limit("MAX_POOL_SIZE", core::kMaxPoolSize);
  limit("MAX_RING_BLOCK_SIZE", core::kMaxRingBlockSize);
  limit("MAX_RING_BLOCK_COUNT", core::kMaxRingBlockCount);
  limit("MAX_RING_SIZE", static_cast<double>(core::kMaxRingSize));
  limit("MAX_RING_TIMEOUT_MS", core::kMaxRingTimeoutMs);
  limits.Freeze();
  exports.Set("limits", limits);
}

}  // namespace bsd
