// bsd-socket nc against socat and against itself over loopback: TCP, UDP
// and Unix stream sockets, IPv4 and IPv6, 1 MiB of random bytes checked by
// hash, half-close (-N), -k with two clients, -w for connect and idle, -z.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AF_INET, AF_INET6, SOCK_DGRAM, SOCK_STREAM, socket } from '../lib';
import { runCommand, start, startCommand, type Running } from './cli_helpers';
import { listener, portOf, sleep, track } from './helpers';

const MiB = randomBytes(1 << 20);
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A port nothing uses right now (bound, then released). */
function freePort(family = AF_INET, type = SOCK_STREAM): number {
  const sock = socket(family, type);
  try {
    sock.bind({ address: family === AF_INET6 ? '::1' : '127.0.0.1', port: 0 });
    return portOf(sock.getsockname());
  } finally {
    sock.close();
  }
}

/** Starts `bsd-socket nc -v -n -l … 0`; resolves with it and the port it listens on. */
async function ncListen(args: string[], input?: Buffer | string, keepStdinOpen = false): Promise<[Running, number]> {
  const server = startCommand(['nc', '-v', '-n', '-l', ...args], { input, keepStdinOpen });
  const [, port] = await server.waitFor(/Listening on \S+ (\d+)\n/);
  return [server, Number(port)];
}

