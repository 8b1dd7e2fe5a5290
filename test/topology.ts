// Small networks of the test's own: named network namespaces joined by veth
// pairs, with addresses, routes and forwarding; torn down afterwards.
// Nothing here reaches beyond the namespaces it makes.
import { execFileSync } from 'node:child_process';

import { runChild } from './helpers';

export interface Topology {
  /** The namespace's full name, for `ip netns exec`. */
  ns(host: string): string;
  /** Runs a program (with the library as `lib`) in host's namespace. */
  run(host: string, source: string, timeoutMs?: number): ReturnType<typeof runChild>;
  destroy(): void;
}

const ip = (...args: string[]): void => { execFileSync('ip', args, { stdio: 'pipe' }); };

/**
 * Hosts, and links between them: [hostA, addressA/prefix, hostB, addressB/prefix];
 * link i joins interface v{i}a on hostA to v{i}b on hostB.
 * Routes: [host, destination/prefix, via]. Hosts listed in `routers` forward.
 */
export function makeTopology(hosts: string[], links: Array<[string, string, string, string]>,
  routes: Array<[string, string, string]> = [], routers: string[] = []): Topology {
  const tag = `bsd${process.pid}${Math.floor(Math.random() * 1e4)}`;
  const ns = (host: string): string => `${tag}-${host}`;
  const made: string[] = [];
  const destroy = (): void => {
    for (const name of made.splice(0)) {
      try { ip('netns', 'del', name); } catch { /* already gone */ }
    }
  };
  try {
    for (const host of hosts) {
      ip('netns', 'add', ns(host));
      made.push(ns(host));
      ip('-n', ns(host), 'link', 'set', 'lo', 'up');
      // Link-local addresses skip duplicate address detection too. While one
      // is tentative (1 to 2 s after its link comes up) the kernel sends no
      // neighbour solicitation for a packet it forwards, so a router's first
      // forwarded packets wait a second or more for the next try.
      execFileSync('ip', ['netns', 'exec', ns(host), 'sysctl', '-qw',
        'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.all.accept_dad=0']);
    }
    links.forEach(([a, addressA, b, addressB], i) => {
      const ifA = `v${i}a`;
      const ifB = `v${i}b`;
      ip('link', 'add', ifA, 'netns', ns(a), 'type', 'veth', 'peer', 'name', ifB, 'netns', ns(b));
      // Several addresses may be given, comma-separated; IPv6 ones skip
      // duplicate address detection (nodad), which would hold them back for a second.
      const addAll = (host: string, list: string, dev: string): void => {
        for (const address of list.split(',')) {
          ip('-n', ns(host), 'addr', 'add', address, 'dev', dev, ...(address.includes(':') ? ['nodad'] : []));
        }
      };
      addAll(a, addressA, ifA);
      addAll(b, addressB, ifB);
      ip('-n', ns(a), 'link', 'set', ifA, 'up');
      ip('-n', ns(b), 'link', 'set', ifB, 'up');
    });
    for (const [host, destination, via] of routes) ip('-n', ns(host), 'route', 'add', destination, 'via', via);
    for (const host of routers) {
      execFileSync('ip', ['netns', 'exec', ns(host), 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    }
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    ns,
    run: (host, source, timeoutMs) => runChild(source, { prefix: ['ip', 'netns', 'exec', ns(host)], timeoutMs }),
    destroy,
  };
}
