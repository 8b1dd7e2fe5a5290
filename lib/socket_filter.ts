// What Socket.attachFilter, detachFilter and lockFilter do (SO_ATTACH_FILTER,
// SO_DETACH_FILTER, SO_LOCK_FILTER; socket(7)), kept here so that the class
// holds one line each. The program's shape is checked here; whether the
// kernel takes it is the kernel's call, and when it refuses (EINVAL) the
// checker, which refuses the same programs, says which instruction and why.
import { constants as osConstants } from 'node:os';

import { binding } from './binding';
import { checkFilter, readProgram } from './bpf/checker';
import { CheckedProgram } from './bpf/checked_program';
import type { BpfProgram } from './bpf/program';
import { BpfProgramError } from './bpf/program_error';
import { errorFromStatus, PermissionDeniedError } from './errors';
import { describe } from './validate';

/** Options of {@link Socket.attachFilter}. */
export interface AttachFilterOptions {
  /**
   * Drop the packets queued before the filter was attached, which it did not
   * see (default false). libpcap's technique: a filter that accepts nothing
   * goes in, the receive queue is read empty without waiting, then the
   * program replaces it; all in one native call.
   */
  drain?: boolean;
}

const EINVAL = osConstants.errno.EINVAL;
const EPERM = osConstants.errno.EPERM;

/** The fd for a call made now (throws once the socket is closed). */
type FdNow = () => number;

/** Socket.attachFilter: setsockopt(2) SO_ATTACH_FILTER of the program, after a drain if asked. */
export function attachFilter(fdNow: FdNow, program: BpfProgram | CheckedProgram, options?: AttachFilterOptions): void {
  fdNow();
  const instructions = program instanceof CheckedProgram ? program.instructions : readProgram(program);
  let drain = false;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, got ${describe(options)}`);
    if (options.drain !== undefined && typeof options.drain !== 'boolean') {
      throw new TypeError(`options.drain must be a boolean, got ${describe(options.drain)}`);
    }
    drain = options.drain === true;
  }
  const r = binding.attachFilter(fdNow(), instructions, drain);
  if (r === -EINVAL) throw refused(instructions);
  if (r < 0) throw filterError(r);
}

/** Socket.detachFilter: setsockopt(2) SO_DETACH_FILTER. */
export function detachFilter(fdNow: FdNow): void {
  const r = binding.detachFilter(fdNow());
  if (r < 0) throw filterError(r);
}

/** Socket.lockFilter: setsockopt(2) SO_LOCK_FILTER. */
export function lockFilter(fdNow: FdNow): void {
  const r = binding.lockFilter(fdNow());
  if (r < 0) throw filterError(r);
}

/** The kernel's EINVAL, with the checker's reason when it finds one. */
function refused(instructions: BpfProgram): BpfProgramError {
  try {
    checkFilter(instructions);
  } catch (error) {
    if (error instanceof BpfProgramError) return new BpfProgramError(error.reason, error.instruction, 'setsockopt');
    throw error;
  }
  return new BpfProgramError('the kernel refused the program', undefined, 'setsockopt');
}

function filterError(status: number): Error {
  const error = errorFromStatus(status, 'setsockopt');
  if (status === -EPERM && error instanceof PermissionDeniedError) {
    error.message += ': the socket\'s filter is locked (SO_LOCK_FILTER)';
  }
  return error;
}
