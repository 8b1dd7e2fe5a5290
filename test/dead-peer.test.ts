// Half-close and reset: EOF after shutdown(SHUT_WR) while the peer can still
// reply; a reset peer is a typed ConnectionResetError; 1,000 sends to a dead
// peer are typed errors, never SIGPIPE.
import {
  BrokenPipeError, ConnectionResetError, SHUT_WR, SOL_SOCKET, SO_LINGER, SocketError,
} from '../lib';
import { rejection, runChild, tcpPair } from './helpers';

test('shutdown(SHUT_WR): the peer reads EOF and can still reply', async () => {
  const [a, b] = await tcpPair();
  await a.sendall('last words');
  a.shutdown(SHUT_WR);
  expect((await b.recv(100)).toString()).toBe('last words');
  expect((await b.recv(100)).length).toBe(0); // EOF
  await b.sendall('reply after EOF');
  expect((await a.recv(100)).toString()).toBe('reply after EOF');
});

test('SO_LINGER {on, 0 s}: close resets, and the peer gets ConnectionResetError on recv and on send', async () => {
  const [a, b] = await tcpPair();
  a.setsockopt(SOL_SOCKET, SO_LINGER, { onoff: true, seconds: 0 });
  a.close();
  const [error] = await rejection(b.recv(10));
  expect(error).toBeInstanceOf(ConnectionResetError);
});

test.each([['blocking', true], ['non-blocking', false]] as const)(
  '1,000 sends to a dead peer (%s): typed BrokenPipeError / ConnectionResetError, never a signal', async (_m, blocking) => {
    const [a, b] = await tcpPair();
    a.setblocking(blocking);
    b.close();
    const codes = new Set<string>();
    let sent = 0;
    for (let i = 0; i < 1000; i++) {
      try {
        await a.send(Buffer.alloc(1024));
        sent++;
      } catch (error) {
        expect(error).toBeInstanceOf(SocketError);
        expect(error instanceof BrokenPipeError || error instanceof ConnectionResetError).toBe(true);
        codes.add((error as SocketError).code);
      }
    }
    // The first sends may still be accepted before the peer's reset arrives.
    expect(sent).toBeLessThan(10);
    expect([...codes].every((c) => c === 'EPIPE' || c === 'ECONNRESET')).toBe(true);
  });

test('no SIGPIPE is raised by 1,000 writes to a dead peer (MSG_NOSIGNAL)', async () => {
  // Node ignores SIGPIPE, so a raised one would pass unseen; a listener makes
  // it visible. Without MSG_NOSIGNAL each failing send would raise one.
  const result = await runChild(`
    let signals = 0;
    process.on('SIGPIPE', () => { signals++; });
    const [a, b] = lib.socketpair();
    b.close();
    const codes = new Set();
    for (let i = 0; i < 1000; i++) { try { a.sendSync('x'); } catch (e) { codes.add(e.code); } }
    setTimeout(() => console.log(JSON.stringify({ signals, codes: [...codes] })), 50);
  `);
  expect(result.signal).toBeNull();
  expect(JSON.parse(result.stdout)).toEqual({ signals: 0, codes: ['EPIPE'] });
});
