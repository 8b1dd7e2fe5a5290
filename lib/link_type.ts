// Link types: how a captured frame begins. These are the numbers of the
// tcpdump.org link-layer header type registry (LINKTYPE_*), written into pcap
// and pcapng files and chosen by compileFilter: a file-format fact, not an OS
// constant, so they are named here.

/**
 * Link-layer header types, by their tcpdump.org name: the first bytes of each
 * captured frame. `EN10MB`: an Ethernet header (an `AF_PACKET`/`SOCK_RAW`
 * socket on Ethernet, veth or `lo`); `LINUX_SLL2`: Linux's 20-byte cooked
 * header (`SOCK_DGRAM` packet sockets, any interface); `RAW`: the IP header
 * first (raw `AF_INET`/`AF_INET6` sockets, tun devices).
 */
export const LINKTYPE = Object.freeze({
  /** Ethernet (DLT_EN10MB). */
  EN10MB: 1,
  /** Raw IPv4 or IPv6, no link-layer header (DLT_RAW). */
  RAW: 101,
  /** Linux cooked capture, version 1 (16-byte header). */
  LINUX_SLL: 113,
  /** Linux cooked capture, version 2 (20-byte header). */
  LINUX_SLL2: 276,
});

/** The name of a link type this package knows: a key of {@link LINKTYPE}. */
export type LinkTypeName = keyof typeof LINKTYPE;
