// The middle form of a filter: and/or/not over tests, each test one packet
// load compared with a constant (libpcap's blocks before they are laid out).
// A primitive becomes one of these in primitives.ts; blocks.ts turns it into
// jumps.

/** How a test reads its operand into the accumulator. */
export type Load =
  /** `size` bytes (1, 2 or 4, big-endian) at `offset` from the start of the frame. */
  | { readonly mode: 'absolute'; readonly size: 1 | 2 | 4; readonly offset: number }
  /**
   * `size` bytes at `offset` past the IPv4 header's length: X = 4 × (the
   * IHL nibble at `ipHeader`), then A = frame[X + offset]. For transport
   * headers after IPv4 options.
   */
  | { readonly mode: 'after-ipv4-header'; readonly size: 1 | 2 | 4; readonly offset: number; readonly ipHeader: number }
  /** The frame's length. */
  | { readonly mode: 'length' };

/** The jump a test ends with: A == k, A > k, A >= k, or A & k != 0 (unsigned). */
export type Comparison = 'eq' | 'gt' | 'ge' | 'set';

/** One load (masked if `mask` is set), compared with `value`. */
export interface Test {
  readonly kind: 'test';
  readonly load: Load;
  readonly mask?: number;
  readonly comparison: Comparison;
  readonly value: number;
}

/** A condition on a frame. */
export type Condition =
  | Test
  | { readonly kind: 'true' | 'false' }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition }
  | { readonly kind: 'not'; readonly operand: Condition };

/** Always true (tcpdump's empty expression). */
export const TRUE: Condition = Object.freeze({ kind: 'true' });
/** Never true (`arp` on a link with no ARP). */
export const FALSE: Condition = Object.freeze({ kind: 'false' });

/** `left && right`, left first; a constant side folds away. */
export function and(left: Condition, right: Condition): Condition {
  if (left.kind === 'false' || right.kind === 'true') return left;
  if (left.kind === 'true') return right;
  // left is not constant: right false means false once left has been read;
  // the constant is what the packet gets either way.
  if (right.kind === 'false') return FALSE;
  return { kind: 'and', left, right };
}

/** `left || right`, left first; a constant side folds away. */
export function or(left: Condition, right: Condition): Condition {
  if (left.kind === 'true' || right.kind === 'false') return left;
  if (left.kind === 'false') return right;
  if (right.kind === 'true') return TRUE;
  return { kind: 'or', left, right };
}

/** `!operand`. */
export function not(operand: Condition): Condition {
  if (operand.kind === 'true') return FALSE;
  if (operand.kind === 'false') return TRUE;
  if (operand.kind === 'not') return operand.operand;
  return { kind: 'not', operand };
}

/** A test of the frame at an absolute offset: `size` bytes there, masked by `mask` unless it is all ones. */
export function test(size: 1 | 2 | 4, offset: number, comparison: Comparison, value: number, mask?: number): Test {
  const full = size === 4 ? 0xffffffff : size === 2 ? 0xffff : 0xff;
  return {
    kind: 'test', load: { mode: 'absolute', size, offset }, comparison, value: value >>> 0,
    ...(mask === undefined || (mask >>> 0) === full ? {} : { mask: mask >>> 0 }),
  };
}

/** A test of the transport header of an IPv4 packet whose header starts at `ipHeader`. */
export function testAfterIPv4(ipHeader: number, size: 1 | 2 | 4, offset: number, comparison: Comparison,
  value: number): Test {
  return { kind: 'test', load: { mode: 'after-ipv4-header', size, offset, ipHeader }, comparison, value };
}

/** A test of the frame's length. */
export function testLength(comparison: Comparison, value: number): Test {
  return { kind: 'test', load: { mode: 'length' }, comparison, value: value >>> 0 };
}
