// What the assembler and the disassembler share: the mnemonics of the
// operations that take the same operand forms, the names of the ancillary
// loads, and the error of a bad line. The syntax is the kernel's bpf_asm
// (tools/bpf, Documentation/networking/filter.rst), which tcpdump -d also
// prints, with labels.
import {
  BPF_ADD, BPF_AND, BPF_DIV, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET, BPF_LSH, BPF_MOD, BPF_MUL, BPF_OR, BPF_RSH,
  BPF_SUB, BPF_XOR, SKF_AD_ALU_XOR_X, SKF_AD_CPU, SKF_AD_HATYPE, SKF_AD_IFINDEX, SKF_AD_MARK, SKF_AD_NLATTR,
  SKF_AD_NLATTR_NEST, SKF_AD_PAY_OFFSET, SKF_AD_PKTTYPE, SKF_AD_PROTOCOL, SKF_AD_QUEUE, SKF_AD_RANDOM,
  SKF_AD_RXHASH, SKF_AD_VLAN_TAG, SKF_AD_VLAN_TAG_PRESENT, SKF_AD_VLAN_TPID,
} from '../constants';

/** The ALU operations that take `#k` or `x`, by mnemonic. */
export const ALU_OPERATIONS: ReadonlyMap<string, number> = new Map([
  ['add', BPF_ADD], ['sub', BPF_SUB], ['mul', BPF_MUL], ['div', BPF_DIV], ['mod', BPF_MOD],
  ['and', BPF_AND], ['or', BPF_OR], ['xor', BPF_XOR], ['lsh', BPF_LSH], ['rsh', BPF_RSH],
]);

/** The conditional jumps, by mnemonic: the operation, and whether the targets are swapped (jne is jeq with jt and jf exchanged). */
export const JUMPS: ReadonlyMap<string, { operation: number; negated: boolean }> = new Map([
  ['jeq', { operation: BPF_JEQ, negated: false }], ['jgt', { operation: BPF_JGT, negated: false }],
  ['jge', { operation: BPF_JGE, negated: false }], ['jset', { operation: BPF_JSET, negated: false }],
  ['jne', { operation: BPF_JEQ, negated: true }], ['jneq', { operation: BPF_JEQ, negated: true }],
  ['jle', { operation: BPF_JGT, negated: true }], ['jlt', { operation: BPF_JGE, negated: true }],
]);

/** The ancillary loads by bpf_asm's names (`ld #proto`), and xor_x, which bpf_asm lacks. */
export const ANCILLARY_NAMES: ReadonlyMap<string, number> = new Map([
  ['proto', SKF_AD_PROTOCOL], ['type', SKF_AD_PKTTYPE], ['ifidx', SKF_AD_IFINDEX], ['nla', SKF_AD_NLATTR],
  ['nlan', SKF_AD_NLATTR_NEST], ['mark', SKF_AD_MARK], ['queue', SKF_AD_QUEUE], ['hatype', SKF_AD_HATYPE],
  ['rxhash', SKF_AD_RXHASH], ['cpu', SKF_AD_CPU], ['xor_x', SKF_AD_ALU_XOR_X], ['vlan_tci', SKF_AD_VLAN_TAG],
  ['vlan_avail', SKF_AD_VLAN_TAG_PRESENT], ['poff', SKF_AD_PAY_OFFSET], ['rand', SKF_AD_RANDOM],
  ['vlan_tpid', SKF_AD_VLAN_TPID],
]);

/**
 * A line of BPF assembly that {@link assemble} cannot read: `line` is its
 * number (from 1), and the message starts with it.
 */
export class BpfAssemblyError extends SyntaxError {
  /** The line, counted from 1. */
  readonly line: number;

  /**
   * @param line - The line number, from 1.
   * @param reason - What is wrong with it.
   */
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'BpfAssemblyError';
    this.line = line;
  }
}
