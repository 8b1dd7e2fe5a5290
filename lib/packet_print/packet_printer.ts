// PacketPrinter: one captured frame in, the text `tcpdump -n` prints for it
// out, so that a capture printed here and by tcpdump 4.99 compares line by
// line. The protocol printers are in the other files of this directory,
// one per layer; this file is tcpdump's pretty_print_packet: the checks of
// the record's lengths, the timestamp, the link layer, and the -x dump.

import { binding } from '../binding';
import { LINKTYPE } from '../link_type';
import { checkInt, describe } from '../validate';
import { Dissection, TRUNCATED } from './dissection';
import { hexLines } from './hex_dump';
import { printEthernet, printLinuxCooked, printLinuxCooked2, printRaw } from './link_layer';
import { type CaptureTime, TimestampFormatter, type TimestampPrecision } from './timestamp';

export type { CaptureTime, TimestampPrecision } from './timestamp';

/** tcpdump's largest snapshot length: a record claiming more is invalid. */
const MAXIMUM_SNAPLEN = 262144;

/** Which bytes tcpdump -x dumps in hex after each line: none, all but the link-layer header (-x), all (-xx). */
export type HexDump = 'none' | 'x' | 'xx';

/** How to print, as tcpdump's options say it. */
export interface PacketPrinterOptions {
  /**
   * How each frame begins: a {@link LINKTYPE} value (EN10MB, LINUX_SLL,
   * LINUX_SLL2 or RAW), as a pcap file's header or a capture socket gives it.
   */
  linkType: number;
  /**
   * Addresses and ports as numbers (tcpdump -n). The only mode there is:
   * names are never looked up, so `false` is refused.
   */
  numeric?: true;
  /** tcpdump -x (`'x'`) or -xx (`'xx'`): the frame in hex after each line. Default `'none'`. */
  hex?: HexDump;
  /**
   * TCP seq and ack relative to the first ones seen on each connection, as
   * tcpdump prints them by default; `false` is tcpdump -S. Default `true`.
   */
  relativeSequence?: boolean;
  /** tcpdump -e: each line shows the link-layer header (MAC addresses, EtherType, length). Default `false`. */
  showLinkHeader?: boolean;
  /** `'nano'` is tcpdump --nano: nine digits of the second rather than six. Default `'micro'`. */
  timestampPrecision?: TimestampPrecision;
  /**
   * The name of interface `index`, for LINUX_SLL2 lines (which start with
   * it); `undefined` prints "?". Default: if_indextoname(3) in this
   * process's network namespace, as tcpdump does.
   */
  interfaceName?: (index: number) => string | undefined;
}

const LINK_TYPES: ReadonlySet<number> = new Set(Object.values(LINKTYPE));

/** if_indextoname(3), remembered for a second of capture time (interfaces come and go rarely). */
class InterfaceNames {
  private readonly names = new Map<number, string>();
  private second = Number.NaN;

  constructor(private readonly lookup: (index: number) => string | undefined) {}

  /** Forgets the names when the capture's clock reaches another second. */
  tick(second: number): void {
    if (second !== this.second) {
      this.names.clear();
      this.second = second;
    }
  }

  name(index: number): string {
    let name = this.names.get(index);
    if (name === undefined) {
      name = this.lookup(index) ?? '?';
      this.names.set(index, name);
    }
    return name;
  }
}

function systemInterfaceName(index: number): string | undefined {
  if (index < 1 || index > 0x7fffffff) return undefined;
  const name = binding.if_indextoname(index);
  return typeof name === 'string' ? name : undefined;
}

/**
 * Formats captured frames as `tcpdump -n` (4.99) prints them, one call per
 * frame, in capture order: Ethernet, Linux cooked (v1, v2) and raw IP
 * captures; ARP, 802.2 LLC and SNAP, IPv4, IPv6 and its extension headers,
 * TCP (flags, options, relative sequence numbers; the first line of HTTP,
 * SSH, FTP, SMTP and RTSP), UDP, ICMP, ICMPv6 (neighbor discovery, MLD,
 * node information), IGMP, AH, ESP; short captures end as tcpdump ends them
 * (" [|tcp]"). Addresses and ports are always printed as numbers: names are
 * never looked up.
 *
 * Where tcpdump decodes more (DNS, DHCP, NTP and other UDP payloads by port;
 * telnet and BGP; LLDP, MPLS, STP, CDP; GRE, OSPF, SCTP and other IP
 * protocols), the line here stops earlier or prints the protocol as
 * unknown; the README lists these.
 *
 * It keeps state across frames, as tcpdump does: the bases of relative TCP
 * sequence numbers, per connection.
 */
export class PacketPrinter {
  readonly #dissection = new Dissection();
  readonly #linkType: number;
  readonly #hex: HexDump;
  readonly #timestamps: TimestampFormatter;
  readonly #interfaces: InterfaceNames;

