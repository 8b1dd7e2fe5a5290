// The bsd-socket command as an installed package gives it (package.json
// "bin"): node_modules/.bin/bsd-socket is there and executable, and through
// npx, --help, a ping to loopback and an nc round trip work.
//   node command.cjs   (in the consumer project the package is installed in)
'use strict';
const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('node:child_process');
const { accessSync, constants, realpathSync, statSync } = require('node:fs');
const { createHash, randomBytes } = require('node:crypto');
const { join } = require('node:path');

const bin = join(process.cwd(), 'node_modules', '.bin', 'bsd-socket');
accessSync(bin, constants.X_OK);
const target = realpathSync(bin);
assert.match(target, /node_modules\/bsd-socket\/dist\/cli\/main\.js$/);
assert.ok(statSync(target).mode & 0o111, `${target} is not executable`);

const npx = (args, options = {}) => execFileSync('npx', ['--no-install', 'bsd-socket', ...args],
  { encoding: 'utf8', timeout: 20000, ...options });

assert.match(npx(['--help']), /^usage: bsd-socket <command>/);
const ping = npx(['ping', '-c', '1', '127.0.0.1']);
assert.match(ping, /^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=\d+ time=/);
assert.match(ping, /\n1 packets transmitted, 1 received, 0% packet loss/);

/**
 * Runs `bsd-socket nc …` through npx: `done` resolves with its exit status
 * and output; `listening` (for -v -l) with the port it listens on.
 */
function nc(args, input) {
  const child = spawn('npx', ['--no-install', 'bsd-socket', 'nc', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout = [];
  let stderr = '';
  child.stdout.on('data', (d) => stdout.push(d));
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
  const done = new Promise((resolve) => child.on('close', (status) => {
    clearTimeout(timer);
    resolve({ status, stdout: Buffer.concat(stdout), stderr });
  }));
  const listening = () => new Promise((resolve, reject) => {
    child.stderr.on('data', () => {
      const port = /Listening on \S+ (\d+)/.exec(stderr);
      if (port) resolve(Number(port[1]));
    });
    done.then(() => reject(new Error(`nc exited before listening: ${stderr}`)));
  });
  return { done, listening };
}

(async () => {
  const data = randomBytes(256 * 1024);
  const server = nc(['-v', '-n', '-l', '127.0.0.1', '0'], Buffer.alloc(0));
  const port = await server.listening();
  const client = await nc(['-N', '127.0.0.1', String(port)], data).done;
  const received = await server.done;
  assert.equal(client.status, 0, client.stderr);
  assert.equal(received.status, 0, received.stderr);
  const hash = (b) => createHash('sha256').update(b).digest('hex');
  assert.equal(hash(received.stdout), hash(data));
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`command ok: ${version}, ${target} executable, npx --help, ping 127.0.0.1, nc round trip of ${data.length} bytes`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
