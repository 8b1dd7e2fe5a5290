// npm run bench [-- --quick]: bsd-socket against node:net, node:dgram and C
// baselines, measured in one run, interleaved (every case once per round,
// for several rounds), medians and spreads, in two regimes: both processes
// pinned to one CPU (taskset; CPU efficiency, stable on a small machine) and
// unpinned. Then in-process probes: the cost of a binding call beyond its
// syscall, fs.stat latency beside idle receivers, JS heap bytes per call.
// Then the scale scenarios (bench/scale.ts): many connections, accept rate,
// memory per connection, more cores. Writes a table to stdout, bench/results/latest.json and latest.svg.
// --quick keeps the harness working in CI: one round, small counts, no verdicts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { join } from 'node:path';

import { CAPTURE_LABEL, captureBench, type CaptureRun } from './capture_bench';
import { ratioChart } from './chart';
import { firstLine } from './first_line';
import { scaleBench } from './scale';

const root = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 9;
const SCALE = quick ? 0.05 : 1;
const cBin = (name: string): string => join(root, 'build-bench', name);
const jsEnd = (name: string): string => join(root, 'build-ts', 'bench', `${name}.js`);

type Tech = 'c' | 'c-batch' | 'c-epoll' | 'node-native' | 'node-native-js' | 'bsd' | 'bsd-batch' | 'bsd-callback'
  | 'bsd-sync' | 'bsd-blocking' | 'bsd-recv' | 'bsd-recvfrom' | 'net' | 'dgram';
const LABEL: Record<Tech, string> = {
  c: 'C (blocking)',
  'c-batch': 'C (sendmmsg/recvmmsg)',
  'c-epoll': 'C (event loop: epoll_wait, then recv)',
  'node-native': 'floor: C on Node\'s loop, no JS per message',
  'node-native-js': 'floor: C on Node\'s loop, one JS call per message',
  bsd: 'bsd-socket (event loop)',
  'bsd-recv': 'bsd-socket (event loop, await recv(64): a new Buffer each)',
  'bsd-recvfrom': 'bsd-socket (event loop, await recvfrom(64) + await send)',
  'bsd-callback': 'bsd-socket (event loop, callbacks: recvEach + sendSync)',
  'bsd-sync': 'bsd-socket (no event loop: sendSync + recvIntoSync)',
  'bsd-batch': 'bsd-socket (MessageBatch)',
  'bsd-blocking': 'bsd-socket (threadpool)',
  net: 'node:net',
  dgram: 'node:dgram',
};

interface Scenario {
  name: string;
  unit: string;
  techs: Tech[];
  /** Node's own module, the "vs node" reference (none for raw sockets). */
  node?: Tech;
  /** The C reference. */
  c: Tech;
  /** Labels that say which API a technology uses here, where LABEL does not. */
  labels?: Partial<Record<Tech, string>>;
  /** argv of the server (null: no server) and of the client, which prints ns per unit. */
  server: (tech: Tech) => string[] | null;
  client: (tech: Tech, port: string) => string[];
}

const FLOORS: Tech[] = ['node-native', 'node-native-js'];

/**
 * Builds bench/native/loop_floor.c, which needs Node's own headers (uv.h);
 * false without them: the floor rows are then left out, and said so.
 */
function buildFloor(): boolean {
  const headers = join(process.execPath, '..', '..', 'include', 'node');
  if (!existsSync(join(headers, 'uv.h'))) {
    console.error(`no uv.h in ${headers}: the floor rows (bench/native/loop_floor.c) are left out`);
    return false;
  }
  execFileSync('cc', ['-O2', '-shared', '-fPIC', `-I${headers}`, '-o', cBin('loop_floor.node'),
    join(root, 'bench', 'native', 'loop_floor.c')]);
  return true;
}

