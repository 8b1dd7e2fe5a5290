// Capture files: PcapWriter (classic pcap) and PcapReader (classic pcap and
// pcapng), and what they hand out.
export { PcapReader } from './reader';
export { PcapWriter, type PcapTimestamp, type PcapWriterOptions } from './writer';
export { PcapClosedError, PcapFormatError } from './pcap_error';
export type { PcapFileHeader, PcapInterface, PcapRecord } from './types';
export type { TimestampResolution } from './timestamp';
