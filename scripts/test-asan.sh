#!/usr/bin/env bash
# npm run test:asan: the whole jest suite against the addon built with
# AddressSanitizer and UndefinedBehaviorSanitizer. Node itself is not
# instrumented, so the ASan runtime is preloaded into it (and so into every
# child the tests start). Any report aborts the process that made it, which
# fails its test: a green run means zero reports.
set -euo pipefail
cd "$(dirname "$0")/.."

npx cmake-js compile --out build-asan/build --CDBSD_SOCKET_SANITIZE=ON >/dev/null

LD_PRELOAD="$(gcc -print-file-name=libasan.so)"
export LD_PRELOAD
# Leaks are valgrind's job (npm run test:valgrind): Node's own allocations at
# exit would drown LeakSanitizer's report.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The one loader looks in build-asan/build/Release instead of build/Release.
export BSD_SOCKET_PREBUILD="$PWD/build-asan"

node -e "require('./dist'); const p = require('node-gyp-build').path('.'); if (!p.includes('build-asan')) { console.error('not the ASan build: ' + p); process.exit(1); } console.log('ASan build: ' + p)"
exec npx jest "$@"
