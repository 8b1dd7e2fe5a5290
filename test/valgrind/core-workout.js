// The core paths, once each, for valgrind (npm run test:valgrind): sockets of
// every kind, both waiting modes, close during pending calls, messages with
// ancillary data, options, errors. Plain JS on the compiled library, so the
// run needs no compiler under valgrind.
'use strict';
const lib = require('../../dist');

async function main() {
  for (const [family, type] of [[lib.AF_INET, lib.SOCK_STREAM], [lib.AF_INET6, lib.SOCK_DGRAM], [lib.AF_UNIX, lib.SOCK_SEQPACKET]]) {
    lib.socket(family, type).close();
  }
  for (const blocking of [true, false]) {
    const server = lib.socket();
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    server.setblocking(blocking);
    const client = lib.socket();
    client.setblocking(blocking);
    const [[conn, peer]] = await Promise.all([server.accept(), client.connect(server.getsockname())]);
    await client.sendall(Buffer.alloc(300000, 1));
    let got = 0;
    while (got < 300000) got += (await conn.recv(65536)).length;
    const pending = conn.recv(10).catch((e) => e.code);
    await new Promise((r) => setTimeout(r, 20));
    conn.close();
    if ((await pending) !== 'EBADF') throw new Error('close during recv');
    client.setsockopt(lib.SOL_SOCKET, lib.SO_LINGER, { onoff: true, seconds: 0 });
    client.getsockopt(lib.IPPROTO_TCP, lib.TCP_NODELAY);
    void peer;
    client.close();
    server.close();
  }
  const [a, b] = lib.socketpair(lib.AF_UNIX, lib.SOCK_DGRAM);
  const extra = lib.socket();
  b.setsockopt(lib.SOL_SOCKET, lib.SO_PASSCRED, true);
  await a.sendmsg(['x', 'y'], [{ kind: 'rights', fds: [extra.fileno()] }]);
  const m = await b.recvmsg(10, 256, 0, { adoptFds: true });
  for (const s of m.ancillary.flatMap((x) => x.sockets ?? [])) s.close();
  for (const s of [a, b, extra]) s.close();
  const u = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
  u.bind({ address: '127.0.0.1', port: 0 });
  u.setsockopt(lib.IPPROTO_IP, lib.IP_RECVTTL, true);
  await u.sendto('t', u.getsockname());
  await u.recvmsg(10, 256);
  await u.recv(1, 0, { timeout: 5 }).catch(() => undefined);
  const ac = new AbortController();
  const aborted = u.recv(1, 0, { signal: ac.signal }).catch(() => undefined);
  ac.abort();
  await aborted;
  u.close();
  try { lib.socket().connectSync({ address: '127.0.0.1', port: 1 }); } catch { /* refused */ }
  try { lib.socket(9999, 1); } catch { /* EAFNOSUPPORT */ }
  console.log('workout done');
}

main().catch((e) => { console.error(e); process.exit(1); });
