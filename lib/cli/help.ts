// The text of `bsd-socket --help` and `bsd-socket <command> --help`, made
// from the commands' own descriptions so that it cannot fall behind them.
import type { Command } from './command';

/** `bsd-socket --help`: the synopsis and one line per command. */
export function formatHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  return [
    'usage: bsd-socket <command> [options] [arguments]',
    '       bsd-socket <command> --help',
    '       bsd-socket --help | --version',
    '',
    'Network tools written with bsd-socket, the BSD socket API for Node.js.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
  ].join('\n');
}

/** `bsd-socket <command> --help`: its usage line and its options. */
export function formatCommandHelp(command: Command): string {
  // A letter is a short option (-c), a word a long one (--nano).
  const names = command.options.map((o) =>
    `${o.letter.length > 1 ? '--' : '-'}${o.letter}${o.value === undefined ? '' : ` ${o.value}`}`);
  const width = Math.max(0, ...names.map((n) => n.length)) + 3;
  return [
    ...command.synopsis.map((line, i) => `${i === 0 ? 'usage:' : '      '} bsd-socket ${command.name} ${line}`),
    '',
    `${command.summary}.`,
    '',
    'options:',
    ...command.options.map((o, i) => `  ${names[i].padEnd(width)}${o.help}`),
    `  ${'--help'.padEnd(width)}print this help and exit`,
  ].join('\n');
}
