#!/usr/bin/env bash
# Score claimx on ../shared/news-dev as a dump would feed it: each text with the `published`
# date of metadata.jsonl (null where the dump has none), extracted with the given extract
# arguments (default: the embedded model), then `claimx eval --pred`.
#
#   scripts/eval_news_dev.sh [--json] [-- EXTRACT ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${NEWS_DEV:-../shared/news-dev}
json=()
if [ "${1:-}" = "--json" ]; then json=(--json); shift; fi
[ "${1:-}" = "--" ] && shift
work=target/news-dev
mkdir -p "$work"
python3 - "$dev" "$work/dump.jsonl" <<'PY'
import json, pathlib, sys
dev, out = pathlib.Path(sys.argv[1]), sys.argv[2]
meta = {}
for line in open(dev / "metadata.jsonl", encoding="utf-8"):
    r = json.loads(line)
    meta[r["id"]] = r.get("published")
with open(out, "w", encoding="utf-8") as f:
    for p in sorted((dev / "text").glob("*.txt")):
        rec = {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        if meta.get(p.stem):
            rec["published"] = meta[p.stem]
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
bin=${CLAIMX:-target/release/claimx}
[ -x "$bin" ] || cargo build --release -q -p claimx
"$bin" extract --quiet "$@" "$work/dump.jsonl" -o "$work/pred.jsonl" || true
"$bin" eval --gold "$dev" --pred "$work/pred.jsonl" "${json[@]}"
