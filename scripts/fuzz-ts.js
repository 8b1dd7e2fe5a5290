#!/usr/bin/env node
// The TypeScript fuzz targets (npm run fuzz runs this after the libFuzzer
// target): every parser of untrusted input (pcap files, frames to print, BPF
// programs, filter expressions) over its committed corpus, then over
// mutations of it, for a bounded time.
//
//   node scripts/fuzz-ts.js [--seconds N] [--targets DIR] [--corpus DIR] [target…]
//
// A target is build-ts/test/fuzz/ts/<name>.js exporting fuzzOne(data): it
// returns, or throws the error types its code documents for bad input (the
// target itself checks and swallows those). Anything else it throws is a bug.
// So is an input that runs longer than PER_INPUT_MS (a hang) or pushes the
// heap past HEAP_MB (unbounded memory): the fuzzing runs in a Worker with a
// heap limit, and this thread watches the time of the input in progress.
// A failing input is written to build-fuzz/ts-<target>-<kind>-<hash> and the
// run exits 1. The mutations come from a seeded generator: a failure repeats
// with the same seed (printed).
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const PER_INPUT_MS = 2000;
const HEAP_MB = 256;
const MAX_INPUT = 1 << 16;

// Shared with the Worker: [0] inputs done, [1] length of the input in
// progress; then the input's bytes, so a hang can be saved after terminate().
const HEADER_WORDS = 2;

function mutator(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  const below = (n) => (n <= 0 ? 0 : next() % n);
  const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff];
  return (inputs) => {
    const base = inputs[below(inputs.length)];
    let data = Buffer.from(base.length ? base : [0]);
    for (let rounds = 1 + below(4); rounds > 0; rounds--) {
      const at = below(data.length);
      switch (below(7)) {
        case 0: data[at] ^= 1 << below(8); break;
        case 1: data[at] = next() & 0xff; break;
        case 2: { // an interesting 8-, 16- or 32-bit value, either byte order
          const value = INTERESTING[below(INTERESTING.length)];
          const width = [1, 2, 4][below(3)];
          if (at + width <= data.length) {
            for (let i = 0; i < width; i++) {
              const shift = 8 * (next() & 1 ? i : width - 1 - i);
              data[at + i] = (value >>> shift) & 0xff;
            }
          }
          break;
        }
        case 3: data = Buffer.concat([data.subarray(0, at), data.subarray(at + 1 + below(16))]); break;
        case 4: { // insert random bytes
          const extra = Buffer.alloc(1 + below(16));
          for (let i = 0; i < extra.length; i++) extra[i] = next() & 0xff;
          data = Buffer.concat([data.subarray(0, at), extra, data.subarray(at)]);
          break;
        }
        case 5: { // splice with another input
          const other = inputs[below(inputs.length)];
          data = Buffer.concat([data.subarray(0, at), other.subarray(below(other.length))]);
          break;
        }
        default: data = data.subarray(0, at); break; // truncate
      }
    }
    return data.length > MAX_INPUT ? data.subarray(0, MAX_INPUT) : data;
  };
}

function workerMain() {
  const { targetFile, corpus, seconds, seed, shared } = workerData;
  const words = new Int32Array(shared, 0, HEADER_WORDS);
  const bytes = new Uint8Array(shared, HEADER_WORDS * 4);
  const { fuzzOne } = require(targetFile);
  const inputs = corpus.map((b) => Buffer.from(b));
  const run = (data) => {
    bytes.set(data);
    Atomics.store(words, 1, data.length);
    fuzzOne(Buffer.from(data));
    Atomics.add(words, 0, 1);
  };
  for (const data of inputs) run(data);
  const mutate = mutator(seed);
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const data = mutate(inputs);
    run(data);
    // Keep a few inputs that made it through whole as new bases: a cheap
    // stand-in for coverage feedback that walks deeper into formats.
    if (inputs.length < 4096 && (Atomics.load(words, 0) & 63) === 0) inputs.push(data);
  }
  parentPort.postMessage({ done: Atomics.load(words, 0) });
}

