// The floor of a Node library for TCP ping-pong, for bench/run.ts: a client
// whose messages are handled in C on Node's own loop (bench/native/loop_floor.c,
// which run.ts compiles), with no JS per message (node-native) or one JS call
// per message (node-native-js), against the C echo server.
//   node build-ts/bench/floor.js <node-native|node-native-js> PORT N  prints ns per round trip
import { join } from 'node:path';

import { AF_INET, IPPROTO_TCP, SOCK_STREAM, TCP_NODELAY, socket } from '../lib';

interface LoopFloor {
  start(fd: number, trips: number, onMessage: ((length: number) => void) | null, onDone: () => void): void;
}

async function main(): Promise<void> {
  const [tech, port, trips] = process.argv.slice(2);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const floor = require(join(__dirname, '..', '..', 'build-bench', 'loop_floor.node')) as LoopFloor;
  const s = socket(AF_INET, SOCK_STREAM);
  await s.connect({ address: '127.0.0.1', port: Number(port) });
  s.setsockopt(IPPROTO_TCP, TCP_NODELAY, true);
  s.setblocking(false);
  let bytes = 0;
  const onMessage = tech === 'node-native-js' ? (n: number): void => { bytes += n; } : null;
  const start = process.hrtime.bigint();
  floor.start(s.fileno(), Number(trips), onMessage, () => {
    console.log((Number(process.hrtime.bigint() - start) / Number(trips)).toFixed(1));
    if (onMessage !== null && bytes < Number(trips) * 64) throw new Error(`onMessage saw ${bytes} bytes`);
    s.close();
  });
}

void main();
