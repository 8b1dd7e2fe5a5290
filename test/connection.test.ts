// Python's connection helpers: create_connection (Happy Eyeballs), create_server,
// has_dualstack_ipv6, send_fds and recv_fds.
import { closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';

import {
  AF_INET, AF_INET6, AF_UNIX, ConnectionRefusedError, IPPROTO_IPV6, IPV6_V6ONLY, SOCK_STREAM, SOL_SOCKET,
  SO_REUSEADDR, SO_REUSEPORT, create_connection, create_server, has_dualstack_ipv6, recv_fds, send_fds, socket,
  socketpair, type Socket,
} from '../lib';
import { openFds as countFds, runChild, track } from './helpers';

function listener(): [Socket, number] {
  const server = track(socket(AF_INET, SOCK_STREAM));
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  return [server, (server.getsockname() as { port: number }).port];
}

describe('create_connection', () => {
  test('resolves the host, connects, and returns a blocking socket with the timeout set', async () => {
    const [server, port] = listener();
    const client = track(await create_connection({ host: 'localhost', port }, { timeout: 2000 }));
    const [conn] = await server.accept();
    track(conn);
    expect(client.gettimeout()).toBe(2000);
    expect(client.getpeername()).toEqual({ family: AF_INET, address: '127.0.0.1', port });
    await client.sendall('over create_connection');
    expect((await conn.recv(100)).toString()).toBe('over create_connection');
    const plain = track(await create_connection({ address: '127.0.0.1', port }));
    track((await server.accept())[0]);
    expect(plain.gettimeout()).toBeNull();
  });

  test('a refused connection raises the last error, or all of them with allErrors; no fd is left', async () => {
    const [server, port] = listener();
    server.close();
    const before = countFds();
    await expect(create_connection({ host: '127.0.0.1', port })).rejects.toBeInstanceOf(ConnectionRefusedError);
    const error = await create_connection({ host: 'localhost', port }, { allErrors: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors).toHaveLength(1);
    expect((error as AggregateError).errors[0]).toBeInstanceOf(ConnectionRefusedError);
    expect(countFds()).toBe(before);
  });

  test('sourceAddress binds the connecting socket', async () => {
    const [server, port] = listener();
    const client = track(await create_connection({ host: '127.0.0.1', port }, { sourceAddress: { host: '127.0.0.1', port: 0 } }));
    const [conn, peer] = await server.accept();
    track(conn);
    expect(peer).toEqual(client.getsockname());
  });

  test('bad input is a TypeError or RangeError, an abort an AbortError', async () => {
    await expect(create_connection(null as unknown as { port: number })).rejects.toThrow(TypeError);
    await expect(create_connection({ host: 'localhost', port: 70000 })).rejects.toThrow(RangeError);
    await expect(create_connection({ host: '', port: 80 })).rejects.toThrow(TypeError);
    await expect(create_connection({ host: 'localhost', port: 80 }, { timeout: -5 })).rejects.toThrow(RangeError);
    await expect(create_connection({ host: 'localhost', port: 80 }, { signal: AbortSignal.abort() }))
      .rejects.toMatchObject({ name: 'AbortError' });
  });

  // A private network and its own /etc/hosts (a mount namespace): he.test names
  // two local addresses, and nftables makes the first answer's address drop
  // SYNs (a blackhole) or reset them (a refusal).
  test.each([['blackholed', 'drop', true], ['refused', 'reject with tcp reset', false]] as const)(
    'Happy Eyeballs: with the first address %s, the second wins %s', async (_case, verdict, waits) => {
      const result = await runChild(`
        const { execFileSync } = require('node:child_process');
        const fs = require('node:fs');
        const run = (cmd, ...args) => execFileSync(cmd, args, { stdio: 'pipe' });
        run('ip', 'link', 'set', 'lo', 'up');
        run('ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1');
        run('ip', 'link', 'set', 'v0', 'up');
        run('ip', 'addr', 'add', '192.0.2.1/24', 'dev', 'v0');
        const hosts = fs.mkdtempSync('/tmp/bsd-he-') + '/hosts';
        fs.writeFileSync(hosts, '192.0.2.1 he.test\\n127.0.0.1 he.test\\n');
        run('mount', '--bind', hosts, '/etc/hosts');
        (async () => {
          const server = lib.socket(lib.AF_INET, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
          server.bind({ address: '0.0.0.0', port: 0 });
          server.listen();
          const { port } = server.getsockname();
          const order = (await lib.getaddrinfo('he.test', port, lib.AF_INET, lib.SOCK_STREAM)).map((a) => a.address.address);
          run('nft', 'add table ip he');
          run('nft', 'add chain ip he out { type filter hook output priority 0 ; }');
          run('nft', 'add rule ip he out ip daddr ' + order[0] + ' tcp dport ' + port + ' ${verdict}');
          const start = performance.now();
          const sock = await lib.create_connection({ host: 'he.test', port }, { attemptDelay: 300 });
          const ms = performance.now() - start;
          console.log(JSON.stringify({ order, peer: sock.getpeername().address, ms }));
          sock.close();
          server.close();
        })();
      `, { prefix: ['unshare', '--net', '--mount'], timeoutMs: 10000 });
      expect(result.stderr).toBe('');
      const { order, peer, ms } = JSON.parse(result.stdout) as { order: string[]; peer: string; ms: number };
      expect([...order].sort()).toEqual(['127.0.0.1', '192.0.2.1']);
      expect(peer).toBe(order[1]);
      if (waits) {
        // RFC 8305: the next attempt starts after the Connection Attempt Delay.
        expect(ms).toBeGreaterThanOrEqual(299);
        expect(ms).toBeLessThan(300 + 500);
      } else {
        // A failure starts the next attempt at once.
        expect(ms).toBeLessThan(200);
      }
    });
});

describe('create_server', () => {
  test('binds, listens, and sets SO_REUSEADDR; reusePort lets two listen on one port', async () => {
    const a = track(create_server({ host: '127.0.0.1', port: 0 }, { reusePort: true }));
    expect(a.getsockopt(SOL_SOCKET, SO_REUSEADDR)).toBe(true);
    const { port } = a.getsockname() as { port: number };
    const b = track(create_server({ host: '127.0.0.1', port }, { reusePort: true, backlog: 5 }));
    expect(b.getsockopt(SOL_SOCKET, SO_REUSEPORT)).toBe(true);
    const client = track(await create_connection({ host: '127.0.0.1', port }));
    expect(client.getpeername()).toEqual({ family: AF_INET, address: '127.0.0.1', port });
    const wildcard = track(create_server({ port: 0 }));
    expect(wildcard.getsockname()).toMatchObject({ address: '0.0.0.0' });
    const named = track(create_server({ host: 'localhost', port: 0 }));
    expect(named.getsockname()).toMatchObject({ address: '127.0.0.1' });
  });

  test('dualstackIpv6 accepts IPv4 on an AF_INET6 socket; without it, IPv6 only', async () => {
    expect(has_dualstack_ipv6()).toBe(true);
    const dual = track(create_server({ host: '::', port: 0 }, { family: AF_INET6, dualstackIpv6: true }));
    expect(dual.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)).toBe(false);
    const { port } = dual.getsockname() as { port: number };
    const client = track(await create_connection({ host: '127.0.0.1', port }));
    const [conn, peer] = await dual.accept();
    track(conn);
    expect(peer).toMatchObject({ family: AF_INET6, address: '::ffff:127.0.0.1', port: (client.getsockname() as { port: number }).port });
    const only = track(create_server({ host: '::', port: 0 }, { family: AF_INET6 }));
    expect(only.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)).toBe(true);
  });

  test('bad input and a failed bind give typed errors and leave no fd', () => {
    const taken = track(create_server({ host: '127.0.0.1', port: 0 }));
    const before = countFds();
    expect(() => create_server(taken.getsockname() as { address: string; port: number })).toThrow(expect.objectContaining({ code: 'EADDRINUSE' }));
    expect(() => create_server({ port: 0 }, { dualstackIpv6: true })).toThrow(RangeError);
    expect(() => create_server({ port: 0 }, { family: AF_UNIX })).toThrow(RangeError);
    expect(() => create_server({ host: 5 as unknown as string, port: 0 })).toThrow(TypeError);
    expect(countFds()).toBe(before);
  });
});

test('send_fds and recv_fds pass an open file over a Unix socket', async () => {
  const [a, b] = socketpair(AF_UNIX, SOCK_STREAM).map(track);
  const path = `/tmp/bsd-fds-${process.pid}`;
  const fd = openSync(path, 'w+');
  try {
    expect(await send_fds(a, [Buffer.from('one fd')], [fd])).toBe(6);
    const [data, fds, flags, address] = await recv_fds(b, 100, 4);
    expect(data.toString()).toBe('one fd');
    expect(fds).toHaveLength(1);
    expect(flags).toBe(0);
    expect(address).toBeNull();
    expect(fstatSync(fds[0]).ino).toBe(fstatSync(fd).ino);
    writeSync(fds[0], 'through the passed fd');
    closeSync(fds[0]);
    expect(readFileSync(path, 'utf8')).toBe('through the passed fd');
    expect(() => send_fds(a, [], 3 as unknown as number[])).toThrow(TypeError);
    await expect(recv_fds(b, 10, 999)).rejects.toThrow(RangeError);
  } finally {
    closeSync(fd);
    require('node:fs').rmSync(path);
  }
});