const count = (n: number): string => String(Math.max(1, Math.round(n * SCALE)));
const node = (file: string, ...args: string[]): string[] => [process.execPath, jsEnd(file), ...args];
/** bench/c/pingpong's argv: blocking, or its event loop (c-epoll). */
const cPingpong = (role: string, tech: Tech, ...args: string[]): string[] =>
  [cBin('pingpong'), role, ...args, ...(tech === 'c-epoll' ? ['epoll'] : [])];

const SCENARIOS: Scenario[] = [
  {
    name: 'TCP ping-pong, both ends',
    unit: 'round trip',
    techs: ['bsd', 'bsd-recv', 'bsd-callback', 'bsd-blocking', 'net', 'c', 'c-epoll'],
    node: 'net',
    c: 'c',
    server: (t) => (t.startsWith('c') ? cPingpong('server', t) : node('pingpong', 'server', t)),
    client: (t, port) => (t.startsWith('c') ? cPingpong('client', t, port, count(20000))
      : node('pingpong', 'client', t, port, count(20000))),
  },
  {
    name: 'TCP ping-pong vs C echo server',
    unit: 'round trip',
    techs: ['bsd', 'bsd-recv', 'bsd-callback', 'bsd-blocking', 'net', 'c', 'c-epoll', ...FLOORS],
    node: 'net',
    c: 'c',
    server: () => cPingpong('server', 'c'),
    client: (t, port) => (t.startsWith('c') ? cPingpong('client', t, port, count(20000))
      : t.startsWith('node-native') ? node('floor', t, port, count(20000))
        : node('pingpong', 'client', t, port, count(20000))),
  },
  {
    name: 'TCP bulk, 64 KiB writes',
    unit: '64 KiB write',
    techs: ['bsd', 'bsd-blocking', 'net', 'c'],
    node: 'net',
    c: 'c',
    server: (t) => (t === 'c' ? [cBin('bulk'), 'server'] : node('bulk', 'server', t)),
    client: (t, port) => (t === 'c' ? [cBin('bulk'), 'client', port, count(20000)]
      : node('bulk', 'client', t, port, count(20000))),
  },
  {
    name: 'UDP, one datagram per call',
    unit: 'datagram',
    techs: ['bsd', 'bsd-recvfrom', 'bsd-blocking', 'dgram', 'c'],
    node: 'dgram',
    c: 'c',
    labels: { bsd: 'bsd-socket (event loop: recvEach + sendSync)' },
    server: (t) => (t === 'c' ? [cBin('udp'), 'server'] : node('udp', 'server', t)),
    client: (t, port) => (t === 'c' ? [cBin('udp'), 'client', port, count(64000)]
      : node('udp', 'client', t, port, count(64000))),
  },
  {
    // The receiving end alone: the same C sender for every receiver, so the
    // ratio is the receive API's (both ends share the CPU, as above).
    name: 'UDP from a C sender, one datagram per call',
    unit: 'datagram',
    techs: ['bsd', 'bsd-recvfrom', 'dgram', 'c'],
    node: 'dgram',
    c: 'c',
    labels: { bsd: 'bsd-socket (event loop: recvEach)', 'bsd-recvfrom': 'bsd-socket (event loop, await recvfrom(64))' },
    server: (t) => (t === 'c' ? [cBin('udp'), 'server'] : node('udp', 'server', t)),
    client: (_t, port) => [cBin('udp'), 'client', port, count(64000)],
  },
  {
    name: 'UDP, batch API',
    unit: 'datagram',
    techs: ['bsd-batch', 'dgram', 'c', 'c-batch'],
    node: 'dgram',
    // The goal's C baseline batches too; one datagram per call is printed beside it.
    c: 'c-batch',
    labels: { 'bsd-batch': 'bsd-socket (MessageBatch: recvmmsgEach + sendmmsgSync)' },
    server: (t) => (t === 'c' ? [cBin('udp'), 'server'] : t === 'c-batch' ? [cBin('udp'), 'server', 'batch']
      : node('udp', 'server', t)),
    client: (t, port) => (t === 'c' ? [cBin('udp'), 'client', port, count(64000)]
      : t === 'c-batch' ? [cBin('udp'), 'client', port, count(64000), 'batch']
        : node('udp', 'client', t, port, count(64000))),
  },
  {
    name: 'raw ICMP echo (kernel replies)',
    unit: 'round trip',
    techs: ['bsd', 'bsd-sync', 'c'],
    c: 'c',
    labels: { bsd: 'bsd-socket (event loop: recvEach + sendSync)' },
    server: () => null,
    client: (t) => (t === 'c' ? [cBin('icmp'), count(100000)] : node('icmp', count(100000), t)),
  },
];

