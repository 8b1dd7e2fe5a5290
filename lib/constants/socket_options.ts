// The options of level SOL_SOCKET (SO_*), for getsockopt(2) and setsockopt(2).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
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
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
