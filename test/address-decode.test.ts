// The addresses the addon hands to JS (native/sockaddr_js.cc AddressToJS,
// core DecodeAddress): IPv4 text as inet_ntop writes it, for every kind of
// octet, and plain objects whose fields are ordinary data properties, in
// the documented order.
import fc from 'fast-check';

import { AF_INET, AF_INET6, SOCK_DGRAM, socket, sizeof } from '../lib';
import { binding } from '../lib/binding';
import { track } from './helpers';

/** A sockaddr_in for `octets` and `port`, decoded by the addon. */
function decodeInet4(octets: number[], port: number): unknown {
  const raw = new Uint8Array(sizeof.sockaddr_storage);
  const view = new DataView(raw.buffer);
  view.setUint16(0, AF_INET, true);
  view.setUint16(2, port, false);
  raw.set(octets, 4);
  return binding.decodeAddress(raw, 0, 16);
}

test.each([
  [[0, 0, 0, 0]], [[255, 255, 255, 255]], [[127, 0, 0, 1]], [[9, 10, 99, 100]], [[199, 200, 1, 0]], [[10, 20, 30, 40]],
])('%p is written as inet_ntop writes it', (octets) => {
  expect(decodeInet4(octets, 80)).toEqual({ family: AF_INET, address: octets.join('.'), port: 80 });
});

test('any IPv4 address and port decodes to dotted decimal with no leading zeros', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 0, max: 65535 }), (octets, port) => {
      expect(decodeInet4(octets, port)).toEqual({ family: AF_INET, address: octets.join('.'), port });
    }), { numRuns: 2000 });
});

test('an address is a plain object of ordinary data properties, in order', () => {
  const s = track(socket(AF_INET6, SOCK_DGRAM));
  s.bind({ address: '::1', port: 0 });
  const address = s.getsockname();
  // Object.prototype of the addon's realm (jest runs tests in a realm of their own).
  const proto = Object.getPrototypeOf(address) as object;
  expect(Object.getPrototypeOf(proto)).toBeNull();
  expect(proto.constructor.name).toBe('Object');
  expect(Object.keys(address)).toEqual(['family', 'address', 'port', 'flowinfo', 'scopeId']);
  for (const key of Object.keys(address)) {
    expect(Object.getOwnPropertyDescriptor(address, key)).toMatchObject({ writable: true, enumerable: true, configurable: true });
  }
  (address as { port: number }).port = 1;
  expect(address).toMatchObject({ family: AF_INET6, address: '::1', port: 1 });
});
