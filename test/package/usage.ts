// TypeScript consumer code, type-checked strictly against the installed
// package in every module resolution mode (scripts/test-package.sh), then
// compiled and run: as CommonJS (usage.ts) and as an ES module (usage.mts,
// a copy).
import {
  AF_INET, ConnectionRefusedError, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, Socket, constants, socket, socketpair,
  type Inet4Address, type SocketAddress,
} from 'bsd-socket';

export async function echo(text: string): Promise<string> {
  const [a, b]: [Socket, Socket] = socketpair();
  try {
    await a.sendall(text);
    const received: Buffer = await b.recv(64);
    return received.toString();
  } finally {
    a.close();
    b.close();
  }
}

/** Connecting to a port nothing listens on raises the typed error. */
export async function refused(): Promise<boolean> {
  const probe = socket(constants.AF_INET, SOCK_STREAM);
  probe.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  probe.bind({ address: '127.0.0.1', port: 0 });
  const where: SocketAddress = probe.getsockname();
  probe.close();
  const client = socket(AF_INET, SOCK_STREAM);
  try {
    await client.connect(where as Inet4Address);
    return false;
  } catch (error) {
    return error instanceof ConnectionRefusedError && error.code === 'ECONNREFUSED';
  } finally {
    client.close();
  }
}

/** Never called: if the package's types were `any`, these lines would compile and tsc would fail. */
export function typesAreChecked(sock: Socket): void {
  // @ts-expect-error socket() takes numbers, not names
  socket('AF_INET');
  // @ts-expect-error recv() resolves to a Buffer, not a string
  const text: Promise<string> = sock.recv(1);
  void text;
}

async function main(): Promise<void> {
  const echoed = await echo('typed');
  if (echoed !== 'typed') throw new Error(`echoed ${JSON.stringify(echoed)}`);
  if (!(await refused())) throw new Error('no ConnectionRefusedError');
  console.log(`ts ok: ${process.version}, echoed ${JSON.stringify(echoed)}, ConnectionRefusedError typed`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
