// Relative TCP sequence numbers, as tcpdump 4.99 computes them (print-tcp.c,
// its tcp_seq_hash). A connection is keyed by its addresses and ports in a
// fixed order: the lower port first (the lower address first when the ports
// are equal), so both directions share one entry. The entry is written by
// any segment with ACK set that finds none, or that has SYN set: it then
// holds the segment's seq as the base of its direction and ack - 1 as the
// base of the other, and that segment prints its own numbers absolute.
// Later segments with ACK set print seq and ack minus those bases. Segments
// without ACK (the first SYN) neither read nor write an entry.

/** The two bases of one connection, as tcpdump's struct tcp_seq_hash holds them. */
export interface SequenceBases {
  /** The base of the direction the key calls forward (from its first address). */
  seq: number;
  /** The base of the other direction. */
  ack: number;
}

/**
 * tcpdump never forgets a connection; this keeps the most recent ones, up to
 * {@link TcpConnections.limit}, so a long capture's memory stays bounded.
 */
export class TcpConnections {
  /** How many connections are kept; the oldest entry goes when a new one would pass it. */
  static readonly limit = 65536;
  private readonly entries = new Map<string, SequenceBases>();

  get(key: string): SequenceBases | undefined {
    return this.entries.get(key);
  }

  /** The entry for `key`, made (with zero bases) if there is none. */
  obtain(key: string): SequenceBases {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= TcpConnections.limit) {
        const oldest = this.entries.keys().next().value as string;
        this.entries.delete(oldest);
      }
      entry = { seq: 0, ack: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * The key of a connection: its two addresses (4 or 16 bytes each, read from
 * `data` at `first` and `second`) and the two ports, in tcpdump's order, as a
 * string of 16-bit units (cheap to build and to hash).
 */
export function connectionKey(data: Uint8Array, first: number, second: number, addressLength: number,
  firstPort: number, secondPort: number): string {
  const unit = (at: number): number => (data[at] << 8) | data[at + 1];
  if (addressLength === 4) {
    return String.fromCharCode(unit(first), unit(first + 2), unit(second), unit(second + 2), firstPort, secondPort);
  }
  let key = '';
  for (let i = 0; i < 16; i += 2) key += String.fromCharCode(unit(first + i), unit(second + i));
  return key + String.fromCharCode(firstPort, secondPort);
}
