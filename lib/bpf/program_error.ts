// The error of a classic BPF program the kernel would refuse. It is the
// kernel's own answer, EINVAL from setsockopt(SO_ATTACH_FILTER), so it is a
// SocketError with that code: `catch (e) { if (e.code === 'EINVAL') … }`
// works whether the checker or the kernel said no, and the subclass adds
// which instruction and why.
import { SocketError } from '../errors';

/**
 * A classic BPF program that the kernel's checker (`bpf_check_classic` in
 * net/core/filter.c) refuses, or would refuse: code `'EINVAL'`, as
 * setsockopt(2) `SO_ATTACH_FILTER` fails. {@link checkFilter} throws it with the
 * instruction and the reason; {@link Socket.attachFilter} throws it when the
 * kernel refuses the program.
 */
export class BpfProgramError extends SocketError {
  /** The index of the instruction at fault, or undefined when the program as a whole is (empty, too long). */
  readonly instruction?: number;
  /** Why, in words: "jump past the end", "division by constant 0", … */
  readonly reason: string;

  /**
   * @param reason - Why the program is refused.
   * @param instruction - The index of the instruction at fault, if one is.
   * @param syscall - The call that refused it: 'setsockopt' for the kernel, 'checkFilter' for the checker.
   */
  constructor(reason: string, instruction?: number, syscall = 'checkFilter') {
    const where = instruction === undefined ? '' : `instruction ${instruction}: `;
    super('EINVAL', syscall, {}, `${syscall} EINVAL: invalid BPF program: ${where}${reason}`);
    this.reason = reason;
    if (instruction !== undefined) this.instruction = instruction;
  }
}
