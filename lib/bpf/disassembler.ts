// The BPF disassembler: a program back to the assembler's text, with a label
// (L<index>) on every jump target. It writes any program whose fields are in
// range, valid or not, so that `assemble(disassemble(p))` gives p back field
// for field: an instruction that has no mnemonic (an unknown opcode, a jump
// past the end, a field the operation ignores but that is not 0) is written
// as `.insn code, jt, jf, k`.
import {
  BPF_A, BPF_ABS, BPF_ALU, BPF_B, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JMP, BPF_K, BPF_LD, BPF_LDX, BPF_LEN, BPF_MEM,
  BPF_MISC, BPF_MSH, BPF_NEG, BPF_RET, BPF_ST, BPF_STX, BPF_TAX, BPF_TXA, BPF_W, BPF_X, SKF_AD_OFF,
} from '../constants';
import { ALU_OPERATIONS, ANCILLARY_NAMES, JUMPS } from './assembly_syntax';
import { readProgram } from './checker';
import { CheckedProgram } from './checked_program';
import type { BpfInstruction, BpfProgram } from './program';

interface Mnemonic { name: string; usesX: boolean }

/** Each ALU opcode (operation and source) to its mnemonic and whether its operand is X. */
const ALU_BY_CODE = new Map<number, Mnemonic>([...ALU_OPERATIONS].flatMap(([name, operation]) => [
  [BPF_ALU | operation | BPF_K, { name, usesX: false }], [BPF_ALU | operation | BPF_X, { name, usesX: true }],
]));
/** The same for the conditional jumps (jne and friends are written as jeq and friends). */
const JUMP_BY_CODE = new Map<number, Mnemonic>([...JUMPS].filter(([, jump]) => !jump.negated)
  .flatMap(([name, jump]) => [
    [BPF_JMP | jump.operation | BPF_K, { name, usesX: false }], [BPF_JMP | jump.operation | BPF_X, { name, usesX: true }],
  ]));
const ANCILLARY_MNEMONICS = new Map([...ANCILLARY_NAMES].map(([name, extension]) => [extension, name]));
const ANCILLARY_BASE = SKF_AD_OFF >>> 0;

const hex = (k: number): string => `0x${k.toString(16)}`;
/** A packet offset as written: negative ones (SKF_NET_OFF + n, …) signed. */
const offset = (k: number): string => String(k | 0);

/**
 * Writes a classic BPF program as text that {@link assemble} reads back into
 * the same instructions: one instruction per line, in the bpf_asm syntax
 * (`ldh [12]`, `jeq #0x800, L3, L5`, `ret #65535`), a label line `L<index>:`
 * before each jump target, and `.insn code, jt, jf, k` for what has no
 * mnemonic.
 *
 * @param program - The instructions, or a program {@link checkFilter} returned.
 * @returns The text, one line per instruction or label, ending with a newline.
 * @throws TypeError or RangeError when `program` is not an array of `{ code, jt, jf, k }` with
 *   integer fields in range; {@link BpfProgramError} when it is empty or longer than BPF_MAXINSNS.
 */
export function disassemble(program: BpfProgram | CheckedProgram): string {
  const instructions = program instanceof CheckedProgram ? program.instructions : readProgram(program);
  const length = instructions.length;
  const targets = new Set<number>();
  const texts = instructions.map((insn, pc) => {
    const text = mnemonicOf(insn, pc, length);
    if (text === undefined) return `.insn ${hex(insn.code)}, ${insn.jt}, ${insn.jf}, ${hex(insn.k)}`;
    if (insn.code === (BPF_JMP | BPF_JA)) targets.add(pc + 1 + insn.k);
    else if (JUMP_BY_CODE.has(insn.code)) {
      targets.add(pc + 1 + insn.jt);
      if (insn.jf !== 0) targets.add(pc + 1 + insn.jf);
    }
    return text;
  });
  let out = '';
  texts.forEach((text, pc) => {
    if (targets.has(pc)) out += `L${pc}:\n`;
    out += `  ${text}\n`;
  });
  return out;
}

/** The instruction's text, or undefined when it has none that reads back the same. */
function mnemonicOf(insn: BpfInstruction, pc: number, length: number): string | undefined {
  const { code, jt, jf, k } = insn;
  const label = (distance: number): string => `L${pc + 1 + distance}`;
  const jump = JUMP_BY_CODE.get(code);
  if (jump !== undefined) {
    if (pc + 1 + Math.max(jt, jf) >= length || (jump.usesX && k !== 0)) return undefined;
    return `${jump.name} ${jump.usesX ? 'x' : `#${hex(k)}`}, ${label(jt)}${jf === 0 ? '' : `, ${label(jf)}`}`;
  }
  // Every other instruction ignores jt and jf.
  if (jt !== 0 || jf !== 0) return undefined;
  if (code === (BPF_JMP | BPF_JA)) return pc + 1 + k < length ? `ja ${label(k)}` : undefined;
  const alu = ALU_BY_CODE.get(code);
  if (alu !== undefined) return alu.usesX ? (k === 0 ? `${alu.name} x` : undefined) : `${alu.name} #${k}`;
  const withK = withOperand(code, k);
  if (withK !== undefined) return withK;
  // These ignore k as well.
  if (k !== 0) return undefined;
  switch (code) {
    case BPF_LD | BPF_W | BPF_LEN: return 'ld #len';
    case BPF_LDX | BPF_W | BPF_LEN: return 'ldx #len';
    case BPF_MISC | BPF_TAX: return 'tax';
    case BPF_MISC | BPF_TXA: return 'txa';
    case BPF_RET | BPF_A: return 'ret a';
    case BPF_ALU | BPF_NEG: return 'neg';
    default: return undefined;
  }
}

/** The loads, stores and ret #k, written with k; undefined for the others. */
function withOperand(code: number, k: number): string | undefined {
  switch (code) {
    case BPF_LD | BPF_W | BPF_ABS:
      if (k >= ANCILLARY_BASE && ANCILLARY_MNEMONICS.has(k - ANCILLARY_BASE)) {
        return `ld #${ANCILLARY_MNEMONICS.get(k - ANCILLARY_BASE)}`;
      }
      return `ld [${offset(k)}]`;
    case BPF_LD | BPF_H | BPF_ABS: return `ldh [${offset(k)}]`;
    case BPF_LD | BPF_B | BPF_ABS: return `ldb [${offset(k)}]`;
    case BPF_LD | BPF_W | BPF_IND: return `ld [x + ${offset(k)}]`;
    case BPF_LD | BPF_H | BPF_IND: return `ldh [x + ${offset(k)}]`;
    case BPF_LD | BPF_B | BPF_IND: return `ldb [x + ${offset(k)}]`;
    case BPF_LD | BPF_IMM: return `ld #${hex(k)}`;
    case BPF_LDX | BPF_IMM: return `ldx #${hex(k)}`;
    case BPF_LD | BPF_MEM: return `ld M[${k}]`;
    case BPF_LDX | BPF_MEM: return `ldx M[${k}]`;
    case BPF_LDX | BPF_B | BPF_MSH: return `ldxb 4*([${offset(k)}]&0xf)`;
    case BPF_ST: return `st M[${k}]`;
    case BPF_STX: return `stx M[${k}]`;
    case BPF_RET | BPF_K: return `ret #${k}`;
    default: return undefined;
  }
}
