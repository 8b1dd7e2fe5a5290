// Programs and frames for the BPF tests (test/bpf.test.ts): random programs
// from a seeded generator, biased toward the edges of the kernel's checker
// (the last instruction, jump lengths, memory indexes, shift counts, ancillary
// offsets), and the Ethernet frames the kernel and the interpreter judge.
import {
  ARPHRD_ETHER, BPF_A, BPF_ABS, BPF_ADD, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ,
  BPF_JGE, BPF_JGT, BPF_JMP, BPF_JSET, BPF_K, BPF_LD, BPF_LDX, BPF_LEN, BPF_LSH, BPF_MEM, BPF_MISC, BPF_MOD, BPF_MSH,
  BPF_MUL, BPF_NEG, BPF_OR, BPF_RET, BPF_RSH, BPF_ST, BPF_STX, BPF_SUB, BPF_TAX, BPF_TXA, BPF_W, BPF_X, BPF_XOR,
  PACKET_BROADCAST, PACKET_HOST, PACKET_OTHERHOST, SKF_AD_OFF, SKF_LL_OFF, SKF_NET_OFF, type BpfInstruction,
  type RunFilterOptions,
} from '../lib';

/** A seeded PRNG (mulberry32): the same seed, the same programs. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}

const ALU_OPERATIONS = [BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD, BPF_AND, BPF_OR, BPF_XOR, BPF_LSH, BPF_RSH];
const JUMP_OPERATIONS = [BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET];

/** Every opcode the kernel's chk_code_allowed takes. */
export const ALLOWED_CODES: readonly number[] = [
  ...ALU_OPERATIONS.flatMap((op) => [BPF_ALU | op | BPF_K, BPF_ALU | op | BPF_X]), BPF_ALU | BPF_NEG,
  ...[BPF_W, BPF_H, BPF_B].flatMap((size) => [BPF_LD | size | BPF_ABS, BPF_LD | size | BPF_IND]),
  BPF_LD | BPF_W | BPF_LEN, BPF_LD | BPF_IMM, BPF_LD | BPF_MEM,
  BPF_LDX | BPF_W | BPF_LEN, BPF_LDX | BPF_B | BPF_MSH, BPF_LDX | BPF_IMM, BPF_LDX | BPF_MEM,
  BPF_ST, BPF_STX, BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA, BPF_RET | BPF_K, BPF_RET | BPF_A,
  BPF_JMP | BPF_JA, ...JUMP_OPERATIONS.flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X]),
];

/** A random program of 1 to `maxLength` instructions, valid or not, near the checker's edges. */
export function randomProgram(next: () => number, maxLength: number, valid = 0.7): BpfInstruction[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const length = 1 + Math.floor(next() * maxLength);
  const program: BpfInstruction[] = [];
  for (let pc = 0; pc < length; pc++) {
    const roll = next();
    const code = roll < 0.9 ? pick(ALLOWED_CODES) : roll < 0.95 ? Math.floor(next() * 0x100) : Math.floor(next() * 0x10000);
    const left = length - pc - 1;
    const offset = (): number => (next() < 0.9 ? Math.floor(next() * (left + 1)) : pick([left, left + 1, 255]));
    const k = pick([
      0, 1, 2, 3, 12, 14, 15, 16, 20, 23, 31, 32, 33, 0x800, 0xffff, 0xffffffff, 0x80000000,
      Math.floor(next() * 0x100000000), Math.floor(next() * 64), left, left + 1,
      (SKF_AD_OFF + 4 * Math.floor(next() * 17)) >>> 0, (SKF_AD_OFF + 2) >>> 0,
      (SKF_NET_OFF + Math.floor(next() * 24)) >>> 0, (SKF_LL_OFF + Math.floor(next() * 24)) >>> 0,
    ]);
    program.push({ code, jt: offset(), jf: offset(), k });
  }
  if (next() < valid) {
    program[length - 1] = { code: pick([BPF_RET | BPF_K, BPF_RET | BPF_A]), jt: 0, jf: 0, k: pick([0, 1, 30, 0xffffffff]) };
  }
  return program;
}

