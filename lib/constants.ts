// OS constants, as the addon read them from the C headers (native/constants.cc).
// Only the names are written here, for types and named exports; every value
// comes from the addon. test/constants.test.ts checks both lists agree.
import { binding } from './binding';

/**
 * The names of every OS constant this package exports, in the order of
 * native/constants_list.h; each is also a named export and a key of
 * {@link constants}.
 */
export const CONSTANT_NAMES = [
  'AF_UNSPEC', 'AF_INET', 'AF_INET6', 'AF_UNIX', 'AF_LOCAL', 'AF_PACKET', 'AF_NETLINK', 'PF_UNSPEC',
  'PF_INET', 'PF_INET6', 'PF_UNIX', 'PF_PACKET', 'PF_NETLINK', 'SOCK_STREAM', 'SOCK_DGRAM',
  'SOCK_RAW', 'SOCK_SEQPACKET', 'SOCK_RDM', 'SOCK_NONBLOCK', 'SOCK_CLOEXEC', 'SOL_SOCKET', 'SOL_IP',
  'SOL_IPV6', 'SOL_TCP', 'SOL_UDP', 'SOL_RAW', 'ICMP_FILTER', 'SOL_PACKET', 'IPPROTO_IP', 'IPPROTO_IPV6',
  'IPPROTO_ICMP', 'IPPROTO_ICMPV6', 'IPPROTO_IGMP', 'IPPROTO_TCP', 'IPPROTO_UDP', 'IPPROTO_UDPLITE',
  'IPPROTO_RAW', 'IPPROTO_SCTP', 'IPPROTO_GRE', 'IPPROTO_ESP', 'IPPROTO_AH', 'IPPROTO_HOPOPTS',
  'IPPROTO_ROUTING', 'IPPROTO_FRAGMENT', 'IPPROTO_NONE', 'IPPROTO_DSTOPTS', 'IPPROTO_MPTCP',
  'SO_DEBUG', 'SO_REUSEADDR', 'SO_REUSEPORT', 'SO_TYPE', 'SO_ERROR', 'SO_DONTROUTE', 'SO_BROADCAST',
  'SO_SNDBUF', 'SO_RCVBUF', 'SO_SNDBUFFORCE', 'SO_RCVBUFFORCE', 'SO_KEEPALIVE', 'SO_OOBINLINE',
  'SO_NO_CHECK', 'SO_PRIORITY', 'SO_LINGER', 'SO_BSDCOMPAT', 'SO_PASSCRED', 'SO_PEERCRED',
  'SO_RCVLOWAT', 'SO_SNDLOWAT', 'SO_RCVTIMEO', 'SO_SNDTIMEO', 'SO_BINDTODEVICE', 'SO_ATTACH_FILTER',
  'SO_DETACH_FILTER', 'SO_PEERNAME', 'SO_TIMESTAMP', 'SO_TIMESTAMPNS', 'SO_TIMESTAMPING',
  'SO_ACCEPTCONN', 'SO_PEERSEC', 'SO_PASSSEC', 'SO_MARK', 'SO_PROTOCOL', 'SO_DOMAIN', 'SO_RXQ_OVFL',
  'SO_WIFI_STATUS', 'SO_PEEK_OFF', 'SO_NOFCS', 'SO_LOCK_FILTER', 'SO_SELECT_ERR_QUEUE',
  'SO_BUSY_POLL', 'SO_MAX_PACING_RATE', 'SO_INCOMING_CPU', 'SO_ZEROCOPY', 'SO_TXTIME',
  'SO_BINDTOIFINDEX', 'IP_TOS', 'IP_TTL', 'IP_HDRINCL', 'IP_OPTIONS', 'IP_RECVOPTS', 'IP_RETOPTS',
  'IP_PKTINFO', 'IP_PKTOPTIONS', 'IP_MTU_DISCOVER', 'IP_RECVERR', 'IP_RECVTTL', 'IP_RECVTOS',
  'IP_MTU', 'IP_FREEBIND', 'IP_PASSSEC', 'IP_TRANSPARENT', 'IP_ORIGDSTADDR', 'IP_RECVORIGDSTADDR',
  'IP_MINTTL', 'IP_NODEFRAG', 'IP_CHECKSUM', 'IP_BIND_ADDRESS_NO_PORT', 'IP_RECVFRAGSIZE',
  'IP_MULTICAST_IF', 'IP_MULTICAST_TTL', 'IP_MULTICAST_LOOP', 'IP_ADD_MEMBERSHIP',
  'IP_DROP_MEMBERSHIP', 'IP_UNBLOCK_SOURCE', 'IP_BLOCK_SOURCE', 'IP_ADD_SOURCE_MEMBERSHIP',
  'IP_DROP_SOURCE_MEMBERSHIP', 'IP_MULTICAST_ALL', 'IP_PMTUDISC_DONT', 'IP_PMTUDISC_WANT',
  'IP_PMTUDISC_DO', 'IP_PMTUDISC_PROBE', 'IP_DEFAULT_MULTICAST_TTL', 'IP_DEFAULT_MULTICAST_LOOP',
  'IPV6_ADDRFORM', 'IPV6_PKTINFO', 'IPV6_HOPOPTS', 'IPV6_DSTOPTS', 'IPV6_RTHDR', 'IPV6_CHECKSUM',
  'IPV6_HOPLIMIT', 'IPV6_NEXTHOP', 'IPV6_AUTHHDR', 'IPV6_UNICAST_HOPS', 'IPV6_MULTICAST_IF',
  'IPV6_MULTICAST_HOPS', 'IPV6_MULTICAST_LOOP', 'IPV6_JOIN_GROUP', 'IPV6_LEAVE_GROUP',
  'IPV6_ROUTER_ALERT', 'IPV6_MTU_DISCOVER', 'IPV6_MTU', 'IPV6_RECVERR', 'IPV6_V6ONLY',
  'IPV6_JOIN_ANYCAST', 'IPV6_LEAVE_ANYCAST', 'IPV6_RECVPKTINFO', 'IPV6_RECVHOPLIMIT',
  'IPV6_RECVRTHDR', 'IPV6_RECVHOPOPTS', 'IPV6_RECVDSTOPTS', 'IPV6_RECVPATHMTU', 'IPV6_PATHMTU',
  'IPV6_DONTFRAG', 'IPV6_RECVTCLASS', 'IPV6_TCLASS', 'IPV6_FREEBIND', 'IPV6_TRANSPARENT',
  'IPV6_RECVORIGDSTADDR', 'IPV6_MINHOPCOUNT', 'IPV6_MULTICAST_ALL', 'TCP_NODELAY', 'TCP_MAXSEG',
  'TCP_CORK', 'TCP_KEEPIDLE', 'TCP_KEEPINTVL', 'TCP_KEEPCNT', 'TCP_SYNCNT', 'TCP_LINGER2',
  'TCP_DEFER_ACCEPT', 'TCP_WINDOW_CLAMP', 'TCP_INFO', 'TCP_QUICKACK', 'TCP_CONGESTION', 'TCP_MD5SIG',
  'TCP_THIN_LINEAR_TIMEOUTS', 'TCP_THIN_DUPACK', 'TCP_USER_TIMEOUT', 'TCP_REPAIR', 'TCP_FASTOPEN',
  'TCP_TIMESTAMP', 'TCP_NOTSENT_LOWAT', 'TCP_FASTOPEN_CONNECT', 'TCP_ULP', 'TCP_TX_DELAY',
  'UDP_CORK', 'UDP_ENCAP', 'UDP_NO_CHECK6_TX', 'UDP_NO_CHECK6_RX', 'UDP_SEGMENT', 'UDP_GRO',
  'MSG_OOB', 'MSG_PEEK', 'MSG_DONTROUTE', 'MSG_CTRUNC', 'MSG_PROXY', 'MSG_TRUNC', 'MSG_DONTWAIT',
  'MSG_EOR', 'MSG_WAITALL', 'MSG_FIN', 'MSG_SYN', 'MSG_CONFIRM', 'MSG_RST', 'MSG_ERRQUEUE',
  'MSG_NOSIGNAL', 'MSG_MORE', 'MSG_WAITFORONE', 'MSG_BATCH', 'MSG_ZEROCOPY', 'MSG_FASTOPEN',
  'MSG_CMSG_CLOEXEC', 'SHUT_RD', 'SHUT_WR', 'SHUT_RDWR', 'SCM_RIGHTS', 'SCM_CREDENTIALS',
  'SCM_TIMESTAMP', 'SCM_TIMESTAMPNS', 'SCM_TIMESTAMPING', 'ETH_P_ALL', 'ETH_P_IP', 'ETH_P_IPV6',
  'ETH_P_ARP', 'ETH_P_LOOP', 'ETH_P_8021Q', 'SOMAXCONN', 'INADDR_ANY', 'INADDR_LOOPBACK',
  'INADDR_BROADCAST', 'INADDR_NONE', 'PACKET_ADD_MEMBERSHIP', 'PACKET_DROP_MEMBERSHIP',
  'PACKET_MR_PROMISC', 'PACKET_MR_MULTICAST', 'PACKET_MR_ALLMULTI', 'PACKET_HOST',
  'PACKET_BROADCAST', 'PACKET_MULTICAST', 'PACKET_OTHERHOST', 'PACKET_OUTGOING', 'PACKET_AUXDATA',
  'PACKET_IGNORE_OUTGOING',
  'BPF_LD', 'BPF_LDX', 'BPF_ST', 'BPF_STX', 'BPF_ALU', 'BPF_JMP', 'BPF_RET', 'BPF_MISC', 'BPF_W', 'BPF_H', 'BPF_B', 'BPF_IMM', 'BPF_ABS', 'BPF_IND', 'BPF_MEM', 'BPF_LEN', 'BPF_MSH', 'BPF_ADD', 'BPF_SUB', 'BPF_MUL', 'BPF_DIV', 'BPF_OR', 'BPF_AND', 'BPF_LSH', 'BPF_RSH', 'BPF_NEG', 'BPF_MOD', 'BPF_XOR', 'BPF_JA', 'BPF_JEQ', 'BPF_JGT', 'BPF_JGE', 'BPF_JSET', 'BPF_K', 'BPF_X', 'BPF_A', 'BPF_TAX', 'BPF_TXA', 'BPF_MAXINSNS', 'BPF_MEMWORDS', 'SKF_AD_OFF', 'SKF_AD_PROTOCOL', 'SKF_AD_PKTTYPE', 'SKF_AD_IFINDEX', 'SKF_AD_NLATTR', 'SKF_AD_NLATTR_NEST', 'SKF_AD_MARK', 'SKF_AD_QUEUE', 'SKF_AD_HATYPE', 'SKF_AD_RXHASH', 'SKF_AD_CPU', 'SKF_AD_ALU_XOR_X', 'SKF_AD_VLAN_TAG', 'SKF_AD_VLAN_TAG_PRESENT', 'SKF_AD_PAY_OFFSET', 'SKF_AD_RANDOM', 'SKF_AD_VLAN_TPID', 'SKF_AD_MAX', 'SKF_NET_OFF', 'SKF_LL_OFF', 'PACKET_VERSION', 'PACKET_RX_RING', 'PACKET_TX_RING', 'PACKET_STATISTICS', 'PACKET_FANOUT', 'PACKET_FANOUT_HASH', 'PACKET_FANOUT_LB', 'PACKET_FANOUT_CPU', 'PACKET_FANOUT_ROLLOVER', 'PACKET_FANOUT_RND', 'PACKET_FANOUT_QM', 'PACKET_FANOUT_FLAG_ROLLOVER', 'PACKET_FANOUT_FLAG_DEFRAG', 'PACKET_LOSS', 'PACKET_RESERVE', 'PACKET_TIMESTAMP', 'PACKET_QDISC_BYPASS', 'TP_STATUS_KERNEL', 'TP_STATUS_USER', 'TP_STATUS_COPY', 'TP_STATUS_LOSING', 'TP_STATUS_CSUMNOTREADY', 'TP_STATUS_VLAN_VALID', 'TP_STATUS_BLK_TMO', 'TPACKET_ALIGNMENT', 'TPACKET_V1', 'TPACKET_V2', 'TPACKET_V3',
  'ARPHRD_ETHER', 'ARPHRD_LOOPBACK', 'ARPHRD_NONE', 'NETLINK_ROUTE',
  'NETLINK_GENERIC', 'NETLINK_NETFILTER', 'NETLINK_SOCK_DIAG', 'NETLINK_KOBJECT_UEVENT',
  'NETLINK_ADD_MEMBERSHIP', 'NETLINK_DROP_MEMBERSHIP', 'NETLINK_PKTINFO', 'NETLINK_NO_ENOBUFS',
  'NETLINK_EXT_ACK', 'NLM_F_REQUEST', 'NLM_F_MULTI', 'NLM_F_ACK', 'NLM_F_ECHO', 'NLM_F_ROOT',
  'NLM_F_MATCH', 'NLM_F_ATOMIC', 'NLM_F_DUMP', 'NLM_F_REPLACE', 'NLM_F_EXCL', 'NLM_F_CREATE',
  'NLM_F_APPEND', 'NLMSG_NOOP', 'NLMSG_ERROR', 'NLMSG_DONE', 'NLMSG_OVERRUN', 'NLMSG_ALIGNTO',
  'RTM_NEWLINK', 'RTM_DELLINK', 'RTM_GETLINK', 'RTM_NEWADDR', 'RTM_DELADDR', 'RTM_GETADDR',
  'RTM_NEWROUTE', 'RTM_DELROUTE', 'RTM_GETROUTE', 'RTA_ALIGNTO', 'IFF_UP', 'IFF_BROADCAST',
  'IFF_LOOPBACK', 'IFF_RUNNING', 'IFF_PROMISC', 'IFF_MULTICAST', 'RTMGRP_LINK', 'RTMGRP_IPV4_IFADDR',
  'RTMGRP_IPV6_IFADDR', 'IFNAMSIZ', 'IFLA_ADDRESS', 'IFLA_BROADCAST', 'IFLA_IFNAME', 'IFLA_MTU',
  'IFLA_LINK', 'IFLA_OPERSTATE', 'IFA_ADDRESS', 'IFA_LOCAL', 'IFA_LABEL', 'IFA_BROADCAST',
  'CAP_NET_RAW', 'CAP_NET_ADMIN', 'CAP_NET_BIND_SERVICE',
  'AI_PASSIVE', 'AI_CANONNAME', 'AI_NUMERICHOST', 'AI_NUMERICSERV', 'AI_V4MAPPED', 'AI_ALL', 'AI_ADDRCONFIG',
  'NI_NUMERICHOST', 'NI_NUMERICSERV', 'NI_NOFQDN', 'NI_NAMEREQD', 'NI_DGRAM', 'NI_MAXHOST', 'NI_MAXSERV',
  'EAI_ADDRFAMILY', 'EAI_AGAIN', 'EAI_BADFLAGS', 'EAI_FAIL', 'EAI_FAMILY', 'EAI_MEMORY',
  'EAI_NODATA', 'EAI_NONAME', 'EAI_OVERFLOW', 'EAI_SERVICE', 'EAI_SOCKTYPE', 'EAI_SYSTEM',
] as const;

