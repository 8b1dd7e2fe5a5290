// Each primitive of the syntax tree as a condition on the frame: libpcap's
// gencode.c rules (gen_host, gen_port, gen_proto, …), with its choices kept
// because they decide which packets match:
//   - `host`/`net` with an IPv4 address match IPv4 source/destination and
//     also ARP and RARP sender/target addresses;
//   - `port`/`portrange` match TCP, UDP and SCTP (unless qualified), IPv4 only
//     when the packet is not a fragment other than the first, IPv6 with the
//     transport header right after the fixed header;
//   - `tcp`, `udp`, `icmp6`, … on IPv6 look at the next header, and past one
//     fragment header;
//   - qualifiers that do not apply are errors, as tcpdump's are.
import { FilterSyntaxError, shortened } from './filter_syntax_error';
import { IPPROTO_NUMBER, parseIPv6, parseMac48, parseShortIPv4, portByName, type PortProtocol } from './addresses';
import { and, not, or, test, testAfterIPv4, testLength, type Condition } from './conditions';
import { ETHERTYPE, type LinkLayer } from './link_layer';
import type { FilterNode, FilterValue, Qualifiers } from './syntax_tree';

/** What a primitive's code depends on besides the primitive. */
export interface PrimitiveContext {
  readonly expression: string;
  readonly layer: LinkLayer;
  /** The IPv4 netmask `ip broadcast` uses (tcpdump's is the capture interface's, 0 for a file). */
  readonly netmask: number;
}

// IP protocol numbers (IANA; protocol facts) of the protocol keywords that
// stand alone, and which IP versions they are tested on.
const IP_PROTOCOLS: ReadonlyMap<string, { number: number; on: 'both' | 'ip' | 'ip6' }> = new Map([
  ['tcp', { number: IPPROTO_NUMBER.TCP, on: 'both' }], ['udp', { number: IPPROTO_NUMBER.UDP, on: 'both' }],
  ['sctp', { number: IPPROTO_NUMBER.SCTP, on: 'both' }], ['icmp', { number: IPPROTO_NUMBER.ICMP, on: 'ip' }],
  ['icmp6', { number: IPPROTO_NUMBER.ICMPV6, on: 'ip6' }], ['igmp', { number: IPPROTO_NUMBER.IGMP, on: 'ip' }],
  ['igrp', { number: 9, on: 'ip' }], ['pim', { number: 103, on: 'both' }], ['vrrp', { number: 112, on: 'ip' }],
  ['carp', { number: 112, on: 'ip' }], ['ah', { number: 51, on: 'both' }], ['esp', { number: 50, on: 'both' }],
]);

// Protocol names `proto \name` may give (libpcap asks getprotobyname(3) and
// pcap_nametoeproto; these are the usual ones).
const IP_PROTOCOL_NAMES: ReadonlyMap<string, number> = new Map([
  ['icmp', 1], ['igmp', 2], ['tcp', 6], ['udp', 17], ['gre', 47], ['esp', 50], ['ah', 51], ['icmp6', 58],
  ['ipv6-icmp', 58], ['sctp', 132], ['pim', 103], ['vrrp', 112],
]);
const ETHER_PROTOCOL_NAMES: ReadonlyMap<string, number> = new Map([
  ['ip', ETHERTYPE.IP], ['ip6', ETHERTYPE.IPV6], ['arp', ETHERTYPE.ARP], ['rarp', ETHERTYPE.REVARP],
]);

// Offsets in the IPv4 header, the ARP body, the IPv6 header and TCP/UDP/SCTP.
const IPV4 = { protocol: 9, fragment: 6, source: 12, destination: 16 };
const ARP = { senderIP: 14, targetIP: 24 };
const IPV6 = { nextHeader: 6, source: 8, destination: 24, length: 40 };
const PORTS = { source: 0, destination: 2 };
// Fragment offset bits of the IPv4 flags/offset field: nonzero past the first fragment.
const IPV4_FRAGMENT_OFFSET = 0x1fff;
const PORT_PROTOCOLS = [IPPROTO_NUMBER.SCTP, IPPROTO_NUMBER.TCP, IPPROTO_NUMBER.UDP];

