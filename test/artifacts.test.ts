// The three ways to build the addon each give a binary that the one loader
// (node-gyp-build) finds and that works: node-gyp, cmake-js, prebuildify
// (for this machine's arch here; scripts/test-package.sh loads the arm64 one).
// Built here in a scratch copy of the sources, so the test needs no earlier
// step and leaves the working tree alone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runChild } from './helpers';

const root = join(__dirname, '..');
let scratch: string;
// The builds run without LD_PRELOAD: under npm run test:asan the sanitizer
// runtime is preloaded for the addon, and the compilers are not under test.
const { LD_PRELOAD: _preload, ...buildEnv } = process.env;
const npm = (args: string[], cwd: string): void => {
  execFileSync('npm', ['run', '--silent', ...args], { cwd, stdio: 'ignore', env: { ...buildEnv, npm_config_loglevel: 'error' } });
};

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bsd-socket-build-'));
  for (const entry of ['native', 'binding.gyp', 'CMakeLists.txt', 'package.json', 'scripts']) {
    cpSync(join(root, entry), join(scratch, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
}, 10000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory holding only `binary`, at `relative`, for BSD_SOCKET_PREBUILD. */
function layout(binary: string, relative: string): string {
  const dir = mkdtempSync(join(scratch, 'only-'));
  mkdirSync(join(dir, relative), { recursive: true });
  cpSync(binary, join(dir, relative, binary.split('/').pop()!));
  return dir;
}

const smoke = `
  const loaded = require('node-gyp-build').path(${JSON.stringify(root)});
  (async () => {
    const server = lib.socket(lib.AF_INET, lib.SOCK_STREAM);
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    const client = lib.socket();
    const [[conn]] = await Promise.all([server.accept(), client.connect(server.getsockname())]);
    await client.sendall('smoke');
    const got = (await conn.recv(10)).toString();
    for (const s of [server, client, conn]) s.close();
    console.log(JSON.stringify({ loaded, got, AF_INET6: lib.AF_INET6 }));
  })();
`;

async function expectWorks(dir: string, expectedFile: string): Promise<void> {
  const result = await runChild(smoke, { env: { BSD_SOCKET_PREBUILD: dir } });
  expect(result.stderr).toBe('');
  const out = JSON.parse(result.stdout) as { loaded: string; got: string; AF_INET6: number };
  expect(out.loaded).toBe(join(dir, expectedFile));
  expect(out.got).toBe('smoke');
  expect(out.AF_INET6).toBe(10);
}

test('node-gyp: build/Release/bsd_socket.node', async () => {
  execFileSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild'], { cwd: scratch, stdio: 'ignore', env: buildEnv });
  const dir = layout(join(scratch, 'build', 'Release', 'bsd_socket.node'), 'build/Release');
  await expectWorks(dir, 'build/Release/bsd_socket.node');
}, 180000);

test('cmake-js (npm run build:cmake): build-cmake/Release/bsd_socket.node', async () => {
  npm(['build:cmake'], scratch);
  const dir = layout(join(scratch, 'build-cmake', 'Release', 'bsd_socket.node'), 'build/Release');
  await expectWorks(dir, 'build/Release/bsd_socket.node');
}, 180000);

test(`prebuildify (npm run build:prebuilds -- ${process.arch}): prebuilds/linux-${process.arch}/`, async () => {
  npm(['build:prebuilds', '--', process.arch], scratch);
  const arch = `linux-${process.arch}`;
  expect(readdirSync(join(scratch, 'prebuilds'))).toEqual([arch]);
  expect(readdirSync(join(scratch, 'prebuilds', arch))).toEqual(['bsd-socket.glibc.node']);
  const dir = layout(join(scratch, 'prebuilds', arch, 'bsd-socket.glibc.node'), `prebuilds/${arch}`);
  await expectWorks(dir, `prebuilds/${arch}/bsd-socket.glibc.node`);
}, 180000);
