// UDP over IPv4 and IPv6: sendto/recvfrom, connected datagram sockets, and
// dissolving the association with AF_UNSPEC.
import { AF_INET, AF_INET6, AF_UNSPEC, MSG_TRUNC, SOCK_DGRAM, socket } from '../lib';
import { loopback, track } from './helpers';

function udp(family: number): ReturnType<typeof socket> {
  const s = track(socket(family, SOCK_DGRAM));
  s.bind({ address: loopback(family), port: 0 });
  return s;
}

describe.each([AF_INET, AF_INET6])('UDP, family %i', (family) => {
  test.each([['blocking', true], ['non-blocking', false]] as const)(
    'sendto / recvfrom round trip, %s', async (_name, blocking) => {
      const a = udp(family);
      const b = udp(family);
      a.setblocking(blocking);
      b.setblocking(blocking);
      const pending = b.recvfrom(100);
      expect(await a.sendto('one', b.getsockname())).toBe(3);
      const [data, from] = await pending;
      expect(data.toString()).toBe('one');
      expect(from).toEqual(a.getsockname());
      // What recvfrom returns is an address sendto takes.
      await b.sendto('two', from);
      const [reply, replyFrom] = await a.recvfrom(100);
      expect(reply.toString()).toBe('two');
      expect(replyFrom).toEqual(b.getsockname());
    });

  test('Sync forms, and recvfromInto', () => {
    const a = udp(family);
    const b = udp(family);
    a.sendtoSync(Buffer.from([1, 2, 3]), b.getsockname());
    const into = new Uint8Array(8);
    const [n, from] = b.recvfromIntoSync(into);
    expect(n).toBe(3);
    expect(Array.from(into.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(from).toEqual(a.getsockname());
  });

  test('connect sets the default peer; AF_UNSPEC dissolves it', async () => {
    const a = udp(family);
    const b = udp(family);
    await a.connect(b.getsockname());
    expect(a.getpeername()).toEqual(b.getsockname());
    await a.send('via connect');
    expect((await b.recv(100)).toString()).toBe('via connect');
    a.connectSync({ family: AF_UNSPEC });
    expect(() => a.getpeername()).toThrow(expect.objectContaining({ code: 'ENOTCONN' }));
  });

  test('a datagram larger than the buffer is truncated; MSG_TRUNC gives its real length', () => {
    const a = udp(family);
    const b = udp(family);
    a.sendtoSync(Buffer.alloc(100, 9), b.getsockname());
    const into = Buffer.alloc(10);
    expect(b.recvIntoSync(into, 10, MSG_TRUNC)).toBe(100);
    a.sendtoSync(Buffer.alloc(100, 9), b.getsockname());
    expect(b.recvSync(10).length).toBe(10);
  });

  test('an empty datagram is a datagram', async () => {
    const a = udp(family);
    const b = udp(family);
    await a.sendto(Buffer.alloc(0), b.getsockname());
    const [data, from] = await b.recvfrom(10);
    expect(data.length).toBe(0);
    expect(from).toEqual(a.getsockname());
  });
});
