// The interfaces `bsd-socket sniff` can capture on, as libpcap sees them:
// their index, name, flags and hardware type from one rtnetlink RTM_GETLINK
// dump (rtnetlink(7)), which works in any network namespace and without
// privileges; the device tcpdump picks when none is named; and the link type
// a capture on each one has.
import { endianness } from 'node:os';

import {
  AF_NETLINK, ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE, IFF_LOOPBACK, IFF_RUNNING, IFF_UP, IFLA_IFNAME, NETLINK_ROUTE,
  NLMSG_DONE, NLMSG_ERROR, NLMSG_ALIGNTO, NLM_F_DUMP, NLM_F_REQUEST, RTA_ALIGNTO, RTM_GETLINK, RTM_NEWLINK, SOCK_RAW,
  LINKTYPE, errorFromStatus, sizeof, socket,
} from '..';

/** One network interface. */
export interface Link {
  /** Its index (ifi_index). */
  index: number;
  /** Its name (IFLA_IFNAME). */
  name: string;
  /** Its flags (ifi_flags): IFF_UP, IFF_RUNNING, IFF_LOOPBACK, … */
  flags: number;
  /** Its hardware type (ifi_type), an ARPHRD_* value. */
  hardwareType: number;
}

/** The pseudo-device that captures on every interface, as libpcap names it. */
export const ANY_DEVICE = 'any';

/** How long the kernel may take to answer the dump: it answers at once, this only bounds a surprise. */
const DUMP_TIMEOUT_MS = 2000;

/** Netlink messages are in host byte order. */
const LITTLE_ENDIAN = endianness() === 'LE';

const align = (n: number, to: number): number => (n + to - 1) & ~(to - 1);

/** An RTM_GETLINK dump request: struct nlmsghdr, then a struct ifinfomsg of zeros (every family). */
function dumpRequest(): Uint8Array {
  const message = new Uint8Array(sizeof.nlmsghdr + sizeof.ifinfomsg);
  const view = new DataView(message.buffer);
  view.setUint32(0, message.length, LITTLE_ENDIAN); // nlmsg_len
  view.setUint16(4, RTM_GETLINK, LITTLE_ENDIAN); // nlmsg_type
  view.setUint16(6, NLM_F_REQUEST | NLM_F_DUMP, LITTLE_ENDIAN); // nlmsg_flags
  view.setUint32(8, 1, LITTLE_ENDIAN); // nlmsg_seq; nlmsg_pid 0: the kernel fills it in
  return message;
}

/** The IFLA_IFNAME attribute of the RTM_NEWLINK message at `start` (its rtattrs follow `attributesAt`). */
function linkName(view: DataView, attributesAt: number, end: number): string {
  for (let at = attributesAt; at + sizeof.rtattr <= end;) {
    const length = view.getUint16(at, LITTLE_ENDIAN);
    if (length < sizeof.rtattr || at + length > end) break;
    if (view.getUint16(at + 2, LITTLE_ENDIAN) === IFLA_IFNAME) {
      const bytes = new Uint8Array(view.buffer, view.byteOffset + at + sizeof.rtattr, length - sizeof.rtattr);
      const nul = bytes.indexOf(0);
      return Buffer.from(bytes.subarray(0, nul === -1 ? bytes.length : nul)).toString('latin1');
    }
    at += align(length, RTA_ALIGNTO);
  }
  return '';
}

/**
 * Every interface of this network namespace, in index order, from an
 * rtnetlink RTM_GETLINK dump (socket(2) AF_NETLINK, sendto(2), recv(2)).
 * @throws SocketError if the kernel refuses the dump.
 */
export function listLinks(): Link[] {
  const sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  try {
    sock.settimeout(DUMP_TIMEOUT_MS);
    sock.sendtoSync(dumpRequest(), { family: AF_NETLINK, pid: 0, groups: 0 });
    const links: Link[] = [];
    for (;;) {
      const datagram = sock.recvSync(65536);
      const view = new DataView(datagram.buffer, datagram.byteOffset, datagram.length);
      for (let at = 0; at + sizeof.nlmsghdr <= datagram.length;) {
        const length = view.getUint32(at, LITTLE_ENDIAN);
        const type = view.getUint16(at + 4, LITTLE_ENDIAN);
        if (length < sizeof.nlmsghdr || at + length > datagram.length || type === NLMSG_DONE) {
          return links.sort((a, b) => a.index - b.index);
        }
        if (type === NLMSG_ERROR) throw errorFromStatus(view.getInt32(at + sizeof.nlmsghdr, LITTLE_ENDIAN), 'recv');
        const body = at + sizeof.nlmsghdr; // struct ifinfomsg: family, pad, type (u16), index (s32), flags (u32), change
        if (type === RTM_NEWLINK && length >= sizeof.nlmsghdr + sizeof.ifinfomsg) {
          links.push({
            index: view.getInt32(body + 4, LITTLE_ENDIAN),
            name: linkName(view, body + sizeof.ifinfomsg, at + length),
            flags: view.getUint32(body + 8, LITTLE_ENDIAN),
            hardwareType: view.getUint16(body + 2, LITTLE_ENDIAN),
          });
        }
        at += align(length, NLMSG_ALIGNTO);
      }
    }
  } finally {
    sock.close();
  }
}

