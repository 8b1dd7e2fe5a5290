// bsd-socket: the BSD socket API for Node.js.
//   import { socket, AF_INET, SOCK_STREAM } from 'bsd-socket';
export { Socket, socket, socketpair, fromFd, type CallOptions } from './socket';
export type { Address, Inet4Address, Inet6Address, UnixAddress, UnspecAddress, SocketAddress } from './address';
export type { BinaryLike } from './validate';
export * from './errors';
export * from './constants';
