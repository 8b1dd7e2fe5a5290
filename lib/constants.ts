// OS constants, as the addon read them from the C headers (native/constants.cc):
// the index of lib/constants/, which the rest of lib/ imports. names.ts holds
// the names, the frozen `constants` object and `sizeof`; each other file there
// exports one concern's constants by name, each with its documentation.
export * from './constants/names';
export * from './constants/sockets';
export * from './constants/socket_options';
export * from './constants/ip_options';
export * from './constants/tcp_udp_options';
export * from './constants/messages';
export * from './constants/packet';
export * from './constants/netlink';
export * from './constants/capabilities';
export * from './constants/name_resolution';

// Frozen, so that the package index re-exports each constant as a plain
// value: `export *` turns a writable export into a getter through one shared
// closure, which costs ~35 ns per read of a constant in a hot loop. It copies
// a frozen module's exports as they are, so each file of lib/constants/ is
// frozen too: every module in the chain must be, or its exports are getters here.
Object.freeze(module.exports);
