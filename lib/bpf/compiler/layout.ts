// The block graph as a classic BPF program: blocks in an order where every
// jump goes forward, each block's loads skipped when every way into it
// leaves the same value in A (or X) already, `ret` at the end, and an
// unconditional `ja` after a block whose jump would be too far for the
// 8-bit jt/jf offsets.
import {
  BPF_ABS, BPF_ALU, BPF_AND, BPF_B, BPF_H, BPF_IND, BPF_JA, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_JSET, BPF_K,
  BPF_LD, BPF_LDX, BPF_LEN, BPF_MSH, BPF_RET, BPF_W,
} from '../../constants';
import type { BpfInstruction } from '../program';
import { ACCEPT, REJECT, topologicalOrder, type Block, type BlockGraph } from './blocks';
import type { Comparison } from './conditions';

// The farthest a conditional jump reaches: jt and jf are 8 bits.
const MAX_CONDITIONAL_JUMP = 255;

const SIZE_CODE = { 1: BPF_B, 2: BPF_H, 4: BPF_W } as const;
const JUMP_CODE: Record<Comparison, number> = { eq: BPF_JEQ, gt: BPF_JGT, ge: BPF_JGE, set: BPF_JSET };

type Instruction = { code: number; k: number };

// One item of the laid-out program: a block's loads and jump, an
// unconditional jump to another item, or a return.
type Item =
  | { kind: 'block'; loads: Instruction[]; jump: Instruction; jt: Item; jf: Item }
  | { kind: 'ja'; target: Item }
  | { kind: 'ret'; value: number };

// The loads of one block, given what A and X hold on every way in; and what
// they hold after it.
function loadsOf(block: Block, a: string | undefined, x: string | undefined):
{ loads: Instruction[]; a: string; x: string | undefined } {
  if (a === block.key) return { loads: [], a, x };
  const { load, mask } = block.test;
  const loads: Instruction[] = [];
  let xAfter = x;
  switch (load.mode) {
    case 'absolute':
      loads.push({ code: BPF_LD | SIZE_CODE[load.size] | BPF_ABS, k: load.offset });
      break;
    case 'after-ipv4-header': {
      const headerLength = `4*([${load.ipHeader}]&0xf)`;
      if (x !== headerLength) loads.push({ code: BPF_LDX | BPF_B | BPF_MSH, k: load.ipHeader });
      xAfter = headerLength;
      loads.push({ code: BPF_LD | SIZE_CODE[load.size] | BPF_IND, k: load.offset });
      break;
    }
    case 'length':
      loads.push({ code: BPF_LD | BPF_W | BPF_LEN, k: 0 });
      break;
  }
  if (mask !== undefined) loads.push({ code: BPF_ALU | BPF_AND | BPF_K, k: mask });
  return { loads, a: block.key, x: xAfter };
}

/**
 * The program for a block graph: `ret #accept` where it accepts, `ret #0`
 * where it rejects.
 */
export function layOut(graph: BlockGraph, accept: number): BpfInstruction[] {
  const rets = new Map<number, Item>([[ACCEPT, { kind: 'ret', value: accept }], [REJECT, { kind: 'ret', value: 0 }]]);
  if (graph.root < 0) return [{ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: (rets.get(graph.root) as { value: number }).value }];

  const order = topologicalOrder(graph);
  // Every item first (jumps point forward, at items made later), then their loads and successors.
  const items = new Map<number, Item & { kind: 'block' }>();
  for (const index of order) {
    const { test } = graph.blocks[index];
    items.set(index, { kind: 'block', loads: [], jump: { code: BPF_JMP | JUMP_CODE[test.comparison] | BPF_K, k: test.value },
      jt: rets.get(ACCEPT) as Item, jf: rets.get(ACCEPT) as Item });
  }
  const itemOf = (target: number): Item => (target < 0 ? rets.get(target) : items.get(target)) as Item;

  // What A and X hold on entry to each block: the same on every way in, or unknown.
  const entryA = new Map<number, string | undefined>();
  const entryX = new Map<number, string | undefined>();
  const meet = (states: Map<number, string | undefined>, target: number, value: string | undefined): void => {
    if (target < 0) return;
    states.set(target, states.has(target) && states.get(target) !== value ? undefined : value);
  };
  for (const index of order) {
    const block = graph.blocks[index];
    const item = items.get(index) as Item & { kind: 'block' };
    const { loads, a, x } = loadsOf(block, entryA.get(index), entryX.get(index));
    item.loads = loads;
    item.jt = itemOf(block.jt);
    item.jf = itemOf(block.jf);
    for (const next of [block.jt, block.jf]) {
      meet(entryA, next, a);
      meet(entryX, next, x);
    }
  }

  const list = mergeLoadless(order.map((index) => items.get(index) as Item & { kind: 'block' }));
  for (const target of [ACCEPT, REJECT]) {
    const ret = rets.get(target) as Item;
    if (list.some((item) => item.kind === 'block' && (item.jt === ret || item.jf === ret))) list.push(ret);
  }
  return encode(withTrampolines(list));
}