/** The name of one OS constant: a key of {@link constants}. */
export type ConstantName = (typeof CONSTANT_NAMES)[number];

/**
 * Every constant, frozen: `constants.AF_INET`. The values are those of the
 * C headers the addon was built against (`<sys/socket.h>`, `<netinet/in.h>`,
 * `<linux/netlink.h>`, …); none is typed by hand.
 */
export const constants: Readonly<Record<ConstantName, number>> = Object.freeze(
  Object.fromEntries(CONSTANT_NAMES.map((name) => [name, binding.constants[name]])),
) as Readonly<Record<ConstantName, number>>;

/** The C structs whose sizes {@link sizeof} gives. */
export type StructName = 'nlmsghdr' | 'nlmsgerr' | 'ifinfomsg' | 'ifaddrmsg' | 'rtattr' | 'sockaddr_ll'
  | 'packet_mreq' | 'ip_mreqn' | 'ipv6_mreq' | 'linger' | 'timeval' | 'sockaddr_storage'
  | 'sock_filter' | 'tpacket_req3' | 'tpacket_stats_v3' | 'tpacket_block_desc' | 'tpacket3_hdr';

/**
 * Sizes in bytes of C structs a program builds by hand (netlink messages,
 * options), from the headers: `sizeof.nlmsghdr` is C's `sizeof(struct nlmsghdr)`.
 */
export const sizeof = Object.freeze({ ...binding.sizeof }) as Readonly<Record<StructName, number>>;

// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference.
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
  /**
   * On an IPPROTO_ICMP raw socket, a 32-bit mask: bit n set drops ICMP type n. raw(7), <linux/icmp.h>.
   * @category Options: SOL_RAW
   */
  ICMP_FILTER,
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
  /** Enables socket debugging (needs CAP_NET_ADMIN). socket(7). @category Options: SOL_SOCKET */
  SO_DEBUG,
  /**
   * bind(2) may reuse a local address unless a socket listens on it (boolean). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_REUSEADDR,
  /**
   * Several sockets may bind the same address and port; the kernel spreads connections or datagrams among them
   * (boolean). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_REUSEPORT,
  /** Read only: the socket type, such as SOCK_STREAM. socket(7). @category Options: SOL_SOCKET */
  SO_TYPE,
  /** Read only: the pending socket error, cleared by the read. socket(7). @category Options: SOL_SOCKET */
  SO_ERROR,
  /** Sends only to directly connected hosts, bypassing gateways (boolean). socket(7). @category Options: SOL_SOCKET */
  SO_DONTROUTE,
  /** Allows datagrams to broadcast addresses (boolean). socket(7). @category Options: SOL_SOCKET */
  SO_BROADCAST,
  /** Send buffer size in bytes; the kernel doubles the value set. socket(7). @category Options: SOL_SOCKET */
  SO_SNDBUF,
  /** Receive buffer size in bytes; the kernel doubles the value set. socket(7). @category Options: SOL_SOCKET */
  SO_RCVBUF,
  /** As SO_SNDBUF, past net.core.wmem_max (needs CAP_NET_ADMIN). socket(7). @category Options: SOL_SOCKET */
  SO_SNDBUFFORCE,
  /** As SO_RCVBUF, past net.core.rmem_max (needs CAP_NET_ADMIN). socket(7). @category Options: SOL_SOCKET */
  SO_RCVBUFFORCE,
  /**
   * Sends keepalive probes on a connection (boolean; tune with TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_KEEPALIVE,
  /** Out-of-band data stays in the normal data stream (boolean). socket(7). @category Options: SOL_SOCKET */
  SO_OOBINLINE,
  /** Sends UDP over IPv4 without checksums (boolean). socket(7). @category Options: SOL_SOCKET */
  SO_NO_CHECK,
  /**
   * Protocol-defined priority of every packet sent (0–6 without CAP_NET_ADMIN). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_PRIORITY,
  /** How close(2) waits for unsent data: a {@link LingerOption}. socket(7). @category Options: SOL_SOCKET */
  SO_LINGER,
  /** Obsolete BSD compatibility switch; Linux ignores it. socket(7). @category Options: SOL_SOCKET */
  SO_BSDCOMPAT,
  /** Receive SCM_CREDENTIALS control messages on a Unix socket (boolean). unix(7). @category Options: SOL_SOCKET */
  SO_PASSCRED,
  /** Read only: the `{ pid, uid, gid }` of a connected Unix socket's peer. unix(7). @category Options: SOL_SOCKET */
  SO_PEERCRED,
  /**
   * Bytes that must be queued before a receive returns or the socket reads as readable. socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_RCVLOWAT,
  /**
   * Minimum bytes a send handles; fixed on Linux (setting it fails with ENOPROTOOPT). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_SNDLOWAT,
  /**
   * The kernel's receive timeout, in milliseconds here (a timeval in C). This library's fds are non-blocking in the
   * kernel, so its own calls wait by {@link Socket.settimeout} instead. socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_RCVTIMEO,
  /**
   * The kernel's send timeout, in milliseconds here (a timeval in C). This library's own calls wait by {@link
   * Socket.settimeout} instead. socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_SNDTIMEO,
  /**
   * Binds the socket to one network interface, by name (a string; '' unbinds). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_BINDTODEVICE,
  /** Attaches a classic BPF program (struct sock_fprog). socket(7). @category Options: SOL_SOCKET */
  SO_ATTACH_FILTER,
  /** Removes the filter attached with SO_ATTACH_FILTER. socket(7). @category Options: SOL_SOCKET */
  SO_DETACH_FILTER,
  /** Read only: the peer's address, as getpeername(2) gives it. socket(7). @category Options: SOL_SOCKET */
  SO_PEERNAME,
  /**
   * Receive each packet's arrival time as an SCM_TIMESTAMP control message (a timeval; boolean). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_TIMESTAMP,
  /**
   * Receive each packet's arrival time as an SCM_TIMESTAMPNS control message (a timespec; boolean). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_TIMESTAMPNS,
  /**
   * Flags for software and hardware transmit and receive timestamps (SCM_TIMESTAMPING). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_TIMESTAMPING,
  /** Read only: whether the socket listens (boolean). socket(7). @category Options: SOL_SOCKET */
  SO_ACCEPTCONN,
  /** Read only: the security context of a Unix socket's peer (LSM). unix(7). @category Options: SOL_SOCKET */
  SO_PEERSEC,
  /**
   * Receive SCM_SECURITY control messages with the peer's security context (boolean). unix(7).
   * @category Options: SOL_SOCKET
   */
  SO_PASSSEC,
  /**
   * The mark of every packet sent, for routing and netfilter (needs CAP_NET_ADMIN). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_MARK,
  /** Read only: the socket's protocol. socket(7). @category Options: SOL_SOCKET */
  SO_PROTOCOL,
  /** Read only: the socket's address family. socket(7). @category Options: SOL_SOCKET */
  SO_DOMAIN,
  /**
   * Receive a control message counting the packets the socket has dropped since it was created. socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_RXQ_OVFL,
  /** Receive Wi-Fi transmit status as control messages. <sys/socket.h>. @category Options: SOL_SOCKET */
  SO_WIFI_STATUS,
  /** The offset at which a MSG_PEEK receive starts (-1: off). socket(7). @category Options: SOL_SOCKET */
  SO_PEEK_OFF,
  /**
   * Sends frames without an Ethernet frame check sequence (packet sockets, where the driver supports it).
   * <sys/socket.h>.
   * @category Options: SOL_SOCKET
   */
  SO_NOFCS,
  /** Locks the attached filter: it can no longer be changed or removed. socket(7). @category Options: SOL_SOCKET */
  SO_LOCK_FILTER,
  /**
   * A message on the error queue makes poll(2) report POLLPRI as well as POLLERR. socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_SELECT_ERR_QUEUE,
  /**
   * Microseconds to busy-poll the device queue on a blocking receive (raising it needs CAP_NET_ADMIN). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_BUSY_POLL,
  /**
   * The highest pacing rate, in bytes per second (TCP pacing, the fq qdisc). <sys/socket.h>.
   * @category Options: SOL_SOCKET
   */
  SO_MAX_PACING_RATE,
  /**
   * The CPU the socket's received packets are processed on (its CPU affinity). socket(7).
   * @category Options: SOL_SOCKET
   */
  SO_INCOMING_CPU,
  /**
   * Allows MSG_ZEROCOPY sends, whose completions arrive on the error queue (boolean). <sys/socket.h>.
   * @category Options: SOL_SOCKET
   */
  SO_ZEROCOPY,
  /**
   * Allows SCM_TXTIME control messages giving each packet's transmit time (the etf qdisc). <sys/socket.h>.
   * @category Options: SOL_SOCKET
   */
  SO_TXTIME,
  /** As SO_BINDTODEVICE, by interface index. socket(7). @category Options: SOL_SOCKET */
  SO_BINDTOIFINDEX,
  /** The Type of Service (DSCP and ECN) byte of packets sent. ip(7). @category Options: IPPROTO_IP */
  IP_TOS,
  /** The time-to-live of unicast packets sent. ip(7). @category Options: IPPROTO_IP */
  IP_TTL,
  /**
   * On a raw socket, the data sent carries its own IP header (boolean). ip(7), raw(7).
   * @category Options: IPPROTO_IP
   */
  IP_HDRINCL,
  /** IP options sent with every packet (bytes). ip(7). @category Options: IPPROTO_IP */
  IP_OPTIONS,
  /** Receive the IP options of incoming packets as IP_OPTIONS control messages. ip(7). @category Options: IPPROTO_IP */
  IP_RECVOPTS,
  /**
   * As IP_RECVOPTS, raw: timestamp and record-route options are not filled in for this hop. ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_RETOPTS,
  /**
   * Receive IP_PKTINFO control messages (interface and destination address); a sent one picks the source (boolean;
   * ancillary kind 'pktinfo'). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_PKTINFO,
  /**
   * Linux legacy: the IP control messages kept for a stream socket (getsockopt). <netinet/in.h>.
   * @category Options: IPPROTO_IP
   */
  IP_PKTOPTIONS,
  /** Path MTU discovery mode: IP_PMTUDISC_DONT, _WANT, _DO or _PROBE. ip(7). @category Options: IPPROTO_IP */
  IP_MTU_DISCOVER,
  /**
   * Queue extended errors (ICMP, local) on the error queue, read with MSG_ERRQUEUE as ancillary kind 'error'
   * (boolean). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_RECVERR,
  /** Receive each packet's TTL as an IP_TTL control message (boolean). ip(7). @category Options: IPPROTO_IP */
  IP_RECVTTL,
  /** Receive each packet's TOS byte as an IP_TOS control message (boolean). ip(7). @category Options: IPPROTO_IP */
  IP_RECVTOS,
  /** Read only, on a connected socket: the known path MTU. ip(7). @category Options: IPPROTO_IP */
  IP_MTU,
  /** bind(2) may take an address that is not (yet) local (boolean). ip(7). @category Options: IPPROTO_IP */
  IP_FREEBIND,
  /** Receive SCM_SECURITY control messages (labeled IPsec). ip(7). @category Options: IPPROTO_IP */
  IP_PASSSEC,
  /**
   * Transparent proxying: bind to and send from non-local addresses (boolean; needs CAP_NET_ADMIN). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_TRANSPARENT,
  /**
   * Control message type of a datagram's original destination address (see IP_RECVORIGDSTADDR). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_ORIGDSTADDR,
  /**
   * Receive each datagram's original destination as an IP_ORIGDSTADDR control message (TPROXY; boolean). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_RECVORIGDSTADDR,
  /** Drops packets whose TTL is below this (RFC 5082, GTSM). ip(7). @category Options: IPPROTO_IP */
  IP_MINTTL,
  /**
   * On a raw socket, netfilter does not reassemble the socket's fragmented packets (boolean). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_NODEFRAG,
  /** Receive a datagram's checksum as an IP_CHECKSUM control message. <netinet/in.h>. @category Options: IPPROTO_IP */
  IP_CHECKSUM,
  /**
   * bind(2) to port 0 leaves choosing the port to connect(2), so ports can be shared across destinations (boolean).
   * ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_BIND_ADDRESS_NO_PORT,
  /**
   * Receive the size of a reassembled datagram's largest fragment as a control message. <netinet/in.h>.
   * @category Options: IPPROTO_IP
   */
  IP_RECVFRAGSIZE,
  /** The interface of multicast sent, as its IPv4 address (a string here). ip(7). @category Options: IPPROTO_IP */
  IP_MULTICAST_IF,
  /** The TTL of multicast sent (default {@link IP_DEFAULT_MULTICAST_TTL}). ip(7). @category Options: IPPROTO_IP */
  IP_MULTICAST_TTL,
  /** Whether multicast sent loops back to this host's sockets (boolean). ip(7). @category Options: IPPROTO_IP */
  IP_MULTICAST_LOOP,
  /** Joins a multicast group: a {@link MembershipOption} (struct ip_mreqn). ip(7). @category Options: IPPROTO_IP */
  IP_ADD_MEMBERSHIP,
  /** Leaves a multicast group: a {@link MembershipOption} (struct ip_mreqn). ip(7). @category Options: IPPROTO_IP */
  IP_DROP_MEMBERSHIP,
  /**
   * Receives again from a blocked source of a joined group (struct ip_mreq_source, bytes). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_UNBLOCK_SOURCE,
  /**
   * Stops receiving from one source of a joined group (struct ip_mreq_source, bytes). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_BLOCK_SOURCE,
  /**
   * Joins a group for one source only (source-specific multicast; struct ip_mreq_source, bytes). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_ADD_SOURCE_MEMBERSHIP,
  /** Leaves a source-specific group (struct ip_mreq_source, bytes). ip(7). @category Options: IPPROTO_IP */
  IP_DROP_SOURCE_MEMBERSHIP,
  /**
   * Whether a socket bound to the wildcard address gets the multicast of every group joined on the host (1, the
   * default) or only of its own (boolean). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_MULTICAST_ALL,
  /** IP_MTU_DISCOVER value: never set Don't Fragment. ip(7). @category Options: IPPROTO_IP */
  IP_PMTUDISC_DONT,
  /**
   * IP_MTU_DISCOVER value: fragment by the path MTU when needed, else set Don't Fragment. ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_PMTUDISC_WANT,
  /**
   * IP_MTU_DISCOVER value: always set Don't Fragment; a send over the path MTU fails with EMSGSIZE. ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_PMTUDISC_DO,
  /**
   * IP_MTU_DISCOVER value: set Don't Fragment but ignore the path MTU (to probe it). ip(7).
   * @category Options: IPPROTO_IP
   */
  IP_PMTUDISC_PROBE,
  /** The default IP_MULTICAST_TTL (1). <netinet/in.h>. @category Options: IPPROTO_IP */
  IP_DEFAULT_MULTICAST_TTL,
  /** The default IP_MULTICAST_LOOP (1). <netinet/in.h>. @category Options: IPPROTO_IP */
  IP_DEFAULT_MULTICAST_LOOP,
  /**
   * Turns an AF_INET6 socket using a v4-mapped address into an AF_INET one. ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_ADDRFORM,
  /**
   * Control message of the interface and address: received with IPV6_RECVPKTINFO, sent to pick the source (ancillary
   * kind 'pktinfo'). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_PKTINFO,
  /** Control message type of hop-by-hop options (see IPV6_RECVHOPOPTS). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_HOPOPTS,
  /** Control message type of destination options (see IPV6_RECVDSTOPTS). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_DSTOPTS,
  /** Control message type of a routing header (see IPV6_RECVRTHDR). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RTHDR,
  /**
   * On a raw socket, the offset of the checksum the kernel computes and checks (-1: none; RFC 3542). <netinet/in.h>.
   * @category Options: IPPROTO_IPV6
   */
  IPV6_CHECKSUM,
  /**
   * Control message type of a packet's hop limit (see IPV6_RECVHOPLIMIT; ancillary kind 'hoplimit'). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_HOPLIMIT,
  /** The next hop of packets sent, as a socket address (RFC 3542). <netinet/in.h>. @category Options: IPPROTO_IPV6 */
  IPV6_NEXTHOP,
  /** Legacy (RFC 2292): authentication header control messages. ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_AUTHHDR,
  /** The hop limit of unicast packets sent (-1: the route's default). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_UNICAST_HOPS,
  /** The interface of multicast sent, by index. ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_MULTICAST_IF,
  /** The hop limit of multicast sent (-1: the route's default). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_MULTICAST_HOPS,
  /** Whether multicast sent loops back to this host's sockets (boolean). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_MULTICAST_LOOP,
  /**
   * Joins a multicast group: a {@link MembershipOption} (struct ipv6_mreq: `multiaddr`, `ifindex`). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_JOIN_GROUP,
  /**
   * Leaves a multicast group: a {@link MembershipOption} (struct ipv6_mreq). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_LEAVE_GROUP,
  /**
   * On a raw socket, receive packets carrying the router alert option of this value. ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_ROUTER_ALERT,
  /**
   * Path MTU discovery mode; its values are those of IP_MTU_DISCOVER (IP_PMTUDISC_*). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_MTU_DISCOVER,
  /**
   * The MTU of the socket's packets; read on a connected socket, the path MTU. ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_MTU,
  /**
   * Queue extended errors (ICMPv6, local) on the error queue, read with MSG_ERRQUEUE as ancillary kind 'error'
   * (boolean). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_RECVERR,
  /** An AF_INET6 socket takes IPv6 only, no v4-mapped addresses (boolean). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_V6ONLY,
  /** Joins an anycast address (struct ipv6_mreq). <netinet/in.h>. @category Options: IPPROTO_IPV6 */
  IPV6_JOIN_ANYCAST,
  /** Leaves an anycast address (struct ipv6_mreq). <netinet/in.h>. @category Options: IPPROTO_IPV6 */
  IPV6_LEAVE_ANYCAST,
  /** Receive IPV6_PKTINFO control messages (boolean). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RECVPKTINFO,
  /** Receive IPV6_HOPLIMIT control messages (boolean). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RECVHOPLIMIT,
  /** Receive IPV6_RTHDR control messages. ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RECVRTHDR,
  /** Receive IPV6_HOPOPTS control messages. ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RECVHOPOPTS,
  /** Receive IPV6_DSTOPTS control messages. ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_RECVDSTOPTS,
  /**
   * Receive an IPV6_PATHMTU control message when the path MTU changes (RFC 3542). <netinet/in.h>.
   * @category Options: IPPROTO_IPV6
   */
  IPV6_RECVPATHMTU,
  /**
   * The path MTU (struct ip6_mtuinfo), read on a connected socket or received as a control message (RFC 3542).
   * <netinet/in.h>.
   * @category Options: IPPROTO_IPV6
   */
  IPV6_PATHMTU,
  /**
   * Packets sent are not fragmented; one over the path MTU fails with EMSGSIZE (boolean; RFC 3542). <netinet/in.h>.
   * @category Options: IPPROTO_IPV6
   */
  IPV6_DONTFRAG,
  /**
   * Receive each packet's traffic class as an IPV6_TCLASS control message (boolean). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_RECVTCLASS,
  /**
   * The traffic class of packets sent; also its control message type (ancillary kind 'tclass'). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_TCLASS,
  /** bind(2) may take an address that is not (yet) local (boolean). ipv6(7). @category Options: IPPROTO_IPV6 */
  IPV6_FREEBIND,
  /**
   * Transparent proxying: bind to and send from non-local addresses (boolean; needs CAP_NET_ADMIN). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_TRANSPARENT,
  /**
   * Receive each datagram's original destination as a control message (TPROXY). ipv6(7).
   * @category Options: IPPROTO_IPV6
   */
  IPV6_RECVORIGDSTADDR,
  /** Drops packets whose hop limit is below this (RFC 5082, GTSM). <netinet/in.h>. @category Options: IPPROTO_IPV6 */
  IPV6_MINHOPCOUNT,
  /** As IP_MULTICAST_ALL, for IPv6. <netinet/in.h>. @category Options: IPPROTO_IPV6 */
  IPV6_MULTICAST_ALL,
  /** Turns Nagle's algorithm off: small writes go out at once (boolean). tcp(7). @category Options: IPPROTO_TCP */
  TCP_NODELAY,
  /** The maximum segment size of outgoing segments. tcp(7). @category Options: IPPROTO_TCP */
  TCP_MAXSEG,
  /** Holds back partial frames until uncorked, for at most 200 ms (boolean). tcp(7). @category Options: IPPROTO_TCP */
  TCP_CORK,
  /**
   * Seconds a connection is idle before the first keepalive probe (with SO_KEEPALIVE). tcp(7).
   * @category Options: IPPROTO_TCP
   */
  TCP_KEEPIDLE,
  /** Seconds between keepalive probes. tcp(7). @category Options: IPPROTO_TCP */
  TCP_KEEPINTVL,
  /** Keepalive probes unanswered before the connection is dropped. tcp(7). @category Options: IPPROTO_TCP */
  TCP_KEEPCNT,
  /** SYN retransmits before connect(2) gives up. tcp(7). @category Options: IPPROTO_TCP */
  TCP_SYNCNT,
  /** Seconds an orphaned socket stays in FIN_WAIT2. tcp(7). @category Options: IPPROTO_TCP */
  TCP_LINGER2,
  /** Seconds a listener waits for data before accept(2) sees a connection. tcp(7). @category Options: IPPROTO_TCP */
  TCP_DEFER_ACCEPT,
  /** Bounds the advertised window. tcp(7). @category Options: IPPROTO_TCP */
  TCP_WINDOW_CLAMP,
  /** Read only: struct tcp_info (bytes: pass `buflen` to getsockopt). tcp(7). @category Options: IPPROTO_TCP */
  TCP_INFO,
  /**
   * Sends ACKs at once rather than delayed; the kernel may turn it off again (boolean). tcp(7).
   * @category Options: IPPROTO_TCP
   */
  TCP_QUICKACK,
  /** The congestion control algorithm, by name (a string such as 'cubic'). tcp(7). @category Options: IPPROTO_TCP */
  TCP_CONGESTION,
  /** TCP MD5 signatures, RFC 2385 (struct tcp_md5sig, bytes). <netinet/tcp.h>. @category Options: IPPROTO_TCP */
  TCP_MD5SIG,
  /** Linear retransmission timeouts for thin streams. tcp(7). @category Options: IPPROTO_TCP */
  TCP_THIN_LINEAR_TIMEOUTS,
  /**
   * Thin streams: fast retransmit after one duplicate ACK (a no-op on recent kernels). <netinet/tcp.h>.
   * @category Options: IPPROTO_TCP
   */
  TCP_THIN_DUPACK,
  /**
   * Milliseconds sent data may stay unacknowledged before the connection fails with ETIMEDOUT. tcp(7).
   * @category Options: IPPROTO_TCP
   */
  TCP_USER_TIMEOUT,
  /** Repair mode, for checkpoint and restore (needs CAP_NET_ADMIN). <netinet/tcp.h>. @category Options: IPPROTO_TCP */
  TCP_REPAIR,
  /** On a listener, the queue length of TCP Fast Open requests (RFC 7413). tcp(7). @category Options: IPPROTO_TCP */
  TCP_FASTOPEN,
  /** The offset of the connection's TCP timestamps (repair mode). <netinet/tcp.h>. @category Options: IPPROTO_TCP */
  TCP_TIMESTAMP,
  /**
   * Unsent bytes above which the socket no longer reads as writable. <netinet/tcp.h>.
   * @category Options: IPPROTO_TCP
   */
  TCP_NOTSENT_LOWAT,
  /**
   * connect(2) with TCP Fast Open: the first write's data rides in the SYN. <netinet/tcp.h>.
   * @category Options: IPPROTO_TCP
   */
  TCP_FASTOPEN_CONNECT,
  /**
   * Attaches an upper layer protocol, by name ('tls' for kernel TLS). <netinet/tcp.h>.
   * @category Options: IPPROTO_TCP
   */
  TCP_ULP,
  /** Microseconds added before each packet is sent (for testing). <netinet/tcp.h>. @category Options: IPPROTO_TCP */
  TCP_TX_DELAY,
  /** Collects the data of several sends into one datagram until uncorked. udp(7). @category Options: IPPROTO_UDP */
  UDP_CORK,
  /** Encapsulation type, such as ESP in UDP for IPsec NAT traversal. <netinet/udp.h>. @category Options: IPPROTO_UDP */
  UDP_ENCAP,
  /** Sends UDP over IPv6 with a zero checksum (RFC 6935). <netinet/udp.h>. @category Options: IPPROTO_UDP */
  UDP_NO_CHECK6_TX,
  /** Accepts UDP over IPv6 with a zero checksum (RFC 6935). <netinet/udp.h>. @category Options: IPPROTO_UDP */
  UDP_NO_CHECK6_RX,
  /** Segmentation offload: one large send leaves as datagrams of this size. udp(7). @category Options: IPPROTO_UDP */
  UDP_SEGMENT,
  /**
   * Receive offload: datagrams arrive coalesced, the segment size in a UDP_GRO control message. udp(7).
   * @category Options: IPPROTO_UDP
   */
  UDP_GRO,
  /** Sends or receives out-of-band data (TCP urgent data). send(2), recv(2). @category Message flags */
  MSG_OOB,
  /** Receives without removing the data from the queue. recv(2). @category Message flags */
  MSG_PEEK,
  /** Sends only to directly connected hosts, as SO_DONTROUTE for one call. send(2). @category Message flags */
  MSG_DONTROUTE,
  /**
   * In a received message's flags: control data was cut short ({@link Message.controlTruncated}). recvmsg(2).
   * @category Message flags
   */
  MSG_CTRUNC,
  /**
   * glibc's name for 0x10, which the kernel's own headers call MSG_PROBE: probe the path, send nothing.
   * <sys/socket.h>.
   * @category Message flags
   */
  MSG_PROXY,
  /**
   * Receiving: return a datagram's real length even when longer than the buffer. In a received message's flags: the
   * datagram was cut short ({@link Message.truncated}). recv(2).
   * @category Message flags
   */
  MSG_TRUNC,
  /** Does not wait for this one call, as on a non-blocking socket. send(2), recv(2). @category Message flags */
  MSG_DONTWAIT,
  /**
   * Ends a record (SOCK_SEQPACKET); in a received message's flags, a record ended. send(2), recvmsg(2).
   * @category Message flags
   */
  MSG_EOR,
  /**
   * Receiving: wait until the whole buffer is filled (or an error, the end of the stream, a timeout). recv(2).
   * @category Message flags
   */
  MSG_WAITALL,
  /**
   * In the headers for BSD compatibility; send(2) and recv(2) document no meaning for it on Linux. <sys/socket.h>.
   * @category Message flags
   */
  MSG_FIN,
  /**
   * In the headers for BSD compatibility; send(2) and recv(2) document no meaning for it on Linux. <sys/socket.h>.
   * @category Message flags
   */
  MSG_SYN,
  /**
   * Tells the link layer the peer answered, so its neighbour entry stays valid (UDP, raw). send(2).
   * @category Message flags
   */
  MSG_CONFIRM,
  /**
   * In the headers for BSD compatibility; send(2) and recv(2) document no meaning for it on Linux. <sys/socket.h>.
   * @category Message flags
   */
  MSG_RST,
  /**
   * Receives from the error queue (IP_RECVERR, IPV6_RECVERR, SO_ZEROCOPY): ancillary kind 'error'. recv(2).
   * @category Message flags
   */
  MSG_ERRQUEUE,
  /** No SIGPIPE on a broken stream; EPIPE only. This library adds it to every send. send(2). @category Message flags */
  MSG_NOSIGNAL,
  /** More data follows: hold the packet back, as TCP_CORK or UDP_CORK for one call. send(2). @category Message flags */
  MSG_MORE,
  /** recvmmsg(2): wait for the first message only, then take what is queued. recvmmsg(2). @category Message flags */
  MSG_WAITFORONE,
  /** sendmmsg(2)'s hint to the protocol that more messages follow. <sys/socket.h>. @category Message flags */
  MSG_BATCH,
  /**
   * Sends without copying (needs SO_ZEROCOPY); completions arrive on the error queue. send(2).
   * @category Message flags
   */
  MSG_ZEROCOPY,
  /**
   * sendto(2) on an unconnected TCP socket: connect with TCP Fast Open, the data in the SYN. tcp(7).
   * @category Message flags
   */
  MSG_FASTOPEN,
  /**
   * recvmsg(2): fds received with SCM_RIGHTS are close-on-exec; this library always sets it on Unix sockets.
   * recvmsg(2).
   * @category Message flags
   */
  MSG_CMSG_CLOEXEC,
  /** shutdown(2): no more receives. shutdown(2). @category shutdown() modes */
  SHUT_RD,
  /** shutdown(2): no more sends; a stream peer reads end of file. shutdown(2). @category shutdown() modes */
  SHUT_WR,
  /** shutdown(2): no more receives or sends. shutdown(2). @category shutdown() modes */
  SHUT_RDWR,
  /** Control message passing fds over a Unix socket (ancillary kind 'rights'). unix(7). @category Control messages */
  SCM_RIGHTS,
  /**
   * Control message with the sender's pid, uid and gid over a Unix socket (ancillary kind 'credentials'; SO_PASSCRED
   * to receive). unix(7).
   * @category Control messages
   */
  SCM_CREDENTIALS,
  /**
   * Control message of a packet's arrival time as a timeval (SO_TIMESTAMP; ancillary kind 'timestamp'). socket(7).
   * @category Control messages
   */
  SCM_TIMESTAMP,
  /**
   * Control message of a packet's arrival time as a timespec (SO_TIMESTAMPNS; ancillary kind 'timestamp'). socket(7).
   * @category Control messages
   */
  SCM_TIMESTAMPNS,
  /** Control message of SO_TIMESTAMPING's software and hardware timestamps. socket(7). @category Control messages */
  SCM_TIMESTAMPING,
  /**
   * Every protocol: `socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL))`. packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_ALL,
  /**
   * EtherType of IPv4 (0x0800); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_IP,
  /**
   * EtherType of IPv6 (0x86DD); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_IPV6,
  /**
   * EtherType of ARP (0x0806); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_ARP,
  /** EtherType of Ethernet loopback packets (0x0060). <linux/if_ether.h>. @category Packet sockets */
  ETH_P_LOOP,
  /** EtherType of an 802.1Q VLAN tag (0x8100). <linux/if_ether.h>. @category Packet sockets */
  ETH_P_8021Q,
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
   * Option at SOL_PACKET: adds a {@link PacketMembershipOption} (promiscuous mode, a multicast address). packet(7).
   * @category Packet sockets
   */
  PACKET_ADD_MEMBERSHIP,
  /** Option at SOL_PACKET: removes a {@link PacketMembershipOption}. packet(7). @category Packet sockets */
  PACKET_DROP_MEMBERSHIP,
  /** {@link PacketMembershipOption.type}: the interface receives every frame. packet(7). @category Packet sockets */
  PACKET_MR_PROMISC,
  /**
   * {@link PacketMembershipOption.type}: the interface receives one multicast address. packet(7).
   * @category Packet sockets
   */
  PACKET_MR_MULTICAST,
  /**
   * {@link PacketMembershipOption.type}: the interface receives every multicast frame. packet(7).
   * @category Packet sockets
   */
  PACKET_MR_ALLMULTI,
  /** {@link PacketAddress.pkttype}: a frame addressed to this host. packet(7). @category Packet sockets */
  PACKET_HOST,
  /** {@link PacketAddress.pkttype}: a link-layer broadcast frame. packet(7). @category Packet sockets */
  PACKET_BROADCAST,
  /** {@link PacketAddress.pkttype}: a link-layer multicast frame. packet(7). @category Packet sockets */
  PACKET_MULTICAST,
  /**
   * {@link PacketAddress.pkttype}: a frame to another host, seen in promiscuous mode. packet(7).
   * @category Packet sockets
   */
  PACKET_OTHERHOST,
  /** {@link PacketAddress.pkttype}: a frame this host sent, looped back. packet(7). @category Packet sockets */
  PACKET_OUTGOING,
  /**
   * Option at SOL_PACKET: receive struct tpacket_auxdata (VLAN tag, original length) as a control message (boolean).
   * packet(7).
   * @category Packet sockets
   */
  PACKET_AUXDATA,
  /** Option at SOL_PACKET: do not receive frames this host sends (boolean). packet(7). @category Packet sockets */
  PACKET_IGNORE_OUTGOING,
  /** Instruction class: load into A. <linux/bpf_common.h>, bpf(4). @category Packet filters (BPF) */
  BPF_LD,
  /** Instruction class: load into X. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LDX,
  /** Instruction class: store A into scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ST,
  /** Instruction class: store X into scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_STX,
  /** Instruction class: arithmetic on A. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ALU,
  /** Instruction class: jumps (forward only). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JMP,
  /** Instruction class: return, accepting that many bytes of the packet (0 drops it). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_RET,
  /** Instruction class: register moves (TAX, TXA). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MISC,
  /** Load size: a 32-bit word, big-endian. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_W,
  /** Load size: a 16-bit half word, big-endian. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_H,
  /** Load size: one byte. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_B,
  /** Load mode: the constant k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_IMM,
  /** Load mode: the packet at offset k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ABS,
  /** Load mode: the packet at offset X + k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_IND,
  /** Load mode: scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MEM,
  /** Load mode: the packet's length. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LEN,
  /** Load mode (LDX B only): 4 × (packet[k] & 0xf), an IPv4 header's length. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MSH,
  /** ALU operation: A + operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ADD,
  /** ALU operation: A − operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_SUB,
  /** ALU operation: A × operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MUL,
  /** ALU operation: A ÷ operand (unsigned; by 0 the filter returns 0). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_DIV,
  /** ALU operation: A | operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_OR,
  /** ALU operation: A & operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_AND,
  /** ALU operation: A << operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LSH,
  /** ALU operation: A >> operand (logical). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_RSH,
  /** ALU operation: −A. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_NEG,
  /** ALU operation: A mod operand (by 0 the filter returns 0). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MOD,
  /** ALU operation: A ^ operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_XOR,
  /** Jump: always, by k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JA,
  /** Jump: to jt if A == operand, else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JEQ,
  /** Jump: to jt if A > operand (unsigned), else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JGT,
  /** Jump: to jt if A >= operand (unsigned), else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JGE,
  /** Jump: to jt if A & operand is not 0, else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JSET,
  /** Operand source: the constant k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_K,
  /** Operand source: the register X. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_X,
  /** Return value source: the register A. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_A,
  /** MISC operation: X = A. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_TAX,
  /** MISC operation: A = X. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_TXA,
  /** The most instructions a classic BPF program may have. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MAXINSNS,
  /** Words of scratch memory M[] a classic BPF program has. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_MEMWORDS,
  /** Loads at SKF_AD_OFF + n read ancillary data (protocol, packet type, …), not the packet. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_OFF,
  /** Ancillary load: the frame's protocol (ETH_P_*), in host order. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PROTOCOL,
  /** Ancillary load: the packet type (PACKET_HOST, PACKET_OUTGOING, …). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PKTTYPE,
  /** Ancillary load: the index of the interface. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_IFINDEX,
  /** Ancillary load: the offset of the netlink attribute of type X, searched from offset A (0 if none). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_NLATTR,
  /** Ancillary load: as SKF_AD_NLATTR, inside the nested attribute at offset A. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_NLATTR_NEST,
  /** Ancillary load: the packet's mark (SO_MARK, netfilter). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_MARK,
  /** Ancillary load: the packet's receive queue (queue_mapping). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_QUEUE,
  /** Ancillary load: the interface's hardware type (ARPHRD_*). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_HATYPE,
  /** Ancillary load: the packet's flow hash. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_RXHASH,
  /** Ancillary load: the number of the CPU running the filter. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_CPU,
  /** Ancillary operation: A = A ^ X. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_ALU_XOR_X,
  /** Ancillary load: the VLAN tag control information the NIC stripped. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TAG,
  /** Ancillary load: 1 if the NIC stripped a VLAN tag, else 0. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TAG_PRESENT,
  /** Ancillary load: the offset of the payload past the transport header, as the flow dissector finds it. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PAY_OFFSET,
  /** Ancillary load: a random 32-bit number. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_RANDOM,
  /** Ancillary load: the stripped VLAN tag's protocol (TPID). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TPID,
  /** The end of the ancillary offsets: SKF_AD_OFF + n is one only for n below it. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_MAX,
  /** Loads at SKF_NET_OFF + n read from the network header. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_NET_OFF,
  /** Loads at SKF_LL_OFF + n read from the link-layer header. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_LL_OFF,
  /** Option at SOL_PACKET: the ring's frame header version (TPACKET_V1/V2/V3). packet(7). @category Packet rings */
  PACKET_VERSION,
  /** Option at SOL_PACKET: set up a receive ring (struct tpacket_req3 for TPACKET_V3) to mmap(2). packet(7). @category Packet rings */
  PACKET_RX_RING,
  /** Option at SOL_PACKET: set up a transmit ring to mmap(2). packet(7). @category Packet rings */
  PACKET_TX_RING,
  /** Option at SOL_PACKET, read only: packets and drops since the last read (reading resets them). packet(7). @category Packet rings */
  PACKET_STATISTICS,
  /** Option at SOL_PACKET: join a fanout group, id | (mode << 16), that spreads packets over its sockets. packet(7). @category Packet rings */
  PACKET_FANOUT,
  /** Fanout mode: by flow hash. packet(7). @category Packet rings */
  PACKET_FANOUT_HASH,
  /** Fanout mode: round robin. packet(7). @category Packet rings */
  PACKET_FANOUT_LB,
  /** Fanout mode: by the CPU the packet arrived on. packet(7). @category Packet rings */
  PACKET_FANOUT_CPU,
  /** Fanout mode: fill one socket, then the next. packet(7). @category Packet rings */
  PACKET_FANOUT_ROLLOVER,
  /** Fanout mode: random. packet(7). @category Packet rings */
  PACKET_FANOUT_RND,
  /** Fanout mode: by the recorded receive queue. packet(7). @category Packet rings */
  PACKET_FANOUT_QM,
  /** Fanout flag: move to another socket when the chosen one is full. packet(7). @category Packet rings */
  PACKET_FANOUT_FLAG_ROLLOVER,
  /** Fanout flag: reassemble IP fragments before fanout. packet(7). @category Packet rings */
  PACKET_FANOUT_FLAG_DEFRAG,
  /** Option at SOL_PACKET (transmit ring): skip frames with errors. packet(7). @category Packet rings */
  PACKET_LOSS,
  /** Option at SOL_PACKET: headroom in each ring frame before the packet. packet(7). @category Packet rings */
  PACKET_RESERVE,
  /** Option at SOL_PACKET: which timestamp the ring frames carry (SOF_TIMESTAMPING_*). packet(7). @category Packet rings */
  PACKET_TIMESTAMP,
  /** Option at SOL_PACKET: sends skip the traffic control layer. packet(7). @category Packet rings */
  PACKET_QDISC_BYPASS,
  /** Ring block status: owned by the kernel. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_KERNEL,
  /** Ring block status: retired, owned by the program until it sets TP_STATUS_KERNEL. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_USER,
  /** Ring frame status: the packet was too long for the frame and was cut. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_COPY,
  /** Ring frame status: packets were dropped since the last PACKET_STATISTICS read. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_LOSING,
  /** Ring frame status: an outgoing packet whose checksum is left to the hardware. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_CSUMNOTREADY,
  /** Ring frame status: the frame's VLAN TCI field is valid. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_VLAN_VALID,
  /** Ring block status: retired by the block timeout, not because it was full. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_BLK_TMO,
  /** Alignment of ring frames and their headers. <linux/if_packet.h>. @category Packet rings */
  TPACKET_ALIGNMENT,
  /** PACKET_VERSION value: the first ring frame header (struct tpacket_hdr). packet(7). @category Packet rings */
  TPACKET_V1,
  /** PACKET_VERSION value: struct tpacket2_hdr frames of a fixed size. packet(7). @category Packet rings */
  TPACKET_V2,
  /** PACKET_VERSION value: blocks of variable-size frames (struct tpacket3_hdr), retired when full or at a timeout. packet(7). @category Packet rings */
  TPACKET_V3,
  /** {@link PacketAddress.hatype}: Ethernet. packet(7), <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_ETHER,
  /** {@link PacketAddress.hatype}: the loopback device. <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_LOOPBACK,
  /** {@link PacketAddress.hatype}: no link-layer header (a tun device). <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_NONE,
  /** Netlink protocol of routes, addresses and links (rtnetlink). rtnetlink(7). @category Netlink */
  NETLINK_ROUTE,
  /** Netlink protocol of generic netlink families. netlink(7). @category Netlink */
  NETLINK_GENERIC,
  /** Netlink protocol of the netfilter subsystem. netlink(7). @category Netlink */
  NETLINK_NETFILTER,
  /** Netlink protocol to query sockets. sock_diag(7). @category Netlink */
  NETLINK_SOCK_DIAG,
  /** Netlink protocol of kernel uevents (device hotplug, as udev reads them). netlink(7). @category Netlink */
  NETLINK_KOBJECT_UEVENT,
  /** Option at level SOL_NETLINK (270): joins a multicast group by number. netlink(7). @category Netlink */
  NETLINK_ADD_MEMBERSHIP,
  /** Option at level SOL_NETLINK (270): leaves a multicast group. netlink(7). @category Netlink */
  NETLINK_DROP_MEMBERSHIP,
  /**
   * Option at level SOL_NETLINK: receive NETLINK_PKTINFO control messages with each message's group. netlink(7).
   * @category Netlink
   */
  NETLINK_PKTINFO,
  /** Option at level SOL_NETLINK: no ENOBUFS when the receive buffer overflows. netlink(7). @category Netlink */
  NETLINK_NO_ENOBUFS,
  /**
   * Option at level SOL_NETLINK: extended acknowledgements, with an error message in NLMSG_ERROR. netlink(7).
   * @category Netlink
   */
  NETLINK_EXT_ACK,
  /** nlmsghdr flag: a request. netlink(7). @category Netlink */
  NLM_F_REQUEST,
  /** nlmsghdr flag: part of a multipart reply, which NLMSG_DONE ends. netlink(7). @category Netlink */
  NLM_F_MULTI,
  /** nlmsghdr flag: asks for an acknowledgement (an NLMSG_ERROR with error 0). netlink(7). @category Netlink */
  NLM_F_ACK,
  /** nlmsghdr flag: echo this request. netlink(7). @category Netlink */
  NLM_F_ECHO,
  /** nlmsghdr flag of a GET: the whole table. netlink(7). @category Netlink */
  NLM_F_ROOT,
  /** nlmsghdr flag of a GET: every matching entry. netlink(7). @category Netlink */
  NLM_F_MATCH,
  /** nlmsghdr flag of a GET: an atomic snapshot. netlink(7). @category Netlink */
  NLM_F_ATOMIC,
  /** nlmsghdr flag of a GET: NLM_F_ROOT | NLM_F_MATCH. netlink(7). @category Netlink */
  NLM_F_DUMP,
  /** nlmsghdr flag of a NEW: replace an existing object. netlink(7). @category Netlink */
  NLM_F_REPLACE,
  /** nlmsghdr flag of a NEW: fail if the object exists. netlink(7). @category Netlink */
  NLM_F_EXCL,
  /** nlmsghdr flag of a NEW: create the object if it does not exist. netlink(7). @category Netlink */
  NLM_F_CREATE,
  /** nlmsghdr flag of a NEW: add to the end of the list. netlink(7). @category Netlink */
  NLM_F_APPEND,
  /** Netlink message type: nothing; ignore it. netlink(7). @category Netlink */
  NLMSG_NOOP,
  /**
   * Netlink message type: an error, or with error 0 an acknowledgement (struct nlmsgerr). netlink(7).
   * @category Netlink
   */
  NLMSG_ERROR,
  /** Netlink message type: the end of a multipart reply. netlink(7). @category Netlink */
  NLMSG_DONE,
  /** Netlink message type: data was lost. netlink(7). @category Netlink */
  NLMSG_OVERRUN,
  /** Netlink messages are aligned to this many bytes (NLMSG_ALIGN). netlink(3). @category Netlink */
  NLMSG_ALIGNTO,
  /**
   * rtnetlink message type: creates or changes a link (interface), or reports one (struct ifinfomsg). rtnetlink(7).
   * @category rtnetlink
   */
  RTM_NEWLINK,
  /** rtnetlink message type: removes a link (struct ifinfomsg). rtnetlink(7). @category rtnetlink */
  RTM_DELLINK,
  /**
   * rtnetlink message type: asks for links (struct ifinfomsg; NLM_F_DUMP for all). rtnetlink(7).
   * @category rtnetlink
   */
  RTM_GETLINK,
  /**
   * rtnetlink message type: adds an interface address, or reports one (struct ifaddrmsg). rtnetlink(7).
   * @category rtnetlink
   */
  RTM_NEWADDR,
  /** rtnetlink message type: removes an interface address (struct ifaddrmsg). rtnetlink(7). @category rtnetlink */
  RTM_DELADDR,
  /** rtnetlink message type: asks for interface addresses (struct ifaddrmsg). rtnetlink(7). @category rtnetlink */
  RTM_GETADDR,
  /** rtnetlink message type: adds a route, or reports one (struct rtmsg). rtnetlink(7). @category rtnetlink */
  RTM_NEWROUTE,
  /** rtnetlink message type: removes a route (struct rtmsg). rtnetlink(7). @category rtnetlink */
  RTM_DELROUTE,
  /** rtnetlink message type: asks for routes (struct rtmsg). rtnetlink(7). @category rtnetlink */
  RTM_GETROUTE,
  /** Route attributes (struct rtattr) are aligned to this many bytes (RTA_ALIGN). rtnetlink(3). @category rtnetlink */
  RTA_ALIGNTO,
  /** Interface flag (ifinfomsg.ifi_flags): administratively up. netdevice(7). @category rtnetlink */
  IFF_UP,
  /** Interface flag: has a valid broadcast address. netdevice(7). @category rtnetlink */
  IFF_BROADCAST,
  /** Interface flag: a loopback interface. netdevice(7). @category rtnetlink */
  IFF_LOOPBACK,
  /** Interface flag: operationally up (resources allocated, carrier). netdevice(7). @category rtnetlink */
  IFF_RUNNING,
  /** Interface flag: receives every frame (promiscuous mode). netdevice(7). @category rtnetlink */
  IFF_PROMISC,
  /** Interface flag: supports multicast. netdevice(7). @category rtnetlink */
  IFF_MULTICAST,
  /** Multicast group mask (sockaddr_nl `groups`): link changes. rtnetlink(7). @category rtnetlink */
  RTMGRP_LINK,
  /** Multicast group mask (sockaddr_nl `groups`): IPv4 address changes. rtnetlink(7). @category rtnetlink */
  RTMGRP_IPV4_IFADDR,
  /** Multicast group mask (sockaddr_nl `groups`): IPv6 address changes. rtnetlink(7). @category rtnetlink */
  RTMGRP_IPV6_IFADDR,
  /**
   * Size of an interface name buffer, its NUL included (names hold at most IFNAMSIZ - 1 bytes). netdevice(7).
   * @category Addresses and limits
   */
  IFNAMSIZ,
  /** Link attribute (rtattr type in RTM_*LINK): the hardware address. rtnetlink(7). @category rtnetlink */
  IFLA_ADDRESS,
  /** Link attribute: the hardware broadcast address. rtnetlink(7). @category rtnetlink */
  IFLA_BROADCAST,
  /** Link attribute: the interface name (a NUL-terminated string). rtnetlink(7). @category rtnetlink */
  IFLA_IFNAME,
  /** Link attribute: the MTU (a 32-bit number). rtnetlink(7). @category rtnetlink */
  IFLA_MTU,
  /** Link attribute: the index of the underlying link. rtnetlink(7). @category rtnetlink */
  IFLA_LINK,
  /** Link attribute: the operational state (RFC 2863, IF_OPER_*). rtnetlink(7). @category rtnetlink */
  IFLA_OPERSTATE,
  /**
   * Address attribute (rtattr type in RTM_*ADDR): the address; on a point-to-point link, the peer's. rtnetlink(7).
   * @category rtnetlink
   */
  IFA_ADDRESS,
  /** Address attribute: the local address. rtnetlink(7). @category rtnetlink */
  IFA_LOCAL,
  /** Address attribute: the address's label (interface name), a string. rtnetlink(7). @category rtnetlink */
  IFA_LABEL,
  /** Address attribute: the broadcast address. rtnetlink(7). @category rtnetlink */
  IFA_BROADCAST,
  /**
   * Capability bit: raw and packet sockets ({@link PermissionDeniedError.capability}). capabilities(7),
   * <linux/capability.h>.
   * @category Capabilities
   */
  CAP_NET_RAW,
  /**
   * Capability bit: network administration (SO_MARK, SO_DEBUG, the *FORCE buffer sizes, IP_TRANSPARENT).
   * capabilities(7), <linux/capability.h>.
   * @category Capabilities
   */
  CAP_NET_ADMIN,
  /** Capability bit: bind to ports below 1024. capabilities(7), <linux/capability.h>. @category Capabilities */
  CAP_NET_BIND_SERVICE,
  /** getaddrinfo flag: with a null host, addresses to bind (the wildcard), not to connect to. getaddrinfo(3). @category Name resolution */
  AI_PASSIVE,
  /** getaddrinfo flag: fill `canonname` of the first entry with the host's canonical name. getaddrinfo(3). @category Name resolution */
  AI_CANONNAME,
  /** getaddrinfo flag: the host must be a numeric address; no lookup is made. getaddrinfo(3). @category Name resolution */
  AI_NUMERICHOST,
  /** getaddrinfo flag: the service must be a port number; no lookup is made. getaddrinfo(3). @category Name resolution */
  AI_NUMERICSERV,
  /** getaddrinfo flag: with AF_INET6 and no IPv6 address, give IPv4-mapped IPv6 addresses. getaddrinfo(3). @category Name resolution */
  AI_V4MAPPED,
  /** getaddrinfo flag: with AI_V4MAPPED, give IPv6 and IPv4-mapped addresses both. getaddrinfo(3). @category Name resolution */
  AI_ALL,
  /** getaddrinfo flag: only families that a configured non-loopback address of this host has. getaddrinfo(3). @category Name resolution */
  AI_ADDRCONFIG,
  /** getnameinfo flag: the host as a numeric address, no reverse lookup. getnameinfo(3). @category Name resolution */
  NI_NUMERICHOST,
  /** getnameinfo flag: the service as a port number. getnameinfo(3). @category Name resolution */
  NI_NUMERICSERV,
  /** getnameinfo flag: only the host name part of a local host's name. getnameinfo(3). @category Name resolution */
  NI_NOFQDN,
  /** getnameinfo flag: fail (EAI_NONAME) when the host has no name, instead of giving the address. getnameinfo(3). @category Name resolution */
  NI_NAMEREQD,
  /** getnameinfo flag: the service of a datagram socket (some ports differ for UDP). getnameinfo(3). @category Name resolution */
  NI_DGRAM,
  /** The longest host name getnameinfo gives, with its NUL. <netdb.h>. @category Name resolution */
  NI_MAXHOST,
  /** The longest service name getnameinfo gives, with its NUL. <netdb.h>. @category Name resolution */
  NI_MAXSERV,
  /** Resolver error: the host has no address in the family asked for. getaddrinfo(3). @category Name resolution */
  EAI_ADDRFAMILY,
  /** Resolver error: a temporary failure of the name server; try again later. getaddrinfo(3). @category Name resolution */
  EAI_AGAIN,
  /** Resolver error: the flags are not valid. getaddrinfo(3). @category Name resolution */
  EAI_BADFLAGS,
  /** Resolver error: the name server failed for good. getaddrinfo(3). @category Name resolution */
  EAI_FAIL,
  /** Resolver error: the family is not supported. getaddrinfo(3). @category Name resolution */
  EAI_FAMILY,
  /** Resolver error: out of memory. getaddrinfo(3). @category Name resolution */
  EAI_MEMORY,
  /** Resolver error: the host exists but has no address. getaddrinfo(3). @category Name resolution */
  EAI_NODATA,
  /** Resolver error: the host or service is not known (or neither was given). getaddrinfo(3). @category Name resolution */
  EAI_NONAME,
  /** Resolver error: a buffer was too small for the answer. getnameinfo(3). @category Name resolution */
  EAI_OVERFLOW,
  /** Resolver error: the service is not available for the socket type asked for. getaddrinfo(3). @category Name resolution */
  EAI_SERVICE,
  /** Resolver error: the socket type is not supported. getaddrinfo(3). @category Name resolution */
  EAI_SOCKTYPE,
  /** Resolver error: a system error, in `errno`. getaddrinfo(3). @category Name resolution */
  EAI_SYSTEM,
} = constants;

// Frozen, so that the package index re-exports each constant as a plain
// value: `export *` turns a writable export into a getter through one shared
// closure, which costs ~35 ns per read of a constant in a hot loop.
Object.freeze(module.exports);
