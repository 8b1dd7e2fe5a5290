#!/usr/bin/env bash
# npm run test:native: the pure core (native/core) tested over real sockets
# without Node (test/native/core_test.cc), built with AddressSanitizer and
# UndefinedBehaviorSanitizer as the fuzzer is: any report or failed check
# exits non-zero. clang++ if present, else g++.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build-native-test
mkdir -p "$out"
cxx=$(command -v clang++ || command -v g++ || true)
if [ -z "$cxx" ]; then
  echo "test:native: no C++ compiler (Debian package g++ or clang)" >&2
  exit 1
fi
"$cxx" -std=c++17 -g -O1 -fno-omit-frame-pointer -Wall -Wextra -pthread \
  -fsanitize=address,undefined -fno-sanitize-recover=undefined -Inative \
  test/native/core_test.cc native/core/packet_ring.cc native/core/posix_socket.cc native/core/readiness_wait.cc \
  native/core/thread_slots.cc -o "$out/core_test"
export ASAN_OPTIONS=abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
exec "$out/core_test"
