// A program the checker accepted, decoded once for the interpreter: each
// instruction as four int32s, [operation, jump-if-true target, jump-if-false
// target, k], where the operation is a dense number of this module's own
// (OP below), so that the interpreter's switch compiles to a jump table, and
// the jump targets are absolute indexes. Ancillary loads (SKF_AD_OFF + n) are
// resolved here to their own operations, so a packet load never tests for them.
import type { BpfInstruction, BpfProgram } from './program';

/** The interpreter's operations (internal numbering, not opcodes: the opcodes are the BPF_* constants). */
export const enum OP {
  LD_W_ABS, LD_H_ABS, LD_B_ABS, LD_W_IND, LD_H_IND, LD_B_IND, LD_LEN, LD_IMM, LD_MEM,
  LDX_LEN, LDX_MSH, LDX_IMM, LDX_MEM, ST, STX, TAX, TXA, RET_K, RET_A, JA,
  JEQ_K, JEQ_X, JGT_K, JGT_X, JGE_K, JGE_X, JSET_K, JSET_X,
  ADD_K, ADD_X, SUB_K, SUB_X, MUL_K, MUL_X, DIV_K, DIV_X, MOD_K, MOD_X,
  AND_K, AND_X, OR_K, OR_X, XOR_K, XOR_X, LSH_K, LSH_X, RSH_K, RSH_X, NEG,
  /** An ancillary load or operation (LD ABS at SKF_AD_OFF + n); its k is n, the SKF_AD_* number. */
  ANCILLARY,
}

/**
 * The decoded layout. A const enum, so that the compiler writes the number
 * in place: an exported const is a property load from the module object on
 * every instruction the interpreter runs.
 */
export const enum Layout {
  /** Words per decoded instruction. */
  STRIDE = 4,
}

const CREATE = Symbol('CheckedProgram');

/**
 * A classic BPF program that {@link checkFilter} accepted, frozen and decoded
 * for {@link runFilter}. Check a program once and run the result on every
 * packet: `runFilter` then skips the check.
 */
export class CheckedProgram {
  /** The program's instructions, as checked (a frozen copy, `k` as an unsigned 32-bit number). */
  readonly instructions: BpfProgram;
  /** @internal The decoded instructions, Layout.STRIDE int32s each. */
  readonly decoded: Int32Array;

  /** @internal Made by checkFilter only. */
  constructor(token: symbol, instructions: BpfInstruction[], decoded: Int32Array) {
    if (token !== CREATE) throw new TypeError('CheckedProgram is made by checkFilter()');
    this.instructions = Object.freeze(instructions.map((insn) => Object.freeze(insn)));
    this.decoded = decoded;
    Object.freeze(this);
  }

  /** The number of instructions. */
  get length(): number {
    return this.instructions.length;
  }
}

/** @internal For the checker. */
export function makeCheckedProgram(instructions: BpfInstruction[], decoded: Int32Array): CheckedProgram {
  return new CheckedProgram(CREATE, instructions, decoded);
}
