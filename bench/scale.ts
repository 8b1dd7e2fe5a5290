// The scale scenarios of `npm run bench` (bench/run.ts calls scaleBench;
// `node build-ts/bench/scale.js [--quick]` runs them alone): servers with
// many connections, loaded by a C epoll load generator (bench/c/loadgen.c),
// against a node:net server and a C epoll server (bench/c/epoll_server.c).
//   echo     one 64-byte message in flight per connection, at 1, 100, 1,000
//            and 10,000 connections: messages/s and p99 latency; the server
//            pinned to CPU 0, the load to CPU 1
//   accept   connections/s, each accepted, echoed once and closed (64 at once)
//   memory   RSS and JS heap per idle connection, 10,000 connections with a
//            receive pending on each (the server measures itself, after GC)
//   cores    the Promise echo server on 2 worker_threads (SO_REUSEPORT)
//            against 1, and node:net on node:cluster with 2 processes;
//            unpinned, or with 4 CPUs or more the servers on CPUs 0-1 and
//            the load on the others
// Every case once per round, interleaved, for several rounds; medians. The
// load generator also reports the server's CPU time per message, steadier
// than the rate on a machine shared with other work.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import type { ChartRow } from './chart';
import { Child } from './child';

type Tech = 'bsd' | 'bsd-callback' | 'net' | 'c';
type CoresTech = 'bsd-1' | 'bsd-2' | 'net-1' | 'cluster-2';
export type Scenario = 'echo' | 'accept' | 'memory' | 'cores';

const LABEL: Record<Tech | CoresTech, string> = {
  bsd: 'bsd-socket (Promise API: await recv, await sendall)',
  'bsd-callback': 'bsd-socket (callbacks: acceptEach, recvEach + sendSync)',
  net: 'node:net',
  c: 'C (epoll)',
  'bsd-1': 'bsd-socket, Promise API, 1 worker thread',
  'bsd-2': 'bsd-socket, Promise API, 2 worker threads (SO_REUSEPORT)',
  'net-1': 'node:net, 1 process',
  'cluster-2': 'node:net, node:cluster with 2 processes',
};
const TECHS: Tech[] = ['bsd', 'bsd-callback', 'net', 'c'];
const CORES: CoresTech[] = ['bsd-1', 'bsd-2', 'net-1', 'cluster-2'];
/** Connections opened at once in the accept scenario. */
const ACCEPT_CONCURRENCY = 64;

/** What one case measured: named figures (rate, p99us, rssPerConn, …). */
type Sample = Record<string, number>;

interface Case {
  scenario: Scenario;
  /** The connection count (echo, memory, cores) or concurrency (accept). */
  conns: number;
  tech: Tech | CoresTech;
  run: () => Promise<Sample>;
  samples: Sample[];
}

/** What run.ts folds into its report. */
export interface ScaleReport {
  goals: string[][];
  markdown: string[];
  chart: ChartRow[];
  results: Array<Record<string, unknown>>;
}

export interface ScaleOptions {
  quick: boolean;
  /** Only these scenarios (all by default). */
  only?: Scenario[];
  /** The echo scenario's connection counts (by default 1, 100, 1,000, 10,000; quick: 1, 100). */
  conns?: number[];
  /** Rounds (by default 5; quick: 1). */
  rounds?: number;
  /** The repository (build-bench/ and build-ts/ are under it). */
  root: string;
}

interface Paths { cBin: (name: string) => string; jsEnd: (name: string) => string }

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const twoCpus = cpus().length >= 2;

/** `argv` on CPUs `list` (taskset's form; null: unpinned; so too on a machine of one CPU). */
function onCpu(list: number | string | null, argv: string[]): string[] {
  return list === null || !twoCpus ? argv : ['taskset', '-c', String(list), ...argv];
}

/**
 * Where the cores scenario runs: with 4 CPUs or more, the servers on CPUs 0
 * and 1 and the load on the others, in as many threads (up to 4), so that
 * the load takes none of the servers' CPUs; with fewer, all unpinned.
 */
