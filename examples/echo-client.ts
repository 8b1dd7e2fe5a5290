// An echo client written the classic way: socket, connect, send, recv, close.
//
//   node build-ts/examples/echo-client.js [port=7007] [host=127.0.0.1] [message...]
import { AF_INET, AF_INET6, SHUT_WR, SOCK_STREAM, socket } from '../lib';

/**
 * Sends `message`, shuts down the write side, and returns all that came back.
 * It receives while it sends: the server writes back as it reads, so a client
 * that sent everything first would stall, both ends blocked in send, once the
 * bytes in flight fill the four socket buffers between them (a few MiB, less
 * when losses keep TCP's windows small).
 */
export async function echoOnce(port: number, host: string, message: Buffer): Promise<Buffer> {
  const client = socket(host.includes(':') ? AF_INET6 : AF_INET, SOCK_STREAM);
  try {
    await client.connect({ address: host, port });
    const sent = client.sendall(message).then(() => client.shutdown(SHUT_WR));
    sent.catch(() => undefined); // awaited below; if recv fails first, close() ends it
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = await client.recv(65536);
      if (chunk.length === 0) break;
      chunks.push(chunk);
    }
    await sent;
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
