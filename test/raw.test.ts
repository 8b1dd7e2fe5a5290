// Raw IP beyond ICMP echo: headers built by hand (IP_HDRINCL), checksums the
// kernel computes (IPV6_CHECKSUM), unprivileged ICMP sockets, IPv6 packet info.
import {
  AF_INET, AF_INET6, IPPROTO_IPV6, IPPROTO_RAW, IPV6_CHECKSUM, IPV6_RECVPKTINFO, IP_HDRINCL, IPPROTO_IP, SOCK_DGRAM,
  SOCK_RAW, internetChecksum, if_nametoindex, inet_pton, socket,
} from '../lib';
import { inNamespace, track } from './helpers';

test('IP_HDRINCL: a whole IPv4 + UDP packet built by hand arrives at a UDP socket', async () => {
  const receiver = track(socket(AF_INET, SOCK_DGRAM));
  receiver.bind({ address: '127.0.0.1', port: 0 });
  const port = (receiver.getsockname() as { port: number }).port;
  const raw = track(socket(AF_INET, SOCK_RAW, IPPROTO_RAW)); // IPPROTO_RAW implies IP_HDRINCL
  raw.setsockopt(IPPROTO_IP, IP_HDRINCL, true);
  expect(raw.getsockopt(IPPROTO_IP, IP_HDRINCL)).toBe(true);

  const payload = Buffer.from('built by hand');
  const udp = Buffer.alloc(8 + payload.length);
  udp.writeUInt16BE(50000, 0);
  udp.writeUInt16BE(port, 2);
  udp.writeUInt16BE(udp.length, 4);
  payload.copy(udp, 8);
  const ip = Buffer.alloc(20);
  ip[0] = 0x45; // version 4, 5 words of header
  ip.writeUInt16BE(20 + udp.length, 2);
  ip[8] = 64; // TTL
  ip[9] = 17; // UDP (RFC 768)
  inet_pton(AF_INET, '127.0.0.1').copy(ip, 12);
  inet_pton(AF_INET, '127.0.0.1').copy(ip, 16);
  ip.writeUInt16BE(internetChecksum(ip), 10);
  // The UDP checksum covers a pseudo-header (RFC 768).
  const pseudo = Buffer.concat([ip.subarray(12, 20), Buffer.from([0, 17]), Buffer.from([udp.length >> 8, udp.length & 0xff])]);
  udp.writeUInt16BE(internetChecksum(pseudo, udp) || 0xffff, 6);

  await raw.sendto(Buffer.concat([ip, udp]), { address: '127.0.0.1', port: 0 });
  const [data, from] = await receiver.recvfrom(100, 0, { timeout: 1000 });
  expect(data.toString()).toBe('built by hand');
  expect(from).toEqual(expect.objectContaining({ address: '127.0.0.1', port: 50000 }));
});

test('IPV6_CHECKSUM: the kernel fills in the checksum of a raw IPv6 protocol', async () => {
  const PROTOCOL = 253; // RFC 3692 experimental protocol number
  const receiver = track(socket(AF_INET6, SOCK_RAW, PROTOCOL));
  const sender = track(socket(AF_INET6, SOCK_RAW, PROTOCOL));
  sender.setsockopt(IPPROTO_IPV6, IPV6_CHECKSUM, 2); // the checksum lives at offset 2 of our header
  expect(sender.getsockopt(IPPROTO_IPV6, IPV6_CHECKSUM)).toBe(2);
  receiver.setsockopt(IPPROTO_IPV6, IPV6_CHECKSUM, 2); // and the receiver verifies it
  const message = Buffer.from([0xab, 0xcd, 0, 0, ...Buffer.from('payload')]);
  await sender.sendto(message, { address: '::1', port: 0 });
  const data = await receiver.recv(100, 0, { timeout: 1000 });
  expect(data.subarray(4).toString()).toBe('payload');
  expect(data.readUInt16BE(2)).not.toBe(0); // filled in by the kernel
  // It is the checksum over the IPv6 pseudo-header (RFC 8200 8.1) and the message.
  const pseudo = Buffer.alloc(40);
  inet_pton(AF_INET6, '::1').copy(pseudo, 0);
  inet_pton(AF_INET6, '::1').copy(pseudo, 16);
  pseudo.writeUInt32BE(data.length, 32);
  pseudo[39] = PROTOCOL;
  expect(internetChecksum(pseudo, data)).toBe(0);
});

test('IPV6_RECVPKTINFO names the interface and the destination', () => {
  const a = track(socket(AF_INET6, SOCK_DGRAM));
  const b = track(socket(AF_INET6, SOCK_DGRAM));
  b.bind({ address: '::1', port: 0 });
  b.setsockopt(IPPROTO_IPV6, IPV6_RECVPKTINFO, true);
  a.sendtoSync('x', b.getsockname());
  const info = b.recvmsgSync(10, 256).ancillary.find((x) => x.kind === 'pktinfo');
  expect(info).toMatchObject({ kind: 'pktinfo', ifindex: if_nametoindex('lo'), address: '::1' });
});

test('unprivileged ICMP (SOCK_DGRAM + IPPROTO_ICMP) where ping_group_range allows it', async () => {
  // In a namespace of its own, where the test opens the range to our group.
  const result = await inNamespace(`
    execFileSync('sysctl', ['-qw', 'net.ipv4.ping_group_range=0 2147483647']);
    const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM, lib.IPPROTO_ICMP);
    const request = Buffer.from([8, 0, 0, 0, 0, 0, 0, 7, 1, 2, 3, 4]);
    // The kernel sets the id (from the socket's port) and the checksum.
    (async () => {
      await s.sendto(request, { address: '127.0.0.1', port: 0 });
      const [reply, from] = await s.recvfrom(100, 0, { timeout: 1000 });
      console.log(JSON.stringify({ type: reply[0], seq: reply.readUInt16BE(6), from: from.address, rest: [...reply.subarray(8)] }));
      s.close();
    })();
  `);
  expect(result.stderr).toBe('');
  // No IP header on a ping socket: the reply starts with ICMP.
  expect(JSON.parse(result.stdout)).toEqual({ type: 0, seq: 7, from: '127.0.0.1', rest: [1, 2, 3, 4] });
});
