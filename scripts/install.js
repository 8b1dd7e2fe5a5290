#!/usr/bin/env node
// The package's install script. A prebuild that matches this machine (or an
// earlier build) is used as is, so nothing is compiled; with none (another
// arch, musl) the addon is built from source with node-gyp; on another OS the
// install stops. Each case says so in one line. Installing with
// --ignore-scripts skips this file: the loader (node-gyp-build, in
// lib/binding.ts) then finds the prebuild on its own.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

function fail(message) {
  console.error(`bsd-socket: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux') {
  fail(`Linux only: it calls Linux's socket API, and this machine runs ${process.platform}.`);
}

const loader = require('node-gyp-build');
try {
  loader.path(root);
  process.exit(0);
} catch {
  // No build and no matching prebuild: build one below.
}

const libc = process.env.LIBC || 'glibc';
console.log(`bsd-socket: no prebuilt binary for linux-${process.arch} (${libc}); building from source with node-gyp`
  + ' (needs a C++17 compiler, make and Python 3)');

// npm hands its own node-gyp to install scripts (npm_config_node_gyp);
// otherwise the one on PATH.
const nodeGyp = process.env.npm_config_node_gyp;
const command = nodeGyp ? [process.execPath, nodeGyp, 'rebuild'] : ['node-gyp', 'rebuild'];
const build = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
if (build.error || build.status !== 0) {
  // The build's own output says what was missing; show it only now.
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  fail(`building from source failed${build.error ? ` (${build.error.message})` : ''}: see node-gyp's output above.`);
}
console.log(`bsd-socket: built ${loader.path(root)}`);
