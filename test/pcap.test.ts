// Classic pcap files: what PcapWriter writes, tcpdump -r reads with the same
// timestamps and bytes; what tcpdump -w writes (real traffic, captured in
// the test's own namespaces), PcapReader reads as tcpdump -r prints it;
// random files round-trip; pipes work both ways; bad arguments are typed
// errors. pcapng and malformed files: test/pcapng.test.ts and
// test/pcap_malformed.test.ts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { LINKTYPE, PcapClosedError, PcapReader, PcapWriter, type PcapRecord } from '../lib';
import { LIB_PATH, openFds } from './helpers';
import { frameOf, ipv4Udp, ipv6Udp, printedTime, Random, tcpdumpRead } from './pcap_files';
import { makeTopology, type Topology } from './topology';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bsd-pcap-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const readAll = (reader: PcapReader): PcapRecord[] => [...reader];

interface Written { frame: Buffer; sec: number; nsec: number }

/**
 * Frames tcpdump prints on one line each (v4 and v6 UDP), with random
 * payloads and timestamps, edges included. Seconds stay below 2^31: tcpdump
 * 4.99 prints "[Error converting time]" from there on (the round trips below
 * cover the rest of the 32 bits).
 */
function someFrames(random: Random, linkType: number, count: number): Written[] {
  const edges: Array<[number, number]> = [[0, 0], [0x7fffffff, 999_999_999], [1, 999], [1700000000, 1000]];
  return Array.from({ length: count }, (_, i) => {
    const payload = random.bytes(random.int(0, 300));
    const ip = i % 3 === 2 ? ipv6Udp(payload) : ipv4Udp(payload);
    const [sec, nsec] = edges[i] ?? [random.u32() >>> 1, random.int(0, 999_999_999)];
    return { frame: frameOf(linkType, ip), sec, nsec };
  });
}

describe('PcapWriter: tcpdump -r reads what we write', () => {
  const cases = [LINKTYPE.EN10MB, LINKTYPE.LINUX_SLL2, LINKTYPE.RAW].flatMap((linkType) =>
    (['micro', 'nano'] as const).map((precision) => ({ linkType, precision })));

  test.each(cases)('link type $linkType, $precision timestamps', ({ linkType, precision }) => {
    const random = new Random(linkType * 7 + precision.length);
    const frames = someFrames(random, linkType, 24);
    const file = join(dir, `w-${linkType}-${precision}.pcap`);
    const writer = PcapWriter.open(file, { linkType, precision, byteOrder: precision === 'nano' ? 'big' : 'little' });
    for (const { frame, sec, nsec } of frames) writer.write(frame, { sec, nsec });
    expect(writer.records).toBe(frames.length);
    writer.close();

    // Read at the file's precision and at the other: libpcap scales
    // nanoseconds down by truncation and microseconds up by × 1000, so
    // each print must match the timestamp written, cut as the file cuts it.
    const stored = (nsec: number): number => (precision === 'nano' ? nsec : nsec - (nsec % 1000));
    for (const nano of [false, true]) {
      const printed = tcpdumpRead(file, nano ? ['--time-stamp-precision=nano'] : []);
      expect(printed).toHaveLength(frames.length);
      printed.forEach((packet, i) => {
        expect(`${packet.sec}.${packet.frac}`).toBe(printedTime(frames[i].sec, stored(frames[i].nsec), nano));
        expect(packet.hex).toBe(hex(frames[i].frame));
      });
    }
    const records = readAll(PcapReader.open(file));
    expect(records.map((r) => [r.sec, r.nsec, hex(r.data), r.originalLength, r.linkType]))
      .toEqual(frames.map((f) => [f.sec, stored(f.nsec), hex(f.frame), f.frame.length, linkType]));
  });

  test('frames longer than the snaplen are cut, their original length kept', () => {
    const file = join(dir, 'snaplen.pcap');
    const random = new Random(99);
    const frames = Array.from({ length: 10 }, () => frameOf(LINKTYPE.EN10MB, ipv4Udp(random.bytes(random.int(0, 100)))));
    const writer = PcapWriter.open(file, { linkType: LINKTYPE.EN10MB, snaplen: 64 });
    frames.forEach((frame, i) => writer.write(frame, { sec: i, nsec: 0 }));
    writer.close();
    expect(tcpdumpRead(file).map((p) => p.hex)).toEqual(frames.map((f) => hex(f.subarray(0, 64))));
    const reader = PcapReader.open(file);
    expect(reader.header.snaplen).toBe(64);
    expect(readAll(reader).map((r) => [hex(r.data), r.originalLength]))
      .toEqual(frames.map((f) => [hex(f.subarray(0, 64)), f.length]));
  });

  test('an originalLength beyond the frame is kept as the wire length', () => {
    const writer = PcapWriter.inMemory({ linkType: LINKTYPE.RAW });
    writer.write(ipv4Udp(Buffer.alloc(4)), { sec: 1, nsec: 2 }, 1500);
    writer.write(ipv4Udp(Buffer.alloc(8)), { sec: 3, nsec: 4000 });
    const records = readAll(PcapReader.from(writer.toBuffer()));
    expect(records.map((r) => [r.originalLength, r.data.length, r.sec, r.nsec])).toEqual([[1500, 32, 1, 0], [36, 36, 3, 4000]]);
  });
});

