// The command line of a subcommand, read as getopt(3) reads it: short
// options, clustered (`-nq`), with a value attached (`-c3`) or in the next
// argument (`-c 3`, `-nc 3`); options and operands in any order, as GNU
// getopt permutes them; `--` ends the options. `--help` is taken by every
// subcommand; a subcommand may declare other long options (`--nano`), as
// getopt_long(3) reads them (`--name value`, `--name=value`). A flag may be
// given more than once (`-xx`), and counts. A mistake is a UsageError: one
// line, exit status 2.

/** One option a subcommand takes. */
export interface OptionSpec {
  /** The letter, as in `-c`; or a word, for a long option (`nano` for `--nano`). */
  letter: string;
  /** What the value is called in the usage ('count'); absent for a flag, which takes none. */
  value?: string;
  /** One line for `--help`. */
  help: string;
}

/**
 * A command line the user got wrong: an unknown option, a missing or bad
 * value, a missing operand. Printed as one line; the exit status is 2, as
 * iputils and the BSD tools exit on usage errors.
 */
export class UsageError extends Error {
  /** Whether the line should point to `--help` (for mistakes in the shape of the line, not in a value). */
  readonly hint: boolean;

  /**
   * @param message - What is wrong, such as `invalid count: 'x'`.
   * @param hint - Whether to add "try '… --help'".
   */
  constructor(message: string, hint = false) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** A command line, read. */
export class ParsedArgs {
  /** Whether `--help` (or `-h`) was given. */
  readonly help: boolean;
  /** The operands, in order (hosts, ports, paths). */
  readonly operands: string[];
  /** Each flag given, and how many times. */
  readonly #flags: Map<string, number>;
  readonly #values: Map<string, string>;

  /**
   * @param flags - The flags given, with their counts.
   * @param values - Each valued option's last value.
   * @param operands - The operands.
   * @param help - Whether help was asked for.
   */
  constructor(flags: Map<string, number>, values: Map<string, string>, operands: string[], help: boolean) {
    this.#flags = flags;
    this.#values = values;
    this.operands = operands;
    this.help = help;
  }

  /** Whether flag `letter` was given. */
  flag(letter: string): boolean {
    return this.#flags.has(letter);
  }

  /** How many times flag `letter` was given (`-xx`: 2). */
  count(letter: string): number {
    return this.#flags.get(letter) ?? 0;
  }

  /** The value of option `letter` (its last one), or undefined. */
  value(letter: string): string | undefined {
    return this.#values.get(letter);
  }

  /**
   * Option `letter` as an integer from `min` to `max`, or `fallback` when it
   * was not given. Decimal digits only, as strtol with a full-match check.
   * @throws UsageError `invalid <name>: '<text>'`.
   */
  integer(letter: string, name: string, min: number, max: number, fallback: number): number {
    const text = this.#values.get(letter);
    return text === undefined ? fallback : parseInteger(text, name, min, max);
  }

  /**
   * Option `letter` as a number of seconds (`1`, `0.2`, `.5`), from `min` to
   * `max`, in milliseconds; `fallback` (ms) when it was not given.
   * @throws UsageError `invalid <name>: '<text>'`.
   */
  seconds(letter: string, name: string, min: number, max: number, fallback: number): number {
    const text = this.#values.get(letter);
    return text === undefined ? fallback : parseSeconds(text, name, min, max);
  }
}

/**
 * Reads `argv` (the arguments after the subcommand's name) against `specs`.
 * `-h` is help too when no option of that letter is declared.
 * @throws UsageError for an unknown option or a missing value.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  // --help anywhere before `--` wins over any mistake on the line, so the
  // way to learn the right line always works.
  const end = argv.indexOf('--');
  if (argv.slice(0, end === -1 ? argv.length : end).includes('--help')) {
    return new ParsedArgs(new Map(), new Map(), [], true);
  }
  const byLetter = new Map(specs.map((spec) => [spec.letter, spec]));
  const flags = new Map<string, number>();
  const addFlag = (letter: string): void => { flags.set(letter, (flags.get(letter) ?? 0) + 1); };
  const values = new Map<string, string>();
  const operands: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      // --name, --name=value or --name value: a long option the command declares.
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals === -1 ? arg.length : equals);
      const spec = name.length > 1 ? byLetter.get(name) : undefined;
      if (spec === undefined) throw new UsageError(`unrecognized option '${arg}'`, true);
      if (spec.value === undefined) {
        if (equals !== -1) throw new UsageError(`option '--${name}' doesn't allow an argument`, true);
        addFlag(name);
      } else if (equals !== -1) {
        values.set(name, arg.slice(equals + 1));
      } else if (i + 1 < argv.length) {
        values.set(name, argv[++i]);
      } else {
        throw new UsageError(`option '--${name}' requires an argument`, true);
      }
      continue;
    }
    // A lone '-' is an operand, as getopt leaves it.
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let at = 1; at < arg.length; at++) {
      const letter = arg[at];
      const spec = byLetter.get(letter);
      if (spec === undefined) {
        if (letter === 'h') {
          help = true;
          continue;
        }
        throw new UsageError(`invalid option -- '${letter}'`, true);
      }
      if (spec.value === undefined) {
        addFlag(letter);
        continue;
      }
      // The rest of this argument is the value, or else the next argument is.
      if (at + 1 < arg.length) {
        values.set(letter, arg.slice(at + 1));
      } else if (i + 1 < argv.length) {
        values.set(letter, argv[++i]);
      } else {
        throw new UsageError(`option requires an argument -- '${letter}'`, true);
      }
      break;
    }
  }
  return new ParsedArgs(flags, values, operands, help);
}

/**
 * `text` as a decimal integer from `min` to `max`.
 * @throws UsageError `invalid <name>: '<text>'` (with the range when it is a number out of it).
 */
export function parseInteger(text: string, name: string, min: number, max: number): number {
  if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`invalid ${name}: '${text}'`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`invalid ${name}: '${text}': out of range: ${min} <= value <= ${max}`);
  }
  return value;
}

/**
 * `text` as seconds, from `min` to `max`; returned in milliseconds.
 * @throws UsageError `invalid <name>: '<text>'`.
 */
export function parseSeconds(text: string, name: string, min: number, max: number): number {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new UsageError(`invalid ${name}: '${text}'`);
  const value = Number(text);
  if (!(value >= min && value <= max)) {
    throw new UsageError(`invalid ${name}: '${text}': out of range: ${min} <= value <= ${max}`);
  }
  return value * 1000;
}
