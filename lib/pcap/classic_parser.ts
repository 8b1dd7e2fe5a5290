// Classic pcap: a 24-byte file header, then records of a 16-byte header and
// incl_len bytes, all in the writer's byte order (which the magic number
// tells), until the end of the file. Nothing in the file is trusted: each
// length is checked against the limits and against what the file holds
// before a byte of the record is touched.
import type { ByteSource } from './byte_source';
import {
  MAX_BLOCK_LENGTH, MAX_SNAPLEN, PCAP_FILE_HEADER_LENGTH, PCAP_LINKTYPE_MASK, PCAP_MAGIC_MICRO, PCAP_MAGIC_NANO,
  PCAP_RECORD_HEADER_LENGTH, PCAP_VERSION_MAJOR, PCAP_VERSION_MINOR,
} from './format';
import { PcapFormatError } from './pcap_error';
import type { PcapFileHeader, PcapInterface, PcapRecord, RecordParser } from './types';

/** Whether the file's first four bytes are a classic pcap magic number, in either byte order. */
export function isClassicMagic(view: DataView): boolean {
  const magic = view.getUint32(0, true);
  const swapped = view.getUint32(0, false);
  return magic === PCAP_MAGIC_MICRO || magic === PCAP_MAGIC_NANO
    || swapped === PCAP_MAGIC_MICRO || swapped === PCAP_MAGIC_NANO;
}

/**
 * The largest record a classic file with this snaplen may hold: libpcap's
 * 262144, or the snaplen when larger, never over 16 MiB.
 */
export function classicRecordLimit(snaplen: number): number {
  return Math.min(Math.max(snaplen, MAX_SNAPLEN), MAX_BLOCK_LENGTH);
}

/** How a file's version orders each record's two lengths (libpcap's rule). */
const enum LengthOrder {
  /** incl_len, then orig_len: version 2.4 (and 2.3 where that reads sensibly). */
  Normal,
  /** orig_len first: versions before 2.3. */
  Swapped,
  /** Version 2.3, written either way: swapped when incl_len > orig_len. */
  Either,
}

/** Reads records of a classic pcap file; the header is read (and checked) by the constructor. */
export class ClassicParser implements RecordParser {
  readonly header: PcapFileHeader;
  readonly interfaces: readonly PcapInterface[];
  readonly #source: ByteSource;
  readonly #littleEndian: boolean;
  readonly #nano: boolean;
  readonly #linkType: number;
  /** Records are cut to this (the snaplen; unlimited when it is 0), as libpcap cuts them. */
  readonly #cut: number;
  readonly #limit: number;
  readonly #lengthOrder: LengthOrder;
  #position = PCAP_FILE_HEADER_LENGTH;

  /** @param source - The file, whose first four bytes are a classic magic number. */
  constructor(source: ByteSource) {
    this.#source = source;
    const got = source.fill(0, PCAP_FILE_HEADER_LENGTH);
    if (got < PCAP_FILE_HEADER_LENGTH) {
      throw new PcapFormatError(`truncated file header: ${got} of ${PCAP_FILE_HEADER_LENGTH} bytes`, 0);
    }
    const view = source.view;
    const le = view.getUint32(0, true) === PCAP_MAGIC_MICRO || view.getUint32(0, true) === PCAP_MAGIC_NANO;
    const magic = view.getUint32(0, le);
    const versionMajor = view.getUint16(4, le);
    const versionMinor = view.getUint16(6, le);
    if (versionMajor !== PCAP_VERSION_MAJOR || versionMinor > PCAP_VERSION_MINOR) {
      throw new PcapFormatError(`unsupported pcap version ${versionMajor}.${versionMinor}`, 4);
    }
    // Bytes 8–15 are thiszone and sigfigs, which libpcap ignores too.
    const snaplen = view.getUint32(16, le);
    const linkType = view.getUint32(20, le) & PCAP_LINKTYPE_MASK;
    this.#littleEndian = le;
    this.#nano = magic === PCAP_MAGIC_NANO;
    this.#linkType = linkType;
    this.#cut = snaplen === 0 ? Infinity : snaplen;
    this.#limit = classicRecordLimit(snaplen);
    this.#lengthOrder = versionMinor < 3 ? LengthOrder.Swapped : versionMinor === 3 ? LengthOrder.Either
      : LengthOrder.Normal;
    this.header = {
      format: 'pcap', linkType, snaplen, precision: this.#nano ? 'nano' : 'micro',
      byteOrder: le ? 'little' : 'big', versionMajor, versionMinor,
    };
    this.interfaces = [{
      linkType, snaplen, resolution: { base: 10, exponent: this.#nano ? 9 : 6 }, offsetSeconds: 0,
    }];
  }

  next(): PcapRecord | null {
    const source = this.#source;
    const position = this.#position;
    const got = source.fill(position, PCAP_RECORD_HEADER_LENGTH);
    if (got === 0) return null;
    if (got < PCAP_RECORD_HEADER_LENGTH) {
      throw new PcapFormatError(
        `truncated dump file: record header of ${got} of ${PCAP_RECORD_HEADER_LENGTH} bytes`, position);
    }
    const le = this.#littleEndian;
    const view = source.view;
    let at = position - source.base;
    const sec = view.getUint32(at, le);
    const frac = view.getUint32(at + 4, le);
    let included = view.getUint32(at + 8, le);
    let original = view.getUint32(at + 12, le);
    if (this.#lengthOrder !== LengthOrder.Normal
      && (this.#lengthOrder === LengthOrder.Swapped || included > original)) {
      [included, original] = [original, included];
    }
    if (included > this.#limit) {
      throw new PcapFormatError(`record length ${included} is over the limit of ${this.#limit}`, position);
    }
    const start = position + PCAP_RECORD_HEADER_LENGTH;
    const have = source.fill(start, included);
    if (have < included) {
      throw new PcapFormatError(`truncated dump file: record of ${have} of ${included} bytes`, position);
    }
    this.#position = start + included;
    at = start - source.base;
    const kept = included > this.#cut ? this.#cut : included;
    return {
      data: source.bytes.subarray(at, at + kept),
      sec,
      nsec: this.#nano ? frac : frac * 1000,
      originalLength: original,
      linkType: this.#linkType,
    };
  }
}
