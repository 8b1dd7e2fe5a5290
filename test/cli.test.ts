// The bsd-socket command as a user meets it: help, version, the dispatcher,
// and every subcommand's bad input, each one line on stderr and a non-zero
// exit status, with no stack trace and no hang. (What each subcommand does
// is in cli-ping, cli-traceroute and cli-nc.test.ts.)
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { AF_INET, SOCK_STREAM, socket } from '../lib';
import { CLI_PATH, UNPRIVILEGED, expectOneLineError, runCommand } from './cli_helpers';
import { listener, portOf } from './helpers';

const COMMANDS = ['ping', 'traceroute', 'nc'];

describe('the dispatcher', () => {
  test('--help lists every subcommand, on stdout, exit 0; -h too', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCommand([flag]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^usage: bsd-socket <command>/);
      for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  test('--version prints the package\'s version', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    const r = await runCommand(['--version']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `bsd-socket ${version}\n`, stderr: '' });
  });

  test.each(COMMANDS)('%s --help: its usage and each of its options, exit 0', async (name) => {
    const r = await runCommand([name, '--help']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^usage: bsd-socket ${name} `));
    const letters = [...r.stdout.matchAll(/^ {2}-(\w)\b/gm)].map((m) => m[1]);
    expect(letters.length).toBeGreaterThan(4);
    // Help comes first wherever it is, even after a bad value.
    const late = await runCommand([name, '-c', 'x', '--help']);
    expect(late.code).toBe(0);
    expect(late.stdout).toBe(r.stdout);
  });

  test('no command, or an unknown one: one line, exit 2', async () => {
    for (const [args, pattern] of [[[], /missing command/], [['pong'], /unknown command 'pong'/]] as const) {
      const r = await runCommand([...args]);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^bsd-socket: [^\n]+\n$/);
      expect(r.stderr).toMatch(pattern);
    }
  });

  test('the compiled entry point starts with a shebang and is executable', () => {
    expect(readFileSync(CLI_PATH, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI_PATH).mode & 0o111).toBe(0o111);
  });

  test('a reader that goes away ends the command quietly, status 141, as SIGPIPE ends ping', async () => {
    const r = await runCommand(['ping', '-i', '0.05', '127.0.0.1'],
      { prefix: ['bash', '-c', '"$@" | head -n 2 >/dev/null; exit "${PIPESTATUS[0]}"', 'bash'] });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 141, stderr: '' });
  });
});

// [arguments, what the line must say, exit status]
type BadInput = [string[], RegExp, number];

const LONG_PATH = `/tmp/${'x'.repeat(200)}`;

const USAGE: Record<string, BadInput[]> = {
  ping: [
    [['ping'], /missing host \(try 'bsd-socket ping --help'\)$/, 2],
    [['ping', '-x', '127.0.0.1'], /invalid option -- 'x'/, 2],
    [['ping', '--count=3', '127.0.0.1'], /unrecognized option '--count=3'/, 2],
    [['ping', '127.0.0.1', '-c'], /option requires an argument -- 'c'/, 2],
    [['ping', '-c', 'x', '127.0.0.1'], /: invalid count: 'x'$/, 2],
    [['ping', '-c', '0', '127.0.0.1'], /invalid count: '0': out of range/, 2],
    [['ping', '-nc', '-1', '127.0.0.1'], /invalid count: '-1'/, 2],
    [['ping', '-i', 'x', '127.0.0.1'], /invalid interval: 'x'/, 2],
    [['ping', '-i', '-1', '127.0.0.1'], /invalid interval: '-1'/, 2],
    [['ping', '-t', '256', '127.0.0.1'], /invalid ttl: '256': out of range: 1 <= value <= 255/, 2],
    [['ping', '-t0', '127.0.0.1'], /invalid ttl: '0'/, 2],
    [['ping', '-s', '65528', '127.0.0.1'], /invalid size: '65528'/, 2],
    [['ping', '-s', '65508', '127.0.0.1'], /invalid size: '65508': out of range: 0 <= value <= 65507/, 2],
    [['ping', '-W', '1e3', '127.0.0.1'], /invalid timeout: '1e3'/, 2],
    [['ping', '-w', 'soon', '127.0.0.1'], /invalid deadline: 'soon'/, 2],
    [['ping', '-4', '-6', '127.0.0.1'], /only one of -4 and -6/, 2],
    [['ping', '127.0.0.1', '127.0.0.2'], /extra operand '127\.0\.0\.2'/, 2],
    [['ping', '-I', 'nosuchif0', '-c', '1', '127.0.0.1'], /SO_BINDTODEVICE nosuchif0: No such device$/, 2],
    [['ping', '-I', '192.0.2.1', '-c', '1', '127.0.0.1'], /bind 192\.0\.2\.1: Address not available$/, 2],
    [['ping', '-4', '::1'], /::1: Address family for hostname not supported$/, 2],
  ],
  traceroute: [
    [['traceroute'], /missing host/, 2],
    [['traceroute', '-x', '127.0.0.1'], /invalid option -- 'x'/, 2],
    [['traceroute', '-m', '0', '127.0.0.1'], /invalid max ttl: '0'/, 2],
    [['traceroute', '-m', '256', '127.0.0.1'], /invalid max ttl: '256'/, 2],
    [['traceroute', '-q', '11', '127.0.0.1'], /invalid nqueries: '11'/, 2],
    [['traceroute', '-q', 'three', '127.0.0.1'], /invalid nqueries: 'three'/, 2],
    [['traceroute', '-w', '-5', '127.0.0.1'], /invalid waittime: '-5'/, 2],
    [['traceroute', '-p', '0', '127.0.0.1'], /invalid port: '0'/, 2],
    [['traceroute', '-p', '65536', '127.0.0.1'], /invalid port: '65536': out of range/, 2],
    [['traceroute', '127.0.0.1', '60'], /extra operand '60'/, 2],
    [['traceroute', '-6', '-4', '::1'], /only one of -4 and -6/, 2],
    [['traceroute', '-6', '127.0.0.1'], /127\.0\.0\.1: Address family for hostname not supported$/, 1],
  ],
  nc: [
    [['nc'], /missing host/, 2],
    [['nc', '127.0.0.1'], /missing port/, 2],
    [['nc', '-l'], /missing port/, 2],
    [['nc', '-U'], /missing path/, 2],
    [['nc', '-e', 'sh', '127.0.0.1', '1'], /invalid option -- 'e'/, 2],
    [['nc', '127.0.0.1', '65536'], /invalid port: '65536': out of range: 1 <= value <= 65535/, 2],
    [['nc', '127.0.0.1', '0'], /invalid port: '0'/, 2],
    [['nc', '127.0.0.1', 'no-such-service'], /invalid port: 'no-such-service'/, 2],
    [['nc', '-l', '-1'], /invalid option -- '1'/, 2],
    [['nc', '-l', '70000'], /invalid port: '70000'/, 2],
    [['nc', '127.0.0.1', '1', '2'], /several ports need -z/, 2],
    [['nc', '-z', '127.0.0.1', '9-x'], /invalid port: '9-x'/, 2],
    [['nc', '-k', '127.0.0.1', '1'], /must use -l with -k/, 2],
    [['nc', '-lz', '1'], /cannot use -z and -l/, 2],
    [['nc', '-uU', '/tmp/s'], /-u and -U cannot be used together/, 2],
    [['nc', '-w', 'x', '127.0.0.1', '1'], /invalid timeout: 'x'/, 2],
    [['nc', '-w', '0', '127.0.0.1', '1'], /invalid timeout: '0': out of range/, 2],
    [['nc', '-U', LONG_PATH], /invalid path: '\/tmp\/x+' is 205 bytes; a Unix socket path holds at most 10\d$/, 2],
    [['nc', '-lU', LONG_PATH], /invalid path: .* is 205 bytes/, 2],
    [['nc', '-U', '/nonexistent-dir/socket'], /connect to \/nonexistent-dir\/socket failed: No such file or directory$/, 1],
    [['nc', '-lU', '/nonexistent-dir/socket'], /bind to \/nonexistent-dir\/socket: No such file or directory$/, 1],
    [['nc', '-l', '192.0.2.1', '5000'], /bind to 192\.0\.2\.1 port 5000: Address not available$/, 1],
  ],
};

describe.each(COMMANDS)('%s: bad input is one line on stderr and a non-zero status', (name) => {
  test.each(USAGE[name].map(([args, pattern, status]) => [args.join(' '), args, pattern, status] as const))(
    '%s', async (_title, args, pattern, status) => {
      expectOneLineError(await runCommand([...args]), name, pattern, status);
    });

  // A name nobody can resolve, in a network namespace of its own: the
  // resolver gives up at once, and no query leaves this host.
  test('an unresolvable name', async () => {
    const args = name === 'nc' ? ['nc', 'no-such-host.invalid', '80'] : [name, 'no-such-host.invalid'];
    const r = await runCommand(args, { prefix: ['unshare', '--net'] });
    expectOneLineError(r, name, /: no-such-host\.invalid: (Temporary failure in name resolution|Name or service not known)$/,
      name === 'ping' ? 2 : 1);
  });
});

describe('runtime failures, one line each', () => {
  const refusedPort = (): number => {
    // A port that was free a moment ago: nothing listens there.
    const sock = socket(AF_INET, SOCK_STREAM);
    sock.bind({ address: '127.0.0.1', port: 0 });
    const port = portOf(sock.getsockname());
    sock.close();
    return port;
  };

  test('nc to a port nobody listens on: Connection refused, exit 1', async () => {
    const port = refusedPort();
    expectOneLineError(await runCommand(['nc', '127.0.0.1', String(port)]), 'nc',
      new RegExp(`connect to 127\\.0\\.0\\.1 port ${port} \\(tcp\\) failed: Connection refused$`), 1);
  });

  test('nc -l on a port in use: Address already in use, exit 1', async () => {
    const server = listener();
    const port = portOf(server.getsockname());
    expectOneLineError(await runCommand(['nc', '-l', '127.0.0.1', String(port)]), 'nc',
      new RegExp(`bind to 127\\.0\\.0\\.1 port ${port}: Address already in use$`), 1);
  });

  test('ping without CAP_NET_RAW, outside ping_group_range: one line on what each socket needs, exit 2', async () => {
    const r = await runCommand(['ping', '-c', '1', '127.0.0.1'], { prefix: UNPRIVILEGED });
    expectOneLineError(r, 'ping', /unprivileged ICMP sockets need .*ping_group_range.*or use SOCK_RAW with CAP_NET_RAW$/, 2);
  });

  test('traceroute -I without CAP_NET_RAW: the same line, exit 1', async () => {
    const r = await runCommand(['traceroute', '-I', '-n', '127.0.0.1'], { prefix: UNPRIVILEGED });
    expectOneLineError(r, 'traceroute', /unprivileged ICMP sockets need .*ping_group_range/, 1);
  });

  test('nc -l on a port below 1024 without CAP_NET_BIND_SERVICE: Permission denied, with the way out', async () => {
    const r = await runCommand(['nc', '-l', '127.0.0.1', '7'], { prefix: UNPRIVILEGED });
    expectOneLineError(r, 'nc', /bind to 127\.0\.0\.1 port 7: .*ports below 1024 need CAP_NET_BIND_SERVICE/, 1);
  });
});
