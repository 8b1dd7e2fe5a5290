// Link-layer and netlink sockets, and the helpers for building packets.
// AF_PACKET tests run in a network namespace of their own, over a veth pair.
import { readFileSync } from 'node:fs';

import {
  AF_INET, AF_INET6, AF_NETLINK, NETLINK_ROUTE, SOCK_RAW, htonl, htons, if_indextoname, if_nameindex, if_nametoindex,
  inet_ntop, inet_pton, internetChecksum, ntohl, ntohs, socket,
} from '../lib';
import { VETH_PAIR, inNamespace, track } from './helpers';

describe('helpers', () => {
  test('if_nametoindex / if_indextoname / if_nameindex agree with /sys', () => {
    const index = Number(readFileSync('/sys/class/net/lo/ifindex', 'utf8'));
    expect(if_nametoindex('lo')).toBe(index);
    expect(if_indextoname(index)).toBe('lo');
    expect(if_nameindex()).toContainEqual({ index, name: 'lo' });
    expect(() => if_nametoindex('no-such-if0')).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(() => if_indextoname(0x7ffffff0)).toThrow(expect.objectContaining({ code: 'ENXIO' }));
    expect(() => if_nametoindex(5 as never)).toThrow(TypeError);
  });

  test('inet_pton / inet_ntop round-trip and reject bad input', () => {
    expect([...inet_pton(AF_INET, '192.0.2.33')]).toEqual([192, 0, 2, 33]);
    expect(inet_ntop(AF_INET6, inet_pton(AF_INET6, '2001:db8::1'))).toBe('2001:db8::1');
    expect(inet_pton(AF_INET6, '::ffff:1.2.3.4').length).toBe(16);
    expect(() => inet_pton(AF_INET, '1.2.3')).toThrow(TypeError);
    expect(() => inet_ntop(AF_INET, Buffer.alloc(5))).toThrow(RangeError);
  });

  test('byte order', () => {
    expect(htons(0x1234)).toBe(0x3412);
    expect(ntohs(htons(0xbeef))).toBe(0xbeef);
    expect(htonl(0x01020304)).toBe(0x04030201);
    expect(ntohl(htonl(0xdeadbeef))).toBe(0xdeadbeef);
    expect(() => htons(0x10000)).toThrow(RangeError);
  });

  test('internetChecksum follows RFC 1071 (its worked example) and verifies to 0', () => {
    // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2; the checksum is its complement.
    const data = Buffer.from([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]);
    expect(internetChecksum(data)).toBe(~0xddf2 & 0xffff);
    // Split anywhere (even mid-word), the sum is the same.
    expect(internetChecksum(data.subarray(0, 3), data.subarray(3))).toBe(~0xddf2 & 0xffff);
    // An odd length pads with a zero byte.
    expect(internetChecksum(Buffer.from([0xab]))).toBe(~0xab00 & 0xffff);
    // A header with its checksum written in verifies to zero.
    const header = Buffer.from([8, 0, 0, 0, 0x12, 0x34, 0, 1, 1, 2, 3]);
    header.writeUInt16BE(internetChecksum(header), 2);
    expect(internetChecksum(header)).toBe(0);
    // Any view reads as its bytes: a DataView, a wider typed array, an ArrayBuffer.
    const copy = new Uint8Array(data).buffer;
    expect(internetChecksum(new DataView(copy, 2), new Uint16Array(copy, 0, 1))).toBe(~0xddf2 & 0xffff);
    expect(internetChecksum(copy)).toBe(~0xddf2 & 0xffff);
  });
});

