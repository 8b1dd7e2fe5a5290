// Interop both ways with node:net and node:dgram.
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { once } from 'node:events';

import { AF_INET, AF_INET6, SOCK_DGRAM, SOCK_STREAM, socket } from '../lib';
import { listener, loopback, portOf, track } from './helpers';

describe.each([AF_INET, AF_INET6])('family %i', (family) => {
  test('a bsd-socket client talks to a node:net echo server', async () => {
    const server = net.createServer((c) => c.pipe(c));
    server.listen(0, loopback(family));
    await once(server, 'listening');
    try {
      const client = track(socket(family, SOCK_STREAM));
      await client.connect({ address: loopback(family), port: (server.address() as net.AddressInfo).port });
      const payload = Buffer.alloc(300000, 'z');
      const sending = client.sendall(payload);
      let got = 0;
      while (got < payload.length) got += (await client.recv(65536)).length;
      await sending;
      expect(got).toBe(payload.length);
      client.close();
    } finally {
      server.close();
    }
  });

  test('a node:net client talks to a bsd-socket server', async () => {
    const server = listener(family);
    const port = portOf(server.getsockname());
    const client = net.connect(port, loopback(family));
    const [conn, peer] = await server.accept();
    track(conn);
    expect(peer).toEqual(expect.objectContaining({ address: loopback(family), port: client.localPort }));
    client.write('from node:net');
    expect((await conn.recv(100)).toString()).toBe('from node:net');
    const data = once(client, 'data');
    await conn.sendall('from bsd-socket');
    expect((await data)[0].toString()).toBe('from bsd-socket');
    client.end();
    expect((await conn.recv(100)).length).toBe(0); // EOF from end()
    client.destroy();
  });

  test('datagrams both ways with node:dgram', async () => {
    const node = dgram.createSocket(family === AF_INET ? 'udp4' : 'udp6');
    node.bind(0, loopback(family));
    await once(node, 'listening');
    try {
      const ours = track(socket(family, SOCK_DGRAM));
      ours.bind({ address: loopback(family), port: 0 });
      const message = once(node, 'message');
      await ours.sendto('to dgram', { address: loopback(family), port: node.address().port });
      const [data, rinfo] = await message;
      expect(data.toString()).toBe('to dgram');
      expect(rinfo.port).toBe(portOf(ours.getsockname()));
      node.send('to bsd-socket', portOf(ours.getsockname()), loopback(family));
      const [reply, from] = await ours.recvfrom(100);
      expect(reply.toString()).toBe('to bsd-socket');
      expect(from).toEqual(expect.objectContaining({ port: node.address().port }));
    } finally {
      node.close();
    }
  });
});