/**
 * libpcap's ranking of capture devices (pcap_findalldevs sorts by it, and
 * tcpdump takes the first): lower is better. Not running, not up,
 * disconnected and loopback each make a device worse, in that order of
 * weight; `any` ranks after every working device but before loopback ones.
 * (libpcap asks ethtool whether a link is connected; IFF_RUNNING, which the
 * kernel sets when the carrier is on, says the same for these devices.)
 */
function rank(link: Link): number {
  const loopback = (link.flags & IFF_LOOPBACK) !== 0;
  let n = 0;
  if ((link.flags & IFF_RUNNING) === 0) n += 8;
  if ((link.flags & IFF_UP) === 0) n += 4;
  if ((link.flags & IFF_RUNNING) === 0 && !loopback) n += 2;
  if (loopback) n += 1;
  return n;
}

/** Where `any` ranks among {@link rank}'s values: after 0 (a working device), before 1 (loopback). */
const ANY_RANK = 0.5;

/**
 * The device tcpdump captures on when none is named: the best-ranked of
 * libpcap's device list (the interfaces in index order, then `any`), which
 * is the first interface that is up and running and not loopback, or else
 * `any`.
 */
export function defaultDevice(links: readonly Link[]): string {
  let best = ANY_DEVICE;
  let bestRank = ANY_RANK;
  for (const link of links) {
    const r = rank(link);
    if (r < bestRank) {
      best = link.name;
      bestRank = r;
    }
  }
  return best;
}

/** How a capture on a device reads its frames. */
export interface CaptureLayout {
  /** The link type of the frames the capture hands out. */
  linkType: number;
  /**
   * Whether the socket is SOCK_DGRAM (the kernel strips the link-layer
   * header and the capture writes a Linux cooked header in its place), rather
   * than SOCK_RAW (the frame as the device has it).
   */
  cooked: boolean;
}

/**
 * The link type of a capture on `link` (null: on `any`), as libpcap's
 * map_arphrd_to_dlt chooses it: Ethernet and loopback devices give Ethernet
 * frames, devices with no link-layer header (tun, ARPHRD_NONE) raw IP, and
 * any other kind a Linux cooked capture (v1). `any` is cooked too: v1 when
 * tcpdump picked it, v2 when it was named (tcpdump 4.99 asks for
 * LINUX_SLL2 then).
 */
export function captureLayout(link: Link | null, named: boolean): CaptureLayout {
  if (link === null) return { linkType: named ? LINKTYPE.LINUX_SLL2 : LINKTYPE.LINUX_SLL, cooked: true };
  if (link.hardwareType === ARPHRD_ETHER || link.hardwareType === ARPHRD_LOOPBACK) {
    return { linkType: LINKTYPE.EN10MB, cooked: false };
  }
  if (link.hardwareType === ARPHRD_NONE) return { linkType: LINKTYPE.RAW, cooked: false };
  return { linkType: LINKTYPE.LINUX_SLL, cooked: true };
}

/** libpcap's names and descriptions of the link types this command handles (pcap_datalink_val_to_name). */
const LINK_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [LINKTYPE.EN10MB, 'EN10MB (Ethernet)'],
  [LINKTYPE.RAW, 'RAW (Raw IP)'],
  [LINKTYPE.LINUX_SLL, 'LINUX_SLL (Linux cooked v1)'],
  [LINKTYPE.LINUX_SLL2, 'LINUX_SLL2 (Linux cooked v2)'],
]);

/** The link type as tcpdump's notices name it: `EN10MB (Ethernet)`, or the number for one without a name here. */
export function linkTypeText(linkType: number): string {
  return LINK_TYPE_NAMES.get(linkType) ?? `${linkType}`;
}

/** Whether this command prints and filters frames of `linkType`. */
export function isKnownLinkType(linkType: number): boolean {
  return LINK_TYPE_NAMES.has(linkType);
}
