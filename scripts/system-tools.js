#!/usr/bin/env node
// The system tools this project runs, by the Debian package that brings each.
//
//   npm run setup:system            as root: apt-get installs what `npm install`
//                                   and `npm test` need and this machine lacks
//   npm run setup:system -- --all   also what .ci/run needs beyond that
//                                   (sanitizers, valgrind, libFuzzer, the arm64
//                                   cross compiler and qemu for the prebuilds)
//   node scripts/system-tools.js --check [--all]
//                                   names what is missing, installs nothing
//
// The tests' globalSetup calls missingTools('test') and stops the run at once
// when something is missing: a test is never skipped for want of a tool.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

// `commands`: executables looked up on PATH; `dpkg`: a package with no command
// of its own, checked with dpkg -s.
const TOOLS = {
  // npm install (node-gyp) and npm test: child processes the tests start, and
  // test/artifacts.test.ts's three builds.
  test: [
    { package: 'build-essential', commands: ['cc', 'c++', 'make'] },
    { package: 'python3', commands: ['python3'] },
    { package: 'cmake', commands: ['cmake'] },
    { package: 'iproute2', commands: ['ip', 'ss'] },
    { package: 'util-linux', commands: ['unshare', 'setpriv', 'prlimit', 'taskset'] },
    { package: 'procps', commands: ['sysctl'] },
    { package: 'nftables', commands: ['nft'] },
    // /etc/services, which getservbyname and the resolver tests read.
    { package: 'netbase', dpkg: true },
    // The packet toolkit's references: capture files and filter expressions
    // are checked against tcpdump, the command's ping against iputils', nc
    // against socat.
    { package: 'tcpdump', commands: ['tcpdump'] },
    { package: 'iputils-ping', commands: ['ping'] },
    { package: 'socat', commands: ['socat'] },
  ],
  // .ci/run beyond npm test: test:asan (gcc's libasan), test:valgrind, fuzz
  // (clang's libFuzzer), test:tsan (gcc's libtsan), build:prebuilds (arm64),
  // test:package (qemu).
  ci: [
    { package: 'valgrind', commands: ['valgrind'] },
    { package: 'clang', commands: ['clang++'] },
    { package: 'libclang-rt-14-dev', dpkg: true },
    { package: 'libtsan2', dpkg: true },
    { package: 'g++-aarch64-linux-gnu', commands: ['aarch64-linux-gnu-g++', 'aarch64-linux-gnu-strip'] },
    { package: 'qemu-user-static', commands: ['qemu-aarch64-static'] },
  ],
};

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

function installed(debianPackage) {
  return spawnSync('dpkg', ['-s', debianPackage], { stdio: 'ignore' }).status === 0;
}

/** [{ package, missing: [commands] }] for the groups named. */
function missingTools(...groups) {
  const missing = [];
  for (const tool of groups.flatMap((group) => TOOLS[group])) {
    const absent = tool.dpkg ? (installed(tool.package) ? [] : [tool.package]) : tool.commands.filter((c) => !onPath(c));
    if (absent.length > 0) missing.push({ package: tool.package, missing: absent, offPath: !tool.dpkg && installed(tool.package) });
  }
  return missing;
}

/** One line: `nft (Debian package nftables); clang++ (Debian package clang)`. */
function describe(missing) {
  return missing.map((m) => `${m.missing.join(', ')} (Debian package ${m.package}${m.offPath ? ', installed but not on PATH' : ''})`)
    .join('; ');
}

function main(args) {
  const groups = args.includes('--all') ? ['test', 'ci'] : ['test'];
  const missing = missingTools(...groups);
  if (args.includes('--check') || missing.length === 0) {
    console.log(missing.length === 0 ? `system tools: all present (${groups.join(' + ')})` : `system tools missing: ${describe(missing)}`);
    return missing.length === 0 ? 0 : 1;
  }
  if (process.getuid?.() !== 0) {
    console.error(`system tools missing: ${describe(missing)}; run this as root (sudo npm run setup:system)`);
    return 1;
  }
  if (!onPath('apt-get')) {
    console.error(`system tools missing: ${describe(missing)}; there is no apt-get here: install them with this system's package manager`);
    return 1;
  }
  const packages = [...new Set(missing.map((m) => m.package))];
  console.log(`system tools: apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = missingTools(...groups);
  if (still.length > 0) {
    console.error(`system tools still missing after apt-get: ${describe(still)}`);
    return 1;
  }
  return 0;
}

module.exports = { TOOLS, missingTools, describe };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
