// A condition as a graph of test blocks, each a load and a conditional jump
// to two successors (another block, accept or reject). The graph only ever
// jumps forward, as classic BPF must; optimizer.ts shortens it.
import type { Condition, Load, Test } from './conditions';

/** The successor that accepts the packet. */
export const ACCEPT = -1;
/** The successor that rejects the packet. */
export const REJECT = -2;

/** One test and where it jumps: a block index, {@link ACCEPT} or {@link REJECT}. */
export interface Block {
  readonly test: Test;
  /** What the test reads, as text: equal keys read equal values from a packet. */
  readonly key: string;
  jt: number;
  jf: number;
}

/** The test graph of a condition: its blocks and the entry (a block index, ACCEPT or REJECT). */
export interface BlockGraph {
  readonly blocks: Block[];
  root: number;
}

/** The identity of a load (and its mask): two tests with equal keys see the same value. */
export function loadKey(load: Load, mask: number | undefined): string {
  const masked = mask === undefined ? '' : `&${mask}`;
  switch (load.mode) {
    case 'absolute': return `[${load.offset}]${load.size}${masked}`;
    case 'after-ipv4-header': return `[x${load.ipHeader}+${load.offset}]${load.size}${masked}`;
    case 'length': return `len${masked}`;
  }
}

/**
 * The block graph of a condition, built from the end: each sub-condition is
 * made once, with its true and false successors already known, so the graph
 * is as large as the condition and shares every continuation.
 */
export function buildGraph(condition: Condition): BlockGraph {
  const blocks: Block[] = [];
  const made = new Map<string, number>();
  const block = (test: Test, jt: number, jf: number): number => {
    if (jt === jf) return jt;
    const key = loadKey(test.load, test.mask);
    const identity = `${key} ${test.comparison} ${test.value} ${jt} ${jf}`;
    let index = made.get(identity);
    if (index === undefined) {
      index = blocks.push({ test, key, jt, jf }) - 1;
      made.set(identity, index);
    }
    return index;
  };
  // Walks the left operands in a loop; recursion only into right operands,
  // whose depth the parser's nesting limit bounds.
  const build = (start: Condition, whenTrue: number, whenFalse: number): number => {
    let condition = start;
    let t = whenTrue;
    let f = whenFalse;
    for (;;) {
      switch (condition.kind) {
        case 'true': return t;
        case 'false': return f;
        case 'test': return block(condition, t, f);
        case 'not':
          [t, f] = [f, t];
          condition = condition.operand;
          break;
        case 'and':
          t = build(condition.right, t, f);
          condition = condition.left;
          break;
        case 'or':
          f = build(condition.right, t, f);
          condition = condition.left;
          break;
      }
    }
  };
  const root = build(condition, ACCEPT, REJECT);
  return { blocks, root };
}

/** The blocks reachable from the root, each before all its successors. */
export function topologicalOrder(graph: BlockGraph): number[] {
  const order: number[] = [];
  const state = new Uint8Array(graph.blocks.length); // 0 new, 1 on the stack, 2 done
  if (graph.root < 0) return order;
  // Iterative depth-first search: the jf successor is visited last, so in the
  // reversed post-order it comes right after its block.
  const stack: number[] = [graph.root];
  while (stack.length > 0) {
    const index = stack[stack.length - 1];
    if (state[index] === 0) {
      state[index] = 1;
      const { jt, jf } = graph.blocks[index];
      for (const next of [jf, jt]) if (next >= 0 && state[next] === 0) stack.push(next);
    } else {
      stack.pop();
      if (state[index] === 1) {
        state[index] = 2;
        order.push(index);
      }
    }
  }
  return order.reverse();
}
