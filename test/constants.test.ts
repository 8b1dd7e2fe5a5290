// Constants come from the C headers, through the addon; the TS name list and
// the native list agree; values match an independent source (Python's socket).
import { execFileSync } from 'node:child_process';

import * as lib from '../lib';
import { binding } from '../lib/binding';
import { CONSTANT_NAMES, constants } from '../lib/constants';

test('the TS name list and the addon export the same constants', () => {
  expect([...CONSTANT_NAMES].sort()).toEqual(Object.keys(binding.constants).sort());
});

test('every constant is a named export and in the frozen constants object', () => {
  expect(Object.isFrozen(constants)).toBe(true);
  for (const name of CONSTANT_NAMES) {
    expect(typeof constants[name]).toBe('number');
    expect((lib as unknown as Record<string, number>)[name]).toBe(constants[name]);
  }
});

test('the package exports constants and error classes as read-only values, not getters', () => {
  // A getter made by `export *` costs ~35 ns per read in a hot loop. Every
  // constant: each file of lib/constants/ must freeze its exports for this.
  const names = [...CONSTANT_NAMES, 'CONSTANT_NAMES', 'constants', 'sizeof', 'WouldBlockError', 'errorFromStatus'];
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(lib, name);
    expect(descriptor).toMatchObject({ writable: false, configurable: false });
    expect(descriptor?.get).toBeUndefined();
  }
});

test('the binding object has fast, frozen properties', () => {
  // The addon's own exports object is a dictionary: a hash lookup V8 cannot
  // fold on every binding.recv. lib/binding.ts hands out a frozen copy.
  expect(Object.isFrozen(binding)).toBe(true);
  const script = `const { binding } = require(${JSON.stringify(require.resolve('../dist/binding.js'))});
process.stdout.write(String(%HasFastProperties(binding)));`;
  expect(execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script]).toString()).toBe('true');
});

test('values agree with Python\'s socket module, read from the same headers', () => {
  const names = CONSTANT_NAMES.filter((n) => !n.startsWith('ETH_P_'));
  const script = `import socket, json, sys
names = json.loads(sys.argv[1])
print(json.dumps({n: getattr(socket, n) for n in names if hasattr(socket, n)}))`;
  const python = JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(names)]).toString()) as Record<string, number>;
  // Python lacks some (it is no oracle for those); it has most.
  expect(Object.keys(python).length).toBeGreaterThan(130);
  for (const [name, value] of Object.entries(python)) {
    expect([name, constants[name as keyof typeof constants]]).toEqual([name, value]);
  }
});
