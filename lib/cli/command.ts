// What a subcommand of `bsd-socket` is: its name, its options, and the
// function that runs it. main.ts holds the table of them and does the rest
// (help, the one-line errors, exit statuses, Ctrl-C), so a new subcommand is
// one file that exports a Command and one line in that table.
import { getSystemErrorMap } from 'node:util';

import { GaiError, SocketError } from '../errors';
import type { OptionSpec, ParsedArgs } from './args';

/** What a running subcommand is given besides its arguments. */
export interface CommandContext {
  /** Writes one line to stdout. */
  print(line: string): void;
  /** Writes one line to stderr (notices, -v messages): the command's name is not added. */
  warn(line: string): void;
  /**
   * Aborted on SIGINT, for a command that declares `interruptible` (ping
   * prints its statistics); other commands simply end, as when killed.
   */
  interrupted: AbortSignal;
}

/** One subcommand. */
export interface Command {
  /** The name, as typed: `bsd-socket <name>`. */
  name: string;
  /** One line for `bsd-socket --help`. */
  summary: string;
  /** The usage lines, each after the name: `[-c count] … host`. */
  synopsis: readonly string[];
  /** The options, for the parser and for `--help`. */
  options: OptionSpec[];
  /**
   * The exit status of a failure that is not a usage error (a refused
   * connection, an unknown host): 1 for most tools, 2 for ping, as iputils.
   */
  failureStatus: number;
  /** Whether SIGINT ends the command through `context.interrupted` (else the process ends at once, status 130). */
  interruptible?: boolean;
  /**
   * Runs the command; resolves with its exit status.
   * @throws UsageError for a bad value; CommandError or a SocketError for a failure.
   */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}

/**
 * A failure the command explains in one line (`connect to host port 9
 * (tcp) failed: Connection refused`), with the command's failure status or
 * the one given.
 */
export class CommandError extends Error {
  /** The exit status, when it is not the command's `failureStatus`. */
  readonly status?: number;

  /**
   * @param message - The line, without the command's name.
   * @param status - The exit status, if not the command's usual one.
   */
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'CommandError';
    if (status !== undefined) this.status = status;
  }
}

/**
 * The text strerror(3) would give for a SocketError's errno, such as
 * 'Connection refused', from Node's own table (libuv's words, capitalized
 * as the C library's are); the code itself when the table has none.
 */
export function errnoText(error: SocketError): string {
  const entry = getSystemErrorMap().get(-error.errno);
  if (entry === undefined) return error.code;
  const text = entry[1];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A resolver failure as the tools print it: `<host>: Name or service not
 * known` (the resolver's own words, gai_strerror(3), which end the
 * GaiError's message).
 */
export function resolverFailure(host: string, error: GaiError): CommandError {
  const why = error.message.slice(error.message.lastIndexOf(': ') + 2);
  return new CommandError(`${host}: ${why}`);
}
