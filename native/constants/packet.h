// Packet sockets (ETH_P_*, PACKET_*, ARPHRD_*), classic BPF (BPF_*, SKF_*) and
// the packet ring (TP_STATUS_*, TPACKET_*). SOMAXCONN and INADDR_* sit among
// them: the lists keep the order of CONSTANT_NAMES (lib/constants/names.ts).
// One X(NAME) each, behind #ifdef; native/constants.cc includes the lists in order.
// NOLINT(build/header_guard): an X-macro list, included on purpose more than once.
#ifdef ETH_P_ALL
X(ETH_P_ALL)
#endif
#ifdef ETH_P_IP
X(ETH_P_IP)
#endif
#ifdef ETH_P_IPV6
X(ETH_P_IPV6)
#endif
#ifdef ETH_P_ARP
X(ETH_P_ARP)
#endif
#ifdef ETH_P_LOOP
X(ETH_P_LOOP)
#endif
#ifdef ETH_P_8021Q
X(ETH_P_8021Q)
#endif
#ifdef SOMAXCONN
X(SOMAXCONN)
#endif
#ifdef INADDR_ANY
X(INADDR_ANY)
#endif
#ifdef INADDR_LOOPBACK
X(INADDR_LOOPBACK)
#endif
#ifdef INADDR_BROADCAST
X(INADDR_BROADCAST)
#endif
#ifdef INADDR_NONE
X(INADDR_NONE)
#endif
#ifdef PACKET_ADD_MEMBERSHIP
X(PACKET_ADD_MEMBERSHIP)
#endif
#ifdef PACKET_DROP_MEMBERSHIP
X(PACKET_DROP_MEMBERSHIP)
#endif
#ifdef PACKET_MR_PROMISC
X(PACKET_MR_PROMISC)
#endif
#ifdef PACKET_MR_MULTICAST
X(PACKET_MR_MULTICAST)
#endif
#ifdef PACKET_MR_ALLMULTI
X(PACKET_MR_ALLMULTI)
#endif
#ifdef PACKET_HOST
X(PACKET_HOST)
#endif
#ifdef PACKET_BROADCAST
X(PACKET_BROADCAST)
#endif
#ifdef PACKET_MULTICAST
X(PACKET_MULTICAST)
#endif
#ifdef PACKET_OTHERHOST
X(PACKET_OTHERHOST)
#endif
#ifdef PACKET_OUTGOING
X(PACKET_OUTGOING)
#endif
#ifdef PACKET_AUXDATA
X(PACKET_AUXDATA)
#endif
#ifdef PACKET_IGNORE_OUTGOING
X(PACKET_IGNORE_OUTGOING)
#endif
#ifdef BPF_LD
X(BPF_LD)
#endif
#ifdef BPF_LDX
X(BPF_LDX)
#endif
#ifdef BPF_ST
X(BPF_ST)
#endif
#ifdef BPF_STX
X(BPF_STX)
#endif
#ifdef BPF_ALU
X(BPF_ALU)
#endif
#ifdef BPF_JMP
X(BPF_JMP)
#endif
#ifdef BPF_RET
X(BPF_RET)
#endif
#ifdef BPF_MISC
X(BPF_MISC)
#endif
#ifdef BPF_W
X(BPF_W)
#endif
#ifdef BPF_H
X(BPF_H)
#endif
#ifdef BPF_B
X(BPF_B)
#endif
#ifdef BPF_IMM
X(BPF_IMM)
#endif
#ifdef BPF_ABS
X(BPF_ABS)
#endif
#ifdef BPF_IND
X(BPF_IND)
#endif
#ifdef BPF_MEM
X(BPF_MEM)
#endif
#ifdef BPF_LEN
X(BPF_LEN)
#endif
#ifdef BPF_MSH
X(BPF_MSH)
#endif
#ifdef BPF_ADD
X(BPF_ADD)
#endif
#ifdef BPF_SUB
X(BPF_SUB)
#endif
#ifdef BPF_MUL
X(BPF_MUL)
#endif
#ifdef BPF_DIV
X(BPF_DIV)
#endif
#ifdef BPF_OR
X(BPF_OR)
#endif
#ifdef BPF_AND
X(BPF_AND)
#endif
#ifdef BPF_LSH
X(BPF_LSH)
#endif
#ifdef BPF_RSH
X(BPF_RSH)
#endif
#ifdef BPF_NEG
X(BPF_NEG)
#endif
#ifdef BPF_MOD
X(BPF_MOD)
#endif
#ifdef BPF_XOR
X(BPF_XOR)
#endif
#ifdef BPF_JA
X(BPF_JA)
#endif
#ifdef BPF_JEQ
X(BPF_JEQ)
#endif
#ifdef BPF_JGT
X(BPF_JGT)
#endif
#ifdef BPF_JGE
X(BPF_JGE)
#endif
#ifdef BPF_JSET
X(BPF_JSET)
#endif
#ifdef BPF_K
X(BPF_K)
#endif
#ifdef BPF_X
X(BPF_X)
#endif
#ifdef BPF_A
X(BPF_A)
#endif
#ifdef BPF_TAX
X(BPF_TAX)
#endif
#ifdef BPF_TXA
X(BPF_TXA)
#endif
#ifdef BPF_MAXINSNS
X(BPF_MAXINSNS)
#endif
#ifdef BPF_MEMWORDS
X(BPF_MEMWORDS)
#endif
#ifdef SKF_AD_OFF
X(SKF_AD_OFF)
#endif
#ifdef SKF_AD_PROTOCOL
X(SKF_AD_PROTOCOL)
#endif
#ifdef SKF_AD_PKTTYPE
X(SKF_AD_PKTTYPE)
#endif
#ifdef SKF_AD_IFINDEX
X(SKF_AD_IFINDEX)
#endif
#ifdef SKF_AD_NLATTR
X(SKF_AD_NLATTR)
#endif
#ifdef SKF_AD_NLATTR_NEST
X(SKF_AD_NLATTR_NEST)
#endif
#ifdef SKF_AD_MARK
X(SKF_AD_MARK)
#endif
#ifdef SKF_AD_QUEUE
X(SKF_AD_QUEUE)
#endif
#ifdef SKF_AD_HATYPE
X(SKF_AD_HATYPE)
#endif
#ifdef SKF_AD_RXHASH
X(SKF_AD_RXHASH)
#endif
#ifdef SKF_AD_CPU
X(SKF_AD_CPU)
#endif
#ifdef SKF_AD_ALU_XOR_X
X(SKF_AD_ALU_XOR_X)
#endif
#ifdef SKF_AD_VLAN_TAG
X(SKF_AD_VLAN_TAG)
#endif
#ifdef SKF_AD_VLAN_TAG_PRESENT
X(SKF_AD_VLAN_TAG_PRESENT)
#endif
#ifdef SKF_AD_PAY_OFFSET
X(SKF_AD_PAY_OFFSET)
#endif
#ifdef SKF_AD_RANDOM
X(SKF_AD_RANDOM)
#endif
#ifdef SKF_AD_VLAN_TPID
X(SKF_AD_VLAN_TPID)
#endif
#ifdef SKF_AD_MAX
X(SKF_AD_MAX)
#endif
#ifdef SKF_NET_OFF
X(SKF_NET_OFF)
#endif
#ifdef SKF_LL_OFF
X(SKF_LL_OFF)
#endif
#ifdef PACKET_VERSION
X(PACKET_VERSION)
#endif
#ifdef PACKET_RX_RING
X(PACKET_RX_RING)
#endif
#ifdef PACKET_TX_RING
X(PACKET_TX_RING)
#endif
#ifdef PACKET_STATISTICS
X(PACKET_STATISTICS)
#endif
#ifdef PACKET_FANOUT
X(PACKET_FANOUT)
#endif
#ifdef PACKET_FANOUT_HASH
X(PACKET_FANOUT_HASH)
#endif
#ifdef PACKET_FANOUT_LB
X(PACKET_FANOUT_LB)
#endif
#ifdef PACKET_FANOUT_CPU
X(PACKET_FANOUT_CPU)
#endif
#ifdef PACKET_FANOUT_ROLLOVER
X(PACKET_FANOUT_ROLLOVER)
#endif
#ifdef PACKET_FANOUT_RND
X(PACKET_FANOUT_RND)
#endif
#ifdef PACKET_FANOUT_QM
X(PACKET_FANOUT_QM)
#endif
#ifdef PACKET_FANOUT_FLAG_ROLLOVER
X(PACKET_FANOUT_FLAG_ROLLOVER)
#endif
#ifdef PACKET_FANOUT_FLAG_DEFRAG
X(PACKET_FANOUT_FLAG_DEFRAG)
#endif
#ifdef PACKET_LOSS
X(PACKET_LOSS)
#endif
#ifdef PACKET_RESERVE
X(PACKET_RESERVE)
#endif
#ifdef PACKET_TIMESTAMP
X(PACKET_TIMESTAMP)
#endif
#ifdef PACKET_QDISC_BYPASS
X(PACKET_QDISC_BYPASS)
#endif
#ifdef TP_STATUS_KERNEL
X(TP_STATUS_KERNEL)
#endif
#ifdef TP_STATUS_USER
X(TP_STATUS_USER)
#endif
#ifdef TP_STATUS_COPY
X(TP_STATUS_COPY)
#endif
#ifdef TP_STATUS_LOSING
X(TP_STATUS_LOSING)
#endif
#ifdef TP_STATUS_CSUMNOTREADY
X(TP_STATUS_CSUMNOTREADY)
#endif
#ifdef TP_STATUS_VLAN_VALID
X(TP_STATUS_VLAN_VALID)
#endif
#ifdef TP_STATUS_BLK_TMO
X(TP_STATUS_BLK_TMO)
#endif
#ifdef TPACKET_ALIGNMENT
X(TPACKET_ALIGNMENT)
#endif
// enum tpacket_versions in <linux/if_packet.h>: not macros, so guarded by the option.
#ifdef PACKET_VERSION
X(TPACKET_V1)
X(TPACKET_V2)
X(TPACKET_V3)
#endif
#ifdef ARPHRD_ETHER
X(ARPHRD_ETHER)
#endif
#ifdef ARPHRD_LOOPBACK
X(ARPHRD_LOOPBACK)
#endif
#ifdef ARPHRD_NONE
X(ARPHRD_NONE)
#endif
