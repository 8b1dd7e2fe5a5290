// getaddrinfo(3) and getnameinfo(3): their flags, limits and EAI_* errors.
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
  /** getaddrinfo flag: with a null host, addresses to bind (the wildcard), not to connect to. getaddrinfo(3). @category Name resolution */
  AI_PASSIVE,
  /** getaddrinfo flag: fill `canonname` of the first entry with the host's canonical name. getaddrinfo(3). @category Name resolution */
  AI_CANONNAME,
  /** getaddrinfo flag: the host must be a numeric address; no lookup is made. getaddrinfo(3). @category Name resolution */
  AI_NUMERICHOST,
  /** getaddrinfo flag: the service must be a port number; no lookup is made. getaddrinfo(3). @category Name resolution */
  AI_NUMERICSERV,
  /** getaddrinfo flag: with AF_INET6 and no IPv6 address, give IPv4-mapped IPv6 addresses. getaddrinfo(3). @category Name resolution */
  AI_V4MAPPED,
  /** getaddrinfo flag: with AI_V4MAPPED, give IPv6 and IPv4-mapped addresses both. getaddrinfo(3). @category Name resolution */
  AI_ALL,
  /** getaddrinfo flag: only families that a configured non-loopback address of this host has. getaddrinfo(3). @category Name resolution */
  AI_ADDRCONFIG,
  /** getnameinfo flag: the host as a numeric address, no reverse lookup. getnameinfo(3). @category Name resolution */
  NI_NUMERICHOST,
  /** getnameinfo flag: the service as a port number. getnameinfo(3). @category Name resolution */
  NI_NUMERICSERV,
  /** getnameinfo flag: only the host name part of a local host's name. getnameinfo(3). @category Name resolution */
  NI_NOFQDN,
  /** getnameinfo flag: fail (EAI_NONAME) when the host has no name, instead of giving the address. getnameinfo(3). @category Name resolution */
  NI_NAMEREQD,
  /** getnameinfo flag: the service of a datagram socket (some ports differ for UDP). getnameinfo(3). @category Name resolution */
  NI_DGRAM,
  /** The longest host name getnameinfo gives, with its NUL. <netdb.h>. @category Name resolution */
  NI_MAXHOST,
  /** The longest service name getnameinfo gives, with its NUL. <netdb.h>. @category Name resolution */
  NI_MAXSERV,
  /** Resolver error: the host has no address in the family asked for. getaddrinfo(3). @category Name resolution */
  EAI_ADDRFAMILY,
  /** Resolver error: a temporary failure of the name server; try again later. getaddrinfo(3). @category Name resolution */
  EAI_AGAIN,
  /** Resolver error: the flags are not valid. getaddrinfo(3). @category Name resolution */
  EAI_BADFLAGS,
  /** Resolver error: the name server failed for good. getaddrinfo(3). @category Name resolution */
  EAI_FAIL,
  /** Resolver error: the family is not supported. getaddrinfo(3). @category Name resolution */
  EAI_FAMILY,
  /** Resolver error: out of memory. getaddrinfo(3). @category Name resolution */
  EAI_MEMORY,
  /** Resolver error: the host exists but has no address. getaddrinfo(3). @category Name resolution */
  EAI_NODATA,
  /** Resolver error: the host or service is not known (or neither was given). getaddrinfo(3). @category Name resolution */
  EAI_NONAME,
  /** Resolver error: a buffer was too small for the answer. getnameinfo(3). @category Name resolution */
  EAI_OVERFLOW,
  /** Resolver error: the service is not available for the socket type asked for. getaddrinfo(3). @category Name resolution */
  EAI_SERVICE,
  /** Resolver error: the socket type is not supported. getaddrinfo(3). @category Name resolution */
  EAI_SOCKTYPE,
  /** Resolver error: a system error, in `errno`. getaddrinfo(3). @category Name resolution */
  EAI_SYSTEM,
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
