// Name resolution against CPython's socket module on the same machine: the
// same queries must give the same answers, entry for entry, in the same
// order, and the same errors. Only local answers (/etc/hosts, numeric hosts,
// /etc/services): no query leaves the machine.
import { execFileSync } from 'node:child_process';

import {
  AF_INET, AF_INET6, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV, AI_PASSIVE, AI_V4MAPPED, EAI_BADFLAGS,
  EAI_NONAME, GaiError, IPPROTO_UDP, NI_DGRAM, NI_NAMEREQD, NI_NUMERICHOST, NI_NUMERICSERV, SOCK_DGRAM, SOCK_STREAM,
  SocketError, getaddrinfo, getaddrinfoSync, gethostname, getnameinfo, getnameinfoSync, getservbyname, getservbyport,
  inet_aton, inet_ntoa, socket, type AddrInfo, type SocketAddress,
} from '../lib';
import { track } from './helpers';

type Query = [string | null, string | number | null, number, number, number, number];

const QUERIES: Query[] = [
  ['localhost', 80, 0, 0, 0, 0],
  ['localhost', 'http', AF_INET, SOCK_STREAM, 0, 0],
  ['localhost', null, AF_INET, 0, 0, AI_CANONNAME],
  ['127.0.0.1', 'domain', 0, SOCK_DGRAM, 0, 0],
  ['127.0.0.1', 0, AF_INET, SOCK_DGRAM, IPPROTO_UDP, AI_NUMERICHOST],
  ['::1', 443, AF_INET6, 0, 0, 0],
  ['fe80::1%1', 9, AF_INET6, SOCK_STREAM, 0, AI_NUMERICHOST],
  [null, 8080, AF_INET, SOCK_STREAM, 0, AI_PASSIVE],
  [null, 8080, 0, SOCK_DGRAM, 0, AI_PASSIVE],
  [null, 'ssh', 0, SOCK_STREAM, 0, 0],
  ['127.0.0.1', 80, AF_INET6, 0, 0, AI_NUMERICHOST | AI_V4MAPPED],
  ['127.0.0.1', '80', 0, 0, 0, AI_NUMERICSERV],
  // Errors, answered locally: a name where a number must be, nothing to look up, bad flags.
  ['localhost', 80, 0, 0, 0, AI_NUMERICHOST],
  ['127.0.0.1', 'http', 0, 0, 0, AI_NUMERICSERV],
  ['127.0.0.1', 'no-such-service-here', 0, SOCK_STREAM, 0, 0],
  [null, null, 0, 0, 0, 0],
  ['127.0.0.1', 80, 0, 0, 0, 0x40000],
  ['127.0.0.1', 80, 12345, 0, 0, 0],
];

