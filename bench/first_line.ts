// A benchmark end as a child process: the first line it prints (a port, or
// ns per unit), and when it has exited. bench/run.ts and bench/before_after.ts.
import { spawn } from 'node:child_process';

export function firstLine(argv: string[]): Promise<{ line: string; done: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const done = new Promise<void>((r) => child.on('close', () => r()));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve({ line: out.split('\n')[0].trim(), done });
    });
    child.on('error', reject);
    child.on('close', (code) => { if (!out.includes('\n')) reject(new Error(`${argv.join(' ')} exited ${code}`)); });
  });
}
