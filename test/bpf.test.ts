// Classic BPF: the interpreter and the checker against the kernel's own, the
// socket calls (attach, detach, lock, drain), and the assembler. The kernel is
// the reference: each program is attached to a real socket and judges real
// frames (over a veth pair in a namespace of the test's own), or is offered
// to setsockopt(SO_ATTACH_FILTER) to be accepted or refused.
import { constants as osConstants } from 'node:os';

import {
  AF_INET, BpfAssemblyError, BpfProgramError, CheckedProgram, PermissionDeniedError, SOCK_DGRAM, SocketClosedError,
  SocketError, WouldBlockError, assemble, checkFilter, disassemble, runFilter, socket, type BpfInstruction,
  type BpfProgram,
} from '../lib';
import { binding } from '../lib/binding';
import {
  BPF_A, BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JMP, BPF_K, BPF_LD, BPF_LSH,
  BPF_MAXINSNS, BPF_MEM, BPF_MOD, BPF_RET, BPF_RSH, BPF_ST, BPF_W, SKF_AD_CPU, SKF_AD_MAX, SKF_AD_OFF,
  SKF_AD_PAY_OFFSET, SKF_AD_QUEUE, SKF_AD_RANDOM, SKF_AD_RXHASH,
} from '../lib/constants';
import { FRAMES, PROGRAMS, random, randomProgram } from './bpf_programs';
import { inNamespace, openFds, track } from './helpers';

const seed = process.env.FC_SEED === undefined ? Date.now() & 0x7fffffff : Number(process.env.FC_SEED);
beforeAll(() => { process.stdout.write(`bpf random programs seed: ${seed} (replay with FC_SEED=${seed})\n`); });

const EINVAL = osConstants.errno.EINVAL;
const insn = (code: number, k = 0, jt = 0, jf = 0): BpfInstruction => ({ code, jt, jf, k });
const RET_K = (k: number): BpfInstruction => insn(BPF_RET | BPF_K, k);

/** The kernel's verdict: what setsockopt(SO_ATTACH_FILTER) said of the program (0 or -errno). */
function kernelVerdict(program: readonly BpfInstruction[]): number {
  const s = track(socket(AF_INET, SOCK_DGRAM));
  const r = binding.attachFilter(s.fileno(), program, false);
  s.close();
  return r;
}

function checkerAccepts(program: BpfProgram): boolean {
  try {
    checkFilter(program);
    return true;
  } catch (error) {
    if (!(error instanceof BpfProgramError)) throw error;
    return false;
  }
}

/**
 * Runs, in a fresh namespace with a veth pair, each program on a packet
 * socket on veth1 while each frame is sent from veth0, and returns how many
 * bytes of each frame the socket received (0: dropped), and veth1's index.
 * A second socket without a filter sees a barrier frame sent after each test
 * frame: once it has, the filtered socket's verdict on the test frame is in.
 */