interface Case { scenario: Scenario; tech: Tech; pinned: boolean }

function pin(argv: string[], pinned: boolean): string[] {
  return pinned ? ['taskset', '-c', '0', ...argv] : argv;
}

/** Nanoseconds per unit for one case. */
async function measure(c: Case): Promise<number> {
  const serverArgv = c.scenario.server(c.tech);
  const server = serverArgv === null ? null : await firstLine(pin(serverArgv, c.pinned));
  const client = await firstLine(pin(c.scenario.client(c.tech, server?.line ?? ''), c.pinned));
  await Promise.all([server?.done, client.done]);
  const ns = Number(client.line);
  if (!(ns > 0)) throw new Error(`bad result from ${c.scenario.name} / ${c.tech}: ${client.line}`);
  return ns;
}

function probe(args: string[], flags: string[] = [], pinned = false): unknown {
  const command = [process.execPath, ...flags, jsEnd('probes'), ...args];
  const [file, ...rest] = pinned ? ['taskset', '-c', '0', ...command] : command;
  return JSON.parse(execFileSync(file, rest, { encoding: 'utf8' }));
}

interface Row { scenario: string; pinned: boolean; tech: Tech; vsNode: number | null; vsC: number }

/** The goals of issue 6 that a ratio answers, checked against this run. */
function goalRows(rows: Row[]): string[][] {
  const at = (scenario: string, tech: Tech, pinned = true): Row | undefined =>
    rows.find((r) => r.scenario === scenario && r.tech === tech && r.pinned === pinned);
  // `floors`: rows of the same scenario that bound what any library could
  // reach (C's own event loop, C on Node's loop, a JS callback per message),
  // printed beside the verdict so that a goal below them reads as such.
  const check = (label: string, row: Row | undefined, node: number | null, c: number | null,
    floors: Array<[string, Row | undefined]> = [], note = ''): string[] => {
    if (row === undefined) return [label, '–', 'not measured'];
    const parts: string[] = [];
    let met = true;
    if (node !== null) {
      parts.push(`${row.vsNode!.toFixed(2)}× node (goal ${node}×)`);
      met &&= row.vsNode! >= node;
    }
    if (c !== null) {
      parts.push(`${row.vsC.toFixed(2)}× C (goal ${c}×)`);
      met &&= row.vsC >= c;
    }
    const bounds = floors.filter(([, f]) => f !== undefined).map(([name, f]) => `${name} ${f!.vsC.toFixed(2)}× C`);
    const text = parts.join(', ') + (bounds.length > 0 ? `; for scale: ${bounds.join(', ')}` : '')
      + (note === '' ? '' : `; ${note}`);
    return [label, text, met ? 'met' : '**not met**'];
  };
  const both = 'TCP ping-pong, both ends';
  const echo = 'TCP ping-pong vs C echo server';
  const icmp = 'raw ICMP echo (kernel replies)';
  return [
    check('TCP ping-pong, both ends, one CPU', at(both, 'bsd'), 1.25, 0.7,
      [['C\'s own event loop', at(both, 'c-epoll')], ['our callbacks', at(both, 'bsd-callback')]]),
    check('TCP ping-pong vs C echo server, one CPU', at(echo, 'bsd'), 1.1, 0.8,
      [['C\'s own event loop', at(echo, 'c-epoll')], ['C on Node\'s loop', at(echo, 'node-native')],
        ['the same with one JS call per message', at(echo, 'node-native-js')], ['our callbacks', at(echo, 'bsd-callback')]]),
    check('TCP ping-pong, both ends, unpinned', at(both, 'bsd', false), 1.0, null),
    check('TCP bulk, 64 KiB writes, one CPU', at('TCP bulk, 64 KiB writes', 'bsd'), 1.15, 1.0),
    check('UDP, one datagram per call, one CPU (both ends share the CPU: time = CPU per packet)',
      at('UDP, one datagram per call', 'bsd'), 1.35, 0.95),
    check('UDP, batch API, one CPU (C: sendmmsg/recvmmsg)', at('UDP, batch API', 'bsd-batch'), 1.6, 1.0),
    check('raw ICMP echo, one CPU', at(icmp, 'bsd'), null, 0.85, [['no event loop at all', at(icmp, 'bsd-sync')]]),
    check('TCP ping-pong, both ends, one CPU, await recv(64) (issue 19)', at(both, 'bsd-recv'), 1.25, null),
    check('UDP, await recvfrom(64) from a C sender, one CPU (issue 19)',
      at('UDP from a C sender, one datagram per call', 'bsd-recvfrom'), 1.3, null, [],
      `with await send(64) on the sending end too: ${at('UDP, one datagram per call', 'bsd-recvfrom')?.vsNode?.toFixed(2)}× node`),
  ];
}

