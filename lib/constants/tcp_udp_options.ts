// The options of levels IPPROTO_TCP (TCP_*) and IPPROTO_UDP (UDP_*).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
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
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
