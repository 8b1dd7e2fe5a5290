// Before any test: the system tools the tests run must be there (a missing
// one stops the run here, naming its Debian package, rather than failing or
// skipping tests one by one), and the TypeScript is compiled, because child
// processes in the tests (exit, GC, namespaces, examples) run the compiled
// library and examples: a stale dist/ or build-ts/ would test old code.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const systemTools = require('../scripts/system-tools.js') as {
  missingTools(...groups: string[]): unknown[];
  describe(missing: unknown[]): string;
};

export default function globalSetup(): void {
  const missing = systemTools.missingTools('test');
  if (missing.length > 0) {
    console.error(`\nThe tests need system tools this machine lacks: ${systemTools.describe(missing)}. `
      + 'Install them as root with `npm run setup:system`.');
    process.exit(1);
  }
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-ts.js')], { cwd: root, stdio: 'inherit' });
}
