// A classic BPF program as the kernel takes it: an array of struct
// sock_filter (<linux/filter.h>), each { code, jt, jf, k }. The assembler,
// the interpreter, the checker, the expression compiler and
// Socket.attachFilter all speak this one shape.

/**
 * One classic BPF instruction, as `struct sock_filter`: `code` (16 bits: class,
 * size, mode, operation; the `BPF_*` constants), `jt`/`jf` (8-bit forward
 * jump offsets taken when a conditional jump is true/false) and `k` (the
 * 32-bit operand). bpf(4), <linux/filter.h>.
 */
export interface BpfInstruction {
  /** Opcode: `BPF_*` class | size | mode | operation. */
  code: number;
  /** Instructions to skip when a conditional jump is true (0–255). */
  jt: number;
  /** Instructions to skip when a conditional jump is false (0–255). */
  jf: number;
  /** The operand: a constant, an offset, or a scratch memory index. */
  k: number;
}

/** A classic BPF program: what `struct sock_fprog` points to. */
export type BpfProgram = readonly BpfInstruction[];
