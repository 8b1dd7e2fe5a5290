// `npm start`: the echo example end to end on loopback. A bsd-socket server,
// a bsd-socket client and a node:net client; prints what crossed the wire.
// Then a short tour of the package's command (command-tour.ts).
import * as net from 'node:net';

import { tourOfTheCommand } from './command-tour';
import { echoOnce } from './echo-client';
import { startEchoServer } from './echo-server';

async function viaNodeNet(port: number, host: string, message: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const c = net.connect(port, host, () => c.end(message));
    c.on('data', (d) => chunks.push(d));
    c.on('end', () => resolve(Buffer.concat(chunks)));
    c.on('error', reject);
  });
}

async function main(): Promise<void> {
  const server = startEchoServer(0, '127.0.0.1');
  const { address, port } = server.address;
  console.log(`server: socket, bind, listen on ${address}:${port}`);
  const messages: Array<[string, (m: Buffer) => Promise<Buffer>]> = [
    ['bsd-socket client', (m) => echoOnce(port, address, m)],
    ['node:net client  ', (m) => viaNodeNet(port, address, m)],
  ];
  let ok = true;
  for (const [who, send] of messages) {
    const message = Buffer.from(`hello from the ${who.trim()}`);
    const reply = await send(message);
    ok &&= reply.equals(message);
    console.log(`${who} -> ${JSON.stringify(message.toString())} (${message.length} B)`);
    console.log(`${who} <- ${JSON.stringify(reply.toString())} (${reply.length} B)${reply.equals(message) ? '' : '  MISMATCH'}`);
  }
  const big = Buffer.alloc(1 << 20, 'x');
  const reply = await echoOnce(port, address, big);
  ok &&= reply.equals(big);
  console.log(`bsd-socket client -> 1 MiB, <- ${reply.length} B, ${reply.equals(big) ? 'byte-exact' : 'MISMATCH'}`);
  server.close();
  await server.done;
  console.log(`server: closed after echoing ${server.echoed()} bytes`);
  ok = (await tourOfTheCommand()) && ok;
  if (!ok) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
