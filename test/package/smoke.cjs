// CommonJS consumer: require('bsd-socket') from an installed tarball.
'use strict';
const lib = require('bsd-socket');
const echo = require('./echo.cjs');
const loadedBinary = require('./binary.cjs');

(async () => {
  const pkg = require('bsd-socket/package.json');
  const bytes = await echo(lib);
  console.log(`cjs ok: node ${process.version} ${process.arch}, ${pkg.name}@${pkg.version}, ${loadedBinary()}, ${bytes} bytes echoed`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
