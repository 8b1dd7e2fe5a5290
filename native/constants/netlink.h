// Netlink (NETLINK_*, NLM_F_*, NLMSG_*) and rtnetlink (RTM_*, IFF_*, RTMGRP_*,
// IFLA_*, IFA_*); IFNAMSIZ sits among them, in the order of CONSTANT_NAMES.
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef NETLINK_ROUTE
X(NETLINK_ROUTE)
#endif
#ifdef NETLINK_GENERIC
X(NETLINK_GENERIC)
#endif
#ifdef NETLINK_NETFILTER
X(NETLINK_NETFILTER)
#endif
#ifdef NETLINK_SOCK_DIAG
X(NETLINK_SOCK_DIAG)
#endif
#ifdef NETLINK_KOBJECT_UEVENT
X(NETLINK_KOBJECT_UEVENT)
#endif
#ifdef NETLINK_ADD_MEMBERSHIP
X(NETLINK_ADD_MEMBERSHIP)
#endif
#ifdef NETLINK_DROP_MEMBERSHIP
X(NETLINK_DROP_MEMBERSHIP)
#endif
#ifdef NETLINK_PKTINFO
X(NETLINK_PKTINFO)
#endif
#ifdef NETLINK_NO_ENOBUFS
X(NETLINK_NO_ENOBUFS)
#endif
#ifdef NETLINK_EXT_ACK
X(NETLINK_EXT_ACK)
#endif
#ifdef NLM_F_REQUEST
X(NLM_F_REQUEST)
#endif
#ifdef NLM_F_MULTI
X(NLM_F_MULTI)
#endif
#ifdef NLM_F_ACK
X(NLM_F_ACK)
#endif
#ifdef NLM_F_ECHO
X(NLM_F_ECHO)
#endif
#ifdef NLM_F_ROOT
X(NLM_F_ROOT)
#endif
#ifdef NLM_F_MATCH
X(NLM_F_MATCH)
#endif
#ifdef NLM_F_ATOMIC
X(NLM_F_ATOMIC)
#endif
#ifdef NLM_F_DUMP
X(NLM_F_DUMP)
#endif
#ifdef NLM_F_REPLACE
X(NLM_F_REPLACE)
#endif
#ifdef NLM_F_EXCL
X(NLM_F_EXCL)
#endif
#ifdef NLM_F_CREATE
X(NLM_F_CREATE)
#endif
#ifdef NLM_F_APPEND
X(NLM_F_APPEND)
#endif
#ifdef NLMSG_NOOP
X(NLMSG_NOOP)
#endif
#ifdef NLMSG_ERROR
X(NLMSG_ERROR)
#endif
#ifdef NLMSG_DONE
X(NLMSG_DONE)
#endif
#ifdef NLMSG_OVERRUN
X(NLMSG_OVERRUN)
#endif
#ifdef NLMSG_ALIGNTO
X(NLMSG_ALIGNTO)
#endif
#ifdef RTM_NEWLINK
X(RTM_NEWLINK)
#endif
#ifdef RTM_DELLINK
X(RTM_DELLINK)
#endif
#ifdef RTM_GETLINK
X(RTM_GETLINK)
#endif
#ifdef RTM_NEWADDR
X(RTM_NEWADDR)
#endif
#ifdef RTM_DELADDR
X(RTM_DELADDR)
#endif
#ifdef RTM_GETADDR
X(RTM_GETADDR)
#endif
#ifdef RTM_NEWROUTE
X(RTM_NEWROUTE)
#endif
#ifdef RTM_DELROUTE
X(RTM_DELROUTE)
#endif
#ifdef RTM_GETROUTE
X(RTM_GETROUTE)
#endif
#ifdef RTA_ALIGNTO
X(RTA_ALIGNTO)
#endif
#ifdef IFF_UP
X(IFF_UP)
#endif
#ifdef IFF_BROADCAST
X(IFF_BROADCAST)
#endif
#ifdef IFF_LOOPBACK
X(IFF_LOOPBACK)
#endif
#ifdef IFF_RUNNING
X(IFF_RUNNING)
#endif
#ifdef IFF_PROMISC
X(IFF_PROMISC)
#endif
#ifdef IFF_MULTICAST
X(IFF_MULTICAST)
#endif
#ifdef RTMGRP_LINK
X(RTMGRP_LINK)
#endif
#ifdef RTMGRP_IPV4_IFADDR
X(RTMGRP_IPV4_IFADDR)
#endif
#ifdef RTMGRP_IPV6_IFADDR
X(RTMGRP_IPV6_IFADDR)
#endif
#ifdef IFNAMSIZ
X(IFNAMSIZ)
#endif
// Enum values in linux/if_link.h and linux/if_addr.h, with no macro to test:
// part of the kernel ABI, present on every Linux.
X(IFLA_ADDRESS)
X(IFLA_BROADCAST)
X(IFLA_IFNAME)
X(IFLA_MTU)
X(IFLA_LINK)
X(IFLA_OPERSTATE)
X(IFA_ADDRESS)
X(IFA_LOCAL)
X(IFA_LABEL)
X(IFA_BROADCAST)
