// The Buffers recv and recvfrom return on a non-blocking socket, which are
// cut from one shared receive slab (lib/messages.ts), and the senders
// recvfrom returns, which cross as raw bytes and are decoded only when they
// change (lib/recv_waiter.ts): each Buffer is its own memory, each sender is
// right and a new object, whichever way the call went (data already queued,
// or a wait on the loop).
import {
  AF_INET, AF_INET6, AF_UNIX, MSG_TRUNC, SOCK_DGRAM, SocketClosedError, socket, type Socket,
} from '../lib';
import { loopback, tcpPair, track } from './helpers';

function udp(family: number): Socket {
  const s = track(socket(family, SOCK_DGRAM));
  s.bind({ address: loopback(family), port: 0 });
  s.setblocking(false);
  return s;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** True if two views share any byte of memory. */
function overlap(a: Buffer, b: Buffer): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.length && b.byteOffset < a.byteOffset + a.length;
}

describe('recv on a non-blocking socket', () => {
  test('Buffers of queued and awaited data never share memory, across sockets', async () => {
    const [a, b] = await tcpPair();
    const [c, d] = await tcpPair();
    for (const s of [a, b, c, d]) s.setblocking(false);
    const received: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      // Queued first (the attempt takes it), then awaited (the wait's range
      // is reserved while another socket receives).
      a.sendSync(Buffer.alloc(64, i));
      received.push(await b.recv(64));
      const waiting = b.recv(100);
      const other = d.recv(4096);
      await tick();
      c.sendSync(Buffer.alloc(30, i + 1));
      a.sendSync(Buffer.alloc(50, i + 2));
      received.push(await other, await waiting);
    }
    expect(received.map((r) => r.length)).toEqual(Array.from({ length: 300 }, () => [64, 30, 50]).flat());
    const wrong = received.filter((r, k) => !r.every((x) => x === ((Math.floor(k / 3) + (k % 3)) & 0xff)));
    expect(wrong).toEqual([]);
    const overlapping: Array<[number, number]> = [];
    for (let i = 1; i < received.length; i++) {
      for (let j = Math.max(0, i - 200); j < i; j++) if (overlap(received[i], received[j])) overlapping.push([j, i]);
    }
    expect(overlapping).toEqual([]);
    // Writing one changes no other.
    received[0].fill(0xee);
    expect(received[1][0]).toBe(1);
  });

  test('a second recv waiting at once gets the next data, in order', async () => {
    const [a, b] = await tcpPair();
    a.setblocking(false);
    b.setblocking(false);
    const first = b.recv(64);
    const second = b.recv(64);
    await tick();
    a.sendSync('one');
    await tick();
    a.sendSync('two');
    expect((await first).toString()).toBe('one');
    expect((await second).toString()).toBe('two');
  });

  test('larger than the slab serves, and the end of the stream is an empty Buffer', async () => {
    const [a, b] = await tcpPair();
    b.setblocking(false);
    a.sendallSync(Buffer.alloc(10000, 3));
    let got = 0;
    while (got < 10000) {
      const data = await b.recv(65536);
      expect(data.every((x) => x === 3)).toBe(true);
      got += data.length;
    }
    a.close();
    expect((await b.recv(64)).length).toBe(0);
  });

  test('MSG_TRUNC gives no more bytes than asked for, queued or awaited', async () => {
    const a = udp(AF_INET);
    const b = udp(AF_INET);
    a.sendtoSync(Buffer.alloc(100, 9), b.getsockname());
    const queued = await b.recv(10, MSG_TRUNC);
    const awaited = b.recvfrom(10, MSG_TRUNC);
    await tick();
    a.sendtoSync(Buffer.alloc(100, 8), b.getsockname());
    const [data, from] = await awaited;
    expect([queued.length, queued[0], data.length, data[0]]).toEqual([10, 9, 10, 8]);
    expect(from).toEqual(a.getsockname());
  });

  test('errors are typed and named after the call', async () => {
    const a = udp(AF_INET);
    await expect(a.recv(-1)).rejects.toThrow(RangeError);
    await expect(a.recv(64, 1.5)).rejects.toThrow(RangeError);
    const waiting = a.recvfrom(64);
    await tick();
    a.close();
    await expect(waiting).rejects.toMatchObject({ constructor: SocketClosedError, syscall: 'recvfrom' });
    await expect(a.recvfrom(64)).rejects.toMatchObject({ constructor: SocketClosedError, syscall: 'recvfrom' });
    await expect(a.recv(64)).rejects.toMatchObject({ constructor: SocketClosedError, syscall: 'recv' });
  });

  // The slab is marked untransferable, which keeps postMessage and
  // structuredClone from detaching it, and from Node 24 on
  // ArrayBuffer.prototype.transfer too; on Node 22 transfer() detaches it all
  // the same. A recv waiting in it must then fail, not write.
  test.each([false, true])('the slab detached while a recv waits in it (recvfrom: %s): EFAULT, no stray write', async (from) => {
    const [a, b] = await tcpPair();
    a.setblocking(false);
    b.setblocking(false);
    a.sendSync('first');
    const first = await b.recv(64); // a Buffer of the slab the next recv waits in
    const slab = first.buffer as ArrayBuffer & { transfer?: () => ArrayBuffer; detached?: boolean };
    const waiting = from ? b.recvfrom(64) : b.recv(64);
    await tick();
    try {
      structuredClone(slab, { transfer: [slab] }); // Node 20 copies it, later lines throw
    } catch {
      // DataCloneError
    }
    expect(slab.byteLength).toBeGreaterThan(0);
    let moved: Buffer | null = null;
    try {
      if (slab.transfer !== undefined) moved = Buffer.from(slab.transfer());
    } catch (error) {
      expect((error as Error).name).toBe('TypeError'); // not detachable (another realm's TypeError)
    }
    if (moved === null) {
      // No way to detach it here, so the recv gets its bytes.
      expect(slab.byteLength).toBeGreaterThan(0);
      a.sendSync('second');
      const got = await waiting;
      expect((Array.isArray(got) ? got[0] : got).toString()).toBe('second');
      return;
    }
    expect(slab.detached).toBe(true);
    const second = `second, recvfrom: ${from}`;
    a.sendSync(second);
    await expect(waiting).rejects.toMatchObject({ code: 'EFAULT', syscall: from ? 'recvfrom' : 'recv' });
    expect(moved.includes(second)).toBe(false);
    // The bytes stay queued for a recv into memory that is still there.
    expect((await b.recv(64)).toString()).toBe(second);
  });
});

