// Malformed capture files: each broken input gives the good records before
// the damage, then a PcapFormatError naming the byte where it is, from memory
// and from a file alike, with no fd left open; the odd-but-valid files
// libpcap reads (records over the snaplen, version 2.2's swapped lengths)
// read as tcpdump reads them; and the fuzz target runs over its corpus and
// over mutations of it.
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PcapFormatError, PcapReader, PcapWriter } from '../lib';
import { fuzzOne } from './fuzz/ts/pcap_reader';
import { openFds } from './helpers';
import { classicHeader, classicRecord, PcapngBuilder, printedTime, Random, tcpdumpRead } from './pcap_files';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'bsd-pcap-bad-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frame = Buffer.from('0200000000020200000000010800450000140000000040ff00000a0100010a010002', 'hex');
const goodClassic = (() => {
  const writer = PcapWriter.inMemory({ linkType: 1 });
  writer.write(frame, { sec: 1, nsec: 0 });
  writer.write(frame, { sec: 2, nsec: 0 });
  return writer.toBuffer();
})();
/** SHB (28 bytes), IDB (20), EPB at 48. */
const shbIdb = (order: 'little' | 'big' = 'little'): PcapngBuilder => new PcapngBuilder().section(order).interface({ linkType: 1 });
const goodNg = shbIdb().epb(0, 5n, frame).toBuffer();
const EPB_AT = 48;
const patched = (bytes: Buffer, at: number, value: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(value >>> 0, at);
  return copy;
};
const idbWith = (...options: Buffer[]): Buffer => {
  const builder = new PcapngBuilder().section('little');
  const fixed = Buffer.from([1, 0, 0, 0, 0, 0, 4, 0]);
  return builder.block(1, Buffer.concat([fixed, ...options])).epb(0, 0n, frame).toBuffer();
};
const option = (code: number, value: number[]): Buffer => new PcapngBuilder().option(code, Buffer.from(value));

