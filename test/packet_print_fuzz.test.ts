// The packet printer's fuzz target (test/fuzz/ts/packet_printer.ts) over its
// committed corpus and over seeded mutations of it, so that CI covers it
// before the fuzz runner does: no input may make the printer throw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fuzzOne } from './fuzz/ts/packet_printer';

const CORPUS = join(__dirname, 'fuzz', 'corpus-ts', 'packet_printer');
const seeds = readdirSync(CORPUS).sort().map((name): [string, Buffer] => [name, readFileSync(join(CORPUS, name))]);

/** xorshift32: the same mutations for the same seed. */
function random(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

test('the corpus covers every link type and malformed frames', () => {
  expect(seeds.length).toBeGreaterThanOrEqual(15);
  for (const prefix of ['en10mb-', 'sll2-', 'sll-', 'raw-']) expect(seeds.some(([name]) => name.startsWith(prefix))).toBe(true);
  expect(seeds.some(([name]) => name.includes('cut') || name.includes('bad'))).toBe(true);
});

test.each(seeds)('corpus: %s', (_name, data) => {
  expect(() => fuzzOne(data)).not.toThrow();
});

test('mutations of the corpus: bytes changed, cut, spliced', () => {
  const seed = process.env.FC_SEED === undefined ? Date.now() & 0x7fffffff : Number(process.env.FC_SEED);
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  for (let i = 0; i < 5000; i++) {
    const [name, original] = seeds[pick(seeds.length)];
    let data = Buffer.from(original);
    for (let changes = 1 + pick(4); changes > 0 && data.length > 1; changes--) {
      // Headers are where the printers branch: change the first 80 bytes most.
      data[1 + pick(Math.min(data.length - 1, next() < 0.8 ? 80 : data.length))] = pick(256);
    }
    if (next() < 0.2) data = data.subarray(0, pick(data.length + 1));
    if (next() < 0.1) data = Buffer.concat([data, seeds[pick(seeds.length)][1].subarray(1)]);
    try {
      fuzzOne(data);
    } catch (error) {
      throw new Error(`seed ${seed}, from ${name}, input ${data.toString('hex')}: ${(error as Error).stack}`);
    }
  }
});
