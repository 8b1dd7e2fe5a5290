// Property tests (fast-check). Every public entry point, given arbitrary and
// hostile arguments, either works or throws a typed error, and leaks no fd;
// random sequences of socket calls agree with a small model of the socket
// state machine. A failure prints its seed and path: pass them back through
// FC_SEED / FC_PATH to replay it.
import fc from 'fast-check';

import {
  AF_INET, AF_UNIX, AbortError, MessageBatch, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM, Socket, SocketClosedError, SocketError, fromFd,
  if_indextoname, if_nametoindex, inet_ntop, inet_pton, internetChecksum, socket, socketpair,
} from '../lib';
import { openFds } from './helpers';

const seed = process.env.FC_SEED === undefined ? Date.now() & 0x7fffffff : Number(process.env.FC_SEED);
const replay = process.env.FC_PATH === undefined ? {} : { path: process.env.FC_PATH };
const settings = { seed, ...replay, numRuns: 150 };

beforeAll(async () => {
  process.stdout.write(`fast-check seed: ${seed} (replay with FC_SEED=${seed})\n`);
  // The process opens an eventfd of its own the first time the threadpool
  // runs here (see churn.test.ts); let that happen before anything counts fds.
  const server = socket();
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const client = socket();
  await Promise.all([server.accept().then(([c]) => c.close()), client.connect(server.getsockname())]);
  for (const s of [server, client]) s.close();
});

/** Values chosen to break argument handling. */
function hostile(onTouch: () => void): fc.Arbitrary<unknown> {
  const detached = (): ArrayBuffer => {
    const b = new ArrayBuffer(8);
    structuredClone(b, { transfer: [b] });
    return b;
  };
  const detachedView = (): Uint8Array => {
    const b = new ArrayBuffer(8);
    const view = new Uint8Array(b);
    structuredClone(b, { transfer: [b] });
    return view;
  };
  return fc.oneof(
    fc.constantFrom(undefined, null, NaN, -0, 0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), Infinity, '', 'x', '127.0.0.1', true, [], {}),
    fc.constantFrom(1n, Symbol('s'), () => 0),
    fc.integer(), fc.double(), fc.string(), fc.uint8Array({ maxLength: 64 }),
    fc.constant(null).map(detachedView),
    fc.constant(null).map(() => detached()),
    fc.constant(null).map(() => ({ get address(): string { throw new Error('getter throws'); }, port: 1 })),
    fc.constant(null).map(() => ({ valueOf(): number { onTouch(); return 1; }, toString(): string { onTouch(); return '1'; } })),
    fc.record({ address: fc.oneof(fc.string(), fc.constant('127.0.0.1')), port: fc.oneof(fc.integer(), fc.double()) }),
    fc.record({ path: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('\0x')) }),
    fc.array(fc.anything(), { maxLength: 3 }),
  );
}

const typed = (error: unknown): boolean => error instanceof TypeError || error instanceof RangeError
  || error instanceof SocketError || error instanceof AbortError;

const methods = [
  'bind', 'listen', 'shutdown', 'getsockname', 'getpeername', 'setsockopt', 'getsockopt', 'setblocking', 'settimeout',
  'acceptSync', 'connectSync', 'sendSync', 'sendallSync', 'sendtoSync', 'recvSync', 'recvIntoSync', 'recvfromSync',
  'recvfromIntoSync', 'sendmsgSync', 'recvmsgSync',
  'accept', 'connect', 'send', 'sendall', 'sendto', 'recv', 'recvInto', 'recvfrom', 'recvfromInto', 'sendmsg', 'recvmsg',
  'recvmmsgSync', 'sendmmsgSync', 'recvmmsg', 'sendmmsg', 'recvEach', 'recvmmsgEach',
] as const;

test('MessageBatch, with hostile arguments: success or a typed error', () => {
  fc.assert(fc.property(
    fc.tuple(hostile(() => undefined), hostile(() => undefined)),
    fc.constantFrom('message', 'set', 'address', 'setAddress', 'recvmmsgSync', 'sendmmsgSync'),
    fc.array(fc.constant(null), { maxLength: 3 }).chain((slots) => fc.tuple(...slots.map(() => hostile(() => undefined)))),
    ([count, size], method, args) => {
      let batch: MessageBatch;
      try {
        batch = new MessageBatch(count as number, size as number);
      } catch (error) {
        if (!typed(error)) throw error;
        batch = new MessageBatch(4, 32);
      }
      const s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK);
      try {
        if (method === 'recvmmsgSync' || method === 'sendmmsgSync') {
          (s as unknown as Record<string, (...a: unknown[]) => unknown>)[method](batch, ...args);
        } else {
          (batch as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
        }
      } catch (error) {
        if (!typed(error)) throw error;
      } finally {
        s.close();
      }
      return true;
    },
  ), settings);
});

