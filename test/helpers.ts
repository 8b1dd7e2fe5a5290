// Shared test helpers: loopback socket pairs that clean up after themselves,
// fd counting, and timing of rejections.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

import { AF_INET, AF_INET6, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, Socket, socket, type SocketAddress } from '../lib';

const opened: Socket[] = [];

/** A socket that afterEach() closes. */
export function track<T extends Socket>(sock: T): T {
  opened.push(sock);
  return sock;
}

export function closeTracked(): void {
  for (const s of opened.splice(0)) s.close();
}

afterEach(closeTracked);

export function loopback(family: number = AF_INET): string {
  return family === AF_INET6 ? '::1' : '127.0.0.1';
}

/** A listening TCP socket on an ephemeral loopback port. */
export function listener(family: number = AF_INET, backlog = 128): Socket {
  const server = track(socket(family, SOCK_STREAM));
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind({ address: loopback(family), port: 0 });
  server.listen(backlog);
  return server;
}

/** A connected TCP pair over loopback: [client, accepted]. */
export async function tcpPair(family: number = AF_INET): Promise<[Socket, Socket]> {
  const server = listener(family);
  const client = track(socket(family, SOCK_STREAM));
  const [[accepted]] = await Promise.all([server.accept(), client.connect(server.getsockname() as { address: string; port: number })]);
  track(accepted);
  server.close();
  return [client, accepted];
}

/** The number of fds this process has open. */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

/** What each open fd is (socket:[inode], anon_inode:[eventfd], a path...). */
export function fdTargets(): string[] {
  const targets: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      targets.push(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // the fd readdir itself used, closed by now
    }
  }
  return targets;
}

export function countEventFds(): number {
  return fdTargets().filter((t) => t === 'anon_inode:[eventfd]').length;
}

/** The flags of an fd, from /proc/self/fdinfo (octal there). */
export function fdFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').find((l) => l.startsWith('flags:'));
  return parseInt(line!.split(/\s+/)[1], 8);
}

/** Resolves to [error, milliseconds taken] when `promise` rejects; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<[Error, number]> {
  const start = performance.now();
  try {
    await promise;
  } catch (error) {
    return [error as Error, performance.now() - start];
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export function portOf(address: SocketAddress): number {
  return (address as { port: number }).port;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The compiled library, as children of the tests load it. */
export const LIB_PATH = join(__dirname, '..', 'dist', 'index.js');

/**
 * Runs a JS program in a child node with the compiled library as `lib`;
 * resolves with its outcome. `env` adds to this process's environment,
 * `unsetEnv` removes from it.
 */
export function runChild(source: string,
  options: { args?: string[]; prefix?: string[]; timeoutMs?: number; env?: Record<string, string>;
    unsetEnv?: string[] } = {}):
Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const program = `const lib = require(${JSON.stringify(LIB_PATH)});\n${source}`;
  const command = [...(options.prefix ?? []), process.execPath, ...(options.args ?? []), '-e', program];
  const env = { ...process.env, ...options.env };
  for (const name of options.unsetEnv ?? []) delete env[name];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - start });
    });
  });
}

/**
 * Runs `source` in a child inside a fresh network namespace (unshare --net),
 * after `setup`, a list of `ip` commands run there first: the test's own
 * private network, gone when the child exits.
 */
export function inNamespace(source: string, setup: string[] = [], timeoutMs = 10000):
ReturnType<typeof runChild> {
  const commands = ['link set lo up', ...setup].map((c) => c.split(' '));
  return runChild(`
    const { execFileSync } = require('node:child_process');
    for (const args of ${JSON.stringify(commands)}) execFileSync('ip', args);
    ${source}
  `, { prefix: ['unshare', '--net'], timeoutMs });
}

/** A veth pair veth0 (02:00:00:00:00:01) <-> veth1 (02:00:00:00:00:02), both up. */
export const VETH_PAIR = [
  'link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02',
  'link set veth0 up',
  'link set veth1 up',
];