/** Issue 18's capture goals: the ring against tcpdump and against recvmmsgEach, and its heap per frame. */
function captureGoals({ results: capture }: CaptureRun): string[][] {
  const rate = (reader: string): number => capture.find((c) => c.reader === reader)?.rate ?? 0;
  const ring = capture.find((c) => c.reader === 'ring');
  const vs = (other: string): number => rate('ring') / Math.max(1, rate(other));
  const cpu = (reader: string): number => capture.find((c) => c.reader === reader)?.cpuNsPerFrame ?? NaN;
  const heap = ring?.heapBytesPerFrame ?? Infinity;
  return [
    ['capture, 64-byte frames at ≤ 0.1% loss: ring vs tcpdump -w /dev/null',
      `${vs('tcpdump').toFixed(2)}× (goal 1.0×; C TPACKET_V3 reader: ${(rate('c-ring') / Math.max(1, rate('tcpdump'))).toFixed(2)}×)`,
      vs('tcpdump') >= 1 ? 'met' : '**not met**'],
    ['capture: ring vs recvmmsgEach', `${vs('mmsg').toFixed(2)}× (goal 2×); reader CPU per frame at one rate: `
      + `${(cpu('mmsg') / cpu('ring')).toFixed(2)}× less`, vs('mmsg') >= 2 ? 'met' : '**not met**'],
    ['capture: JS heap growth per frame, ring', `${heap.toFixed(3)} B after a full GC`, heap < 1 ? 'met' : '**not met**'],
  ];
}

/** The capture rows: each reader's best rate with ≤ 0.1% loss, and what held it. */
function captureTable({ results: capture, commonRate }: CaptureRun): string[] {
  const tcpdump = capture.find((c) => c.reader === 'tcpdump')?.rate ?? 0;
  return [
    '| capture (64-byte frames over veth, reader on CPU 0, sender on CPU 1) | frames/s at ≤ 0.1% loss | vs tcpdump '
      + `| first rate that lost more | reader CPU ns per frame at ${commonRate} frames/s |`,
    '| --- | --- | --- | --- | --- |',
    ...capture.map((c) => {
      const failed = c.trials.find((t) => t.captured < t.sent * 0.999);
      const lost = failed === undefined ? 'none (the sender\'s limit)'
        : `${Math.round(failed.held)} (${((1 - failed.captured / failed.sent) * 100).toFixed(2)}% lost)`;
      return `| ${CAPTURE_LABEL[c.reader]} | ${Math.round(c.rate)} | ${(c.rate / Math.max(1, tcpdump)).toFixed(2)}× | ${lost} `
        + `| ${c.cpuNsPerFrame?.toFixed(0) ?? '–'} |`;
    }),
  ];
}

