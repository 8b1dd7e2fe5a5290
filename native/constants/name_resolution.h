// getaddrinfo(3) and getnameinfo(3): AI_*, NI_*, EAI_*.
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef AI_PASSIVE
X(AI_PASSIVE)
#endif
#ifdef AI_CANONNAME
X(AI_CANONNAME)
#endif
#ifdef AI_NUMERICHOST
X(AI_NUMERICHOST)
#endif
#ifdef AI_NUMERICSERV
X(AI_NUMERICSERV)
#endif
#ifdef AI_V4MAPPED
X(AI_V4MAPPED)
#endif
#ifdef AI_ALL
X(AI_ALL)
#endif
#ifdef AI_ADDRCONFIG
X(AI_ADDRCONFIG)
#endif
#ifdef NI_NUMERICHOST
X(NI_NUMERICHOST)
#endif
#ifdef NI_NUMERICSERV
X(NI_NUMERICSERV)
#endif
#ifdef NI_NOFQDN
X(NI_NOFQDN)
#endif
#ifdef NI_NAMEREQD
X(NI_NAMEREQD)
#endif
#ifdef NI_DGRAM
X(NI_DGRAM)
#endif
#ifdef NI_MAXHOST
X(NI_MAXHOST)
#endif
#ifdef NI_MAXSERV
X(NI_MAXSERV)
#endif
#ifdef EAI_ADDRFAMILY
X(EAI_ADDRFAMILY)
#endif
#ifdef EAI_AGAIN
X(EAI_AGAIN)
#endif
#ifdef EAI_BADFLAGS
X(EAI_BADFLAGS)
#endif
#ifdef EAI_FAIL
X(EAI_FAIL)
#endif
#ifdef EAI_FAMILY
X(EAI_FAMILY)
#endif
#ifdef EAI_MEMORY
X(EAI_MEMORY)
#endif
#ifdef EAI_NODATA
X(EAI_NODATA)
#endif
#ifdef EAI_NONAME
X(EAI_NONAME)
#endif
#ifdef EAI_OVERFLOW
X(EAI_OVERFLOW)
#endif
#ifdef EAI_SERVICE
X(EAI_SERVICE)
#endif
#ifdef EAI_SOCKTYPE
X(EAI_SOCKTYPE)
#endif
#ifdef EAI_SYSTEM
X(EAI_SYSTEM)
#endif