describe('AF_PACKET over a veth pair, in a namespace of its own', () => {
  test('SOCK_RAW: a whole Ethernet frame sent on veth0 is captured on veth1, with its link-layer address', async () => {
    const result = await inNamespace(`
      const ETH_P_EXPERIMENTAL = 0x88b5; // IEEE local experimental EtherType
      const veth0 = lib.if_nametoindex('veth0'), veth1 = lib.if_nametoindex('veth1');
      const capture = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, lib.htons(ETH_P_EXPERIMENTAL));
      capture.bind({ ifindex: veth1, protocol: ETH_P_EXPERIMENTAL });
      const sender = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, 0);
      const frame = Buffer.concat([
        Buffer.from([2, 0, 0, 0, 0, 2]), Buffer.from([2, 0, 0, 0, 0, 1]), Buffer.from([0x88, 0xb5]),
        Buffer.from('a frame of our own, padded to the Ethernet minimum....'),
      ]);
      (async () => {
        const pending = capture.recvfrom(2048, 0, { timeout: 2000 });
        sender.sendtoSync(frame, { ifindex: veth0, protocol: ETH_P_EXPERIMENTAL });
        const [got, from] = await pending;
        console.log(JSON.stringify({ same: got.equals(frame), from, veth1, sockname: capture.getsockname() }));
        capture.close(); sender.close();
      })();
    `, VETH_PAIR);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.same).toBe(true);
    expect(out.from).toMatchObject({ ifindex: out.veth1, protocol: 0x88b5, pkttype: 0, hatype: 1, addr: '02:00:00:00:00:01' });
    expect(out.sockname).toMatchObject({ ifindex: out.veth1, protocol: 0x88b5 });
  });

  test('SOCK_DGRAM: the kernel adds and strips the Ethernet header', async () => {
    const result = await inNamespace(`
      const P = 0x88b5;
      const veth0 = lib.if_nametoindex('veth0'), veth1 = lib.if_nametoindex('veth1');
      const capture = lib.socket(lib.AF_PACKET, lib.SOCK_DGRAM, lib.htons(P));
      capture.bind({ ifindex: veth1, protocol: P });
      const sender = lib.socket(lib.AF_PACKET, lib.SOCK_DGRAM, lib.htons(P));
      (async () => {
        const pending = capture.recvfrom(2048, 0, { timeout: 2000 });
        await sender.sendto('payload only', { ifindex: veth0, protocol: P, addr: '02:00:00:00:00:02' });
        const [got, from] = await pending;
        console.log(JSON.stringify({ text: got.subarray(0, 12).toString(), from }));
        capture.close(); sender.close();
      })();
    `, VETH_PAIR);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.text).toBe('payload only');
    expect(out.from).toMatchObject({ protocol: 0x88b5, addr: '02:00:00:00:00:01' });
  });

  test('PACKET_ADD_MEMBERSHIP with PACKET_MR_PROMISC puts the interface in promiscuous mode until close', async () => {
    const result = await inNamespace(`
      // (/sys still shows the outer namespace; ip(8) asks this one.)
      const promiscuity = () => Number(/promiscuity (\\d+)/.exec(execFileSync('ip', ['-d', 'link', 'show', 'veth1']).toString())[1]);
      const s = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, lib.htons(lib.ETH_P_ALL));
      const before = promiscuity();
      s.setsockopt(lib.SOL_PACKET, lib.PACKET_ADD_MEMBERSHIP, { ifindex: lib.if_nametoindex('veth1'), type: lib.PACKET_MR_PROMISC });
      const during = promiscuity();
      s.close();
      const after = promiscuity();
      console.log(JSON.stringify({ before, during, after }));
    `, VETH_PAIR);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ before: 0, during: 1, after: 0 });
  });

  test('bad link-layer addresses are TypeErrors / RangeErrors', async () => {
    const result = await inNamespace(`
      const s = lib.socket(lib.AF_PACKET, lib.SOCK_DGRAM, 0);
      const out = [];
      for (const addr of [{ ifindex: -1 }, { ifindex: 1, addr: 'zz:00' }, { ifindex: 1, addr: Buffer.alloc(9) }, { ifindex: 1, protocol: 70000 }]) {
        try { s.bind(addr); out.push('bound'); } catch (e) { out.push(e.constructor.name); }
      }
      s.close();
      console.log(JSON.stringify(out));
    `);
    expect(JSON.parse(result.stdout)).toEqual(['RangeError', 'TypeError', 'RangeError', 'RangeError']);
  });
});

describe('AF_NETLINK', () => {
  test('bind gives a port id; an RTM_GETLINK dump lists lo', async () => {
    const { listInterfaces } = await import('../examples/ip-link');
    const links = await listInterfaces();
    expect(links).toContainEqual(expect.objectContaining({ name: 'lo', index: if_nametoindex('lo'), address: '00:00:00:00:00:00' }));
    const s = track(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    s.bind({ pid: 0, groups: 0 });
    expect(s.getsockname()).toEqual({ family: AF_NETLINK, pid: expect.any(Number), groups: 0 });
    expect((s.getsockname() as { pid: number }).pid).toBeGreaterThan(0);
  });
});

test('internetChecksum takes only buffers', () => {
  expect(() => internetChecksum('abc' as never)).toThrow(TypeError);
  expect(() => internetChecksum(Buffer.alloc(2), 5 as never)).toThrow(TypeError);
  expect(internetChecksum()).toBe(0xffff);
});

