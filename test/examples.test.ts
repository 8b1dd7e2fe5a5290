// The examples, run as the programs they are: the echo client against the
// echo server, each against node:net, and `npm start`'s demo with its tour
// of the command.
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { AF_INET, SOCK_STREAM, SOL_SOCKET, SO_RCVBUF, SO_SNDBUF, socket } from '../lib';

const examples = join(__dirname, '..', 'build-ts', 'examples');
const run = promisify(execFile);

async function startServerProcess(): Promise<{ port: number; stop: () => Promise<string> }> {
  const child = spawn(process.execPath, [join(examples, 'echo-server.js'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d; });
  while (!/listening on .*:(\d+)/.test(output)) await once(child.stdout, 'data');
  const port = Number(/listening on .*:(\d+)/.exec(output)![1]);
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'close');
      return output;
    },
  };
}

test('echo-client against echo-server, as two processes', async () => {
  const server = await startServerProcess();
  try {
    const { stdout } = await run(process.execPath, [join(examples, 'echo-client.js'), String(server.port), '127.0.0.1', 'round', 'trip']);
    expect(stdout).toContain('sent 10 bytes, got back 10: "round trip"');
  } finally {
    const output = await server.stop();
    expect(output).toContain('stopped after echoing 10 bytes');
  }
});

test('echo-client against a node:net echo server', async () => {
  const server = net.createServer((c) => c.pipe(c)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const port = (server.address() as net.AddressInfo).port;
    const { stdout } = await run(process.execPath, [join(examples, 'echo-client.js'), String(port), '127.0.0.1', 'to node']);
    expect(stdout).toContain('got back 7: "to node"');
  } finally {
    server.close();
  }
});

test('echoOnce echoes 16 MiB, more than the socket buffers between the two ends hold', async () => {
  // The server's buffers are fixed small, and a client that does not read
  // keeps its receive buffer at tcp_rmem's default: with the client's send
  // buffer (at most tcp_wmem's 4 MiB), less than 5 MiB fit in flight, so a
  // client that sent everything before reading would wait forever.
  const { echoOnce } = await import(join(examples, 'echo-client.js')) as typeof import('../examples/echo-client');
  const server = socket(AF_INET, SOCK_STREAM);
  server.setsockopt(SOL_SOCKET, SO_RCVBUF, 65536);
  server.setsockopt(SOL_SOCKET, SO_SNDBUF, 65536);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const serving = (async () => {
    const [conn] = await server.accept();
    try {
      for (let data = await conn.recv(65536); data.length > 0; data = await conn.recv(65536)) await conn.sendall(data);
    } finally {
      conn.close();
    }
  })();
  try {
    const message = Buffer.alloc(16 << 20);
    for (let i = 0; i < message.length; i += 4096) message[i] = i >> 12;
    const reply = await echoOnce((server.getsockname() as { port: number }).port, '127.0.0.1', message);
    expect(reply.length).toBe(message.length);
    expect(reply.equals(message)).toBe(true);
    await serving;
  } finally {
    server.close();
  }
}, 30000);

test('a node:net client against echo-server', async () => {
  const server = await startServerProcess();
  try {
    const client = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    client.on('data', (d) => chunks.push(d));
    client.end(Buffer.alloc(200000, 'q'));
    await once(client, 'end');
    expect(Buffer.concat(chunks).equals(Buffer.alloc(200000, 'q'))).toBe(true);
  } finally {
    await server.stop();
  }
});

test('npm start\'s demo echoes byte-exact, tours the command, and exits 0', async () => {
  const { stdout } = await run(process.execPath, [join(examples, 'demo.js')], { timeout: 30000 });
  expect(stdout).toContain('bsd-socket client -> 1 MiB, <- 1048576 B, byte-exact');
  expect(stdout).not.toContain('MISMATCH');
  expect(stdout).toContain('$ bsd-socket ping -c 2 -i 0.2 127.0.0.1\n  PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n');
  expect(stdout).toMatch(/\$ bsd-socket traceroute -n -q 1 -w 1 127\.0\.0\.1\n {2}traceroute to 127\.0\.0\.1 .*\n {3}1 {2}127\.0\.0\.1 {2}[\d.]+ ms\n/);
  expect(stdout).toContain('nc -> nc: byte-exact');
});