// Blocks left with no loads only compare whatever A holds; two that compare
// with the same constant and jump to the same places are one block, even
// when A came from different loads on the way to each (libpcap's
// intern_blocks does the same: `ld [30]; jeq #a` and `ld [38]; jeq #a`
// share their tails). What reaches a successor is unchanged: a merged
// block passes on A as each way into it had it. From the end backwards, so
// successors are merged first.
function mergeLoadless(blocks: Array<Item & { kind: 'block' }>): Item[] {
  const kept = new Map<Item, Item>();
  const bySignature = new Map<string, Item>();
  const ids = new Map<Item, number>();
  const id = (item: Item): number => {
    if (!ids.has(item)) ids.set(item, ids.size);
    return ids.get(item) as number;
  };
  const list: Item[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const item = blocks[i];
    item.jt = kept.get(item.jt) ?? item.jt;
    item.jf = kept.get(item.jf) ?? item.jf;
    if (item.loads.length === 0) {
      const signature = `${item.jump.code} ${item.jump.k} ${id(item.jt)} ${id(item.jf)}`;
      const same = bySignature.get(signature);
      if (same !== undefined) {
        kept.set(item, same);
        continue;
      }
      bySignature.set(signature, item);
    }
    list.push(item);
  }
  return list.reverse();
}

const lengthOf = (item: Item): number => (item.kind === 'block' ? item.loads.length + 1 : 1);

function positions(list: Item[]): Map<Item, number> {
  const at = new Map<Item, number>();
  let position = 0;
  for (const item of list) {
    at.set(item, position);
    position += lengthOf(item);
  }
  return at;
}

// Puts a `ja` right after each block whose jt or jf is out of reach, and
// jumps there instead; again until every jump reaches (each block needs at
// most two, so this ends).
function withTrampolines(start: Item[]): Item[] {
  let list = start;
  for (;;) {
    const at = positions(list);
    const next: Item[] = [];
    let added = false;
    for (const item of list) {
      next.push(item);
      if (item.kind !== 'block') continue;
      const jumpAt = (at.get(item) as number) + item.loads.length;
      for (const edge of ['jt', 'jf'] as const) {
        if ((at.get(item[edge]) as number) - jumpAt - 1 > MAX_CONDITIONAL_JUMP) {
          const trampoline: Item = { kind: 'ja', target: item[edge] };
          item[edge] = trampoline;
          next.push(trampoline);
          added = true;
        }
      }
    }
    list = next;
    if (!added) return list;
  }
}

function encode(list: Item[]): BpfInstruction[] {
  const at = positions(list);
  const program: BpfInstruction[] = [];
  for (const item of list) {
    const here = program.length;
    switch (item.kind) {
      case 'block': {
        for (const load of item.loads) program.push({ code: load.code, jt: 0, jf: 0, k: load.k });
        const jumpAt = here + item.loads.length;
        program.push({ code: item.jump.code, jt: (at.get(item.jt) as number) - jumpAt - 1,
          jf: (at.get(item.jf) as number) - jumpAt - 1, k: item.jump.k });
        break;
      }
      case 'ja':
        program.push({ code: BPF_JMP | BPF_JA, jt: 0, jf: 0, k: (at.get(item.target) as number) - here - 1 });
        break;
      case 'ret':
        program.push({ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: item.value });
        break;
    }
  }
  return program;
}