describe('PcapReader: we read what tcpdump -w writes', () => {
  const COUNT = 8;
  let topology: Topology;
  beforeAll(() => { topology = makeTopology(['a', 'b'], [['a', '10.77.0.1/24', 'b', '10.77.0.2/24']]); });
  afterAll(() => topology.destroy());

  /** Runs tcpdump -w in host a while a child there sends COUNT UDP datagrams to b; returns the payloads. */
  async function capture(file: string, iface: string, extra: string[]): Promise<Buffer[]> {
    const payloads = Array.from({ length: COUNT }, (_, i) => Buffer.from(`pcap-test-${i}-${'x'.repeat(i * 37)}`));
    const tcpdump = spawn('ip', ['netns', 'exec', topology.ns('a'), 'tcpdump', '-i', iface, '-w', file,
      '-c', String(COUNT), '--immediate-mode', ...extra, 'udp and dst port 9999'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => tcpdump.on('close', resolve));
    const timer = setTimeout(() => tcpdump.kill('SIGKILL'), 15000);
    try {
      await new Promise<void>((resolve, reject) => {
        tcpdump.stderr.on('data', (d: Buffer) => {
          stderr += d;
          if (stderr.includes('listening on')) resolve();
        });
        void exited.then(() => reject(new Error(`tcpdump exited: ${stderr}`)));
      });
      const sent = await topology.run('a', `
        const s = lib.socket(lib.AF_INET, lib.SOCK_DGRAM);
        for (const p of ${JSON.stringify(payloads.map((p) => p.toString()))}) {
          s.sendtoSync(Buffer.from(p), { address: '10.77.0.2', port: 9999 });
        }
        s.close();
      `);
      expect(sent.stderr).toBe('');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(timer);
    }
    return payloads;
  }

  test.each([
    { name: 'Ethernet, microseconds', iface: 'v0a', extra: [], linkType: LINKTYPE.EN10MB, precision: 'micro' },
    { name: 'Ethernet, nanoseconds', iface: 'v0a', extra: ['--time-stamp-precision=nano'], linkType: LINKTYPE.EN10MB,
      precision: 'nano' },
    { name: 'any device (LINUX_SLL2), nanoseconds', iface: 'any', extra: ['--time-stamp-precision=nano'],
      linkType: LINKTYPE.LINUX_SLL2, precision: 'nano' },
  ])('$name', async ({ iface, extra, linkType, precision }) => {
    const file = join(dir, `captured-${iface}-${precision}.pcap`);
    const payloads = await capture(file, iface, extra);
    const reader = PcapReader.open(file);
    expect(reader.header).toMatchObject({ format: 'pcap', linkType, precision, snaplen: 262144 });
    const records = readAll(reader);
    expect(records).toHaveLength(COUNT);
    // The datagrams sent, in order, at the end of each frame.
    records.forEach((record, i) => {
      expect(Buffer.from(record.data.subarray(record.data.length - payloads[i].length))).toEqual(payloads[i]);
      expect(record.originalLength).toBe(record.data.length);
      expect(record.linkType).toBe(linkType);
    });
    for (const nano of [false, true]) {
      const printed = tcpdumpRead(file, nano ? ['--time-stamp-precision=nano'] : []);
      expect(printed.map((p) => `${p.sec}.${p.frac} ${p.hex}`))
        .toEqual(records.map((r) => `${printedTime(r.sec, r.nsec, nano)} ${hex(r.data)}`));
    }
    // A capture made now: its timestamps are within a minute of the clock.
    expect(Math.abs(records[0].sec - Date.now() / 1000)).toBeLessThan(60);
    if (precision === 'micro') expect(records.every((r) => r.nsec % 1000 === 0)).toBe(true);
  });
});

describe('round trip', () => {
  test.each([
    { precision: 'micro', byteOrder: 'little' }, { precision: 'nano', byteOrder: 'little' },
    { precision: 'micro', byteOrder: 'big' }, { precision: 'nano', byteOrder: 'big' },
  ] as const)('random frames and timestamps, $precision, $byteOrder-endian, in memory and through a file',
    ({ precision, byteOrder }) => {
      const random = new Random(precision.length * 31 + byteOrder.length);
      const linkType = random.int(0, 0xffff);
      // Over 2 MB: the file reader refills its 256 KiB chunk many times, and
      // records straddle chunk boundaries.
      const frames = Array.from({ length: 3000 }, () => ({
        frame: random.bytes(random.int(0, 1514)), sec: random.u32(), nsec: random.int(0, 999_999_999),
      }));
      const file = join(dir, `round-${precision}-${byteOrder}.pcap`);
      const memory = PcapWriter.inMemory({ linkType, precision, byteOrder });
      const onDisk = PcapWriter.open(file, { linkType, precision, byteOrder });
      for (const { frame, sec, nsec } of frames) {
        memory.write(frame, { sec, nsec });
        onDisk.write(frame, { sec, nsec });
      }
      onDisk.close();
      const expected = frames.map((f) => [hex(f.frame), f.sec, precision === 'nano' ? f.nsec : f.nsec - (f.nsec % 1000)]);
      for (const reader of [PcapReader.from(memory.toBuffer()), PcapReader.open(file)]) {
        expect(reader.header).toMatchObject({ linkType, precision, byteOrder, versionMajor: 2, versionMinor: 4 });
        expect(readAll(reader).map((r) => [hex(r.data), r.sec, r.nsec])).toEqual(expected);
        expect(reader.next()).toBeNull();
      }
    });

  test('a record larger than the buffers (snaplen 1 MiB) goes out and comes back whole', () => {
    const random = new Random(5);
    const big = random.bytes(700_000);
    const small = random.bytes(100);
    const file = join(dir, 'large.pcap');
    const writer = PcapWriter.open(file, { linkType: LINKTYPE.RAW, snaplen: 1 << 20 });
    writer.write(small, { sec: 1, nsec: 0 });
    writer.write(big, { sec: 2, nsec: 0 });
    writer.write(small, { sec: 3, nsec: 0 });
    writer.close();
    const records = readAll(PcapReader.open(file));
    expect(records.map((r) => [r.sec, r.data.length])).toEqual([[1, 100], [2, 700_000], [3, 100]]);
    expect(Buffer.from(records[1].data).equals(big)).toBe(true);
  });

  test('a stream writer writes the same bytes as a memory writer, and ends the stream at close', () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    let ended = false;
    stream.on('end', () => { ended = true; });
    const options = { linkType: LINKTYPE.EN10MB, precision: 'nano' } as const;
    const toStream = PcapWriter.toStream(stream, options);
    const memory = PcapWriter.inMemory(options);
    const random = new Random(8);
    for (let i = 0; i < 400; i++) {
      const frame = random.bytes(random.int(60, 1500));
      toStream.write(frame, { sec: i, nsec: i });
      memory.write(frame, { sec: i, nsec: i });
    }
    toStream.close();
    return new Promise<void>((resolve) => setImmediate(() => {
      expect(ended).toBe(true);
      expect(Buffer.concat(chunks).equals(memory.toBuffer())).toBe(true);
      resolve();
    }));
  });
});

