// The BPF interpreter's fuzz target (test/fuzz/ts/bpf_interpreter.ts) over
// its committed corpus and over seeded mutations of it, so that CI covers it
// before the fuzz runner does: every input gives a result or a
// BpfProgramError, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { fuzzOne } from './fuzz/ts/bpf_interpreter';
import { random } from './bpf_programs';

const CORPUS = join(__dirname, 'fuzz', 'corpus-ts', 'bpf_interpreter');
const seeds = readdirSync(CORPUS).sort().map((name): [string, Buffer] => [name, readFileSync(join(CORPUS, name))]);

test('the corpus has valid and invalid programs', () => {
  expect(seeds.length).toBeGreaterThanOrEqual(12);
  expect(seeds.some(([name]) => name.startsWith('invalid-'))).toBe(true);
});

test.each(seeds)('corpus: %s', (_name, data) => {
  expect(() => fuzzOne(data)).not.toThrow();
});

test('mutations of the corpus: bytes flipped, cut, repeated', () => {
  const seed = process.env.FC_SEED === undefined ? Date.now() & 0x7fffffff : Number(process.env.FC_SEED);
  const next = random(seed);
  for (let i = 0; i < 3000; i++) {
    const [name, original] = seeds[Math.floor(next() * seeds.length)];
    const data = Buffer.from(original);
    for (let flips = 1 + Math.floor(next() * 4); flips > 0 && data.length > 0; flips--) {
      data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
    }
    const input = next() < 0.2 ? data.subarray(0, Math.floor(next() * data.length))
      : next() < 0.1 ? Buffer.concat([data, data.subarray(1)]) : data;
    try {
      fuzzOne(input);
    } catch (error) {
      throw new Error(`seed ${seed}, from ${name}, input ${input.toString('hex')}: ${(error as Error).stack}`);
    }
  }
});
