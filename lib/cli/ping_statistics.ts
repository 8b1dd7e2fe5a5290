// ping's counts and round-trip times, and the lines iputils prints of them
// (ping_common.c's finish() and gather_statistics(), in microseconds, with
// the same integer arithmetic, so the numbers print alike).

/** Counts and round-trip times of one ping run. */
export class PingStatistics {
  /** Requests sent. */
  transmitted = 0;
  /** Requests answered (duplicates not counted). */
  received = 0;
  /** Answers to requests already answered. */
  duplicates = 0;
  /** ICMP errors (time exceeded, unreachable) and failed sends. */
  errors = 0;
  #sumMicros = 0;
  #sumSquaresMicros = 0n;
  #minMicros = Infinity;
  #maxMicros = 0;

  /** Counts a reply that took `micros` microseconds. */
  addReply(micros: number): void {
    this.received++;
    this.#sumMicros += micros;
    this.#sumSquaresMicros += BigInt(micros) * BigInt(micros);
    this.#minMicros = Math.min(this.#minMicros, micros);
    this.#maxMicros = Math.max(this.#maxMicros, micros);
  }

  /** The longest round trip so far, in milliseconds. */
  get maxMs(): number {
    return this.#maxMicros / 1000;
  }

  /** `3 packets transmitted, 3 received, +1 errors, 0% packet loss, time 2003ms`. */
  summary(elapsedMs: number): string {
    let line = `${this.transmitted} packets transmitted, ${this.received} received`;
    if (this.duplicates > 0) line += `, +${this.duplicates} duplicates`;
    if (this.errors > 0) line += `, +${this.errors} errors`;
    if (this.transmitted > 0) {
      const loss = ((this.transmitted - this.received) * 100) / this.transmitted;
      // printf's %g: six significant digits, no trailing zeros.
      line += `, ${Number(loss.toPrecision(6))}% packet loss, time ${elapsedMs}ms`;
    }
    return line;
  }

  /** `rtt min/avg/max/mdev = 0.045/0.051/0.060/0.006 ms`. */
  rttLine(): string {
    const n = BigInt(this.received);
    const sum = BigInt(this.#sumMicros);
    const average = sum / n;
    const variance = (this.#sumSquaresMicros - (sum * sum) / n) / n;
    const mdev = integerSqrt(variance < 0n ? 0n : variance);
    const fixed = (micros: bigint | number): string => {
      const value = BigInt(micros);
      return `${value / 1000n}.${String(value % 1000n).padStart(3, '0')}`;
    };
    return `rtt min/avg/max/mdev = ${fixed(this.#minMicros)}/${fixed(average)}/${fixed(this.#maxMicros)}/${fixed(mdev)} ms`;
  }
}

/** A round trip as iputils prints it after `time=`: four significant digits at most (0.045, 1.23, 12.3, 123). */
export function formatRtt(micros: number): string {
  if (micros >= 100000 - 50) return `${Math.floor((micros + 500) / 1000)}`;
  if (micros >= 10000 - 5) return `${Math.floor((micros + 50) / 1000)}.${Math.floor(((micros + 50) % 1000) / 100)}`;
  if (micros >= 1000) {
    return `${Math.floor((micros + 5) / 1000)}.${String(Math.floor(((micros + 5) % 1000) / 10)).padStart(2, '0')}`;
  }
  return `0.${String(micros).padStart(3, '0')}`;
}

/** ⌊√n⌋, as iputils' llsqrt. */
function integerSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}
