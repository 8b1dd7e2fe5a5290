// sniff: capture every frame on an interface (AF_PACKET) and print one line
// per frame, like `tcpdump -n`: Ethernet, ARP, IPv4, IPv6, TCP, UDP, ICMP.
//
//   node build-ts/examples/sniff.js [-c count] interface
//
// Needs CAP_NET_RAW (root). Timestamps are the kernel's (SO_TIMESTAMPNS).
import {
  AF_PACKET, ETH_P_ALL, PACKET_OUTGOING, SOCK_RAW, SOL_SOCKET, SO_TIMESTAMPNS, htons, if_nametoindex, inet_ntop,
  AF_INET, AF_INET6, socket,
} from '../lib';

// Wire-format numbers (EtherTypes, IP protocol numbers, ICMP types): protocol
// facts from the RFCs and IEEE registries, not OS constants.
const ETHERTYPE = { ipv4: 0x0800, arp: 0x0806, vlan: 0x8100, ipv6: 0x86dd };
const PROTO = { icmp: 1, tcp: 6, udp: 17, icmpv6: 58 };

const mac = (b: Buffer): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');

function tcpFlags(flags: number): string {
  let out = '';
  if (flags & 0x02) out += 'S';
  if (flags & 0x01) out += 'F';
  if (flags & 0x04) out += 'R';
  if (flags & 0x08) out += 'P';
  if (flags & 0x20) out += 'U';
  if (flags & 0x10) out += '.';
  return out || 'none';
}

function transport(proto: number, src: string, dst: string, p: Buffer, family: 'IP' | 'IP6'): string {
  const sep = '.';
  if (proto === PROTO.udp && p.length >= 8) {
    return `${family} ${src}${sep}${p.readUInt16BE(0)} > ${dst}${sep}${p.readUInt16BE(2)}: UDP, length ${p.readUInt16BE(4) - 8}`;
  }
  if (proto === PROTO.tcp && p.length >= 20) {
    const offset = (p[12] >> 4) * 4;
    const flags = p[13];
    const ack = flags & 0x10 ? `, ack ${p.readUInt32BE(8)}` : '';
    return `${family} ${src}${sep}${p.readUInt16BE(0)} > ${dst}${sep}${p.readUInt16BE(2)}: Flags [${tcpFlags(flags)}], `
      + `seq ${p.readUInt32BE(4)}${ack}, win ${p.readUInt16BE(14)}, length ${Math.max(0, p.length - offset)}`;
  }
  if (proto === PROTO.icmp && p.length >= 8) {
    const [type, code] = [p[0], p[1]];
    let what = `type ${type}, code ${code}`;
    if (type === 8 || type === 0) what = `echo ${type === 8 ? 'request' : 'reply'}, id ${p.readUInt16BE(4)}, seq ${p.readUInt16BE(6)}`;
    else if (type === 11) what = 'time exceeded in-transit';
    else if (type === 3 && code === 3 && p.length >= 8 + 20 + 4) {
      const inner = p.subarray(8);
      const innerProto = inner[9];
      const port = inner.subarray((inner[0] & 0x0f) * 4).readUInt16BE(2);
      what = `${inet_ntop(AF_INET, inner.subarray(16, 20))} ${innerProto === PROTO.udp ? 'udp' : 'tcp'} port ${port} unreachable`;
    } else if (type === 3) what = `unreachable, code ${code}`;
    return `${family} ${src} > ${dst}: ICMP ${what}, length ${p.length}`;
  }
  if (proto === PROTO.icmpv6 && p.length >= 8) {
    const type = p[0];
    let what = `type ${type}`;
    if (type === 128 || type === 129) what = `echo ${type === 128 ? 'request' : 'reply'}, id ${p.readUInt16BE(4)}, seq ${p.readUInt16BE(6)}`;
    else if (type === 135 && p.length >= 24) what = `neighbor solicitation, who has ${inet_ntop(AF_INET6, p.subarray(8, 24))}`;
    else if (type === 136 && p.length >= 24) what = `neighbor advertisement, tgt is ${inet_ntop(AF_INET6, p.subarray(8, 24))}`;
    else if (type === 133) what = 'router solicitation';
    else if (type === 143) what = 'multicast listener report v2';
    return `${family} ${src} > ${dst}: ICMP6, ${what}, length ${p.length}`;
  }
  return `${family} ${src} > ${dst}: ip-proto-${proto} ${p.length}`;
}

