#!/usr/bin/env python3
"""Tagger throughput in one run on one machine: claimx (candle) against the same model
through Hugging Face `transformers` (PyTorch, fp32), on the same sentences.

Sentences: the NER test sets (de, en, zh; --per-corpus each) plus the seed documents' lines.
Both sides batch by length (32 texts per forward pass) and use the same number of threads.

Usage: python scripts/bench_tagger.py [--model models/claimx-tagger-small] [--threads 2]
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


def bench_transformers(model_dir, texts, threads, batch):
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModelForTokenClassification

    torch.set_num_threads(threads)
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    model = AutoModelForTokenClassification.from_pretrained(model_dir, dtype=torch.float32).eval()
    start = time.perf_counter()
    encs = tok.encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: -len(encs[i].ids))
    pieces = 0
    with torch.inference_mode():
        for i in range(0, len(order), batch):
            chunk = [encs[j].ids[:512] for j in order[i : i + batch]]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "claimx-tagger-small"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--per-corpus", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=32)
    args = ap.parse_args()
    texts = sentences(args.per_corpus)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(t.replace("\n", " ") for t in texts) + "\n")
        path = f.name
    rows = []
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "claimx", "--", "bench-tagger", path,
         "--model", args.model, "--threads", str(args.threads), "--batch-size", str(args.batch)],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    rows.append(json.loads(out.strip().splitlines()[-1]))
    rows.append(bench_transformers(args.model, texts, args.threads, args.batch))
    os.unlink(path)
    print(f"{'backend':<30} {'texts':>6} {'pieces':>8} {'seconds':>8} {'pieces/s':>9}")
    for r in rows:
        print(f"{r['backend']:<30} {r['texts']:>6} {r['pieces']:>8} {r['seconds']:>8.2f} {r['pieces_per_s']:>9.0f}")
    print(f"ratio candle / transformers: {rows[0]['pieces_per_s'] / rows[1]['pieces_per_s']:.2f}")


if __name__ == "__main__":
    main()
