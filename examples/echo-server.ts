// An echo server written the classic way: socket, bind, listen, accept, then
// recv and sendall until the peer shuts down, then close.
//
//   node build-ts/examples/echo-server.js [port=7007] [host=127.0.0.1]
import { AF_INET, AF_INET6, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, SocketClosedError, socket, type Socket } from '../lib';

export interface EchoServer {
  /** The address it listens on (port 0 in: the port the kernel chose out). */
  address: { address: string; port: number };
  /** Bytes echoed so far, over all connections. */
  echoed(): number;
  /** Stops accepting and closes every open connection (their pending calls end at once). */
  close(): void;
  /** Settles when the server has stopped. */
  done: Promise<void>;
}

async function echo(conn: Socket, count: (n: number) => void): Promise<void> {
  try {
    for (;;) {
      const data = await conn.recv(65536);
      if (data.length === 0) return; // the client shut down its side
      await conn.sendall(data);
      count(data.length);
    }
  } finally {
    conn.close();
  }
}

export function startEchoServer(port = 0, host = '127.0.0.1'): EchoServer {
  const server = socket(host.includes(':') ? AF_INET6 : AF_INET, SOCK_STREAM);
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind({ address: host, port });
  server.listen();
  let echoed = 0;
  const connections = new Set<Promise<void>>();
  const open = new Set<Socket>();
  const done = (async () => {
    try {
      for (;;) {
        const [conn] = await server.accept();
        open.add(conn);
        const task = echo(conn, (n) => { echoed += n; }).catch(() => undefined);
        connections.add(task);
        void task.then(() => {
          connections.delete(task);
          open.delete(conn);
        });
      }
    } catch (error) {
      if (!(error instanceof SocketClosedError)) throw error; // close() ends the loop
    }
    await Promise.all(connections);
  })();
  return {
    address: server.getsockname() as { address: string; port: number },
    echoed: () => echoed,
    close: () => {
      server.close();
      for (const conn of open) conn.close();
    },
    done,
  };
}

if (require.main === module) {
  const server = startEchoServer(Number(process.argv[2] ?? 7007), process.argv[3] ?? '127.0.0.1');
  console.log(`echo server listening on ${server.address.address}:${server.address.port}`);
  process.once('SIGINT', () => server.close());
  process.once('SIGTERM', () => server.close());
  void server.done.then(() => console.log(`stopped after echoing ${server.echoed()} bytes`));
}