/** A test frame: the bytes sent, the bytes the filter sees, and what else the kernel knows of it. */
export interface Frame {
  name: string;
  sent: Buffer;
  /** The frame the socket's filter sees (the same but for a VLAN tag, which the kernel strips first). */
  seen: Buffer;
  /** The ancillary values, but for ifindex (the child's veth1). */
  options: RunFilterOptions;
}

const VETH1 = [2, 0, 0, 0, 0, 2];
const VETH0 = [2, 0, 0, 0, 0, 1];
const BROADCAST = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
const OTHER_HOST = [0x0a, 0, 0, 0, 0, 9];

/** An IPv4 header (checksum 0: nobody checks it here) of `ihl` words, carrying `protocol`. */
function ipv4(protocol: number, payload: number[], ihl = 5, fragment = 0): number[] {
  const length = ihl * 4 + payload.length;
  const header = [0x40 | ihl, 0, length >> 8, length & 0xff, 0, 1, fragment >> 8, fragment & 0xff, 64, protocol, 0, 0,
    10, 0, 0, 1, 10, 0, 0, 2, ...new Array(ihl * 4 - 20).fill(1)];
  return [...header, ...payload];
}

const tcp = (dport: number): number[] => [0x30, 0x39, dport >> 8, dport & 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02,
  0xff, 0xff, 0, 0, 0, 0];
const udp = (dport: number, data: number[]): number[] => [0x30, 0x39, dport >> 8, dport & 0xff, 0,
  8 + data.length, 0, 0, ...data];

function ethernet(name: string, destination: number[], etherType: number, body: number[], packetType: number,
  vlan?: number): Frame {
  const type = [etherType >> 8, etherType & 0xff];
  const seen = Buffer.from([...destination, ...VETH0, ...type, ...body]);
  const sent = vlan === undefined ? seen
    : Buffer.from([...destination, ...VETH0, 0x81, 0x00, vlan >> 8, vlan & 0xff, ...type, ...body]);
  const options: RunFilterOptions = {
    protocol: etherType, packetType, hardwareType: ARPHRD_ETHER, networkHeaderOffset: 14,
    ...(vlan === undefined ? {} : { vlanTagPresent: 1, vlanTag: vlan, vlanProtocol: 0x8100 }),
  };
  return { name, sent, seen, options };
}

/** The frames of the kernel-agreement tests: one of each kind a filter tells apart. */
export const FRAMES: readonly Frame[] = [
  ethernet('IPv4 TCP to port 80', VETH1, 0x0800, ipv4(6, tcp(80)), PACKET_HOST),
  ethernet('IPv4 with options (IHL 6), UDP to port 53, broadcast', BROADCAST, 0x0800,
    ipv4(17, udp(53, [1, 2, 3, 4, 5, 6, 7, 8])), PACKET_BROADCAST),
  ethernet('IPv4 TCP to port 443, a later fragment', VETH1, 0x0800, ipv4(6, tcp(443), 5, 0x00b9), PACKET_HOST),
  ethernet('IPv6 UDP to port 53', VETH1, 0x86dd, [0x60, 0, 0, 0, 0, 12, 17, 64, ...new Array(32).fill(0xfe),
    ...udp(53, [9, 9, 9, 9])], PACKET_HOST),
  ethernet('ARP request, broadcast', BROADCAST, 0x0806, [0, 1, 8, 0, 6, 4, 0, 1, ...VETH0, 10, 0, 0, 1,
    0, 0, 0, 0, 0, 0, 10, 0, 0, 2], PACKET_BROADCAST),
  ethernet('a bare Ethernet header', OTHER_HOST, 0x88b5, [], PACKET_OTHERHOST),
  ethernet('a 60-byte frame for another host', OTHER_HOST, 0x88b5,
    Array.from({ length: 46 }, (_, i) => (i * 37 + 0x9b) & 0xff), PACKET_OTHERHOST),
  ethernet('IPv4 UDP to port 53 in VLAN 42', VETH1, 0x0800, ipv4(17, udp(53, [1, 2])), PACKET_HOST, 42),
];

