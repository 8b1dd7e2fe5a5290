// Child processes in the tests (exit, GC, namespaces, examples) run the
// compiled library, so compile it first: a stale dist/ would test old code.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
}
