// bsd-socket: the BSD socket API for Node.js.
//   import { socket, AF_INET, SOCK_STREAM } from 'bsd-socket';
export { Socket, SocketBase, BatchSocket, CMSG_LEN, CMSG_SPACE, type CallOptions, type RecvMsgOptions } from './socket';
export { socket, socketpair, fromFd, fromfd } from './socket_functions';
export { getdefaulttimeout, setdefaulttimeout } from './socket_base';
export type { MakefileOptions } from './socket_stream';
export type { Ancillary, ReceivedAncillary, Message } from './ancillary';
export type {
  Address, Inet4Address, Inet6Address, NetlinkAddress, PacketAddress, SocketAddress, UnixAddress, UnspecAddress,
} from './address';
export { MessageBatch } from './message_batch';
export { Receiver, type ReceiveEachOptions, type RecvEachOptions } from './receiver';
export { if_indextoname, if_nameindex, if_nametoindex } from './interfaces';
export { htonl, htons, inet_ntop, inet_pton, ntohl, ntohs } from './address_text';
export { internetChecksum } from './checksum';
export { setThreadpoolReserve, threadpoolUsage, type ThreadpoolUsage } from './threadpool';
export {
  getaddrinfo, getaddrinfoSync, gethostname, getnameinfo, getnameinfoSync, getservbyname, getservbyport, inet_aton,
  inet_ntoa, type AddrInfo, type ResolveOptions,
} from './resolver';
export {
  create_connection, create_server, has_dualstack_ipv6, recv_fds, send_fds, type CreateConnectionOptions,
  type CreateServerOptions, type HostAndPort,
} from './connection';
export {
  knownOptions, optionKind, type LingerOption, type MembershipOption, type OptionKind, type OptionValue,
  type PacketMembershipOption,
} from './options';
export type { BinaryLike } from './validate';
export { LINKTYPE, type LinkTypeName } from './link_type';
export {
  PcapClosedError, PcapFormatError, PcapReader, PcapWriter, type PcapFileHeader, type PcapInterface, type PcapRecord,
  type PcapTimestamp, type PcapWriterOptions, type TimestampResolution,
} from './pcap';
export type { BpfInstruction, BpfProgram } from './bpf/program';
export { BpfProgramError } from './bpf/program_error';
export { checkFilter } from './bpf/checker';
export { CheckedProgram } from './bpf/checked_program';
export { runFilter, type RunFilterOptions } from './bpf/interpreter';
export { assemble } from './bpf/assembler';
export { disassemble } from './bpf/disassembler';
export { BpfAssemblyError } from './bpf/assembly_syntax';
export type { AttachFilterOptions } from './socket_filter';
export {
  attachPacketRing, openPacketRing, PacketRing, type FanoutOptions, type OpenPacketRingOptions, type PacketRingOptions,
  type PacketRingStats,
} from './packet_ring';
export { PacketBlock } from './packet_block';
export {
  PacketPrinter, type CaptureTime, type HexDump, type PacketPrinterOptions, type TimestampPrecision,
} from './packet_print/packet_printer';
export { compileFilter, FilterSyntaxError, type CompileFilterOptions } from './bpf/compiler';
export type { AcceptEachOptions } from './receiver';
export * from './errors';
export * from './constants';