test('every Socket method, with hostile arguments: success or a typed error, no fd leaked', async () => {
  const baseline = openFds();
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...methods),
    fc.constantFrom([AF_INET, SOCK_STREAM], [AF_INET, SOCK_DGRAM], [AF_UNIX, SOCK_DGRAM]),
    fc.boolean(),
    fc.array(fc.constant(null), { maxLength: 4 }).chain((slots) => fc.tuple(...slots.map(() => hostile(() => undefined)))),
    async (method, [family, type], blocking, args) => {
      const s = socket(family, type);
      // A hostile valueOf may close the socket in the middle of a call.
      const argsWithClose = args.map((a) => (a !== null && typeof a === 'object' && 'valueOf' in (a as object)
        && !(a instanceof Uint8Array) && !Array.isArray(a) ? { valueOf: () => { s.close(); return 1; } } : a));
      // Blocking with a timeout: a ...Sync call with no limit blocks this
      // thread for ever on an idle socket, exactly as in C.
      if (blocking) s.settimeout(20);
      else s.setblocking(false);
      try {
        const call = (s as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...argsWithClose);
        if (call instanceof Promise) {
          // A call that is still waiting after 20 ms is ended by close().
          const settled = await Promise.race([call.then(() => 'done', (e) => e), new Promise((r) => setTimeout(r, 20, 'waiting'))]);
          if (settled === 'waiting') {
            s.close();
            const error = await call.then(() => undefined, (e) => e);
            if (error !== undefined && !typed(error)) return false;
          } else if (settled !== 'done' && !typed(settled)) {
            return false;
          }
        }
      } catch (error) {
        if (!typed(error)) throw error;
      } finally {
        s.close();
      }
      return true;
    },
  ), settings);
  // Every fd the runs made is closed (async closes have settled by now).
  await new Promise((r) => setTimeout(r, 50));
  expect(openFds()).toBe(baseline);
}, 120000);

test('module functions, with hostile arguments: success or a typed error, no fd leaked', () => {
  const baseline = openFds();
  const functions: Array<(...a: unknown[]) => unknown> = [
    socket as never, socketpair as never, fromFd as never, if_nametoindex as never, if_indextoname as never,
    inet_pton as never, inet_ntop as never, internetChecksum as never,
    (...a) => new Socket(...(a as [number, number, number])),
  ];
  fc.assert(fc.property(
    fc.integer({ min: 0, max: functions.length - 1 }),
    fc.array(fc.constant(null), { maxLength: 3 }).chain((slots) => fc.tuple(...slots.map(() => hostile(() => undefined)))),
    (index, args) => {
      // fromFd with a small number could adopt (and then close) one of jest's own fds.
      if (functions[index] === (fromFd as never) && typeof args[0] === 'number' && args[0] >= 0 && args[0] < 1024) return true;
      try {
        const made = functions[index](...args);
        for (const s of [made].flat()) if (s instanceof Socket) s.close();
      } catch (error) {
        if (!typed(error)) throw error;
      }
      return true;
    },
  ), settings);
  expect(openFds()).toBe(baseline);
});

// --- a model of the socket state machine --------------------------------------

interface Model {
  listener: 'none' | 'open' | 'listening' | 'closed';
  clients: Array<'open' | 'connected' | 'closed'>;
  accepted: Array<'open' | 'closed'>;
  pending: number; // connected clients not yet accepted
}

interface Real {
  listener: Socket;
  address?: { address: string; port: number };
  clients: Socket[];
  accepted: Socket[];
  baseline: number;
}

const openCount = (m: Model): number => (m.listener === 'open' || m.listener === 'listening' ? 1 : 0)
  + m.clients.filter((c) => c !== 'closed').length + m.accepted.filter((a) => a === 'open').length;

type Command = fc.AsyncCommand<Model, Real>;

