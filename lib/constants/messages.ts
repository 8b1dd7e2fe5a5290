// The flags of send(2) and recv(2) (MSG_*), shutdown(2)'s modes (SHUT_*) and the
// control-message types of sendmsg(2) and recvmsg(2) (SCM_*).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
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
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
