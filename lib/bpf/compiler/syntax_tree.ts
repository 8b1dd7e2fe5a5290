// What the parser makes of an expression: and/or/not over primitives, each
// primitive with its qualifiers already filled in from the ones before it
// (pcap-filter's "host 1.2.3.4 and port 80 or 53": the 53 is a port).

/**
 * The qualifiers of a primitive, as libpcap's `struct qual`: the protocol
 * (`ip`, `tcp`, `link` for `ether`, …), the direction (`src`, `dst`, `or` for
 * "src or dst", `and`), and the kind of value (`host`, `net`, `port`, …).
 * `default` is "not given"; `undef` marks a value with no qualifiers to
 * inherit (`tcp and 80`), an error.
 */
export interface Qualifiers {
  readonly proto: string;
  readonly dir: 'default' | 'undef' | 'src' | 'dst' | 'or' | 'and';
  readonly addr: 'default' | 'undef' | 'host' | 'net' | 'port' | 'portrange' | 'proto' | 'protochain' | 'gateway';
}

/** No qualifiers to inherit: a value here is a syntax error. */
export const NO_QUALIFIERS: Qualifiers = Object.freeze({ proto: 'undef', dir: 'undef', addr: 'undef' });

/** A value as written: a number, an IPv4 or IPv6 address or prefix, a MAC address, or a name. */
export type FilterValue =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'ipv4'; readonly text: string }
  | { readonly type: 'ipv4-prefix'; readonly text: string; readonly bits: number }
  | { readonly type: 'ipv4-netmask'; readonly text: string; readonly mask: string }
  | { readonly type: 'ipv6'; readonly text: string; readonly bits: number }
  | { readonly type: 'mac'; readonly text: string }
  | { readonly type: 'arcnet'; readonly text: string }
  | { readonly type: 'name'; readonly text: string };

/** The syntax tree of a filter expression. `position` is where the primitive starts in the expression. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  /** A value with its qualifiers: `src host 1.2.3.4`, `port 80`, a bare `53` after `port 80 or`. */
  | { readonly kind: 'value'; readonly qualifiers: Qualifiers; readonly value: FilterValue; readonly position: number }
  /** A protocol name alone: `tcp`, `ip6`, `arp`. */
  | { readonly kind: 'protocol'; readonly protocol: string; readonly position: number }
  /** `[ether|ip|ip6] broadcast|multicast`; `protocol` is `default` when not given. */
  | { readonly kind: 'broadcast' | 'multicast'; readonly protocol: string; readonly position: number }
  /** `greater n` (length >= n) and `less n` (length <= n). */
  | { readonly kind: 'greater' | 'less'; readonly length: number; readonly position: number };
