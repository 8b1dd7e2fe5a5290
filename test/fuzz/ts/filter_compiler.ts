// Fuzz target: bytes as a filter expression (UTF-8), compiled for each link
// type compileFilter knows. A bad expression may only raise
// FilterSyntaxError, with a position inside the expression; a compiled
// program must pass checkFilter (what the kernel would take), fit in
// BPF_MAXINSNS, return only the snaplen or 0, and run on a few frames.
import { BPF_MAXINSNS, BPF_RET, LINKTYPE, checkFilter, compileFilter, FilterSyntaxError, runFilter } from '../../../lib';

const SNAPLEN = 65535;
const LINK_TYPES = [LINKTYPE.EN10MB, LINKTYPE.RAW, LINKTYPE.LINUX_SLL, LINKTYPE.LINUX_SLL2];
// An IPv4 TCP segment from 10.0.0.1:1234 to 10.0.0.2:80 behind an Ethernet header, and shorter cuts of it.
const FRAME = Buffer.from('020000000002020000000001080045000028000000004006000' +
  '00a0000010a00000204d200500000000000000000500200000000000', 'hex');
const FRAMES = [FRAME, FRAME.subarray(14), FRAME.subarray(0, 20), Buffer.alloc(0)];

export function fuzzOne(data: Buffer): void {
  const expression = data.toString('utf8');
  for (const linkType of LINK_TYPES) {
    let program;
    try {
      program = compileFilter(expression, { linkType, snaplen: SNAPLEN });
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      if (!(error.position >= 0 && error.position <= expression.length) || error.expression !== expression) {
        throw new Error(`FilterSyntaxError at ${error.position} for an expression of ${expression.length} characters`);
      }
      continue;
    }
    checkFilter(program);
    if (program.length > BPF_MAXINSNS) throw new Error(`${program.length} instructions`);
    for (const instruction of program) {
      if ((instruction.code & 0x07) === BPF_RET && instruction.k !== 0 && instruction.k !== SNAPLEN) {
        throw new Error(`a return of ${instruction.k}`);
      }
    }
    for (const frame of FRAMES) {
      const verdict = runFilter(program, frame);
      if (verdict !== 0 && verdict !== SNAPLEN) throw new Error(`runFilter returned ${verdict}`);
    }
  }
}
