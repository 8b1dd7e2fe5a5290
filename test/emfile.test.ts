// Out of fds (a low RLIMIT_NOFILE): socket() and accept() raise a typed
// EMFILE error, nothing crashes, and the server recovers once fds are freed.
import { runChild } from './helpers';

test('EMFILE under ulimit -n 64: typed errors, then recovery', async () => {
  const result = await runChild(`
    const server = lib.socket();
    server.bind({ address: '127.0.0.1', port: 0 });
    server.listen();
    server.setblocking(false);
    const hog = [];
    let socketError;
    for (;;) {
      try { hog.push(lib.socket(lib.AF_INET, lib.SOCK_DGRAM)); }
      catch (e) { socketError = { name: e.name, code: e.code, syscall: e.syscall }; break; }
    }
    // A client needs an fd too: free one for it, then connect (it queues in
    // the backlog). Non-blocking, it needs no other fd; a blocking socket's
    // pending Promise call would also hold a wake-up eventfd.
    // Node itself may take an fd meanwhile (its own threads open files), so
    // free two, then hog again whatever the client left.
    hog.pop().close();
    hog.pop().close();
    const client = lib.socket(lib.AF_INET, lib.SOCK_STREAM | lib.SOCK_NONBLOCK);
    for (;;) {
      try { hog.push(lib.socket(lib.AF_INET, lib.SOCK_DGRAM)); } catch { break; }
    }
    (async () => {
      await client.connect(server.getsockname());
      let acceptError;
      try { await server.accept(); } catch (e) { acceptError = { name: e.name, code: e.code, syscall: e.syscall }; }
      // Free fds: the queued connection is accepted and works.
      for (const s of hog.splice(0, 10)) s.close();
      const [conn] = await server.accept();
      await client.sendall('recovered');
      const got = (await conn.recv(20)).toString();
      for (const s of [...hog, client, conn, server]) s.close();
      console.log(JSON.stringify({ socketError, acceptError, got, hogged: hog.length }));
    })();
  `, { prefix: ['prlimit', '--nofile=64:64'] });
  expect(result.stderr).toBe('');
  const out = JSON.parse(result.stdout);
  expect(out.socketError).toEqual({ name: 'SocketError', code: 'EMFILE', syscall: 'socket' });
  expect(out.acceptError).toEqual({ name: 'SocketError', code: 'EMFILE', syscall: 'accept' });
  expect(out.got).toBe('recovered');
});