/**
 * The condition a syntax tree stands for, on `context.layer`'s frames.
 * @throws FilterSyntaxError where a primitive's qualifiers do not fit its value.
 */
export function conditionOf(node: FilterNode, context: PrimitiveContext): Condition {
  // `a or b and c …` nests to the left: walk that spine without recursion, so
  // a long expression cannot exhaust the stack (the right operands are single
  // terms, bounded by the parser's nesting limit).
  const spine: Array<{ kind: 'and' | 'or'; right: FilterNode }> = [];
  let leftmost = node;
  while (leftmost.kind === 'and' || leftmost.kind === 'or') {
    spine.push({ kind: leftmost.kind, right: leftmost.right });
    leftmost = leftmost.left;
  }
  let condition = new Primitives(context).of(leftmost);
  for (let i = spine.length - 1; i >= 0; i--) {
    const right = conditionOf(spine[i].right, context);
    condition = spine[i].kind === 'and' ? and(condition, right) : or(condition, right);
  }
  return condition;
}

class Primitives {
  readonly #context: PrimitiveContext;
  readonly #layer: LinkLayer;
  #position = 0;

  constructor(context: PrimitiveContext) {
    this.#context = context;
    this.#layer = context.layer;
  }

  of(node: FilterNode): Condition {
    switch (node.kind) {
      case 'and': case 'or': return conditionOf(node, this.#context);
      case 'not': return not(conditionOf(node.operand, this.#context));
      case 'protocol':
        this.#position = node.position;
        return this.#protocol(node.protocol);
      case 'broadcast':
        this.#position = node.position;
        return this.#broadcast(node.protocol);
      case 'multicast':
        this.#position = node.position;
        return this.#multicast(node.protocol);
      case 'greater': return testLength('ge', node.length);
      case 'less': return not(testLength('gt', node.length));
      case 'value':
        this.#position = node.position;
        return this.#value(node.qualifiers, node.value);
    }
  }

  #error(message: string): FilterSyntaxError {
    return new FilterSyntaxError(message, this.#context.expression, this.#position);
  }

  #carries(etherType: number): Condition {
    const condition = this.#layer.carries(etherType);
    if (condition === null) {
      throw this.#error(`protocol 0x${etherType.toString(16)} on ${this.#layer.name} not supported by this filter compiler`);
    }
    return condition;
  }

  #protocol(name: string): Condition {
    switch (name) {
      case 'ip': return this.#carries(ETHERTYPE.IP);
      case 'ip6': return this.#carries(ETHERTYPE.IPV6);
      case 'arp': return this.#carries(ETHERTYPE.ARP);
      case 'rarp': return this.#carries(ETHERTYPE.REVARP);
      case 'link': throw this.#error('link layer applied in wrong context');
      default: {
        const protocol = IP_PROTOCOLS.get(name);
        if (protocol === undefined) throw this.#error(`'${shortened(name)}' not supported by this filter compiler`);
        if (protocol.on === 'ip') return this.#ipProtocol(protocol.number);
        if (protocol.on === 'ip6') return this.#ip6Protocol(protocol.number);
        return or(this.#ipProtocol(protocol.number), this.#ip6Protocol(protocol.number));
      }
    }
  }

  // ip proto n.
  #ipProtocol(protocol: number): Condition {
    return and(this.#carries(ETHERTYPE.IP), test(1, this.#layer.network + IPV4.protocol, 'eq', protocol));
  }

  // ip6 proto n: the next header, or the one after a fragment header.
  #ip6Protocol(protocol: number): Condition {
    const network = this.#layer.network;
    return and(this.#carries(ETHERTYPE.IPV6), or(test(1, network + IPV6.nextHeader, 'eq', protocol),
      and(test(1, network + IPV6.nextHeader, 'eq', IPPROTO_NUMBER.FRAGMENT),
        test(1, network + IPV6.length, 'eq', protocol))));
  }

