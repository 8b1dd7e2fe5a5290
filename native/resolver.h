// Name and service resolution, with the C library's resolver: getaddrinfo(3)
// and getnameinfo(3), which block (DNS, /etc/hosts, nsswitch), run on a libuv
// threadpool worker for the Promise forms and on the calling thread for the
// Sync forms; gethostname(2), getservbyname(3), getservbyport(3) and
// inet_aton(3), which read local state only, are synchronous.
#pragma once

#include <napi.h>

namespace bsd {

void InitResolver(Napi::Env env, Napi::Object exports);

}  // namespace bsd
