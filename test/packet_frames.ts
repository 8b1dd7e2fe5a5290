// Frames built by hand for the packet printer's tests and fuzz seeds: every
// protocol and option the printer decodes, and malformed variants of them.
// Checksums are left zero: tcpdump checks none of them without -v.

const be16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const bytes = (...parts: Array<number[] | Uint8Array | Buffer>): Buffer => Buffer.concat(parts.map((p) => Buffer.from(p)));

export const MAC_A = [0x02, 0, 0, 0, 0, 0x01];
export const MAC_B = [0x02, 0, 0, 0, 0, 0x02];
export const IP4_A = [10, 0, 0, 1];
export const IP4_B = [10, 0, 0, 2];
export const IP6_A = [0xfd, 0, ...Array(13).fill(0), 1];
export const IP6_B = [0xfd, 0, ...Array(13).fill(0), 2];

export function ethernet(type: number, payload: Buffer, dst = MAC_B, src = MAC_A): Buffer {
  return bytes(dst, src, be16(type), payload);
}

export function vlan(tci: number, type: number, payload: Buffer): Buffer {
  return bytes(MAC_B, MAC_A, be16(0x8100), be16(tci), be16(type), payload);
}

export interface Ipv4Fields {
  protocol: number;
  payload: Buffer;
  src?: number[];
  dst?: number[];
  ttl?: number;
  id?: number;
  fragment?: number;
  options?: number[];
  totalLength?: number;
}

export function ipv4(f: Ipv4Fields): Buffer {
  const options = f.options ?? [];
  const headerLength = 20 + options.length;
  const total = f.totalLength ?? headerLength + f.payload.length;
  return bytes([0x40 | (headerLength >> 2), 0], be16(total), be16(f.id ?? 1), be16(f.fragment ?? 0x4000),
    [f.ttl ?? 64, f.protocol], [0, 0], f.src ?? IP4_A, f.dst ?? IP4_B, options, f.payload);
}

export interface Ipv6Fields {
  next: number;
  payload: Buffer;
  src?: number[];
  dst?: number[];
  payloadLength?: number;
}

export function ipv6(f: Ipv6Fields): Buffer {
  return bytes([0x60, 0, 0, 0], be16(f.payloadLength ?? f.payload.length), [f.next, 64], f.src ?? IP6_A,
    f.dst ?? IP6_B, f.payload);
}

export interface TcpFields {
  sport?: number;
  dport?: number;
  seq?: number;
  ack?: number;
  flags: number;
  window?: number;
  urgent?: number;
  options?: number[];
  payload?: Buffer;
}

export function tcp(f: TcpFields): Buffer {
  const options = f.options ?? [];
  const padded = [...options, ...Array((4 - (options.length % 4)) % 4).fill(0)];
  return bytes(be16(f.sport ?? 40000), be16(f.dport ?? 5001), be32(f.seq ?? 1000), be32(f.ack ?? 0),
    [((20 + padded.length) / 4) << 4, f.flags], be16(f.window ?? 512), [0, 0], be16(f.urgent ?? 0), padded,
    f.payload ?? Buffer.alloc(0));
}

export function udp(sport: number, dport: number, payload: Buffer, length = payload.length + 8): Buffer {
  return bytes(be16(sport), be16(dport), be16(length), [0, 0], payload);
}

export function icmp(type: number, code: number, rest: number[] | Buffer): Buffer {
  return bytes([type, code, 0, 0], rest);
}

/** An Ethernet frame carrying IPv4 carrying `protocol`. */
export function overIpv4(protocol: number, payload: Buffer, extra: Partial<Ipv4Fields> = {}): Buffer {
  return ethernet(0x0800, ipv4({ protocol, payload, ...extra }));
}

/** An Ethernet frame carrying IPv6 with next header `next`. */
export function overIpv6(next: number, payload: Buffer, extra: Partial<Ipv6Fields> = {}): Buffer {
  return ethernet(0x86dd, ipv6({ next, payload, ...extra }));
}

export function arp(op: number, fields: { hardware?: number; protocol?: number; hln?: number; pln?: number;
  body?: number[] } = {}): Buffer {
  const body = fields.body ?? [...MAC_A, ...IP4_A, 0, 0, 0, 0, 0, 0, ...IP4_B];
  return bytes(be16(fields.hardware ?? 1), be16(fields.protocol ?? 0x0800), [fields.hln ?? 6, fields.pln ?? 4],
    be16(op), body);
}