describe.each([AF_INET, AF_INET6])('recvfrom senders, family %i', (family) => {
  test('senders that repeat and change are each right, each a new object, queued or awaited', async () => {
    const server = udp(family);
    const peers = [udp(family), udp(family), udp(family)];
    const expected: unknown[] = [];
    const got: Array<[Buffer, unknown]> = [];
    for (let i = 0; i < 30; i++) {
      const peer = peers[[0, 0, 1, 1, 1, 2, 0, 0][i % 8]];
      expected.push(peer.getsockname());
      if (i % 4 === 0) {
        const waiting = server.recvfrom(64);
        await tick();
        peer.sendtoSync(Buffer.from([i]), server.getsockname());
        got.push(await waiting);
      } else {
        peer.sendtoSync(Buffer.from([i]), server.getsockname());
        got.push(await server.recvfrom(64));
      }
    }
    expect(got.map(([, from]) => from)).toEqual(expected);
    expect(got.map(([data]) => data[0])).toEqual(Array.from({ length: 30 }, (_, i) => i));
    // A sender changed by the caller is not what the next call returns.
    expect(got[3][1]).not.toBe(got[4][1]);
    (got[29][1] as { port: number }).port = 1;
    peers[2].sendtoSync('x', server.getsockname());
    expect((await server.recvfrom(64))[1]).toEqual(peers[2].getsockname());
  });
});

test('recvfrom on Unix datagram sockets gives the sender path, as off the hot path', async () => {
  const receiver = track(socket(AF_UNIX, SOCK_DGRAM));
  const path = `\0bsd-socket-slab-${process.pid}`;
  receiver.bind({ path });
  receiver.setblocking(false);
  const unnamed = track(socket(AF_UNIX, SOCK_DGRAM));
  unnamed.sendtoSync('one', { path });
  const [data, from] = await receiver.recvfrom(64);
  expect(data.toString()).toBe('one');
  // The same sender through the blocking path (binding.recvfrom's own decode).
  unnamed.sendtoSync('two', { path });
  receiver.setblocking(true);
  const [, again] = await receiver.recvfrom(64);
  expect(from).toEqual(again);
  receiver.setblocking(false);
  const named = track(socket(AF_UNIX, SOCK_DGRAM));
  named.bind({ path: `${path}-sender` });
  const waiting = receiver.recvfrom(64);
  await tick();
  named.sendtoSync('three', { path });
  expect((await waiting)[1]).toEqual({ family: AF_UNIX, path: `${path}-sender` });
});
