#!/usr/bin/env bash
# Another Node line, without touching the system's Node:
#
#   bash scripts/node-line.sh 22 npm test     runs `npm test` with Node 22 first on PATH
#   bash scripts/node-line.sh 22              prints that Node's path
#   bash scripts/node-line.sh --arch arm64 24 prints an arm64 Node's path (run it
#                                             with qemu-aarch64-static)
#   bash scripts/node-line.sh --supported     prints the supported lines: the
#                                             ones CI tests, the README lists
#
# The binaries are the official ones that the npm registry packages
# node-linux-<arch>@<major> carry, installed once into build-node/ (ignored by
# git). npm_config_nodedir points node-gyp at that Node's own headers, which
# the package ships in include/node: npm's configured nodedir would be the
# system Node's, and node-gyp cannot download others offline.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
supported="20 22 24 26"
if [ "${1:-}" = "--supported" ]; then echo "$supported"; exit 0; fi

arch=x64
if [ "${1:-}" = "--arch" ]; then arch=$2; shift 2; fi
major=${1:?usage: node-line.sh [--arch x64|arm64] <major> [command...]}
shift

dir="$root/build-node/linux-$arch-$major"
package="$dir/node_modules/node-linux-$arch"
if [ ! -x "$package/bin/node" ]; then
  # --force: npm refuses a package for another cpu (arm64 on this x64) without it.
  force=()
  [ "$arch" = "$(node -p process.arch)" ] || force=(--force)
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
    "${force[@]}" "node-linux-$arch@$major" >&2
fi

if [ $# -eq 0 ]; then
  echo "$package/bin/node"
  exit 0
fi
PATH="$package/bin:$PATH" npm_config_nodedir="$package" exec "$@"