function coresPlacement(): { server: string | null; load: string | null; threads: number; text: string } {
  const n = cpus().length;
  if (n < 4) return { server: null, load: null, threads: 1, text: `unpinned, on ${n} CPUs shared with the load generator` };
  const threads = Math.min(n - 2, 4);
  return { server: '0,1', load: `2-${n - 1}`, threads, text: `servers on CPUs 0-1, the load on CPUs 2-${n - 1} (${threads} threads)` };
}

function serverArgv(paths: Paths, tech: Tech, mode: string, ...args: string[]): string[] {
  if (tech === 'c') return [paths.cBin('epoll_server'), mode, ...args];
  const flags = mode === 'idle' ? ['--expose-gc'] : [];
  return [process.execPath, ...flags, paths.jsEnd('scale_server'), tech, mode, ...args];
}

/** Starts `server`, runs the load against the port it prints, stops it. */
async function withServer<T>(server: string[], run: (port: string, child: Child) => Promise<T>): Promise<T> {
  const child = new Child(server);
  try {
    return await run(await child.line(), child);
  } finally {
    await child.stop();
  }
}

async function load(argv: string[]): Promise<Sample> {
  const child = new Child(argv);
  const result = await child.json<Sample>();
  await child.done();
  return result;
}

function makeCases(paths: Paths, quick: boolean, echoConns: number[] | undefined): Case[] {
  const seconds = quick ? '0.5' : '2';
  const warmup = quick ? '0.2' : '0.5';
  const loadgen = paths.cBin('loadgen');
  const cases: Case[] = [];
  const add = (scenario: Scenario, conns: number, tech: Tech | CoresTech, run: () => Promise<Sample>): void => {
    cases.push({ scenario, conns, tech, run, samples: [] });
  };
  for (const conns of echoConns ?? (quick ? [1, 100] : [1, 100, 1000, 10000])) {
    for (const tech of TECHS) {
      add('echo', conns, tech, () => withServer(onCpu(0, serverArgv(paths, tech, 'echo')), (port, server) =>
        load(onCpu(1, [loadgen, 'echo', port, String(conns), seconds, warmup, String(server.pid)]))));
    }
  }
  for (const tech of TECHS) {
    add('accept', ACCEPT_CONCURRENCY, tech, () => withServer(onCpu(0, serverArgv(paths, tech, 'accept')), (port, server) =>
      load(onCpu(1, [loadgen, 'accept', port, String(ACCEPT_CONCURRENCY), seconds, warmup, String(server.pid)]))));
  }
  const idle = quick ? 1000 : 10000;
  for (const tech of TECHS) {
    add('memory', idle, tech, () => withServer(onCpu(0, serverArgv(paths, tech, 'idle', String(idle))),
      async (port, server) => {
        const clients = new Child(onCpu(1, [loadgen, 'idle', port, String(idle)]));
        try {
          await clients.line();
          return perConnection(await server.json<IdleReport>());
        } finally {
          await clients.stop();
        }
      }));
  }
  const coresConns = quick ? 100 : 1000;
  const placed = coresPlacement();
  for (const tech of CORES) {
    const [how, k] = tech.split('-');
    const server = how === 'net' ? serverArgv(paths, 'net', 'echo')
      : [process.execPath, paths.jsEnd('scale_cores'), how === 'bsd' ? 'threads' : 'cluster', k];
    add('cores', coresConns, tech, () => withServer(onCpu(placed.server, server), (port, child) =>
      load(onCpu(placed.load, [loadgen, 'echo', port, String(coresConns), seconds, warmup, String(child.pid),
        String(placed.threads)]))));
  }
  return cases;
}

interface IdleReport {
  conns: number;
  // The JS servers' report:
  before?: { rss: number; heapUsed: number; newSpace: number; oldSpace: number };
  after?: { rss: number; heapUsed: number; newSpace: number; oldSpace: number };
  // The C server's:
  rssBefore?: number;
  rssAfter?: number;
}

