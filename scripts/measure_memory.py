#!/usr/bin/env python3
"""Peak memory and time of `claimx extract` on the input shapes of docs/robustness.md.

    python3 scripts/measure_memory.py [--claimx target/release/claimx] [--only NAME ...]
                                      [--shapes] [--work DIR]

Inputs are built in a temporary folder from the texts of ../shared/news-dev (third-party
news: never written into the repository). Each run is measured with `/usr/bin/time -v`
(maximum resident set size, wall time); one run each, so quote them with the machine's CPU.

Memory rows: one 60 MiB document (rules only), a batch of 256 documents of 250 KB (rules
only), 16 documents of 250 KB (default model), a document holding a 2 MB word (default
model), a one-line document (default model: the model's own share).

`--hold-back` times the 24 news-dev articles, a slow document (160 KB of stacked combining
marks, default model) and both in one batch: the articles should wait no longer than the slow
document's own time.

`--shapes` adds the cost per byte of texts that are hard for one stage or another (a long
word, digit runs, punctuation runs, Chinese numerals, text without sentence ends, stacked
combining marks) at 64 KB and 256 KB, rules only and with the default model: the time per
MB should not grow with the size.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "news-dev" / "text"
ANY_LANGUAGE = {"input": {"reject_unsupported_language": False}}


def news_blob():
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.iterdir()) if p.is_file()]
    if not texts:
        sys.exit(f"no texts in {NEWS}")
    return "\n\n".join(texts)


def cut(text, n_bytes):
    """`text` repeated to at least `n_bytes` UTF-8 bytes, cut there at a character boundary."""
    reps = n_bytes // len(text.encode()) + 1
    return ("\n\n".join([text] * reps)).encode()[:n_bytes].decode("utf-8", "ignore")


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as out:
        for i, text in docs:
            out.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")


def measure(claimx, path, model, config=None):
    cmd = ["/usr/bin/time", "-v", claimx, "extract", str(path), "-q", "-o", os.devnull]
    if not model:
        cmd += ["--model", "none"]
    if config:
        cfg = path.with_suffix(".config.json")
        cfg.write_text(json.dumps(config))
        cmd += ["--config", str(cfg)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", run.stderr)
    if run.returncode not in (0, 1) or not rss or not wall:
        sys.exit(f"{' '.join(cmd)} failed ({run.returncode}):\n{run.stderr[-2000:]}")
    secs = 0.0
    for part in wall.group(1).split(":"):
        secs = secs * 60 + float(part)
    return int(rss.group(1)) / 1024, secs


SHAPES = {
    "long word": lambda n: "a" * n,
    "digit run": lambda n: "7" * n,
    "dots": lambda n: "." * n,
    "Chinese numerals": lambda n: cut("一二三四五六七八九十百千万亿", n),
    "no sentence end": lambda n: cut("the company said it will cut jobs ", n),
    "figures": lambda n: cut("über 1.000 Euro, ", n),
    "combining marks": lambda n: cut("e\u0301\u0302\u0303", n),
    # unspaced text with decimal points and figures the rules read around (a look-back to the
    # last space was the whole text: quadratic before 2026-11-30)
    "Chinese figures without spaces": lambda n: cut("首批过百亿元减半3万余至最高4.2万元尺价近7万第一", n),
    "figures in a list without sentence ends": lambda n: cut(
        "cut in half a couple of months next March version 4.0 13/5 MP ", n),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claimx", default=str(ROOT / "target" / "release" / "claimx"))
    ap.add_argument("--only", nargs="*", help="memory rows to run (by their first word)")
    ap.add_argument("--shapes", action="store_true", help="also the cost per byte of hard texts")
    ap.add_argument("--hold-back", action="store_true", help="also time a slow document in a batch")
    ap.add_argument("--work", help="folder for the inputs (default: a temporary one)")
    args = ap.parse_args()
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="claimx-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    blob = news_blob()
    rows = [
        ("60mib", "one 60 MiB document", False, lambda: [("big", cut(blob, 60 << 20))]),
        ("batch", "256 documents of 250 KB (one batch)", False,
         lambda: [(f"d{i}", cut(blob, 250_000)) for i in range(256)]),
        ("model-batch", "16 documents of 250 KB", True,
         lambda: [(f"d{i}", cut(blob, 250_000)) for i in range(16)]),
        ("word", "a document with a 2 MB word", True,
         lambda: [("word", "Ein Satz davor. " + "a" * (2 << 20) + " Ein Satz danach.")]),
        ("one-line", "a one-line document", True,
         lambda: [("line", "Die Firma hat 300 Mitarbeiter.")]),
    ]
    print("| input | model | text MiB | peak RSS MiB | RSS ÷ text | wall s |")
    print("|---|---|---|---|---|---|")
    for key, name, model, make in rows:
        if args.only and key not in args.only:
            continue
        docs = make()
        path = work / f"{key}.jsonl"
        write_jsonl(path, docs)
        text_mib = sum(len(t.encode()) for _, t in docs) / (1 << 20)
        rss, secs = measure(args.claimx, path, model)
        ratio = f"{rss / text_mib:.1f}×" if text_mib >= 1 else "–"
        print(f"| {name} | {'default' if model else 'rules only'} | {text_mib:.2f} | "
              f"{rss:,.0f} | {ratio} | {secs:.1f} |", flush=True)
    if args.hold_back:
        articles = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(NEWS.iterdir())]
        slow = ("slow", cut("e\u0301\u0302\u0303\n\n", 160 * 1024))
        print()
        print("| batch (default model) | wall s |")
        print("|---|---|")
        for name, docs in [
            ("the 24 news-dev articles", articles),
            ("the slow document alone", [slow]),
            ("both, the slow document 13th", articles[:12] + [slow] + articles[12:]),
        ]:
            path = work / "hold.jsonl"
            write_jsonl(path, docs)
            print(f"| {name} | {measure(args.claimx, path, True, ANY_LANGUAGE)[1]:.1f} |", flush=True)
    if args.shapes:
        print()
        print("| text | model | s per MB at 64 KB | s per MB at 256 KB | peak RSS MiB at 256 KB |")
        print("|---|---|---|---|---|")
        # the start-up (loading the model) is the time of a one-line document, taken off
        line = work / "line.jsonl"
        write_jsonl(line, [("line", "Die Firma hat 300 Mitarbeiter.")])
        start = {m: measure(args.claimx, line, m)[1] for m in (False, True)}
        for name, make in SHAPES.items():
            for model in (False, True):
                per_mb, rss_big = [], 0.0
                for kb in (64, 256):
                    path = work / f"shape-{kb}.jsonl"
                    write_jsonl(path, [("shape", make(kb * 1024))])
                    rss, secs = measure(args.claimx, path, model, ANY_LANGUAGE)
                    per_mb.append(max(secs - start[model], 0.0) / (kb / 1024))
                    rss_big = rss
                print(f"| {name} | {'default' if model else 'rules only'} | {per_mb[0]:.2f} | "
                      f"{per_mb[1]:.2f} | {rss_big:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
