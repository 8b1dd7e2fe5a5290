// Packet sockets (AF_PACKET: ETH_P_* EtherTypes, PACKET_* options and packet
// types, ARPHRD_*), classic BPF socket filters (BPF_*, SKF_*), and the packet
// ring and its fanout (PACKET_VERSION, PACKET_FANOUT_*, TP_STATUS_*, TPACKET_*).
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
  /**
   * Every protocol: `socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL))`. packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_ALL,
  /**
   * EtherType of IPv4 (0x0800); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_IP,
  /**
   * EtherType of IPv6 (0x86DD); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_IPV6,
  /**
   * EtherType of ARP (0x0806); socket(2) takes it in network order (htons). packet(7), <linux/if_ether.h>.
   * @category Packet sockets
   */
  ETH_P_ARP,
  /** EtherType of Ethernet loopback packets (0x0060). <linux/if_ether.h>. @category Packet sockets */
  ETH_P_LOOP,
  /** EtherType of an 802.1Q VLAN tag (0x8100). <linux/if_ether.h>. @category Packet sockets */
  ETH_P_8021Q,
  /**
   * Option at SOL_PACKET: adds a {@link PacketMembershipOption} (promiscuous mode, a multicast address). packet(7).
   * @category Packet sockets
   */
  PACKET_ADD_MEMBERSHIP,
  /** Option at SOL_PACKET: removes a {@link PacketMembershipOption}. packet(7). @category Packet sockets */
  PACKET_DROP_MEMBERSHIP,
  /** {@link PacketMembershipOption.type}: the interface receives every frame. packet(7). @category Packet sockets */
  PACKET_MR_PROMISC,
  /**
   * {@link PacketMembershipOption.type}: the interface receives one multicast address. packet(7).
   * @category Packet sockets
   */
  PACKET_MR_MULTICAST,
  /**
   * {@link PacketMembershipOption.type}: the interface receives every multicast frame. packet(7).
   * @category Packet sockets
   */
  PACKET_MR_ALLMULTI,
  /** {@link PacketAddress.pkttype}: a frame addressed to this host. packet(7). @category Packet sockets */
  PACKET_HOST,
  /** {@link PacketAddress.pkttype}: a link-layer broadcast frame. packet(7). @category Packet sockets */
  PACKET_BROADCAST,
  /** {@link PacketAddress.pkttype}: a link-layer multicast frame. packet(7). @category Packet sockets */
  PACKET_MULTICAST,
  /**
   * {@link PacketAddress.pkttype}: a frame to another host, seen in promiscuous mode. packet(7).
   * @category Packet sockets
   */
  PACKET_OTHERHOST,
  /** {@link PacketAddress.pkttype}: a frame this host sent, looped back. packet(7). @category Packet sockets */
  PACKET_OUTGOING,
  /**
   * Option at SOL_PACKET: receive struct tpacket_auxdata (VLAN tag, original length) as a control message (boolean).
   * packet(7).
   * @category Packet sockets
   */
  PACKET_AUXDATA,
  /** Option at SOL_PACKET: do not receive frames this host sends (boolean). packet(7). @category Packet sockets */
  PACKET_IGNORE_OUTGOING,
  /** Instruction class: load into A. <linux/bpf_common.h>, bpf(4). @category Packet filters (BPF) */
  BPF_LD,
  /** Instruction class: load into X. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LDX,
  /** Instruction class: store A into scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ST,
  /** Instruction class: store X into scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_STX,
  /** Instruction class: arithmetic on A. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ALU,
  /** Instruction class: jumps (forward only). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JMP,
  /** Instruction class: return, accepting that many bytes of the packet (0 drops it). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_RET,
  /** Instruction class: register moves (TAX, TXA). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MISC,
  /** Load size: a 32-bit word, big-endian. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_W,
  /** Load size: a 16-bit half word, big-endian. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_H,
  /** Load size: one byte. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_B,
  /** Load mode: the constant k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_IMM,
  /** Load mode: the packet at offset k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ABS,
  /** Load mode: the packet at offset X + k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_IND,
  /** Load mode: scratch memory M[k]. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MEM,
  /** Load mode: the packet's length. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LEN,
  /** Load mode (LDX B only): 4 × (packet[k] & 0xf), an IPv4 header's length. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MSH,
  /** ALU operation: A + operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_ADD,
  /** ALU operation: A − operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_SUB,
  /** ALU operation: A × operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MUL,
  /** ALU operation: A ÷ operand (unsigned; by 0 the filter returns 0). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_DIV,
  /** ALU operation: A | operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_OR,
  /** ALU operation: A & operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_AND,
  /** ALU operation: A << operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_LSH,
  /** ALU operation: A >> operand (logical). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_RSH,
  /** ALU operation: −A. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_NEG,
  /** ALU operation: A mod operand (by 0 the filter returns 0). <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MOD,
  /** ALU operation: A ^ operand. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_XOR,
  /** Jump: always, by k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JA,
  /** Jump: to jt if A == operand, else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JEQ,
  /** Jump: to jt if A > operand (unsigned), else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JGT,
  /** Jump: to jt if A >= operand (unsigned), else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JGE,
  /** Jump: to jt if A & operand is not 0, else jf. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_JSET,
  /** Operand source: the constant k. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_K,
  /** Operand source: the register X. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_X,
  /** Return value source: the register A. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_A,
  /** MISC operation: X = A. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_TAX,
  /** MISC operation: A = X. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_TXA,
  /** The most instructions a classic BPF program may have. <linux/bpf_common.h>. @category Packet filters (BPF) */
  BPF_MAXINSNS,
  /** Words of scratch memory M[] a classic BPF program has. <linux/filter.h>. @category Packet filters (BPF) */
  BPF_MEMWORDS,
  /** Loads at SKF_AD_OFF + n read ancillary data (protocol, packet type, …), not the packet. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_OFF,
  /** Ancillary load: the frame's protocol (ETH_P_*), in host order. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PROTOCOL,
  /** Ancillary load: the packet type (PACKET_HOST, PACKET_OUTGOING, …). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PKTTYPE,
  /** Ancillary load: the index of the interface. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_IFINDEX,
  /** Ancillary load: the offset of the netlink attribute of type X, searched from offset A (0 if none). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_NLATTR,
  /** Ancillary load: as SKF_AD_NLATTR, inside the nested attribute at offset A. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_NLATTR_NEST,
  /** Ancillary load: the packet's mark (SO_MARK, netfilter). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_MARK,
  /** Ancillary load: the packet's receive queue (queue_mapping). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_QUEUE,
  /** Ancillary load: the interface's hardware type (ARPHRD_*). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_HATYPE,
  /** Ancillary load: the packet's flow hash. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_RXHASH,
  /** Ancillary load: the number of the CPU running the filter. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_CPU,
  /** Ancillary operation: A = A ^ X. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_ALU_XOR_X,
  /** Ancillary load: the VLAN tag control information the NIC stripped. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TAG,
  /** Ancillary load: 1 if the NIC stripped a VLAN tag, else 0. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TAG_PRESENT,
  /** Ancillary load: the offset of the payload past the transport header, as the flow dissector finds it. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_PAY_OFFSET,
  /** Ancillary load: a random 32-bit number. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_RANDOM,
  /** Ancillary load: the stripped VLAN tag's protocol (TPID). <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_VLAN_TPID,
  /** The end of the ancillary offsets: SKF_AD_OFF + n is one only for n below it. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_AD_MAX,
  /** Loads at SKF_NET_OFF + n read from the network header. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_NET_OFF,
  /** Loads at SKF_LL_OFF + n read from the link-layer header. <linux/filter.h>. @category Packet filters (BPF) */
  SKF_LL_OFF,
  /** Option at SOL_PACKET: the ring's frame header version (TPACKET_V1/V2/V3). packet(7). @category Packet rings */
  PACKET_VERSION,
  /** Option at SOL_PACKET: set up a receive ring (struct tpacket_req3 for TPACKET_V3) to mmap(2). packet(7). @category Packet rings */
  PACKET_RX_RING,
  /** Option at SOL_PACKET: set up a transmit ring to mmap(2). packet(7). @category Packet rings */
  PACKET_TX_RING,
  /** Option at SOL_PACKET, read only: packets and drops since the last read (reading resets them). packet(7). @category Packet rings */
  PACKET_STATISTICS,
  /** Option at SOL_PACKET: join a fanout group, id | (mode << 16), that spreads packets over its sockets. packet(7). @category Packet rings */
  PACKET_FANOUT,
  /** Fanout mode: by flow hash. packet(7). @category Packet rings */
  PACKET_FANOUT_HASH,
  /** Fanout mode: round robin. packet(7). @category Packet rings */
  PACKET_FANOUT_LB,
  /** Fanout mode: by the CPU the packet arrived on. packet(7). @category Packet rings */
  PACKET_FANOUT_CPU,
  /** Fanout mode: fill one socket, then the next. packet(7). @category Packet rings */
  PACKET_FANOUT_ROLLOVER,
  /** Fanout mode: random. packet(7). @category Packet rings */
  PACKET_FANOUT_RND,
  /** Fanout mode: by the recorded receive queue. packet(7). @category Packet rings */
  PACKET_FANOUT_QM,
  /** Fanout flag: move to another socket when the chosen one is full. packet(7). @category Packet rings */
  PACKET_FANOUT_FLAG_ROLLOVER,
  /** Fanout flag: reassemble IP fragments before fanout. packet(7). @category Packet rings */
  PACKET_FANOUT_FLAG_DEFRAG,
  /** Option at SOL_PACKET (transmit ring): skip frames with errors. packet(7). @category Packet rings */
  PACKET_LOSS,
  /** Option at SOL_PACKET: headroom in each ring frame before the packet. packet(7). @category Packet rings */
  PACKET_RESERVE,
  /** Option at SOL_PACKET: which timestamp the ring frames carry (SOF_TIMESTAMPING_*). packet(7). @category Packet rings */
  PACKET_TIMESTAMP,
  /** Option at SOL_PACKET: sends skip the traffic control layer. packet(7). @category Packet rings */
  PACKET_QDISC_BYPASS,
  /** Ring block status: owned by the kernel. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_KERNEL,
  /** Ring block status: retired, owned by the program until it sets TP_STATUS_KERNEL. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_USER,
  /** Ring frame status: the packet was too long for the frame and was cut. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_COPY,
  /** Ring frame status: packets were dropped since the last PACKET_STATISTICS read. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_LOSING,
  /** Ring frame status: an outgoing packet whose checksum is left to the hardware. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_CSUMNOTREADY,
  /** Ring frame status: the frame's VLAN TCI field is valid. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_VLAN_VALID,
  /** Ring block status: retired by the block timeout, not because it was full. <linux/if_packet.h>. @category Packet rings */
  TP_STATUS_BLK_TMO,
  /** Alignment of ring frames and their headers. <linux/if_packet.h>. @category Packet rings */
  TPACKET_ALIGNMENT,
  /** PACKET_VERSION value: the first ring frame header (struct tpacket_hdr). packet(7). @category Packet rings */
  TPACKET_V1,
  /** PACKET_VERSION value: struct tpacket2_hdr frames of a fixed size. packet(7). @category Packet rings */
  TPACKET_V2,
  /** PACKET_VERSION value: blocks of variable-size frames (struct tpacket3_hdr), retired when full or at a timeout. packet(7). @category Packet rings */
  TPACKET_V3,
  /** {@link PacketAddress.hatype}: Ethernet. packet(7), <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_ETHER,
  /** {@link PacketAddress.hatype}: the loopback device. <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_LOOPBACK,
  /** {@link PacketAddress.hatype}: no link-layer header (a tun device). <linux/if_arp.h>. @category Packet sockets */
  ARPHRD_NONE,
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
