// Address families, socket types, option levels (with ICMP_FILTER, SOL_RAW's one
// option, beside its level) and protocol numbers.
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef AF_UNSPEC
X(AF_UNSPEC)
#endif
#ifdef AF_INET
X(AF_INET)
#endif
#ifdef AF_INET6
X(AF_INET6)
#endif
#ifdef AF_UNIX
X(AF_UNIX)
#endif
#ifdef AF_LOCAL
X(AF_LOCAL)
#endif
#ifdef AF_PACKET
X(AF_PACKET)
#endif
#ifdef AF_NETLINK
X(AF_NETLINK)
#endif
#ifdef PF_UNSPEC
X(PF_UNSPEC)
#endif
#ifdef PF_INET
X(PF_INET)
#endif
#ifdef PF_INET6
X(PF_INET6)
#endif
#ifdef PF_UNIX
X(PF_UNIX)
#endif
#ifdef PF_PACKET
X(PF_PACKET)
#endif
#ifdef PF_NETLINK
X(PF_NETLINK)
#endif
#ifdef SOCK_STREAM
X(SOCK_STREAM)
#endif
#ifdef SOCK_DGRAM
X(SOCK_DGRAM)
#endif
#ifdef SOCK_RAW
X(SOCK_RAW)
#endif
#ifdef SOCK_SEQPACKET
X(SOCK_SEQPACKET)
#endif
#ifdef SOCK_RDM
X(SOCK_RDM)
#endif
#ifdef SOCK_NONBLOCK
X(SOCK_NONBLOCK)
#endif
#ifdef SOCK_CLOEXEC
X(SOCK_CLOEXEC)
#endif
#ifdef SOL_SOCKET
X(SOL_SOCKET)
#endif
#ifdef SOL_IP
X(SOL_IP)
#endif
#ifdef SOL_IPV6
X(SOL_IPV6)
#endif
#ifdef SOL_TCP
X(SOL_TCP)
#endif
#ifdef SOL_UDP
X(SOL_UDP)
#endif
#ifdef SOL_RAW
X(SOL_RAW)
#endif
#ifdef ICMP_FILTER
X(ICMP_FILTER)
#endif
#ifdef SOL_PACKET
X(SOL_PACKET)
#endif
#ifdef IPPROTO_IP
X(IPPROTO_IP)
#endif
#ifdef IPPROTO_IPV6
X(IPPROTO_IPV6)
#endif
#ifdef IPPROTO_ICMP
X(IPPROTO_ICMP)
#endif
#ifdef IPPROTO_ICMPV6
X(IPPROTO_ICMPV6)
#endif
#ifdef IPPROTO_IGMP
X(IPPROTO_IGMP)
#endif
#ifdef IPPROTO_TCP
X(IPPROTO_TCP)
#endif
#ifdef IPPROTO_UDP
X(IPPROTO_UDP)
#endif
#ifdef IPPROTO_UDPLITE
X(IPPROTO_UDPLITE)
#endif
#ifdef IPPROTO_RAW
X(IPPROTO_RAW)
#endif
#ifdef IPPROTO_SCTP
X(IPPROTO_SCTP)
#endif
#ifdef IPPROTO_GRE
X(IPPROTO_GRE)
#endif
#ifdef IPPROTO_ESP
X(IPPROTO_ESP)
#endif
#ifdef IPPROTO_AH
X(IPPROTO_AH)
#endif
#ifdef IPPROTO_HOPOPTS
X(IPPROTO_HOPOPTS)
#endif
#ifdef IPPROTO_ROUTING
X(IPPROTO_ROUTING)
#endif
#ifdef IPPROTO_FRAGMENT
X(IPPROTO_FRAGMENT)
#endif
#ifdef IPPROTO_NONE
X(IPPROTO_NONE)
#endif
#ifdef IPPROTO_DSTOPTS
X(IPPROTO_DSTOPTS)
#endif
#ifdef IPPROTO_MPTCP
X(IPPROTO_MPTCP)
#endif
