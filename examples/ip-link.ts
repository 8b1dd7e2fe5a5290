// Lists the machine's interfaces and addresses over rtnetlink (AF_NETLINK),
// like `ip -brief address`: an RTM_GETLINK and an RTM_GETADDR dump.
//
//   node build-ts/examples/ip-link.js
import {
  AF_INET, AF_INET6, AF_NETLINK, AF_UNSPEC, IFA_ADDRESS, IFA_LOCAL, IFF_UP, IFLA_ADDRESS, IFLA_IFNAME, IFLA_MTU,
  NETLINK_ROUTE, NLMSG_DONE, NLMSG_ERROR, NLM_F_DUMP, NLM_F_REQUEST, RTA_ALIGNTO, RTM_GETADDR, RTM_GETLINK,
  RTM_NEWADDR, RTM_NEWLINK, SOCK_RAW, inet_ntop, sizeof, socket, type Socket,
} from '../lib';

export interface Link {
  index: number;
  name: string;
  up: boolean;
  mtu: number;
  address: string;
  addresses: string[];
}

const align = (n: number): number => (n + RTA_ALIGNTO - 1) & ~(RTA_ALIGNTO - 1);

/** A dump request: struct nlmsghdr, then the family-specific header (all zero but its family). */
function dumpRequest(type: number, bodySize: number, seq: number): Buffer {
  const message = Buffer.alloc(sizeof.nlmsghdr + bodySize);
  message.writeUInt32LE(message.length, 0); // nlmsg_len
  message.writeUInt16LE(type, 4); // nlmsg_type
  message.writeUInt16LE(NLM_F_REQUEST | NLM_F_DUMP, 6); // nlmsg_flags
  message.writeUInt32LE(seq, 8); // nlmsg_seq; nlmsg_pid 0: the kernel fills it in
  message.writeUInt8(AF_UNSPEC, sizeof.nlmsghdr); // ifi_family / ifa_family
  return message;
}

/** The rtattr list of one message: type to payload. */
function attributes(message: Buffer, start: number): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (let at = start; at + sizeof.rtattr <= message.length;) {
    const len = message.readUInt16LE(at);
    if (len < sizeof.rtattr || at + len > message.length) break;
    out.set(message.readUInt16LE(at + 2), message.subarray(at + sizeof.rtattr, at + len));
    at += align(len);
  }
  return out;
}

/** Sends a dump request and yields each reply message of `type` until NLMSG_DONE. */
async function* dump(sock: Socket, type: number, bodySize: number, replyType: number, seq: number): AsyncGenerator<Buffer> {
  await sock.sendto(dumpRequest(type, bodySize, seq), { family: AF_NETLINK, pid: 0, groups: 0 });
  for (;;) {
    const datagram = await sock.recv(65536, 0, { timeout: 2000 });
    for (let at = 0; at + sizeof.nlmsghdr <= datagram.length;) {
      const len = datagram.readUInt32LE(at);
      const kind = datagram.readUInt16LE(at + 4);
      if (len < sizeof.nlmsghdr || at + len > datagram.length) return;
      if (kind === NLMSG_DONE) return;
      if (kind === NLMSG_ERROR) throw new Error(`netlink error ${datagram.readInt32LE(at + sizeof.nlmsghdr)}`);
      if (kind === replyType) yield datagram.subarray(at, at + len);
      at += align(len);
    }
  }
}

export async function listInterfaces(): Promise<Link[]> {
  const sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  try {
    sock.bind({ pid: 0, groups: 0 });
    const links = new Map<number, Link>();
    for await (const m of dump(sock, RTM_GETLINK, sizeof.ifinfomsg, RTM_NEWLINK, 1)) {
      const body = sizeof.nlmsghdr; // struct ifinfomsg: family, pad, type, index (s32), flags (u32), change
      const attrs = attributes(m, body + sizeof.ifinfomsg);
      const hw = attrs.get(IFLA_ADDRESS);
      links.set(m.readInt32LE(body + 4), {
        index: m.readInt32LE(body + 4),
        name: attrs.get(IFLA_IFNAME)?.toString('latin1').replace(/\0.*$/, '') ?? '?',
        up: (m.readUInt32LE(body + 8) & IFF_UP) !== 0,
        mtu: attrs.get(IFLA_MTU)?.readUInt32LE(0) ?? 0,
        address: hw === undefined ? '' : [...hw].map((b) => b.toString(16).padStart(2, '0')).join(':'),
        addresses: [],
      });
    }
    for await (const m of dump(sock, RTM_GETADDR, sizeof.ifaddrmsg, RTM_NEWADDR, 2)) {
      const body = sizeof.nlmsghdr; // struct ifaddrmsg: family, prefixlen, flags, scope, index (u32)
      const family = m.readUInt8(body);
      const attrs = attributes(m, body + sizeof.ifaddrmsg);
      const bytes = attrs.get(IFA_LOCAL) ?? attrs.get(IFA_ADDRESS);
      if (bytes === undefined || (family !== AF_INET && family !== AF_INET6)) continue;
      links.get(m.readUInt32LE(body + 4))?.addresses.push(`${inet_ntop(family, bytes)}/${m.readUInt8(body + 1)}`);
    }
    return [...links.values()];
  } finally {
    sock.close();
  }
}

if (require.main === module) {
  listInterfaces().then((links) => {
    for (const l of links) {
      console.log(`${l.name.padEnd(16)} ${(l.up ? 'UP' : 'DOWN').padEnd(5)} ${l.address.padEnd(18)} mtu ${String(l.mtu).padEnd(6)} ${l.addresses.join(' ')}`);
    }
  }, (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
