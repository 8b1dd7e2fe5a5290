// Capabilities (linux/capability.h): bit numbers in /proc/self/status CapEff.
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef CAP_NET_RAW
X(CAP_NET_RAW)
#endif
#ifdef CAP_NET_ADMIN
X(CAP_NET_ADMIN)
#endif
#ifdef CAP_NET_BIND_SERVICE
X(CAP_NET_BIND_SERVICE)
#endif
