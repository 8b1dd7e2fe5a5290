// What a link type changes in a filter: where the network header starts,
// how "this frame carries EtherType x" is tested, and whether there are MAC
// addresses to test. libpcap's init_linktype and gen_linktype, for the link
// types this package captures with.
import { LINKTYPE } from '../../link_type';
import { and, FALSE, not, test, type Condition } from './conditions';

/** EtherTypes the primitives test (IEEE registry; protocol facts). */
export const ETHERTYPE = Object.freeze({ IP: 0x0800, ARP: 0x0806, REVARP: 0x8035, IPV6: 0x86dd });

// An Ethernet type/length field up to this is an 802.3 length, not a type.
const ETHERMTU = 1500;
// libpcap tests these LLC and AppleTalk values specially; this compiler does not.
const SPECIAL_PROTOCOLS = new Set([0x06, 0xe0, 0xf0, 0xfe, 0x809b, 0x80f3]);

/** The layout of one link type's frames. */
export interface LinkLayer {
  /** The link type's name, for messages. */
  readonly name: string;
  /** Offset of the network-layer (IP) header in the frame. */
  readonly network: number;
  /** True if frames start with an Ethernet header (MAC addresses at 0 and 6). */
  readonly ethernet: boolean;
  /**
   * The frame carries `etherType` (an EtherType, or an 802.2 SAP up to 1500
   * on Ethernet), or null if this compiler cannot test that value here.
   */
  carries(etherType: number): Condition | null;
}

// A 2-byte protocol field at `offset` (Ethernet's type, the cooked headers' protocol).
function protocolField(offset: number, ethernet: boolean): LinkLayer['carries'] {
  return (etherType) => {
    if (SPECIAL_PROTOCOLS.has(etherType)) return null;
    if (etherType > ETHERMTU) return test(2, offset, 'eq', etherType);
    if (!ethernet) return null;
    // An 802.2 frame (the field is a length) whose DSAP is the value.
    return and(not(test(2, offset, 'gt', ETHERMTU)), test(1, offset + 2, 'eq', etherType));
  };
}

// Raw IP: the version nibble says IPv4 or IPv6; nothing else can be there.
function ipVersion(etherType: number): Condition | null {
  if (etherType === ETHERTYPE.IP) return test(1, 0, 'eq', 0x40, 0xf0);
  if (etherType === ETHERTYPE.IPV6) return test(1, 0, 'eq', 0x60, 0xf0);
  return FALSE;
}

const LAYERS: ReadonlyMap<number, LinkLayer> = new Map([
  [LINKTYPE.EN10MB, { name: 'EN10MB', network: 14, ethernet: true, carries: protocolField(12, true) }],
  // struct sll_header: the protocol is the last 2 of its 16 bytes.
  [LINKTYPE.LINUX_SLL, { name: 'LINUX_SLL', network: 16, ethernet: false, carries: protocolField(14, false) }],
  // struct sll2_header: the protocol is its first 2 of 20 bytes.
  [LINKTYPE.LINUX_SLL2, { name: 'LINUX_SLL2', network: 20, ethernet: false, carries: protocolField(0, false) }],
  [LINKTYPE.RAW, { name: 'RAW', network: 0, ethernet: false, carries: ipVersion }],
]);

/** The link types compileFilter knows: the {@link LINKTYPE} values EN10MB, LINUX_SLL, LINUX_SLL2 and RAW. */
export const SUPPORTED_LINK_TYPES: readonly number[] = [...LAYERS.keys()];

/** The layout of `linkType`'s frames, or undefined for a link type this compiler does not know. */
export function linkLayerOf(linkType: number): LinkLayer | undefined {
  return LAYERS.get(linkType);
}