/** [name, file, records before the error, offset the error names]. */
const BROKEN: Array<[string, Buffer, number, number]> = [
  ['an empty file', Buffer.alloc(0), 0, 0],
  ['three bytes', Buffer.from([0xd4, 0xc3, 0xb2]), 0, 0],
  ['an unknown magic number', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(18)]), 0, 0],
  ['a truncated file header', goodClassic.subarray(0, 20), 0, 0],
  ['version 3.0', classicHeader({ major: 3, minor: 0 }), 0, 4],
  ['version 2.5', classicHeader({ minor: 5 }), 0, 4],
  ['a truncated record header', goodClassic.subarray(0, 24 + 10), 0, 24],
  ['a truncated last record', goodClassic.subarray(0, -1), 1, 24 + 16 + frame.length],
  ['a truncated record, big-endian', Buffer.concat([classicHeader({ order: 'big' }),
    classicRecord({ incl: 100, order: 'big' }, Buffer.alloc(50))]), 0, 24],
  ['incl_len 2^32 − 1', Buffer.concat([classicHeader(), classicRecord({ incl: 0xffffffff }, Buffer.alloc(64))]), 0, 24],
  ['incl_len over max(snaplen, 262144)', Buffer.concat([classicHeader({ snaplen: 65535 }),
    classicRecord({ incl: 262145 }, Buffer.alloc(262145))]), 0, 24],
  ['incl_len over a 1 GiB snaplen\'s 16 MiB cap', Buffer.concat([classicHeader({ snaplen: 1 << 30 }),
    classicRecord({ incl: (16 << 20) + 1 }, Buffer.alloc(16))]), 0, 24],
  ['pcapng: a bad byte-order magic', patched(goodNg, 8, 0x1a2b3c4e), 0, 8],
  ['pcapng: a block length not a multiple of 4', patched(goodNg, EPB_AT + 4, 50), 0, EPB_AT + 4],
  ['pcapng: a zero-length block', patched(goodNg, EPB_AT + 4, 0), 0, EPB_AT + 4],
  ['pcapng: a block length under 12', patched(goodNg, EPB_AT + 4, 8), 0, EPB_AT + 4],
  ['pcapng: a Section Header Block under 28 bytes', patched(goodNg, 4, 24), 0, 4],
  ['pcapng: a block length of 4 GiB', patched(goodNg, EPB_AT + 4, 0xfffffffc), 0, EPB_AT + 4],
  ['pcapng: a block longer than the file', goodNg.subarray(0, -4), 0, EPB_AT],
  ['pcapng: a partial block header at the end', Buffer.concat([goodNg, Buffer.alloc(6)]), 1, goodNg.length],
  ['pcapng: a trailing length that differs', patched(goodNg, goodNg.length - 4, 12), 0, goodNg.length - 4],
  ['pcapng: major version 2', new PcapngBuilder().section('big', 2).toBuffer(), 0, 12],
  ['pcapng: no Interface Description Block', new PcapngBuilder().section('little').block(5, Buffer.alloc(8)).toBuffer(), 0, 48],
  ['pcapng: a packet before any interface', new PcapngBuilder().section('little').epb(0, 0n, frame).toBuffer(), 0, 28],
  ['pcapng: a Simple Packet Block before any interface', new PcapngBuilder().section('big').spb(frame).toBuffer(), 0, 28],
  ['pcapng: a packet on an undescribed interface', shbIdb('big').epb(0, 0n, frame).epb(1, 0n, frame).toBuffer(),
    1, EPB_AT + 32 + 36],
  ['pcapng: a captured length past the block', patched(goodNg, EPB_AT + 20, 1000), 0, EPB_AT],
  ['pcapng: a captured length over the snaplen', new PcapngBuilder().section('little')
    .interface({ linkType: 1, snaplen: 16 }).epb(0, 0n, frame).toBuffer(), 0, EPB_AT],
  ['pcapng: a Simple Packet Block shorter than its packet', shbIdb().spb(frame.subarray(0, 8), 100).toBuffer(), 0, EPB_AT],
  ['pcapng: an Interface Description Block under 8 bytes of body', new PcapngBuilder().section('little')
    .block(1, Buffer.alloc(4)).toBuffer(), 0, 28],
  ['pcapng: if_tsresol 10^-20', idbWith(option(9, [20])), 0, 28],
  ['pcapng: if_tsresol 2^-64', idbWith(option(9, [0x80 | 64])), 0, 28],
  ['pcapng: if_tsresol of 2 bytes', idbWith(option(9, [6, 6])), 0, 44],
  ['pcapng: two if_tsresol', idbWith(option(9, [6]), option(9, [9])), 0, 52],
  ['pcapng: if_tsoffset of 4 bytes', idbWith(option(14, [0, 0, 0, 0])), 0, 44],
  ['pcapng: if_tsoffset past 2^53', idbWith(option(14, [0, 0, 0, 0, 0, 0, 0x40, 0])), 0, 44],
  ['pcapng: an option running past its block', idbWith(Buffer.from([2, 0, 200, 0, 65, 65, 65, 65])), 0, 44],
];