const TCP_SYN = 0x02;
const TCP_ACK = 0x10;

/**
 * One frame of each kind the printer decodes, with a name for messages;
 * all on Ethernet. Several are deliberately malformed.
 */
export function craftedFrames(): Array<[string, Buffer]> {
  const payload = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));
  const ip6 = (n: number): number[] => [0xfd, 0, ...Array(13).fill(0), n];
  const frames: Array<[string, Buffer]> = [
    ['tcp syn, all common options', overIpv4(6, tcp({ flags: TCP_SYN, options: [2, 4, 0x05, 0xb4, 4, 2, 8, 10, ...be32(1), ...be32(0), 1, 3, 3, 7] }))],
    ['tcp sack', overIpv4(6, tcp({ flags: TCP_ACK, ack: 5000, options: [1, 1, 5, 18, ...be32(1100), ...be32(1200), ...be32(1300), ...be32(1400)] }))],
    ['tcp md5', overIpv4(6, tcp({ flags: TCP_ACK, options: [19, 18, ...Array(16).fill(0xab)] }))],
    ['tcp tfo cookie', overIpv4(6, tcp({ flags: TCP_SYN, options: [34, 10, 1, 2, 3, 4, 5, 6, 7, 8] }))],
    ['tcp tfo request', overIpv4(6, tcp({ flags: TCP_SYN, options: [34, 2] }))],
    ['tcp exp tfo', overIpv4(6, tcp({ flags: TCP_SYN, options: [254, 8, 0xf9, 0x89, 1, 2, 3, 4] }))],
    ['tcp exp other', overIpv4(6, tcp({ flags: TCP_SYN, options: [254, 4, 0x12, 0x34] }))],
    ['tcp uto', overIpv4(6, tcp({ flags: TCP_ACK, options: [28, 4, 0x80, 0x0b] }))],
    ['tcp ao', overIpv4(6, tcp({ flags: TCP_ACK, options: [29, 8, 1, 2, 0xaa, 0xbb, 0xcc, 0xdd] }))],
    ['tcp scps cc echo', overIpv4(6, tcp({ flags: TCP_ACK, options: [20, 4, 0x11, 3, 11, 6, ...be32(7), 6, 6, ...be32(8)] }))],
    ['tcp unknown option', overIpv4(6, tcp({ flags: TCP_ACK, options: [99, 5, 1, 2, 3] }))],
    ['tcp bad option length', overIpv4(6, tcp({ flags: TCP_ACK, options: [2, 1] }))],
    ['tcp option past header', overIpv4(6, tcp({ flags: TCP_ACK, options: [1, 8, 12, 1, 2] }))],
    ['tcp sackOK with wrong length', overIpv4(6, tcp({ flags: TCP_SYN, options: [4, 4, 1, 1] }))],
    ['mptcp capable', overIpv4(6, tcp({ flags: TCP_SYN, options: [30, 12, 0x01, 0x81, ...be32(1), ...be32(2)] }))],
    ['mptcp dss', overIpv4(6, tcp({ flags: TCP_ACK, options: [30, 20, 0x20, 0x05, ...be32(9), ...be32(10), ...be32(11), 0, 5, 0xab, 0xcd] }))],
    ['mptcp add-addr', overIpv4(6, tcp({ flags: TCP_ACK, options: [30, 8, 0x30, 3, 10, 0, 0, 9] }))],
    ['mptcp join syn', overIpv4(6, tcp({ flags: TCP_SYN, options: [30, 12, 0x11, 2, ...be32(3), ...be32(4)] }))],
    ['mptcp bad', overIpv4(6, tcp({ flags: TCP_SYN, options: [30, 6, 0x20, 0, 0, 0] }))],
    ['tcp urg ece cwr fin psh', overIpv4(6, tcp({ flags: 0xf9, urgent: 7, payload: payload(10) }))],
    ['tcp no flags', overIpv4(6, tcp({ flags: 0, payload: payload(3) }))],
    ['tcp short header length', overIpv4(6, Buffer.from([0x9c, 0x40, 0x13, 0x89, 0, 0, 0, 1, 0, 0, 0, 0, 0x30, 0x10, 0, 1, 0, 0, 0, 0]))],
    ['http request', overIpv4(6, tcp({ flags: 0x18, dport: 80, payload: Buffer.from('GET / HTTP/1.1\r\n\r\n') }))],
    ['http response', overIpv4(6, tcp({ flags: 0x18, sport: 8080, payload: Buffer.from('HTTP/1.1 200 OK\r\n') }))],
    ['http body', overIpv4(6, tcp({ flags: 0x18, sport: 80, payload: Buffer.from('<html>') }))],
    ['http line not ended', overIpv4(6, tcp({ flags: 0x18, dport: 80, payload: Buffer.from('POST /form HTTP/1.1') }))],
    ['ssh banner', overIpv6(6, tcp({ flags: 0x18, sport: 22, payload: Buffer.from('SSH-2.0-OpenSSH_9.2\r\n') }))],
    ['ftp', overIpv4(6, tcp({ flags: 0x18, dport: 21, payload: Buffer.from('USER anonymous\r\n') }))],
    ['smtp', overIpv4(6, tcp({ flags: 0x18, sport: 25, payload: Buffer.from('220 mail.example ESMTP\r\n') }))],
    ['rtsp', overIpv4(6, tcp({ flags: 0x18, dport: 554, payload: Buffer.from('DESCRIBE rtsp://x/ RTSP/1.0\r\n') }))],
    ['telnet (not decoded)', overIpv4(6, tcp({ flags: 0x18, dport: 23, payload: Buffer.from([0xff, 0xfd, 0x18]) }))],
    ['tcp over ipv6', overIpv6(6, tcp({ flags: TCP_SYN | TCP_ACK, ack: 77, options: [2, 4, 0xff, 0xd7] }))],
    ['udp', overIpv4(17, udp(5000, 7777, payload(12)))],
    ['udp bad length', overIpv4(17, udp(5000, 7777, payload(12), 100))],
    ['udp short length', overIpv4(17, udp(5000, 7777, payload(12), 4))],
    ['udp over ipv6', overIpv6(17, udp(5000, 7778, payload(5)))],
    ['icmp echo', overIpv4(1, icmp(8, 0, [0, 7, 0, 1, ...payload(8)]))],
    ['icmp echo reply', overIpv4(1, icmp(0, 0, [0, 7, 0, 1]))],
    ['icmp port unreachable', overIpv4(1, icmp(3, 3, [0, 0, 0, 0, ...ipv4({ protocol: 17, payload: udp(1, 9999, Buffer.alloc(0)) })]))],
    ['icmp tcp port unreachable', overIpv4(1, icmp(3, 3, [0, 0, 0, 0, ...ipv4({ protocol: 6, payload: tcp({ flags: 2 }) })]))],
    ['icmp other protocol unreachable', overIpv4(1, icmp(3, 3, [0, 0, 0, 0, ...ipv4({ protocol: 47, payload: payload(8) })]))],
    ...[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((code): [string, Buffer] => [
      `icmp unreachable code ${code}`, overIpv4(1, icmp(3, code, [0, 0, 0x05, 0xdc, ...ipv4({ protocol: 17, payload: payload(8) })]))]),
    ['icmp need frag no mtu', overIpv4(1, icmp(3, 4, [0, 0, 0, 0, ...ipv4({ protocol: 17, payload: payload(8) })]))],
    ...[0, 1, 2, 3, 4].map((code): [string, Buffer] => [`icmp redirect ${code}`,
      overIpv4(1, icmp(5, code, [10, 0, 0, 254, ...ipv4({ protocol: 6, payload: payload(8) })]))]),
    ['icmp time exceeded', overIpv4(1, icmp(11, 0, [0, 0, 0, 0, ...ipv4({ protocol: 17, payload: payload(8) })]))],
    ['icmp reassembly time exceeded', overIpv4(1, icmp(11, 1, [0, 0, 0, 0, ...ipv4({ protocol: 17, payload: payload(8) })]))],
    ['icmp time exceeded code 5', overIpv4(1, icmp(11, 5, [0, 0, 0, 0, ...ipv4({ protocol: 17, payload: payload(8) })]))],
    ['icmp parameter problem', overIpv4(1, icmp(12, 0, [20, 0, 0, 0, ...ipv4({ protocol: 17, payload: payload(8) })]))],
    ['icmp parameter problem code', overIpv4(1, icmp(12, 1, [0, 0, 0, 0]))],
    ['icmp router advertisement', overIpv4(1, icmp(9, 0, [2, 2, 0x07, 0x08, 10, 0, 0, 1, 0, 0, 0, 5, 10, 0, 0, 2, 0, 0, 1, 0]))],
    ['icmp router advertisement long', overIpv4(1, icmp(9, 0, [9, 2, 0xff, 0xff, ...Array(9).fill([255, 255, 255, 255, 255, 255, 255, 255]).flat()]))],
    ['icmp router advertisement size', overIpv4(1, icmp(9, 0, [1, 3, 0, 30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))],
    ['icmp router solicitation', overIpv4(1, icmp(10, 0, [0, 0, 0, 0]))],
    ['icmp timestamp', overIpv4(1, icmp(13, 0, [0, 1, 0, 2, ...be32(1000), ...be32(0), ...be32(0)]))],
    ['icmp timestamp reply', overIpv4(1, icmp(14, 0, [0, 1, 0, 2, ...be32(45296789), ...be32(45296790), ...be32(86399999)]))],
    ['icmp mask reply', overIpv4(1, icmp(18, 0, [0, 1, 0, 2, 255, 255, 255, 0]))],
    ['icmp mask request', overIpv4(1, icmp(17, 0, [0, 1, 0, 2, 0, 0, 0, 0]))],
    ['icmp source quench', overIpv4(1, icmp(4, 0, [0, 0, 0, 0]))],
    ['icmp info', overIpv4(1, icmp(15, 0, [0, 0, 0, 0]))],
    ['icmp unknown type', overIpv4(1, icmp(42, 0, [0, 0, 0, 0]))],
    ['icmp6 echo', overIpv6(58, icmp(128, 0, [0, 9, 0, 1, ...payload(4)]))],
    ['icmp6 echo reply', overIpv6(58, icmp(129, 0, [0, 9, 0, 1]))],
    ['icmp6 neighbor solicitation', overIpv6(58, icmp(135, 0, [0, 0, 0, 0, ...ip6(2), 1, 1, ...MAC_A]))],
    ['icmp6 neighbor advertisement', overIpv6(58, icmp(136, 0, [0x60, 0, 0, 0, ...ip6(2), 2, 1, ...MAC_B]))],
    ['icmp6 router solicitation', overIpv6(58, icmp(133, 0, [0, 0, 0, 0, 1, 1, ...MAC_A]))],
    ['icmp6 router advertisement', overIpv6(58, icmp(134, 0, [64, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0]))],
    ['icmp6 redirect', overIpv6(58, icmp(137, 0, [0, 0, 0, 0, ...ip6(9), ...ip6(10)]))],
    ...[0, 1, 2, 3, 5].map((code): [string, Buffer] => [`icmp6 unreachable ${code}`,
      overIpv6(58, icmp(1, code, [0, 0, 0, 0, ...ipv6({ next: 17, payload: udp(1, 2, payload(4)) })]))]),
    ['icmp6 port unreachable', overIpv6(58, icmp(1, 4, [0, 0, 0, 0, ...ipv6({ next: 17, payload: udp(1, 7777, payload(4)) })]))],
    ['icmp6 tcp port unreachable', overIpv6(58, icmp(1, 4, [0, 0, 0, 0, ...ipv6({ next: 6, payload: tcp({ flags: 2 }) })]))],
    ['icmp6 port unreachable via hbh', overIpv6(58, icmp(1, 4, [0, 0, 0, 0,
      ...ipv6({ next: 0, payload: Buffer.from([17, 0, 1, 4, 0, 0, 0, 0, ...udp(1, 53, Buffer.alloc(0))]) })]))],
    ['icmp6 too big', overIpv6(58, icmp(2, 0, [0, 0, 5, 0xdc, ...ipv6({ next: 17, payload: payload(8) })]))],
    ...[0, 1, 2].map((code): [string, Buffer] => [`icmp6 time exceeded ${code}`,
      overIpv6(58, icmp(3, code, [0, 0, 0, 0, ...ipv6({ next: 17, payload: payload(8) })]))]),
    ...[0, 1, 2, 3, 4].map((code): [string, Buffer] => [`icmp6 parameter problem ${code}`,
      overIpv6(58, icmp(4, code, [0, 0, 0, 40, ...ipv6({ next: 17, payload: payload(8) })]))]),
    ['mld query', overIpv6(58, icmp(130, 0, [0, 10, 0, 0, ...Array(16).fill(0)]))],
    ['mld v2 query', overIpv6(58, icmp(130, 0, [0, 10, 0, 0, ...ip6(5), 2, 125, 0, 2, ...ip6(6), ...ip6(7)]))],
    ['mld odd query', overIpv6(58, icmp(130, 0, [0, 10, 0, 0, 1, 2]))],
    ['mld report', overIpv6(58, icmp(131, 0, [0, 0, 0, 0, 0xff, 2, ...Array(13).fill(0), 0x16]))],
    ['mld done', overIpv6(58, icmp(132, 0, [0, 0, 0, 0, 0xff, 2, ...Array(13).fill(0), 0x17]))],
    ['mld v2 report behind hop-by-hop', overIpv6(0, Buffer.from([58, 0, 5, 2, 0, 0, 1, 0,
      ...icmp(143, 0, [0, 0, 0, 1, 4, 0, 0, 0, 0xff, 2, ...Array(13).fill(0), 0xfb])]), { dst: [0xff, 2, ...Array(13).fill(0), 0x16] })],
    ['node information query', overIpv6(58, icmp(139, 0, [0, 3, 0, 0x3e, ...Array(8).fill(1), ...ip6(3)]))],
    ['node information query fqdn', overIpv6(58, icmp(139, 1, [0, 2, 0, 0, ...Array(8).fill(1), 3, 0x61, 0x62, 0x63, 2, 0x64, 0x65, 0]))],
    ['node information reply addresses', overIpv6(58, icmp(140, 0, [0, 3, 0, 0x7f, ...Array(8).fill(1), 0, 0, 0, 60, ...ip6(4)]))],
    ['node information reply name', overIpv6(58, icmp(140, 0, [0, 2, 0, 1, ...Array(8).fill(1), 0, 0, 0, 9, 3, 0x61, 0x62, 0x63, 0]))],
    ['node information refused', overIpv6(58, icmp(140, 1, [0, 2, 0, 0, ...Array(8).fill(1)]))],
    ['who are you', overIpv6(58, icmp(139, 0, [0, 0, 0, 0, 1, 2, 3, 4]))],
    ['router renumbering', overIpv6(58, icmp(138, 0, [0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0,
      1, 7, 0, 64, 0, 128, 0, 0, ...ip6(0), 64, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, ...ip6(8)]))],
    ['rpl', overIpv6(58, icmp(155, 1, [0, 0, 0, 0]))],
    ['rpl secure', overIpv6(58, icmp(155, 0x80, [0, 0, 0, 0]))],
    ['ha discovery', overIpv6(58, icmp(144, 0, [0x12, 0x34, 0, 0]))],
    ['icmp6 unknown', overIpv6(58, icmp(250, 0, [1, 2, 3, 4, 5]))],
    ['icmp6 empty', overIpv6(58, Buffer.alloc(0))],
    ['ipv6 fragment first', overIpv6(44, Buffer.from([17, 0, 0, 1, 0, 0, 0, 9, ...udp(1, 2, payload(8))]))],
    ['ipv6 fragment later', overIpv6(44, Buffer.from([17, 0, 0, 0x11, 0, 0, 0, 9, ...payload(8)]))],
    ['ipv6 destination options', overIpv6(60, Buffer.from([17, 0, 1, 4, 0, 0, 0, 0, ...udp(1, 2, payload(2))]))],
    ['ipv6 routing type 0', overIpv6(43, Buffer.from([17, 2, 0, 1, 0, 0, 0, 0, ...ip6(7), ...udp(1, 2, payload(2))]))],
    ['ipv6 routing type 4', overIpv6(43, Buffer.from([17, 2, 4, 0, 0, 0, 0, 5, ...ip6(7), ...udp(1, 2, payload(2))]))],
    ['ipv6 routing unknown type', overIpv6(43, Buffer.from([17, 0, 9, 0, 0, 0, 0, 0, ...payload(8)]))],
    ['ipv6 hop-by-hop router alert', overIpv6(0, Buffer.from([17, 0, 5, 2, 0, 0, 1, 0, ...udp(1, 2, payload(2))]))],
    ['ipv6 hop-by-hop bad option', overIpv6(0, Buffer.from([17, 0, 5, 3, 0, 0, 0, 0, ...udp(1, 2, payload(2))]))],
    ['ipv6 jumbogram', overIpv6(0, Buffer.from([17, 0, 0xc2, 4, 0, 1, 0, 0, ...udp(1, 2, payload(2))]), { payloadLength: 0 })],
    ['ipv6 zero payload length', overIpv6(17, udp(1, 2, payload(2)), { payloadLength: 0 })],
    ['ipv6 no next header', overIpv6(59, payload(4))],
    ['ipv6 in ipv4', overIpv4(41, ipv6({ next: 17, payload: udp(1, 2, payload(2)) }))],
    ['ipv4 in ipv6', overIpv6(4, ipv4({ protocol: 17, payload: udp(3, 4, payload(2)) }))],
    ['ethernet in ipv6', overIpv6(143, ethernet(0x0800, ipv4({ protocol: 1, payload: icmp(8, 0, [0, 1, 0, 1]) })))],
    ['ethernet in ipv4', overIpv4(143, payload(20))],
    ['icmp in ipv6', overIpv6(1, payload(8))],
    ['icmp6 in ipv4', overIpv4(58, payload(8))],
    ['ipv4 options', overIpv4(17, udp(1, 2, payload(2)), { options: [1, 1, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0] })],
    ['ipv4 fragment', overIpv4(17, payload(16), { fragment: 0x2010 })],
    ['ipv4 first fragment', overIpv4(17, udp(1, 2, payload(8), 200), { fragment: 0x2000 })],
    ['ipv4 bad header length', ethernet(0x0800, Buffer.from([0x43, 0, 0, 40, ...payload(36)]))],
    ['ipv4 bad total length', overIpv4(17, udp(1, 2, payload(2)), { totalLength: 10 })],
    ['ipv4 longer than frame', overIpv4(17, udp(1, 2, payload(2)), { totalLength: 200 })],
    ['ip version 5', ethernet(0x0800, Buffer.from([0x55, ...payload(30)]))],
    ['ipv6 in an ipv4 frame', ethernet(0x0800, Buffer.from([0x65, ...payload(30)]))],
    ['ipv6 version error', ethernet(0x86dd, Buffer.from([0x45, ...payload(50)]))],
    ['ah then tcp', overIpv4(51, Buffer.from([6, 4, 0, 0, ...be32(0x100), ...be32(7), ...payload(12), ...tcp({ flags: 2 })]))],
    ['esp', overIpv4(50, Buffer.from([...be32(0x1234), ...be32(2), ...payload(16)]))],
    ['ipcomp', overIpv4(108, Buffer.from([4, 0, 0x12, 0x34, ...payload(8)]))],
    ['unknown ip protocol', overIpv4(253, payload(10))],
    ['nd protocol', overIpv4(77, payload(10))],
    ['igmp v2 report', overIpv4(2, Buffer.from([0x16, 0, 0, 0, 239, 1, 2, 3]))],
    ['igmp v1 query', overIpv4(2, Buffer.from([0x11, 0, 0, 0, 0, 0, 0, 0]))],
    ['igmp v2 query', overIpv4(2, Buffer.from([0x11, 50, 0, 0, 239, 1, 2, 3, 0]))],
    ['igmp v3 query', overIpv4(2, Buffer.from([0x11, 0xa0, 0, 0, 239, 1, 2, 3, 0, 0, 0, 1, 10, 0, 0, 9]))],
    ['igmp v3 report', overIpv4(2, Buffer.from([0x22, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 0, 239, 1, 2, 3]))],
    ['igmp leave', overIpv4(2, Buffer.from([0x17, 0, 0, 0, 239, 1, 2, 3]))],
    ['igmp v1 report', overIpv4(2, Buffer.from([0x12, 0, 0, 0, 239, 1, 2, 3, 0, 0]))],
    ['igmp mtrace', overIpv4(2, Buffer.from([0x1f, 0, 0, 0, 0, 0, 0, 0, ...IP4_A, ...IP4_B, 224, 0, 0, 9, 8, 0, 0, 42]))],
    ['igmp dvmrp prune', overIpv4(2, Buffer.from([0x13, 7, 0, 0, 0, 0, 3, 0xff, ...IP4_A, ...IP4_B, ...be32(7322)]))],
    ['igmp dvmrp neighbors2', overIpv4(2, Buffer.from([0x13, 6, 0, 0, 0, 0, 3, 0xff, ...IP4_A, 1, 2, 0x43, 1, ...IP4_B]))],
    ['igmp pimv1 assert', overIpv4(2, Buffer.from([0x14, 5, 0, 0, 0x10, 0, 0, 0, ...IP4_A, 255, 255, 0, 0, ...IP4_B, 0x80, 0, 0, 3, 0, 0, 0, 4]))],
    ['igmp unknown', overIpv4(2, Buffer.from([0x99, 0, 0, 0, 0, 0, 0, 0]))],
    ['arp request', ethernet(0x0806, arp(1))],
    ['arp reply', ethernet(0x0806, arp(2))],
    ['arp request with target', ethernet(0x0806, arp(1, { body: [...MAC_A, ...IP4_A, ...MAC_B, ...IP4_B] }))],
    ['rarp', ethernet(0x8035, arp(3))],
    ['rarp reply', ethernet(0x8035, arp(4))],
    ['inarp', ethernet(0x0806, arp(9))],
    ['arp unknown op', ethernet(0x0806, arp(77))],
    ['arp not ip', ethernet(0x0806, arp(1, { protocol: 0x86dd }))],
    ['arp frame relay', ethernet(0x0806, arp(2, { hardware: 15, hln: 2, body: [0x18, 0x41, ...IP4_A, 0, 0, ...IP4_B] }))],
    ['atm arp', ethernet(0x0806, Buffer.from([0, 19, 8, 0, 4, 0, 0, 2, 4, 2, 0, 4, 1, 2, 3, 4, ...IP4_A, 5, 6, ...IP4_B]))],
    ['vlan tagged', vlan(0x2064, 0x0800, ipv4({ protocol: 17, payload: udp(1, 2, payload(2)) }))],
    ['qinq', ethernet(0x88a8, Buffer.from([0, 5, 0x81, 0, 0, 6, 0x08, 0x06, ...arp(1)]))],
    ['unknown ethertype', ethernet(0x1234, payload(20))],
    ['lldp (not decoded)', ethernet(0x88cc, payload(20))],
    ['llc unnumbered', ethernet(20, Buffer.from([0x04, 0x05, 0x03, ...payload(17)]))],
    ['llc test same saps', ethernet(20, Buffer.from([0x8e, 0x8e, 0xf3, ...payload(17)]))],
    ['stp (not decoded)', ethernet(20, Buffer.from([0x42, 0x42, 0x03, 0, 0, 0, 0, ...payload(14)]))],
    ['llc xid', ethernet(6, Buffer.from([0x04, 0x05, 0xaf, 0x81, 1, 2]))],
    ['llc information', ethernet(20, Buffer.from([0x04, 0x04, 0x02, 0x05, ...payload(16)]))],
    ['llc supervisory', ethernet(4, Buffer.from([0x04, 0x05, 0x01, 0x06]))],
    ['snap arp', ethernet(38, Buffer.from([0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x06, ...arp(1)]))],
    ['snap unknown', ethernet(20, Buffer.from([0xaa, 0xaa, 0x03, 0, 0, 0x0c, 0x12, 0x34, ...payload(12)]))],
    ['snap unknown oui', ethernet(20, Buffer.from([0xaa, 0xaa, 0x03, 0x12, 0x34, 0x56, 0x12, 0x34, ...payload(12)]))],
    ['snap unknown ethertype', ethernet(20, Buffer.from([0xaa, 0xaa, 0x03, 0, 0, 0, 0x12, 0x34, ...payload(12)]))],
    ['cdp (not decoded)', ethernet(20, Buffer.from([0xaa, 0xaa, 0x03, 0, 0, 0x0c, 0x20, 0x00, ...payload(12)]))],
    ['ip over llc', ethernet(31, Buffer.from([0x06, 0x06, 0x03, ...ipv4({ protocol: 253, payload: payload(8) })]))],
  ];
  return frames;
}
