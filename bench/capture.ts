// The capture benchmark's JS readers, for bench/capture_bench.ts:
//   node --expose-gc build-ts/bench/capture.js mmsg IFACE BUFFER_BYTES
//   node --expose-gc build-ts/bench/capture.js ring IFACE BLOCK_SIZE BLOCK_COUNT
// mmsg: an AF_PACKET socket read with recvmmsgEach into a MessageBatch of
// 64 slots: one JS call per batch. ring: openPacketRing, a TPACKET_V3 ring,
// one JS call per retired block (10 ms block timeout). Either prints "ready" once bound; on SIGINT
// prints {"frames":N,"drops":D,"heapBytesPerFrame":B} (drops from
// PACKET_STATISTICS; heap growth after a full GC, divided by the frames).
import {
  AF_PACKET, ETH_P_ALL, MessageBatch, openPacketRing, PACKET_STATISTICS, SOCK_NONBLOCK, SOCK_RAW, SOL_PACKET, SOL_SOCKET, SO_RCVBUFFORCE,
  htons, if_nametoindex, socket,
} from '../lib';

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

function ring(iface: string, blockSize: number, blockCount: number): void {
  let frames = 0;
  let sink = 0;
  const heapBefore = heapAfterGc();
  const r = openPacketRing({ interface: iface, blockSize, blockCount, timeoutMs: 10 }, (block) => {
    // Touch each frame's first byte, as a reader of the frames would.
    for (let i = 0; i < block.count; i++) sink ^= block.bytes[block.offset(i)];
    frames += block.count;
  });
  process.on('SIGINT', () => {
    const { drops } = r.stats();
    const heap = heapAfterGc() - heapBefore;
    console.log(JSON.stringify({ frames, drops, heapBytesPerFrame: frames ? heap / frames : 0, sink }));
    r.close();
  });
  console.log('ready');
}

function main(): void {
  const [mode, iface, ...sizes] = process.argv.slice(2);
  if (mode === 'ring') {
    ring(iface, Number(sizes[0]), Number(sizes[1]));
    return;
  }
  if (mode !== 'mmsg') throw new Error(`unknown mode ${mode}`);
  const [bufferBytes] = sizes;
  const s = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_ALL));
  s.setsockopt(SOL_SOCKET, SO_RCVBUFFORCE, Number(bufferBytes));
  s.bind({ ifindex: if_nametoindex(iface), protocol: ETH_P_ALL });
  const batch = new MessageBatch(64, 2048);
  let frames = 0;
  let sink = 0;
  const heapBefore = heapAfterGc();
  s.recvmmsgEach(batch, (count) => {
    // Touch each frame's first byte, as a reader of the frames would.
    for (let i = 0; i < count; i++) sink ^= batch.slab[i * batch.size];
    frames += count;
  });
  process.on('SIGINT', () => {
    const stats = s.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8);
    const heap = heapAfterGc() - heapBefore;
    console.log(JSON.stringify({ frames, drops: stats.readUInt32LE(4), heapBytesPerFrame: frames ? heap / frames : 0, sink }));
    s.close();
  });
  console.log('ready');
}

main();