describe('pipes', () => {
  /** A program run by a child node, with the compiled library as `lib`. */
  function program(name: string, source: string): string {
    const path = join(dir, name);
    writeFileSync(path, `const lib = require(${JSON.stringify(LIB_PATH)});\n${source}`);
    return path;
  }

  test('a writer on stdout (made non-blocking by process.stdout) feeds tcpdump -r -', () => {
    const writer = program('to-stdout.js', `
      process.stdout; // libuv sets a stdout pipe O_NONBLOCK: writeSync must wait out EAGAIN
      const w = lib.PcapWriter.open(1, { linkType: lib.LINKTYPE.RAW, precision: 'nano' });
      for (let i = 0; i < 2000; i++) w.write(Buffer.alloc(1000, i & 0xff), { sec: i, nsec: i * 3 });
      w.close();
    `);
    const out = execFileSync('sh', ['-c', `"${process.execPath}" "${writer}" | tcpdump -r - -tt -n --nano -c 2000 2>/dev/null`],
      { encoding: 'utf8', maxBuffer: 16 << 20 });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2000);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(Array.from({ length: 2000 }, (_, i) => printedTime(i, i * 3, true)));
  });

  test('a reader on stdin reads a pipe, including the partial reads a pipe gives', () => {
    const random = new Random(11);
    const file = join(dir, 'for-stdin.pcap');
    const writer = PcapWriter.open(file, { linkType: LINKTYPE.EN10MB });
    let sum = 0;
    for (let i = 0; i < 2500; i++) {
      const frame = random.bytes(random.int(1, 1500));
      sum += frame.length;
      writer.write(frame, { sec: i, nsec: 0 });
    }
    writer.close();
    const reader = program('from-stdin.js', `
      process.stdin; // as for stdout: the pipe becomes O_NONBLOCK, readSync must wait out EAGAIN
      let count = 0, bytes = 0, last = -1;
      for (const r of lib.PcapReader.open(0)) { count++; bytes += r.data.length; if (r.sec !== last + 1) throw new Error('order'); last = r.sec; }
      console.log(count, bytes);
      process.exit(0);
    `);
    const out = execFileSync('sh', ['-c', `cat "${file}" | "${process.execPath}" "${reader}"`], { encoding: 'utf8' });
    expect(out.trim()).toBe(`2500 ${sum}`);
  });
});

