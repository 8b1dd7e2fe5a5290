// scripts/fuzz-ts.js, the runner of the TypeScript fuzz targets, catches what
// it is there to catch: a target that throws an undocumented error, one that
// hangs, one whose memory grows without bound; and passes a sound one. The
// planted targets are written here, in a temporary directory.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNNER = join(__dirname, '..', 'scripts', 'fuzz-ts.js');

const TARGETS: Record<string, string> = {
  sound: 'exports.fuzzOne = (d) => { try { if (d[0] === 0) throw new RangeError("bad"); }'
    + ' catch (e) { if (!(e instanceof RangeError)) throw e; } };',
  crashes: 'exports.fuzzOne = (d) => { if (d.length !== 2) { const o = null; o.x = 1; } };',
  hangs: 'exports.fuzzOne = (d) => { if (d.length !== 2) for (;;) {} };',
  grows: 'const kept = []; exports.fuzzOne = (d) => { if (d.length !== 2) for (;;) kept.push(new Array(1e5).fill(d.length)); };',
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fuzz-runner-'));
  mkdirSync(join(dir, 'targets'));
  for (const [name, source] of Object.entries(TARGETS)) {
    writeFileSync(join(dir, 'targets', `${name}.js`), source);
    mkdirSync(join(dir, 'corpus', name), { recursive: true });
    writeFileSync(join(dir, 'corpus', name, 'seed'), Buffer.from([1, 2]));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(target: string, seconds: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [RUNNER, '--seconds', String(seconds), '--targets', join(dir, 'targets'),
      '--corpus', join(dir, 'corpus'), target], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout + stderr });
    });
  });
}

test('a sound target passes and reports how many inputs it ran', async () => {
  const { code, out } = await run('sound', 1);
  expect(out).toMatch(/^sound: \d+ inputs \(1 seeds\), no failure/m);
  expect(code).toBe(0);
}, 30_000);

test.each([
  ['crashes', /crashes: TypeError/, 'crash'],
  ['hangs', /hangs: an input ran over 2000 ms/, 'hang'],
  ['grows', /grows: heap over 256 MB/, 'oom'],
])('a target that %s fails the run and its input is saved', async (target, message, kind) => {
  const { code, out } = await run(target, 20);
  expect(out).toMatch(message);
  expect(code).toBe(1);
  const saved = readdirSync(join(dir, 'build-fuzz')).filter((f) => f.startsWith(`ts-${target}-${kind}-`));
  expect(saved.length).toBeGreaterThan(0);
}, 60_000);
