#!/usr/bin/env bash
# Compare the records two builds of claimx write, byte for byte: for refactorings that must
# not change behaviour.
#
#   scripts/compare_records.sh BASE [HEAD]      # git revisions; HEAD defaults to the work tree
#
# Inputs: data/seeds, ../shared/news-dev/text (when present) and a scripts/make_dump.py dump of
# DUMP_DOCS documents (default 10000), each with the embedded default model and with
# --model none (MODEL_DUMP_DOCS, default 10000, caps the dump for the default model: it runs at
# tens of documents per second on two cores); then the claim rows (--records claims) of seeds
# and news-dev and the consolidation of those rows (JSON, Markdown, HTML). Prints one line per
# comparison and exits 1 when any output differs (the first differing line is shown).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/compare_records.sh BASE [HEAD]}
head=${2:-}
work=target/compare
mkdir -p "$work"

# Each build has a target folder of its own: cargo names a workspace crate's artifacts by its
# path inside the workspace, so two checkouts sharing one target folder overwrite each
# other's. A revision is built in a git worktree under target/compare; the work tree in
# target/ as usual. The binaries are copied out.
build() { # revision (empty: the work tree) -> binary path
    local rev=$1 name=$2 dir target
    if [ -z "$rev" ]; then
        dir=. target=target
    else
        dir="$work/tree-$name" target="$work/target-$name"
        rm -rf "$dir"
        git worktree prune
        git worktree add -q --detach "$dir" "$rev"
    fi
    cargo build --release -q -p claimx --manifest-path "$dir/Cargo.toml" --target-dir "$target" >&2
    cp "$target/release/claimx" "$work/claimx-$name"
    [ "$dir" = . ] || git worktree remove --force "$dir"
    echo "$work/claimx-$name"
}
old=$(build "$base" base)
new=$(build "$head" head)

dump="$work/dump.jsonl"
python3 scripts/make_dump.py "${DUMP_DOCS:-10000}" "$dump" --seed 7 >/dev/null
head -n "${MODEL_DUMP_DOCS:-10000}" "$dump" >"$work/dump-model.jsonl"

inputs=(data/seeds)
[ -d ../shared/news-dev/text ] && inputs+=(../shared/news-dev/text)
status=0
compare() { # label model input...
    local label=$1 model=$2
    shift 2
    "$old" extract --quiet --model "$model" "$@" >"$work/old.jsonl" || true
    "$new" extract --quiet --model "$model" "$@" >"$work/new.jsonl" || true
    local lines
    lines=$(wc -l <"$work/old.jsonl")
    if cmp -s "$work/old.jsonl" "$work/new.jsonl"; then
        printf '%-28s %-8s identical (%s records)\n' "$label" "$model" "$lines"
    else
        printf '%-28s %-8s DIFFERENT (%s vs %s records)\n' "$label" "$model" "$lines" \
            "$(wc -l <"$work/new.jsonl")"
        { diff "$work/old.jsonl" "$work/new.jsonl" || true; } | head -n 4 | cut -c1-300 || true
        status=1
    fi
}
for input in "${inputs[@]}"; do
    for model in default none; do
        compare "$input" "$model" "$input"
    done
done
compare "dump ($(wc -l <"$dump") docs)" none "$dump"
compare "dump ($(wc -l <"$work/dump-model.jsonl") docs)" default "$work/dump-model.jsonl"

# Claim rows (--records claims) of every input together, and what consolidation makes of
# them (JSON groups, Markdown and HTML reports).
for side in old new; do
    bin=$old
    [ $side = new ] && bin=$new
    "$bin" extract --quiet --records claims "${inputs[@]}" >"$work/claims-$side.jsonl" || true
    "$bin" consolidate "$work/claims-$side.jsonl" --markdown "$work/facts-$side.md" \
        --html "$work/facts-$side.html" >"$work/facts-$side.json" 2>/dev/null || true
done
for kind in claims.jsonl facts.json facts.md facts.html; do
    a="$work/${kind%%.*}-old.${kind#*.}" b="$work/${kind%%.*}-new.${kind#*.}"
    if cmp -s "$a" "$b"; then
        printf '%-28s %-8s identical (%s lines)\n' "$kind" default "$(wc -l <"$a")"
    else
        printf '%-28s %-8s DIFFERENT\n' "$kind" default
        { diff "$a" "$b" || true; } | head -n 4 | cut -c1-300 || true
        status=1
    fi
done
exit $status
