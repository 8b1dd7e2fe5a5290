// The BPF assembler: text in the kernel's bpf_asm syntax, with labels, to
// { code, jt, jf, k }[]. It also reads what `tcpdump -d` prints (a "(NNN)"
// index before each instruction, numeric jump targets, "jt N jf M"), so a
// filter tcpdump compiled can be pasted in. It assembles what is written,
// checking only what the encoding cannot hold (a jump backwards or too far,
// a number out of 32 bits); whether the kernel takes the program is
// checkFilter's question.
import {
  BPF_A, BPF_ABS, BPF_ALU, BPF_B, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JMP, BPF_K, BPF_LD, BPF_LDX, BPF_LEN, BPF_MEM,
  BPF_MISC, BPF_MSH, BPF_NEG, BPF_RET, BPF_ST, BPF_STX, BPF_TAX, BPF_TXA, BPF_W, BPF_X, SKF_AD_OFF,
} from '../constants';
import { describe } from '../validate';
import { ALU_OPERATIONS, ANCILLARY_NAMES, BpfAssemblyError, JUMPS } from './assembly_syntax';
import type { BpfInstruction } from './program';

const NUMBER = String.raw`-?(?:0x[0-9a-f]+|0b[01]+|[0-9]+)`;
const LABEL = /^[A-Za-z_.][A-Za-z0-9_.]*$/;
const INDEX_PREFIX = /^\((\d+)\)\s*/;
const LABEL_PREFIX = /^([A-Za-z_.][A-Za-z0-9_.]*)\s*:\s*/;
const IMMEDIATE = new RegExp(`^#\\s*(${NUMBER})$`, 'i');
const ABSOLUTE = new RegExp(`^\\[\\s*(${NUMBER})\\s*\\]$`, 'i');
const INDIRECT = new RegExp(`^\\[\\s*%?x\\s*(?:\\+\\s*(${NUMBER})\\s*)?\\]$`, 'i');
const MEMORY = new RegExp(`^M\\s*\\[\\s*(${NUMBER})\\s*\\]$`, 'i');
const HEADER_LENGTH = new RegExp(`^4\\s*\\*\\s*\\(\\s*\\[\\s*(${NUMBER})\\s*\\]\\s*&\\s*0xf\\s*\\)$`, 'i');
const TCPDUMP_TARGETS = /^(.*?)\s+jt\s+(\S+)\s+jf\s+(\S+)$/i;
const RAW = new RegExp(`^(${NUMBER})\\s*,\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*,\\s*(${NUMBER})$`, 'i');

/** One instruction as read, its jump targets still names or indexes. */
interface Statement {
  line: number;
  code: number;
  jt: number;
  jf: number;
  k: number;
  /** Label or absolute index of the jump-if-true target (or of JA's). */
  trueTarget?: string;
  /** The same for jump-if-false; undefined: the next instruction. */
  falseTarget?: string;
}

/**
 * Assembles classic BPF in the kernel's bpf_asm syntax
 * (Documentation/networking/filter.rst) into a program for
 * {@link checkFilter}, {@link runFilter} or {@link Socket.attachFilter}.
 *
 * One instruction per line; `name:` before an instruction (or alone on its
 * line) labels it; `;` and `//` start comments. Numbers are decimal, `0x` hex
 * or `0b` binary, may be negative (`#-1` is 0xffffffff) and must fit 32 bits.
 * Operands: `#k`, `[k]`, `[x + k]`, `M[k]`, `4*([k]&0xf)`, `x`, `a`, and the
 * extensions `#len` (`#pktlen`), `#proto`, `#type`, `#ifidx`, `#nla`, `#nlan`,
 * `#mark`, `#queue`, `#hatype`, `#rxhash`, `#cpu`, `#vlan_tci`,
 * `#vlan_avail`, `#poff`, `#rand`, `#vlan_tpid`, `#xor_x`. Instructions: `ld`,
 * `ldi`, `ldh`, `ldb`, `ldx`, `ldxi`, `ldxb`, `st`, `stx`, `ja`/`jmp L`,
 * `jeq`/`jgt`/`jge`/`jset` `#k|x, Ltrue[, Lfalse]`, `jne`/`jneq`/`jlt`/`jle`
 * (the same with the targets swapped), `add`, `sub`, `mul`, `div`, `mod`,
 * `and`, `or`, `xor`, `lsh`, `rsh` `#k|x`, `neg`, `tax`, `txa`, `ret #k|a`,
 * and `.insn code, jt, jf, k` for any instruction as numbers. What
 * `tcpdump -d` prints reads too: a jump target may be an instruction's index,
 * and `jeq #0x800 jt 2 jf 5` names both targets.
 *
 * @param text - The program's source.
 * @returns The instructions.
 * @throws {@link BpfAssemblyError} naming the line: an unknown instruction or operand, an undefined or
 *   repeated label, a jump backwards or farther than its field holds; TypeError if `text` is not a string.
 */
