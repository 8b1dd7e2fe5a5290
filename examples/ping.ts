// ping, like iputils ping: ICMP echo over a raw socket, IPv4 and IPv6.
//
//   node build-ts/examples/ping.js [-c count] [-i interval_s] [-t ttl] [-s size] [-W wait_s] address
//
// Needs CAP_NET_RAW (root). Addresses are numeric; IPv6 is chosen by the address.
import { isIPv6 } from 'node:net';

import {
  AF_INET, AF_INET6, IPPROTO_ICMP, IPPROTO_ICMPV6, IPPROTO_IP, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, IPV6_UNICAST_HOPS,
  IP_TTL, SOCK_RAW, internetChecksum, socket, type Socket,
} from '../lib';

// ICMP message types (RFC 792, RFC 4443): protocol numbers, not OS constants.
const ICMP = { echoRequest: 8, echoReply: 0, timeExceeded: 11, unreachable: 3 };
const ICMP6 = { echoRequest: 128, echoReply: 129, timeExceeded: 3, unreachable: 1 };

export interface PingOptions {
  address: string;
  count?: number;
  intervalMs?: number;
  ttl?: number;
  size?: number;
  /** How long to wait for replies after the last request. */
  waitMs?: number;
  /** Where each output line goes (console.log by default). */
  print?: (line: string) => void;
}

export interface PingResult {
  transmitted: number;
  received: number;
  errors: number;
  lossPercent: number;
  times: number[];
  min: number;
  avg: number;
  max: number;
  mdev: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function echoRequest(v6: boolean, id: number, seq: number, size: number): Buffer {
  const packet = Buffer.alloc(8 + size);
  packet[0] = v6 ? ICMP6.echoRequest : ICMP.echoRequest;
  packet.writeUInt16BE(id, 4);
  packet.writeUInt16BE(seq, 6);
  for (let i = 0; i < size; i++) packet[8 + i] = i & 0xff;
  // ICMPv6's checksum covers a pseudo-header the kernel knows: it fills it in (RFC 3542).
  if (!v6) packet.writeUInt16BE(internetChecksum(packet), 2);
  return packet;
}

export async function ping(options: PingOptions): Promise<PingResult> {
  const { address, count = 4, intervalMs = 1000, size = 56, waitMs = 1000 } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const v6 = isIPv6(address);
  const sock: Socket = v6 ? socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) : socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
  const types = v6 ? ICMP6 : ICMP;
  const id = process.pid & 0xffff;
  const sent = new Map<number, number>();
  const times: number[] = [];
  let errors = 0;
  let transmitted = 0;
  try {
    sock.setblocking(false);
    if (options.ttl !== undefined) sock.setsockopt(v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_UNICAST_HOPS : IP_TTL, options.ttl);
    if (v6) sock.setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, true);
    print(`PING ${address} (${address}) ${size}(${size + (v6 ? 48 : 28)}) bytes of data.`);

    const stop = new AbortController();
    const receiving = (async () => {
      while (!stop.signal.aborted) {
        let message;
        try {
          message = await sock.recvmsg(size + 512, 64, 0, { signal: stop.signal });
        } catch (error) {
          if ((error as Error).name === 'AbortError') return;
          throw error;
        }
        const now = performance.now();
        let icmp = message.data;
        let ttl = 0;
        if (v6) {
          const hops = message.ancillary.find((a) => a.kind === 'hoplimit');
          ttl = hops?.kind === 'hoplimit' ? hops.value : 0;
        } else {
          ttl = icmp[8];
          icmp = icmp.subarray((icmp[0] & 0x0f) * 4); // raw IPv4 sockets receive the IP header (raw(7))
        }
        const from = (message.address as { address: string }).address;
        if (icmp.length < 8) continue;
        if (icmp[0] === types.echoReply && icmp.readUInt16BE(4) === id) {
          const seq = icmp.readUInt16BE(6);
          const start = sent.get(seq);
          if (start === undefined) continue;
          sent.delete(seq);
          const ms = now - start;
          times.push(ms);
          print(`${icmp.length} bytes from ${from}: icmp_seq=${seq} ttl=${ttl} time=${ms.toFixed(3)} ms`);
        } else if (icmp[0] === types.timeExceeded || icmp[0] === types.unreachable) {
          // The error quotes our request: after the IPv4 header (v4) or the 40-byte IPv6 header (v6).
          const quoted = v6 ? icmp.subarray(8 + 40) : icmp.subarray(8 + (icmp[8] & 0x0f) * 4);
          if (quoted.length < 8 || quoted.readUInt16BE(4) !== id) continue;
          const seq = quoted.readUInt16BE(6);
          if (!sent.delete(seq)) continue;
          errors++;
          print(`From ${from} icmp_seq=${seq} ${icmp[0] === types.timeExceeded ? 'Time to live exceeded' : 'Destination Unreachable'}`);
        }
        if (sent.size === 0 && transmitted === count) stop.abort();
      }
    })();

    const started = performance.now();
    for (let seq = 1; seq <= count; seq++) {
      sent.set(seq, performance.now());
      await sock.sendto(echoRequest(v6, id, seq, size), { address, port: 0 });
      transmitted++;
      if (seq < count) await sleep(intervalMs);
    }
    await Promise.race([receiving, sleep(waitMs)]);
    stop.abort();
    await receiving;
    const elapsed = performance.now() - started;

    const received = times.length;
    const lossPercent = transmitted === 0 ? 0 : Math.round(((transmitted - received) / transmitted) * 100);
    const avg = received ? times.reduce((a, b) => a + b, 0) / received : 0;
    const mdev = received ? Math.sqrt(times.reduce((a, b) => a + b * b, 0) / received - avg * avg) : 0;
    const min = received ? Math.min(...times) : 0;
    const max = received ? Math.max(...times) : 0;
    print('');
    print(`--- ${address} ping statistics ---`);
    print(`${transmitted} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}`
      + `${lossPercent}% packet loss, time ${Math.round(elapsed)}ms`);
    if (received) print(`rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((t) => t.toFixed(3)).join('/')} ms`);
    return { transmitted, received, errors, lossPercent, times, min, avg, max, mdev };
  } finally {
    sock.close();
  }
}

function parseArgs(argv: string[]): PingOptions {
  const options: PingOptions = { address: '' };
  for (let i = 0; i < argv.length; i++) {
    const value = (): number => Number(argv[++i]);
    switch (argv[i]) {
      case '-c': options.count = value(); break;
      case '-i': options.intervalMs = value() * 1000; break;
      case '-t': options.ttl = value(); break;
      case '-s': options.size = value(); break;
      case '-W': options.waitMs = value() * 1000; break;
      default: options.address = argv[i];
    }
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  if (!options.address) {
    console.error('usage: ping [-c count] [-i interval] [-t ttl] [-s size] [-W wait] address');
    process.exit(2);
  }
  ping(options).then((r) => { process.exitCode = r.received > 0 ? 0 : 1; }, (error: Error) => {
    console.error(`ping: ${error.message}`);
    process.exitCode = 2;
  });
}
