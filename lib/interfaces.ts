// Network interfaces by name and index.
import { binding } from './binding';
import { errorFromStatus } from './errors';
import { checkInt, describe } from './validate';

/** if_nametoindex(3): the index of interface `name`. Raises SocketError ENODEV if there is none. */
export function if_nametoindex(name: string): number {
  if (typeof name !== 'string') throw new TypeError(`name must be a string, got ${describe(name)}`);
  const r = binding.if_nametoindex(name);
  if (r < 0) throw errorFromStatus(r, 'if_nametoindex');
  return r;
}

/** if_indextoname(3): the name of interface `index`. Raises SocketError ENXIO if there is none. */
export function if_indextoname(index: number): string {
  const r = binding.if_indextoname(checkInt(index, 'index', 1, 0x7fffffff));
  if (typeof r === 'number') throw errorFromStatus(r, 'if_indextoname');
  return r;
}

/** if_nameindex(3): every interface, as { index, name }. Raises SocketError (ENOBUFS, or an errno of socket(2)) if the list cannot be read. */
export function if_nameindex(): Array<{
  /** The interface index. */
  index: number;
  /** The interface name, such as 'lo' or 'eth0'. */
  name: string;
}> {
  const r = binding.if_nameindex();
  if (typeof r === 'number') throw errorFromStatus(r, 'if_nameindex');
  return r;
}