function perConnection(r: IdleReport): Sample {
  if (r.before !== undefined && r.after !== undefined) {
    const per = (key: 'rss' | 'heapUsed' | 'newSpace' | 'oldSpace'): number => (r.after![key] - r.before![key]) / r.conns;
    return { rssPerConn: per('rss'), heapPerConn: per('heapUsed'), newSpacePerConn: per('newSpace'), oldSpacePerConn: per('oldSpace') };
  }
  return { rssPerConn: (r.rssAfter! - r.rssBefore!) / r.conns, heapPerConn: 0, newSpacePerConn: 0, oldSpacePerConn: 0 };
}

/** Compiles the C ends, runs every case once per round, interleaved, and reports. */
export async function scaleBench({ quick, root, only, conns, rounds: roundsAsked }: ScaleOptions): Promise<ScaleReport> {
  const paths: Paths = {
    cBin: (name) => join(root, 'build-bench', name),
    jsEnd: (name) => join(root, 'build-ts', 'bench', `${name}.js`),
  };
  mkdirSync(join(root, 'build-bench'), { recursive: true });
  for (const name of ['loadgen', 'epoll_server']) {
    execFileSync('cc', ['-O2', '-pthread', '-o', paths.cBin(name), join(root, 'bench', 'c', `${name}.c`)]);
  }
  const cases = makeCases(paths, quick, conns).filter((c) => only === undefined || only.includes(c.scenario));
  const rounds = roundsAsked ?? (quick ? 1 : 5);
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) c.samples.push(await c.run());
  }
  return report(cases, rounds);
}

