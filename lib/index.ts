// bsd-socket: the BSD socket API for Node.js.
//   import { socket, AF_INET, SOCK_STREAM } from 'bsd-socket';
export { Socket, socket, socketpair, fromFd, CMSG_LEN, CMSG_SPACE, type CallOptions, type RecvMsgOptions } from './socket';
export type { Ancillary, ReceivedAncillary, Message } from './ancillary';
export type { Address, Inet4Address, Inet6Address, UnixAddress, UnspecAddress, SocketAddress } from './address';
export type { BinaryLike } from './validate';
export * from './errors';
export * from './constants';
