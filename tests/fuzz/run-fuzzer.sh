#!/bin/sh
# run-fuzzer.sh FUZZER SECONDS WORKDIR DICT SEED_CORPUS...
# Runs a libFuzzer target for a bounded time: new inputs go to WORKDIR/corpus (the committed seed
# corpus is only read), crashes to WORKDIR/artifacts/. Exits non-zero on any finding.
set -eu
fuzzer=$1 seconds=$2 work=$3 dict=$4
shift 4
mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -dict="$dict" -artifact_prefix="$work/artifacts/" "$work/corpus" "$@"
