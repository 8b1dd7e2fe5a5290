// Helpers of the capture-file tests: frames that tcpdump prints on one line,
// a pcapng writer made by hand (this package writes no pcapng, so the tests
// build the files the reader must read), and a parser of what
// `tcpdump -r FILE -tt -n -xx` prints.
import { execFileSync } from 'node:child_process';

import { LINKTYPE } from '../lib';

/** A small deterministic random source (xorshift32), so a failure can be replayed from its seed. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 1;
  }

  /** An integer in [0, 2^32). */
  u32(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor((this.u32() / 0x100000000) * (max - min + 1));
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.u32() & 0xff;
    return out;
  }
}

/** An IPv4 UDP datagram (checksums zero: tcpdump -n without -v does not check them). */
export function ipv4Udp(payload: Uint8Array, sport = 40000, dport = 9999): Buffer {
  const ip = Buffer.alloc(28);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(28 + payload.length, 2);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(17, 9);
  ip.set([10, 1, 0, 1], 12);
  ip.set([10, 1, 0, 2], 16);
  ip.writeUInt16BE(sport, 20);
  ip.writeUInt16BE(dport, 22);
  ip.writeUInt16BE(8 + payload.length, 24);
  return Buffer.concat([ip, payload]);
}

/** An IPv6 UDP datagram. */
export function ipv6Udp(payload: Uint8Array, sport = 40000, dport = 9999): Buffer {
  const ip = Buffer.alloc(48);
  ip.writeUInt32BE(0x60000000, 0);
  ip.writeUInt16BE(8 + payload.length, 4);
  ip.writeUInt8(17, 6);
  ip.writeUInt8(64, 7);
  ip[23] = 1;
  ip[39] = 2;
  ip.set([0xfd, 0, 0, 0, 0, 0, 0, 0], 8);
  ip.set([0xfd, 0, 0, 0, 0, 0, 0, 0], 24);
  ip.writeUInt16BE(sport, 40);
  ip.writeUInt16BE(dport, 42);
  ip.writeUInt16BE(8 + payload.length, 44);
  return Buffer.concat([ip, payload]);
}

/** A frame of the link type around an IP datagram: Ethernet, a LINUX_SLL2 header, or nothing (RAW). */
export function frameOf(linkType: number, ip: Buffer): Buffer {
  const version6 = ip[0] >> 4 === 6;
  if (linkType === LINKTYPE.RAW) return ip;
  if (linkType === LINKTYPE.EN10MB) {
    const ether = Buffer.from([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0, 0]);
    ether.writeUInt16BE(version6 ? 0x86dd : 0x0800, 12);
    return Buffer.concat([ether, ip]);
  }
  if (linkType === LINKTYPE.LINUX_SLL2) {
    // protocol, reserved, ifindex, ARPHRD_ETHER, PACKET_OUTGOING, address length, address (8).
    const sll2 = Buffer.alloc(20);
    sll2.writeUInt16BE(version6 ? 0x86dd : 0x0800, 0);
    sll2.writeUInt32BE(2, 4);
    sll2.writeUInt16BE(1, 8);
    sll2.writeUInt8(4, 10);
    sll2.writeUInt8(6, 11);
    sll2.set([2, 0, 0, 0, 0, 1], 12);
    return Buffer.concat([sll2, ip]);
  }
  throw new Error(`no frame builder for link type ${linkType}`);
}

/** One packet as tcpdump printed it: the timestamp's two parts as text, and the bytes of the hex dump. */
export interface PrintedPacket {
  sec: string;
  frac: string;
  hex: string;
}

/**
 * Runs `tcpdump -r file -tt -n -xx` (with `extra` arguments) and parses its
 * output: a line per packet starting with "SEC.FRAC ", then "\t0xOFFS:  hex"
 * lines. -xx rather than -x: -x leaves the link-layer header out of the dump.
 */
