// pcapng reading. Nothing on this machine writes pcapng (tcpdump 4.99 writes
// classic pcap only; no tshark, dumpcap or editcap), so the files are built
// by hand (test/pcap_files.ts PcapngBuilder), and tcpdump -r (libpcap 1.10
// reads pcapng) checks every file it can read: timestamps and bytes printed
// the same. The files libpcap refuses (interfaces of different link types,
// sections of different byte orders) are checked against expectations
// computed here with BigInt.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LINKTYPE, PcapFormatError, PcapReader, type PcapRecord } from '../lib';
import { TimestampScale } from '../lib/pcap/timestamp';
import { frameOf, ipv4Udp, ipv6Udp, PcapngBuilder, printedTime, Random, tcpdumpRead } from './pcap_files';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bsd-pcapng-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Units per second of an if_tsresol byte. */
const unitsOf = (tsresol: number): bigint => ((tsresol & 0x80) !== 0 ? 1n << BigInt(tsresol & 0x7f) : 10n ** BigInt(tsresol));

/** The exact timestamp of `units` (BigInt arithmetic): [seconds, nanoseconds rounded down]. */
function reference(units: bigint, tsresol: number, offset = 0n): [number, number] {
  const perSecond = unitsOf(tsresol);
  return [Number(units / perSecond + offset), Number(((units % perSecond) * 1_000_000_000n) / perSecond)];
}

/** Writes the file, reads it with PcapReader (from memory and from the file: the same records). */
function readBoth(name: string, bytes: Buffer): { file: string; records: PcapRecord[]; reader: PcapReader } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const reader = PcapReader.from(bytes);
  const records = [...reader];
  const fromFile = [...PcapReader.open(file)];
  expect(fromFile.map((r) => ({ ...r, data: hex(r.data) }))).toEqual(records.map((r) => ({ ...r, data: hex(r.data) })));
  return { file, records, reader };
}

/** tcpdump -r prints each record's timestamp (at both precisions) and bytes as PcapReader read them. */
function expectTcpdumpAgrees(file: string, records: PcapRecord[]): void {
  for (const nano of [false, true]) {
    const printed = tcpdumpRead(file, nano ? ['--time-stamp-precision=nano'] : []);
    expect(printed.map((p) => `${p.sec}.${p.frac} ${p.hex}`))
      .toEqual(records.map((r) => `${printedTime(r.sec, r.nsec, nano)} ${hex(r.data)}`));
  }
}

