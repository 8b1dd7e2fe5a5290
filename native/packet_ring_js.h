// packetRingOnLoop, packetRingStatistics, packetFanout and ringLayout: the
// packet ring (core/packet_ring.h, ring_receiver.h) to JS.
#pragma once

#include <napi.h>

namespace bsd {

void InitPacketRing(Napi::Env env, Napi::Object exports);

}  // namespace bsd
