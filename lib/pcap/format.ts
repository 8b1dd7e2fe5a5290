// The numbers of the two capture file formats: classic pcap (the libpcap
// file format, draft-ietf-opsawg-pcap) and pcapng (draft-ietf-opsawg-pcapng).
// They are file-format facts, not OS constants, so they are named here; and
// the limits this package's reader holds untrusted files to.

/** Classic pcap magic number of a file with microsecond timestamps. */
export const PCAP_MAGIC_MICRO = 0xa1b2c3d4;
/** Classic pcap magic number of a file with nanosecond timestamps. */
export const PCAP_MAGIC_NANO = 0xa1b23c4d;
/** The classic pcap version this package writes: 2.4, as libpcap. */
export const PCAP_VERSION_MAJOR = 2;
/** See {@link PCAP_VERSION_MAJOR}. */
export const PCAP_VERSION_MINOR = 4;
/** Bytes in the classic pcap file header (magic … linktype). */
export const PCAP_FILE_HEADER_LENGTH = 24;
/** Bytes in a classic pcap record header (ts_sec, ts_frac, incl_len, orig_len). */
export const PCAP_RECORD_HEADER_LENGTH = 16;
/** The link type is the low 16 bits of the header's field; the high ones carry FCS information. */
export const PCAP_LINKTYPE_MASK = 0xffff;

/** pcapng block types. */
export const PCAPNG_BLOCK = Object.freeze({
  /** Section Header Block; its type reads the same in both byte orders. */
  SECTION_HEADER: 0x0a0d0d0a,
  /** Interface Description Block. */
  INTERFACE_DESCRIPTION: 0x00000001,
  /** Packet Block, obsolete. */
  PACKET: 0x00000002,
  /** Simple Packet Block. */
  SIMPLE_PACKET: 0x00000003,
  /** Enhanced Packet Block. */
  ENHANCED_PACKET: 0x00000006,
});
/** The Section Header Block's byte-order magic, as written in the section's own byte order. */
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** The pcapng major version libpcap reads (minor 0, or the 2 some writers put). */
export const PCAPNG_VERSION_MAJOR = 1;
/** pcapng option codes this package reads. */
export const PCAPNG_OPTION = Object.freeze({
  /** opt_endofopt: the end of the option list. */
  END: 0,
  /** if_name: the interface's name, UTF-8. */
  IF_NAME: 2,
  /** if_tsresol: one byte, 10^-n (high bit clear) or 2^-n (high bit set) seconds per unit. */
  IF_TSRESOL: 9,
  /** if_tsoffset: a signed 64-bit number of seconds added to every timestamp. */
  IF_TSOFFSET: 14,
});
/** Bytes of a pcapng block's type and total length, before its body. */
export const PCAPNG_BLOCK_HEADER_LENGTH = 8;
/** Bytes of a block's header and its trailing copy of the total length. */
export const PCAPNG_BLOCK_OVERHEAD = 12;
/** The smallest Section Header Block: overhead, magic, version, section length. */
export const PCAPNG_SHB_MIN_LENGTH = 28;
/** The if_tsresol an Interface Description Block without one has: 10^-6 s. */
export const PCAPNG_DEFAULT_TSRESOL = 6;
/** The finest if_tsresol libpcap accepts, as a power of 10 (10^-19 is the last that fits 64 bits). */
export const PCAPNG_MAX_DECIMAL_TSRESOL = 19;
/** The finest if_tsresol libpcap accepts, as a power of 2. */
export const PCAPNG_MAX_BINARY_TSRESOL = 63;

/**
 * libpcap's MAXIMUM_SNAPLEN: the largest record most link types may hold,
 * and the record limit of a file whose snaplen is 0 or smaller.
 */
export const MAX_SNAPLEN = 262144;
/**
 * The hard ceiling on one record or one pcapng block, whatever a file's
 * snaplen claims: libpcap's INITIAL_MAX_BLOCKSIZE (16 MiB). No length field
 * makes the reader hold more than this at once.
 */
export const MAX_BLOCK_LENGTH = 16 * 1024 * 1024;
