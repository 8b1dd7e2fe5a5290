// Child processes in the tests (exit, GC, namespaces, examples) run the
// compiled library and examples, so compile them first: a stale dist/ or
// build-ts/ would test old code.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-ts.js')], { cwd: root, stdio: 'inherit' });
}
