// The classic BPF checker: refuses exactly the programs that the kernel's
// bpf_check_classic() (net/core/filter.c, run by setsockopt SO_ATTACH_FILTER)
// refuses, with the instruction and the reason, and decodes the accepted ones
// for the interpreter. The kernel's rules, in its order:
//   - 1 to BPF_MAXINSNS instructions;
//   - every opcode one of the classic set (chk_code_allowed);
//   - division or modulo by a constant 0, shifts by a constant >= 32, scratch
//     memory indexes >= BPF_MEMWORDS, jumps that land past the last
//     instruction (offsets are unsigned: backward jumps cannot be written),
//     ancillary loads (k >= SKF_AD_OFF) of an unknown SKF_AD_* number;
//   - the last instruction a RET;
//   - no scratch word read before it is written on every path to the read
//     (check_load_and_stores: a forward pass with one mask per instruction).
// The kernel refuses each with a bare EINVAL; the reason is ours.
import {
  BPF_A, BPF_ABS, BPF_ADD, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JGE,
  BPF_JGT, BPF_JMP, BPF_JSET, BPF_K, BPF_LD, BPF_LDX, BPF_LEN, BPF_LSH, BPF_MAXINSNS, BPF_MEM, BPF_MEMWORDS, BPF_MISC,
  BPF_MOD, BPF_MSH, BPF_MUL, BPF_NEG, BPF_OR, BPF_RET, BPF_RSH, BPF_ST, BPF_STX, BPF_SUB, BPF_TAX, BPF_TXA, BPF_W,
  BPF_X, BPF_XOR, SKF_AD_ALU_XOR_X, SKF_AD_CPU, SKF_AD_HATYPE, SKF_AD_IFINDEX, SKF_AD_MARK, SKF_AD_NLATTR,
  SKF_AD_NLATTR_NEST, SKF_AD_OFF, SKF_AD_PAY_OFFSET, SKF_AD_PKTTYPE, SKF_AD_PROTOCOL, SKF_AD_QUEUE, SKF_AD_RANDOM,
  SKF_AD_RXHASH, SKF_AD_VLAN_TAG, SKF_AD_VLAN_TAG_PRESENT, SKF_AD_VLAN_TPID,
} from '../constants';
import { describe } from '../validate';
import { CheckedProgram, makeCheckedProgram, Layout, OP } from './checked_program';
import type { BpfInstruction, BpfProgram } from './program';
import { BpfProgramError } from './program_error';