export function assemble(text: string): BpfInstruction[] {
  if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${describe(text)}`);
  const statements: Statement[] = [];
  const labels = new Map<string, number>();
  const labelLines = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    let rest = raw.replace(/(;|\/\/).*$/, '').trim();
    const index = INDEX_PREFIX.exec(rest);
    if (index !== null) {
      if (Number(index[1]) !== statements.length) {
        throw new BpfAssemblyError(line, `instruction (${index[1]}) is number ${statements.length} here`);
      }
      rest = rest.slice(index[0].length);
    }
    for (let label = LABEL_PREFIX.exec(rest); label !== null; label = LABEL_PREFIX.exec(rest)) {
      if (labels.has(label[1])) throw new BpfAssemblyError(line, `label "${label[1]}" is defined twice`);
      labels.set(label[1], statements.length);
      labelLines.set(label[1], line);
      rest = rest.slice(label[0].length);
    }
    if (rest !== '') statements.push(parseInstruction(rest, line));
  });
  if (statements.length === 0) throw new BpfAssemblyError(1, 'no instruction');
  for (const [label, at] of labels) {
    if (at === statements.length) throw new BpfAssemblyError(labelLines.get(label) ?? 1, `label "${label}" labels no instruction`);
  }
  return statements.map((statement, pc) => resolve(statement, pc, labels));
}

function parseInstruction(source: string, line: number): Statement {
  const space = source.search(/\s/);
  const mnemonic = (space < 0 ? source : source.slice(0, space)).toLowerCase();
  let operand = space < 0 ? '' : source.slice(space).trim();
  const make = (code: number, k = 0): Statement => ({ line, code, jt: 0, jf: 0, k });
  const fail = (why: string): never => { throw new BpfAssemblyError(line, why); };
  const number = (text: string): number => parseNumber(text, line);
  const noOperand = (): void => { if (operand !== '') fail(`${mnemonic} takes no operand, got "${operand}"`); };

  const alu = ALU_OPERATIONS.get(mnemonic);
  if (alu !== undefined) {
    if (isRegister(operand, 'x')) return make(BPF_ALU | alu | BPF_X);
    const immediate = IMMEDIATE.exec(operand) ?? fail(`${mnemonic} takes #k or x, got "${operand}"`);
    return make(BPF_ALU | alu | BPF_K, number(immediate[1]));
  }
  const jump = JUMPS.get(mnemonic);
  if (jump !== undefined) {
    let targets: string[];
    const tcpdump = TCPDUMP_TARGETS.exec(operand);
    if (tcpdump !== null) {
      operand = tcpdump[1].trim();
      targets = [tcpdump[2], tcpdump[3]];
    } else {
      [operand, ...targets] = operand.split(',').map((part) => part.trim());
    }
    if (targets.length < 1 || targets.length > 2) fail(`${mnemonic} takes #k or x and one or two targets`);
    let statement: Statement;
    if (isRegister(operand, 'x')) statement = make(BPF_JMP | jump.operation | BPF_X);
    else {
      const immediate = IMMEDIATE.exec(operand) ?? fail(`${mnemonic} compares with #k or x, got "${operand}"`);
      statement = make(BPF_JMP | jump.operation | BPF_K, number(immediate[1]));
    }
    const [taken, notTaken] = targets;
    if (jump.negated) {
      statement.falseTarget = taken;
      statement.trueTarget = notTaken;
    } else {
      statement.trueTarget = taken;
      statement.falseTarget = notTaken;
    }
    return statement;
  }
  let match: RegExpExecArray | null;
  switch (mnemonic) {
    case 'ld': case 'ldi': case 'ldh': case 'ldb': {
      const size = mnemonic === 'ldh' ? BPF_H : mnemonic === 'ldb' ? BPF_B : BPF_W;
      if ((match = ABSOLUTE.exec(operand)) !== null && mnemonic !== 'ldi') {
        return make(BPF_LD | size | BPF_ABS, number(match[1]));
      }
      if ((match = INDIRECT.exec(operand)) !== null && mnemonic !== 'ldi') {
        return make(BPF_LD | size | BPF_IND, match[1] === undefined ? 0 : number(match[1]));
      }
      if (size === BPF_W) {
        if ((match = IMMEDIATE.exec(operand)) !== null) return make(BPF_LD | BPF_IMM, number(match[1]));
        if (mnemonic === 'ld') {
          if ((match = MEMORY.exec(operand)) !== null) return make(BPF_LD | BPF_MEM, number(match[1]));
          if (isLength(operand)) return make(BPF_LD | BPF_W | BPF_LEN);
          const extension = ANCILLARY_NAMES.get(operand.replace(/^#/, '').toLowerCase());
          if (extension !== undefined) return make(BPF_LD | BPF_W | BPF_ABS, (SKF_AD_OFF + extension) >>> 0);
        }
      }
      return fail(`${mnemonic} cannot take "${operand}"`);
    }
    case 'ldx': case 'ldxi': case 'ldxb':
      if ((match = HEADER_LENGTH.exec(operand)) !== null && mnemonic !== 'ldxi') {
        return make(BPF_LDX | BPF_B | BPF_MSH, number(match[1]));
      }
      if (mnemonic !== 'ldxb') {
        if ((match = IMMEDIATE.exec(operand)) !== null) return make(BPF_LDX | BPF_IMM, number(match[1]));
        if (mnemonic === 'ldx') {
          if ((match = MEMORY.exec(operand)) !== null) return make(BPF_LDX | BPF_MEM, number(match[1]));
          if (isLength(operand)) return make(BPF_LDX | BPF_W | BPF_LEN);
        }
      }
      return fail(`${mnemonic} cannot take "${operand}"`);
    case 'st': case 'stx':
      match = MEMORY.exec(operand) ?? fail(`${mnemonic} takes M[k], got "${operand}"`);
      return make(mnemonic === 'st' ? BPF_ST : BPF_STX, number(match[1]));
    case 'ja': case 'jmp':
      if (operand === '' || operand.includes(',')) fail(`${mnemonic} takes one target, got "${operand}"`);
      return { ...make(BPF_JMP | BPF_JA), trueTarget: operand };
    case 'neg': noOperand(); return make(BPF_ALU | BPF_NEG);
    case 'tax': noOperand(); return make(BPF_MISC | BPF_TAX);
    case 'txa': noOperand(); return make(BPF_MISC | BPF_TXA);
    case 'ret':
      // tcpdump -d prints a bare "ret" for ret a.
      if (operand === '' || isRegister(operand, 'a')) return make(BPF_RET | BPF_A);
      match = IMMEDIATE.exec(operand) ?? fail(`ret takes #k or a, got "${operand}"`);
      return make(BPF_RET | BPF_K, number(match[1]));
    case '.insn': {
      match = RAW.exec(operand) ?? fail(`.insn takes code, jt, jf, k, got "${operand}"`);
      const code = number(match[1]);
      const jt = number(match[2]);
      const jf = number(match[3]);
      if (code < 0 || code > 0xffff) fail(`.insn code ${match[1]} is not 16 bits`);
      if (jt < 0 || jt > 0xff || jf < 0 || jf > 0xff) fail('.insn jt and jf must be 0 to 255');
      return { line, code, jt, jf, k: number(match[4]) };
    }
    default:
      return fail(`unknown instruction "${mnemonic}"`);
  }
}

function isRegister(operand: string, name: string): boolean {
  return operand.toLowerCase() === name || operand.toLowerCase() === `%${name}`;
}

function isLength(operand: string): boolean {
  return /^#?(len|pktlen)$/i.test(operand);
}

/** A number of the syntax as an unsigned 32-bit value; negatives from -2^31 wrap. */
function parseNumber(text: string, line: number): number {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const value = /^0[xb]/i.test(digits) ? Number(digits.toLowerCase()) : Number.parseInt(digits, 10);
  const signed = negative ? -value : value;
  if (!Number.isSafeInteger(signed) || signed < -0x80000000 || signed > 0xffffffff) {
    throw new BpfAssemblyError(line, `${text} does not fit 32 bits`);
  }
  return signed >>> 0;
}

/** The statement's jump targets as offsets; a target is a label or an instruction's index. */
function resolve(statement: Statement, pc: number, labels: ReadonlyMap<string, number>): BpfInstruction {
  const { line, code, k } = statement;
  let { jt, jf } = statement;
  const offset = (target: string | undefined, limit: number): number => {
    if (target === undefined) return 0;
    let at: number;
    if (/^\d+$/.test(target)) at = Number(target);
    else if (!LABEL.test(target)) throw new BpfAssemblyError(line, `"${target}" is not a label`);
    else at = labels.get(target) ?? Number.NaN;
    if (Number.isNaN(at)) throw new BpfAssemblyError(line, `label "${target}" is not defined`);
    const distance = at - pc - 1;
    if (distance < 0) throw new BpfAssemblyError(line, `jump to "${target}" goes backwards (BPF jumps only forward)`);
    if (distance > limit) throw new BpfAssemblyError(line, `jump to "${target}" is ${distance} instructions, more than ${limit}`);
    return distance;
  };
  if (code === (BPF_JMP | BPF_JA) && statement.trueTarget !== undefined) {
    return { code, jt, jf, k: offset(statement.trueTarget, 0xffffffff) };
  }
  if (statement.trueTarget !== undefined || statement.falseTarget !== undefined) {
    jt = offset(statement.trueTarget, 0xff);
    jf = offset(statement.falseTarget, 0xff);
  }
  return { code, jt, jf, k };
}
