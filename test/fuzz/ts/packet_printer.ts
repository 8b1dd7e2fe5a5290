// Fuzz target: bytes as one captured frame for PacketPrinter. The first byte
// chooses how it is read: bits 0-1 the link type (EN10MB, LINUX_SLL2,
// LINUX_SLL, RAW), bits 2-3 the hex dump (none, -x, -xx, none), bit 4 -e,
// bit 5 -S, bit 6 an original length longer than the capture (a cut frame),
// bit 7 nanosecond timestamps. The rest is the frame, printed twice (the
// second time with the TCP state the first left). Printing may not throw
// at all: a malformed frame prints as tcpdump prints it. The text must be a
// timestamped line (or tcpdump's "[Invalid header: ...]"), every further line
// a tab-indented dump line: packet bytes never break a line.
import { LINKTYPE } from '../../../lib/link_type';
import { type HexDump, PacketPrinter } from '../../../lib/packet_print/packet_printer';

const LINK_TYPES = [LINKTYPE.EN10MB, LINKTYPE.LINUX_SLL2, LINKTYPE.LINUX_SLL, LINKTYPE.RAW];
const HEX: HexDump[] = ['none', 'x', 'xx', 'none'];
const FIRST_LINE = /^(\d\d:\d\d:\d\d\.(\d{6}|\d{9}) |\[Invalid header:)/;

export function fuzzOne(data: Buffer): void {
  const selector = data.length > 0 ? data[0] : 0;
  const frame = data.subarray(1);
  const printer = new PacketPrinter({
    linkType: LINK_TYPES[selector & 3],
    hex: HEX[(selector >> 2) & 3],
    showLinkHeader: (selector & 0x10) !== 0,
    relativeSequence: (selector & 0x20) === 0,
    timestampPrecision: (selector & 0x80) !== 0 ? 'nano' : 'micro',
    interfaceName: (index) => `if${index}`,
  });
  const originalLength = (selector & 0x40) !== 0 ? frame.length + 1000 : frame.length;
  for (let round = 0; round < 2; round++) {
    const text = printer.format(frame, { sec: 1_700_000_000, nsec: 123_456_789 }, originalLength);
    const [first, ...rest] = text.split('\n');
    if (!FIRST_LINE.test(first)) throw new Error(`not a tcpdump line: ${JSON.stringify(first.slice(0, 80))}`);
    const stray = rest.find((line) => !line.startsWith('\t'));
    if (stray !== undefined) throw new Error(`a line that is not a dump line: ${JSON.stringify(stray.slice(0, 80))}`);
  }
}
