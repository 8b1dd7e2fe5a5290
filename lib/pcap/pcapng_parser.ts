// pcapng: a file of blocks, each { type, total length, body, total length }.
// A Section Header Block starts each section and says its byte order; the
// section's Interface Description Blocks give each interface's link type,
// snaplen and timestamp resolution; packet blocks (Enhanced, Simple, the
// obsolete Packet Block) name an interface; every other block is skipped.
// Every length is checked (multiple of 4, at least 12, at most 16 MiB, equal
// to the trailer's, big enough for the block's fixed fields and its data)
// before the body is read, and each block moves the position forward by at
// least 12 bytes, so no file makes the parser loop or overreach.
import type { ByteSource } from './byte_source';
import {
  MAX_BLOCK_LENGTH, MAX_SNAPLEN, PCAPNG_BLOCK, PCAPNG_BLOCK_HEADER_LENGTH, PCAPNG_BLOCK_OVERHEAD,
  PCAPNG_BYTE_ORDER_MAGIC, PCAPNG_DEFAULT_TSRESOL, PCAPNG_MAX_BINARY_TSRESOL, PCAPNG_MAX_DECIMAL_TSRESOL,
  PCAPNG_OPTION, PCAPNG_SHB_MIN_LENGTH, PCAPNG_VERSION_MAJOR,
} from './format';
import { PcapFormatError } from './pcap_error';
import { TimestampScale, type TimestampResolution } from './timestamp';
import type { PcapFileHeader, PcapInterface, PcapRecord, RecordParser } from './types';

/** Whether the file's first four bytes are a Section Header Block's type. */
export function isPcapngMagic(view: DataView): boolean {
  return view.getUint32(0, true) === PCAPNG_BLOCK.SECTION_HEADER;
}

/** An interface of the current section, with what reading its packets needs. */
interface Described {
  readonly info: PcapInterface;
  readonly scale: TimestampScale;
  /** The longest captured length accepted: the snaplen (libpcap's 262144 if 0), at most 16 MiB. */
  readonly limit: number;
}

/** Fixed fields before the data: EPB and PB (interface, timestamp, two lengths), SPB (one length). */
const EPB_FIXED = 20;
const PB_FIXED = 20;
const SPB_FIXED = 4;
/** IDB fixed fields: link type, reserved, snaplen. */
const IDB_FIXED = 8;

const utf8 = new TextDecoder();

/** Reads records of a pcapng file; the constructor reads up to the first interface. */
export class PcapngParser implements RecordParser {
  readonly header: PcapFileHeader;
  readonly #source: ByteSource;
  #position = 0;
  #littleEndian = true;
  #described: Described[] = [];
  #interfaces: PcapInterface[] = [];
  #version: [number, number] = [0, 0];

