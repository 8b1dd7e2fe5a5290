// Fuzz target: bytes as a capture file (classic pcap or pcapng), read to the
// end with PcapReader.from. A malformed file may only raise PcapFormatError;
// anything else, or a record that breaks the reader's promises (data outside
// the input, a length over the 16 MiB cap, a timestamp that is not an exact
// integer, more records than the input has room for), is a finding.
// The reader's own modules, not the package index: no native addon to load.
import { MAX_BLOCK_LENGTH } from '../../../lib/pcap/format';
import { PcapFormatError } from '../../../lib/pcap/pcap_error';
import { PcapReader } from '../../../lib/pcap/reader';

/** The smallest record of either format: a classic record header (16) or a Simple Packet Block (16). */
const SMALLEST_RECORD = 16;

export function fuzzOne(data: Buffer): void {
  let count = 0;
  try {
    for (const record of PcapReader.from(data)) {
      count += 1;
      if (count > data.length / SMALLEST_RECORD) throw new Error(`${count} records from ${data.length} bytes`);
      const bytes = record.data;
      if (bytes.buffer !== data.buffer || bytes.byteOffset < data.byteOffset
        || bytes.byteOffset + bytes.length > data.byteOffset + data.length) {
        throw new Error('record data outside the input');
      }
      if (bytes.length > MAX_BLOCK_LENGTH) throw new Error(`record of ${bytes.length} bytes`);
      if (!Number.isSafeInteger(record.sec) || !Number.isSafeInteger(record.nsec) || record.nsec < 0) {
        throw new Error(`timestamp ${record.sec}.${record.nsec}`);
      }
      if (!Number.isInteger(record.originalLength) || !Number.isInteger(record.linkType)) {
        throw new Error('lengths and link types are integers');
      }
    }
  } catch (error) {
    if (error instanceof PcapFormatError) return;
    throw error;
  }
}
