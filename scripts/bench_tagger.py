#!/usr/bin/env python3
"""Tagger throughput in one run on one machine: claimx (candle, and ort when --onnx is given)
against the same model through Hugging Face `transformers` (PyTorch, fp32) and Python
`onnxruntime` (same graph, same tokenizer), on the same sentences.

Sentences: the NER test sets (de, en, zh; --per-corpus each) plus the seed documents' lines.
Every column cuts texts into rows of at most 256 pieces, batches rows by length (32 per
forward pass) and uses the same number of threads.
A Python column is left out, with a note, when its package is not installed.

Usage: python scripts/bench_tagger.py [--model models/claimx-tagger-small] [--threads 2]
           [--onnx DIR]   # DIR from scripts/export_onnx.py; needs the `onnxruntime` wheel
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import nerdata  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def sentences(per_corpus):
    out = []
    for name in ("wikiann-de", "wikiann-en", "uner-zh"):
        for lang, toks, _ in nerdata.load(name, "test")[:per_corpus]:
            out.append(nerdata.sentence_text(toks, lang)[0])
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "seeds", "text", "*"))):
        out += [l for l in open(path, encoding="utf-8").read().split("\n") if l.strip()]
    return out


def windows(encs, size=256):
    """Piece rows of at most `size`, as claimx cuts them (its default --max-tokens), so every
    column runs the same amount of work; one long seed paragraph would otherwise pad a whole
    batch to 512."""
    rows = []
    for e in encs:
        ids = e.ids
        rows += [ids[i : i + size] for i in range(0, len(ids), size)]
    return sorted(rows, key=len, reverse=True)


def bench_transformers(model_dir, texts, threads, batch):
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModelForTokenClassification

    torch.set_num_threads(threads)
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    model = AutoModelForTokenClassification.from_pretrained(model_dir, dtype=torch.float32).eval()
    start = time.perf_counter()
    rows = windows(tok.encode_batch(texts))
    pieces = 0
    with torch.inference_mode():
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            L = max(len(c) for c in chunk)
            ids = torch.full((len(chunk), L), 1, dtype=torch.long)
            mask = torch.zeros((len(chunk), L), dtype=torch.long)
            for k, c in enumerate(chunk):
                ids[k, : len(c)] = torch.tensor(c)
                mask[k, : len(c)] = 1
            model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            pieces += sum(len(c) for c in chunk)
    secs = time.perf_counter() - start
    return {"backend": "transformers (PyTorch fp32)", "texts": len(texts), "pieces": pieces,
            "seconds": secs, "pieces_per_s": pieces / secs, "threads": threads}


def bench_onnxruntime(onnx_dir, texts, threads, batch):
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    sess = ort.InferenceSession(os.path.join(onnx_dir, "model.onnx"), opts,
                                providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(os.path.join(onnx_dir, "tokenizer.json"))
    start = time.perf_counter()
    rows = windows(tok.encode_batch(texts))
    pieces = 0
    for i in range(0, len(rows), batch):
        chunk = rows[i : i + batch]
        L = max(len(c) for c in chunk)
        ids = np.ones((len(chunk), L), dtype=np.int64)
        mask = np.zeros((len(chunk), L), dtype=np.int64)
        for k, c in enumerate(chunk):
            ids[k, : len(c)] = c
            mask[k, : len(c)] = 1
        sess.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0].argmax(-1)
        pieces += sum(len(c) for c in chunk)
    secs = time.perf_counter() - start
    return {"backend": f"onnxruntime {ort.__version__} (Python)", "texts": len(texts),
            "pieces": pieces, "seconds": secs, "pieces_per_s": pieces / secs, "threads": threads}


def claimx(args, path, extra, features=()):
    cmd = ["cargo", "run", "-q", "--release", "-p", "claimx"]
    if features:
        cmd += ["--features", ",".join(features)]
    cmd += ["--", "bench-tagger", path, "--threads", str(args.threads),
            "--batch-size", str(args.batch)] + extra
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    row = json.loads(out.strip().splitlines()[-1])
    row["backend"] = "claimx " + row["backend"]
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "claimx-tagger-small"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--per-corpus", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--onnx", help="directory from scripts/export_onnx.py (adds the ort columns)")
    args = ap.parse_args()
    texts = sentences(args.per_corpus)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(t.replace("\n", " ") for t in texts) + "\n")
        path = f.name
    # one build serves both rows: the ort feature leaves the candle path as it is
    features = ["ort"] if args.onnx else []
    rows = [claimx(args, path, ["--model", args.model], features)]
    if args.onnx:
        # the Rust side finds libonnxruntime in the wheel this Python imports
        os.environ.setdefault("CLAIMX_PYTHON", sys.executable)
        rows.append(claimx(args, path, ["--model", args.onnx, "--backend", "ort"], features))
    for name, fn, arg in (("transformers", bench_transformers, args.model),
                          ("onnxruntime", bench_onnxruntime, args.onnx)):
        if arg is None:
            continue
        try:
            rows.append(fn(arg, texts, args.threads, args.batch))
        except ImportError as e:
            print(f"({name} column left out: {e})", file=sys.stderr)
    os.unlink(path)
    print(f"{'backend':<34} {'texts':>6} {'pieces':>8} {'seconds':>8} {'pieces/s':>9} {'vs candle':>9}")
    for r in rows:
        print(f"{r['backend']:<34} {r['texts']:>6} {r['pieces']:>8} {r['seconds']:>8.2f} "
              f"{r['pieces_per_s']:>9.0f} {r['pieces_per_s'] / rows[0]['pieces_per_s']:>8.2f}x")


if __name__ == "__main__":
    main()