function report(cases: Case[], rounds: number): ScaleReport {
  const find = (scenario: Scenario, tech: Tech | CoresTech, conns?: number): Case | undefined =>
    cases.find((c) => c.scenario === scenario && c.tech === tech && (conns === undefined || c.conns === conns));
  const fig = (c: Case | undefined, key: string): number => (c === undefined ? NaN : median(c.samples.map((s) => s[key])));
  const spread = (c: Case, key: string, digits = 0): string => {
    const xs = c.samples.map((s) => s[key]);
    return `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  };
  /** How many times better ours is: `higher` figures are better (rates) or worse (latency, CPU, memory). */
  const ratio = (ours: Case | undefined, theirs: Case | undefined, key: string, higher: boolean): number =>
    (higher ? fig(ours, key) / fig(theirs, key) : fig(theirs, key) / fig(ours, key));
  const x = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
  const chart: ChartRow[] = [];
  const markdown: string[] = [
    `Scale: a C epoll load generator (\`bench/c/loadgen.c\`), 64-byte messages, one in flight per connection; the server on`,
    `CPU 0, the load on CPU 1 (cores: as said there); ${rounds} interleaved rounds, medians. "vs" columns: how many times better`,
    'ours is (rate ours/theirs; latency, CPU and memory theirs/ours). Server CPU: all its threads, per message or connection.',
    '',
    '| connections | server | messages/s | spread | vs node:net | vs C | p99 µs | p99 vs node:net | server CPU µs/msg | CPU vs node:net |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of cases.filter((k) => k.scenario === 'echo')) {
    const net = find('echo', 'net', c.conns);
    const cc = find('echo', 'c', c.conns);
    markdown.push(`| ${c.conns} | ${LABEL[c.tech]} | ${fig(c, 'rate').toFixed(0)} | ${spread(c, 'rate')} | `
      + `${x(ratio(c, net, 'rate', true))} | ${x(ratio(c, cc, 'rate', true))} | ${fig(c, 'p99us').toFixed(0)} | `
      + `${x(ratio(c, net, 'p99us', false))} | ${fig(c, 'serverCpuUs').toFixed(2)} | ${x(ratio(c, net, 'serverCpuUs', false))} |`);
    if (c.tech.startsWith('bsd')) {
      chart.push({ name: `echo, ${c.conns} connections, ${c.tech === 'bsd' ? 'Promise API' : 'callbacks'}, 1 CPU`,
        ratio: ratio(c, net, 'rate', true), against: 'node:net' });
    }
  }
  markdown.push('', `Accept: ${ACCEPT_CONCURRENCY} connections at once, each connected, echoed once and closed by the server.`, '',
    '| server | connections/s | spread | vs node:net | vs C | p99 µs (connect to close) | server CPU µs/connection | CPU vs node:net |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cases.filter((k) => k.scenario === 'accept')) {
    const net = find('accept', 'net');
    markdown.push(`| ${LABEL[c.tech]} | ${fig(c, 'rate').toFixed(0)} | ${spread(c, 'rate')} | ${x(ratio(c, net, 'rate', true))} | `
      + `${x(ratio(c, find('accept', 'c'), 'rate', true))} | ${fig(c, 'p99us').toFixed(0)} | ${fig(c, 'serverCpuUs').toFixed(2)} | `
      + `${x(ratio(c, net, 'serverCpuUs', false))} |`);
    if (c.tech.startsWith('bsd')) {
      chart.push({ name: `accept, ${c.tech === 'bsd' ? 'Promise API' : 'callbacks'}, 1 CPU`, ratio: ratio(c, net, 'rate', true),
        against: 'node:net' });
    }
  }
  const memory = cases.filter((k) => k.scenario === 'memory');
  markdown.push('', `Memory: ${memory[0]?.conns ?? 0} idle connections, a receive pending on each; the server's growth after GC.`, '',
    '| server | RSS per connection (bytes) | spread | vs node:net | JS heap used per connection | young generation grown per connection |',
    '| --- | --- | --- | --- | --- | --- |');
  for (const c of memory) {
    const js = c.tech !== 'c';
    markdown.push(`| ${LABEL[c.tech]} | ${fig(c, 'rssPerConn').toFixed(0)} | ${spread(c, 'rssPerConn')} | `
      + `${x(ratio(c, find('memory', 'net'), 'rssPerConn', false))} | ${js ? fig(c, 'heapPerConn').toFixed(0) : '–'} | `
      + `${js ? fig(c, 'newSpacePerConn').toFixed(0) : '–'} |`);
  }
  const cores = cases.filter((k) => k.scenario === 'cores');
  markdown.push('', `Cores: ${cores[0]?.conns ?? 0} connections, ${coresPlacement().text}.`, '',
    '| server | messages/s | spread | vs one of it |',
    '| --- | --- | --- | --- |');
  for (const c of cores) {
    const single = c.tech === 'bsd-2' ? find('cores', 'bsd-1') : c.tech === 'cluster-2' ? find('cores', 'net-1') : undefined;
    markdown.push(`| ${LABEL[c.tech]} | ${fig(c, 'rate').toFixed(0)} | ${spread(c, 'rate')} | ${x(ratio(c, single, 'rate', true))} |`);
  }
  const twoThreads = ratio(find('cores', 'bsd-2'), find('cores', 'bsd-1'), 'rate', true);
  chart.push({ name: 'echo, 2 worker threads, unpinned', ratio: ratio(find('cores', 'bsd-2'), find('cores', 'cluster-2'), 'rate', true),
    against: 'node:cluster (2 processes)' });
  return { goals: goals(find, ratio, x, twoThreads), markdown, chart, results: cases.map((c) => ({
    scenario: c.scenario, conns: c.conns, tech: c.tech, samples: c.samples,
  })) };
}

type Find = (scenario: Scenario, tech: Tech | CoresTech, conns?: number) => Case | undefined;
type Ratio = (ours: Case | undefined, theirs: Case | undefined, key: string, higher: boolean) => number;

/** The goals of issue 19, checked against this run. */
function goals(find: Find, ratio: Ratio, x: (r: number) => string, twoThreads: number): string[][] {
  const verdict = (met: boolean, measured: boolean): string => (!measured ? 'not measured' : met ? 'met' : '**not met**');
  const echoVsNode = (tech: Tech, conns: number): number => ratio(find('echo', tech, conns), find('echo', 'net', conns), 'rate', true);
  const rows: string[][] = [];
  for (const conns of [1000, 10000]) {
    const r = echoVsNode('bsd', conns);
    rows.push([`echo, ${conns} connections, Promise API, one CPU`,
      `${x(r)} node (goal 1.3×); for scale: callbacks ${x(echoVsNode('bsd-callback', conns))}, C ${x(echoVsNode('c', conns))}`,
      verdict(r >= 1.3, Number.isFinite(r))]);
  }
  // A cliff: our lead over node:net shrinking as the connections grow tenfold.
  const lead1k = echoVsNode('bsd', 1000);
  const lead10k = echoVsNode('bsd', 10000);
  const kept = (tech: Tech): number => ratio(find('echo', tech, 10000), find('echo', tech, 1000), 'rate', true);
  rows.push(['no cliff from 1,000 to 10,000 connections',
    `vs node ${x(lead1k)} → ${x(lead10k)}; messages/s kept: ours ${x(kept('bsd'))}, node:net ${x(kept('net'))}, C ${x(kept('c'))} (goal: lead kept within 10%)`,
    verdict(lead10k >= 0.9 * lead1k, Number.isFinite(lead10k / lead1k))]);
  const p99 = [1, 100, 1000, 10000].map((conns) => [conns, ratio(find('echo', 'bsd', conns), find('echo', 'net', conns), 'p99us', false)] as const)
    .filter(([, r]) => Number.isFinite(r));
  rows.push(['echo p99 latency no worse than node:net, Promise API',
    p99.map(([conns, r]) => `${conns}: ${x(r)}`).join(', ') + ' (node:net\'s p99 / ours)',
    verdict(p99.every(([, r]) => r >= 1), p99.length > 0)]);
  const accept = ratio(find('accept', 'bsd'), find('accept', 'net'), 'rate', true);
  // The load generator's own share of a CPU: near 100%, it caps every rate.
  const loadShare = (tech: Tech): number => {
    const c = find('accept', tech);
    return c === undefined ? NaN : median(c.samples.map((s) => (s.rate * s.loadCpuUs) / 1e6));
  };
  rows.push(['accept rate, Promise API', `${x(accept)} node (goal 1.5×); server CPU per connection `
    + `${x(ratio(find('accept', 'bsd'), find('accept', 'net'), 'serverCpuUs', false))} less than node's; for scale: callbacks `
    + `${x(ratio(find('accept', 'bsd-callback'), find('accept', 'net'), 'rate', true))}, C ${x(ratio(find('accept', 'c'), find('accept', 'net'), 'rate', true))}; `
    + `the load generator used ${(100 * loadShare('bsd')).toFixed(0)}% of its CPU against ours, ${(100 * loadShare('c')).toFixed(0)}% against C`,
  verdict(accept >= 1.5, Number.isFinite(accept))]);
  // As a fraction of node:net's: lower is better.
  const rss = 1 / ratio(find('memory', 'bsd'), find('memory', 'net'), 'rssPerConn', false);
  rows.push(['RSS per idle connection, Promise API', `${rss.toFixed(2)} of node:net's (goal ≤ 0.5); callbacks `
    + `${(1 / ratio(find('memory', 'bsd-callback'), find('memory', 'net'), 'rssPerConn', false)).toFixed(2)}`,
  verdict(rss <= 0.5, Number.isFinite(rss))]);
  rows.push(['2 worker threads against 1', `${x(twoThreads)} (goal 1.7×); node:cluster 2 processes against 1: `
    + `${x(ratio(find('cores', 'cluster-2'), find('cores', 'net-1'), 'rate', true))}`,
  verdict(twoThreads >= 1.7, Number.isFinite(twoThreads))]);
  return rows;
}

if (require.main === module) {
  // --only=echo,accept: those scenarios alone; --conns=1000,10000: the echo's
  // connection counts; --rounds=N.
  const option = (name: string): string[] | undefined =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
  scaleBench({
    quick: process.argv.includes('--quick'), root: join(__dirname, '..', '..'), only: option('only') as Scenario[] | undefined,
    conns: option('conns')?.map(Number), rounds: option('rounds') === undefined ? undefined : Number(option('rounds')![0]),
  }).then((r) => {
    console.log(['| goal (issue 19) | this run | verdict |', '| --- | --- | --- |', ...r.goals.map((g) => `| ${g.join(' | ')} |`),
      '', ...r.markdown].join('\n'));
  }).catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