  /** Checks `options` (TypeError, RangeError) and makes a printer with no connections seen yet. */
  constructor(options: PacketPrinterOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`options must be an object, got ${describe(options)}`);
    }
    const linkType = checkInt(options.linkType, 'linkType', 0, 0xffffffff);
    if (!LINK_TYPES.has(linkType)) {
      throw new RangeError(`linkType must be one of LINKTYPE.EN10MB, RAW, LINUX_SLL, LINUX_SLL2, got ${linkType}`);
    }
    this.#linkType = linkType;
    if (options.numeric !== undefined && options.numeric !== true) {
      throw new RangeError(`numeric must be true (names are never looked up), got ${describe(options.numeric)}`);
    }
    const hex = options.hex ?? 'none';
    if (hex !== 'none' && hex !== 'x' && hex !== 'xx') {
      throw new RangeError(`hex must be 'none', 'x' or 'xx', got ${describe(hex)}`);
    }
    this.#hex = hex;
    const precision = options.timestampPrecision ?? 'micro';
    if (precision !== 'micro' && precision !== 'nano') {
      throw new RangeError(`timestampPrecision must be 'micro' or 'nano', got ${describe(precision)}`);
    }
    this.#timestamps = new TimestampFormatter(precision);
    const relative = options.relativeSequence ?? true;
    const linkHeader = options.showLinkHeader ?? false;
    if (typeof relative !== 'boolean') throw new TypeError(`relativeSequence must be a boolean, got ${describe(relative)}`);
    if (typeof linkHeader !== 'boolean') throw new TypeError(`showLinkHeader must be a boolean, got ${describe(linkHeader)}`);
    const lookup = options.interfaceName ?? systemInterfaceName;
    if (typeof lookup !== 'function') throw new TypeError(`interfaceName must be a function, got ${describe(lookup)}`);
    this.#interfaces = new InterfaceNames(lookup);
    const d = this.#dissection;
    d.absoluteSequence = !relative;
    d.linkHeader = linkHeader;
    d.suppressDefaultPrint = hex !== 'none';
    d.interfaceName = (index) => this.#interfaces.name(index);
  }

  /** The link type frames are read as (a {@link LINKTYPE} value). */
  get linkType(): number {
    return this.#linkType;
  }

  /**
   * The text tcpdump prints for one frame, without the final newline: the
   * timestamp and the packet's line, then with -x the hex lines ("\n\t0x0000:  4500 ...").
   * `data` is what was captured, `originalLength` the frame's length on the
   * wire (default: `data.length`), `timestamp` when it was captured. A
   * malformed or cut frame prints as tcpdump prints it; only arguments of the
   * wrong type or range throw (TypeError, RangeError).
   */
  format(data: Uint8Array, timestamp: CaptureTime, originalLength: number = data?.length): string {
    if (!(data instanceof Uint8Array)) throw new TypeError(`data must be a Uint8Array or Buffer, got ${describe(data)}`);
    if (typeof timestamp !== 'object' || timestamp === null) {
      throw new TypeError(`timestamp must be { sec, nsec }, got ${describe(timestamp)}`);
    }
    checkInt(timestamp.sec, 'timestamp.sec', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    checkInt(timestamp.nsec, 'timestamp.nsec', 0, Number.MAX_SAFE_INTEGER);
    const length = checkInt(originalLength, 'originalLength', 0, 0xffffffff);
    const caplen = data.length;
    const invalid = invalidHeader(caplen, length);
    if (invalid !== '') return invalid;

    const d = this.#dissection;
    d.reset(data, caplen);
    this.#interfaces.tick(timestamp.sec);
    let headerLength: number;
    try {
      headerLength = this.#printLinkLayer(d, caplen, length);
    } catch (error) {
      if (error !== TRUNCATED) throw error;
      // tcpdump's longjmp: the frame ends here, and -x dumps all of it.
      d.printTrunc();
      headerLength = 0;
    } finally {
      // Hold no reference to the caller's memory (a capture ring's frame, say) after the call.
      d.release();
    }
    let text = `${this.#timestamps.format(timestamp)} ${d.out}`;
    if (this.#hex === 'xx') text += hexLines(data, 0, caplen);
    else if (this.#hex === 'x' && caplen > headerLength) text += hexLines(data, headerLength, caplen - headerLength);
    return text;
  }

  /** Forgets every TCP connection seen (their relative sequence numbers start again). */
  reset(): void {
    this.#dissection.tcpConnections.clear();
  }

  #printLinkLayer(d: Dissection, caplen: number, length: number): number {
    switch (this.#linkType) {
      case LINKTYPE.EN10MB:
        return printEthernet(d, 0, length, caplen);
      case LINKTYPE.LINUX_SLL:
        return printLinuxCooked(d, 0, length, caplen);
      case LINKTYPE.LINUX_SLL2:
        return printLinuxCooked2(d, 0, length, caplen);
      default:
        return printRaw(d, 0, length);
    }
  }
}

/**
 * tcpdump's checks of a record's lengths, which print instead of the packet
 * (and without a timestamp); '' if the record is sound.
 */
function invalidHeader(caplen: number, length: number): string {
  const problems: string[] = [];
  if (caplen === 0) problems.push(' caplen==0');
  if (length === 0) problems.push(' len==0');
  else if (length < caplen) problems.push(` len(${length}) < caplen(${caplen})`);
  if (caplen > MAXIMUM_SNAPLEN) problems.push(` caplen(${caplen}) > ${MAXIMUM_SNAPLEN}`);
  if (length > MAXIMUM_SNAPLEN) problems.push(` len(${length}) > ${MAXIMUM_SNAPLEN}`);
  if (problems.length === 0) return '';
  return `[Invalid header:${problems.join(',')}]`;
}
