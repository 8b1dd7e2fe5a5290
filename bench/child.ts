// A benchmark process whose output is read line by line, for the scale
// scenarios (bench/scale.ts): a server prints its port, then perhaps a
// report; a load generator prints one JSON line.
import { spawn, type ChildProcess } from 'node:child_process';

export class Child {
  readonly #process: ChildProcess;
  readonly #lines: string[] = [];
  #waiting: (() => void) | null = null;
  #stderr = '';
  #exited = false;
  readonly #exit: Promise<void>;

  constructor(readonly argv: string[]) {
    this.#process = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    this.#process.stdout!.on('data', (d: Buffer) => {
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      this.#lines.push(...lines.map((l) => l.trim()));
      this.#waiting?.();
    });
    this.#process.stderr!.on('data', (d: Buffer) => { this.#stderr += d; });
    this.#exit = new Promise((resolve) => this.#process.on('close', () => {
      this.#exited = true;
      this.#waiting?.();
      resolve();
    }));
  }

  get pid(): number {
    return this.#process.pid!;
  }

  /** The next line it prints; rejects if it exits first or prints none within `ms`. */
  async line(ms = 180_000): Promise<string> {
    const deadline = performance.now() + ms;
    while (this.#lines.length === 0) {
      if (this.#exited) throw new Error(`${this.argv.join(' ')} exited: ${this.#stderr.trim()}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.argv.join(' ')} printed nothing in ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiting = () => { clearTimeout(timer); resolve(); };
      });
      this.#waiting = null;
    }
    return this.#lines.shift()!;
  }

  /** Its next line, parsed as JSON. */
  async json<T>(ms?: number): Promise<T> {
    return JSON.parse(await this.line(ms)) as T;
  }

  /** Ends it (SIGTERM, then SIGKILL after 5 s) and waits for its exit. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    this.#process.kill('SIGTERM');
    const timer = setTimeout(() => this.#process.kill('SIGKILL'), 5000);
    await this.#exit;
    clearTimeout(timer);
  }

  /** Waits for it to exit by itself. */
  async done(): Promise<void> {
    await this.#exit;
  }
}
