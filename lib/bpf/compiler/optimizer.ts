// The optimizer of the block graph, after libpcap's optimize.c for the
// cases that matter:
//   - jump threading: what a jump's outcome says about the packet (on the
//     true edge of "ethertype == 0x800", the ethertype is 0x800) decides
//     later tests of the same load, which that edge then skips;
//   - a test whose two successors are the same block is dropped;
//   - identical blocks are merged;
//   - or/and pullups (pullup.ts) order chains of tests as libpcap does.
import { topologicalOrder, type Block, type BlockGraph } from './blocks';
import type { Comparison } from './conditions';
import { pullUp } from './pullup';

// What is known about the value of one load: equal to `eq`; or not equal
// to any of `ne`, with the bits of `clear` all 0 and, for each mask of
// `someSet`, one of its bits 1. Knowing less is always safe (a test is then
// made, not skipped), so the lists are capped to keep the optimizer linear.
interface Fact {
  readonly eq?: number;
  readonly ne: readonly number[];
  readonly clear: number;
  readonly someSet: readonly number[];
}
type Facts = ReadonlyMap<string, Fact>;
const MAX_FACT_KEYS = 32;
const MAX_LISTED = 8;
const NOTHING: Fact = Object.freeze({ ne: [], clear: 0, someSet: [] });

function compare(value: number, comparison: Comparison, k: number): boolean {
  switch (comparison) {
    case 'eq': return value === k;
    case 'gt': return value > k;
    case 'ge': return value >= k;
    case 'set': return ((value & k) >>> 0) !== 0;
  }
}

// Whether the fact rules the value v out.
const excludes = (fact: Fact, v: number): boolean =>
  (fact.eq !== undefined ? v !== fact.eq : fact.ne.includes(v) || ((v & fact.clear) >>> 0) !== 0);
// Whether the fact says some bit of the mask is 1.
const impliesSomeSet = (fact: Fact, mask: number): boolean =>
  (fact.eq !== undefined ? ((fact.eq & mask) >>> 0) !== 0 : fact.someSet.some((m) => ((m & ~mask) >>> 0) === 0));
// The bits the fact says are 0.
const clearBits = (fact: Fact): number => (fact.eq !== undefined ? ~fact.eq >>> 0 : fact.clear);

// The outcome of a block's test if the facts decide it.
function decide(block: Block, facts: Facts): boolean | undefined {
  const fact = facts.get(block.key);
  if (fact === undefined) return undefined;
  const { comparison, value } = block.test;
  if (fact.eq !== undefined) return compare(fact.eq, comparison, value);
  if (comparison === 'eq' && excludes(fact, value)) return false;
  if (comparison === 'set') {
    if (((value & ~fact.clear) >>> 0) === 0) return false;
    if (impliesSomeSet(fact, value)) return true;
  }
  return undefined;
}

// The facts on one edge out of a block: its entry facts and its outcome.
function withOutcome(facts: Facts, block: Block, outcome: boolean): Facts {
  const { comparison, value } = block.test;
  if (comparison !== 'eq' && comparison !== 'set') return facts;
  const known = facts.get(block.key);
  if (known?.eq !== undefined || (known === undefined && facts.size >= MAX_FACT_KEYS)) return facts;
  const was = known ?? NOTHING;
  let fact: Fact;
  if (comparison === 'eq') {
    if (outcome) fact = { ...NOTHING, eq: value };
    else if (was.ne.length < MAX_LISTED) fact = { ...was, ne: [...was.ne, value] };
    else return facts;
  } else if (!outcome) {
    fact = { ...was, clear: (was.clear | value) >>> 0 };
  } else if (was.someSet.length < MAX_LISTED) {
    fact = { ...was, someSet: [...was.someSet, value] };
  } else {
    return facts;
  }
  return new Map(facts).set(block.key, fact);
}

// What holds on both of two ways into a block.
function intersect(a: Facts, b: Facts): Facts {
  const both = new Map<string, Fact>();
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y === undefined) continue;
    if (x.eq !== undefined && x.eq === y.eq) {
      both.set(key, x);
      continue;
    }
    const ne = [...new Set([...x.ne, ...y.ne])].filter((v) => excludes(x, v) && excludes(y, v));
    const someSet = [...new Set([...x.someSet, ...y.someSet])].filter((m) => impliesSomeSet(x, m) && impliesSomeSet(y, m));
    const clear = (clearBits(x) & clearBits(y)) >>> 0;
    if (ne.length > 0 || someSet.length > 0 || clear !== 0) both.set(key, { ne, clear, someSet });
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

/** Shortens the graph in place: jump threading, dropping and merging blocks, pullups, until nothing changes. */
export function optimizeGraph(graph: BlockGraph): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const moved = threadJumps(graph);
    const merged = mergeBlocks(graph);
    const pulled = pullUp(graph);
    if (!moved && !merged && !pulled) return;
  }
}
