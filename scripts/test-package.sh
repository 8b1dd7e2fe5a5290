#!/usr/bin/env bash
# npm run test:package: the package as a user gets it. `npm pack` (whose
# prepack builds the prebuilds), then, in scratch projects outside the
# repository:
#   - the tarball holds the library, its prebuilds, the native sources, README,
#     LICENSE and CHANGELOG, and nothing else (test/package/check-tarball.js);
#   - installed with --ignore-scripts and no compiler on PATH: require() and
#     import (every named export) move bytes through sockets, with the x64
#     prebuild on each supported Node line and the arm64 prebuild in arm64
#     Node under qemu;
#   - the command: node_modules/.bin/bsd-socket is executable, and through
#     npx, --help, a ping to 127.0.0.1 and an nc round trip work
#     (test/package/command.cjs);
#   - strict tsc in each moduleResolution mode (node10, node16, nodenext,
#     bundler), and the compiled consumer runs as CommonJS and as ESM;
#   - installed with scripts: the prebuild is used and nothing is compiled;
#     with no matching prebuild (LIBC=musl) it builds from source, saying so
#     in one line; on another OS the install script fails in one line.
# Every step runs even after a failure, so one run names them all; any
# failure fails the script.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fixtures=$root/test/package
lines=$(bash scripts/node-line.sh --supported)
work=$(mktemp -d "${TMPDIR:-/tmp}/bsd-socket-package-XXXXXX")
trap 'rm -rf "$work"' EXIT

failed=()
passed=0
# step <name> <command...>: runs it, prints its output, records the outcome.
step() {
  local name=$1
  shift
  echo
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed+=("$name")
  fi
}

pack() {
  npm pack --pack-destination "$work" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; return 1; }
  tarball=$(ls "$work"/bsd-socket-*.tgz)
  echo "packed $tarball"
}

# A consumer project: the fixtures, and package.json with no "type" (so .ts
# and .js files are CommonJS, .mts and .mjs ES modules).
consumer() {
  local dir=$work/$1
  mkdir -p "$dir"
  cp "$fixtures"/{echo.cjs,binary.cjs,smoke.cjs,smoke.mjs,usage.ts,command.cjs} "$dir/"
  cp "$dir/usage.ts" "$dir/usage.mts"
  echo '{ "name": "consumer", "private": true }' >"$dir/package.json"
}

install_without_compiler() {
  consumer plain
  # PATH holds node and npm only: nothing could compile the addon.
  local bin=$work/bin-node-npm-only
  mkdir -p "$bin"
  ln -sf "$(command -v node)" "$bin/node"
  ln -sf "$(command -v npm)" "$bin/npm"
  if PATH=$bin command -v cc c++ g++ make python3; then echo "a compiler is on the restricted PATH"; return 1; fi
  local ts types
  ts=$(node -p "require('typescript/package.json').version")
  types=$(node -p "require('@types/node/package.json').version")
  (cd "$work/plain" && PATH=$bin npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "$tarball" "typescript@$ts" "@types/node@$types") || return 1
  [ ! -e "$work/plain/node_modules/bsd-socket/build" ] || { echo "something was built"; return 1; }
}

smokes_x64() {
  local major node
  for major in $lines; do
    node=$(bash scripts/node-line.sh "$major") || return 1
    (cd "$work/plain" && "$node" smoke.cjs && "$node" smoke.mjs) || return 1
  done
}

smokes_arm64() {
  command -v qemu-aarch64-static >/dev/null || { echo "qemu-aarch64-static is missing (Debian package qemu-user-static; npm run setup:system -- --all)"; return 1; }
  [ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] || { echo "arm64 glibc is missing (Debian package g++-aarch64-linux-gnu)"; return 1; }
  local major node
  for major in $lines; do
    node=$(bash scripts/node-line.sh --arch arm64 "$major") || return 1
    (cd "$work/plain" && QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$node" smoke.cjs &&
      QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$node" smoke.mjs) || return 1
  done
}

command_from_package() {
  (cd "$work/plain" && node command.cjs)
}

# typecheck <module> <moduleResolution> <files...>: strict, the package's own
# declarations checked too (no skipLibCheck).
typecheck() {
  local module=$1 resolution=$2
  shift 2
  (cd "$work/plain" && node node_modules/typescript/bin/tsc --strict --noEmit --target ES2022 --types node \
    --module "$module" --moduleResolution "$resolution" "$@") && echo "tsc --module $module --moduleResolution $resolution: ok"
}

compiled_consumer_runs() {
  (cd "$work/plain" && node node_modules/typescript/bin/tsc --strict --target ES2022 --types node \
    --module nodenext --moduleResolution nodenext --outDir out usage.ts usage.mts &&
    node out/usage.js && node out/usage.mjs)
}

install_with_scripts() {
  consumer scripted
  (cd "$work/scripted" && npm install --foreground-scripts --no-audit --no-fund "$tarball" >"$work/scripted.log" 2>&1) ||
    { cat "$work/scripted.log"; return 1; }
  if grep -q 'building from source' "$work/scripted.log"; then cat "$work/scripted.log"; return 1; fi
  [ ! -e "$work/scripted/node_modules/bsd-socket/build" ] || { echo "something was built"; return 1; }
  (cd "$work/scripted" && node smoke.cjs)
}

install_without_prebuild() {
  consumer musl
  (cd "$work/musl" && LIBC=musl npm install --foreground-scripts --no-audit --no-fund "$tarball" >"$work/musl.log" 2>&1) ||
    { cat "$work/musl.log"; return 1; }
  grep '^bsd-socket: ' "$work/musl.log"
  grep -q "^bsd-socket: no prebuilt binary for linux-$(node -p process.arch) (musl); building from source" "$work/musl.log" &&
    grep -q '^bsd-socket: built .*/build/Release/bsd_socket.node$' "$work/musl.log" || { cat "$work/musl.log"; return 1; }
  (cd "$work/musl" && LIBC=musl EXPECT_BINARY=build node smoke.cjs)
}

install_on_other_os() {
  local out status
  out=$(node -r "$fixtures/other-os.cjs" "$work/plain/node_modules/bsd-socket/scripts/install.js" 2>&1)
  status=$?
  echo "exit $status: $out"
  [ "$status" -ne 0 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && grep -q '^bsd-socket: Linux only.*darwin' <<<"$out"
}

step "npm pack" pack
step "tarball contents" node "$fixtures/check-tarball.js" "${tarball:-none}"
step "install with --ignore-scripts and no compiler" install_without_compiler
step "CommonJS and ESM smoke, x64, Node $lines" smokes_x64
step "CommonJS and ESM smoke, arm64 under qemu, Node $lines" smokes_arm64
step "the bsd-socket command: bin, npx --help, ping, nc" command_from_package
step "tsc, moduleResolution node10 (main/types)" typecheck commonjs node10 usage.ts
step "tsc, moduleResolution node16" typecheck node16 node16 usage.ts usage.mts
step "tsc, moduleResolution nodenext" typecheck nodenext nodenext usage.ts usage.mts
step "tsc, moduleResolution bundler" typecheck esnext bundler usage.ts
step "compiled TypeScript consumer runs (CommonJS and ESM)" compiled_consumer_runs
step "install with scripts: the prebuild, nothing compiled" install_with_scripts
step "install with no matching prebuild (LIBC=musl): built from source" install_without_prebuild
step "install script on another OS: one line, exit 1" install_on_other_os

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "test:package: ${#failed[@]} of $((passed + ${#failed[@]})) steps FAILED: ${failed[*]}"
  exit 1
fi
echo "test:package: all $passed steps passed"
