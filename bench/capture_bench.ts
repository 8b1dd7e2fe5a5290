// Capture: the highest packet rate each reader captures with at most 0.1%
// loss. Two private network namespaces joined by a veth pair (IPv6 off, so
// only the flood crosses it); bench/c/frame_flood sends 64-byte frames from
// one side, pinned to CPU 1, at a paced rate; the reader under test runs on
// the other side, pinned to CPU 0:
//   ring        bsd-socket's PacketRing (TPACKET_V3 mmap ring, a JS call per block)
//   mmsg        bsd-socket's recvmmsgEach (recvmmsg into a MessageBatch, a JS call per 64)
//   tcpdump     tcpdump -w /dev/null (libpcap's TPACKET_V3 ring, writing pcap)
//   c-ring      bench/c/ring_reader, a C TPACKET_V3 reader that only counts
// Every reader gets the same 4 MiB of buffer. Loss is frames sent − frames
// the reader reports, so drops anywhere on the path count. The rates go up
// by ×2 until one fails, then halve the gap three times; a rate is the one
// the sender really held.
//   node build-ts/bench/capture_bench.js [--quick]   prints the table
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CaptureReader = 'ring' | 'mmsg' | 'tcpdump' | 'c-ring';

export const CAPTURE_LABEL: Record<CaptureReader, string> = {
  ring: 'bsd-socket PacketRing (TPACKET_V3, one JS call per block)',
  mmsg: 'bsd-socket recvmmsgEach (one JS call per 64 frames)',
  tcpdump: 'tcpdump -w /dev/null',
  'c-ring': 'C TPACKET_V3 reader',
};

const root = join(__dirname, '..', '..');
const cBin = (name: string): string => join(root, 'build-bench', name);
const BUFFER = 4 << 20;
const BLOCK = 1 << 20;
const LOSS = 0.001;

export interface CaptureResult {
  reader: CaptureReader;
  /** Frames per second the sender held at the best rate with ≤ 0.1% loss (0: none passed). */
  rate: number;
  /** Every trial: target and held rate, frames sent and captured. */
  trials: Array<{ target: number; held: number; sent: number; captured: number }>;
  /** JS heap growth per frame at the best rate (JS readers). */
  heapBytesPerFrame?: number;
  /**
   * The reader's CPU time per frame captured (ns, all its threads), at the
   * one rate every reader is given (CaptureRun.commonRate): what a reader
   * costs when the sender, not the reader, sets the best rate.
   */
  cpuNsPerFrame?: number;
}

export interface CaptureRun {
  results: CaptureResult[];
  /** The rate of the CPU comparison: 80% of the lowest best rate. */
  commonRate: number;
}

/** CPU time (ns) every thread of `pid` has run, from /proc/PID/task/TID/schedstat. */
function cpuNs(pid: number): number {
  const tasks = `/proc/${pid}/task`;
  let total = 0;
  for (const tid of readdirSync(tasks)) {
    try {
      total += Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that has just ended
    }
  }
  return total;
}

const ip = (...args: string[]): void => { execFileSync('ip', args, { stdio: 'pipe' }); };

function makeLink(tag: string): { tx: string; rx: string; destroy: () => void } {
  const tx = `${tag}-tx`;
  const rx = `${tag}-rx`;
  ip('netns', 'add', tx);
  ip('netns', 'add', rx);
  const destroy = (): void => {
    for (const ns of [tx, rx]) {
      try { ip('netns', 'del', ns); } catch { /* already gone */ }
    }
  };
  try {
    ip('link', 'add', 'cap0', 'netns', tx, 'type', 'veth', 'peer', 'name', 'cap1', 'netns', rx);
    for (const [ns, dev] of [[tx, 'cap0'], [rx, 'cap1']]) {
      execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
  } catch (error) {
    destroy();
    throw error;
  }
  return { tx, rx, destroy };
}

function readerArgv(reader: CaptureReader): string[] {
  switch (reader) {
    case 'ring':
      return [process.execPath, '--expose-gc', join(root, 'build-ts', 'bench', 'capture.js'), 'ring', 'cap1',
        String(BLOCK), String(BUFFER / BLOCK)];
    case 'mmsg':
      return [process.execPath, '--expose-gc', join(root, 'build-ts', 'bench', 'capture.js'), 'mmsg', 'cap1', String(BUFFER)];
    case 'tcpdump':
      return ['tcpdump', '-i', 'cap1', '-w', '/dev/null', '-B', String(BUFFER >> 10), '-n'];
    case 'c-ring':
      return [cBin('ring_reader'), 'cap1', String(BLOCK), String(BUFFER / BLOCK), '10'];
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One trial: the reader up, the flood through, the reader's count. */
async function trial(reader: CaptureReader, link: { tx: string; rx: string }, rate: number, frames: number):
  Promise<{ held: number; sent: number; captured: number; heapBytesPerFrame?: number; cpuNs: number }> {
  const child = spawn('ip', ['netns', 'exec', link.rx, 'taskset', '-c', '0', ...readerArgv(reader)],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d; });
  child.stderr.on('data', (d: Buffer) => { err += d; });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  // tcpdump says it is listening on stderr; the others print "ready".
  const ready = (): boolean => out.includes('ready') || err.includes('listening on');
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 10_000 || child.exitCode !== null) throw new Error(`${reader} did not start: ${err.trim()}`);
    await sleep(10);
  }
  // `ip netns exec` and taskset exec the reader: the child is the reader.
  const cpuBefore = cpuNs(child.pid!);
  const flood = JSON.parse(execFileSync('ip', ['netns', 'exec', link.tx, 'taskset', '-c', '1', cBin('frame_flood'),
    'cap0', String(rate), String(frames)], { encoding: 'utf8' })) as { sent: number; seconds: number };
  // tcpdump's ring retires a partial block only at its timeout (1 s).
  await sleep(reader === 'tcpdump' ? 1200 : 200);
  const cpu = cpuNs(child.pid!) - cpuBefore;
  child.kill('SIGINT');
  await exited;
  let captured: number;
  let heapBytesPerFrame: number | undefined;
  if (reader === 'tcpdump') {
    const m = /(\d+) packets? captured/.exec(err);
    if (m === null) throw new Error(`tcpdump printed no count: ${err.trim()}`);
    captured = Number(m[1]);
  } else {
    const result = JSON.parse(out.split('\n').filter((l) => l.startsWith('{')).pop() ?? 'null') as
      { frames: number; heapBytesPerFrame?: number } | null;
    if (result === null) throw new Error(`${reader} printed no count: ${err.trim()}`);
    captured = result.frames;
    heapBytesPerFrame = result.heapBytesPerFrame;
  }
  return { held: flood.sent / flood.seconds, sent: flood.sent, captured, heapBytesPerFrame, cpuNs: cpu };
}

