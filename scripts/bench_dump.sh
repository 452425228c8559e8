#!/usr/bin/env bash
# Documents/s and peak memory of `claimx extract` over a synthetic dump, with 1 and 2 threads.
#   bash scripts/bench_dump.sh [N_DOCS [EXTRACT_ARGS...]]      (default 10000, default model)
#   bash scripts/bench_dump.sh 10000 --model none              (rules only)
#   bash scripts/bench_dump.sh 10000 --backend ort --model target/tagger-onnx   (builds with ort)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
shift || true
dump="$(mktemp -d)/dump.jsonl"
python3 scripts/make_dump.py "$n" "$dump"
features=()
if [[ " $* " == *" ort "* ]]; then features=(--features ort); fi
cargo build --release -q -p claimx "${features[@]}"
printf '%-8s %10s %12s %14s\n' threads docs docs/s peak_RSS_MiB
for t in 1 2; do
    stats="$( { /usr/bin/time -f '%e %M' ./target/release/claimx extract --quiet --threads "$t" "$@" "$dump" > /dev/null; } 2>&1 | tail -1 )"
    secs="${stats% *}"; kib="${stats#* }"
    awk -v t="$t" -v n="$n" -v s="$secs" -v k="$kib" 'BEGIN { printf "%-8s %10d %12.1f %14.1f\n", t, n, n / s, k / 1024 }'
done
echo "input: $(du -h "$dump" | cut -f1) of JSONL ($dump); extract arguments: ${*:-(default model)}"
