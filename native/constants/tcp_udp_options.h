// The options of levels IPPROTO_TCP (TCP_*) and IPPROTO_UDP (UDP_*).
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef TCP_NODELAY
X(TCP_NODELAY)
#endif
#ifdef TCP_MAXSEG
X(TCP_MAXSEG)
#endif
#ifdef TCP_CORK
X(TCP_CORK)
#endif
#ifdef TCP_KEEPIDLE
X(TCP_KEEPIDLE)
#endif
#ifdef TCP_KEEPINTVL
X(TCP_KEEPINTVL)
#endif
#ifdef TCP_KEEPCNT
X(TCP_KEEPCNT)
#endif
#ifdef TCP_SYNCNT
X(TCP_SYNCNT)
#endif
#ifdef TCP_LINGER2
X(TCP_LINGER2)
#endif
#ifdef TCP_DEFER_ACCEPT
X(TCP_DEFER_ACCEPT)
#endif
#ifdef TCP_WINDOW_CLAMP
X(TCP_WINDOW_CLAMP)
#endif
#ifdef TCP_INFO
X(TCP_INFO)
#endif
#ifdef TCP_QUICKACK
X(TCP_QUICKACK)
#endif
#ifdef TCP_CONGESTION
X(TCP_CONGESTION)
#endif
#ifdef TCP_MD5SIG
X(TCP_MD5SIG)
#endif
#ifdef TCP_THIN_LINEAR_TIMEOUTS
X(TCP_THIN_LINEAR_TIMEOUTS)
#endif
#ifdef TCP_THIN_DUPACK
X(TCP_THIN_DUPACK)
#endif
#ifdef TCP_USER_TIMEOUT
X(TCP_USER_TIMEOUT)
#endif
#ifdef TCP_REPAIR
X(TCP_REPAIR)
#endif
#ifdef TCP_FASTOPEN
X(TCP_FASTOPEN)
#endif
#ifdef TCP_TIMESTAMP
X(TCP_TIMESTAMP)
#endif
#ifdef TCP_NOTSENT_LOWAT
X(TCP_NOTSENT_LOWAT)
#endif
#ifdef TCP_FASTOPEN_CONNECT
X(TCP_FASTOPEN_CONNECT)
#endif
#ifdef TCP_ULP
X(TCP_ULP)
#endif
#ifdef TCP_TX_DELAY
X(TCP_TX_DELAY)
#endif
#ifdef UDP_CORK
X(UDP_CORK)
#endif
#ifdef UDP_ENCAP
X(UDP_ENCAP)
#endif
#ifdef UDP_NO_CHECK6_TX
X(UDP_NO_CHECK6_TX)
#endif
#ifdef UDP_NO_CHECK6_RX
X(UDP_NO_CHECK6_RX)
#endif
#ifdef UDP_SEGMENT
X(UDP_SEGMENT)
#endif
#ifdef UDP_GRO
X(UDP_GRO)
#endif
