// Which binary the loader picked for the installed package, and a check that
// it is the expected kind: EXPECT_BINARY=prebuild (prebuilds/linux-<arch>/)
// or build (build/Release, built from source at install).
'use strict';
const assert = require('node:assert/strict');
const { dirname, relative } = require('node:path');

module.exports = function loadedBinary() {
  const root = dirname(require.resolve('bsd-socket/package.json'));
  const binary = relative(root, require('node-gyp-build').path(root));
  const expected = process.env.EXPECT_BINARY === 'build'
    ? 'build/Release/bsd_socket.node'
    : `prebuilds/linux-${process.arch}/bsd-socket.glibc.node`;
  assert.equal(binary, expected);
  return binary;
};
