// recvEach and recvmmsgEach: the callback forms of recv / recvfrom and of
// recvmmsg, drained natively on each readable event. Order and lengths,
// senders, a stream's end, stop and close from inside the callback (no recv
// on the fd afterwards), errors, budgets, and keep-alive.
import {
  AF_INET, ConnectionRefusedError, MessageBatch, MSG_PEEK, Receiver, SOCK_DGRAM, SOCK_NONBLOCK, SocketClosedError, SocketError,
  socket, type Socket, type SocketAddress,
} from '../lib';
import { runChild, tcpPair, track } from './helpers';

function udp(): Socket {
  const s = track(socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK));
  s.bind({ address: '127.0.0.1', port: 0 });
  return s;
}

const nextTick = (): Promise<void> => new Promise((r) => process.nextTick(r));
const until = async (done: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

test('datagrams arrive in order, one callback each, with their lengths and senders', async () => {
  const [a, b] = [udp(), udp()];
  const buffer = Buffer.alloc(64);
  const got: Array<[string, SocketAddress | null]> = [];
  const receiver = a.recvEach(buffer, (n) => { got.push([buffer.toString('utf8', 0, n), receiver.from()]); }, { from: true });
  const messages = ['one', '', 'three', 'x'.repeat(64)];
  for (const m of messages) b.sendtoSync(m, a.getsockname());
  await until(() => got.length === messages.length);
  expect(got.map(([m]) => m)).toEqual(messages);
  for (const [, from] of got) expect(from).toEqual(b.getsockname());
  expect(receiver.active).toBe(true);
});

test('without `from`, recv(2) is used and from() is null', async () => {
  const [a, b] = [udp(), udp()];
  const lengths: number[] = [];
  const receiver = a.recvEach(Buffer.alloc(8), (n) => lengths.push(n));
  b.sendtoSync('0123456789', a.getsockname()); // truncated to the buffer, as recv truncates
  await until(() => lengths.length === 1);
  expect(lengths).toEqual([8]);
  expect(receiver.from()).toBeNull();
});

test('a stream: chunks, then its end calls onEnd(null) and never onMessage(0)', async () => {
  const [client, server] = await tcpPair();
  server.setblocking(false);
  const buffer = Buffer.alloc(1024);
  let text = '';
  const lengths: number[] = [];
  const ends: Array<Error | null> = [];
  const receiver = server.recvEach(buffer, (n) => {
    lengths.push(n);
    text += buffer.toString('utf8', 0, n);
  }, { onEnd: (e) => ends.push(e) });
  await client.sendall('hello ');
  await client.sendall('world');
  await until(() => text === 'hello world');
  client.close();
  await until(() => ends.length === 1);
  expect(ends).toEqual([null]);
  expect(lengths).not.toContain(0);
  expect(receiver.active).toBe(false);
});

test('stop() from inside the callback: no more callbacks, onEnd(null) on a later tick', async () => {
  const [a, b] = [udp(), udp()];
  let calls = 0;
  const ends: Array<Error | null> = [];
  const receiver = a.recvEach(Buffer.alloc(16), () => {
    calls++;
    receiver.stop();
    expect(ends).toEqual([]); // not from inside stop()
  }, { onEnd: (e) => ends.push(e) });
  for (let i = 0; i < 5; i++) b.sendtoSync('m', a.getsockname());
  await until(() => ends.length === 1);
  await new Promise((r) => setTimeout(r, 20));
  expect([calls, ends]).toEqual([1, [null]]);
  // The other four datagrams are still queued for whoever reads next.
  expect(a.recvSync(16).toString()).toBe('m');
});

// Both kinds: after a close() from inside the callback no receive may reach
// the fd, even once its number is reused.
const receiverKinds: Array<[string, (s: Socket, onCall: () => void, onEnd: (e: Error | null) => void) => Receiver]> = [
  ['recvEach', (s, onCall, onEnd) => s.recvEach(Buffer.alloc(16), onCall, { onEnd })],
  ['recvmmsgEach', (s, onCall, onEnd) => s.recvmmsgEach(new MessageBatch(2, 32), onCall, { onEnd })],
];

test.each(receiverKinds)('close() from inside the %s callback: no receive on the fd afterwards, even once its number is reused',
  async (_, start) => {
    const [a, b] = [udp(), udp()];
    const fd = a.fileno();
    let calls = 0;
    let reused: Socket | undefined;
    const ends: Array<Error | null> = [];
    start(a, () => {
      calls++;
      a.close();
      // The next socket takes the lowest free fd: the one just closed.
      reused = udp();
    }, (e) => ends.push(e));
    for (let i = 0; i < 5; i++) b.sendtoSync('m', a.getsockname());
    await until(() => ends.length === 1);
    expect(reused!.fileno()).toBe(fd);
    b.sendtoSync('for the new socket', reused!.getsockname());
    await new Promise((r) => setTimeout(r, 20));
    expect([calls, ends]).toEqual([1, [null]]);
    expect(reused!.recvSync(64).toString()).toBe('for the new socket');
  });

test('a new receiver may start from inside the old one\'s callback', async () => {
  const [a, b] = [udp(), udp()];
  const seen: string[] = [];
  const buffer = Buffer.alloc(16);
  const first = a.recvEach(buffer, () => {
    seen.push('first');
    first.stop();
    a.recvEach(buffer, () => seen.push('second'));
  });
  for (let i = 0; i < 3; i++) b.sendtoSync('m', a.getsockname());
  await until(() => seen.length === 3);
  expect(seen).toEqual(['first', 'second', 'second']);
});

test('close() ends an idle receiver with onEnd(null), once', async () => {
  const a = udp();
  const ends: Array<Error | null> = [];
  const receiver = a.recvEach(Buffer.alloc(16), () => {}, { onEnd: (e) => ends.push(e) });
  a.close();
  a.close();
  receiver.stop();
  await nextTick();
  await nextTick();
  expect(ends).toEqual([null]);
  expect(receiver.active).toBe(false);
});

test('an ICMP port unreachable on a connected UDP socket ends it with ConnectionRefusedError', async () => {
  const a = udp();
  const closedPort = udp();
  const port = (closedPort.getsockname() as { port: number }).port;
  closedPort.close();
  a.connectSync({ address: '127.0.0.1', port });
  const ends: Array<Error | null> = [];
  const receiver = a.recvEach(Buffer.alloc(16), () => {}, { onEnd: (e) => ends.push(e) });
  a.sendSync('anyone?');
  await until(() => ends.length === 1);
  expect(ends[0]).toBeInstanceOf(ConnectionRefusedError);
  expect(ends[0]).toMatchObject({ code: 'ECONNREFUSED', syscall: 'recv' });
  expect(receiver.active).toBe(false);
});

test('a buffer detached while it receives ends it with EFAULT, never a stray write', async () => {
  const [a, b] = [udp(), udp()];
  const memory = new ArrayBuffer(16);
  const ends: Array<Error | null> = [];
  a.recvEach(new Uint8Array(memory), () => {}, { onEnd: (e) => ends.push(e) });
  structuredClone(memory, { transfer: [memory] });
  b.sendtoSync('m', a.getsockname());
  await until(() => ends.length === 1);
  expect(ends[0]).toBeInstanceOf(SocketError);
  expect((ends[0] as SocketError).code).toBe('EFAULT');
});

test('the budget gives the event loop a turn between drains; nothing is lost', async () => {
  const [a, b] = [udp(), udp()];
  let calls = 0;
  let callsWhenImmediateRan = -1;
  a.recvEach(Buffer.alloc(16), () => {
    if (calls++ === 0) setImmediate(() => { callsWhenImmediateRan = calls; });
  }, { budget: 2 });
  for (let i = 0; i < 10; i++) b.sendtoSync('m', a.getsockname());
  await until(() => calls === 10);
  expect(callsWhenImmediateRan).toBeGreaterThan(0);
  expect(callsWhenImmediateRan).toBeLessThan(10);
});

test('a pending recv() promise is served before the receiver', async () => {
  const [a, b] = [udp(), udp()];
  const pending = a.recv(16);
  const got: number[] = [];
  a.recvEach(Buffer.alloc(16), (n) => got.push(n));
  b.sendtoSync('first', a.getsockname());
  b.sendtoSync('second!', a.getsockname());
  expect((await pending).toString()).toBe('first');
  await until(() => got.length === 1);
  expect(got).toEqual([7]);
});

test('bad arguments and states are typed errors', () => {
  const a = udp();
  const ok = (): void => {};
  expect(() => a.recvEach('text' as never, ok)).toThrow(TypeError);
  expect(() => a.recvEach(Buffer.alloc(4), 'f' as never)).toThrow(TypeError);
  expect(() => a.recvEach(Buffer.alloc(4), ok, { flags: MSG_PEEK })).toThrow(RangeError);
  expect(() => a.recvEach(Buffer.alloc(4), ok, { budget: 0 })).toThrow(RangeError);
  expect(() => a.recvEach(Buffer.alloc(4), ok, { onEnd: 3 as never })).toThrow(TypeError);
  const receiver = a.recvEach(Buffer.alloc(4), ok);
  expect(receiver).toBeInstanceOf(Receiver);
  expect(() => a.recvEach(Buffer.alloc(4), ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
  a.close();
  expect(() => a.recvEach(Buffer.alloc(4), ok)).toThrow(SocketClosedError);
});

test('an exception in onMessage goes to uncaughtException; an error with no onEnd is thrown there too', async () => {
  const result = await runChild(`
    const mk = () => { const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK); s.bind({ address: '127.0.0.1', port: 0 }); return s; };
    const [a, b] = [mk(), mk()];
    const caught = [];
    process.on('uncaughtException', (e) => {
      caught.push(e.message || e.code);
      if (caught.length === 2) { console.log(JSON.stringify(caught)); process.exit(0); }
    });
    a.recvEach(Buffer.alloc(8), () => { throw new Error('from onMessage'); });
    b.sendtoSync('m', a.getsockname());
    const c = mk();
    const gone = mk();
    const port = gone.getsockname().port;
    gone.close();
    c.connectSync({ address: '127.0.0.1', port });
    c.recvEach(Buffer.alloc(8), () => {});
    c.sendSync('anyone?');
  `, { timeoutMs: 10000 });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout).sort()).toEqual(['from onMessage', 'recv ECONNREFUSED']);
});

test('an active receiver keeps the process alive; a stopped one does not', async () => {
  const result = await runChild(`
    const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM | lib.SOCK_NONBLOCK);
    s.bind({ address: '127.0.0.1', port: 0 });
    const r = s.recvEach(Buffer.alloc(8), () => {});
    // An unref'd timer: only the receiver can keep the process here for it.
    setTimeout(() => { console.log('still alive'); r.stop(); }, 300).unref();
  `, { timeoutMs: 10000 });
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe('still alive');
});

describe('recvmmsgEach', () => {
  const burst = (to: Socket, from: Socket, n: number): string[] => {
    const sent = Array.from({ length: n }, (_, i) => `datagram ${i}`);
    for (const m of sent) from.sendtoSync(m, to.getsockname());
    return sent;
  };

  test('a queued burst comes in full batches and one short one, in order, with lengths and senders', async () => {
    const [a, b] = [udp(), udp()];
    const batch = new MessageBatch(16, 32);
    const counts: number[] = [];
    const got: string[] = [];
    const senders: Array<SocketAddress | null> = [];
    let batchesBeforeLoopTurn = -1;
    a.recvmmsgEach(batch, (count) => {
      if (counts.push(count) === 1) setImmediate(() => { batchesBeforeLoopTurn = counts.length; });
      for (let i = 0; i < count; i++) {
        got.push(batch.message(i).toString());
        senders.push(batch.address(i));
      }
    });
    // Sent before the loop turns: all 50 are queued for one readable event.
    const sent = burst(a, b, 50);
    await until(() => got.length === 50);
    expect(counts).toEqual([16, 16, 16, 2]);
    // All four in one readable event: a full batch is not taken for an empty socket.
    expect(batchesBeforeLoopTurn).toBe(4);
    expect(got).toEqual(sent);
    for (const from of senders) expect(from).toEqual(b.getsockname());
  });

  test('the budget caps the messages per readable event, batches included', async () => {
    const [a, b] = [udp(), udp()];
    const batch = new MessageBatch(16, 32);
    const counts: number[] = [];
    let countsWhenImmediateRan = -1;
    a.recvmmsgEach(batch, (count) => {
      if (counts.push(count) === 1) setImmediate(() => { countsWhenImmediateRan = counts.length; });
    }, { budget: 5 });
    burst(a, b, 12);
    await until(() => counts.reduce((x, y) => x + y, 0) === 12);
    expect(counts).toEqual([5, 5, 2]);
    expect(countsWhenImmediateRan).toBeGreaterThan(0);
    expect(countsWhenImmediateRan).toBeLessThan(3);
  });

  test('stop() from inside the callback leaves the rest queued', async () => {
    const [a, b] = [udp(), udp()];
    const batch = new MessageBatch(4, 32);
    const counts: number[] = [];
    const ends: Array<Error | null> = [];
    const receiver = a.recvmmsgEach(batch, (count) => {
      counts.push(count);
      receiver.stop();
    }, { onEnd: (e) => ends.push(e) });
    burst(a, b, 10);
    await until(() => ends.length === 1);
    expect([counts, ends, receiver.active]).toEqual([[4], [null], false]);
    expect(a.recvSync(64).toString()).toBe('datagram 4');
  });

  test('a batch whose memory is detached ends it with EFAULT, never a stray write', async () => {
    const [a, b] = [udp(), udp()];
    const batch = new MessageBatch(4, 32);
    const ends: Array<Error | null> = [];
    let calls = 0;
    a.recvmmsgEach(batch, () => { calls++; }, { onEnd: (e) => ends.push(e) });
    structuredClone(batch.memory.buffer, { transfer: [batch.memory.buffer as ArrayBuffer] });
    burst(a, b, 1);
    await until(() => ends.length === 1);
    expect(calls).toBe(0);
    expect(ends[0]).toMatchObject({ code: 'EFAULT', syscall: 'recvmmsg' });
  });

  test('bad arguments and states are typed errors; one receiver of either kind per socket', () => {
    const a = udp();
    const batch = new MessageBatch(4, 32);
    const ok = (): void => {};
    expect(() => a.recvmmsgEach(Buffer.alloc(64) as never, ok)).toThrow(TypeError);
    expect(() => a.recvmmsgEach(batch, null as never)).toThrow(TypeError);
    expect(() => a.recvmmsgEach(batch, ok, { flags: MSG_PEEK })).toThrow(RangeError);
    expect(() => a.recvmmsgEach(batch, ok, { budget: 1025 })).toThrow(RangeError);
    expect(() => a.recvmmsgEach(batch, ok, null as never)).toThrow(TypeError);
    const receiver = a.recvEach(Buffer.alloc(4), ok);
    expect(() => a.recvmmsgEach(batch, ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    receiver.stop();
    expect(a.recvmmsgEach(batch, ok)).toBeInstanceOf(Receiver);
    expect(() => a.recvEach(Buffer.alloc(4), ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    a.close();
    expect(() => a.recvmmsgEach(batch, ok)).toThrow(SocketClosedError);
  });
});