/** The best rate of one reader: doubling, then three bisection steps. */
async function bestRate(reader: CaptureReader, link: { tx: string; rx: string }, quick: boolean): Promise<CaptureResult> {
  const result: CaptureResult = { reader, rate: 0, trials: [] };
  const seconds = quick ? 0.2 : 1;
  const run = async (target: number): Promise<boolean> => {
    const t = await trial(reader, link, target, Math.max(1000, Math.round(target * seconds)));
    result.trials.push({ target, held: t.held, sent: t.sent, captured: t.captured });
    const ok = t.captured >= t.sent * (1 - LOSS);
    if (ok && t.held > result.rate) {
      result.rate = t.held;
      result.heapBytesPerFrame = t.heapBytesPerFrame;
    }
    return ok;
  };
  if (quick) {
    await run(20_000);
    return result;
  }
  let low = 0;
  let high = 0;
  for (let target = 50_000; target <= 6_400_000; target *= 2) {
    if (!(await run(target))) { high = target; break; }
    low = target;
    // The sender is the limit: no higher target can be held.
    if (result.trials[result.trials.length - 1].held < target * 0.8) return result;
  }
  if (high === 0) return result;
  for (let step = 0; step < 3; step++) {
    const middle = Math.round((low + high) / 2);
    if (await run(middle)) low = middle; else high = middle;
  }
  return result;
}

/**
 * Every reader, in one namespace pair, interleaved by round; then each
 * reader's CPU per frame at one rate all of them hold (median of `rounds`).
 */
export async function captureBench(readers: CaptureReader[], quick: boolean, rounds = quick ? 1 : 3):
  Promise<CaptureRun> {
  execFileSync('cc', ['-O2', '-o', cBin('frame_flood'), join(root, 'bench', 'c', 'frame_flood.c')]);
  execFileSync('cc', ['-O2', '-o', cBin('ring_reader'), join(root, 'bench', 'c', 'ring_reader.c')]);
  const link = makeLink(`bsdcap${process.pid}`);
  try {
    const all = new Map<CaptureReader, CaptureResult[]>(readers.map((r) => [r, []]));
    for (let round = 0; round < rounds; round++) {
      for (const reader of readers) all.get(reader)!.push(await bestRate(reader, link, quick));
    }
    // The median round of each reader, by rate.
    const results = readers.map((r) => [...all.get(r)!].sort((a, b) => a.rate - b.rate)[all.get(r)!.length >> 1]);
    const commonRate = Math.round(Math.max(20_000, 0.8 * Math.min(...results.map((r) => r.rate))) / 1000) * 1000;
    const cpu = new Map<CaptureReader, number[]>(readers.map((r) => [r, []]));
    for (let round = 0; round < rounds; round++) {
      for (const reader of readers) {
        const t = await trial(reader, link, commonRate, Math.round(commonRate * (quick ? 0.2 : 1)));
        cpu.get(reader)!.push(t.cpuNs / Math.max(1, t.captured));
      }
    }
    for (const r of results) {
      const samples = cpu.get(r.reader)!.sort((a, b) => a - b);
      r.cpuNsPerFrame = samples[samples.length >> 1];
    }
    return { results, commonRate };
  } finally {
    link.destroy();
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const readers = (process.argv.slice(2).filter((a) => !a.startsWith('--')) as CaptureReader[]);
  captureBench(readers.length > 0 ? readers : ['ring', 'mmsg', 'tcpdump', 'c-ring'], quick).then(({ results, commonRate }) => {
    for (const r of results) {
      console.log(`${CAPTURE_LABEL[r.reader]}: ${Math.round(r.rate)} frames/s`
        + `${r.heapBytesPerFrame === undefined ? '' : `, heap ${r.heapBytesPerFrame.toFixed(3)} B/frame`}`
        + `, ${r.cpuNsPerFrame!.toFixed(0)} ns CPU/frame at ${commonRate} frames/s`);
      console.log(`  ${JSON.stringify(r.trials)}`);
    }
  }).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
