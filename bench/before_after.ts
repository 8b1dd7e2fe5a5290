// Compares this checkout's bsd-socket with another checkout's (an earlier
// commit) on the scenarios a refactor must not slow down, in one run,
// interleaved: each round runs every scenario once with each build, so a
// machine that drifts affects both alike. Prints the medians and the ratio.
//
//   node build-ts/bench/before_after.js <other checkout's bench dir> [rounds]
//
// The other checkout must be built (its addon and its compiled bench/, e.g.
// `dist/bench` before the package layout, `build-ts/bench` after). Both ends
// of each case are pinned to CPU 0, as bench/run.ts's one-CPU regime.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { firstLine } from './first_line';

interface Scenario { name: string; run: (benchDir: string) => Promise<number> }

const pinned = (argv: string[]): string[] => ['taskset', '-c', '0', ...argv];

/** ns per unit of a server/client pair of one of bench/'s JS ends. */
async function pair(benchDir: string, file: string, tech: string, count: string): Promise<number> {
  const server = await firstLine(pinned([process.execPath, join(benchDir, file), 'server', tech]));
  const client = await firstLine(pinned([process.execPath, join(benchDir, file), 'client', tech, server.line, count]));
  await Promise.all([server.done, client.done]);
  return Number(client.line);
}

const SCENARIOS: Scenario[] = [
  { name: 'TCP ping-pong, both ends, Promise API (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd', '20000') },
  { name: 'TCP ping-pong, both ends, callbacks (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd-callback', '20000') },
  { name: 'TCP ping-pong, both ends, threadpool (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd-blocking', '20000') },
  { name: 'UDP, one datagram per call (ns/datagram)', run: (d) => pair(d, 'udp.js', 'bsd', '64000') },
  { name: 'UDP, batch API (ns/datagram)', run: (d) => pair(d, 'udp.js', 'bsd-batch', '64000') },
  { name: 'hot call: recv on an empty socket (ns/call)', run: async (d) => hotcall(d).recv },
  { name: 'hot call: getsockopt (ns/call)', run: async (d) => hotcall(d).getsockopt },
];

function hotcall(benchDir: string): { recv: number; getsockopt: number } {
  const argv = pinned([process.execPath, join(benchDir, 'probes.js'), 'hotcall', '1000000']);
  return JSON.parse(execFileSync(argv[0], argv.slice(1), { encoding: 'utf8' })) as { recv: number; getsockopt: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function main(): Promise<void> {
  const [other, roundsArg] = process.argv.slice(2);
  if (other === undefined) {
    console.error('usage: node build-ts/bench/before_after.js <other checkout\'s compiled bench dir> [rounds]');
    process.exit(2);
  }
  const rounds = Number(roundsArg ?? 7);
  const here = __dirname;
  const results = SCENARIOS.map(() => ({ before: [] as number[], after: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, scenario] of SCENARIOS.entries()) {
      // Which build goes first alternates, so neither always runs on a cooler machine.
      const order: Array<['before' | 'after', string]> = round % 2 === 0 ? [['before', other], ['after', here]] : [['after', here], ['before', other]];
      for (const [which, dir] of order) results[i][which].push(await scenario.run(dir));
    }
  }
  console.log(`${rounds} interleaved rounds, medians; before: ${other}`);
  console.log('| scenario | before | after | after vs before (speed) |');
  console.log('| --- | --- | --- | --- |');
  for (const [i, scenario] of SCENARIOS.entries()) {
    const before = median(results[i].before);
    const after = median(results[i].after);
    console.log(`| ${scenario.name} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(before / after).toFixed(3)}× |`);
  }
}

void main();
