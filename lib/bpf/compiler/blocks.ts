// A condition as a graph of test blocks, each a load and a conditional jump
// to two successors (another block, accept or reject), and the optimizer
// that shortens it as libpcap's optimize.c does for the common cases:
//   - jump threading: what a jump's outcome says about the packet (on the
//     true edge of "ethertype == 0x800", the ethertype is 0x800) decides
//     later tests of the same load, which that edge then skips;
//   - a test whose two successors are the same block is dropped;
//   - identical blocks are merged.
// The graph only ever jumps forward, as classic BPF must.
import type { Comparison, Condition, Load, Test } from './conditions';

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

// What is known about the value of one load: equal to `eq`, or not equal to
// any of `ne`. Knowing less is always safe (a test is then made, not
// skipped), so both lists are capped to keep the optimizer linear.
interface Fact {
  readonly eq?: number;
  readonly ne: readonly number[];
}
type Facts = ReadonlyMap<string, Fact>;
const MAX_FACT_KEYS = 32;
const MAX_EXCLUDED = 8;

function compare(value: number, comparison: Comparison, k: number): boolean {
  switch (comparison) {
    case 'eq': return value === k;
    case 'gt': return value > k;
    case 'ge': return value >= k;
    case 'set': return ((value & k) >>> 0) !== 0;
  }
}

// The outcome of a block's test if the facts decide it.
function decide(block: Block, facts: Facts): boolean | undefined {
  const fact = facts.get(block.key);
  if (fact === undefined) return undefined;
  if (fact.eq !== undefined) return compare(fact.eq, block.test.comparison, block.test.value);
  if (block.test.comparison === 'eq' && fact.ne.includes(block.test.value)) return false;
  return undefined;
}

// The facts on one edge out of a block: its entry facts and its outcome.
function withOutcome(facts: Facts, block: Block, outcome: boolean): Facts {
  if (block.test.comparison !== 'eq') return facts;
  const known = facts.get(block.key);
  if (known?.eq !== undefined) return facts;
  if (known === undefined ? facts.size >= MAX_FACT_KEYS : !outcome && known.ne.length >= MAX_EXCLUDED) return facts;
  const next = new Map(facts);
  const { value } = block.test;
  next.set(block.key, outcome ? { ne: [], eq: value } : { ne: [...(known?.ne ?? []), value] });
  return next;
}

// What holds on both of two ways into a block.
function intersect(a: Facts, b: Facts): Facts {
  const both = new Map<string, Fact>();
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y === undefined) continue;
    if (x.eq !== undefined && x.eq === y.eq) both.set(key, x);
    else if (x.eq !== undefined && y.eq !== undefined) continue;
    else {
      const excludedByX = (v: number): boolean => (x.eq !== undefined ? v !== x.eq : x.ne.includes(v));
      const ne = (y.eq !== undefined ? x.ne.filter((v) => v !== y.eq) : y.ne.filter(excludedByX));
      if (ne.length > 0) both.set(key, { ne });
    }
  }
  return both;
}

// One forward pass of jump threading; true if an edge moved.
function threadJumps(graph: BlockGraph): boolean {
  const { blocks } = graph;
  const entry = new Map<number, Facts>([[graph.root, new Map()]]);
  let moved = false;
  for (const index of topologicalOrder(graph)) {
    const facts = entry.get(index);
    if (facts === undefined) continue; // no longer reachable
    const block = blocks[index];
    for (const outcome of [true, false]) {
      const edgeFacts = withOutcome(facts, block, outcome);
      let target = outcome ? block.jt : block.jf;
      for (let decided = target >= 0 ? decide(blocks[target], edgeFacts) : undefined; decided !== undefined;
        decided = target >= 0 ? decide(blocks[target], edgeFacts) : undefined) {
        target = decided ? blocks[target].jt : blocks[target].jf;
        moved = true;
      }
      if (outcome) block.jt = target;
      else block.jf = target;
      if (target >= 0) {
        const known = entry.get(target);
        entry.set(target, known === undefined ? edgeFacts : intersect(known, edgeFacts));
      }
    }
  }
  return moved;
}

// Drops tests with one successor and merges identical blocks, from the end
// backwards so successors are settled first; true if anything changed.
function mergeBlocks(graph: BlockGraph): boolean {
  const { blocks } = graph;
  const replacement = new Map<number, number>();
  const seen = new Map<string, number>();
  const resolve = (target: number): number => replacement.get(target) ?? target;
  let changed = false;
  for (const index of topologicalOrder(graph).reverse()) {
    const block = blocks[index];
    block.jt = resolve(block.jt);
    block.jf = resolve(block.jf);
    if (block.jt === block.jf) {
      replacement.set(index, block.jt);
      changed = true;
      continue;
    }
    const identity = `${block.key} ${block.test.comparison} ${block.test.value} ${block.jt} ${block.jf}`;
    const same = seen.get(identity);
    if (same !== undefined) {
      replacement.set(index, same);
      changed = true;
    } else {
      seen.set(identity, index);
    }
  }
  graph.root = resolve(graph.root);
  return changed;
}

/** Most rounds of the optimizer: each round only moves edges forward, so few are ever needed. */
const MAX_ROUNDS = 20;

/** Shortens the graph in place: jump threading, then dropping and merging blocks, until nothing changes. */
export function optimizeGraph(graph: BlockGraph): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const moved = threadJumps(graph);
    const merged = mergeBlocks(graph);
    if (!moved && !merged) return;
  }
}
