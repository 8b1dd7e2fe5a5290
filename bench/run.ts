// npm run bench [-- --quick]: bsd-socket against node:net and a C baseline,
// measured in one run, interleaved (every case once per round, for several
// rounds), medians and spreads, in two regimes: both processes pinned to one
// CPU (taskset; CPU efficiency, stable on a small machine) and unpinned.
// Writes a table to stdout, bench/results/latest.json and latest.svg.
// --quick keeps the harness working in CI: few rounds and trips, no verdicts.
//
// Scenarios so far (64-byte messages; each end its own process):
//   TCP ping-pong, both ends the same technology
//   TCP ping-pong, each technology's client against the C echo server
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 5;
const TRIPS = quick ? 300 : 20000;

type Tech = 'c' | 'bsd' | 'bsd-blocking' | 'net';
const LABEL: Record<Tech, string> = {
  c: 'C (blocking)', bsd: 'bsd-socket (event loop)', 'bsd-blocking': 'bsd-socket (threadpool)', net: 'node:net',
};

interface Case { scenario: string; server: Tech; client: Tech; pinned: boolean }

function command(tech: Tech, args: string[], pinned: boolean): string[] {
  const base = tech === 'c'
    ? [join(root, 'build-bench', 'pingpong'), ...args]
    : [process.execPath, join(root, 'dist', 'bench', 'pingpong.js'), args[0], tech, ...args.slice(1)];
  return pinned ? ['taskset', '-c', '0', ...base] : base;
}

function firstLine(argv: string[]): Promise<{ line: string; done: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Nanoseconds per round trip for one case. */
async function measure(c: Case): Promise<number> {
  const server = await firstLine(command(c.server, ['server'], c.pinned));
  const client = await firstLine(command(c.client, ['client', server.line, String(TRIPS)], c.pinned));
  await Promise.all([server.done, client.done]);
  const ns = Number(client.line);
  if (!(ns > 0)) throw new Error(`bad result from ${c.client}: ${client.line}`);
  return ns;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function svg(rows: Array<{ name: string; ratio: number }>): string {
  const width = 760;
  const bar = 22;
  const left = 330;
  const scale = (width - left - 60) / Math.max(2, ...rows.map((r) => r.ratio));
  const items = rows.map((r, i) => {
    const y = 30 + i * (bar + 8);
    return `<text x="${left - 8}" y="${y + 16}" text-anchor="end" font-size="12">${r.name}</text>`
      + `<rect x="${left}" y="${y}" width="${(r.ratio * scale).toFixed(1)}" height="${bar}" fill="${r.ratio >= 1 ? '#3a7' : '#c63'}"/>`
      + `<text x="${left + r.ratio * scale + 6}" y="${y + 16}" font-size="12">${r.ratio.toFixed(2)}×</text>`;
  }).join('\n');
  const height = 40 + rows.length * (bar + 8);
  const one = left + scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<text x="10" y="18" font-size="13">Round trips per second, as a ratio to node:net (higher is better)</text>
${items}
<line x1="${one}" y1="24" x2="${one}" y2="${height - 4}" stroke="#333" stroke-dasharray="4 3"/>
</svg>
`;
}

async function main(): Promise<void> {
  mkdirSync(join(root, 'build-bench'), { recursive: true });
  execFileSync('cc', ['-O2', '-o', join(root, 'build-bench', 'pingpong'), join(root, 'bench', 'c', 'pingpong.c')]);
  const techs: Tech[] = ['bsd', 'bsd-blocking', 'net', 'c'];
  const cases: Case[] = [];
  for (const pinned of [true, false]) {
    for (const t of techs) cases.push({ scenario: 'TCP ping-pong, both ends', server: t, client: t, pinned });
    for (const t of techs.filter((x) => x !== 'c')) cases.push({ scenario: 'TCP ping-pong vs C echo server', server: 'c', client: t, pinned });
  }
  const results = new Map<Case, number[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) results.get(c)!.push(await measure(c));
  }

  const key = (c: Case): string => `${c.scenario} | ${c.pinned ? 'one CPU' : 'unpinned'}`;
  const out: Array<Record<string, unknown>> = [];
  const chart: Array<{ name: string; ratio: number }> = [];
  console.log(`TCP ping-pong, 64 B, loopback; ${ROUNDS} interleaved rounds of ${TRIPS} round trips${quick ? ' (--quick: no verdicts)' : ''}`);
  console.log('| scenario | regime | client | µs per round trip (median) | spread | vs node:net | vs C |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cases) {
    const m = median(results.get(c)!);
    const sameGroup = cases.filter((x) => key(x) === key(c));
    const netNs = median(results.get(sameGroup.find((x) => x.client === 'net')!)!);
    const cCase = sameGroup.find((x) => x.client === 'c') ?? cases.find((x) => x.pinned === c.pinned && x.client === 'c' && x.server === 'c')!;
    const cNs = median(results.get(cCase)!);
    const vsNet = netNs / m;
    const vsC = cNs / m;
    const spread = results.get(c)!;
    console.log(`| ${c.scenario} | ${c.pinned ? 'one CPU' : 'unpinned'} | ${LABEL[c.client]} | ${(m / 1000).toFixed(1)} | `
      + `${(Math.min(...spread) / 1000).toFixed(1)}–${(Math.max(...spread) / 1000).toFixed(1)} | ${vsNet.toFixed(2)}× | ${vsC.toFixed(2)}× |`);
    out.push({ scenario: c.scenario, pinned: c.pinned, client: c.client, server: c.server, medianNs: m, samplesNs: spread, vsNodeNet: vsNet, vsC });
    if (c.client !== 'net') chart.push({ name: `${LABEL[c.client]}, ${c.scenario.replace('TCP ping-pong', 'ping-pong')}, ${c.pinned ? '1 CPU' : 'unpinned'}`, ratio: vsNet });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  console.log(`\n${machine}`);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ machine, rounds: ROUNDS, trips: TRIPS, results: out }, null, 2)}\n`);
  writeFileSync(join(dir, quick ? 'quick.svg' : 'latest.svg'), svg(chart));
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
