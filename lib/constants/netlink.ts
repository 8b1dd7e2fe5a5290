// Netlink sockets (NETLINK_* protocols and options, NLM_F_* and NLMSG_*: the
// nlmsghdr flags and types) and rtnetlink (RTM_* messages, IFLA_* and IFA_*
// attributes, IFF_* interface flags, RTMGRP_* multicast groups).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
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
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
