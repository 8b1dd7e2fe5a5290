#!/usr/bin/env bash
# npm run build:prebuilds [-- arch...] (and `prepack`, so `npm pack` alone ships
# them): the N-API prebuilds the tarball carries, prebuilds/linux-<arch>/
# bsd-socket.glibc.node, for x64 and arm64 unless archs are named. One N-API
# binary serves every Node version; the glibc tag keeps a musl system off it
# (node-gyp-build then finds no match, and the install builds from source).
#
# An arch other than this machine's is cross-compiled with Debian's
# g++-<triple> (npm run setup:system -- --all installs them). Each arch builds
# in a scratch copy of the sources: prebuildify runs node-gyp in its working
# directory, and a foreign binary left in build/Release would be the first
# thing the loader finds in this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(x64 arm64)
host=$(node -p process.arch)

triple() {
  case "$1" in
    x64) echo x86_64-linux-gnu ;;
    arm64) echo aarch64-linux-gnu ;;
    *) echo "build-prebuilds: no cross toolchain known for arch '$1' (x64 and arm64 are)" >&2; exit 1 ;;
  esac
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/bsd-socket-prebuild-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cp -r native binding.gyp package.json "$scratch/"
ln -s "$root/node_modules" "$scratch/node_modules"

for arch in "${archs[@]}"; do
  t=$(triple "$arch")
  rm -rf "$scratch/build" "$scratch/prebuilds" "prebuilds/linux-$arch"
  if [ "$arch" = "$host" ]; then
    (cd "$scratch" && node "$root/node_modules/prebuildify/bin.js" --napi --strip --tag-libc)
  else
    command -v "$t-g++" >/dev/null || { echo "build-prebuilds: $t-g++ is missing (Debian package g++-${t//_/-}; npm run setup:system -- --all installs it)" >&2; exit 1; }
    (cd "$scratch" && CC="$t-gcc" CXX="$t-g++" LINK="$t-g++" \
      node "$root/node_modules/prebuildify/bin.js" --napi --strip --tag-libc --arch "$arch" --strip-bin "$t-strip")
  fi
  mkdir -p prebuilds
  cp -r "$scratch/prebuilds/linux-$arch" prebuilds/
  # A wrong-arch binary would only fail on a user's machine: check the ELF.
  file=$(ls prebuilds/linux-"$arch"/*.node)
  machine=$(od -An -tu2 -j18 -N2 "$file" | tr -d ' ')
  case "$arch:$machine" in
    x64:62 | arm64:183) echo "build-prebuilds: $file ($(stat -c %s "$file") bytes, ELF machine $machine)" ;;
    *) echo "build-prebuilds: $file has ELF machine $machine, not $arch" >&2; exit 1 ;;
  esac
done
