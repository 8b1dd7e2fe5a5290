// What libpcap's or_pullup and and_pullup (optimize.c) come to once they
// have run to their fixed point: in a chain of tests that all jump to the
// same place when true (an "or" chain) or when false (an "and" chain), the
// tests are grouped by the value they read, in the order each value first
// appears, with the value the chain's predecessors left in A first. So
// `port 80 or port 53` tests both source ports before either destination
// port, as tcpdump's program does. On a whole packet the order of such a
// chain does not matter; on a packet cut short it decides whether a load
// runs past the end, and following tcpdump keeps the two agreeing there too.
// libpcap gets there by moving one test per block per pass; sorting each
// chain once gets there in linear time.
import { topologicalOrder, type BlockGraph } from './blocks';

type Edge = 'jt' | 'jf';

/** Sorts the or-chains, then the and-chains, of the graph; true if any test moved. */
export function pullUp(graph: BlockGraph): boolean {
  let moved = false;
  for (const [same, next] of [['jt', 'jf'], ['jf', 'jt']] as Array<[Edge, Edge]>) {
    if (sortChains(graph, same, next)) moved = true;
  }
  return moved;
}

// A chain: from a head, each next block (through `next`) that jumps where the
// head jumps through `same` and has no other way in. Only such blocks are
// reordered, so no path gains or loses a test.
function sortChains(graph: BlockGraph, same: Edge, next: Edge): boolean {
  if (graph.root < 0) return false;
  const { blocks } = graph;
  const order = topologicalOrder(graph);
  const ways = new Int32Array(blocks.length);
  const from: Array<Array<[number, Edge]>> = blocks.map(() => []);
  for (const block of order) {
    for (const edge of ['jt', 'jf'] as const) {
      const target = blocks[block][edge];
      if (target >= 0) {
        ways[target]++;
        from[target].push([block, edge]);
      }
    }
  }
  const continues = (previous: number, block: number): boolean =>
    block >= 0 && ways[block] === 1 && blocks[block][same] === blocks[previous][same];
  const sorted = new Uint8Array(blocks.length);
  let moved = false;
  for (const head of order) {
    const [only] = from[head];
    if (sorted[head] || (ways[head] === 1 && only[1] === next && continues(only[0], head))) continue; // inside a chain
    const chain = [head];
    for (let block = blocks[head][next]; continues(chain[chain.length - 1], block); block = blocks[block][next]) {
      chain.push(block);
    }
    for (const block of chain) sorted[block] = 1;
    if (chain.length < 2) continue;
    const incoming = from[head];
    const before = incoming.length > 0 && incoming.every(([p]) => blocks[p].key === blocks[incoming[0][0]].key)
      ? blocks[incoming[0][0]].key : undefined;
    // Rank of each value: the predecessors' first, then by first appearance.
    const rank = new Map<string, number>(before === undefined ? [] : [[before, 0]]);
    for (const block of chain) if (!rank.has(blocks[block].key)) rank.set(blocks[block].key, rank.size);
    // The head stays first when its predecessors disagree on A (libpcap
    // then pulls nothing above it).
    const fixed = before === undefined ? 1 : 0;
    const order = [...chain.slice(0, fixed), ...chain.slice(fixed)
      .map((block, i) => ({ block, i, rank: rank.get(blocks[block].key) as number }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ block }) => block)];
    if (order.every((block, i) => block === chain[i])) continue;
    const tail = blocks[chain[chain.length - 1]][next];
    order.forEach((block, i) => { blocks[block][next] = i + 1 < order.length ? order[i + 1] : tail; });
    for (const [p, edge] of incoming) blocks[p][edge] = order[0];
    if (graph.root === head) graph.root = order[0];
    moved = true;
  }
  return moved;
}