/** Starts socat (with -d -d, which says when it listens) and waits until it does. */
async function socat(args: string[], input?: Buffer | string): Promise<Running> {
  const running = start(['socat', '-d', '-d', ...args], { input });
  await running.waitFor(/ (listening|receiving) on /);
  return running;
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bsd-socket-nc-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TCP', () => {
  test('IPv4, nc to nc: 1 MiB, byte-exact; -v on both sides; both exit 0', async () => {
    const [server, port] = await ncListen(['127.0.0.1', '0']);
    const client = await runCommand(['nc', '-v', '-N', '127.0.0.1', String(port)], { input: MiB });
    const served = await server.done;
    expect({ code: client.code, stderr: client.stderr })
      .toEqual({ code: 0, stderr: expect.stringMatching(new RegExp(`^Connection to 127\\.0\\.0\\.1 ${port} port \\[tcp/[^\\]]+\\] succeeded!\\n$`)) });
    expect(served.code).toBe(0);
    expect(served.stderr).toMatch(new RegExp(`^Listening on 127\\.0\\.0\\.1 ${port}\\nConnection received on 127\\.0\\.0\\.1 \\d+\\n$`));
    expect(sha256(served.stdoutBytes)).toBe(sha256(MiB));
  });

  test('IPv6, nc to a socat echo server: 1 MiB there and back, byte-exact (-N half-closes)', async () => {
    const port = freePort(AF_INET6);
    const echo = await socat([`TCP6-LISTEN:${port},bind=[::1],reuseaddr`, 'EXEC:cat']);
    const client = await runCommand(['nc', '-N', '::1', String(port)], { input: MiB });
    expect({ code: client.code, stderr: client.stderr }).toEqual({ code: 0, stderr: '' });
    expect(sha256(client.stdoutBytes)).toBe(sha256(MiB));
    expect((await echo.done).code).toBe(0);
  });

  test('IPv6, socat to nc -l: 1 MiB in; and nc -l -N sends 1 MiB back out to socat', async () => {
    const [server, port] = await ncListen(['::1', '0']);
    const sent = await start(['socat', '-u', '-', `TCP6:[::1]:${port}`], { input: MiB }).done;
    expect(sent.code).toBe(0);
    const served = await server.done;
    expect(served.code).toBe(0);
    expect(sha256(served.stdoutBytes)).toBe(sha256(MiB));

    const [sender, port2] = await ncListen(['-N', '::1', '0'], MiB);
    const received = await start(['socat', '-u', `TCP6:[::1]:${port2}`, '-']).done;
    expect(sha256(received.stdoutBytes)).toBe(sha256(MiB));
    expect((await sender.done).code).toBe(0);
  });

  test('-k: one listener serves two clients in turn; Ctrl-C ends it (status 130)', async () => {
    const [server, port] = await ncListen(['-k', '127.0.0.1', '0'], undefined, true);
    for (const message of ['first client\n', 'second client\n']) {
      const client = await runCommand(['nc', '-N', '127.0.0.1', String(port)], { input: message });
      expect(client.code).toBe(0);
      await server.waitFor(new RegExp(message));
    }
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGINT');
    const served = await server.done;
    expect(served.code).toBe(130);
    expect(served.stdout).toBe('first client\nsecond client\n');
    expect(served.stderr.match(/Connection received on/g)).toHaveLength(2);
  });

  test('-w: a connection idle both ways ends after the timeout, exit 0; the peer then ends too', async () => {
    const [server, port] = await ncListen(['127.0.0.1', '0'], undefined, true);
    const client = await runCommand(['nc', '-w', '0.5', '127.0.0.1', String(port)], { keepStdinOpen: true });
    expect(client.code).toBe(0);
    expect(client.ms).toBeGreaterThan(400);
    expect(client.ms).toBeLessThan(5000);
    expect((await server.done).code).toBe(0);
  });

  // In a namespace of the test's own: a route over a link whose other end
  // is down, so a SYN to 10.1.0.2 goes nowhere.
  const SYN_GOES_NOWHERE = ['unshare', '--net', 'sh', '-c', 'ip link set lo up && ip link add v0 type veth peer name v1 '
    + '&& ip addr add 10.1.0.1/24 dev v0 && ip link set v0 up && exec "$@"', 'sh'];

  test('-w: a connect nobody answers times out, one line, exit 1', async () => {
    const r = await runCommand(['nc', '-w', '0.5', '10.1.0.2', '80'], { prefix: SYN_GOES_NOWHERE });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
    expect(r.stderr).toBe('bsd-socket nc: connect to 10.1.0.2 port 80 (tcp) failed: Connection timed out\n');
    expect(r.ms).toBeLessThan(5000);
  });
  test('Ctrl-C while a connect waits: exit 130, nothing printed', async () => {
    const running = startCommand(['nc', '10.1.0.2', '80'], { prefix: SYN_GOES_NOWHERE });
    // Until the SYN is out (so the command is running, its Ctrl-C handler in place).
    const synSent = (): string => execFileSync('nsenter', [`--net=/proc/${running.child.pid}/ns/net`, 'ss', '-Htn',
      'state', 'syn-sent'], { encoding: 'utf8' });
    for (let i = 0; i < 100 && !synSent().includes('10.1.0.2:80'); i++) await sleep(50);
    running.child.kill('SIGINT');
    const r = await running.done;
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 130, stdout: '', stderr: '' });
  });
});

