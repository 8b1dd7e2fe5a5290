// An echo client written the classic way: socket, connect, send, recv, close.
//
//   node build-ts/examples/echo-client.js [port=7007] [host=127.0.0.1] [message...]
import { AF_INET, AF_INET6, SHUT_WR, SOCK_STREAM, socket } from '../lib';

/** Sends `message`, shuts down the write side, and returns all that came back. */
export async function echoOnce(port: number, host: string, message: Buffer): Promise<Buffer> {
  const client = socket(host.includes(':') ? AF_INET6 : AF_INET, SOCK_STREAM);
  try {
    await client.connect({ address: host, port });
    await client.sendall(message);
    client.shutdown(SHUT_WR);
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = await client.recv(65536);
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } finally {
    client.close();
  }
}

if (require.main === module) {
  const port = Number(process.argv[2] ?? 7007);
  const host = process.argv[3] ?? '127.0.0.1';
  const message = Buffer.from(process.argv.slice(4).join(' ') || 'hello, BSD sockets');
  echoOnce(port, host, message).then((reply) => {
    console.log(`sent ${message.length} bytes, got back ${reply.length}: ${JSON.stringify(reply.toString())}`);
    process.exitCode = reply.equals(message) ? 0 : 1;
  }, (error: Error) => {
    console.error(`echo failed: ${error.message}`);
    process.exitCode = 1;
  });
}
