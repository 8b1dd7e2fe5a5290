// The options of the IP layer: levels IPPROTO_IP (IP_*) and IPPROTO_IPV6 (IPV6_*),
// and SOL_RAW's ICMP_FILTER (raw ICMP sockets).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
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
  /**
   * On an IPPROTO_ICMP raw socket, a 32-bit mask: bit n set drops ICMP type n. raw(7), <linux/icmp.h>.
   * @category Options: SOL_RAW
   */
  ICMP_FILTER,
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