let executed = 0;
const command = (name: string, check: (m: Model) => boolean, run: (m: Model, r: Real) => Promise<void>): Command => ({
  check,
  run: async (m, r) => {
    executed++;
    await run(m, r);
    // The model predicts the fd count exactly.
    expect([name, openFds() - r.baseline]).toEqual([name, openCount(m)]);
  },
  toString: () => name,
});

const listen = command('listen', (m) => m.listener === 'open', async (m, r) => {
  r.listener.bind({ address: '127.0.0.1', port: 0 });
  r.listener.listen(64);
  r.address = r.listener.getsockname() as { address: string; port: number };
  m.listener = 'listening';
});
const connect = command('connect', (m) => m.listener === 'listening' && m.clients.length < 3, async (m, r) => {
  const c = socket(AF_INET, SOCK_STREAM);
  r.clients.push(c);
  await c.connect(r.address!);
  m.clients.push('connected');
  m.pending++;
});
const accept = command('accept', (m) => m.listener === 'listening' && m.pending > 0, async (m, r) => {
  const [conn] = await r.listener.accept();
  r.accepted.push(conn);
  m.accepted.push('open');
  m.pending--;
});
const echo = (i: number): Command => command(`echo ${i}`, (m) => m.accepted[i] === 'open' && m.clients[i] === 'connected',
  async (_m, r) => {
    await r.clients[i].sendall('model');
    expect((await r.accepted[i].recv(16)).toString()).toBe('model');
  });
// Closing a client before accept() leaves its connection queued: accept()
// still returns it (FIFO, so accepted[k] belongs to clients[k]).
const closeClient = (i: number): Command => command(`close client ${i}`, (m) => m.clients[i] !== undefined && m.clients[i] !== 'closed',
  async (m, r) => {
    r.clients[i].close();
    m.clients[i] = 'closed';
  });
const useClosed = (i: number): Command => command(`use closed client ${i}`, (m) => m.clients[i] === 'closed',
  async (_m, r) => {
    expect(() => r.clients[i].sendSync('x')).toThrow(SocketClosedError);
    await expect(r.clients[i].recv(1)).rejects.toBeInstanceOf(SocketClosedError);
  });
const closeAccepted = (i: number): Command => command(`close accepted ${i}`, (m) => m.accepted[i] === 'open',
  async (m, r) => {
    r.accepted[i].close();
    m.accepted[i] = 'closed';
    if (m.clients[i] === 'connected') {
      // The client sees EOF.
      expect((await r.clients[i].recv(16)).length).toBe(0);
    }
  });
const eofAfterClientClose = (i: number): Command => command(`EOF on accepted ${i}`,
  (m) => m.accepted[i] === 'open' && m.clients[i] === 'closed', async (_m, r) => {
    expect((await r.accepted[i].recv(16)).length).toBe(0);
  });
const gc = command('gc', () => true, async () => {
  global.gc?.();
});

test('random sequences of socket calls agree with the model (fds, data, closed-socket errors)', async () => {
  const indexes = [0, 1, 2];
  // Commands that move the state on are listed more than once, so that most
  // generated steps pass their precondition.
  await fc.assert(fc.asyncProperty(
    fc.commands([
      fc.constant(listen), fc.constant(listen), fc.constant(connect), fc.constant(connect), fc.constant(connect),
      fc.constant(accept), fc.constant(accept), fc.constant(accept), fc.constant(gc),
      ...indexes.flatMap((i) => [fc.constant(echo(i)), fc.constant(echo(i)), fc.constant(closeClient(i)),
        fc.constant(useClosed(i)), fc.constant(closeAccepted(i)), fc.constant(eofAfterClientClose(i))]),
    ], { maxCommands: 40, size: 'max' }),
    async (commands) => {
      const real: Real = { listener: socket(AF_INET, SOCK_STREAM), clients: [], accepted: [], baseline: 0 };
      real.baseline = openFds() - 1;
      const model: Model = { listener: 'open', clients: [], accepted: [], pending: 0 };
      try {
        await fc.asyncModelRun(() => ({ model, real }), commands);
      } finally {
        for (const s of [real.listener, ...real.clients, ...real.accepted]) s?.close();
      }
      expect(openFds()).toBe(real.baseline);
    },
  ), { ...settings, numRuns: 250 });
  // The runs did real work, not only the checks (about 4 steps a run pass
  // their preconditions).
  expect(executed).toBeGreaterThan(600);
  process.stdout.write(`model: ${executed} commands run\n`);
}, 120000);