  #broadcast(protocol: string): Condition {
    if (protocol === 'default' || protocol === 'link') {
      if (!this.#layer.ethernet) throw this.#error('not a broadcast link');
      return this.#etherHost(new Uint8Array(6).fill(0xff), 'dst');
    }
    if (protocol !== 'ip') throw this.#error('only link-layer/IP broadcast filters supported');
    const hostmask = ~this.#context.netmask >>> 0;
    const destination = this.#layer.network + IPV4.destination;
    return and(this.#carries(ETHERTYPE.IP),
      or(test(4, destination, 'eq', 0, hostmask), test(4, destination, 'eq', hostmask, hostmask)));
  }

  #multicast(protocol: string): Condition {
    if (protocol === 'default' || protocol === 'link') {
      if (!this.#layer.ethernet) {
        throw this.#error('link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel');
      }
      // The group bit of the destination MAC address.
      return test(1, 0, 'set', 0x01);
    }
    if (protocol === 'ip') return and(this.#carries(ETHERTYPE.IP), test(1, this.#layer.network + IPV4.destination, 'ge', 224));
    if (protocol === 'ip6') {
      return and(this.#carries(ETHERTYPE.IPV6), test(1, this.#layer.network + IPV6.destination, 'eq', 0xff));
    }
    throw this.#error('only IP multicast filters supported on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel');
  }

  #value(q: Qualifiers, value: FilterValue): Condition {
    if (q.addr === 'undef') throw this.#error('syntax error in filter expression');
    if (q.proto === 'decnet' && value.type !== 'name') throw this.#error('DECnet addresses not supported by this filter compiler');
    switch (value.type) {
      case 'number': return this.#number(q, value.value);
      case 'ipv4': return this.#ipv4(q, value.text);
      case 'ipv4-prefix': case 'ipv4-netmask': return this.#ipv4Network(q, value);
      case 'ipv6': return this.#ipv6(q, value.text, value.bits);
      case 'mac':
        if (!((q.addr === 'host' || q.addr === 'default') && q.proto === 'link')) {
          throw this.#error('ethernet address used in non-ether expression');
        }
        return this.#etherHost(parseMac48(value.text), q.dir);
      case 'arcnet': throw this.#error('ARCnet address used in non-arc expression');
      case 'name': return this.#name(q, value.text);
    }
  }

