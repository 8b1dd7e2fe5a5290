#!/usr/bin/env node
// bsd-socket: the package's command (package.json "bin"). It dispatches to
// a subcommand and owns what they share: --help and --version, the one-line
// errors and their exit statuses (2 for usage, the subcommand's failure
// status for the rest), Ctrl-C, and a closed stdout.
//
// A new subcommand is a file that exports a Command, and a line in COMMANDS.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { SocketError } from '..';
import { UsageError, parseArgs } from './args';
import { CommandError, type Command, type CommandContext } from './command';
import { formatCommandHelp, formatHelp } from './help';
import { nc } from './nc';
import { ping } from './ping';
import { sniff } from './sniff';
import { traceroute } from './traceroute';

/** The subcommands, in the order `--help` lists them. */
const COMMANDS: readonly Command[] = [
  ping,
  traceroute,
  sniff,
  nc,
];

/** 128 + the signal's number: what a shell reports for a process that SIGINT or SIGPIPE ended. */
const STATUS_INTERRUPTED = 130;
const STATUS_BROKEN_PIPE = 141;

const print = (line: string): void => { process.stdout.write(`${line}\n`); };
const warn = (line: string): void => { process.stderr.write(`${line}\n`); };

/** The package's version, from the package.json above this file (in dist/ or in a development build). */
function version(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Runs `bsd-socket <argv>`; resolves with the exit status. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    print(formatHelp(COMMANDS));
    return 0;
  }
  if (name === '--version' || name === '-V') {
    print(`bsd-socket ${version()}`);
    return 0;
  }
  if (name === undefined) {
    warn("bsd-socket: missing command (try 'bsd-socket --help')");
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    warn(`bsd-socket: unknown command '${name}' (try 'bsd-socket --help')`);
    return 2;
  }
  return runCommand(command, rest);
}

async function runCommand(command: Command, argv: string[]): Promise<number> {
  const prefix = `bsd-socket ${command.name}`;
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    // A second Ctrl-C, or one to a command that does not finish on its own, ends it now.
    if (!command.interruptible || interrupt.signal.aborted) process.exit(STATUS_INTERRUPTED);
    interrupt.abort();
  });
  const context: CommandContext = { print, warn, interrupted: interrupt.signal };
  try {
    const args = parseArgs(argv, command.options);
    if (args.help) {
      print(formatCommandHelp(command));
      return 0;
    }
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`${prefix}: ${error.message}${error.hint ? ` (try '${prefix} --help')` : ''}`);
      return 2;
    }
    if (error instanceof CommandError) {
      warn(`${prefix}: ${error.message}`);
      return error.status ?? command.failureStatus;
    }
    if (error instanceof SocketError) {
      warn(`${prefix}: ${error.message}`);
      return command.failureStatus;
    }
    // Anything else is a bug in the command: its stack helps to fix it.
    throw error;
  }
}

// A reader that goes away (`bsd-socket ping … | head -1`) ends the command
// as SIGPIPE would end a C tool, quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(STATUS_BROKEN_PIPE);
    throw error;
  });
}

/**
 * process.exit(status) once stdout and stderr have written what they hold:
 * Node writes to a pipe asynchronously, and exit would drop what is still
 * queued (`bsd-socket sniff -r big.pcap | wc -l` counted a fifth of the lines).
 */
function exitAfterOutput(status: number): void {
  let waiting = 2;
  const written = (): void => {
    waiting -= 1;
    if (waiting === 0) process.exit(status);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  process.stderr.write(`bsd-socket: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
