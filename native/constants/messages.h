// Message flags (MSG_*), shutdown() modes (SHUT_*), control messages (SCM_*).
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef MSG_OOB
X(MSG_OOB)
#endif
#ifdef MSG_PEEK
X(MSG_PEEK)
#endif
#ifdef MSG_DONTROUTE
X(MSG_DONTROUTE)
#endif
#ifdef MSG_CTRUNC
X(MSG_CTRUNC)
#endif
#ifdef MSG_PROXY
X(MSG_PROXY)
#endif
#ifdef MSG_TRUNC
X(MSG_TRUNC)
#endif
#ifdef MSG_DONTWAIT
X(MSG_DONTWAIT)
#endif
#ifdef MSG_EOR
X(MSG_EOR)
#endif
#ifdef MSG_WAITALL
X(MSG_WAITALL)
#endif
#ifdef MSG_FIN
X(MSG_FIN)
#endif
#ifdef MSG_SYN
X(MSG_SYN)
#endif
#ifdef MSG_CONFIRM
X(MSG_CONFIRM)
#endif
#ifdef MSG_RST
X(MSG_RST)
#endif
#ifdef MSG_ERRQUEUE
X(MSG_ERRQUEUE)
#endif
#ifdef MSG_NOSIGNAL
X(MSG_NOSIGNAL)
#endif
#ifdef MSG_MORE
X(MSG_MORE)
#endif
#ifdef MSG_WAITFORONE
X(MSG_WAITFORONE)
#endif
#ifdef MSG_BATCH
X(MSG_BATCH)
#endif
#ifdef MSG_ZEROCOPY
X(MSG_ZEROCOPY)
#endif
#ifdef MSG_FASTOPEN
X(MSG_FASTOPEN)
#endif
#ifdef MSG_CMSG_CLOEXEC
X(MSG_CMSG_CLOEXEC)
#endif
#ifdef SHUT_RD
X(SHUT_RD)
#endif
#ifdef SHUT_WR
X(SHUT_WR)
#endif
#ifdef SHUT_RDWR
X(SHUT_RDWR)
#endif
#ifdef SCM_RIGHTS
X(SCM_RIGHTS)
#endif
#ifdef SCM_CREDENTIALS
X(SCM_CREDENTIALS)
#endif
#ifdef SCM_TIMESTAMP
X(SCM_TIMESTAMP)
#endif
#ifdef SCM_TIMESTAMPNS
X(SCM_TIMESTAMPNS)
#endif
#ifdef SCM_TIMESTAMPING
X(SCM_TIMESTAMPING)
#endif
