// TCP over IPv4 and IPv6: the classic flow with the Promise forms in both
// modes, and with the ...Sync forms.
import {
  AF_INET, AF_INET6, MSG_PEEK, MSG_WAITALL, SHUT_WR, SOCK_STREAM, Socket, SocketClosedError, socket,
} from '../lib';
import { listener, loopback, tcpPair, track } from './helpers';

const modes = [
  ['blocking (threadpool)', true],
  ['non-blocking (event loop)', false],
] as const;

describe.each([AF_INET, AF_INET6])('TCP, family %i', (family) => {
  describe.each(modes)('Promise forms, %s', (_name, blocking) => {
    function setMode(...socks: Socket[]): void {
      for (const s of socks) s.setblocking(blocking);
    }

    test('accept, connect, send, recv, sendall, shutdown, close', async () => {
      const server = listener(family);
      setMode(server);
      const client = track(socket(family, SOCK_STREAM));
      setMode(client);
      const accepting = server.accept();
      await client.connect(server.getsockname() as { address: string; port: number });
      const [conn, peer] = await accepting;
      track(conn);
      expect(conn.getblocking()).toBe(blocking);
      expect(peer).toEqual(expect.objectContaining({ family, address: loopback(family), port: expect.any(Number) }));
      expect(client.getsockname()).toEqual(expect.objectContaining({ port: (peer as { port: number }).port }));
      expect(client.getpeername()).toEqual(server.getsockname());

      // A recv pending before the data arrives.
      const pending = conn.recv(64);
      await new Promise((r) => setTimeout(r, 10));
      expect(await client.send('ping')).toBe(4);
      expect((await pending).toString()).toBe('ping');

      // A pattern, not a fill: a part sent twice or skipped would show.
      const big = Buffer.alloc(4 << 20);
      for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);
      const sending = client.sendall(big);
      const received: Buffer[] = [];
      let total = 0;
      while (total < big.length) {
        const chunk = await conn.recv(1 << 16);
        expect(chunk.length).toBeGreaterThan(0);
        received.push(chunk);
        total += chunk.length;
      }
      await sending;
      expect(Buffer.concat(received).equals(big)).toBe(true);

      client.shutdown(SHUT_WR);
      expect((await conn.recv(10)).length).toBe(0);
      await conn.sendall('bye');
      expect((await client.recv(10)).toString()).toBe('bye');
    });

    test('recvInto writes in place; MSG_PEEK and MSG_WAITALL pass through', async () => {
      const [a, b] = await tcpPair(family);
      setMode(a, b);
      await a.sendall('abcdef');
      const peek = await b.recv(3, MSG_PEEK);
      expect(peek.toString()).toBe('abc');
      const target = new Uint8Array(10);
      const n = await b.recvInto(target.subarray(2), 3);
      expect(n).toBe(3);
      expect(Buffer.from(target.subarray(2, 5)).toString()).toBe('abc');
      const rest = await b.recv(3);
      expect(rest.toString()).toBe('def');
      if (blocking) {
        // MSG_WAITALL on a blocking socket waits for the whole buffer.
        const whole = b.recv(6, MSG_WAITALL);
        await a.sendall('12');
        await new Promise((r) => setTimeout(r, 20));
        await a.sendall('3456');
        expect((await whole).toString()).toBe('123456');
      }
    });
  });

  test('non-blocking: recvs waiting at once are served in the order made; close rejects those left', async () => {
    // The first waits through the socket's waiter (lib/recv_waiter.ts), the
    // others on promises of their own: one queue, in order, all the same.
    const [a, b] = await tcpPair(family);
    a.setblocking(false);
    b.setblocking(false);
    const first = b.recv(10);
    const second = b.recv(10);
    const third = b.recv(10);
    await a.sendall('one');
    expect((await first).toString()).toBe('one');
    await a.sendall('two');
    expect((await second).toString()).toBe('two');
    const fourth = b.recv(10);
    b.close();
    await expect(third).rejects.toBeInstanceOf(SocketClosedError);
    await expect(fourth).rejects.toBeInstanceOf(SocketClosedError);
  });

  test('...Sync forms block the thread as in C', async () => {
    const server = listener(family);
    const client = track(socket(family, SOCK_STREAM));
    client.connectSync(server.getsockname() as { address: string; port: number });
    const [conn] = server.acceptSync();
    track(conn);
    expect(client.sendSync('hello')).toBe(5);
    expect(conn.recvSync(5).toString()).toBe('hello');
    conn.sendallSync(Buffer.alloc(100000, 1));
    let got = 0;
    while (got < 100000) got += client.recvSync(65536).length;
    expect(got).toBe(100000);
    const into = Buffer.alloc(4);
    client.sendSync('wxyz');
    expect(conn.recvIntoSync(into)).toBe(4);
    expect(into.toString()).toBe('wxyz');
  });
});
