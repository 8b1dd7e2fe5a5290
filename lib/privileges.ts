// Why a socket call was refused, for PermissionDeniedError's message: which
// capability the call needs, whether this process has it, and how to get it.
import { readFileSync } from 'node:fs';

import {
  AF_INET, AF_INET6, AF_PACKET, CAP_NET_BIND_SERVICE, CAP_NET_RAW, IPPROTO_ICMP, IPPROTO_ICMPV6, SOCK_DGRAM, SOCK_RAW,
} from './constants';

/** Whether capability bit `cap` is in this process's effective set (CapEff in /proc/self/status). */
export function hasCapability(cap: number): boolean {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('CapEff:'));
    if (line === undefined) return false;
    return ((BigInt(`0x${line.split(/\s+/)[1]}`) >> BigInt(cap)) & 1n) === 1n;
  } catch {
    return false;
  }
}

const HOW_TO_GET_NET_RAW = 'run as root; or give the binary the capability (setcap cap_net_raw+ep "$(command -v node)"); '
  + 'or pass it as an ambient capability (setpriv --inh-caps +net_raw --ambient-caps +net_raw node …); '
  + 'in a container, add NET_RAW (docker run --cap-add NET_RAW); for tests, an unprivileged user '
  + 'namespace has it (unshare --user --map-root-user --net node …)';

export interface PermissionHint {
  capability?: string;
  hasCapability?: boolean;
  message: string;
}

/** What a refused socket(2) needed, or undefined when no capability explains it. */
export function socketPermissionHint(family: number, type: number, protocol: number): PermissionHint | undefined {
  const pingSocket = type === SOCK_DGRAM && ((family === AF_INET && protocol === IPPROTO_ICMP)
    || (family === AF_INET6 && protocol === IPPROTO_ICMPV6));
  if (pingSocket) {
    let range = '?';
    try {
      range = readFileSync('/proc/sys/net/ipv4/ping_group_range', 'utf8').trim().replace(/\s+/g, ' ');
    } catch { /* not readable: say so below */ }
    return {
      message: `unprivileged ICMP sockets need one of this process's groups (gid ${process.getgid?.()}) in `
        + `net.ipv4.ping_group_range, now "${range}" (sysctl -w net.ipv4.ping_group_range="0 2147483647"); `
        + 'or use SOCK_RAW with CAP_NET_RAW',
    };
  }
  if (type !== SOCK_RAW && family !== AF_PACKET) return undefined;
  const has = hasCapability(CAP_NET_RAW);
  return {
    capability: 'CAP_NET_RAW',
    hasCapability: has,
    message: `${family === AF_PACKET ? 'packet' : 'raw'} sockets need CAP_NET_RAW, which this process `
      + `${has ? 'has (so something else refused it: a seccomp or LSM policy?)' : 'does not have'}; to get it: ${HOW_TO_GET_NET_RAW}`,
  };
}

/** What a refused bind(2) needed: ports below 1024 need CAP_NET_BIND_SERVICE. */
export function bindPermissionHint(port: number | undefined): PermissionHint | undefined {
  if (port === undefined || port === 0 || port >= 1024) return undefined;
  const has = hasCapability(CAP_NET_BIND_SERVICE);
  return {
    capability: 'CAP_NET_BIND_SERVICE',
    hasCapability: has,
    message: `ports below 1024 need CAP_NET_BIND_SERVICE, which this process ${has ? 'has' : 'does not have'}; `
      + 'run as root, setcap cap_net_bind_service+ep on node, or lower net.ipv4.ip_unprivileged_port_start',
  };
}
