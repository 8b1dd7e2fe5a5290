// The TPACKET_V3 capture ring (lib/packet_ring.ts). Traffic runs only in a
// network namespace of each test's own, over a veth pair: frames sent on
// veth0 are captured on veth1. The frames carry a private EtherType, so
// nothing else the namespace sends (IPv6 router solicitations) is counted.
import { readFileSync } from 'node:fs';

import {
  AF_INET, AF_PACKET, PacketRing, SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, SocketClosedError,
  attachPacketRing, openPacketRing, socket,
} from '../lib';
import { LIB_PATH, VETH_PAIR, inNamespace, openFds, runChild, track } from './helpers';

/** The ring mappings (mmap of a packet socket) this process has. */
function ringMappings(): number {
  return readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => / socket:\[\d+\]$/.test(l)).length;
}

// What every child starts with: the EtherType, a sender bound to veth0, and
// send(first, count), which sends frames with sequence numbers first, first
// + 1, … (a uint32 after the Ethernet header) to veth1's address.
const PRELUDE = `
  const { readFileSync, readdirSync } = require('node:fs');
  const P = 0x88b5;
  const veth0 = lib.if_nametoindex('veth0'), veth1 = lib.if_nametoindex('veth1');
  const sender = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, 0);
  sender.bind({ ifindex: veth0, protocol: 0 });
  const frame = Buffer.alloc(64);
  Buffer.from([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xb5]).copy(frame);
  const send = (first, count) => {
    for (let i = 0; i < count; i++) { frame.writeUInt32BE(first + i, 14); sender.sendSync(frame); }
  };
  const sequence = (block, i) => block.view.getUint32(block.offset(i) + 14);
  const until = async (done, ms = 3000) => {
    for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 5));
  };
  const fds = () => readdirSync('/proc/self/fd').length;
  const mappings = () => readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((l) => / socket:\\[\\d+\\]$/.test(l)).length;
`;