describe('malformed files', () => {
  test.each(BROKEN)('%s', (_name, bytes, goodRecords, offset) => {
    const file = join(dir, 'broken');
    writeFileSync(file, bytes);
    const fds = openFds();
    for (const open of [() => PcapReader.from(bytes), () => PcapReader.open(file)]) {
      let records = 0;
      let failure: unknown;
      try {
        for (const _record of open()) records += 1;
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(PcapFormatError);
      expect(failure).toMatchObject({ code: 'ERR_PCAP_FORMAT', offset });
      expect(records).toBe(goodRecords);
      expect(openFds()).toBe(fds);
    }
    // Asked again, a failed reader gives the same error, not an early end.
    const reader = (() => {
      try { return PcapReader.from(bytes); } catch { return null; }
    })();
    if (reader !== null) {
      const again = (): Error | null => {
        try {
          while (reader.next() !== null);
          return null;
        } catch (error) {
          return error as Error;
        }
      };
      const first = again();
      expect(first).toBeInstanceOf(PcapFormatError);
      expect(again()).toBe(first);
    }
  });

  test('tcpdump also refuses the truncated files, after the same good records', () => {
    const file = join(dir, 'truncated.pcap');
    writeFileSync(file, goodClassic.subarray(0, -1));
    let printed: unknown;
    try {
      tcpdumpRead(file);
    } catch (error) {
      printed = error;
    }
    expect(String((printed as { stderr: string }).stderr)).toMatch(/truncated dump file/);
    expect(String((printed as { stdout: string }).stdout).match(/^\d+\.\d+ /gm)).toHaveLength(1);
  });
});

describe('odd files that libpcap reads', () => {
  test('a record over the snaplen is cut to it, as tcpdump cuts it', () => {
    const file = join(dir, 'over-snaplen.pcap');
    writeFileSync(file, Buffer.concat([classicHeader({ snaplen: 20 }),
      classicRecord({ sec: 7, frac: 8, incl: frame.length, orig: 60 }, frame),
      classicRecord({ sec: 9, frac: 10, incl: 10 }, frame.subarray(0, 10))]));
    const records = [...PcapReader.open(file)];
    expect(records.map((r) => [r.sec, r.nsec, r.data.length, r.originalLength])).toEqual([[7, 8000, 20, 60], [9, 10000, 10, 10]]);
    expect(tcpdumpRead(file).map((p) => `${p.sec}.${p.frac} ${p.hex}`))
      .toEqual(records.map((r) => `${printedTime(r.sec, r.nsec, false)} ${Buffer.from(r.data).toString('hex')}`));
  });

  test('version 2.2 files, whose records give orig_len first', () => {
    const file = join(dir, 'v2.2.pcap');
    // Written as orig_len 60, incl_len 34 (fields swapped before 2.3).
    writeFileSync(file, Buffer.concat([classicHeader({ minor: 2 }), classicRecord({ incl: 60, orig: frame.length }, frame)]));
    const records = [...PcapReader.open(file)];
    expect(records.map((r) => [r.data.length, r.originalLength])).toEqual([[frame.length, 60]]);
    expect(tcpdumpRead(file).map((p) => p.hex)).toEqual([frame.toString('hex')]);
  });
});

describe('the fuzz target', () => {
  const corpusDir = join(__dirname, 'fuzz', 'corpus-ts', 'pcap_reader');
  const corpus = readdirSync(corpusDir).map((name) => [name, readFileSync(join(corpusDir, name))] as const);

  test('its corpus holds valid and broken files of both formats', () => {
    const outcome = (bytes: Buffer): string => {
      try {
        return `${[...PcapReader.from(bytes)].length} records`;
      } catch (error) {
        if (error instanceof PcapFormatError) return 'PcapFormatError';
        throw error;
      }
    };
    const outcomes = corpus.map(([, bytes]) => outcome(bytes));
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    expect(outcomes.filter((o) => o === 'PcapFormatError').length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((o) => o !== 'PcapFormatError').length).toBeGreaterThanOrEqual(5);
  });

  test.each(corpus)('%s', (_name, bytes) => {
    expect(() => fuzzOne(bytes)).not.toThrow();
  });

  test('mutations of the corpus: flipped bytes, patched lengths, cut tails', () => {
    const random = new Random(31337);
    const interesting = [0, 1, 0x7f, 0x80, 0xff];
    let runs = 0;
    for (const [, seed] of corpus) {
      if (seed.length === 0) continue;
      for (let i = 0; i < 150; i++) {
        const bytes = Buffer.from(seed);
        const edits = random.int(1, 4);
        for (let e = 0; e < edits; e++) {
          const at = random.int(0, bytes.length - 1);
          if (random.int(0, 1) === 0) bytes[at] = random.u32() & 0xff;
          else bytes[at] = interesting[random.int(0, interesting.length - 1)];
        }
        const cut = random.int(0, 3) === 0 ? random.int(0, bytes.length) : bytes.length;
        fuzzOne(bytes.subarray(0, cut));
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThan(2500);
  });
});