/** The interpreter's operation for each opcode the kernel allows (chk_code_allowed's table). */
const OPERATION_OF_CODE = new Map<number, OP>([
  [BPF_LD | BPF_W | BPF_ABS, OP.LD_W_ABS], [BPF_LD | BPF_H | BPF_ABS, OP.LD_H_ABS],
  [BPF_LD | BPF_B | BPF_ABS, OP.LD_B_ABS], [BPF_LD | BPF_W | BPF_IND, OP.LD_W_IND],
  [BPF_LD | BPF_H | BPF_IND, OP.LD_H_IND], [BPF_LD | BPF_B | BPF_IND, OP.LD_B_IND],
  [BPF_LD | BPF_W | BPF_LEN, OP.LD_LEN], [BPF_LD | BPF_IMM, OP.LD_IMM], [BPF_LD | BPF_MEM, OP.LD_MEM],
  [BPF_LDX | BPF_W | BPF_LEN, OP.LDX_LEN], [BPF_LDX | BPF_B | BPF_MSH, OP.LDX_MSH],
  [BPF_LDX | BPF_IMM, OP.LDX_IMM], [BPF_LDX | BPF_MEM, OP.LDX_MEM],
  [BPF_ST, OP.ST], [BPF_STX, OP.STX], [BPF_MISC | BPF_TAX, OP.TAX], [BPF_MISC | BPF_TXA, OP.TXA],
  [BPF_RET | BPF_K, OP.RET_K], [BPF_RET | BPF_A, OP.RET_A], [BPF_JMP | BPF_JA, OP.JA],
  [BPF_JMP | BPF_JEQ | BPF_K, OP.JEQ_K], [BPF_JMP | BPF_JEQ | BPF_X, OP.JEQ_X],
  [BPF_JMP | BPF_JGT | BPF_K, OP.JGT_K], [BPF_JMP | BPF_JGT | BPF_X, OP.JGT_X],
  [BPF_JMP | BPF_JGE | BPF_K, OP.JGE_K], [BPF_JMP | BPF_JGE | BPF_X, OP.JGE_X],
  [BPF_JMP | BPF_JSET | BPF_K, OP.JSET_K], [BPF_JMP | BPF_JSET | BPF_X, OP.JSET_X],
  [BPF_ALU | BPF_ADD | BPF_K, OP.ADD_K], [BPF_ALU | BPF_ADD | BPF_X, OP.ADD_X],
  [BPF_ALU | BPF_SUB | BPF_K, OP.SUB_K], [BPF_ALU | BPF_SUB | BPF_X, OP.SUB_X],
  [BPF_ALU | BPF_MUL | BPF_K, OP.MUL_K], [BPF_ALU | BPF_MUL | BPF_X, OP.MUL_X],
  [BPF_ALU | BPF_DIV | BPF_K, OP.DIV_K], [BPF_ALU | BPF_DIV | BPF_X, OP.DIV_X],
  [BPF_ALU | BPF_MOD | BPF_K, OP.MOD_K], [BPF_ALU | BPF_MOD | BPF_X, OP.MOD_X],
  [BPF_ALU | BPF_AND | BPF_K, OP.AND_K], [BPF_ALU | BPF_AND | BPF_X, OP.AND_X],
  [BPF_ALU | BPF_OR | BPF_K, OP.OR_K], [BPF_ALU | BPF_OR | BPF_X, OP.OR_X],
  [BPF_ALU | BPF_XOR | BPF_K, OP.XOR_K], [BPF_ALU | BPF_XOR | BPF_X, OP.XOR_X],
  [BPF_ALU | BPF_LSH | BPF_K, OP.LSH_K], [BPF_ALU | BPF_LSH | BPF_X, OP.LSH_X],
  [BPF_ALU | BPF_RSH | BPF_K, OP.RSH_K], [BPF_ALU | BPF_RSH | BPF_X, OP.RSH_X],
  [BPF_ALU | BPF_NEG, OP.NEG],
]);

/** SKF_AD_OFF as the unsigned k the kernel compares it with. */
const ANCILLARY_BASE = SKF_AD_OFF >>> 0;

/**
 * Reads a program given as `{ code, jt, jf, k }[]` into a fresh array of
 * plain instructions (k as an unsigned 32-bit number), checking only the
 * shape: a TypeError for a wrong type, a RangeError for a field out of its C
 * type's range (k may be given signed, as `SKF_AD_OFF + n` is). What the
 * kernel would refuse is {@link checkFilter}'s business.
 */
export function readProgram(program: unknown, name = 'program'): BpfInstruction[] {
  if (!Array.isArray(program)) throw new TypeError(`${name} must be an array of { code, jt, jf, k }, got ${describe(program)}`);
  // Bounded before the copy: the kernel takes at most BPF_MAXINSNS, and a
  // longer array is refused below without reading it.
  if (program.length === 0) throw new BpfProgramError('the program is empty');
  if (program.length > BPF_MAXINSNS) {
    throw new BpfProgramError(`${program.length} instructions, more than BPF_MAXINSNS (${BPF_MAXINSNS})`);
  }
  const read: BpfInstruction[] = new Array(program.length);
  for (let pc = 0; pc < program.length; pc++) {
    const insn: unknown = program[pc];
    if (typeof insn !== 'object' || insn === null) {
      throw new TypeError(`${name}[${pc}] must be an object { code, jt, jf, k }, got ${describe(insn)}`);
    }
    const { code, jt, jf, k } = insn as Record<string, unknown>;
    read[pc] = {
      code: field(code, name, pc, 'code', 0, 0xffff),
      jt: field(jt, name, pc, 'jt', 0, 0xff),
      jf: field(jf, name, pc, 'jf', 0, 0xff),
      k: field(k, name, pc, 'k', -0x80000000, 0xffffffff) >>> 0,
    };
  }
  return read;
}