  /** @param source - The file, whose first four bytes are a Section Header Block's type. */
  constructor(source: ByteSource) {
    this.#source = source;
    // The header reports the first interface, which may come after other
    // blocks; the packet blocks that could come first are refused anyway (no
    // interface yet), so reading ahead to it loses nothing.
    this.#step();
    const [versionMajor, versionMinor] = this.#version;
    const byteOrder = this.#littleEndian ? 'little' : 'big';
    while (this.#described.length === 0) {
      if (this.#step() === null) {
        throw new PcapFormatError('no Interface Description Block in the first section', this.#position);
      }
    }
    const first = this.#interfaces[0];
    const { base, exponent } = first.resolution;
    this.header = {
      format: 'pcapng', linkType: first.linkType, snaplen: first.snaplen,
      precision: base ** exponent > 1e6 ? 'nano' : 'micro', byteOrder, versionMajor, versionMinor,
    };
  }

  get interfaces(): readonly PcapInterface[] {
    return this.#interfaces;
  }

  next(): PcapRecord | null {
    for (;;) {
      const record = this.#step();
      if (record !== undefined) return record;
    }
  }

  /** Reads one block: a packet's record, undefined for any other block, null at the end of the file. */
  #step(): PcapRecord | null | undefined {
    const source = this.#source;
    const position = this.#position;
    const got = source.fill(position, PCAPNG_BLOCK_OVERHEAD);
    if (got === 0) return null;
    if (got < PCAPNG_BLOCK_OVERHEAD) {
      throw new PcapFormatError(`truncated pcapng file: block header of ${got} of ${PCAPNG_BLOCK_OVERHEAD} bytes`,
        position);
    }
    let view = source.view;
    let at = position - source.base;
    // The block type reads the same in both byte orders only for a Section
    // Header Block, whose byte-order magic then sets the order of the rest.
    const type = view.getUint32(at, this.#littleEndian);
    if (type === PCAPNG_BLOCK.SECTION_HEADER) {
      if (view.getUint32(at + 8, true) === PCAPNG_BYTE_ORDER_MAGIC) this.#littleEndian = true;
      else if (view.getUint32(at + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) this.#littleEndian = false;
      else throw new PcapFormatError('bad byte-order magic in a Section Header Block', position + 8);
    } else if (position === 0) {
      throw new PcapFormatError('the file does not start with a Section Header Block', 0);
    }
    const le = this.#littleEndian;
    const length = view.getUint32(at + 4, le);
    const minimum = type === PCAPNG_BLOCK.SECTION_HEADER ? PCAPNG_SHB_MIN_LENGTH : PCAPNG_BLOCK_OVERHEAD;
    if (length < minimum || length % 4 !== 0 || length > MAX_BLOCK_LENGTH) {
      throw new PcapFormatError(`bad block length ${length} (a multiple of 4 from ${minimum} to ${MAX_BLOCK_LENGTH})`,
        position + 4);
    }
    const have = source.fill(position, length);
    if (have < length) {
      throw new PcapFormatError(`truncated pcapng file: block of ${have} of ${length} bytes`, position);
    }
    view = source.view;
    at = position - source.base;
    const trailer = view.getUint32(at + length - 4, le);
    if (trailer !== length) {
      throw new PcapFormatError(`block length ${length} differs from its trailing copy ${trailer}`,
        position + length - 4);
    }
    this.#position = position + length;
    const body = at + PCAPNG_BLOCK_HEADER_LENGTH;
    const bodyLength = length - PCAPNG_BLOCK_OVERHEAD;
    switch (type) {
      case PCAPNG_BLOCK.SECTION_HEADER:
        this.#startSection(view, body, position);
        return undefined;
      case PCAPNG_BLOCK.INTERFACE_DESCRIPTION:
        this.#describeInterface(view, body, bodyLength, position);
        return undefined;
      case PCAPNG_BLOCK.ENHANCED_PACKET:
        return this.#packet(view, body, bodyLength, position, view.getUint32(body, le), EPB_FIXED);
      case PCAPNG_BLOCK.PACKET:
        return this.#packet(view, body, bodyLength, position, view.getUint16(body, le), PB_FIXED);
      case PCAPNG_BLOCK.SIMPLE_PACKET:
        return this.#simplePacket(view, body, bodyLength, position);
      default:
        return undefined;
    }
  }

  #startSection(view: DataView, body: number, position: number): void {
    const major = view.getUint16(body + 4, this.#littleEndian);
    const minor = view.getUint16(body + 6, this.#littleEndian);
    if (major !== PCAPNG_VERSION_MAJOR) {
      throw new PcapFormatError(`unsupported pcapng version ${major}.${minor}`, position + 12);
    }
    // Bytes 8–15 of the body are the section length, -1 or a hint: unused,
    // as the blocks' own lengths say where each ends.
    if (position === 0) this.#version = [major, minor];
    this.#described = [];
    this.#interfaces = [];
  }

  #describeInterface(view: DataView, body: number, bodyLength: number, position: number): void {
    if (bodyLength < IDB_FIXED) {
      throw new PcapFormatError('Interface Description Block too short', position);
    }
    const le = this.#littleEndian;
    const linkType = view.getUint16(body, le);
    const snaplen = view.getUint32(body + 4, le);
    let name: string | undefined;
    let tsresol: number | undefined;
    let offsetSeconds: number | undefined;
    const optionsOffset = position + PCAPNG_BLOCK_HEADER_LENGTH + IDB_FIXED;
    this.#readOptions(view, body + IDB_FIXED, bodyLength - IDB_FIXED, optionsOffset, (code, value, valueLength, at) => {
      if (code === PCAPNG_OPTION.IF_TSRESOL) {
        if (valueLength !== 1) throw new PcapFormatError(`if_tsresol of length ${valueLength}, not 1`, at);
        if (tsresol !== undefined) throw new PcapFormatError('more than one if_tsresol', at);
        tsresol = view.getUint8(value);
      } else if (code === PCAPNG_OPTION.IF_TSOFFSET) {
        if (valueLength !== 8) throw new PcapFormatError(`if_tsoffset of length ${valueLength}, not 8`, at);
        if (offsetSeconds !== undefined) throw new PcapFormatError('more than one if_tsoffset', at);
        const offset = view.getBigInt64(value, le);
        if (offset > BigInt(Number.MAX_SAFE_INTEGER) || offset < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw new PcapFormatError(`if_tsoffset ${offset} out of range`, at);
        }
        offsetSeconds = Number(offset);
      } else if (code === PCAPNG_OPTION.IF_NAME && name === undefined) {
        name = utf8.decode(new Uint8Array(view.buffer, view.byteOffset + value, valueLength)).replace(/\0+$/, '');
      }
    });
    const resolution = this.#resolution(tsresol ?? PCAPNG_DEFAULT_TSRESOL, position);
    const info: PcapInterface = { linkType, snaplen, resolution, offsetSeconds: offsetSeconds ?? 0 };
    if (name !== undefined) info.name = name;
    this.#interfaces.push(info);
    this.#described.push({
      info,
      scale: new TimestampScale(resolution, info.offsetSeconds),
      limit: snaplen === 0 ? MAX_SNAPLEN : Math.min(snaplen, MAX_BLOCK_LENGTH),
    });
  }

  /** if_tsresol's byte as a resolution, refused past what libpcap accepts (it must fit 64 bits). */
  #resolution(tsresol: number, position: number): TimestampResolution {
    const binary = (tsresol & 0x80) !== 0;
    const exponent = tsresol & 0x7f;
    if (exponent > (binary ? PCAPNG_MAX_BINARY_TSRESOL : PCAPNG_MAX_DECIMAL_TSRESOL)) {
      throw new PcapFormatError(`if_tsresol ${binary ? 2 : 10}^-${exponent} is too fine`, position);
    }
    return { base: binary ? 2 : 10, exponent };
  }

  /**
   * Walks an option list: { code u16, length u16, value padded to 4 }, until
   * opt_endofopt or the end of the region; an option whose value runs past
   * the region is an error. `regionOffset` is the file offset of `start`,
   * for the errors and for `visit`'s `at`.
   */
  #readOptions(view: DataView, start: number, regionLength: number, regionOffset: number,
    visit: (code: number, value: number, valueLength: number, at: number) => void): void {
    const le = this.#littleEndian;
    const end = start + regionLength;
    let at = start;
    while (end - at >= 4) {
      const code = view.getUint16(at, le);
      if (code === PCAPNG_OPTION.END) return;
      const valueLength = view.getUint16(at + 2, le);
      const padded = (valueLength + 3) & ~3;
      if (padded > end - at - 4) {
        throw new PcapFormatError(`option ${code} of length ${valueLength} runs past its block`,
          regionOffset + (at - start));
      }
      visit(code, at + 4, valueLength, regionOffset + (at - start));
      at += 4 + padded;
    }
  }

  /** An Enhanced Packet Block or an obsolete Packet Block (same layout but a 16-bit interface id). */
  #packet(view: DataView, body: number, bodyLength: number, position: number, interfaceIndex: number,
    fixed: number): PcapRecord {
    if (bodyLength < fixed) throw new PcapFormatError('packet block too short', position);
    const described = this.#interface(interfaceIndex, position);
    const le = this.#littleEndian;
    const captured = view.getUint32(body + 12, le);
    if (captured > described.limit) {
      throw new PcapFormatError(`captured length ${captured} over the interface's limit of ${described.limit}`,
        position);
    }
    if (captured > bodyLength - fixed) {
      throw new PcapFormatError(`captured length ${captured} runs past its block`, position);
    }
    const scale = described.scale;
    if (!scale.convert(view.getUint32(body + 4, le), view.getUint32(body + 8, le))) {
      throw new PcapFormatError('timestamp out of range', position);
    }
    const start = body + fixed;
    return {
      data: this.#source.bytes.subarray(start, start + captured),
      sec: scale.sec,
      nsec: scale.nsec,
      originalLength: view.getUint32(body + 16, le),
      linkType: described.info.linkType,
      interfaceIndex,
    };
  }

  /**
   * A Simple Packet Block: interface 0, no timestamp (libpcap reports the
   * epoch plus if_tsoffset), captured length min(original, snaplen).
   */
  #simplePacket(view: DataView, body: number, bodyLength: number, position: number): PcapRecord {
    if (bodyLength < SPB_FIXED) throw new PcapFormatError('Simple Packet Block too short', position);
    const described = this.#interface(0, position);
    const original = view.getUint32(body, this.#littleEndian);
    const captured = Math.min(original, described.limit);
    if (captured > bodyLength - SPB_FIXED) {
      throw new PcapFormatError(`Simple Packet Block too short for its ${captured} bytes`, position);
    }
    const scale = described.scale;
    scale.convert(0, 0);
    const start = body + SPB_FIXED;
    return {
      data: this.#source.bytes.subarray(start, start + captured),
      sec: scale.sec,
      nsec: scale.nsec,
      originalLength: original,
      linkType: described.info.linkType,
      interfaceIndex: 0,
    };
  }

  #interface(index: number, position: number): Described {
    const described = this.#described[index];
    if (described === undefined) {
      throw new PcapFormatError(`a packet on interface ${index}, which no Interface Description Block describes`,
        position);
    }
    return described;
  }
}
