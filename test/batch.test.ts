// recvmmsg/sendmmsg through MessageBatch: many datagrams per call, lengths and
// senders per message, both modes, close while pending, bad input typed.
import {
  AF_INET, AF_INET6, MessageBatch, SOCK_DGRAM, SocketClosedError, socket, type Socket,
} from '../lib';
import { openFds, rejection, sleep, track } from './helpers';

function udp(family = AF_INET): Socket {
  const s = track(socket(family, SOCK_DGRAM));
  s.bind({ address: family === AF_INET ? '127.0.0.1' : '::1', port: 0 });
  return s;
}

describe.each([['blocking', true], ['non-blocking', false]] as const)('%s sockets', (_mode, blocking) => {
  test.each([[AF_INET], [AF_INET6]])('family %i: 20 datagrams of different sizes out in one sendmmsg, in with recvmmsg', async (family) => {
    const rx = udp(family);
    const tx = udp(family);
    rx.setblocking(blocking);
    tx.setblocking(blocking);
    const out = new MessageBatch(20, 100);
    for (let i = 0; i < 20; i++) {
      out.set(i, Buffer.alloc(i + 1, i));
      out.setAddress(i, rx.getsockname(), family);
    }
    expect(await tx.sendmmsg(out, 20)).toBe(20);
    const into = new MessageBatch(32, 100);
    let got = 0;
    const seen: number[] = [];
    while (got < 20) {
      const n = await rx.recvmmsg(into);
      for (let i = 0; i < n; i++) {
        const bytes = into.message(i);
        expect(into.lengths[i]).toBe(bytes.length);
        expect(bytes.every((b) => b === bytes.length - 1)).toBe(true);
        expect(into.address(i)).toEqual(tx.getsockname());
        seen.push(bytes.length);
      }
      got += n;
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  test('a pending recvmmsg waits for the first datagram, and close() ends it', async () => {
    const rx = udp();
    rx.setblocking(blocking);
    const batch = new MessageBatch(8, 64);
    const early = rx.recvmmsg(batch);
    await sleep(20);
    const tx = udp();
    tx.connectSync(rx.getsockname());
    tx.sendSync('first');
    expect(await early).toBe(1);
    expect(batch.message(0).toString()).toBe('first');
    expect(batch.address(0)).toEqual(tx.getsockname());
    const pending = rejection(rx.recvmmsg(batch));
    await sleep(20);
    const closedAt = performance.now();
    rx.close();
    const [error] = await pending;
    expect(error).toBeInstanceOf(SocketClosedError);
    expect(performance.now() - closedAt).toBeLessThan(50);
  });

  test('sendmmsg on a connected socket needs no addresses; Sync forms work alike', async () => {
    const rx = udp();
    const tx = udp();
    tx.connectSync(rx.getsockname());
    tx.setblocking(blocking);
    const out = new MessageBatch(4, 16);
    for (let i = 0; i < 4; i++) out.set(i, `m${i}`);
    expect(tx.sendmmsgSync(out, 3)).toBe(3); // only the first three
    const into = new MessageBatch(4, 16);
    let n = 0;
    while (n < 3) n += rx.recvmmsgSync(into); // rx is blocking: all queued already
    expect([0, 1, 2].map((i) => into.message(i).toString())).toEqual(['m0', 'm1', 'm2']);
  });
});

test('recvmmsg on an empty non-blocking socket: WouldBlock from the Sync form', () => {
  const rx = udp();
  rx.setblocking(false);
  expect(() => rx.recvmmsgSync(new MessageBatch(2, 8))).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
});

test('a datagram longer than its slot is cut to the slot', async () => {
  const rx = udp();
  const tx = udp();
  tx.sendtoSync(Buffer.alloc(50, 1), rx.getsockname());
  const batch = new MessageBatch(2, 10);
  expect(await rx.recvmmsg(batch)).toBe(1);
  expect(batch.message(0).length).toBe(10);
});

test('bad input: typed errors, no crash, no fd leaked', async () => {
  const before = openFds();
  const s = udp();
  const batch = new MessageBatch(2, 8);
  await expect(s.recvmmsg({} as MessageBatch)).rejects.toThrow(TypeError);
  expect(() => s.sendmmsgSync(batch, 3)).toThrow(RangeError);
  expect(() => new MessageBatch(0, 8)).toThrow(RangeError);
  expect(() => new MessageBatch(2000, 8)).toThrow(RangeError);
  expect(() => batch.set(0, Buffer.alloc(9))).toThrow(RangeError);
  expect(() => batch.message(2)).toThrow(RangeError);
  // Lengths are the caller's to write: a wrong one is cut to the slot, never read past it.
  batch.lengths[0] = 1 << 30;
  batch.setAddress(0, s.getsockname(), AF_INET);
  expect(s.sendmmsgSync(batch, 1)).toBe(1);
  expect(s.recvSync(100).length).toBe(8);
  // A batch whose memory was transferred away: EFAULT-typed, no stray write.
  const gone = new MessageBatch(2, 8);
  const block = gone.memory.buffer as ArrayBuffer;
  structuredClone(block, { transfer: [block] });
  expect(() => s.recvmmsgSync(gone)).toThrow();
  s.close();
  await expect(s.recvmmsg(batch)).rejects.toBeInstanceOf(SocketClosedError);
  expect(openFds()).toBe(before);
});
