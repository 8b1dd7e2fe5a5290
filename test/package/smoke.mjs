// ES module consumer: named imports, the namespace and the default export,
// against what require() gives: every name the CommonJS entry exports must be
// importable by name, with the same value.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import lib, * as namespace from 'bsd-socket';
import { AF_INET, SOCK_STREAM, SO_REUSEADDR, ConnectionRefusedError, Socket, socket, socketpair } from 'bsd-socket';

import echo from './echo.cjs';
import loadedBinary from './binary.cjs';

const cjs = createRequire(import.meta.url)('bsd-socket');
const named = Object.keys(namespace).filter((name) => name !== 'default').sort();
assert.deepEqual(named, Object.keys(cjs).sort());
for (const name of named) assert.equal(namespace[name], cjs[name], `${name} differs between import and require`);
assert.equal(lib, cjs);
assert.equal(typeof socket, 'function');
assert.equal(typeof socketpair, 'function');
const sock = socket(AF_INET, SOCK_STREAM);
assert.ok(sock instanceof Socket);
sock.close();
assert.equal(new ConnectionRefusedError('ECONNREFUSED', 'connect').code, 'ECONNREFUSED');
assert.equal(typeof SO_REUSEADDR, 'number');

const bytes = await echo(namespace);
console.log(`esm ok: node ${process.version} ${process.arch}, ${named.length} named exports, ${loadedBinary()}, ${bytes} bytes echoed`);
