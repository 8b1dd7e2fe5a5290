// Fuzz target: bytes as a classic BPF program and a frame. The first byte is
// the number of instructions; then come that many struct sock_filter of 8
// bytes each, as the kernel lays them out on a little-endian machine (code
// u16, jt, jf, k u32; what `tcpdump -ddd` lists), as many as the input holds;
// the rest is the frame. checkFilter may refuse the program, with
// BpfProgramError only; an accepted one must run to an unsigned 32-bit result
// on the frame (also cut short, and with a packet length and header offsets
// taken from the input) and come back from disassemble and assemble the same.
import { BpfProgramError, assemble, checkFilter, disassemble, runFilter, type BpfInstruction } from '../../../lib';

const INSTRUCTION_SIZE = 8;

export function fuzzOne(data: Buffer): void {
  const count = Math.min(data.length === 0 ? 0 : data[0], Math.floor((data.length - 1) / INSTRUCTION_SIZE));
  const program: BpfInstruction[] = [];
  for (let i = 0; i < count; i++) {
    const at = 1 + i * INSTRUCTION_SIZE;
    program.push({ code: data.readUInt16LE(at), jt: data[at + 2], jf: data[at + 3], k: data.readUInt32LE(at + 4) });
  }
  const frame = data.subarray(Math.max(1, 1 + count * INSTRUCTION_SIZE));
  let checked;
  try {
    checked = checkFilter(program);
  } catch (error) {
    if (error instanceof BpfProgramError) return;
    throw error;
  }
  const options = {
    networkHeaderOffset: frame.length === 0 ? 0 : frame[0] % (frame.length + 1),
    linkHeaderOffset: frame.length === 0 ? 0 : frame[frame.length - 1] % (frame.length + 1),
    protocol: 0x0800, packetType: 4, ifindex: 1, random: 7,
  };
  const results = [
    runFilter(checked, frame),
    runFilter(checked, frame.subarray(0, frame.length >> 1), { packetLength: frame.length }),
    runFilter(checked, frame, options),
  ];
  for (const result of results) {
    if (!Number.isInteger(result) || result < 0 || result > 0xffffffff) throw new Error(`runFilter returned ${result}`);
  }
  // Given every value it reads (#rand included), a program is a function of its input.
  if (runFilter(checked, frame, options) !== results[2]) throw new Error('runFilter differs between two runs');
  const again = assemble(disassemble(checked));
  if (JSON.stringify(again) !== JSON.stringify(checked.instructions)) {
    throw new Error(`disassemble/assemble changed the program:\n${disassemble(checked)}`);
  }
}
