// PermissionDeniedError says which capability a call needs, whether this
// process has it, and how to get it. The calls run in children from which
// setpriv has removed the capability (root, but without it).
import { runChild } from './helpers';

const attempt = (call: string): string => `
  try { ${call}; console.log(JSON.stringify({ ok: true })); }
  catch (e) {
    console.log(JSON.stringify({ name: e.name, code: e.code, capability: e.capability,
      hasCapability: e.hasCapability, message: e.message, isPermission: e instanceof lib.PermissionDeniedError }));
  }`;

test.each([
  ['a raw ICMP socket', 'lib.socket(lib.AF_INET, lib.SOCK_RAW, lib.IPPROTO_ICMP)', 'raw sockets'],
  ['a packet socket', 'lib.socket(lib.AF_PACKET, lib.SOCK_RAW, lib.htons(lib.ETH_P_ALL))', 'packet sockets'],
])('%s without CAP_NET_RAW: the error names the capability, says it is missing, and how to get it', async (_name, call, what) => {
  const result = await runChild(attempt(call), { prefix: ['setpriv', '--bounding-set=-net_raw'] });
  expect(result.stderr).toBe('');
  const error = JSON.parse(result.stdout);
  expect(error).toMatchObject({
    name: 'PermissionDeniedError', isPermission: true, code: 'EPERM', capability: 'CAP_NET_RAW', hasCapability: false,
  });
  expect(error.message).toContain(`${what} need CAP_NET_RAW, which this process does not have`);
  for (const way of ['root', 'setcap cap_net_raw+ep', 'ambient', 'NET_RAW', 'unshare --user --map-root-user']) {
    expect(error.message).toContain(way);
  }
});

test('with CAP_NET_RAW the same call works (the test above is not vacuous)', async () => {
  const result = await runChild(attempt('lib.socket(lib.AF_INET, lib.SOCK_RAW, lib.IPPROTO_ICMP).close()'));
  expect(JSON.parse(result.stdout)).toEqual({ ok: true });
});

test('a port below 1024 without CAP_NET_BIND_SERVICE', async () => {
  const result = await runChild(attempt(`
    const s = lib.socket(); try { s.bind({ address: '127.0.0.1', port: 7 }); } finally { s.close(); }`),
  { prefix: ['setpriv', '--bounding-set=-net_bind_service'] });
  const error = JSON.parse(result.stdout);
  expect(error).toMatchObject({ name: 'PermissionDeniedError', code: 'EACCES', capability: 'CAP_NET_BIND_SERVICE', hasCapability: false });
});

test('an unprivileged ICMP socket outside ping_group_range says so', async () => {
  // In a namespace of its own, where the test sets the range to exclude every group.
  const result = await runChild(`
    require('node:child_process').execFileSync('sysctl', ['-qw', 'net.ipv4.ping_group_range=1 0']);
    ${attempt('lib.socket(lib.AF_INET, lib.SOCK_DGRAM, lib.IPPROTO_ICMP)')}`, { prefix: ['unshare', '--net'] });
  const error = JSON.parse(result.stdout);
  expect(error).toMatchObject({ name: 'PermissionDeniedError', code: 'EACCES' });
  expect(error.message).toContain('net.ipv4.ping_group_range, now "1 0"');
});