/** The programs of the kernel-agreement tests, in the assembler's syntax, by what they exercise. */
export const PROGRAMS: ReadonlyArray<[string, string]> = [
  ['accept all', 'ret #-1'],
  ['drop all', 'ret #0'],
  ['truncate to 20 bytes', 'ret #20'],
  ['IPv4 only', 'ldh [12]\njeq #0x800, keep, drop\nkeep: ret #65535\ndrop: ret #0'],
  ['IPv4 TCP port 80 (IHL from LDX MSH, fragments skipped)', `
    ldh [12]
    jne #0x800, drop
    ldb [23]
    jne #6, drop
    ldh [20]
    jset #0x1fff, drop
    ldxb 4*([14]&0xf)
    ldh [x + 16]
    jeq #80, keep, drop
    keep: ret #-1
    drop: ret #0`],
  ['UDP port 53 behind IPv4 options', `
    ldh [12]
    jne #0x800, drop
    ldb [23]
    jne #17, drop
    ldxb 4*([14]&0xf)
    ldh [x + 16]
    jne #53, drop
    txa
    add #14
    ret a
    drop: ret #0`],
  ['scratch memory', `
    ldh [12]
    st M[1]
    ldb [14]
    tax
    stx M[15]
    ld M[1]
    ldx M[15]
    add x
    and #0x1f
    add #14
    ret a`],
  ['ALU with constants', `
    ld #0xfffffff0
    add #0x20
    sub #3
    mul #0x10001
    div #7
    mod #1000
    or #0x100
    xor #0x55
    lsh #3
    rsh #2
    neg
    and #0x3f
    add #1
    ret a`],
  ['ALU with X, shifts by 32 and more', `
    ldb [13]
    tax
    ld #0x12345678
    div x
    mod x
    tax
    ld #0xdeadbeef
    ldx #33
    lsh x
    ldx #36
    rsh x
    sub x
    and #0x3f
    add #2
    ret a`],
  ['division by X = 0', 'ldx #0\nld #5\ndiv x\nret #-1'],
  ['modulo by X = 0', 'ldb [12]\ntax\nld #5\nmod x\nret #-1'],
  ['JSET on the fragment field', 'ldh [20]\njset #0x1fff, frag, other\nfrag: ret #33\nother: ret #44'],
  ['ret A from a byte', 'ldb [14]\nret a'],
  ['ret A of the length', 'ld #len\nsub #10\nret a'],
  ['a load past the end', 'ld [60]\nret #-1'],
  ['X + k wraps around 2^32', 'ldx #0xffffffff\nldb [x + 13]\nst M[0]\nldh [x + 13]\nldx M[0]\nadd x\nand #0x3f\nret a'],
  ['unsigned comparisons', `
    ld #0xfffffff0
    jgt #0x7fffffff, gt, fail
    gt: jge #0xfffffff0, ge, fail
    ge: ldx #0x80000000
    jgt x, gtx, fail
    gtx: jset #0x80000000, set, fail
    set: ldb [14]
    lsh #24
    jge #0x80000000, high, low
    high: ret #50
    low: ret #40
    fail: ret #0`],
  ['an indirect load past the end', 'ldxb 4*([14]&0xf)\nldh [x + 40]\nret #-1'],
  ['SKF_NET_OFF and SKF_LL_OFF', `ldb [${SKF_NET_OFF}]\ntax\nldb [${SKF_LL_OFF + 6}]\nadd x\nand #0x3f\nret a`],
  ['ancillary protocol, type, ifindex, hatype', `
    ld #proto
    jeq #0x800, ip, other
    ip: ld #type
    add #1
    tax
    ld #ifidx
    add x
    tax
    ld #hatype
    add x
    add #10
    ret a
    other: ret #7`],
  ['ancillary VLAN tag', 'ld #vlan_avail\njeq #1, tagged, untagged\ntagged: ld #vlan_tci\nand #0xfff\nret a\nuntagged: ret #3'],
  ['ancillary loads of other sizes, xor_x, mark', `
    ldb [${SKF_AD_OFF + 4}]
    add #1
    tax
    ldh [${SKF_AD_OFF + 8}]
    ld #xor_x
    tax
    ld #mark
    add x
    and #0x3f
    ret a`],
];