/** Runs `source` after the prelude in a namespace of its own with a veth pair; its stdout's last line, parsed. */
async function inRingNamespace(source: string, timeoutMs = 15000): Promise<Record<string, unknown>> {
  const result = await inNamespace(PRELUDE + source, VETH_PAIR, timeoutMs);
  if (result.stderr !== '' || result.code !== 0) throw new Error(`child failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

test('a known burst of 5,000 frames is captured with zero loss, in order, with each frame\'s metadata', async () => {
  const out = await inRingNamespace(`
    const seen = [];
    let blocks = 0, first = null, outOfRange = null, countAfter = -1, kept = null;
    // 8 blocks of 64 KiB hold about 3,400 of these frames: fewer than the
    // burst, so blocks must be read and given back while it arrives.
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 1 << 16, blockCount: 8, timeoutMs: 5 }, (block) => {
      blocks++;
      for (let i = 0; i < block.count; i++) seen.push(sequence(block, i));
      if (first === null) {
        first = { length: block.length(0), originalLength: block.originalLength(0), protocol: block.protocol(0),
          ifindex: block.ifindex(0), packetType: block.packetType(0), hardwareType: block.hardwareType(0),
          vlanTci: block.vlanTci(0), seconds: block.seconds(0), nanoseconds: block.nanoseconds(0),
          net: block.networkOffset(0) - block.offset(0), dst: [...block.frame(0).subarray(0, 6)] };
        try { block.offset(block.count); } catch (e) { outOfRange = e.constructor.name; }
        kept = block;
      }
    });
    (async () => {
      // Rounds of 500 with a turn of the loop between: the ring is read while frames arrive.
      for (let round = 0; round < 10; round++) {
        send(round * 500, 500);
        await new Promise((r) => setImmediate(r));
      }
      await until(() => seen.length >= 5000);
      countAfter = kept.count;
      const stats = ring.stats();
      ring.close(); sender.close();
      console.log(JSON.stringify({ seen: seen.length, inOrder: seen.every((s, i) => s === i), blocks, first, outOfRange,
        countAfter, stats, veth1, now: Date.now() / 1000 }));
    })();
  `);
  expect(out.seen).toBe(5000);
  expect(out.inOrder).toBe(true);
  expect(out.stats).toEqual({ packets: 5000, drops: 0, freezes: 0 });
  // 1 block of 64 KiB holds about 430 such frames.
  expect(out.blocks).toBeGreaterThanOrEqual(12);
  const first = out.first as Record<string, number>;
  expect(first).toMatchObject({ length: 64, originalLength: 64, protocol: 0x88b5, ifindex: out.veth1, packetType: 0,
    hardwareType: 1, vlanTci: -1, net: 14, dst: [2, 0, 0, 0, 0, 2] });
  expect(Math.abs(first.seconds - (out.now as number))).toBeLessThan(30);
  expect(first.nanoseconds).toBeLessThan(1e9);
  expect(out.outOfRange).toBe('RangeError');
  expect(out.countAfter).toBe(0);
});

test('a starved ring drops, and its statistics account for every frame of the burst', async () => {
  // Two one-page blocks hold about 50 frames; the burst is sent without a
  // turn of the loop, so the ring fills and stays full until it is over.
  const out = await inRingNamespace(`
    const seen = [];
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 2, timeoutMs: 1 }, (block) => {
      for (let i = 0; i < block.count; i++) seen.push(sequence(block, i));
    });
    send(0, 2000);
    (async () => {
      await until(() => false, 200);
      const stats = ring.stats();
      ring.close(); sender.close();
      console.log(JSON.stringify({ seen: seen.length, unique: new Set(seen).size, increasing: seen.every((s, i) => i === 0 || s > seen[i - 1]), stats }));
    })();
  `);
  const stats = out.stats as { packets: number; drops: number; freezes: number };
  expect(stats.drops).toBeGreaterThan(0);
  expect(stats.freezes).toBeGreaterThan(0);
  expect(stats.packets).toBe(2000);
  expect(out.seen as number + stats.drops).toBe(2000);
  expect(out.unique).toBe(out.seen);
  expect(out.increasing).toBe(true);
});

test('the block timeout hands over a block with one frame in it', async () => {
  const out = await inRingNamespace(`
    const calls = [];
    let sentAt = 0;
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 1 << 20, blockCount: 4, timeoutMs: 20 }, (block) => {
      calls.push({ count: block.count, timedOut: block.timedOut, sequence: block.sequence, ms: performance.now() - sentAt,
        seq: sequence(block, 0) });
    });
    (async () => {
      // Empty blocks are not handed over.
      await until(() => false, 100);
      const idleCalls = calls.length;
      sentAt = performance.now();
      send(77, 1);
      await until(() => calls.length > 0);
      ring.close(); sender.close();
      console.log(JSON.stringify({ idleCalls, calls }));
    })();
  `);
  expect(out.idleCalls).toBe(0);
  const calls = out.calls as Array<{ count: number; timedOut: boolean; ms: number; seq: number; sequence: number }>;
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ count: 1, timedOut: true, seq: 77 });
  expect(calls[0].sequence).toBeGreaterThan(0);
  // The kernel's timer retires it within two periods; the rest is a busy machine's slack.
  expect(calls[0].ms).toBeLessThan(1000);
});

test.each(['PACKET_FANOUT_LB', 'PACKET_FANOUT_HASH'])('two rings in one fanout group (%s) see every frame exactly once between them', async (mode) => {
  const out = await inRingNamespace(`
    const seen = [[], []];
    const rings = [0, 1].map((n) => lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 1 << 16, blockCount: 16,
      timeoutMs: 5, fanout: { id: 4242, mode: lib.${mode} } }, (block) => {
      for (let i = 0; i < block.count; i++) seen[n].push(sequence(block, i));
    }));
    (async () => {
      for (let round = 0; round < 4; round++) { send(round * 500, 500); await new Promise((r) => setImmediate(r)); }
      await until(() => seen[0].length + seen[1].length >= 2000);
      await until(() => false, 50);
      const all = [...seen[0], ...seen[1]].sort((a, b) => a - b);
      const drops = rings.map((r) => r.stats().drops);
      rings.forEach((r) => r.close()); sender.close();
      console.log(JSON.stringify({ counts: seen.map((s) => s.length), exactlyOnce: all.length === 2000 && all.every((s, i) => s === i), drops }));
    })();
  `);
  expect(out.exactlyOnce).toBe(true);
  expect(out.drops).toEqual([0, 0]);
  const counts = out.counts as number[];
  // Round robin splits them; one flow hashes to one socket.
  if (mode === 'PACKET_FANOUT_LB') expect(Math.min(...counts)).toBeGreaterThan(0);
  expect(counts[0] + counts[1]).toBe(2000);
});

test('close() from inside the callback: no call after it, onEnd(null), a kept view reads as empty, fds and mapping gone', async () => {
  const out = await inRingNamespace(`
    const baseline = { fds: fds(), mappings: mappings() };
    let calls = 0, during = null, kept = null, keptBytes = null;
    const ends = [];
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 8, timeoutMs: 1,
      onEnd: (e) => ends.push(e) }, (block) => {
      calls++;
      kept = block.frame(0);
      keptBytes = block.bytes;
      ring.close();
      // Still the callback's: the block stays readable until it returns.
      during = { seq: sequence(block, 0), length: kept.byteLength, active: ring.active, closed: ring.socket.closed };
    });
    const open = { fds: fds(), mappings: mappings() };
    send(0, 200);
    (async () => {
      await until(() => ends.length > 0);
      await until(() => false, 50);
      const after = { fds: fds(), mappings: mappings() };
      sender.close();
      console.log(JSON.stringify({ calls, during, ends, keptLength: kept.byteLength, keptFirst: kept[0] ?? null,
        ringLength: keptBytes.byteLength, baseline, open, after }));
    })();
  `);
  expect(out.calls).toBe(1);
  expect(out.during).toEqual({ seq: 0, length: 64, active: false, closed: true });
  expect(out.ends).toEqual([null]);
  expect(out.keptLength).toBe(0);
  expect(out.keptFirst).toBeNull();
  expect(out.ringLength).toBe(0);
  const baseline = out.baseline as { fds: number; mappings: number };
  expect(out.open).toEqual({ fds: baseline.fds + 1, mappings: baseline.mappings + 1 });
  expect(out.after).toEqual(baseline);
});

test('close() and stop() while idle end the ring; stop() keeps the socket and its statistics', async () => {
  const out = await inRingNamespace(`
    const baseline = { fds: fds(), mappings: mappings() };
    const ends = [];
    let bytes = null;
    const a = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 4, onEnd: (e) => ends.push(['a', e]) },
      (block) => { bytes = block.bytes; });
    const b = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 4, onEnd: (e) => ends.push(['b', e]) }, () => {});
    send(0, 10);
    (async () => {
      await until(() => bytes !== null);
      a.close();
      b.stop();
      const afterStop = { bActive: b.active, bClosed: b.socket.closed, mappings: mappings() - baseline.mappings };
      send(10, 10);
      await until(() => ends.length === 2);
      const stats = b.stats();
      b.stop();
      b.close();
      b.close();
      const after = { fds: fds() - baseline.fds, mappings: mappings() - baseline.mappings };
      sender.close();
      console.log(JSON.stringify({ ends, afterStop, stats, bytes: bytes.byteLength, aClosed: a.socket.closed, after }));
    })();
  `);
  expect(out.ends).toEqual([['a', null], ['b', null]]);
  // b's socket is open without its mapping; the kernel still counts for it.
  expect(out.afterStop).toEqual({ bActive: false, bClosed: false, mappings: 0 });
  expect((out.stats as { packets: number }).packets).toBe(20);
  expect(out.bytes).toBe(0);
  expect(out.aClosed).toBe(true);
  expect(out.after).toEqual({ fds: 0, mappings: 0 });
});

test('an exception in onBlock goes to uncaughtException and the ring goes on with the next block', async () => {
  const out = await inRingNamespace(`
    const caught = [];
    const seen = [];
    process.on('uncaughtException', (e) => caught.push(e.message));
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 8, timeoutMs: 1 }, (block) => {
      seen.push(sequence(block, 0));
      if (seen.length === 1) throw new Error('from onBlock');
    });
    (async () => {
      send(0, 1);
      await until(() => caught.length > 0);
      send(1, 1);
      await until(() => seen.length > 1);
      const stats = ring.stats();
      ring.close(); sender.close();
      console.log(JSON.stringify({ caught, seen, active: ring.active, drops: stats.drops }));
    })();
  `);
  expect(out).toEqual({ caught: ['from onBlock'], seen: [0, 1], active: false, drops: 0 });
});

test('the interface going down ends the ring with ENETDOWN', async () => {
  const out = await inRingNamespace(`
    const ends = [];
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 4,
      onEnd: (e) => ends.push([e.constructor.name, e.code, e.syscall]) }, () => {});
    (async () => {
      execFileSync('ip', ['link', 'set', 'veth1', 'down']);
      await until(() => ends.length > 0);
      const active = ring.active;
      ring.close(); sender.close();
      console.log(JSON.stringify({ ends, active }));
    })();
  `);
  expect(out).toEqual({ ends: [['NetworkUnreachableError', 'ENETDOWN', 'poll']], active: false });
});

test('the budget bounds the blocks taken per readable event: the loop gets a turn', async () => {
  const out = await inRingNamespace(`
    let blocks = 0, blocksWhenImmediateRan = -1;
    const ring = lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 64, timeoutMs: 1, budget: 2 }, () => {
      if (++blocks === 1) setImmediate(() => { blocksWhenImmediateRan = blocks; });
    });
    send(0, 1000);
    (async () => {
      await until(() => false, 200);
      ring.close(); sender.close();
      console.log(JSON.stringify({ blocks, blocksWhenImmediateRan }));
    })();
  `);
  expect(out.blocks).toBeGreaterThan(10);
  expect(out.blocksWhenImmediateRan).toBeGreaterThan(0);
  expect(out.blocksWhenImmediateRan).toBeLessThan(out.blocks as number);
});

// A running ring, like every running receiver, keeps its socket (the native
// handle holds itself while work is in flight, as a net.Socket with a 'data'
// listener stays): a stopped ring's socket, dropped, is closed on GC.
test('a stopped ring whose socket is dropped is closed on GC, with the warning, its mapping gone', async () => {
  const result = await runChild(`
    const { execFileSync } = require('node:child_process');
    const { readFileSync, readlinkSync } = require('node:fs');
    execFileSync('ip', ['link', 'set', 'lo', 'up']);
    const warnings = [];
    process.on('warning', (w) => warnings.push(w.code));
    const mappings = () => readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((l) => / socket:\\[\\d+\\]$/.test(l)).length;
    let fd;
    let bytes = null;
    (() => {
      const ring = lib.openPacketRing({ interface: 'lo', blockSize: 4096, blockCount: 4 }, (block) => { bytes = block.bytes; });
      fd = ring.socket.fileno();
      setImmediate(() => ring.stop());
    })();
    const open = () => { try { return readlinkSync('/proc/self/fd/' + fd).startsWith('socket:'); } catch { return false; } };
    const before = { open: open(), mappings: mappings() };
    (async () => {
      await new Promise((r) => setTimeout(r, 5));
      for (let i = 0; i < 40 && open(); i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
      await new Promise((r) => setTimeout(r, 10));
      console.log(JSON.stringify({ before, after: { open: open(), mappings: mappings() }, warnings }));
    })();
  `, { prefix: ['unshare', '--net'], args: ['--expose-gc'] });
  expect(result.stderr).toContain('Closed socket fd');
  expect(JSON.parse(result.stdout)).toEqual({ before: { open: true, mappings: 1 }, after: { open: false, mappings: 0 },
    warnings: ['BSD_SOCKET_UNCLOSED'] });
});

test('Workers with a ring running terminate promptly, leaving no fds and no mappings', async () => {
  const result = await inNamespace(PRELUDE + `
    const { Worker } = require('node:worker_threads');
    const workerSource = 'const lib = require(' + JSON.stringify(${JSON.stringify(LIB_PATH)}) + ');'
      + 'const { parentPort } = require("node:worker_threads"); let blocks = 0;'
      + 'lib.openPacketRing({ interface: "veth1", protocol: 0x88b5, blockSize: 4096, blockCount: 64, timeoutMs: 1 },'
      + ' () => { if (++blocks === 1) parentPort.postMessage("capturing"); });'
      + 'parentPort.postMessage("running");';
    const round = async (times) => {
      const workers = Array.from({ length: 4 }, () => new Worker(workerSource, { eval: true }));
      await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
      const capturing = Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
      send(0, 50);
      await capturing;
      // Terminated with frames still arriving.
      send(50, 500);
      await Promise.all(workers.map(async (w) => {
        const start = performance.now();
        await w.terminate();
        times.push(performance.now() - start);
      }));
    };
    (async () => {
      const times = [];
      await round(times);
      await new Promise((r) => setTimeout(r, 100));
      const baseline = fds();
      await round(times);
      for (let i = 0; i < 200 && fds() !== baseline; i++) await new Promise((r) => setTimeout(r, 10));
      const after = fds();
      sender.close();
      console.log(JSON.stringify({ baseline, after, mappings: mappings(), slowest: Math.max(...times) }));
    })();
  `, VETH_PAIR, 30000);
  expect(result.stderr).toBe('');
  const out = JSON.parse(result.stdout) as { baseline: number; after: number; mappings: number; slowest: number };
  expect(out.after).toBe(out.baseline);
  expect(out.mappings).toBe(0);
  expect(out.slowest).toBeLessThan(1000);
});

test('process.exit() with a ring running exits at once with its code', async () => {
  const result = await inNamespace(PRELUDE + `
    let blocks = 0;
    lib.openPacketRing({ interface: 'veth1', protocol: P, blockSize: 4096, blockCount: 16, timeoutMs: 1 }, () => {
      if (++blocks === 2) setTimeout(() => process.exit(7), 10);
    });
    send(0, 500);
  `, VETH_PAIR);
  expect(result.stderr).toBe('');
  expect(result.signal).toBeNull();
  expect(result.code).toBe(7);
});

describe('bad options and bad sockets are typed errors, with no fd left open', () => {
  const ok = (): void => {};
  const good = { blockSize: 4096, blockCount: 2 };

  test('options', () => {
    const before = openFds();
    const cases: Array<[unknown, unknown, ErrorConstructor]> = [
      [null, ok, TypeError],
      [good, 'f', TypeError],
      [{ blockCount: 2 }, ok, TypeError],
      [{ ...good, blockSize: '4096' }, ok, TypeError],
      [{ ...good, blockSize: 4096 * 3 }, ok, RangeError],
      [{ ...good, blockSize: 2048 }, ok, RangeError],
      [{ ...good, blockSize: 1 << 30 }, ok, RangeError],
      [{ ...good, blockSize: 4096.5 }, ok, RangeError],
      [{ ...good, blockCount: 0 }, ok, RangeError],
      [{ ...good, blockCount: 1.5 }, ok, RangeError],
      [{ blockSize: 1 << 24, blockCount: 1 << 8 }, ok, RangeError],
      [{ ...good, frameSize: 2040 }, ok, RangeError],
      [{ ...good, frameSize: 16 }, ok, RangeError],
      [{ ...good, frameSize: 8192 }, ok, RangeError],
      [{ ...good, timeoutMs: -1 }, ok, RangeError],
      [{ ...good, timeoutMs: 70000 }, ok, RangeError],
      [{ ...good, fillRxhash: 1 }, ok, TypeError],
      [{ ...good, budget: 0 }, ok, RangeError],
      [{ ...good, onEnd: 'no' }, ok, TypeError],
      [{ ...good, fanout: 5 }, ok, TypeError],
      [{ ...good, fanout: { id: 70000, mode: 0 } }, ok, RangeError],
      [{ ...good, fanout: { id: 1 } }, ok, TypeError],
      [{ ...good, type: SOCK_STREAM }, ok, RangeError],
      [{ ...good, type: 'raw' }, ok, TypeError],
      [{ ...good, protocol: 0x10000 }, ok, RangeError],
      [{ ...good, interface: {} }, ok, TypeError],
      [{ ...good, interface: -1 }, ok, RangeError],
      [{ ...good, promiscuous: 'yes' }, ok, TypeError],
      [{ ...good, promiscuous: true }, ok, RangeError],
    ];
    for (const [options, callback, kind] of cases) {
      expect(() => openPacketRing(options as never, callback as never)).toThrow(kind);
    }
    expect(() => openPacketRing({ ...good, interface: 'no-such-if0' }, ok)).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(openFds()).toBe(before);
  });

  // Sockets made with protocol 0 and never bound: they receive nothing.
  test('sockets', () => {
    const before = openFds();
    const mapped = ringMappings();
    const udp = track(socket(AF_INET, SOCK_DGRAM));
    expect(() => attachPacketRing(udp, good, ok)).toThrow(TypeError);
    expect(() => attachPacketRing({} as never, good, ok)).toThrow(TypeError);
    const closed = socket(AF_PACKET, SOCK_RAW, 0);
    closed.close();
    expect(() => attachPacketRing(closed, good, ok)).toThrow(SocketClosedError);

    const sock = track(socket(AF_PACKET, SOCK_RAW, 0));
    const ring = attachPacketRing(sock, good, ok);
    expect(ring).toBeInstanceOf(PacketRing);
    expect(ring.socket).toBe(sock);
    expect([ring.blockSize, ring.blockCount, ring.active]).toEqual([4096, 2, true]);
    expect(ringMappings()).toBe(mapped + 1);
    expect(() => attachPacketRing(sock, good, ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    ring.stop();
    // The kernel ring stays with the socket: one ring per socket.
    expect(() => attachPacketRing(sock, good, ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));

    const receiving = track(socket(AF_PACKET, SOCK_DGRAM, 0));
    receiving.recvEach(Buffer.alloc(64), ok);
    expect(() => attachPacketRing(receiving, good, ok)).toThrow(expect.objectContaining({ code: 'EBUSY' }));

    // Fanout needs a running socket: EINVAL on one never bound, and the ring is stopped again.
    const unbound = track(socket(AF_PACKET, SOCK_RAW, 0));
    const ends: unknown[] = [];
    expect(() => attachPacketRing(unbound, { ...good, fanout: { id: 1, mode: 0 }, onEnd: (e) => ends.push(e) }, ok))
      .toThrow(expect.objectContaining({ code: 'EINVAL', syscall: 'setsockopt' }));
    expect(ends).toEqual([]);
    for (const s of [udp, sock, receiving, unbound]) s.close();
    expect(openFds()).toBe(before);
    expect(ringMappings()).toBe(mapped);
  });

  test('a fanout mode the kernel does not know: EINVAL, and openPacketRing closes the socket it made', () => {
    const before = openFds();
    // Bound to an EtherType nobody sends: nothing is captured meanwhile.
    expect(() => openPacketRing({ ...good, interface: 'lo', protocol: 0x88b5, fanout: { id: 1, mode: 0x7fff } }, ok))
      .toThrow(expect.objectContaining({ code: 'EINVAL', syscall: 'setsockopt' }));
    expect(openFds()).toBe(before);
  });
});
