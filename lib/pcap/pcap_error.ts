// The errors of the capture-file reader and writer. A malformed file is a
// PcapFormatError naming the byte where the reader gave up; using a closed
// reader or writer is a PcapClosedError. Failures of the file itself (ENOENT,
// EACCES, ENOSPC) are Node's own fs errors, passed through.

/**
 * A capture file is malformed: a bad magic number, a length that does not fit
 * (a record past the end of the file, a block length that is not a multiple
 * of 4 or disagrees with its trailer, a record over the limit), an unknown
 * version, a packet on an interface never described, an if_tsresol too fine.
 * `offset` is the byte of the file where the bad structure starts.
 */
export class PcapFormatError extends Error {
  /** Always 'ERR_PCAP_FORMAT'. */
  readonly code = 'ERR_PCAP_FORMAT';
  /** The file offset, in bytes, of the header, record or block that is malformed. */
  readonly offset: number;

  /**
   * @param message - What is wrong; " at byte <offset>" is added.
   * @param offset - The file offset of the malformed structure.
   */
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'PcapFormatError';
    this.offset = offset;
  }
}

/** A {@link PcapWriter} or {@link PcapReader} was used after `close()`. */
export class PcapClosedError extends Error {
  /** Always 'ERR_PCAP_CLOSED'. */
  readonly code = 'ERR_PCAP_CLOSED';

  /** @param what - 'PcapWriter' or 'PcapReader'. */
  constructor(what: string) {
    super(`the ${what} is closed`);
    this.name = 'PcapClosedError';
  }
}
