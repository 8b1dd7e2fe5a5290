// The network capabilities, as bit numbers of /proc/self/status's CapEff mask;
// lib/privileges.ts reads them to say what a refused call needed.
// Each constant as a named export, with its meaning and the man page (or
// header) that defines it; @category sorts them in the API reference. The
// values are the addon's, through the frozen `constants` of ./names.
import { constants } from './names';

export const {
  /**
   * Capability bit: raw and packet sockets ({@link PermissionDeniedError.capability}). capabilities(7),
   * <linux/capability.h>.
   * @category Capabilities
   */
  CAP_NET_RAW,
  /**
   * Capability bit: network administration (SO_MARK, SO_DEBUG, the *FORCE buffer sizes, IP_TRANSPARENT).
   * capabilities(7), <linux/capability.h>.
   * @category Capabilities
   */
  CAP_NET_ADMIN,
  /** Capability bit: bind to ports below 1024. capabilities(7), <linux/capability.h>. @category Capabilities */
  CAP_NET_BIND_SERVICE,
} = constants;

// Frozen, so that `export *` in ../constants.ts re-exports plain values, not getters (see there).
Object.freeze(module.exports);
