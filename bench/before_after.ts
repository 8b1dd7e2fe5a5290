// Compares this checkout's bsd-socket with another checkout's (an earlier
// commit) on the scenarios a refactor must not slow down, in one run,
// interleaved: each round runs every scenario once with each build, so a
// machine that drifts affects both alike. Prints the medians and the ratio.
//
//   node build-ts/bench/before_after.js <other checkout's bench dir> [rounds]
//
// The other checkout must be built (its addon and its compiled bench/, e.g.
// `dist/bench` before the package layout, `build-ts/bench` after). Both ends
// of each case are pinned to CPU 0, as bench/run.ts's one-CPU regime. A
// scenario whose technology the other checkout's bench does not know (the
// `recv` and `recvfrom` rows, before they existed) is left out, and said so:
// copy this bench/pingpong.ts and bench/udp.ts there to compare them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { firstLine } from './first_line';

interface Scenario {
  name: string;
  run: (benchDir: string) => Promise<number>;
  /** The bench file and technology it needs, when not every checkout has them. */
  needs?: [string, string];
}

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
  {
    name: 'TCP ping-pong, both ends, await recv(64) (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd-recv', '20000'),
    needs: ['pingpong.js', 'bsd-recv'],
  },
  { name: 'TCP ping-pong, both ends, callbacks (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd-callback', '20000') },
  { name: 'TCP ping-pong, both ends, threadpool (ns/round trip)', run: (d) => pair(d, 'pingpong.js', 'bsd-blocking', '20000') },
  { name: 'UDP, one datagram per call (ns/datagram)', run: (d) => pair(d, 'udp.js', 'bsd', '64000') },
  {
    name: 'UDP, await recvfrom(64) (ns/datagram)', run: (d) => pair(d, 'udp.js', 'bsd-recvfrom', '64000'),
    needs: ['udp.js', 'bsd-recvfrom'],
  },
  { name: 'UDP, batch API (ns/datagram)', run: (d) => pair(d, 'udp.js', 'bsd-batch', '64000') },
  { name: 'hot call: recv on an empty socket (ns/call)', run: async (d) => hotcall(d).recv },
  { name: 'hot call: getsockopt (ns/call)', run: async (d) => hotcall(d).getsockopt },
];

/** Whether the bench in `benchDir` knows the technology a scenario needs. */
function knows(benchDir: string, scenario: Scenario): boolean {
  if (scenario.needs === undefined) return true;
  const [file, tech] = scenario.needs;
  return readFileSync(join(benchDir, file), 'utf8').includes(`'${tech}'`);
}

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
  const scenarios = SCENARIOS.filter((s) => knows(other, s) && knows(here, s));
  for (const s of SCENARIOS.filter((x) => !scenarios.includes(x))) console.log(`left out (not in both benches): ${s.name}`);
  const results = scenarios.map(() => ({ before: [] as number[], after: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      // Which build goes first alternates, so neither always runs on a cooler machine.
      const order: Array<['before' | 'after', string]> = round % 2 === 0 ? [['before', other], ['after', here]] : [['after', here], ['before', other]];
      for (const [which, dir] of order) results[i][which].push(await scenario.run(dir));
    }
  }
  console.log(`${rounds} interleaved rounds, medians; before: ${other}`);
  console.log('| scenario | before | after | after vs before (speed) |');
  console.log('| --- | --- | --- | --- |');
  for (const [i, scenario] of scenarios.entries()) {
    const before = median(results[i].before);
    const after = median(results[i].after);
    console.log(`| ${scenario.name} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(before / after).toFixed(3)}× |`);
  }
}

void main();