describe('arguments and state', () => {
  test('bad writer options and arguments are TypeError or RangeError', () => {
    expect(() => PcapWriter.inMemory({ linkType: 70000 })).toThrow(RangeError);
    expect(() => PcapWriter.inMemory({ linkType: '1' as unknown as number })).toThrow(TypeError);
    expect(() => PcapWriter.inMemory({ linkType: 1, snaplen: 0 })).toThrow(RangeError);
    expect(() => PcapWriter.inMemory({ linkType: 1, precision: 'milli' as 'micro' })).toThrow(TypeError);
    expect(() => PcapWriter.inMemory({ linkType: 1, byteOrder: 'middle' as 'big' })).toThrow(TypeError);
    expect(() => PcapWriter.inMemory(null as unknown as { linkType: number })).toThrow(TypeError);
    expect(() => PcapWriter.open({} as unknown as string, { linkType: 1 })).toThrow(TypeError);
    expect(() => PcapWriter.toStream({} as never, { linkType: 1 })).toThrow(TypeError);
    const writer = PcapWriter.inMemory({ linkType: 1 });
    const frame = Buffer.alloc(10);
    expect(() => writer.write('abc' as unknown as Uint8Array, { sec: 0, nsec: 0 })).toThrow(TypeError);
    expect(() => writer.write(frame, undefined as unknown as { sec: number; nsec: number })).toThrow(TypeError);
    expect(() => writer.write(frame, { sec: -1, nsec: 0 })).toThrow(RangeError);
    expect(() => writer.write(frame, { sec: 2 ** 32, nsec: 0 })).toThrow(RangeError);
    expect(() => writer.write(frame, { sec: 1.5, nsec: 0 })).toThrow(RangeError);
    expect(() => writer.write(frame, { sec: 0, nsec: 1e9 })).toThrow(RangeError);
    expect(() => writer.write(frame, { sec: 0, nsec: '1' as unknown as number })).toThrow(TypeError);
    expect(() => writer.write(frame, { sec: 0, nsec: 0 }, 9)).toThrow(RangeError);
    expect(writer.records).toBe(0);
    expect(() => PcapWriter.toStream(new PassThrough(), { linkType: 1 }).toBuffer()).toThrow(TypeError);
    expect(() => PcapReader.from('x' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => PcapReader.open(-1)).toThrow(RangeError);
  });

  test('closed writers and readers raise PcapClosedError; close is idempotent; no fd is left open', () => {
    const before = openFds();
    const file = join(dir, 'closed.pcap');
    const writer = PcapWriter.open(file, { linkType: 1 });
    writer.write(Buffer.alloc(20), { sec: 0, nsec: 0 });
    writer.close();
    writer.close();
    expect(() => writer.write(Buffer.alloc(20), { sec: 0, nsec: 0 })).toThrow(PcapClosedError);
    expect(() => writer.flush()).toThrow(PcapClosedError);
    const reader = PcapReader.open(file);
    reader.close();
    reader.close();
    expect(() => reader.next()).toThrow(PcapClosedError);
    // Read to the end: the file closes itself; next() then keeps returning null.
    const drained = PcapReader.open(file);
    expect(readAll(drained)).toHaveLength(1);
    expect(drained.next()).toBeNull();
    {
      using scoped = PcapReader.open(file);
      expect(scoped.next()).not.toBeNull();
    }
    expect(() => PcapReader.open(join(dir, 'missing.pcap'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(openFds()).toBe(before);
  });
});