describe('UDP', () => {
  test('nc -u to socat: the datagram arrives; -w ends the idle client, exit 0', async () => {
    const port = freePort(AF_INET, SOCK_DGRAM);
    const receiver = await socat(['-u', `UDP4-RECVFROM:${port},bind=127.0.0.1`, '-']);
    const client = await runCommand(['nc', '-u', '-w', '0.5', '127.0.0.1', String(port)], { input: 'hello over udp\n' });
    expect({ code: client.code, stderr: client.stderr }).toEqual({ code: 0, stderr: '' });
    expect((await receiver.done).stdout).toBe('hello over udp\n');
  });

  test('IPv6 nc -lu: the first datagram names the peer; the answer goes back to it', async () => {
    const [server, port] = await ncListen(['-u', '-w', '1', '::1', '0'], undefined, true);
    const peer = start(['socat', '-T', '1', '-', `UDP6:[::1]:${port}`], { input: 'ping\n', keepStdinOpen: true });
    await server.waitFor(/ping\n/);
    server.child.stdin.end('pong\n');
    await peer.waitFor(/pong\n/);
    peer.child.stdin.end();
    const served = await server.done;
    expect(served.code).toBe(0);
    expect(served.stdout).toBe('ping\n');
    expect(served.stderr).toMatch(/Connection received on ::1 \d+\n/);
    expect((await peer.done).stdout).toBe('pong\n');
  });

  test('-z -u: a bound port is open (exit 0); a closed one answers port unreachable (exit 1)', async () => {
    const bound = track(socket(AF_INET, SOCK_DGRAM));
    bound.bind({ address: '127.0.0.1', port: 0 });
    const open = await runCommand(['nc', '-z', '-u', '-v', '-w', '0.3', '127.0.0.1', String(portOf(bound.getsockname()))]);
    expect(open.code).toBe(0);
    expect(open.stderr).toMatch(/^Connection to 127\.0\.0\.1 \d+ port \[udp\/\S+\] succeeded!\n$/);
    const closedPort = freePort(AF_INET, SOCK_DGRAM);
    const closed = await runCommand(['nc', '-z', '-u', '-v', '-w', '1', '127.0.0.1', String(closedPort)]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toBe(`bsd-socket nc: connect to 127.0.0.1 port ${closedPort} (udp) failed: Connection refused\n`);
  });
});

describe('Unix stream sockets', () => {
  test('socat to nc -lU: 1 MiB, byte-exact; the socket file is gone afterwards', async () => {
    const path = join(dir, 'listen.sock');
    const server = startCommand(['nc', '-v', '-lU', path]);
    await server.waitFor(/Listening on /);
    const sent = await start(['socat', '-u', '-', `UNIX-CONNECT:${path}`], { input: MiB }).done;
    expect(sent.code).toBe(0);
    const served = await server.done;
    expect(served.code).toBe(0);
    expect(served.stderr).toBe(`Listening on ${path}\nConnection received on ${path}\n`);
    expect(sha256(served.stdoutBytes)).toBe(sha256(MiB));
    expect(existsSync(path)).toBe(false);
  });

  test('nc -U to a socat echo server: 1 MiB there and back', async () => {
    const path = join(dir, 'echo.sock');
    const echo = await socat([`UNIX-LISTEN:${path}`, 'EXEC:cat']);
    const client = await runCommand(['nc', '-N', '-U', path], { input: MiB });
    expect({ code: client.code, stderr: client.stderr }).toEqual({ code: 0, stderr: '' });
    expect(sha256(client.stdoutBytes)).toBe(sha256(MiB));
    await echo.done;
  });

  test('Ctrl-C on nc -lU: exit 130, and the socket file is removed', async () => {
    const path = join(dir, 'interrupted.sock');
    const server = startCommand(['nc', '-v', '-lU', path], { keepStdinOpen: true });
    await server.waitFor(/Listening on /);
    expect(existsSync(path)).toBe(true);
    server.child.kill('SIGINT');
    expect((await server.done).code).toBe(130);
    expect(existsSync(path)).toBe(false);
  });
});

test('-z: an open and a closed port, each reported with -v; exit 0 when any is open, 1 when none', async () => {
  const server = listener();
  const open = portOf(server.getsockname());
  const closed = freePort();
  const r = await runCommand(['nc', '-z', '-v', '127.0.0.1', String(open), String(closed)]);
  expect(r.code).toBe(0);
  expect(r.stderr.split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^Connection to 127\\.0\\.0\\.1 ${open} port \\[tcp/[^\\]]+\\] succeeded!$`)),
    `bsd-socket nc: connect to 127.0.0.1 port ${closed} (tcp) failed: Connection refused`, '']);
  const none = await runCommand(['nc', '-z', '127.0.0.1', `${closed}-${closed}`]);
  expect({ code: none.code, stdout: none.stdout, stderr: none.stderr }).toEqual({ code: 1, stdout: '', stderr: '' });
});