export function tcpdumpRead(file: string, extra: string[] = []): PrintedPacket[] {
  const out = execFileSync('tcpdump', ['-r', file, '-tt', '-n', '-xx', ...extra],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const packets: PrintedPacket[] = [];
  for (const line of out.split('\n')) {
    const stamp = /^(\d+)\.(\d+) /.exec(line);
    if (stamp !== null) {
      packets.push({ sec: stamp[1], frac: stamp[2], hex: '' });
      continue;
    }
    const dump = /^\t0x[0-9a-f]{4}:  ([0-9a-f ]+)$/.exec(line);
    if (dump !== null) packets[packets.length - 1].hex += dump[1].replace(/ /g, '');
  }
  return packets;
}

/** The timestamp as tcpdump -tt prints it: `sec.uuuuuu`, or `sec.nnnnnnnnn` with nanosecond precision. */
export function printedTime(sec: number | bigint, nsec: number | bigint, nano: boolean): string {
  const frac = nano ? String(nsec).padStart(9, '0') : String(BigInt(nsec) / 1000n).padStart(6, '0');
  return `${sec}.${frac}`;
}

type Order = 'little' | 'big';

/** An Interface Description Block's fields. */
export interface IdbSpec {
  linkType: number;
  snaplen?: number;
  /** if_tsresol's byte (10^-n, or 0x80 | n for 2^-n). */
  tsresol?: number;
  /** if_tsoffset, seconds. */
  tsoffset?: bigint;
  name?: string;
}

/**
 * Writes pcapng by hand, block by block, each in its section's byte order:
 * enough of the format to build the files the reader must read (and some it
 * must refuse, through `raw`).
 */
export class PcapngBuilder {
  #blocks: Buffer[] = [];
  #order: Order = 'little';

  /** Starts a section: a Section Header Block in `order`. */
  section(order: Order, versionMajor = 1): this {
    this.#order = order;
    const body = Buffer.alloc(16);
    this.#u32(body, 0, 0x1a2b3c4d);
    this.#u16(body, 4, versionMajor);
    this.#u16(body, 6, 0);
    body.writeBigInt64LE(-1n, 8);
    return this.block(0x0a0d0d0a, body);
  }

  interface(spec: IdbSpec): this {
    const fixed = Buffer.alloc(8);
    this.#u16(fixed, 0, spec.linkType);
    this.#u32(fixed, 4, spec.snaplen ?? 262144);
    const options: Buffer[] = [];
    if (spec.name !== undefined) options.push(this.option(2, Buffer.from(spec.name)));
    if (spec.tsresol !== undefined) options.push(this.option(9, Buffer.from([spec.tsresol])));
    if (spec.tsoffset !== undefined) {
      const value = Buffer.alloc(8);
      if (this.#order === 'little') value.writeBigInt64LE(spec.tsoffset);
      else value.writeBigInt64BE(spec.tsoffset);
      options.push(this.option(14, value));
    }
    if (options.length > 0) options.push(this.option(0, Buffer.alloc(0)));
    return this.block(1, Buffer.concat([fixed, ...options]));
  }

  /** An Enhanced Packet Block; `units` is the 64-bit timestamp in the interface's units. */
  epb(interfaceIndex: number, units: bigint, data: Uint8Array, originalLength = data.length): this {
    const fixed = Buffer.alloc(20);
    this.#u32(fixed, 0, interfaceIndex);
    this.#u32(fixed, 4, Number(units >> 32n));
    this.#u32(fixed, 8, Number(units & 0xffffffffn));
    this.#u32(fixed, 12, data.length);
    this.#u32(fixed, 16, originalLength);
    return this.block(6, Buffer.concat([fixed, pad4(data)]));
  }

  /** An obsolete Packet Block. */
  pb(interfaceIndex: number, units: bigint, data: Uint8Array, originalLength = data.length): this {
    const fixed = Buffer.alloc(20);
    this.#u16(fixed, 0, interfaceIndex);
    this.#u32(fixed, 4, Number(units >> 32n));
    this.#u32(fixed, 8, Number(units & 0xffffffffn));
    this.#u32(fixed, 12, data.length);
    this.#u32(fixed, 16, originalLength);
    return this.block(2, Buffer.concat([fixed, pad4(data)]));
  }

  /** A Simple Packet Block: the packet's original length, then its data. */
  spb(data: Uint8Array, originalLength = data.length): this {
    const fixed = Buffer.alloc(4);
    this.#u32(fixed, 0, originalLength);
    return this.block(3, Buffer.concat([fixed, pad4(data)]));
  }

  /** Any block: type, body (padded to 4), and the two lengths. */
  block(type: number, body: Uint8Array): this {
    const padded = pad4(body);
    const block = Buffer.alloc(12 + padded.length);
    this.#u32(block, 0, type);
    this.#u32(block, 4, block.length);
    block.set(padded, 8);
    this.#u32(block, block.length - 4, block.length);
    this.#blocks.push(block);
    return this;
  }

  /** Bytes added as they are (a broken block, a truncated tail). */
  raw(bytes: Uint8Array): this {
    this.#blocks.push(Buffer.from(bytes));
    return this;
  }

  /** An option: code, length, value padded to 4. */
  option(code: number, value: Uint8Array): Buffer {
    const head = Buffer.alloc(4);
    this.#u16(head, 0, code);
    this.#u16(head, 2, value.length);
    return Buffer.concat([head, pad4(value)]);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.#blocks);
  }

  #u16(buffer: Buffer, at: number, value: number): void {
    if (this.#order === 'little') buffer.writeUInt16LE(value, at);
    else buffer.writeUInt16BE(value, at);
  }

  #u32(buffer: Buffer, at: number, value: number): void {
    if (this.#order === 'little') buffer.writeUInt32LE(value >>> 0, at);
    else buffer.writeUInt32BE(value >>> 0, at);
  }
}

function pad4(bytes: Uint8Array): Buffer {
  const padded = Buffer.alloc((bytes.length + 3) & ~3);
  padded.set(bytes);
  return padded;
}

/** A classic pcap file header, by hand (for headers PcapWriter will not write). */
export function classicHeader(options: { magic?: number; order?: Order; major?: number; minor?: number;
  snaplen?: number; linkType?: number } = {}): Buffer {
  const header = Buffer.alloc(24);
  const le = (options.order ?? 'little') === 'little';
  const u32 = (value: number, at: number): number => (le ? header.writeUInt32LE(value >>> 0, at)
    : header.writeUInt32BE(value >>> 0, at));
  const u16 = (value: number, at: number): number => (le ? header.writeUInt16LE(value, at)
    : header.writeUInt16BE(value, at));
  u32(options.magic ?? 0xa1b2c3d4, 0);
  u16(options.major ?? 2, 4);
  u16(options.minor ?? 4, 6);
  u32(options.snaplen ?? 262144, 16);
  u32(options.linkType ?? 1, 20);
  return header;
}

/** A classic pcap record, by hand: header fields as given, then `data`. */
export function classicRecord(fields: { sec?: number; frac?: number; incl: number; orig?: number; order?: Order },
  data: Uint8Array): Buffer {
  const header = Buffer.alloc(16);
  const le = (fields.order ?? 'little') === 'little';
  const values = [fields.sec ?? 1, fields.frac ?? 0, fields.incl, fields.orig ?? fields.incl];
  values.forEach((value, i) => (le ? header.writeUInt32LE(value >>> 0, i * 4) : header.writeUInt32BE(value >>> 0, i * 4)));
  return Buffer.concat([header, data]);
}
