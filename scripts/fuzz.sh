#!/usr/bin/env bash
# npm run fuzz: builds the libFuzzer target for native/core's codecs (with
# ASan and UBSan) and runs it for FUZZ_SECONDS (default 60), starting from the
# committed seed corpus. A crash, a sanitizer report or a failed round-trip
# check exits non-zero, and libFuzzer writes the input to crash-*. Then the
# TypeScript parsers (pcap files, the packet printer, BPF programs, filter
# expressions) for FUZZ_SECONDS more, shared among them (scripts/fuzz-ts.js).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build-fuzz/corpus
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Inative test/fuzz/codec_fuzzer.cc native/core/sockaddr_codec.cc native/core/cmsg_codec.cc \
  -o build-fuzz/codec_fuzzer
# New inputs go to build-fuzz/corpus; the committed seeds are only read.
build-fuzz/codec_fuzzer -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=1 \
  -artifact_prefix=build-fuzz/ build-fuzz/corpus test/fuzz/corpus
node scripts/build-ts.js
node scripts/fuzz-ts.js --seconds "${FUZZ_SECONDS:-60}"
