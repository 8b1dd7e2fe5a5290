// Raw ICMP echo against the kernel on loopback, for bench/run.ts: the
// protocol of bench/c/icmp.c (a raw IPPROTO_ICMP socket with ping's
// ICMP_FILTER, so that only echo replies reach it; send a request, read until
// its reply).
//   node build-ts/bench/icmp.js N [bsd|bsd-sync]   prints ns per round trip
// bsd: the reply is read with recvEach's callback and the next request sent
// from it with sendSync: no promise per packet. bsd-sync: sendSync, then
// recvIntoSync on a blocking socket, as the C does: no event loop, no epoll,
// the floor of any JS form.
import {
  AF_INET, ICMP_FILTER, IPPROTO_ICMP, SOCK_NONBLOCK, SOCK_RAW, SOL_RAW, SOL_SOCKET, SO_RCVBUF, internetChecksum, socket,
} from '../lib';

const ECHO = 8;
const ECHO_REPLY = 0;

function main(): void {
  const trips = Number(process.argv[2]);
  const synchronous = process.argv[3] === 'bsd-sync';
  const s = socket(AF_INET, SOCK_RAW | (synchronous ? 0 : SOCK_NONBLOCK), IPPROTO_ICMP);
  s.setsockopt(SOL_SOCKET, SO_RCVBUF, 1 << 20);
  s.setsockopt(SOL_RAW, ICMP_FILTER, ~(1 << ECHO_REPLY));
  s.connectSync({ address: '127.0.0.1', port: 0 });
  const id = process.pid & 0xffff;
  const packet = Buffer.alloc(64);
  const reply = Buffer.alloc(256);
  let seq = 0;
  const request = (): void => {
    packet.fill(0);
    packet[0] = ECHO;
    packet.writeUInt16BE(id, 4);
    packet.writeUInt16BE(seq & 0xffff, 6);
    packet.writeUInt16BE(internetChecksum(packet), 2);
    s.sendSync(packet);
  };
  const isReply = (): boolean => {
    const at = (reply[0] & 15) * 4;
    return reply[at] === ECHO_REPLY && reply.readUInt16BE(at + 4) === id && reply.readUInt16BE(at + 6) === (seq & 0xffff);
  };
  const start = process.hrtime.bigint();
  const report = (): void => {
    console.log((Number(process.hrtime.bigint() - start) / trips).toFixed(1));
    s.close();
  };
  if (synchronous) {
    for (; seq < trips; seq++) {
      request();
      do s.recvIntoSync(reply); while (!isReply());
    }
    report();
    return;
  }
  s.recvEach(reply, () => {
    if (!isReply()) return;
    if (++seq < trips) {
      request();
      return;
    }
    report();
  });
  request();
}

main();
