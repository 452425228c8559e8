#!/usr/bin/env python3
"""Documents/s through the Python package (batch API and Arrow) against the `claimx` CLI on
the same synthetic dump, same model and threads, in one run.

    pip install ./crates/python pyarrow
    cargo build --release -p claimx
    python scripts/bench_python.py [--docs 1000] [--threads 2] [--model default]

Each figure includes loading the model and reading the input, as a user would run it.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", default="default")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--cli", default=str(ROOT / "target/release/claimx"))
    args = ap.parse_args()

    import claimx
    import pyarrow.json as pj

    with tempfile.TemporaryDirectory() as tmp:
        dump = pathlib.Path(tmp) / "dump.jsonl"
        subprocess.run(
            [sys.executable, str(ROOT / "scripts/make_dump.py"), str(args.docs), str(dump)],
            check=True,
        )
        rows = {}

        t = time.perf_counter()
        subprocess.run(
            [args.cli, "extract", "--quiet", "--threads", str(args.threads), "--model",
             args.model, "--batch-size", str(args.batch_size), str(dump), "-o", "/dev/null"],
            check=False,
        )
        rows["cli (claimx extract)"] = time.perf_counter() - t

        t = time.perf_counter()
        p = claimx.Pipeline(model=args.model, threads=args.threads)
        n = 0
        with open(dump) as f:
            batch = []
            for line in f:
                batch.append(json.loads(line))
                if len(batch) == args.batch_size:
                    n += len(p.extract_batch(batch))
                    batch = []
            n += len(p.extract_batch(batch))
        rows["python extract_batch (dicts)"] = time.perf_counter() - t
        assert n == args.docs
        del p

        t = time.perf_counter()
        p = claimx.Pipeline(model=args.model, threads=args.threads)
        table = pj.read_json(dump)
        n = sum(p.extract_arrow(b).num_rows for b in table.to_batches(args.batch_size))
        rows["python extract_arrow"] = time.perf_counter() - t
        assert n == args.docs

    cli = rows["cli (claimx extract)"]
    print(f"{args.docs} documents, model {args.model}, {args.threads} threads, batches of {args.batch_size}")
    print(f"{'path':32} {'seconds':>8} {'docs/s':>8} {'vs cli':>7}")
    for name, secs in rows.items():
        print(f"{name:32} {secs:8.2f} {args.docs / secs:8.1f} {cli / secs:7.2f}")


if __name__ == "__main__":
    main()
