// Checks what `npm pack` put in the tarball: everything a user needs and
// nothing else. Prints the file list with sizes, and the tarball's size.
//   node check-tarball.js <bsd-socket-x.y.z.tgz>
'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const tarball = process.argv[2];
const files = new Map();
for (const line of execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' }).trim().split('\n')) {
  const [, , size, , , path] = line.split(/\s+/);
  if (!path.endsWith('/')) files.set(path.replace(/^package\//, ''), Number(size));
}

// binding.gyp's sources: what the fallback build compiles (its '#' lines are comments).
const root = join(__dirname, '..', '..');
const gyp = JSON.parse(readFileSync(join(root, 'binding.gyp'), 'utf8').replace(/^\s*#.*$/gm, ''));
const required = [
  'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'binding.gyp', 'scripts/install.js',
  'dist/index.js', 'dist/index.d.ts', 'dist/index.mjs', 'dist/index.d.mts', 'dist/cli/main.js',
  'prebuilds/linux-x64/bsd-socket.glibc.node', 'prebuilds/linux-arm64/bsd-socket.glibc.node',
  ...gyp.targets[0].sources,
];
const allowed = [
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|binding\.gyp|scripts\/install\.js)$/,
  // The library's modules, those of its folders (dist/bpf/, dist/bpf/compiler/, …) and the command's (dist/cli/).
  /^dist\/([a-z_]+\/){0,2}[a-z_0-9]+\.(js|d\.ts|mjs|d\.mts)$/,
  /^prebuilds\/linux-(x64|arm64)\/bsd-socket\.glibc\.node$/,
  /^native\/((core|constants)\/)?[a-z_]+\.(cc|h)$/,
];

const missing = required.filter((path) => !files.has(path));
const unexpected = [...files.keys()].filter((path) => !allowed.some((pattern) => pattern.test(path)));

const unpacked = [...files.values()].reduce((a, b) => a + b, 0);
for (const [path, size] of [...files].sort(([a], [b]) => a.localeCompare(b))) console.log(`${String(size).padStart(8)}  ${path}`);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`tarball: ${files.size} files, ${kib(statSync(tarball).size)} packed, ${kib(unpacked)} unpacked`);

if (missing.length > 0) console.error(`missing from the tarball: ${missing.join(', ')}`);
if (unexpected.length > 0) console.error(`not for the tarball: ${unexpected.join(', ')}`);
process.exit(missing.length > 0 || unexpected.length > 0 ? 1 : 0);