function field(value: unknown, name: string, pc: number, key: string, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`${name}[${pc}].${key} must be a number, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name}[${pc}].${key} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Checks a classic BPF program as the kernel does when it is attached
 * (`bpf_check_classic` in net/core/filter.c, behind setsockopt(2)
 * `SO_ATTACH_FILTER`; socket(7), filter(2) in the kernel's
 * Documentation/networking/filter.rst), and returns it decoded for
 * {@link runFilter}. It refuses exactly what the kernel refuses: no
 * instruction or more than `BPF_MAXINSNS`, an unknown opcode, a jump past the
 * last instruction, division or modulo by a constant 0, a shift by a constant
 * of 32 or more, a scratch memory index of `BPF_MEMWORDS` or more, an unknown
 * ancillary load (`SKF_AD_OFF + n`), a last instruction that is not a return,
 * or a scratch word read before it is written on some path.
 *
 * The kernel then translates the program to eBPF (bpf_convert_filter), and
 * that can still fail for a program the checker passed: EINVAL when a jump
 * spans more than 32767 translated instructions (a `ja` over some 4000 packet
 * loads), ENOMEM for a translation too large to allocate. Those limits depend
 * on the kernel's version and configuration, and are not modelled here.
 *
 * @param program - The instructions.
 * @returns The program, checked: pass it to {@link runFilter} to skip the check on every packet.
 * @throws {@link BpfProgramError} (code `'EINVAL'`) naming the instruction and the reason;
 *   TypeError or RangeError when `program` is not an array of `{ code, jt, jf, k }` with
 *   integer fields in range.
 */
export function checkFilter(program: BpfProgram | CheckedProgram): CheckedProgram {
  if (program instanceof CheckedProgram) return program;
  const instructions = readProgram(program);
  const length = instructions.length;
  const decoded = new Int32Array(length * Layout.STRIDE);
  for (let pc = 0; pc < length; pc++) {
    const { code, jt, jf, k } = instructions[pc];
    let operation = OPERATION_OF_CODE.get(code);
    if (operation === undefined) throw new BpfProgramError(`unknown opcode 0x${code.toString(16)}`, pc);
    let operand = k | 0;
    let trueTarget = 0;
    let falseTarget = 0;
    switch (operation) {
      case OP.DIV_K: case OP.MOD_K:
        if (k === 0) throw new BpfProgramError(`${operation === OP.DIV_K ? 'division' : 'modulo'} by constant 0`, pc);
        break;
      case OP.LSH_K: case OP.RSH_K:
        if (k >= 32) throw new BpfProgramError(`shift by constant ${k}, 32 or more`, pc);
        break;
      case OP.LD_MEM: case OP.LDX_MEM: case OP.ST: case OP.STX:
        if (k >= BPF_MEMWORDS) throw new BpfProgramError(`scratch memory index ${k}, BPF_MEMWORDS is ${BPF_MEMWORDS}`, pc);
        break;
      case OP.JA:
        // k is unsigned 32-bit, so a "negative" jump lands far past the end.
        if (k >= length - pc - 1) throw new BpfProgramError(`jump by ${k} lands past the last instruction`, pc);
        trueTarget = pc + 1 + k;
        break;
      case OP.JEQ_K: case OP.JEQ_X: case OP.JGT_K: case OP.JGT_X:
      case OP.JGE_K: case OP.JGE_X: case OP.JSET_K: case OP.JSET_X:
        if (pc + jt + 1 >= length || pc + jf + 1 >= length) {
          throw new BpfProgramError(`conditional jump (jt ${jt}, jf ${jf}) lands past the last instruction`, pc);
        }
        trueTarget = pc + 1 + jt;
        falseTarget = pc + 1 + jf;
        break;
      case OP.LD_W_ABS: case OP.LD_H_ABS: case OP.LD_B_ABS:
        // Every size reads the same ancillary value (the kernel looks at k alone).
        if (k >= ANCILLARY_BASE) {
          const extension = k - ANCILLARY_BASE;
          if (!ANCILLARY_NUMBERS.has(extension)) {
            throw new BpfProgramError(`unknown ancillary load SKF_AD_OFF + ${extension}`, pc);
          }
          operation = OP.ANCILLARY;
          operand = extension;
        }
        break;
      default:
        break;
    }
    const at = pc * Layout.STRIDE;
    decoded[at] = operation;
    decoded[at + 1] = trueTarget;
    decoded[at + 2] = falseTarget;
    decoded[at + 3] = operand;
  }
  const last = instructions[length - 1].code;
  if (last !== (BPF_RET | BPF_K) && last !== (BPF_RET | BPF_A)) {
    throw new BpfProgramError('the last instruction is not a return (BPF_RET)', length - 1);
  }
  checkLoadsAfterStores(decoded, length);
  return makeCheckedProgram(instructions, decoded);
}

/** The SKF_AD_* numbers the kernel knows (bpf_anc_helper in <linux/filter.h>). */
const ANCILLARY_NUMBERS: ReadonlySet<number> = new Set([
  SKF_AD_PROTOCOL, SKF_AD_PKTTYPE, SKF_AD_IFINDEX, SKF_AD_NLATTR, SKF_AD_NLATTR_NEST, SKF_AD_MARK, SKF_AD_QUEUE,
  SKF_AD_HATYPE, SKF_AD_RXHASH, SKF_AD_CPU, SKF_AD_ALU_XOR_X, SKF_AD_VLAN_TAG, SKF_AD_VLAN_TAG_PRESENT,
  SKF_AD_PAY_OFFSET, SKF_AD_RANDOM, SKF_AD_VLAN_TPID,
]);

/**
 * The kernel's check_load_and_stores: one pass in program order, with the set
 * of written words (a 16-bit mask) carried along and, for each instruction, the
 * words written on every jump into it. A jump gives its targets what it knows
 * and sets the running mask to "all", so the next instruction learns only
 * from the jumps into it. After a return the mask carries on unchanged, as in
 * the kernel: an instruction reached from nowhere is judged by what precedes it.
 */
function checkLoadsAfterStores(decoded: Int32Array, length: number): void {
  const ALL = 0xffff;
  const masks = new Uint16Array(length).fill(ALL);
  let written = 0;
  for (let pc = 0; pc < length; pc++) {
    written &= masks[pc];
    const at = pc * Layout.STRIDE;
    const k = decoded[at + 3];
    switch (decoded[at]) {
      case OP.ST: case OP.STX:
        written |= 1 << k;
        break;
      case OP.LD_MEM: case OP.LDX_MEM:
        if ((written & (1 << k)) === 0) {
          throw new BpfProgramError(`reads scratch memory M[${k}], which is not written on every path before it`, pc);
        }
        break;
      case OP.JA:
        masks[decoded[at + 1]] &= written;
        written = ALL;
        break;
      case OP.JEQ_K: case OP.JEQ_X: case OP.JGT_K: case OP.JGT_X:
      case OP.JGE_K: case OP.JGE_X: case OP.JSET_K: case OP.JSET_X:
        masks[decoded[at + 1]] &= written;
        masks[decoded[at + 2]] &= written;
        written = ALL;
        break;
      default:
        break;
    }
  }
}
