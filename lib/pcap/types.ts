// What the reader hands out, whichever format the file is in, and what each
// format's parser implements for it.
import type { TimestampResolution } from './timestamp';

/** One captured frame, as read from a capture file. */
export interface PcapRecord {
  /**
   * The captured bytes (incl_len, or an EPB's captured length), which may be
   * fewer than `originalLength`. A view, not a copy: of the buffer given to
   * `PcapReader.from`, or of a chunk the reader read from its file.
   */
  data: Uint8Array;
  /**
   * Seconds since the epoch. Negative only in a pcapng file whose if_tsoffset
   * is; 0 for a Simple Packet Block, which has no timestamp.
   */
  sec: number;
  /**
   * Nanoseconds within `sec`: a microsecond file's microseconds × 1000. Below
   * 10^9, except in a classic file whose fraction field is out of range,
   * passed through as libpcap does.
   */
  nsec: number;
  /** The frame's length on the wire (orig_len). */
  originalLength: number;
  /** The link type of `data` (`LINKTYPE.*`): the file's, or its interface's in pcapng. */
  linkType: number;
  /** pcapng only: the index of the frame's interface within its section. */
  interfaceIndex?: number;
}

/** The capture file's header. */
export interface PcapFileHeader {
  /** 'pcap' (classic, libpcap's format) or 'pcapng'. */
  format: 'pcap' | 'pcapng';
  /** The link type: the file's, or the first interface's in pcapng. */
  linkType: number;
  /** The snapshot length: the file's, or the first interface's in pcapng (0 there means none). */
  snaplen: number;
  /**
   * 'nano' for a classic file with the nanosecond magic number, or a pcapng
   * file whose first interface's resolution is finer than 1 µs; else 'micro'.
   */
  precision: 'micro' | 'nano';
  /** The byte order the file (its first section, in pcapng) was written in. */
  byteOrder: 'little' | 'big';
  /** The format's major version: 2 for classic pcap, 1 for pcapng. */
  versionMajor: number;
  /** The format's minor version: 4 for classic pcap, 0 for pcapng. */
  versionMinor: number;
}

/**
 * A capture interface: in pcapng, an Interface Description Block of the
 * current section; in a classic file, the file header's one interface.
 */
export interface PcapInterface {
  /** Its link type (`LINKTYPE.*`). */
  linkType: number;
  /** Its snapshot length (0: none given). */
  snaplen: number;
  /** Its name (pcapng's if_name), when the file gives one. */
  name?: string;
  /** How long one timestamp unit is (if_tsresol; 10^-6 s if absent). */
  resolution: TimestampResolution;
  /** Seconds added to every timestamp (if_tsoffset; 0 if absent). */
  offsetSeconds: number;
}

/** A format's parser, over a ByteSource; errors are PcapFormatErrors. */
export interface RecordParser {
  readonly header: PcapFileHeader;
  /** The interfaces records may refer to now. */
  readonly interfaces: readonly PcapInterface[];
  /** The next record, or null at the end of the file. */
  next(): PcapRecord | null;
}