/** fs.stat's latency beside blocking receivers, or the probe's "over 1000 ms". */
function blockingStat(latency: unknown): string {
  if (typeof latency === 'string') return latency;
  const { median } = latency as { median: number };
  return `${median.toFixed(3)} ms, one pool thread kept free`;
}

/** Replaces the README's generated block with this run's figures. */
function updateReadme(markdown: string): void {
  const file = join(root, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:start (npm run bench writes this block) -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md has no bench block');
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${markdown}${text.slice(b)}`);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  mkdirSync(join(root, 'build-bench'), { recursive: true });
  for (const name of ['pingpong', 'bulk', 'udp', 'icmp', 'syscall']) {
    execFileSync('cc', ['-O2', '-pthread', '-o', cBin(name), join(root, 'bench', 'c', `${name}.c`)]);
  }
  const floorBuilt = buildFloor();
  const measured = (tech: Tech): boolean => !FLOORS.includes(tech) || floorBuilt;
  const cases: Case[] = [];
  for (const pinned of [true, false]) {
    for (const scenario of SCENARIOS) {
      for (const tech of scenario.techs.filter(measured)) cases.push({ scenario, tech, pinned });
    }
  }
  const samples = new Map<Case, number[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) samples.get(c)!.push(await measure(c));
  }

  const find = (c: Case, tech: Tech | undefined): Case | undefined =>
    cases.find((x) => x.scenario === c.scenario && x.pinned === c.pinned && x.tech === tech);
  const results: Array<Record<string, unknown>> = [];
  const chart: Array<{ name: string; ratio: number; against: string }> = [];
  const table: string[] = [
    '| scenario | regime | technology | µs per unit (median) | spread | vs node | vs C |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const m = median(samples.get(c)!);
    const nodeCase = find(c, c.scenario.node);
    const vsNode = nodeCase === undefined ? null : median(samples.get(nodeCase)!) / m;
    const vsC = median(samples.get(find(c, c.scenario.c)!)!) / m;
    const spread = samples.get(c)!;
    const regime = c.pinned ? 'one CPU' : 'unpinned';
    const label = c.scenario.labels?.[c.tech] ?? LABEL[c.tech];
    table.push(`| ${c.scenario.name} | ${regime} | ${label} | ${(m / 1000).toFixed(2)} per ${c.scenario.unit} | `
      + `${(Math.min(...spread) / 1000).toFixed(2)}–${(Math.max(...spread) / 1000).toFixed(2)} | `
      + `${vsNode === null ? '–' : `${vsNode.toFixed(2)}×`} | ${vsC.toFixed(2)}× |`);
    rows.push({ scenario: c.scenario.name, pinned: c.pinned, tech: c.tech, vsNode, vsC });
    results.push({ scenario: c.scenario.name, unit: c.scenario.unit, pinned: c.pinned, tech: c.tech, medianNs: m, samplesNs: spread, vsNode, vsC });
    if (c.tech.startsWith('bsd')) {
      const ratio = vsNode ?? vsC;
      chart.push({ name: `${c.scenario.name} ${label.replace('bsd-socket ', '')}, ${c.pinned ? '1 CPU' : 'unpinned'}`,
        ratio, against: vsNode === null ? 'C' : LABEL[c.scenario.node!] });
    }
  }

  // C and JS interleaved, both pinned, as the scenarios are: this VM's
  // syscall cost drifts by tens of ns from minute to minute.
  const hot = { cRecv: [] as number[], cGetsockopt: [] as number[], recv: [] as number[], getsockopt: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const [r, g] = execFileSync('taskset', ['-c', '0', cBin('syscall'), count(1000000)], { encoding: 'utf8' })
      .trim().split(' ').map(Number);
    hot.cRecv.push(r);
    hot.cGetsockopt.push(g);
    const j = probe(['hotcall', count(1000000)], [], true) as { recv: number; getsockopt: number };
    hot.recv.push(j.recv);
    hot.getsockopt.push(j.getsockopt);
  }
  const cRecv = median(hot.cRecv);
  const cGetsockopt = median(hot.cGetsockopt);
  const js = { recv: median(hot.recv), getsockopt: median(hot.getsockopt) };
  const hotcall = { cRecv, jsRecv: js.recv, cGetsockopt, jsGetsockopt: js.getsockopt,
    overheadRecv: js.recv - cRecv, overheadGetsockopt: js.getsockopt - cGetsockopt };
  const starvation = probe(['starvation', '100']) as { idle: { median: number }; withIdleReceivers: { median: number; p99: number };
    withBlockingReceivers: unknown };
  const allocations = probe(['allocations'], ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64']) as {
    batch8: { bytesPerCall: number }; batch64: { bytesPerCall: number }; bytesPerExtraMessage: number;
    sendAndRecvIntoReusedBuffer: { bytesPerCall: number } };
  const capture = await captureBench(['ring', 'mmsg', 'tcpdump', 'c-ring'], quick);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Linux ${release()}, Node ${process.version}`;
  const worstOverhead = Math.max(hotcall.overheadRecv, hotcall.overheadGetsockopt);
  const goals = [
    ...goalRows(rows),
    ['non-blocking sockets: fs.stat with 100 idle receivers',
      `median ${starvation.withIdleReceivers.median.toFixed(3)} ms, p99 ${starvation.withIdleReceivers.p99.toFixed(3)} ms `
      + `(idle ${starvation.idle.median.toFixed(3)} ms; 100 *blocking* receivers: ${blockingStat(starvation.withBlockingReceivers)})`,
      starvation.withIdleReceivers.median < 5 ? 'met' : '**not met**'],
    ['hot call overhead beyond the syscall',
      `recv +${hotcall.overheadRecv.toFixed(0)} ns (${cRecv.toFixed(0)} → ${js.recv.toFixed(0)}), `
      + `getsockopt +${hotcall.overheadGetsockopt.toFixed(0)} ns (${cGetsockopt.toFixed(0)} → ${js.getsockopt.toFixed(0)}); goal ≤ 100 ns`,
      worstOverhead <= 100 ? 'met' : '**not met**'],
    ...captureGoals(capture),
    ['JS allocations per message, batch API',
      `${allocations.bytesPerExtraMessage.toFixed(1)} B per extra message (a call: ${allocations.batch8.bytesPerCall.toFixed(0)} B `
      + `with 8 messages, ${allocations.batch64.bytesPerCall.toFixed(0)} B with 64); send/recvInto with a reused buffer: `
      + `${allocations.sendAndRecvIntoReusedBuffer.bytesPerCall.toFixed(0)} B per call`,
      allocations.bytesPerExtraMessage < 8 ? 'met (per message; each call still allocates its promise)' : '**not met**'],
  ];
  const scale = await scaleBench({ quick, root });
  chart.push(...scale.chart);
  const markdown = [
    `Run: ${new Date().toISOString().slice(0, 10)}, ${machine}; ${ROUNDS} interleaved rounds; medians; ratios are`,
    'speed ratios (their time / ours, higher is better). "one CPU": both processes pinned with `taskset -c 0`.',
    '',
    '| goal (issue 6) | this run | verdict |',
    '| --- | --- | --- |',
    ...goals.map((g) => `| ${g.join(' | ')} |`),
    '',
    '| goal (issue 19: scale) | this run | verdict |',
    '| --- | --- | --- |',
    ...scale.goals.map((g) => `| ${g.join(' | ')} |`),
    '',
    ...table,
    '',
    ...scale.markdown,
    '',
    ...captureTable(capture),
    '',
    '![speed ratios](bench/results/latest.svg)',
    '',
  ].join('\n');
  console.log(markdown);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = quick ? 'quick' : 'latest';
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ machine, rounds: ROUNDS, scale: SCALE, results, hotcall, starvation, allocations,
    scaleResults: scale.results, capture }, null, 2)}\n`);
  writeFileSync(join(dir, `${name}.svg`), ratioChart(chart));
  if (!quick) updateReadme(markdown);
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