describe('pcapng read as tcpdump reads it', () => {
  const random = new Random(2024);
  const frame = (linkType: number, i: number): Buffer =>
    frameOf(linkType, (i % 2 === 0 ? ipv4Udp : ipv6Udp)(random.bytes(random.int(0, 200))));

  test.each([
    { name: 'microseconds (no if_tsresol), little-endian', order: 'little', tsresol: undefined },
    { name: 'nanoseconds, big-endian, if_tsoffset', order: 'big', tsresol: 9, tsoffset: 86400n },
    { name: 'milliseconds', order: 'little', tsresol: 3 },
    { name: 'picoseconds (finer than the nanoseconds reported)', order: 'big', tsresol: 12 },
    { name: '2^-20 s units', order: 'little', tsresol: 0x80 | 20 },
    { name: '2^-30 s units, negative if_tsoffset', order: 'big', tsresol: 0x80 | 30, tsoffset: -1000n },
    { name: 'whole seconds (2^0)', order: 'little', tsresol: 0x80 },
  ] as const)('$name', ({ order, tsresol, ...rest }) => {
    const tsoffset = 'tsoffset' in rest ? rest.tsoffset : undefined;
    const resolution = tsresol ?? 6;
    const perSecond = unitsOf(resolution);
    const builder = new PcapngBuilder().section(order)
      .interface({ linkType: LINKTYPE.EN10MB, tsresol, tsoffset, name: 'veth0' });
    const units: bigint[] = [];
    // Times from 2001 to 2033 at any fraction of a second, or as late as 64
    // bits of picoseconds reach (July 1970).
    const latest = Math.min(2e9, Number(((1n << 64n) - 1n) / perSecond) - 1);
    for (let i = 0; i < 12; i++) {
      const value = BigInt(random.int(Math.min(1e9, Math.floor(latest / 2)), latest)) * perSecond + (BigInt(random.u32()) * BigInt(random.u32())) % perSecond;
      units.push(value);
      builder.epb(0, value, frame(LINKTYPE.EN10MB, i), 1500);
    }
    const bytes = builder.toBuffer();
    const { file, records, reader } = readBoth(`resolution-${resolution}.pcapng`, bytes);
    expect(reader.header).toMatchObject({ format: 'pcapng', linkType: LINKTYPE.EN10MB, snaplen: 262144, byteOrder: order,
      versionMajor: 1, versionMinor: 0, precision: perSecond > 1_000_000n ? 'nano' : 'micro' });
    expect(reader.interfaces[0]).toMatchObject({ name: 'veth0', offsetSeconds: Number(tsoffset ?? 0n) });
    expect(records.map((r) => [r.sec, r.nsec])).toEqual(units.map((u) => reference(u, resolution, tsoffset)));
    expect(records.every((r) => r.originalLength === 1500 && r.interfaceIndex === 0)).toBe(true);
    expectTcpdumpAgrees(file, records);
  });

  test('Simple Packet Blocks, obsolete Packet Blocks and unknown blocks, among Enhanced ones', () => {
    const frames = Array.from({ length: 6 }, (_, i) => frame(LINKTYPE.RAW, i));
    const bytes = new PcapngBuilder().section('little')
      .block(0x0bad, Buffer.from('a custom block, skipped'))
      .interface({ linkType: LINKTYPE.RAW, snaplen: 64, tsresol: 9 })
      .epb(0, 1_700_000_000_123_456_789n, frames[0].subarray(0, 64), frames[0].length)
      .spb(frames[1].subarray(0, 64), frames[1].length)
      .block(5, Buffer.alloc(16)) // an Interface Statistics Block
      .pb(0, 1_700_000_001_000_000_001n, frames[2].subarray(0, 64), frames[2].length)
      .block(4, Buffer.from([0, 0, 0, 0])) // a Name Resolution Block with no record
      .block(0x12345678, Buffer.alloc(100))
      .epb(0, 1_700_000_002_000_000_000n, frames[3].subarray(0, 64), frames[3].length)
      .toBuffer();
    const { file, records } = readBoth('mixed-blocks.pcapng', bytes);
    expect(records.map((r) => [r.sec, r.nsec, r.originalLength])).toEqual([
      [1700000000, 123456789, frames[0].length], [0, 0, frames[1].length], [1700000001, 1, frames[2].length],
      [1700000002, 0, frames[3].length],
    ]);
    records.forEach((r, i) => expect(hex(r.data)).toBe(hex(frames[i].subarray(0, 64))));
    expectTcpdumpAgrees(file, records);
  });

  test('several interfaces of one link type', () => {
    const builder = new PcapngBuilder().section('big')
      .interface({ linkType: LINKTYPE.LINUX_SLL2, tsresol: 6, name: 'eth0' })
      .interface({ linkType: LINKTYPE.LINUX_SLL2, tsresol: 9, name: 'eth1' });
    const frames = Array.from({ length: 8 }, (_, i) => frame(LINKTYPE.LINUX_SLL2, i));
    frames.forEach((f, i) => builder.epb(i % 2, i % 2 === 0 ? 1_000_000_000_000_000n + BigInt(i) : 2_000_000_000_000_000_000n + BigInt(i), f));
    const { file, records, reader } = readBoth('two-interfaces.pcapng', builder.toBuffer());
    expect(reader.interfaces.map((i) => i.name)).toEqual(['eth0', 'eth1']);
    expect(records.map((r) => r.interfaceIndex)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(records[1]).toMatchObject({ sec: 2_000_000_000, nsec: 1 });
    expect(records[2]).toMatchObject({ sec: 1_000_000_000, nsec: 2000 });
    expectTcpdumpAgrees(file, records);
  });
});

describe('pcapng that libpcap refuses, read here', () => {
  test('interfaces of different link types and resolutions', () => {
    const ether = frameOf(LINKTYPE.EN10MB, ipv4Udp(Buffer.from('ethernet')));
    const raw = ipv6Udp(Buffer.from('raw'));
    const bytes = new PcapngBuilder().section('little')
      .interface({ linkType: LINKTYPE.EN10MB, tsresol: 6 })
      .interface({ linkType: LINKTYPE.RAW, tsresol: 0x80 | 32, snaplen: 0 })
      .epb(1, (5n << 32n) + (1n << 31n), raw)
      .epb(0, 7_000_001n, ether)
      .toBuffer();
    const { records, reader } = readBoth('two-link-types.pcapng', bytes);
    expect(reader.interfaces.map((i) => i.linkType)).toEqual([LINKTYPE.EN10MB, LINKTYPE.RAW]);
    expect(records.map((r) => [r.linkType, r.interfaceIndex, r.sec, r.nsec, hex(r.data)])).toEqual([
      [LINKTYPE.RAW, 1, 5, 500_000_000, hex(raw)], [LINKTYPE.EN10MB, 0, 7, 1000, hex(ether)],
    ]);
  });

  test('sections of either byte order, each with its own interfaces', () => {
    const bytes = new PcapngBuilder()
      .section('little').interface({ linkType: LINKTYPE.RAW, tsresol: 9 })
      .epb(0, 1_000_000_001n, Buffer.from('one'))
      .section('big').interface({ linkType: LINKTYPE.EN10MB }).interface({ linkType: LINKTYPE.LINUX_SLL2 })
      .epb(1, 2_000_002n, Buffer.from('two'))
      .spb(Buffer.from('three'))
      .section('little').interface({ linkType: 147, tsresol: 0x80 | 1 })
      .epb(0, 7n, Buffer.from('four'))
      .toBuffer();
    const { records, reader } = readBoth('sections.pcapng', bytes);
    expect(records.map((r) => [Buffer.from(r.data).toString(), r.linkType, r.interfaceIndex, r.sec, r.nsec])).toEqual([
      ['one', LINKTYPE.RAW, 0, 1, 1], ['two', LINKTYPE.LINUX_SLL2, 1, 2, 2000], ['three', LINKTYPE.EN10MB, 0, 0, 0],
      ['four', 147, 0, 3, 500_000_000],
    ]);
    expect(reader.header).toMatchObject({ byteOrder: 'little', linkType: LINKTYPE.RAW, precision: 'nano' });
    expect(reader.interfaces.map((i) => i.linkType)).toEqual([147]);
  });

  test('a new section forgets the interfaces of the one before', () => {
    const bytes = new PcapngBuilder()
      .section('little').interface({ linkType: 1 }).interface({ linkType: 1 })
      .section('big').interface({ linkType: 1 })
      .epb(1, 0n, Buffer.from('on an interface of the first section'))
      .toBuffer();
    const reader = PcapReader.from(bytes);
    expect(() => reader.next()).toThrow(PcapFormatError);
  });
});

describe('pcapng timestamps are exact', () => {
  test('random 64-bit counts at every resolution libpcap accepts, against BigInt', () => {
    const random = new Random(77);
    const resolutions = [...Array.from({ length: 20 }, (_, e) => e), ...Array.from({ length: 64 }, (_, e) => 0x80 | e)];
    let checked = 0;
    for (const tsresol of resolutions) {
      const resolution = { base: (tsresol & 0x80) !== 0 ? 2 : 10, exponent: tsresol & 0x7f } as const;
      const offset = random.int(-1e6, 1e6);
      const scale = new TimestampScale(resolution, offset);
      for (let i = 0; i < 300; i++) {
        // Every bit width, and the edges of the 32-bit halves.
        const width = random.int(0, 64);
        let units = ((BigInt(random.u32()) << 32n) | BigInt(random.u32())) & ((1n << BigInt(width)) - 1n);
        if (i < 4) units = [0n, (1n << 64n) - 1n, 0xffffffffn, 1n << 32n][i];
        const [sec, nsec] = reference(units, tsresol, BigInt(offset));
        const safe = scale.convert(Number(units >> 32n), Number(units & 0xffffffffn));
        if (safe !== Number.isSafeInteger(sec)) throw new Error(`tsresol 0x${tsresol.toString(16)}, units ${units}: safe ${safe}`);
        if (!safe) continue;
        if (scale.sec !== sec || scale.nsec !== nsec) {
          throw new Error(`tsresol 0x${tsresol.toString(16)}, units ${units}: got ${scale.sec}.${scale.nsec}, want ${sec}.${nsec}`);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20000);
  });

  test('seconds past 2^53 are a PcapFormatError, not a rounded number', () => {
    const bytes = new PcapngBuilder().section('little').interface({ linkType: 1, tsresol: 0 })
      .epb(0, 1n << 60n, Buffer.from('far future')).toBuffer();
    const reader = PcapReader.from(bytes);
    expect(() => reader.next()).toThrow(expect.objectContaining({ name: 'PcapFormatError', offset: 60 }));
  });
});
