// The behaviour a consumer's smoke test asserts, given the loaded package:
// bytes through a socketpair and through a loopback TCP connection.
'use strict';
const assert = require('node:assert/strict');

module.exports = async function echo(lib) {
  const [a, b] = lib.socketpair(lib.AF_UNIX, lib.SOCK_STREAM);
  await a.sendall('through a socketpair');
  assert.equal((await b.recv(64)).toString(), 'through a socketpair');
  a.close();
  b.close();

  const server = lib.socket(lib.AF_INET, lib.SOCK_STREAM);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const client = lib.socket(lib.AF_INET, lib.SOCK_STREAM);
  const [[conn]] = await Promise.all([server.accept(), client.connect(server.getsockname())]);
  const payload = Buffer.alloc(256 * 1024, 'x');
  const [, received] = await Promise.all([client.sendall(payload), (async () => {
    const chunks = [];
    let total = 0;
    while (total < payload.length) {
      const chunk = await conn.recv(65536);
      assert.ok(chunk.length > 0, 'the connection ended early');
      chunks.push(chunk);
      total += chunk.length;
    }
    return Buffer.concat(chunks);
  })()]);
  assert.ok(received.equals(payload), 'the bytes received differ from those sent');
  for (const s of [client, conn, server]) s.close();
  return received.length;
};