/** One frame, described as tcpdump -n would (without the timestamp). */
export function describeFrame(frame: Buffer): string {
  if (frame.length < 14) return `truncated frame, length ${frame.length}`;
  let type = frame.readUInt16BE(12);
  let at = 14;
  let prefix = '';
  if (type === ETHERTYPE.vlan && frame.length >= 18) {
    prefix = `vlan ${frame.readUInt16BE(14) & 0x0fff}, `;
    type = frame.readUInt16BE(16);
    at = 18;
  }
  const p = frame.subarray(at);
  if (type === ETHERTYPE.arp && p.length >= 28) {
    const op = p.readUInt16BE(6);
    const sender = inet_ntop(AF_INET, p.subarray(14, 18));
    const target = inet_ntop(AF_INET, p.subarray(24, 28));
    if (op === 1) return `${prefix}ARP, Request who-has ${target} tell ${sender}, length ${p.length}`;
    if (op === 2) return `${prefix}ARP, Reply ${sender} is-at ${mac(p.subarray(8, 14))}, length ${p.length}`;
    return `${prefix}ARP, op ${op}, length ${p.length}`;
  }
  if (type === ETHERTYPE.ipv4 && p.length >= 20) {
    const ihl = (p[0] & 0x0f) * 4;
    const total = Math.min(p.readUInt16BE(2), p.length);
    return prefix + transport(p[9], inet_ntop(AF_INET, p.subarray(12, 16)), inet_ntop(AF_INET, p.subarray(16, 20)),
      p.subarray(ihl, total), 'IP');
  }
  if (type === ETHERTYPE.ipv6 && p.length >= 40) {
    const payload = p.subarray(40, 40 + p.readUInt16BE(4));
    return prefix + transport(p[6], inet_ntop(AF_INET6, p.subarray(8, 24)), inet_ntop(AF_INET6, p.subarray(24, 40)),
      payload, 'IP6');
  }
  return `${prefix}${mac(frame.subarray(6, 12))} > ${mac(frame.subarray(0, 6))}, ethertype 0x${type.toString(16).padStart(4, '0')}, length ${frame.length}`;
}

function clock(seconds: number, nanoseconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(Math.floor(nanoseconds / 1000), 6)}`;
}

export interface SniffOptions {
  interface: string;
  /** Stop after this many frames (default: never). */
  count?: number;
  /** Stop after this long (default: never). */
  timeoutMs?: number;
  print?: (line: string) => void;
}

/** Captures frames on an interface; resolves with the lines printed. Bound when it returns. */
export function sniff(options: SniffOptions): Promise<string[]> {
  const print = options.print ?? ((line: string) => console.log(line));
  const sock = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
  sock.bind({ ifindex: if_nametoindex(options.interface), protocol: ETH_P_ALL });
  sock.setsockopt(SOL_SOCKET, SO_TIMESTAMPNS, true);
  sock.setblocking(false);
  const lines: string[] = [];
  const stop = new AbortController();
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => stop.abort(), options.timeoutMs);
  return (async () => {
    try {
      while (options.count === undefined || lines.length < options.count) {
        const m = await sock.recvmsg(65536, 256, 0, { signal: stop.signal });
        const stamp = m.ancillary.find((a) => a.kind === 'timestamp');
        const when = stamp?.kind === 'timestamp' ? clock(stamp.seconds, stamp.nanoseconds) : clock(Date.now() / 1000, 0);
        const outgoing = (m.address as { pkttype?: number } | null)?.pkttype === PACKET_OUTGOING ? ' Out' : '';
        const line = `${when}${outgoing} ${describeFrame(m.data)}`;
        lines.push(line);
        print(line);
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      clearTimeout(timer);
      sock.close();
    }
    return lines;
  })();
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  let count: number | undefined;
  let name = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-c') count = Number(argv[++i]);
    else name = argv[i];
  }
  if (!name) {
    console.error('usage: sniff [-c count] interface');
    process.exit(2);
  }
  console.error(`listening on ${name}, link-type EN10MB (Ethernet)`);
  sniff({ interface: name, count }).catch((error: Error) => {
    console.error(`sniff: ${error.message}`);
    process.exitCode = 2;
  });
}
