// Frames and expressions for comparing compileFilter with tcpdump's own
// programs (`tcpdump -dd`): hand-built frames of every kind the language
// tests (IPv4 with and without options, first and later fragments, IPv6 with
// fragment and hop-by-hop headers, ARP, RARP, 802.3, VLAN, broadcast,
// multicast), each also with bytes changed, in the four link types; and a
// seeded generator of expressions.
import { LINKTYPE } from '../lib';

/** A deterministic generator of numbers in [0, 1) (a linear congruential one). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ipv4 = (text: string): Buffer => Buffer.from(text.split('.').map(Number));
function ipv6(text: string): Buffer {
  const [head, tail = ''] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const words = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = Buffer.alloc(16);
  words.forEach((word, i) => bytes.writeUInt16BE(parseInt(word, 16), 2 * i));
  return bytes;
}
const mac = (text: string): Buffer => Buffer.from(text.split(':').map((b) => parseInt(b, 16)));

function ethernet(destination: string, source: string, type: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(14);
  mac(destination).copy(header, 0);
  mac(source).copy(header, 6);
  header.writeUInt16BE(type, 12);
  return Buffer.concat([header, payload]);
}
function ip4Packet(source: string, destination: string, protocol: number, payload: Buffer, words = 5, fragment = 0): Buffer {
  const header = Buffer.alloc(words * 4);
  header[0] = 0x40 | words;
  header.writeUInt16BE(header.length + payload.length, 2);
  header.writeUInt16BE(fragment, 6);
  header[8] = 64;
  header[9] = protocol;
  ipv4(source).copy(header, 12);
  ipv4(destination).copy(header, 16);
  return Buffer.concat([header, payload]);
}
function ip6Packet(source: string, destination: string, nextHeader: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(40);
  header[0] = 0x60;
  header.writeUInt16BE(payload.length, 4);
  header[6] = nextHeader;
  header[7] = 64;
  ipv6(source).copy(header, 8);
  ipv6(destination).copy(header, 24);
  return Buffer.concat([header, payload]);
}
function transport(source: number, destination: number, length = 20): Buffer {
  const header = Buffer.alloc(length);
  header.writeUInt16BE(source, 0);
  header.writeUInt16BE(destination, 2);
  return header;
}
function arpBody(operation: number, sender: string, senderIP: string, target: string, targetIP: string): Buffer {
  const body = Buffer.alloc(28);
  body.writeUInt16BE(1, 0);
  body.writeUInt16BE(0x0800, 2);
  body[4] = 6;
  body[5] = 4;
  body.writeUInt16BE(operation, 6);
  mac(sender).copy(body, 8);
  ipv4(senderIP).copy(body, 14);
  mac(target).copy(body, 18);
  ipv4(targetIP).copy(body, 24);
  return body;
}

const A = '02:00:00:00:00:01';
const B = '02:00:00:00:00:02';
const BROADCAST = 'ff:ff:ff:ff:ff:ff';
const V4 = ['10.0.0.1', '10.0.0.2', '1.2.3.4', '192.168.1.7', '127.0.0.1', '224.0.0.1', '255.255.255.255', '0.0.0.0',
  '10.1.2.3', '172.16.5.4'];
const V6 = ['fd00::1', 'fd00::2', '::1', 'fe80::1', 'ff02::1', '2001:db8::5', 'fe80::200:ff:fe00:1', 'ff02::1:ff00:2'];
const PORTS = [80, 53, 443, 22, 1000, 1005, 1010, 1011, 999, 8080, 0, 65535, 7, 123];

/** Whole Ethernet frames of every kind, then each again with three bytes changed. */
export function ethernetFrames(): Buffer[] {
  const frames: Buffer[] = [];
  let n = 0;
  const pick = <T>(list: T[]): T => list[(n++ * 7919) % list.length];
  for (const protocol of [6, 17, 132, 1, 2, 47, 50, 51, 103, 112, 9]) {
    for (let i = 0; i < 6; i++) {
      const [s, d, sp, dp] = [pick(V4), pick(V4), pick(PORTS), pick(PORTS)];
      frames.push(ethernet(pick([A, B, BROADCAST, '01:00:5e:00:00:01']), A, 0x0800, ip4Packet(s, d, protocol, transport(sp, dp))));
      frames.push(ethernet(B, A, 0x0800, ip4Packet(s, d, protocol, transport(sp, dp), 6 + (i % 3))));
      frames.push(ethernet(B, A, 0x0800, ip4Packet(s, d, protocol, transport(sp, dp), 5, i % 2 ? 0x2000 : 0x0010)));
    }
  }
  for (const nextHeader of [6, 17, 132, 58, 0, 44, 43]) {
    for (let i = 0; i < 6; i++) {
      const [s, d, sp, dp] = [pick(V6), pick(V6), pick(PORTS), pick(PORTS)];
      let payload = transport(sp, dp, 24);
      if (nextHeader === 44) payload = Buffer.concat([Buffer.from([pick([6, 17, 58, 132]), 0, 0, i % 2, 0, 0, 0, 1]), transport(sp, dp)]);
      if (nextHeader === 0 || nextHeader === 43) payload = Buffer.concat([Buffer.from([pick([6, 17]), 0, 0, 0, 0, 0, 0, 0]), transport(sp, dp)]);
      frames.push(ethernet(pick([B, '33:33:00:00:00:01', BROADCAST]), A, 0x86dd, ip6Packet(s, d, nextHeader, payload)));
    }
  }
  for (let i = 0; i < 8; i++) {
    frames.push(ethernet(BROADCAST, A, 0x0806, arpBody(1, A, pick(V4), '00:00:00:00:00:00', pick(V4))));
    frames.push(ethernet(B, A, 0x0806, arpBody(2, A, pick(V4), B, pick(V4))));
    frames.push(ethernet(BROADCAST, A, 0x8035, arpBody(3, A, pick(V4), B, pick(V4))));
  }
  frames.push(ethernet(BROADCAST, A, 100, Buffer.from([0xaa, 0xaa, 3, 0, 0, 0, 8, 0, 0x45, 0, 0, 0])));
  frames.push(ethernet(B, A, 0x8100, Buffer.from('0005080045000014000000004006000a0000010a000002', 'hex')));
  frames.push(ethernet(A, B, 0x88cc, Buffer.alloc(30)));
  const random = seeded(7);
  const changed = frames.map((frame) => {
    const copy = Buffer.from(frame);
    for (let k = 0; k < 3; k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  });
  return [...frames, ...changed];
}

/** An Ethernet frame as a frame of `linkType`: the IP packet alone (RAW), or behind a cooked header. */
export function asLinkType(linkType: number, frame: Buffer): Buffer {
  const type = frame.readUInt16BE(12);
  const body = frame.subarray(14);
  switch (linkType) {
    case LINKTYPE.EN10MB: return frame;
    case LINKTYPE.RAW: return body;
    case LINKTYPE.LINUX_SLL: {
      const header = Buffer.alloc(16); // packet type, ARPHRD_ETHER, address length 6, address, protocol
      header.writeUInt16BE(1, 2);
      header.writeUInt16BE(6, 4);
      frame.copy(header, 6, 6, 12);
      header.writeUInt16BE(type, 14);
      return Buffer.concat([header, body]);
    }
    default: {
      const header = Buffer.alloc(20); // protocol, reserved, ifindex, ARPHRD_ETHER, packet type, length, address
      header.writeUInt16BE(type, 0);
      header.writeUInt32BE(2, 4);
      header.writeUInt16BE(1, 8);
      header[11] = 6;
      frame.copy(header, 12, 6, 12);
      return Buffer.concat([header, body]);
    }
  }
}

/** A generator of random expressions over the whole language, from a seed. */
export function expressionGenerator(seed: number): () => string {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const v4 = ['10.0.0.1', '10.0.0.2', '1.2.3.4', '192.168.1.7', '10.1', '10.0.0.0/8', '10.0.0.0/24', '172.16.0.0/12', '224.0.0.1'];
  const v6 = ['fd00::1', 'fd00::2', '::1', 'fe80::1', 'ff02::1', 'fe80::/10', 'fd00::/8', '2001:db8::/32', 'ff02::/16'];
  const ports = ['80', '53', '443', '22', '1000', '1010', '7', '123', 'domain', '1000-1010', '0'];
  const macs = [A, B, BROADCAST, '33:33:00:00:00:01'];
  const primitive = (depth: number): string => {
    switch (Math.floor(random() * 13)) {
      case 0: return pick(['tcp', 'udp', 'icmp', 'icmp6', 'ip', 'ip6', 'arp', 'rarp', 'sctp', 'igmp', 'esp', 'ah', 'pim']);
      case 1: {
        const a = pick(v4);
        return `${pick(['', 'src ', 'dst ', 'src or dst ', 'src and dst '])}${a.includes('/') ? 'net' : pick(['host', 'net'])} ${a}`;
      }
      case 2: {
        const a = pick(v6);
        return `${pick(['', 'ip6 '])}${pick(['', 'src ', 'dst '])}${a.includes('/') ? 'net' : 'host'} ${a}`;
      }
      case 3: {
        const p = pick(ports);
        return `${pick(['', 'tcp ', 'udp ', 'sctp '])}${pick(['', 'src ', 'dst '])}${p.includes('-') ? 'portrange' : 'port'} ${p}`;
      }
      case 4: return `ether ${pick(['host', 'src', 'dst', 'src or dst'])} ${pick(macs)}`;
      case 5: return pick(['broadcast', 'multicast', 'ether broadcast', 'ether multicast', 'ip multicast', 'ip6 multicast', 'ip broadcast']);
      case 6: return `${pick(['greater', 'less'])} ${pick([0, 42, 60, 64, 80, 100, 1500])}`;
      case 7: return `${pick(['ip ', 'ip6 ', ''])}proto ${pick([6, 17, 1, 58, 132, 2])}`;
      case 8: return `${pick(['arp', 'ip', 'rarp'])} ${pick(['src ', 'dst ', ''])}host ${pick(['10.0.0.1', '1.2.3.4', '224.0.0.1'])}`;
      case 9: return `${pick(['host', 'port', 'src port', 'dst host'])} ${pick(['10.0.0.1', '53', '80'])} ${pick(['and', 'or'])} ${pick(['10.0.0.2', '443', '1.2.3.4', '22'])}`;
      default: return depth > 3 ? pick(['tcp', 'udp', 'port 53']) : expression(depth + 1);
    }
  };
  const expression = (depth: number): string => {
    let text = primitive(depth);
    for (let i = Math.floor(random() * 3); i > 0; i--) {
      text = `${text} ${pick(['and', 'or', '&&', '||', 'and not', 'or not'])} ${primitive(depth)}`;
    }
    const wrap = random();
    return wrap < 0.3 ? `not (${text})` : wrap < 0.5 ? `(${text})` : text;
  };
  return () => expression(0);
}

/** A generator of token sequences: qualifiers, values, parentheses, `not`, in any order (most are not expressions). */
export function tokenSoupGenerator(seed: number): () => string {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const heads = ['host', 'src host', 'dst', 'net', 'port', 'src port', 'tcp port', 'udp dst port', 'portrange', 'ip host',
    'arp host', 'ip6 host', 'ether host', 'ether src', 'proto', 'ip proto', 'src or dst', 'src and dst net', 'ip6 net', ''];
  const values = ['10.0.0.1', '1.2.3.4', '10.0.0.0/8', '10.1', '80', '53', '(80)', '((53))', '1000-1010', 'fd00::1',
    'fe80::/10', A, '6', 'domain', '10 mask 255.0.0.0', '10.0.0.0 mask 255.0.0.0', '(10.0.0.1 or 1.2.3.4)', '(80 or 53)',
    'not 80', '! 10.0.0.2', '(not 80 or 53)'];
  const terms = ['tcp', 'udp', 'ip', 'ip6', 'arp', 'icmp', 'broadcast', 'ip multicast', 'greater 60', 'less 100', 'ether broadcast'];
  return () => {
    const parts: string[] = [];
    for (let j = 0, k = 1 + Math.floor(random() * 5); j < k; j++) {
      if (j > 0) parts.push(pick(['and', 'or', '&&', '||', 'and not', 'or !']));
      const open = random();
      if (open < 0.15) parts.push('(');
      if (open > 0.9) parts.push('not');
      const kind = random();
      parts.push(kind < 0.35 ? `${pick(heads)} ${pick(values)}`.trim() : kind < 0.6 ? pick(values) : pick(terms));
      if (random() < 0.15) parts.push(')');
    }
    return parts.join(' ');
  };
}
