#!/usr/bin/env bash
# The core's threading under ThreadSanitizer (issue 16). Builds the stress
# harness (test/tsan) against the real core sources and runs it: any TSan
# report or failed check fails. Then builds it with BSD_TSAN_PLANT_RACE and
# passes only if TSan reports that planted race, to show the run above could
# have failed.
#
# Needs g++ and GCC's TSan runtime: Debian packages g++ and libtsan2.
# BSD_TSAN_ITERATIONS (per environment) and BSD_TSAN_SEED reach the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-tsan
mkdir -p "$out"

if ! command -v g++ >/dev/null; then
  echo "tsan: g++ not found (Debian package g++)" >&2
  exit 1
fi
echo 'int main() { return 0; }' >"$out/probe.cc"
if ! g++ -fsanitize=thread "$out/probe.cc" -o "$out/probe" 2>/dev/null; then
  echo "tsan: g++ cannot link -fsanitize=thread (Debian package libtsan2)" >&2
  exit 1
fi

# TSan's shadow memory sits at fixed addresses, which the larger ASLR
# entropy of recent kernels (vm.mmap_rnd_bits = 32) can map over: "FATAL:
# ThreadSanitizer: unexpected memory mapping". Without ASLR it cannot.
# Where personality(2) is refused, run as is and let the probe tell.
run=()
if setarch "$(uname -m)" -R true 2>/dev/null; then run=(setarch "$(uname -m)" -R); fi
if ! "${run[@]}" "$out/probe" 2>"$out/probe.log"; then
  echo "tsan: the TSan runtime cannot start here: $(head -n 1 "$out/probe.log")" >&2
  exit 1
fi

sources=(test/tsan/stress.cc test/tsan/uv_model.cc
  native/core/posix_socket.cc native/core/readiness_wait.cc native/core/thread_slots.cc)
flags=(-std=c++17 -O1 -g -fno-omit-frame-pointer -fsanitize=thread -Wall -Wextra -pthread -Inative)
g++ "${flags[@]}" "${sources[@]}" -o "$out/stress"
g++ "${flags[@]}" -DBSD_TSAN_PLANT_RACE "${sources[@]}" -o "$out/stress-planted"

# The first report ends the run with exit code 66, so exit 0 means none.
# history_size: enough history to restore the earlier access's stack too.
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 history_size=4"

status=0
timeout 600 "${run[@]}" "$out/stress" >"$out/clean.log" 2>&1 || status=$?
cat "$out/clean.log"
if [ "$status" -ne 0 ] || grep -q ThreadSanitizer "$out/clean.log"; then
  echo "tsan: the harness failed (exit $status)" >&2
  exit 1
fi
iterations=$(sed -n 's/^tsan harness: \([0-9]*\) iterations.*/\1/p' "$out/clean.log")

status=0
timeout 600 "${run[@]}" "$out/stress-planted" >"$out/planted.log" 2>&1 || status=$?
if [ "$status" -ne 66 ] || ! grep -q 'WARNING: ThreadSanitizer: data race' "$out/planted.log"; then
  cat "$out/planted.log"
  echo "tsan: the planted race was not caught (exit $status)" >&2
  exit 1
fi
# Each racing access with its top two frames, without the binary offsets.
caught=$(awk '/^  (Previous )?(atomic )?([Ww]rite|[Rr]ead) of size/ { print; n = 2; next }
              n > 0 && /^    #/ { print; n-- }' "$out/planted.log" | sed 's/ ([^ ]*+0x[0-9a-f]*)$//')
echo "planted race caught:"
echo "$caught"
# The planted read, and not some other race: that one would be a real bug,
# which the clean run should have reported.
if ! grep -q 'FdLifetime::closed' <<<"$caught" || ! grep -q 'FdLifetime::Close' <<<"$caught"; then
  echo "tsan: the planted run reported a race other than the planted one" >&2
  exit 1
fi
echo "tsan: $iterations iterations clean; planted race caught (FdLifetime::closed() on a pool thread vs FdLifetime::Close)"
