// Running the compiled bsd-socket command (dist/cli/main.js) and the
// system's reference tools in child processes, each with a time limit, so a
// hang is a failed test rather than a stuck run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** The command as the package's "bin" names it. */
export const CLI_PATH = join(__dirname, '..', 'dist', 'cli', 'main.js');

/** How a child ended, and what it printed. */
export interface ChildResult {
  /** The exit status, or null if a signal ended it. */
  code: number | null;
  /** The signal that ended it (SIGKILL: the time limit did). */
  signal: NodeJS.Signals | null;
  /** stdout as UTF-8 text. */
  stdout: string;
  /** stdout as bytes. */
  stdoutBytes: Buffer;
  stderr: string;
  /** How long it ran, in milliseconds. */
  ms: number;
}

export interface RunOptions {
  /** Written to the child's stdin, which is then closed (unless `keepStdinOpen`). */
  input?: Buffer | string;
  /** Leave stdin open (a pipe with no EOF) until the child ends. */
  keepStdinOpen?: boolean;
  /** Runs the child under these (`['unshare', '--net']`, `['ip', 'netns', 'exec', ns]`, setpriv, …). */
  prefix?: string[];
  /** SIGKILL after this long (default 15 s). */
  timeoutMs?: number;
}

/** A child that is still running: its output so far, and its end. */
export interface Running {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first match of `pattern` in stdout or stderr (rejects if the child ends first). */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  done: Promise<ChildResult>;
}

/** Starts `argv` (prefixed as `options` says). */
export function start(argv: string[], options: RunOptions = {}): Running {
  const command = [...(options.prefix ?? []), ...argv];
  const began = performance.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  let text = '';
  const watchers: Array<() => void> = [];
  const onOutput = (): void => { for (const watch of watchers.slice()) watch(); };
  child.stdout.on('data', (d: Buffer) => { stdout.push(d); text += d.toString('latin1'); onOutput(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d; onOutput(); });
  child.stdin.on('error', () => { /* the child may exit before reading all of it */ });
  if (options.input !== undefined) child.stdin.write(options.input);
  if (!options.keepStdinOpen) child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15000);
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const bytes = Buffer.concat(stdout);
      resolve({ code, signal, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr, ms: performance.now() - began });
      for (const watch of watchers.slice()) watch();
    });
  });
  let ended = false;
  void done.then(() => { ended = true; }, () => { ended = true; });
  const waitFor = (pattern: RegExp): Promise<RegExpExecArray> => new Promise((resolve, reject) => {
    const watch = (): void => {
      const match = pattern.exec(text) ?? pattern.exec(stderr);
      if (match !== null || ended || child.exitCode !== null || child.signalCode !== null) {
        watchers.splice(watchers.indexOf(watch), 1);
        if (match !== null) resolve(match);
        else reject(new Error(`the child ended before printing ${pattern}: stdout ${JSON.stringify(text)}, stderr ${JSON.stringify(stderr)}`));
      }
    };
    watchers.push(watch);
    watch();
  });
  return { child, waitFor, done };
}

/** Runs `argv` to its end. */
export function run(argv: string[], options: RunOptions = {}): Promise<ChildResult> {
  return start(argv, options).done;
}

/** Starts `bsd-socket <args>`. */
export function startCommand(args: string[], options: RunOptions = {}): Running {
  return start([process.execPath, CLI_PATH, ...args], options);
}

/** Runs `bsd-socket <args>` to its end. */
export function runCommand(args: string[], options: RunOptions = {}): Promise<ChildResult> {
  return run([process.execPath, CLI_PATH, ...args], options);
}

/** Runs as nobody: no capabilities (a file's own, such as iputils ping's cap_net_raw, still apply). */
export const UNPRIVILEGED = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];

/**
 * Checks a failure as the command must give it: the exit status, nothing on
 * stdout, and one line on stderr, `bsd-socket <command>: …`, matching
 * `pattern`, with no stack trace; and it ended by itself (no time limit).
 */
export function expectOneLineError(result: ChildResult, command: string, pattern: RegExp, status: number): void {
  expect({ signal: result.signal, code: result.code, stdout: result.stdout }).toEqual({ signal: null, code: status, stdout: '' });
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  expect(result.stderr.startsWith(`bsd-socket ${command}: `)).toBe(true);
  expect(result.stderr.slice(0, -1)).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}