async function kernelLengths(programs: readonly BpfProgram[]): Promise<{ lengths: number[][]; ifindex: number }> {
  const result = await inNamespace(`
    // No IPv6 (router solicitations, MLD) and no outgoing copies: the only
    // frames on veth1 are the test's.
    execFileSync('sysctl', ['-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
    execFileSync('sysctl', ['-qw', 'net.ipv6.conf.default.disable_ipv6=1']);
    for (const command of ${JSON.stringify(VETH)}) execFileSync('ip', command.split(' '));
    const programs = ${JSON.stringify(programs)};
    const frames = ${JSON.stringify(FRAMES.map((f) => f.sent.toString('hex')))}.map((h) => Buffer.from(h, 'hex'));
    const seen = ${JSON.stringify(FRAMES.map((f) => f.seen.toString('hex')))}.map((h) => Buffer.from(h, 'hex'));
    const barrier = Buffer.from('0e00000000ee020000000001' + '88b6' + '62617272696572', 'hex');
    const veth0 = lib.if_nametoindex('veth0'), veth1 = lib.if_nametoindex('veth1');
    const open = () => {
      const s = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, lib.htons(lib.ETH_P_ALL));
      s.bind({ ifindex: veth1, protocol: lib.ETH_P_ALL });
      s.setsockopt(lib.SOL_PACKET, lib.PACKET_IGNORE_OUTGOING, 1);
      s.setblocking(false);
      return s;
    };
    const filtered = open(), witness = open();
    const sender = lib.socket(lib.AF_PACKET, lib.SOCK_RAW, 0);
    const drain = (s) => { const got = []; for (;;) { try { got.push(s.recvSync(4096)); } catch (e) { if (e.code === 'EAGAIN') return got; throw e; } } };
    (async () => {
      const lengths = [];
      for (const program of programs) {
        const row = [];
        for (let i = 0; i < frames.length; i++) {
          filtered.attachFilter(program, { drain: true });
          drain(witness);
          sender.sendtoSync(frames[i], { ifindex: veth0, protocol: lib.ETH_P_ALL });
          sender.sendtoSync(barrier, { ifindex: veth0, protocol: lib.ETH_P_ALL });
          for (let got; !(got = await witness.recv(4096, 0, { timeout: 2000 })).equals(barrier);) { /* the test frame */ }
          const matches = drain(filtered).filter((got) => got.length > 0 && seen[i].subarray(0, got.length).equals(got));
          if (matches.length > 1) throw new Error('frame ' + i + ' received twice');
          row.push(matches.length === 1 ? matches[0].length : 0);
        }
        lengths.push(row);
      }
      console.log(JSON.stringify({ lengths, ifindex: veth1 }));
      for (const s of [filtered, witness, sender]) s.close();
    })().catch((e) => { console.error(e.stack); process.exitCode = 1; });
  `, [], 60000);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

const VETH = [
  'link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02',
  'link set veth0 up', 'link set veth1 up',
];

/** Whether the program reads an ancillary value the test cannot know: rand, cpu, rxhash, queue, poff. */
function readsUnknowable(program: readonly BpfInstruction[]): boolean {
  const unknowable = [SKF_AD_RANDOM, SKF_AD_CPU, SKF_AD_RXHASH, SKF_AD_QUEUE, SKF_AD_PAY_OFFSET]
    .map((n) => (SKF_AD_OFF + n) >>> 0);
  return program.some(({ code, k }) => (code & ~(BPF_B | BPF_H)) === (BPF_LD | BPF_ABS) && unknowable.includes(k));
}

describe('runFilter returns what the kernel returns', () => {
  test('for each program of the table and each frame: the verdict and the truncated length', async () => {
    const programs = PROGRAMS.map(([, text]) => assemble(text));
    const { lengths, ifindex } = await kernelLengths(programs);
    const mismatches: string[] = [];
    const verdicts = new Set<number>();
    programs.forEach((program, p) => FRAMES.forEach((frame, f) => {
      const expected = Math.min(runFilter(program, frame.seen, { ...frame.options, ifindex }), frame.seen.length);
      verdicts.add(lengths[p][f]);
      if (lengths[p][f] !== expected) {
        mismatches.push(`${PROGRAMS[p][0]} / ${frame.name}: kernel ${lengths[p][f]}, runFilter ${expected}`);
      }
    }));
    expect(mismatches).toEqual([]);
    // The table reaches drops, whole frames and truncations alike.
    expect(verdicts.has(0)).toBe(true);
    expect([...verdicts].filter((n) => n > 0).length).toBeGreaterThan(10);
  }, 90000);

  test('for random valid programs over the same frames', async () => {
    const next = random(seed);
    const programs: BpfInstruction[][] = [];
    while (programs.length < 100) {
      // Most end in "and #0x3f; ret a", so that A itself shows in the length kept.
      const program = randomProgram(next, 12, 1);
      if (next() < 0.8) program.splice(program.length - 1, 1, insn(BPF_ALU | BPF_AND | BPF_K, 0x3f), insn(BPF_RET | BPF_A));
      if (checkerAccepts(program)) programs.push(program);
    }
    const { lengths, ifindex } = await kernelLengths(programs);
    const mismatches: string[] = [];
    programs.forEach((program, p) => FRAMES.forEach((frame, f) => {
      // What differs from run to run or from the kernel's flow dissector is left out.
      if (readsUnknowable(program)) return;
      const options = { ...frame.options, ifindex };
      const expected = Math.min(runFilter(program, frame.seen, options), frame.seen.length);
      if (lengths[p][f] !== expected) {
        mismatches.push(`seed ${seed}, ${frame.name}: kernel ${lengths[p][f]}, runFilter ${expected}\n${disassemble(program)}`);
      }
    }));
    expect(mismatches).toEqual([]);
  }, 90000);
});

describe('checkFilter refuses what the kernel refuses', () => {
  const LD_MEM = (k: number): BpfInstruction => insn(BPF_LD | BPF_MEM, k);
  const BAD: ReadonlyArray<[string, BpfInstruction[]]> = [
    ['empty', []],
    ['longer than BPF_MAXINSNS', new Array(BPF_MAXINSNS + 1).fill(RET_K(0))],
    ['jump back to itself (k = -1)', [insn(BPF_JMP | BPF_JA, 0xffffffff), RET_K(0)]],
    ['jump past the end', [insn(BPF_JMP | BPF_JA, 1), RET_K(0)]],
    ['conditional jump past the end', [insn(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1), RET_K(0)]],
    ['memory index 16', [insn(BPF_LD | BPF_W | BPF_ABS, 0), insn(BPF_ST, 16), RET_K(0)]],
    ['division by constant 0', [insn(BPF_ALU | BPF_DIV | BPF_K, 0), RET_K(0)]],
    ['modulo by constant 0', [insn(BPF_ALU | BPF_MOD | BPF_K, 0), RET_K(0)]],
    ['shift left by constant 32', [insn(BPF_ALU | BPF_LSH | BPF_K, 32), RET_K(0)]],
    ['shift right by constant 32', [insn(BPF_ALU | BPF_RSH | BPF_K, 32), RET_K(0)]],
    ['no RET at the end', assemble('ld #1')],
    ['ends with a jump', assemble('ld #1\nja next\nnext: ld #2')],
    ['unknown opcode', [insn(0xffff), RET_K(0)]],
    ['BPF_LD | BPF_H | BPF_IMM (not in the kernel\'s table)', [insn(BPF_LD | BPF_H | BPF_IMM), RET_K(0)]],
    ['unknown ancillary load', [insn(BPF_LD | BPF_W | BPF_ABS, (SKF_AD_OFF + SKF_AD_MAX) >>> 0), RET_K(0)]],
    ['misaligned ancillary load', [insn(BPF_LD | BPF_W | BPF_ABS, (SKF_AD_OFF + 2) >>> 0), RET_K(0)]],
    ['M[] read before any write', [LD_MEM(0), insn(BPF_RET | BPF_A)]],
    ['M[] written on one path only', assemble('ldb [0]\njeq #1, write, skip\nwrite: st M[3]\nskip: ldx M[3]\nret #1')],
    ['M[] written after the jump that skips it', assemble('ja over\nst M[0]\nover: ld M[0]\nret a')],
  ];
  const GOOD: ReadonlyArray<[string, BpfInstruction[]]> = [
    ['one RET', [RET_K(0)]],
    ['BPF_MAXINSNS instructions', new Array(BPF_MAXINSNS).fill(RET_K(1))],
    ['M[] written on both paths', assemble('ldb [0]\njeq #1, a, b\na: st M[3]\nja join\nb: stx M[3]\njoin: ldx M[3]\nret #1')],
    ['read after RET, judged by what precedes it (the kernel\'s pass)', assemble('st M[0]\nret #0\nld M[0]\nret a')],
    ['every ancillary load the kernel knows', Array.from({ length: SKF_AD_MAX / 4 }, (_, i) => insn(
      BPF_LD | BPF_W | BPF_ABS, (SKF_AD_OFF + 4 * i) >>> 0)).concat([RET_K(0)])],
    ['a jump by 255', [insn(BPF_JMP | BPF_JEQ | BPF_K, 0, 255, 0), ...new Array(256).fill(RET_K(0))]],
    ['shift by 31, division by 1', assemble('lsh #31\nrsh #31\ndiv #1\nmod #1\nret a')],
  ];

  test.each(BAD)('refused: %s', (_name, program) => {
    expect(kernelVerdict(program)).toBe(-EINVAL);
    expect(() => checkFilter(program)).toThrow(BpfProgramError);
  });

  test.each(GOOD)('accepted: %s', (_name, program) => {
    expect(kernelVerdict(program)).toBe(0);
    expect(checkFilter(program)).toBeInstanceOf(CheckedProgram);
  });

  test('what only the kernel\'s translation to eBPF refuses is a BpfProgramError without an instruction', () => {
    // A jump over 4000 indirect loads spans more translated instructions than an eBPF jump holds.
    const loads = new Array(4000).fill(insn(BPF_LD | BPF_W | BPF_IND, 1));
    const program = [insn(BPF_JMP | BPF_JA, loads.length), ...loads, RET_K(0)];
    expect(checkFilter(program)).toBeInstanceOf(CheckedProgram);
    const s = track(socket(AF_INET, SOCK_DGRAM));
    expect(() => s.attachFilter(program)).toThrow(expect.objectContaining({
      name: 'BpfProgramError', code: 'EINVAL', instruction: undefined, message: expect.stringMatching(/the kernel refused/) }));
    s.close();
  });

  test('the error names the instruction and the reason, as the kernel\'s EINVAL', () => {
    const error = (() => { try { checkFilter(assemble('ld #1\nld M[2]\nret a')); } catch (e) { return e; } return null; })();
    expect(error).toBeInstanceOf(BpfProgramError);
    expect(error).toBeInstanceOf(SocketError);
    expect(error).toMatchObject({ code: 'EINVAL', errno: EINVAL, instruction: 1 });
    expect((error as Error).message).toMatch(/instruction 1: reads scratch memory M\[2\]/);
  });

  test('random programs: the checker and the kernel agree on every one', () => {
    const next = random(seed ^ 0x5eed);
    const disagreements: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const program = randomProgram(next, 8);
      const kernel = kernelVerdict(program) === 0;
      if (kernel) accepted++;
      if (kernel !== checkerAccepts(program)) disagreements.push(`kernel ${kernel ? 'accepts' : 'refuses'}:\n${disassemble(program)}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Both verdicts are well represented.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });
});

describe('attachFilter, detachFilter, lockFilter', () => {
  /** A UDP socket on loopback with `count` datagrams queued, and the sender. */
  function queued(count: number): { receiver: ReturnType<typeof socket>; send: (text: string) => void } {
    const receiver = track(socket(AF_INET, SOCK_DGRAM));
    receiver.bind({ address: '127.0.0.1', port: 0 });
    receiver.setblocking(false);
    const sender = track(socket(AF_INET, SOCK_DGRAM));
    const send = (text: string): void => { sender.sendtoSync(Buffer.from(text), receiver.getsockname()); };
    for (let i = 0; i < count; i++) send(`queued ${i}`);
    return { receiver, send };
  }

  test('{ drain: true } drops what was queued before; without it the queue stays', () => {
    const acceptAll = assemble('ret #-1');
    const kept = queued(3);
    kept.receiver.attachFilter(acceptAll);
    expect(kept.receiver.recvSync(100).toString()).toBe('queued 0');
    const drained = queued(3);
    drained.receiver.attachFilter(acceptAll, { drain: true });
    expect(() => drained.receiver.recvSync(100)).toThrow(WouldBlockError);
    drained.send('after');
    expect(drained.receiver.recvSync(100).toString()).toBe('after');
  });

  test('a UDP socket\'s filter sees the UDP header: ret #n keeps n - 8 bytes of payload', () => {
    const { receiver, send } = queued(0);
    receiver.attachFilter(assemble('ldh [4]\nret a'));
    send('0123456789');
    // The UDP length (18) is returned: the whole datagram.
    expect(receiver.recvSync(100).toString()).toBe('0123456789');
    receiver.attachFilter(assemble('ret #12'));
    send('0123456789');
    expect(receiver.recvSync(100).toString()).toBe('0123');
  });

  test('a refused program leaves the socket as it was, drain or not', () => {
    const { receiver } = queued(2);
    const bad = assemble('ld M[0]\nret a');
    expect(() => receiver.attachFilter(bad, { drain: true })).toThrow(expect.objectContaining({
      name: 'BpfProgramError', code: 'EINVAL', syscall: 'setsockopt', instruction: 0 }));
    expect(receiver.recvSync(100).toString()).toBe('queued 0');
  });

  test('detachFilter removes it; with none, ENOENT', () => {
    const { receiver, send } = queued(0);
    receiver.attachFilter(assemble('ret #0'));
    send('dropped');
    expect(() => receiver.recvSync(100)).toThrow(WouldBlockError);
    receiver.detachFilter();
    send('passes');
    expect(receiver.recvSync(100).toString()).toBe('passes');
    expect(() => receiver.detachFilter()).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'setsockopt' }));
  });

  test('after lockFilter, attach and detach raise PermissionDeniedError (EPERM); the filter stays', () => {
    const { receiver, send } = queued(0);
    receiver.attachFilter(assemble('ret #0'));
    receiver.lockFilter();
    expect(() => receiver.attachFilter(assemble('ret #-1'))).toThrow(PermissionDeniedError);
    expect(() => receiver.detachFilter()).toThrow(expect.objectContaining({ code: 'EPERM', message: expect.stringMatching(/locked/) }));
    send('still dropped');
    expect(() => receiver.recvSync(100)).toThrow(WouldBlockError);
  });

  test('bad programs and options are typed errors, with no fd leaked', () => {
    const before = openFds();
    const s = track(socket(AF_INET, SOCK_DGRAM));
    const cases: Array<[unknown, unknown, new (...args: never[]) => Error]> = [
      ['ret #0', undefined, TypeError],
      [null, undefined, TypeError],
      [[null], undefined, TypeError],
      [[{ code: '6', jt: 0, jf: 0, k: 0 }], undefined, TypeError],
      [[{ code: 6, jt: 0, jf: 0 }], undefined, TypeError],
      [[{ code: 0x10000, jt: 0, jf: 0, k: 0 }], undefined, RangeError],
      [[{ code: 6, jt: 256, jf: 0, k: 0 }], undefined, RangeError],
      [[{ code: 6, jt: 0, jf: -1, k: 0 }], undefined, RangeError],
      [[{ code: 6, jt: 0, jf: 0, k: 2 ** 32 }], undefined, RangeError],
      [[{ code: 6, jt: 0, jf: 0, k: 1.5 }], undefined, RangeError],
      [[], undefined, BpfProgramError],
      [[RET_K(0)], { drain: 'yes' }, TypeError],
      [[RET_K(0)], 5, TypeError],
    ];
    for (const [program, options, type] of cases) {
      expect(() => s.attachFilter(program as BpfProgram, options as never)).toThrow(type);
      if (options === undefined) expect(() => checkFilter(program as BpfProgram)).toThrow(type);
    }
    s.close();
    expect(() => s.attachFilter([RET_K(0)])).toThrow(SocketClosedError);
    expect(() => s.detachFilter()).toThrow(SocketClosedError);
    expect(() => s.lockFilter()).toThrow(SocketClosedError);
    expect(openFds()).toBe(before);
  });

  test('the native layer checks what it reads too', () => {
    const s = track(socket(AF_INET, SOCK_DGRAM));
    const fd = s.fileno();
    const attach = binding.attachFilter as (...args: unknown[]) => number;
    // The addon's errors come from the main realm, not jest's: compared by name.
    const typeError = expect.objectContaining({ name: 'TypeError' });
    expect(() => attach(fd, 'x', false)).toThrow(typeError);
    expect(() => attach(fd, [5], false)).toThrow(typeError);
    expect(() => attach(fd, [{ code: 6, jt: 0, jf: 0, k: 'x' }], false)).toThrow(typeError);
    expect(() => attach(fd, [{ code: 6, jt: 300, jf: 0, k: 0 }], false)).toThrow(expect.objectContaining({ name: 'RangeError' }));
    expect(attach(fd, new Array(70000).fill(RET_K(0)), false)).toBe(-EINVAL);
    s.close();
  });
});

describe('runFilter and checkFilter', () => {
  const frame = Buffer.from('000000000002000000000001080045000020', 'hex');

  test('a checked program runs without being checked again; a plain one is checked on each call', () => {
    const program = assemble('ldh [12]\njeq #0x800, ip\nret #0\nip: ret #99');
    const checked = checkFilter(program);
    expect(checkFilter(checked)).toBe(checked);
    expect(Object.isFrozen(checked.instructions[0])).toBe(true);
    expect(runFilter(checked, frame)).toBe(99);
    expect(runFilter(program, frame)).toBe(99);
    expect(() => runFilter([RET_K(0), insn(BPF_LD | BPF_MEM, 0)], frame)).toThrow(BpfProgramError);
  });

  test('the result is the unsigned 32-bit return value; the frame may be any view', () => {
    expect(runFilter(assemble('ret #-1'), frame)).toBe(0xffffffff);
    expect(runFilter(assemble('ld #len\nret a'), new DataView(frame.buffer, frame.byteOffset, 5) as never)).toBe(5);
    expect(runFilter(assemble('ld #len\nret a'), frame, { packetLength: 1500 })).toBe(1500);
    // packetLength below the frame's: loads past it fail, as they would in the kernel.
    expect(runFilter(assemble('ldb [14]\nret a'), frame, { packetLength: 14 })).toBe(0);
    expect(() => runFilter(assemble('ret #1'), 'frame' as never)).toThrow(TypeError);
    expect(() => runFilter(assemble('ld #proto\nret a'), frame, { protocol: 0x10000 })).toThrow(RangeError);
    expect(() => runFilter(assemble('ret a'), frame, { networkHeaderOffset: -1 })).toThrow(RangeError);
    expect(() => runFilter(assemble('ret a'), frame, 7 as never)).toThrow(TypeError);
  });

  test('netlink attributes: #nla and #nlan find them as the kernel does (host byte order)', () => {
    const le = (n: number): number[] => [n & 0xff, n >> 8];
    // Two attributes from offset 4: type 1 (5 bytes, padded to 8), type 7 nesting type 3.
    const bytes = Buffer.from([0, 0, 0, 0, ...le(5), ...le(1), 0xaa, 0, 0, 0, ...le(12), ...le(7 | 0x8000),
      ...le(8), ...le(3), 1, 2, 3, 4]);
    const find = (type: number, nested = false): number => runFilter(
      assemble(`ld #${nested ? 12 : 4}\nldx #${type}\nld #${nested ? 'nlan' : 'nla'}\nret a`), bytes);
    expect(find(1)).toBe(4);
    expect(find(7)).toBe(12);
    expect(find(9)).toBe(0);
    expect(find(3, true)).toBe(16);
  });
});

describe('assemble and disassemble', () => {
  test('a program round-trips, and tcpdump -d output assembles', () => {
    for (const [, text] of PROGRAMS) {
      const program = assemble(text);
      expect(assemble(disassemble(program))).toEqual(program);
    }
    const tcpdump = `(000) ldh      [12]
(001) jeq      #0x800           jt 2	jf 5
(002) ldb      [23]
(003) jeq      #0x6             jt 4	jf 5
(004) ret      #262144
(005) ret      #0`;
    expect(assemble(tcpdump)).toEqual([insn(BPF_LD | BPF_H | BPF_ABS, 12), insn(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 3),
      insn(BPF_LD | BPF_B | BPF_ABS, 23), insn(BPF_JMP | BPF_JEQ | BPF_K, 6, 0, 1), RET_K(262144), RET_K(0)]);
  });

  test('random programs, valid or not, round-trip field for field', () => {
    const next = random(seed ^ 0xa5a5);
    for (let i = 0; i < 500; i++) {
      const program = randomProgram(next, 12, 0.5);
      expect(assemble(disassemble(program))).toEqual(program);
    }
  });

  test.each([
    ['an unknown mnemonic', 'ldw [1]', 1, /unknown instruction "ldw"/],
    ['an undefined label', 'ret #0\njeq #1, nowhere\nret #1', 2, /label "nowhere" is not defined/],
    ['a backward jump', 'top: ret #0\nja top', 2, /goes backwards/],
    ['a conditional jump too far', `jeq #1, far\n${'ret #0\n'.repeat(256)}far: ret #1`, 1, /256 instructions, more than 255/],
    ['a number over 32 bits', 'ld [0x100000000]\nret a', 1, /does not fit 32 bits/],
    ['a label twice', 'a: ret #0\na: ret #1', 2, /defined twice/],
    ['a label on nothing', 'ret #0\nend:', 2, /labels no instruction/],
    ['an operand the mnemonic lacks', 'ldh #5\nret a', 1, /ldh cannot take "#5"/],
    ['a tcpdump index out of step', 'ret #0\n(5) ret #1', 2, /\(5\) is number 1/],
    ['an operand where none goes', 'tax x\nret a', 1, /takes no operand/],
    ['no instruction', '   ; nothing but a comment', 1, /no instruction/],
  ])('%s', (_name, text, line, message) => {
    const error = (() => { try { assemble(text); } catch (e) { return e; } return null; })();
    expect(error).toBeInstanceOf(BpfAssemblyError);
    expect(error).toMatchObject({ line });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(`line ${line}: `)).toBe(true);
  });

  test('bad input is a TypeError', () => {
    expect(() => assemble(5 as never)).toThrow(TypeError);
    expect(() => disassemble('ret' as never)).toThrow(TypeError);
  });
});