  // A bare number: an IPv4 address or network number, a port, or a protocol.
  #number(q: Qualifiers, value: number): Condition {
    switch (q.addr) {
      case 'default': case 'host': case 'net': {
        if (q.proto === 'link') throw this.#error('illegal link layer address');
        let address = value;
        let mask = 0xffffffff;
        if (q.addr === 'net') {
          // A network number: 10 is 10.0.0.0/8, 172.16 written 0xac10 is 172.16.0.0/16.
          while (address !== 0 && (address & 0xff000000) === 0) {
            address = (address << 8) >>> 0;
            mask = (mask << 8) >>> 0;
          }
        }
        return this.#host(q, address, mask);
      }
      case 'port': case 'portrange': {
        const protocol = this.#portProtocol(q);
        if (value > 0xffff) throw this.#error(`illegal port number ${value} > 65535`);
        return this.#ports(value, value, protocol, q.dir, q.addr === 'portrange');
      }
      case 'proto': return this.#protoNumber(q, value);
      case 'gateway': throw this.#error("'gateway' requires a name");
      default: throw this.#error("'protochain' not supported by this filter compiler");
    }
  }

  #ipv4(q: Qualifiers, text: string): Condition {
    if (q.addr !== 'default' && q.addr !== 'host' && q.addr !== 'net') throw this.#error(`'${q.addr}' modifier applied to ip host`);
    if (q.proto === 'link') throw this.#error('illegal link layer address');
    const address = parseShortIPv4(text);
    if (address === null) throw this.#error(`invalid IPv4 address '${shortened(text)}'`);
    // `10.1` stands for 10.1.0.0 with the 16 bits given, as host or net.
    const shift = 32 - address.bits;
    return this.#host(q, address.value * 2 ** shift, (0xffffffff * 2 ** shift) % 2 ** 32);
  }

  #ipv4Network(q: Qualifiers, value: FilterValue & { type: 'ipv4-prefix' | 'ipv4-netmask' }): Condition {
    const network = parseShortIPv4(value.text);
    if (network === null) throw this.#error(`invalid IPv4 address '${shortened(value.text)}'`);
    const address = network.value * 2 ** (32 - network.bits);
    let mask: number;
    let shown: string;
    if (value.type === 'ipv4-netmask') {
      const m = parseShortIPv4(value.mask);
      if (m === null) throw this.#error(`invalid IPv4 address '${shortened(value.mask)}'`);
      mask = m.value * 2 ** (32 - m.bits);
      shown = `${shortened(value.text)} mask ${shortened(value.mask)}`;
    } else {
      if (value.bits > 32) throw this.#error('mask length must be <= 32');
      mask = value.bits === 0 ? 0 : (0xffffffff << (32 - value.bits)) >>> 0;
      shown = `${shortened(value.text)}/${value.bits}`;
    }
    if (((address & ~mask) >>> 0) !== 0) throw this.#error(`non-network bits set in "${shown}"`);
    if (q.addr !== 'net') throw this.#error('Mask syntax for networks only');
    return this.#host(q, address, mask);
  }

  // gen_host: the address (under mask) as IPv4 source/destination, and as
  // ARP/RARP sender/target unless a protocol was named.
  #host(q: Qualifiers, address: number, mask: number): Condition {
    const kind = q.addr === 'net' ? 'net' : 'host';
    const on = (etherType: number, source: number, destination: number): Condition =>
      and(this.#carries(etherType), this.#directed(q.dir, (offset) => test(4, offset, 'eq', address, mask),
        this.#layer.network + source, this.#layer.network + destination));
    switch (q.proto) {
      case 'default':
        return or(or(on(ETHERTYPE.IP, IPV4.source, IPV4.destination),
          on(ETHERTYPE.ARP, ARP.senderIP, ARP.targetIP)), on(ETHERTYPE.REVARP, ARP.senderIP, ARP.targetIP));
      case 'ip': return on(ETHERTYPE.IP, IPV4.source, IPV4.destination);
      case 'arp': return on(ETHERTYPE.ARP, ARP.senderIP, ARP.targetIP);
      case 'rarp': return on(ETHERTYPE.REVARP, ARP.senderIP, ARP.targetIP);
      case 'ip6': throw this.#error("'ip6' modifier applied to ip host");
      case 'link': throw this.#error(`link-layer modifier applied to ${kind}`);
      default: throw this.#error(`'${q.proto}' modifier applied to ${kind}`);
    }
  }

  #ipv6(q: Qualifiers, text: string, bits: number): Condition {
    if (q.addr === 'port' || q.addr === 'portrange' || q.addr === 'proto' || q.addr === 'protochain'
      || q.addr === 'gateway') throw this.#error('invalid qualifier against IPv6 address');
    const address = parseIPv6(text);
    if (address === null) throw this.#error(`bogus IPv6 address ${shortened(text)}`);
    if (bits > 128) throw this.#error('mask length must be <= 128');
    const mask = new Uint8Array(16);
    for (let i = 0; i < 16; i++) mask[i] = bits >= 8 * (i + 1) ? 0xff : bits > 8 * i ? (0xff << (8 - (bits - 8 * i))) & 0xff : 0;
    if (address.some((byte, i) => (byte & ~mask[i]) !== 0)) throw this.#error(`non-network bits set in "${shortened(text)}/${bits}"`);
    if (q.addr !== 'net' && bits !== 128) throw this.#error('Mask syntax for networks only');
    if (q.proto !== 'default' && q.proto !== 'ip6') {
      throw this.#error(q.proto === 'link' ? `link-layer modifier applied to ${q.addr === 'net' ? 'net' : 'host'}`
        : `'${q.proto}' modifier applied to ip6 ${q.addr === 'net' ? 'net' : 'host'}`);
    }
    const word = (bytes: Uint8Array, i: number): number => new DataView(bytes.buffer).getUint32(4 * i);
    // Word by word from the first; words the prefix does not reach are not tested.
    const match = (offset: number): Condition => {
      let condition: Condition = { kind: 'true' };
      for (let i = 3; i >= 0; i--) {
        if (word(mask, i) !== 0) condition = and(test(4, offset + 4 * i, 'eq', word(address, i), word(mask, i)), condition);
      }
      return condition;
    };
    return and(this.#carries(ETHERTYPE.IPV6),
      this.#directed(q.dir, match, this.#layer.network + IPV6.source, this.#layer.network + IPV6.destination));
  }

  #etherHost(mac: Uint8Array, dir: Qualifiers['dir']): Condition {
    if (!this.#layer.ethernet) {
      throw this.#error('ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel');
    }
    // The last four bytes first, then the first two, as libpcap compares them.
    const at = (offset: number): Condition => and(
      test(4, offset + 2, 'eq', ((mac[2] << 24) | (mac[3] << 16) | (mac[4] << 8) | mac[5]) >>> 0),
      test(2, offset, 'eq', (mac[0] << 8) | mac[1]));
    return this.#directed(dir, at, 6, 0);
  }

  // src, dst, "src or dst" (the default) or "src and dst" of a match at an offset.
  #directed(dir: Qualifiers['dir'], match: (offset: number) => Condition, source: number, destination: number):
  Condition {
    switch (dir) {
      case 'src': return match(source);
      case 'dst': return match(destination);
      case 'and': return and(match(source), match(destination));
      default: return or(match(source), match(destination));
    }
  }

  // The port qualifier's protocol: tcp, udp, sctp, or any of them.
  #portProtocol(q: Qualifiers): number | 'any' {
    switch (q.proto) {
      case 'tcp': return IPPROTO_NUMBER.TCP;
      case 'udp': return IPPROTO_NUMBER.UDP;
      case 'sctp': return IPPROTO_NUMBER.SCTP;
      case 'default': return 'any';
      default: throw this.#error(`illegal qualifier of '${q.addr}'`);
    }
  }

  // Ports low..high (a single port when `range` is false) on IPv6, then
  // IPv4; with no protocol given, SCTP, TCP or UDP. Each protocol gets its
  // own copy of the port tests, as in libpcap: the optimizer then knows the
  // protocol on every path and merges the copies back into one.
  #ports(low: number, high: number, protocol: number | 'any', dir: Qualifiers['dir'], range: boolean): Condition {
    const [first, last] = low <= high ? [low, high] : [high, low];
    const protocols = protocol === 'any' ? PORT_PROTOCOLS : [protocol];
    const network = this.#layer.network;
    const inRange = (load: (comparison: 'eq' | 'gt' | 'ge', value: number) => Condition): Condition =>
      (range ? and(load('ge', first), not(load('gt', last))) : load('eq', first));
    const anyOf = (each: (protocol: number) => Condition): Condition =>
      protocols.map(each).reduce((a, b) => or(a, b));

    const ip6Port = (offset: number): Condition =>
      inRange((comparison, value) => test(2, network + IPV6.length + offset, comparison, value));
    const ip6 = and(this.#carries(ETHERTYPE.IPV6), anyOf((p) => and(test(1, network + IPV6.nextHeader, 'eq', p),
      this.#directed(dir, ip6Port, PORTS.source, PORTS.destination))));

    const ipPort = (offset: number): Condition =>
      inRange((comparison, value) => testAfterIPv4(network, 2, network + offset, comparison, value));
    const notLaterFragment = not(test(2, network + IPV4.fragment, 'set', IPV4_FRAGMENT_OFFSET));
    const ip = and(this.#carries(ETHERTYPE.IP), anyOf((p) => and(and(test(1, network + IPV4.protocol, 'eq', p),
      notLaterFragment), this.#directed(dir, ipPort, PORTS.source, PORTS.destination))));
    return or(ip6, ip);
  }

  // `[ip|ip6|ether] proto n`.
  #protoNumber(q: Qualifiers, value: number): Condition {
    if (q.dir !== 'default') throw this.#error("direction applied to 'proto'");
    switch (q.proto) {
      case 'default': return or(this.#ipProtocol(value), this.#ip6Protocol(value));
      case 'ip': return this.#ipProtocol(value);
      case 'ip6': return this.#ip6Protocol(value);
      case 'link': return this.#carries(value);
      default: throw this.#error(`'${q.proto} proto' not supported by this filter compiler`);
    }
  }

  #name(q: Qualifiers, name: string): Condition {
    switch (q.addr) {
      case 'port': {
        const protocol = this.#portProtocol(q);
        const named = portByName(name);
        if (named === null) throw this.#error(`unknown port '${shortened(name)}'`);
        return this.#ports(named.port, named.port, this.#namedPortProtocol(protocol, named.protocol, name, 'port'),
          q.dir, false);
      }
      case 'portrange': {
        const protocol = this.#portProtocol(q);
        const [low, high, found] = this.#portRange(name);
        return this.#ports(low, high, this.#namedPortProtocol(protocol, found, name, 'port in range'), q.dir, true);
      }
      case 'proto': {
        const table = q.proto === 'link' ? ETHER_PROTOCOL_NAMES : IP_PROTOCOL_NAMES;
        const number = table.get(name);
        if (number === undefined) throw this.#error(`unknown protocol: ${shortened(name)}`);
        return this.#protoNumber(q, number);
      }
      case 'protochain': throw this.#error("'protochain' not supported by this filter compiler");
      case 'net': throw this.#error(`network names are not resolved: '${shortened(name)}' (give the network as a.b.c.d/len)`);
      case 'gateway': throw this.#error(`'gateway' needs host names, which are not resolved: '${shortened(name)}'`);
      default:
        if (q.proto === 'link') throw this.#error(`Ethernet host names are not resolved: '${shortened(name)}' (give the MAC address)`);
        throw this.#error(`host names are not resolved: '${shortened(name)}' (give a numeric address)`);
    }
  }

  // The protocol a named port is tested on: a port known only for TCP cannot be `udp port`.
  #namedPortProtocol(asked: number | 'any', found: PortProtocol, name: string, what: string): number | 'any' {
    const foundNumber = found === 'any' ? 'any' : found === 'tcp' ? IPPROTO_NUMBER.TCP : IPPROTO_NUMBER.UDP;
    if (asked === 'any') return foundNumber;
    if (foundNumber !== 'any' && foundNumber !== asked) throw this.#error(`${what} '${shortened(name)}' is ${found}`);
    return asked;
  }

  // "a-b" by number (as sscanf's "%d-%d" reads it) or by service names.
  #portRange(text: string): [number, number, PortProtocol] {
    const numeric = /^([+-]?[0-9]+)-([+-]?[0-9]+)/.exec(text);
    if (numeric !== null) {
      const [low, high] = [Number(numeric[1]), Number(numeric[2])];
      for (const port of [low, high]) {
        if (port < 0) throw this.#error(`illegal port number ${port} < 0`);
        if (port > 0xffff) throw this.#error(`illegal port number ${port} > 65535`);
      }
      return [low, high, 'any'];
    }
    const dash = text.indexOf('-');
    const low = dash < 0 ? null : portByName(text.slice(0, dash));
    const high = dash < 0 ? null : portByName(text.slice(dash + 1));
    if (low === null || high === null) throw this.#error(`unknown port in range '${shortened(text)}'`);
    return [low.port, high.port, low.protocol === high.protocol ? low.protocol : 'any'];
  }
}
