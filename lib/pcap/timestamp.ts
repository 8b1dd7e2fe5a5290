// pcapng timestamps: a 64-bit count of units since the epoch, a unit being
// 10^-n or 2^-n seconds (the interface's if_tsresol), plus if_tsoffset
// seconds. They become { sec, nsec } exactly, with the nanoseconds rounded
// down as libpcap rounds them, without BigInt on the common paths: a 64-bit
// count does not fit a double, so it is divided in 16-bit digits.

/** How long one timestamp unit of an interface is: 10^-exponent or 2^-exponent seconds. */
export interface TimestampResolution {
  /** 10 (if_tsresol's high bit clear) or 2 (set). */
  readonly base: 10 | 2;
  /** The negated power: 6 means 10^-6 s (microseconds), 9 means nanoseconds. */
  readonly exponent: number;
}

const TWO_32 = 4294967296;
const TWO_16 = 65536;

/**
 * Converts one interface's timestamps. The result is left in `sec` and
 * `nsec` (no object per packet); convert() returns false when the seconds
 * would not be a safe integer (over 2^53, 285 million years: a corrupt file).
 */
export class TimestampScale {
  /** Seconds of the last conversion. */
  sec = 0;
  /** Nanoseconds of the last conversion, 0 to 999 999 999. */
  nsec = 0;
  readonly #resolution: TimestampResolution;
  /** Units per second as a number, when it fits 32 bits (the digit-wise paths). */
  readonly #units: number;
  /** Units per second as a BigInt, for the resolutions finer than 2^-32 s. */
  readonly #bigUnits: bigint;
  readonly #offset: number;

  /**
   * @param resolution - The interface's if_tsresol, already checked against the limits.
   * @param offset - The interface's if_tsoffset in seconds, a safe integer.
   */
  constructor(resolution: TimestampResolution, offset: number) {
    this.#resolution = resolution;
    this.#bigUnits = BigInt(resolution.base) ** BigInt(resolution.exponent);
    this.#units = this.#bigUnits <= BigInt(TWO_32) ? Number(this.#bigUnits) : 0;
    this.#offset = offset;
  }

  /**
   * Converts the count `high * 2^32 + low` (both unsigned 32-bit).
   *
   * @returns false if the seconds are not a safe integer.
   */
  convert(high: number, low: number): boolean {
    const units = this.#units;
    let sec: number;
    if (units === 0) {
      const count = (BigInt(high) << 32n) | BigInt(low);
      const frac = count % this.#bigUnits;
      sec = Number(count / this.#bigUnits);
      this.nsec = Number((frac * 1_000_000_000n) / this.#bigUnits);
    } else if (this.#resolution.base === 2) {
      // units = 2^e, e ≤ 32: the division is a split of the bits.
      const exponent = this.#resolution.exponent;
      const lowSec = Math.floor(low / units);
      const frac = low - lowSec * units;
      sec = high * (TWO_32 / units) + lowSec;
      // frac · 10^9 / 2^e = frac · 5^9 / 2^(e-9): frac · 5^9 < 2^53, and a
      // division by a power of two is exact, so floor() rounds down exactly.
      this.nsec = exponent >= 9 ? Math.floor((frac * 1953125) / 2 ** (exponent - 9))
        : frac * 1953125 * 2 ** (9 - exponent);
    } else {
      // units = 10^e, e ≤ 9: long division by 16-bit digits keeps every
      // partial result below 2^53; each quotient is corrected by one in case
      // the floating-point division rounded up to the next integer.
      let highSec = Math.floor(high / units);
      let rest = high - highSec * units;
      if (rest < 0) { highSec -= 1; rest += units; }
      let dividend = rest * TWO_16 + (low >>> 16);
      let midSec = Math.floor(dividend / units);
      rest = dividend - midSec * units;
      if (rest < 0) { midSec -= 1; rest += units; }
      dividend = rest * TWO_16 + (low & 0xffff);
      let lowSec = Math.floor(dividend / units);
      rest = dividend - lowSec * units;
      if (rest < 0) { lowSec -= 1; rest += units; }
      sec = highSec * TWO_32 + midSec * TWO_16 + lowSec;
      this.nsec = rest * (1_000_000_000 / units);
    }
    sec += this.#offset;
    this.sec = sec;
    return Number.isSafeInteger(sec);
  }
}
