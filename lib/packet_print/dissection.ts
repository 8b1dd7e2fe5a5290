// The state of one frame being printed: its bytes, how far they may be read
// (the snapshot end, which each layer may bring closer), the name of the layer
// being read, and the text printed so far. This is tcpdump's
// netdissect_options reduced to what the printers here use.
//
// tcpdump has two ways to stop at a short capture, and the printers here keep
// both because they print differently: a read past the snapshot end (its
// GET_* macros) longjmps to the top, which prints " [|proto]" and then dumps
// the whole frame with -x; a printer's own check ("goto trunc") prints
// " [|proto]" itself and returns, and -x skips the link-layer header as usual.
// The first is `throw TRUNCATED` here, caught once in PacketPrinter.format.

import { formatIPv4, formatIPv6, formatMac } from './address_format';
import { TcpConnections } from './tcp_sequence';

const EMPTY = new Uint8Array(0);

/** How deep encapsulations may nest (see {@link Dissection.nest}). */
export const MAX_ENCAPSULATION_DEPTH = 256;

/** Thrown by a read past the snapshot end; the frame's printing stops there. */
export const TRUNCATED: unique symbol = Symbol('truncated');

/**
 * The output of each printer is appended to `out`; reads go through the
 * checked getters, which throw {@link TRUNCATED} past `snapend`.
 */
export class Dissection {
  /** The frame. */
  data: Uint8Array = EMPTY;
  /** One past the last byte that may be read (an index into `data`). */
  snapend = 0;
  /** Snapshot ends saved by {@link pushSnaplen}, to restore with {@link popSnaplen}. */
  private readonly saved: number[] = [];
  /** The protocol being read, for " [|proto]". */
  protocol = '';
  /** The text printed for the frame so far. */
  out = '';
  /** Whether the hex and ASCII dump of unknown payloads is off (tcpdump -x turns it off). */
  suppressDefaultPrint = false;
  /** tcpdump -e: print link-layer headers. */
  linkHeader = false;
  /** How deep encapsulations nest (IP in IP, Ethernet in IPv6 or in SNAP): bounds the recursion. */
  depth = 0;
  /** tcpdump -S: TCP sequence numbers as they are, not relative. */
  absoluteSequence = false;
  /** The relative sequence numbers' bases, per TCP connection. */
  readonly tcpConnections = new TcpConnections();
  /** The name of interface `index` for LINUX_SLL2 ("?" when there is none). */
  interfaceName: (index: number) => string = () => '?';

  reset(data: Uint8Array, caplen: number): void {
    this.data = data;
    this.snapend = caplen;
    this.saved.length = 0;
    this.protocol = '';
    this.out = '';
    this.depth = 0;
  }

  /**
   * Enters one more level of encapsulation; false (having printed " [|proto]")
   * past {@link MAX_ENCAPSULATION_DEPTH}. tcpdump has no bound (its C stack
   * holds the ~3000 levels 64 KiB of IP-in-IP allow); a JS stack may not,
   * so a frame nested deeper than this prints differently.
   */
  nest(): boolean {
    if (this.depth >= MAX_ENCAPSULATION_DEPTH) {
      this.printTrunc();
      return false;
    }
    this.depth++;
    return true;
  }

  /** Leaves a level entered with {@link nest}. */
  unnest(): void {
    this.depth--;
  }

  /** Drops the frame (the text printed stays in `out`). */
  release(): void {
    this.data = EMPTY;
    this.snapend = 0;
  }

  print(text: string): void {
    this.out += text;
  }

  /** tcpdump's nd_print_trunc. */
  printTrunc(): void {
    this.out += ` [|${this.protocol}]`;
  }

  /** tcpdump's nd_print_invalid. */
  printInvalid(): void {
    this.out += ' (invalid)';
  }

  /** Whether `length` bytes from `at` were captured (tcpdump's ND_TTEST_LEN). */
  has(at: number, length: number): boolean {
    return length >= 0 && at + length <= this.snapend;
  }

  /** Bytes captured from `at` on (tcpdump's ND_BYTES_AVAILABLE_AFTER), as an unsigned 32-bit count. */
  available(at: number): number {
    return (this.snapend - at) >>> 0;
  }

  /** Throws {@link TRUNCATED} unless `length` bytes from `at` were captured. */
  check(at: number, length: number): void {
    if (!(length >= 0 && at + length <= this.snapend)) throw TRUNCATED;
  }

  u8(at: number): number {
    if (at >= this.snapend || at < 0) throw TRUNCATED;
    return this.data[at];
  }

  be16(at: number): number {
    if (at + 2 > this.snapend || at < 0) throw TRUNCATED;
    const d = this.data;
    return (d[at] << 8) | d[at + 1];
  }

  le16(at: number): number {
    if (at + 2 > this.snapend || at < 0) throw TRUNCATED;
    const d = this.data;
    return d[at] | (d[at + 1] << 8);
  }

  be24(at: number): number {
    if (at + 3 > this.snapend || at < 0) throw TRUNCATED;
    const d = this.data;
    return (d[at] << 16) | (d[at + 1] << 8) | d[at + 2];
  }

  /** An unsigned 64-bit big-endian number (for MPTCP's keys and sequence numbers). */
  be64(at: number): bigint {
    if (at + 8 > this.snapend || at < 0) throw TRUNCATED;
    const d = this.data;
    const high = ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;
    const low = ((d[at + 4] << 24) | (d[at + 5] << 16) | (d[at + 6] << 8) | d[at + 7]) >>> 0;
    return (BigInt(high) << 32n) | BigInt(low);
  }

  be32(at: number): number {
    if (at + 4 > this.snapend || at < 0) throw TRUNCATED;
    const d = this.data;
    return ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;
  }

  /** The IPv4 address at `at`, as dotted decimal (tcpdump's GET_IPADDR_STRING with -n). */
  ipv4(at: number): string {
    this.check(at, 4);
    return formatIPv4(this.data, at);
  }

  /** The IPv6 address at `at` (tcpdump's GET_IP6ADDR_STRING with -n). */
  ipv6(at: number): string {
    this.check(at, 16);
    return formatIPv6(this.data, at);
  }

  /** The MAC address at `at` (tcpdump's GET_ETHERADDR_STRING with -n). */
  mac(at: number): string {
    this.check(at, 6);
    return formatMac(this.data, at);
  }

  /**
   * Saves the snapshot end and brings it to `at + length` if that is closer
   * (tcpdump's nd_push_snaplen): a layer's own length hides the padding after it.
   */
  pushSnaplen(at: number, length: number): void {
    this.saved.push(this.snapend);
    if (length <= ((this.snapend - at) >>> 0)) this.snapend = at + length;
  }

  /**
   * Moves the current snapshot end to `at + length` (tcpdump's
   * nd_change_snaplen, for IPv6 jumbograms and zero payload lengths). Its
   * bound is the end saved by the push *before* the current one, or the
   * current end when there was only one push: tcpdump 4.99 reads one entry
   * deeper in its stack than its comment says, and the output shows it.
   */
  changeSnaplen(at: number, length: number): void {
    const n = this.saved.length;
    const previous = n >= 2 ? this.saved[n - 2] : this.snapend;
    if (length <= ((previous - at) >>> 0)) this.snapend = at + length;
  }

  popSnaplen(): void {
    const previous = this.saved.pop();
    if (previous !== undefined) this.snapend = previous;
  }
}