function save(target, kind, data) {
  mkdirSync('build-fuzz', { recursive: true });
  const file = join('build-fuzz', `ts-${target}-${kind}-${createHash('sha1').update(data).digest('hex').slice(0, 12)}`);
  writeFileSync(file, data);
  return file;
}

function fuzzTarget(target, targetFile, corpusDir, seconds, seed) {
  const corpus = existsSync(corpusDir)
    ? readdirSync(corpusDir).sort().map((name) => readFileSync(join(corpusDir, name)))
    : [];
  if (corpus.length === 0) return Promise.resolve({ ok: false, line: `${target}: no seeds in ${corpusDir}` });
  const shared = new SharedArrayBuffer(HEADER_WORDS * 4 + MAX_INPUT);
  const words = new Int32Array(shared, 0, HEADER_WORDS);
  const current = () => Buffer.from(new Uint8Array(shared, HEADER_WORDS * 4, Atomics.load(words, 1)));
  const worker = new Worker(__filename, {
    workerData: { targetFile, corpus, seconds, seed, shared },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve) => {
    let lastDone = -1;
    let lastChange = Date.now();
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      resolve(result);
    };
    const watch = setInterval(() => {
      const done = Atomics.load(words, 0);
      if (done !== lastDone) { lastDone = done; lastChange = Date.now(); return; }
      if (Date.now() - lastChange > PER_INPUT_MS) {
        const file = save(target, 'hang', current());
        worker.terminate();
        finish({ ok: false, line: `${target}: an input ran over ${PER_INPUT_MS} ms (seed ${seed}): ${file}` });
      }
    }, 100);
    worker.on('message', ({ done }) => finish({ ok: true, line: `${target}: ${done} inputs (${corpus.length} seeds), no failure` }));
    worker.on('error', (error) => {
      const kind = error && error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'oom' : 'crash';
      const file = save(target, kind, current());
      const what = kind === 'oom' ? `heap over ${HEAP_MB} MB` : (error && error.stack) || String(error);
      finish({ ok: false, line: `${target}: ${what}\n  (seed ${seed}) input: ${file}` });
    });
    worker.on('exit', (code) => finish({ ok: false, line: `${target}: the worker exited (${code}) before finishing` }));
  });
}

async function main(argv) {
  let seconds = Number(process.env.FUZZ_SECONDS ?? 60);
  let targetsDir = join(__dirname, '..', 'build-ts', 'test', 'fuzz', 'ts');
  let corpusRoot = join(__dirname, '..', 'test', 'fuzz', 'corpus-ts');
  const only = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else if (argv[i] === '--targets') targetsDir = argv[++i];
    else if (argv[i] === '--corpus') corpusRoot = argv[++i];
    else only.push(argv[i]);
  }
  if (!Number.isFinite(seconds) || seconds < 0) {
    console.error('fuzz-ts: --seconds needs a number of seconds');
    return 2;
  }
  const targets = existsSync(targetsDir)
    ? readdirSync(targetsDir).filter((f) => f.endsWith('.js')).map((f) => basename(f, '.js'))
      .filter((t) => only.length === 0 || only.includes(t))
    : [];
  if (targets.length === 0) {
    console.error(`fuzz-ts: no targets in ${targetsDir} (run npm run build:ts first)`);
    return 1;
  }
  const seed = Number(process.env.FUZZ_SEED ?? (Date.now() & 0x7fffffff));
  const each = seconds / targets.length;
  let failed = false;
  for (const target of targets) {
    const result = await fuzzTarget(target, join(targetsDir, `${target}.js`), join(corpusRoot, target), each, seed);
    console.log(result.line);
    failed ||= !result.ok;
  }
  return failed ? 1 : 0;
}

if (isMainThread) main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
else workerMain();
