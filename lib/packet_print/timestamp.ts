// The time at the start of each line, as tcpdump prints it by default: the
// local time of day, HH:MM:SS, then microseconds (.ffffff) or, with
// --nano, nanoseconds (.fffffffff). Local time is the process's time zone
// (TZ), which Node reads as the C library does.

/** How many digits of the fraction of a second: tcpdump's default, or --nano. */
export type TimestampPrecision = 'micro' | 'nano';

/** A capture timestamp: seconds since the epoch and nanoseconds within the second. */
export interface CaptureTime {
  /** Seconds since the epoch (a pcap record's ts_sec). */
  sec: number;
  /** Nanoseconds within the second (a microsecond record's ts_usec × 1000). */
  nsec: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function padFraction(value: number, digits: number): string {
  const text = `${value}`;
  return text.length < digits ? '000000000'.slice(0, digits - text.length) + text : text;
}

/**
 * Formats timestamps, remembering the last second's HH:MM:SS: packets come
 * many to a second, and a Date per packet would cost more than the rest of
 * the line.
 */
export class TimestampFormatter {
  private lastSecond = Number.NaN;
  private lastClock = '';

  constructor(readonly precision: TimestampPrecision) {}

  /**
   * `HH:MM:SS.ffffff` (or 9 digits) for `time`, in local time. Like tcpdump,
   * "[Error converting time]" for a second count whose bit 31 is set (tcpdump
   * reads pcap's 32-bit seconds) or that the calendar cannot hold.
   */
  format(time: CaptureTime): string {
    const { sec, nsec } = time;
    if (sec !== this.lastSecond) {
      this.lastClock = clockText(sec);
      this.lastSecond = sec;
    }
    if (this.lastClock === '') return '[Error converting time]';
    return this.precision === 'nano'
      ? `${this.lastClock}.${padFraction(nsec, 9)}`
      : `${this.lastClock}.${padFraction(Math.floor(nsec / 1000), 6)}`;
  }
}

/** HH:MM:SS of `sec` in local time, or '' where tcpdump prints an error. */
function clockText(sec: number): string {
  if (((sec >>> 0) & 0x80000000) !== 0) return '';
  const date = new Date(sec * 1000);
  if (Number.isNaN(date.getTime())) return '';
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}