/** What Python's socket.getaddrinfo answers: the 5-tuples, or the gaierror's errno. */
function pythonAnswers(queries: Query[]): unknown[] {
  const script = `
import json, socket, sys
out = []
for host, port, family, type_, proto, flags in json.load(sys.stdin):
    try:
        out.append([[f, t, p, c, list(a)] for f, t, p, c, a in socket.getaddrinfo(host, port, family, type_, proto, flags)])
    except socket.gaierror as e:
        out.append({'gai': e.errno})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(queries) }).toString()) as unknown[];
}

/** Ours, in Python's shape. */
function asPython(entries: AddrInfo[]): unknown[] {
  return entries.map(({ family, type, protocol, canonname, address }) => {
    const a = address as { address: string; port: number; flowinfo?: number; scopeId?: number };
    const sockaddr = family === AF_INET6 ? [a.address, a.port, a.flowinfo, a.scopeId] : [a.address, a.port];
    return [family, type, protocol, canonname, sockaddr];
  });
}

async function ours(query: Query): Promise<unknown> {
  try {
    return asPython(await getaddrinfo(...query));
  } catch (error) {
    if (!(error instanceof GaiError)) throw error;
    return { gai: error.errno };
  }
}

test('getaddrinfo answers as CPython does, entry for entry and in order, errors included', async () => {
  const expected = pythonAnswers(QUERIES);
  const got = [];
  for (const query of QUERIES) got.push(await ours(query));
  expect(got).toEqual(expected);
  // The queries reach every kind of answer they were chosen for.
  expect(expected.filter((a) => Array.isArray(a) && a.length > 0).length).toBeGreaterThanOrEqual(10);
  expect(expected.filter((a) => !Array.isArray(a)).length).toBeGreaterThanOrEqual(4);
});

test('getaddrinfoSync gives what getaddrinfo gives', async () => {
  for (const query of QUERIES.slice(0, 8)) {
    expect(asPython(getaddrinfoSync(...query))).toEqual(await ours(query));
  }
});

test('a GaiError names its code, value, host and the resolver\'s message', async () => {
  const error = await getaddrinfo('localhost', 80, 0, 0, 0, AI_NUMERICHOST).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GaiError);
  expect(error).toBeInstanceOf(SocketError);
  expect(error).toMatchObject({ code: 'EAI_NONAME', errno: EAI_NONAME, syscall: 'getaddrinfo', hostname: 'localhost' });
  expect((error as Error).message).toMatch(/^getaddrinfo EAI_NONAME localhost: \S/);
  expect(() => getaddrinfoSync('127.0.0.1', 80, 0, 0, 0, 0x40000)).toThrow(expect.objectContaining({ code: 'EAI_BADFLAGS', errno: EAI_BADFLAGS }));
});

test('an address from getaddrinfo connects as it is', async () => {
  const server = track(socket(AF_INET, SOCK_STREAM));
  server.bind({ address: '127.0.0.1', port: 0 });
  server.listen();
  const { port } = server.getsockname() as { port: number };
  const [first] = await getaddrinfo('localhost', port, AF_INET, SOCK_STREAM);
  const client = track(socket(first.family, first.type, first.protocol));
  await client.connect(first.address);
  track((await server.accept())[0]);
  expect(client.getpeername()).toEqual(first.address);
});

test('getnameinfo, gethostname, getservbyname, getservbyport, inet_aton and inet_ntoa answer as CPython does', async () => {
  const python = JSON.parse(execFileSync('python3', ['-c', `
import json, socket
print(json.dumps([
  socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
  socket.getnameinfo(('127.0.0.1', 53), socket.NI_NUMERICHOST | socket.NI_DGRAM),
  socket.getnameinfo(('127.0.0.1', 22), 0),
  socket.getnameinfo(('::1', 443, 0, 0), socket.NI_NUMERICHOST),
  socket.gethostname(),
  socket.getservbyname('http', 'tcp'), socket.getservbyname('domain'), socket.getservbyport(443),
  socket.getservbyport(53, 'udp'),
  list(socket.inet_aton('127.1')), list(socket.inet_aton('0x7f.0.0.1')), socket.inet_ntoa(bytes([10, 0, 0, 255])),
]))`]).toString()) as unknown[];
  const [, , , , hostname, http, domain, https, dns, aton1, aton2, ntoa] = python;
  expect(await getnameinfo({ address: '127.0.0.1', port: 80 }, NI_NUMERICHOST | NI_NUMERICSERV)).toEqual(python[0]);
  expect(await getnameinfo({ address: '127.0.0.1', port: 53 }, NI_NUMERICHOST | NI_DGRAM)).toEqual(python[1]);
  expect(getnameinfoSync({ address: '127.0.0.1', port: 22 })).toEqual(python[2]);
  expect(await getnameinfo({ address: '::1', port: 443 }, NI_NUMERICHOST)).toEqual(python[3]);
  expect(gethostname()).toBe(hostname);
  expect([getservbyname('http', 'tcp'), getservbyname('domain'), getservbyport(443), getservbyport(53, 'udp')])
    .toEqual([http, domain, https, dns]);
  expect([...inet_aton('127.1')]).toEqual(aton1);
  expect([...inet_aton('0x7f.0.0.1')]).toEqual(aton2);
  expect(inet_ntoa(Buffer.from([10, 0, 0, 255]))).toBe(ntoa);
});

test('not found and bad input give typed errors', async () => {
  expect(() => getservbyname('no-such-service-here')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  expect(() => getservbyport(1, 'no-such-proto')).toThrow(SocketError);
  expect(() => getservbyport(70000)).toThrow(RangeError);
  expect(() => inet_aton('1.2.3.4.5')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
  expect(() => inet_aton('1.2.3.4\0')).toThrow(SocketError);
  expect(() => inet_aton(3 as unknown as string)).toThrow(TypeError);
  expect(() => inet_ntoa(Buffer.alloc(5))).toThrow(TypeError);
  await expect(getaddrinfo(42 as unknown as string, 80)).rejects.toThrow(TypeError);
  await expect(getaddrinfo('localhost', -1)).rejects.toThrow(RangeError);
  await expect(getaddrinfo('localhost', {} as unknown as string)).rejects.toThrow(TypeError);
  await expect(getaddrinfo('local\0host', 80)).rejects.toThrow(TypeError);
  await expect(getaddrinfo('localhost', 80, 0, 0, 0, 0, { timeout: -1 })).rejects.toThrow(RangeError);
  await expect(getnameinfo({ address: 'not an address', port: 1 } as SocketAddress, NI_NAMEREQD)).rejects.toThrow();
  expect(() => getaddrinfoSync('localhost', 80, 1.5)).toThrow(RangeError);
});

test('an abort ends the wait for the resolver at once', async () => {
  const controller = new AbortController();
  const pending = getaddrinfo('localhost', 80, 0, 0, 0, 0, { signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  const aborted = AbortSignal.abort();
  await expect(getaddrinfo('localhost', 80, 0, 0, 0, 0, { signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
});
