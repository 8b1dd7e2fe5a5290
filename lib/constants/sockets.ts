// Address families, socket types, protocol numbers and option levels: what
// socket(2) takes; and the addresses and limits beside them (INADDR_*,
// SOMAXCONN, IFNAMSIZ).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
  /**
   * Unspecified family: `connect()` to `{ family: AF_UNSPEC }` dissolves a datagram socket's association.
   * address_families(7).
   * @category Address families
   */
  AF_UNSPEC,
  /** IPv4 Internet protocols. ip(7). @category Address families */
  AF_INET,
  /** IPv6 Internet protocols. ipv6(7). @category Address families */
  AF_INET6,
  /** Local (Unix domain) sockets, addressed by path. unix(7). @category Address families */
  AF_UNIX,
  /** POSIX name of {@link AF_UNIX}, same value. unix(7). @category Address families */
  AF_LOCAL,
  /** Link-level packets (needs CAP_NET_RAW). packet(7). @category Address families */
  AF_PACKET,
  /** Kernel and user-space messaging. netlink(7). @category Address families */
  AF_NETLINK,
  /** Protocol-family name of {@link AF_UNSPEC}, same value. socket(2). @category Address families */
  PF_UNSPEC,
  /** Protocol-family name of {@link AF_INET}, same value. socket(2). @category Address families */
  PF_INET,
  /** Protocol-family name of {@link AF_INET6}, same value. socket(2). @category Address families */
  PF_INET6,
  /** Protocol-family name of {@link AF_UNIX}, same value. socket(2). @category Address families */
  PF_UNIX,
  /** Protocol-family name of {@link AF_PACKET}, same value. socket(2). @category Address families */
  PF_PACKET,
  /** Protocol-family name of {@link AF_NETLINK}, same value. socket(2). @category Address families */
  PF_NETLINK,
  /** Reliable, connected byte stream (TCP over IP). socket(2). @category Socket types */
  SOCK_STREAM,
  /** Connectionless datagrams (UDP over IP). socket(2). @category Socket types */
  SOCK_DGRAM,
  /** Raw protocol access (needs CAP_NET_RAW). raw(7), packet(7). @category Socket types */
  SOCK_RAW,
  /** Connected, reliable, record-preserving datagrams (AF_UNIX, SCTP). socket(2). @category Socket types */
  SOCK_SEQPACKET,
  /** Reliably delivered datagrams; few Linux families implement it. socket(2). @category Socket types */
  SOCK_RDM,
  /** OR-ed into socket(2)'s type: the socket starts non-blocking (timeout 0). socket(2). @category Socket types */
  SOCK_NONBLOCK,
  /**
   * OR-ed into socket(2)'s type: close-on-exec. This library sets it on every fd anyway. socket(2).
   * @category Socket types
   */
  SOCK_CLOEXEC,
  /** Option level of the socket itself (the SO_* options). socket(7). @category Protocols and option levels */
  SOL_SOCKET,
  /**
   * Option level of IPv4, same value as {@link IPPROTO_IP} (the IP_* options). ip(7).
   * @category Protocols and option levels
   */
  SOL_IP,
  /**
   * Option level of IPv6, same value as {@link IPPROTO_IPV6} (the IPV6_* options). ipv6(7).
   * @category Protocols and option levels
   */
  SOL_IPV6,
  /**
   * Option level of TCP, same value as {@link IPPROTO_TCP} (the TCP_* options). tcp(7).
   * @category Protocols and option levels
   */
  SOL_TCP,
  /**
   * Option level of UDP, same value as {@link IPPROTO_UDP} (the UDP_* options). udp(7).
   * @category Protocols and option levels
   */
  SOL_UDP,
  /** Option level of raw sockets ({@link ICMP_FILTER}). raw(7). @category Protocols and option levels */
  SOL_RAW,
  /** Option level of packet sockets (the PACKET_* options). packet(7). @category Protocols and option levels */
  SOL_PACKET,
  /**
   * IPv4 (protocol 0, the default), and the option level of the IP_* options. ip(7).
   * @category Protocols and option levels
   */
  IPPROTO_IP,
  /**
   * The option level of the IPV6_* options; as a protocol number (41), IPv6 in IPv4. ipv6(7).
   * @category Protocols and option levels
   */
  IPPROTO_IPV6,
  /**
   * ICMP; with SOCK_DGRAM, an unprivileged ping socket (net.ipv4.ping_group_range). icmp(7).
   * @category Protocols and option levels
   */
  IPPROTO_ICMP,
  /** ICMPv6; with SOCK_DGRAM, an unprivileged ping socket. ipv6(7). @category Protocols and option levels */
  IPPROTO_ICMPV6,
  /** IGMP, for a raw socket. raw(7). @category Protocols and option levels */
  IPPROTO_IGMP,
  /** TCP, and the option level of the TCP_* options. tcp(7). @category Protocols and option levels */
  IPPROTO_TCP,
  /** UDP, and the option level of the UDP_* options. udp(7). @category Protocols and option levels */
  IPPROTO_UDP,
  /** UDP-Lite (RFC 3828), with SOCK_DGRAM. udplite(7). @category Protocols and option levels */
  IPPROTO_UDPLITE,
  /**
   * Raw IP: a send-only raw socket whose packets carry their own IP header (IP_HDRINCL implied). raw(7).
   * @category Protocols and option levels
   */
  IPPROTO_RAW,
  /** SCTP, with SOCK_STREAM or SOCK_SEQPACKET. sctp(7). @category Protocols and option levels */
  IPPROTO_SCTP,
  /** GRE, for a raw socket. raw(7). @category Protocols and option levels */
  IPPROTO_GRE,
  /** IPsec Encapsulating Security Payload, for a raw socket. raw(7). @category Protocols and option levels */
  IPPROTO_ESP,
  /** IPsec Authentication Header, for a raw socket. raw(7). @category Protocols and option levels */
  IPPROTO_AH,
  /** IPv6 Hop-by-Hop Options extension header (next-header value). ipv6(7). @category Protocols and option levels */
  IPPROTO_HOPOPTS,
  /** IPv6 Routing extension header (next-header value). ipv6(7). @category Protocols and option levels */
  IPPROTO_ROUTING,
  /** IPv6 Fragment extension header (next-header value). ipv6(7). @category Protocols and option levels */
  IPPROTO_FRAGMENT,
  /** IPv6 "no next header" (next-header value). ipv6(7). @category Protocols and option levels */
  IPPROTO_NONE,
  /** IPv6 Destination Options extension header (next-header value). ipv6(7). @category Protocols and option levels */
  IPPROTO_DSTOPTS,
  /** Multipath TCP, with SOCK_STREAM (Linux 5.6+). tcp(7). @category Protocols and option levels */
  IPPROTO_MPTCP,
  /**
   * The default backlog of {@link Socket.listen}; the kernel caps any backlog at net.core.somaxconn. listen(2).
   * @category Addresses and limits
   */
  SOMAXCONN,
  /**
   * 0.0.0.0, the IPv4 wildcard, as a number in host order (addresses here are strings: '0.0.0.0'). ip(7).
   * @category Addresses and limits
   */
  INADDR_ANY,
  /** 127.0.0.1 as a number in host order ('127.0.0.1' as an address here). ip(7). @category Addresses and limits */
  INADDR_LOOPBACK,
  /** 255.255.255.255 as a number in host order. ip(7). @category Addresses and limits */
  INADDR_BROADCAST,
  /** 0xffffffff, the error value of inet_addr(3). <netinet/in.h>. @category Addresses and limits */
  INADDR_NONE,
  /**
   * Size of an interface name buffer, its NUL included (names hold at most IFNAMSIZ - 1 bytes). netdevice(7).
   * @category Addresses and limits
   */
  IFNAMSIZ,
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
