// The options of level SOL_SOCKET (SO_*).
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef SO_DEBUG
X(SO_DEBUG)
#endif
#ifdef SO_REUSEADDR
X(SO_REUSEADDR)
#endif
#ifdef SO_REUSEPORT
X(SO_REUSEPORT)
#endif
#ifdef SO_TYPE
X(SO_TYPE)
#endif
#ifdef SO_ERROR
X(SO_ERROR)
#endif
#ifdef SO_DONTROUTE
X(SO_DONTROUTE)
#endif
#ifdef SO_BROADCAST
X(SO_BROADCAST)
#endif
#ifdef SO_SNDBUF
X(SO_SNDBUF)
#endif
#ifdef SO_RCVBUF
X(SO_RCVBUF)
#endif
#ifdef SO_SNDBUFFORCE
X(SO_SNDBUFFORCE)
#endif
#ifdef SO_RCVBUFFORCE
X(SO_RCVBUFFORCE)
#endif
#ifdef SO_KEEPALIVE
X(SO_KEEPALIVE)
#endif
#ifdef SO_OOBINLINE
X(SO_OOBINLINE)
#endif
#ifdef SO_NO_CHECK
X(SO_NO_CHECK)
#endif
#ifdef SO_PRIORITY
X(SO_PRIORITY)
#endif
#ifdef SO_LINGER
X(SO_LINGER)
#endif
#ifdef SO_BSDCOMPAT
X(SO_BSDCOMPAT)
#endif
#ifdef SO_PASSCRED
X(SO_PASSCRED)
#endif
#ifdef SO_PEERCRED
X(SO_PEERCRED)
#endif
#ifdef SO_RCVLOWAT
X(SO_RCVLOWAT)
#endif
#ifdef SO_SNDLOWAT
X(SO_SNDLOWAT)
#endif
#ifdef SO_RCVTIMEO
X(SO_RCVTIMEO)
#endif
#ifdef SO_SNDTIMEO
X(SO_SNDTIMEO)
#endif
#ifdef SO_BINDTODEVICE
X(SO_BINDTODEVICE)
#endif
#ifdef SO_ATTACH_FILTER
X(SO_ATTACH_FILTER)
#endif
#ifdef SO_DETACH_FILTER
X(SO_DETACH_FILTER)
#endif
#ifdef SO_PEERNAME
X(SO_PEERNAME)
#endif
#ifdef SO_TIMESTAMP
X(SO_TIMESTAMP)
#endif
#ifdef SO_TIMESTAMPNS
X(SO_TIMESTAMPNS)
#endif
#ifdef SO_TIMESTAMPING
X(SO_TIMESTAMPING)
#endif
#ifdef SO_ACCEPTCONN
X(SO_ACCEPTCONN)
#endif
#ifdef SO_PEERSEC
X(SO_PEERSEC)
#endif
#ifdef SO_PASSSEC
X(SO_PASSSEC)
#endif
#ifdef SO_MARK
X(SO_MARK)
#endif
#ifdef SO_PROTOCOL
X(SO_PROTOCOL)
#endif
#ifdef SO_DOMAIN
X(SO_DOMAIN)
#endif
#ifdef SO_RXQ_OVFL
X(SO_RXQ_OVFL)
#endif
#ifdef SO_WIFI_STATUS
X(SO_WIFI_STATUS)
#endif
#ifdef SO_PEEK_OFF
X(SO_PEEK_OFF)
#endif
#ifdef SO_NOFCS
X(SO_NOFCS)
#endif
#ifdef SO_LOCK_FILTER
X(SO_LOCK_FILTER)
#endif
#ifdef SO_SELECT_ERR_QUEUE
X(SO_SELECT_ERR_QUEUE)
#endif
#ifdef SO_BUSY_POLL
X(SO_BUSY_POLL)
#endif
#ifdef SO_MAX_PACING_RATE
X(SO_MAX_PACING_RATE)
#endif
#ifdef SO_INCOMING_CPU
X(SO_INCOMING_CPU)
#endif
#ifdef SO_ZEROCOPY
X(SO_ZEROCOPY)
#endif
#ifdef SO_TXTIME
X(SO_TXTIME)
#endif
#ifdef SO_BINDTOIFINDEX
X(SO_BINDTOIFINDEX)
#endif
