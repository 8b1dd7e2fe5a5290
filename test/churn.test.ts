// Leak and churn: thousands of sockets made and closed, connections opened,
// echoed and closed; the fd count comes back exactly, memory stays bounded.
import {
  AF_INET, AF_INET6, AF_UNIX, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, socket, type Socket,
} from '../lib';
import { countEventFds, openFds } from './helpers';

const CYCLES = 10000;

function rssMiB(): number {
  global.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

test.each([
  ['AF_INET SOCK_STREAM', AF_INET, SOCK_STREAM],
  ['AF_INET SOCK_DGRAM', AF_INET, SOCK_DGRAM],
  ['AF_INET6 SOCK_STREAM', AF_INET6, SOCK_STREAM],
  ['AF_UNIX SOCK_STREAM', AF_UNIX, SOCK_STREAM],
  ['AF_UNIX SOCK_SEQPACKET', AF_UNIX, SOCK_SEQPACKET],
])(`${CYCLES} socket/close cycles, %s: no fd lost`, (_name, family, type) => {
  const before = openFds();
  for (let i = 0; i < CYCLES; i++) socket(family, type).close();
  expect(openFds()).toBe(before);
});

async function echoCycles(listen: () => Socket, connectTo: (server: Socket) => object, blocking: boolean): Promise<void> {
  const server = listen();
  server.setblocking(blocking);
  const target = connectTo(server);
  const message = Buffer.from('churn');
  const reply = Buffer.alloc(message.length);
  for (let i = 0; i < CYCLES; i++) {
    const client = socket(server.family, SOCK_STREAM);
    client.setblocking(blocking);
    const [[conn]] = await Promise.all([server.accept(), client.connect(target as never)]);
    await client.sendall(message);
    let got = 0;
    while (got < message.length) got += await conn.recvInto(reply.subarray(got));
    await conn.sendall(reply);
    got = 0;
    while (got < message.length) got += await client.recvInto(reply.subarray(got));
    client.close();
    conn.close();
  }
  server.close();
}

test(`${CYCLES} TCP connect/accept/echo/close cycles (event loop): fds back to baseline, RSS bounded`, async () => {
  const fdsBefore = openFds();
  const rssBefore = rssMiB();
  await echoCycles(() => {
    const s = socket(AF_INET, SOCK_STREAM);
    s.bind({ address: '127.0.0.1', port: 0 });
    s.listen(512);
    return s;
  }, (server) => server.getsockname(), false);
  expect(openFds()).toBe(fdsBefore);
  expect(rssMiB() - rssBefore).toBeLessThan(64);
}, 120000);

test(`${CYCLES} Unix connect/accept/echo/close cycles (event loop): fds back to baseline, RSS bounded`, async () => {
  const fdsBefore = openFds();
  const rssBefore = rssMiB();
  const path = `\0bsd-socket-churn-${process.pid}`;
  await echoCycles(() => {
    const s = socket(AF_UNIX, SOCK_STREAM);
    s.bind({ path });
    s.listen(512);
    return s;
  }, () => ({ path }), false);
  expect(openFds()).toBe(fdsBefore);
  expect(rssMiB() - rssBefore).toBeLessThan(64);
}, 120000);

async function threadpoolCycles(server: Socket, count: number): Promise<void> {
  const target = server.getsockname();
  for (let i = 0; i < count; i++) {
    const client = socket(AF_INET, SOCK_STREAM);
    const accepting = server.accept(); // waits on a worker: no connection yet
    await client.connect(target);
    const [conn] = await accepting;
    const pending = conn.recv(16); // waits on a worker until the data comes
    await client.sendall('x');
    expect((await pending).toString()).toBe('x');
    client.close();
    conn.close();
  }
}

test('1,000 TCP cycles on blocking sockets (threadpool): fds and wake fds back to baseline', async () => {
  const server = socket(AF_INET, SOCK_STREAM);
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen(512);
  // One cycle first: the process opens an eventfd of its own the first time
  // the threadpool runs here (seen once, never again). A leak of ours would
  // grow with every operation, over 3,000 of them below.
  await threadpoolCycles(server, 1);
  const fdsBefore = openFds();
  const eventFdsBefore = countEventFds();
  await threadpoolCycles(server, 1000);
  expect(countEventFds()).toBe(eventFdsBefore);
  expect(openFds()).toBe(fdsBefore);
  server.close();
}, 120000);
