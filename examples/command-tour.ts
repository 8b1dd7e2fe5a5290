// The second half of `npm start`: the package's command, bsd-socket, run as
// a user runs it, on loopback only: ping, traceroute, and nc sending a
// file's worth of bytes from one nc to another.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The command as this build has it (package.json's "bin" is the same file in dist/). */
const COMMAND = join(__dirname, '..', 'lib', 'cli', 'main.js');

interface Outcome {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs `bsd-socket <args>`; `onStderr` sees its stderr as it comes. */
function bsdSocket(args: string[], input?: Buffer, onStderr?: (text: string) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMMAND, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      onStderr?.(stderr);
    });
    child.stdin.end(input);
    // Everything here is over in a second or two; nothing may hang the tour.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

function show(args: string[], outcome: Outcome): void {
  console.log(`$ bsd-socket ${args.join(' ')}`);
  const text = [outcome.stdout.toString().trimEnd(), outcome.stderr.trimEnd()].filter((t) => t !== '').join('\n');
  if (text !== '') console.log(text.replace(/^(?=.)/gm, '  '));
}

/** Runs the tour; resolves false if something did not work as it should. */
export async function tourOfTheCommand(): Promise<boolean> {
  console.log('\nThe command, bsd-socket (npx bsd-socket … once installed):');
  let ok = true;
  for (const args of [['ping', '-c', '2', '-i', '0.2', '127.0.0.1'], ['traceroute', '-n', '-q', '1', '-w', '1', '127.0.0.1']]) {
    const outcome = await bsdSocket(args);
    show(args, outcome);
    // Without CAP_NET_RAW, and outside net.ipv4.ping_group_range, ping
    // explains in one line why it may not; that is not a failure of the tour.
    if (outcome.code !== 0 && !/ping_group_range|CAP_NET_RAW/.test(outcome.stderr)) ok = false;
  }

  const data = randomBytes(1 << 20);
  const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  let announced!: (port: number) => void;
  const listening = new Promise<number>((resolve) => { announced = resolve; });
  const serverArgs = ['nc', '-v', '-n', '-l', '127.0.0.1', '0'];
  const server = bsdSocket(serverArgs, Buffer.alloc(0), (stderr) => {
    const port = /Listening on \S+ (\d+)/.exec(stderr);
    if (port !== null) announced(Number(port[1]));
  });
  const port = await Promise.race([listening, server.then(() => 0)]);
  const clientArgs = ['nc', '-N', '127.0.0.1', String(port), '< 1 MiB of random bytes'];
  const client = await bsdSocket(clientArgs.slice(0, -1), data);
  const served = await server;
  show(serverArgs, { ...served, stdout: Buffer.from(`(${served.stdout.length} bytes on stdout, sha256 ${digest(served.stdout)}…)`) });
  show(clientArgs, { ...client, stdout: Buffer.from(`(sent ${data.length} bytes, sha256 ${digest(data)}…)`) });
  const same = served.stdout.equals(data);
  console.log(`nc -> nc: ${same ? 'byte-exact' : 'MISMATCH'}`);
  return ok && same && client.code === 0 && served.code === 0;
}
