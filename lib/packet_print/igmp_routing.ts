// The multicast routing protocols carried in IGMP messages: DVMRP (RFC
// 1075, draft-ietf-idmr-dvmrp-v3) and PIM version 1, as tcpdump 4.99's
// dvmrp_print and pimv1_print print them without -v.

import { type Dissection } from './dissection';

const TYPE_NAMES = ['', 'Probe', 'Report', 'Ask-neighbors(old)', 'Neighbors(old)', 'Ask-neighbors2', 'Neighbors2',
  'Prune', 'Graft', 'Graft-ACK'];
const TYPE = Object.freeze({ PROBE: 1, NEIGHBORS: 4, NEIGHBORS2: 6, PRUNE: 7, GRAFT: 8, GRAFT_ACK: 9 });

// Neighbor flags of a Neighbors2 reply, in tcpdump's order.
const NEIGHBOR_FLAGS: Array<[number, string]> = [[0x01, '/tunnel'], [0x02, '/srcrt'], [0x40, '/querier'],
  [0x20, '/disabled'], [0x10, '/down']];

/** Relative seconds as 1y2w3d4h5m6s (tcpdump's unsigned_relts_print). */
export function relativeTime(seconds: number): string {
  if (seconds === 0) return '0s';
  const units: Array<[number, string]> = [[31536000, 'y'], [604800, 'w'], [86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
  let text = '';
  let left = seconds;
  for (const [size, unit] of units) {
    if (left >= size) {
      text += `${Math.floor(left / size)}${unit}`;
      left %= size;
    }
  }
  return text;
}

/** Neighbors (old format): false where tcpdump says "(invalid)". */
function printNeighbors(d: Dissection, at: number, length: number): boolean {
  let p = at;
  let left = length;
  while (left > 0) {
    if (left < 7) {
      d.print(` [length ${left} < 7]`);
      return false;
    }
    const local = p;
    const metric = d.u8(p + 4);
    const threshold = d.u8(p + 5);
    let count = d.u8(p + 6);
    p += 7;
    left -= 7;
    while (--count >= 0) {
      if (left < 4) {
        d.print(` [length ${left} < 4]`);
        return false;
      }
      d.print(` [${d.ipv4(local)} ->`);
      d.print(` ${d.ipv4(p)}, (${metric}/${threshold})]`);
      p += 4;
      left -= 4;
    }
  }
  return true;
}

/** Neighbors2: false where tcpdump says "(invalid)". */
function printNeighbors2(d: Dissection, at: number, length: number, major: number, minor: number): boolean {
  d.print(` (v ${major}.${minor}):`);
  let p = at;
  let left = length;
  while (left > 0) {
    if (left < 8) {
      d.print(` [length ${left} < 8]`);
      return false;
    }
    const local = p;
    const metric = d.u8(p + 4);
    const threshold = d.u8(p + 5);
    const flags = d.u8(p + 6);
    let count = d.u8(p + 7);
    p += 8;
    left -= 8;
    while (--count >= 0 && left > 0) {
      if (left < 4) {
        d.print(` [length ${left} < 4]`);
        return false;
      }
      d.print(` [${d.ipv4(local)} -> `);
      d.print(`${d.ipv4(p)} (${metric}/${threshold}`);
      for (const [bit, text] of NEIGHBOR_FLAGS) if (flags & bit) d.print(text);
      d.print(')]');
      p += 4;
      left -= 4;
    }
    if (count !== -1) {
      d.print(' [invalid ncount]');
      return false;
    }
  }
  return true;
}

/** The DVMRP message in the IGMP message at `at`, `length` bytes long (tcpdump's dvmrp_print). */
export function printDvmrp(d: Dissection, at: number, length: number): void {
  d.protocol = 'dvmrp';
  if (length < 8) {
    d.print(` [length ${length} < 8]`);
    d.printInvalid();
    return;
  }
  const type = d.u8(at + 1);
  const body = at + 8;
  const left = length - 8;
  d.print(` ${TYPE_NAMES[type] || `[type ${type}]`}`);
  let valid = true;
  switch (type) {
    case TYPE.NEIGHBORS:
      valid = printNeighbors(d, body, left);
      break;
    case TYPE.NEIGHBORS2:
      // The version is in the IGMP group address field.
      valid = printNeighbors2(d, body, left, d.u8(at + 7), d.u8(at + 6));
      break;
    case TYPE.PRUNE:
      d.print(` src ${d.ipv4(body)} grp ${d.ipv4(body + 4)}`);
      d.print(' timer ');
      d.print(relativeTime(d.be32(body + 8)));
      break;
    case TYPE.GRAFT:
    case TYPE.GRAFT_ACK:
      d.print(` src ${d.ipv4(body)} grp ${d.ipv4(body + 4)}`);
      break;
    default:
      break;
  }
  if (!valid) d.printInvalid();
}

const PIMV1_TYPES = ['Query', 'Register', 'Register-Stop', 'Join/Prune', 'RP-reachable', 'Assert', 'Graft', 'Graft-ACK'];
const PIMV1 = Object.freeze({ QUERY: 0, REGISTER: 1, REGISTER_STOP: 2, ASSERT: 5 });
const PIM_MODES = [' Dense-mode', ' Sparse-mode', ' Sparse-Dense-mode'];

/** The PIMv1 message in the IGMP message at `at` (tcpdump's pimv1_print). */
export function printPimV1(d: Dissection, at: number): void {
  d.protocol = 'pimv1';
  const type = d.u8(at + 1);
  d.print(` ${PIMV1_TYPES[type] ?? `[type ${type}]`}`);
  switch (type) {
    case PIMV1.QUERY:
      if (d.has(at + 8, 1)) {
        const mode = d.u8(at + 8) >> 4;
        d.print(PIM_MODES[mode] ?? ` mode-${mode}`);
      }
      break;
    case PIMV1.REGISTER:
      // The registered datagram's IP header starts 8 bytes in.
      if (!d.has(at + 8, 20)) {
        d.printTrunc();
        return;
      }
      d.print(` for ${d.ipv4(at + 20)} > ${d.ipv4(at + 24)}`);
      break;
    case PIMV1.REGISTER_STOP:
      d.print(` for ${d.ipv4(at + 8)} > ${d.ipv4(at + 12)}`);
      break;
    case PIMV1.ASSERT:
      d.print(` for ${d.ipv4(at + 16)} > ${d.ipv4(at + 8)}`);
      if (d.be32(at + 12) !== 0xffffffff) d.print(`/${d.ipv4(at + 12)}`);
      d.print(` ${d.u8(at + 20) & 0x80 ? 'RP-tree' : 'SPT'} pref ${d.be32(at + 20) & 0x7fffffff} metric ${d.be32(at + 24)}`);
      break;
    default:
      break;
  }
  const version = d.u8(at + 4) >> 4;
  if (version !== 1) d.print(` [v${version}]`);
}
