#!/usr/bin/env python3
"""One peer column of `scripts/bench.py`, run in a process of its own so its peak memory is its
own. Prints one JSON object.

    bench_peers.py e2e --engine transformers|onnxruntime --mode sentence|batched
                   --model DIR --sentences FILE.json --threads N [--batch 32] [--dtype bf16]
    bench_peers.py encoder --engine transformers|onnxruntime --model DIR --sentences FILE.json
                   --threads N [--batch 32] [--dtype bf16]
    bench_peers.py matmul --engine torch|numpy --threads N [--tokens 2048] [--dtype bf16|int8]

e2e: what a user would write with that library: the token-classification pipeline of
`transformers` (aggregation "simple"), or an `onnxruntime` session with the model's own
`tokenizers` tokenizer, softmax, argmax and BIO grouping into entity spans. `sentence` calls it
once per sentence; `batched` sorts the sentences by length and runs 32 at a time. Sentences
come from claimx's splitter (not timed: the peers get them for free). The clock starts after
the model is loaded.
encoder: the network alone on the same rows, batched by length (no pre- or post-processing).
--dtype bf16 (PyTorch only): the model's weights and activations in bfloat16, which oneDNN runs
on AMX tiles where the CPU has them: what a user after speed would try next.
matmul --dtype int8 (PyTorch only): `torch._int_mm`, int8 × int8 summed in int32 (oneDNN's
VNNI or AMX kernels), the floor claimx's int8 products are held against. It is the integer
product alone, on operands already int8; claimx's count also quantises its f32 inputs and
rescales and adds the sums into f32 outputs.
"""
import argparse
import json
import os
import time


def load_sentences(path):
    with open(path, encoding="utf-8") as f:
        docs = json.load(f)
    return docs, [s for doc in docs for s in doc]


def labels_of(model_dir):
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    return [cfg["id2label"][str(i)] for i in range(len(cfg["id2label"]))]


def group_bio(offsets, label_ids, probs, labels, text):
    """Entity spans from piece labels, as the `simple` aggregation does."""
    out, cur = [], None
    for (a, b), lid, p in zip(offsets, label_ids, probs):
        if a == b:
            continue
        lab = labels[lid]
        if lab == "O":
            if cur:
                out.append(cur)
            cur = None
            continue
        kind = lab[2:]
        if cur and lab.startswith("I-") and cur["type"] == kind:
            cur["end"] = b
            cur["scores"].append(float(p))
        else:
            if cur:
                out.append(cur)
            cur = {"type": kind, "start": a, "end": b, "scores": [float(p)]}
    if cur:
        out.append(cur)
    return [{"type": c["type"], "text": text[c["start"]:c["end"]],
             "score": sum(c["scores"]) / len(c["scores"])} for c in out]


class OrtTagger:
    def __init__(self, model_dir, threads):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        path = os.path.join(model_dir, "model.onnx")
        self.sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
        self.tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
        self.tok.enable_truncation(512)
        self.labels = labels_of(model_dir)
        self.version = ort.__version__

    def forward(self, rows):
        import numpy as np

        width = max(len(r) for r in rows)
        ids = np.ones((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for k, r in enumerate(rows):
            ids[k, : len(r)] = r
            mask[k, : len(r)] = 1
        return self.sess.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]

    def __call__(self, texts):
        import numpy as np

        encs = self.tok.encode_batch(texts)
        logits = self.forward([e.ids for e in encs])
        out = []
        for k, (text, e) in enumerate(zip(texts, encs)):
            z = logits[k, : len(e.ids)]
            z = np.exp(z - z.max(-1, keepdims=True))
            z /= z.sum(-1, keepdims=True)
            out.append(group_bio(e.offsets, z.argmax(-1), z.max(-1), self.labels, text))
        return out


def torch_dtype(args):
    import torch

    return {"fp32": torch.float32, "bf16": torch.bfloat16}[args.dtype]


def e2e(args):
    docs, sents = load_sentences(args.sentences)
    order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
    if args.engine == "transformers":
        import torch
        from transformers import pipeline

        torch.set_num_threads(args.threads)
        pipe = pipeline("token-classification", model=args.model, aggregation_strategy="simple",
                        device=-1, dtype=torch_dtype(args), stride=32)
        engine = f"transformers {__import__('transformers').__version__} pipeline (PyTorch {torch.__version__.split('+')[0]} {args.dtype})"
        start = time.perf_counter()
        with torch.inference_mode():
            if args.mode == "sentence":
                found = sum(len(pipe(s)) for s in sents)
            else:
                found = sum(len(r) for r in pipe([sents[i] for i in order], batch_size=args.batch))
    else:
        tagger = OrtTagger(args.model, args.threads)
        engine = f"onnxruntime {tagger.version} (Python)"
        start = time.perf_counter()
        if args.mode == "sentence":
            found = sum(len(tagger([s])[0]) for s in sents)
        else:
            found = 0
            for i in range(0, len(order), args.batch):
                found += sum(len(r) for r in tagger([sents[j] for j in order[i : i + args.batch]]))
    seconds = time.perf_counter() - start
    return {"engine": engine, "mode": args.mode, "docs": len(docs), "sentences": len(sents),
            "entities": found, "seconds": seconds, "threads": args.threads}


def encoder(args):
    from tokenizers import Tokenizer

    _, sents = load_sentences(args.sentences)
    tok = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tok.enable_truncation(512)
    rows = sorted((e.ids for e in tok.encode_batch(sents)), key=len)
    pieces = sum(len(r) for r in rows)
    if args.engine == "transformers":
        import torch
        from transformers import AutoModelForTokenClassification

        torch.set_num_threads(args.threads)
        model = AutoModelForTokenClassification.from_pretrained(args.model, dtype=torch_dtype(args)).eval()
        engine = f"PyTorch {torch.__version__.split('+')[0]} {args.dtype} (transformers model)"

        def forward(chunk):
            width = max(len(c) for c in chunk)
            ids = torch.ones((len(chunk), width), dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for k, c in enumerate(chunk):
                ids[k, : len(c)] = torch.tensor(c)
                mask[k, : len(c)] = 1
            with torch.inference_mode():
                return model(input_ids=ids, attention_mask=mask).logits
    else:
        tagger = OrtTagger(args.model, args.threads)
        engine = f"onnxruntime {tagger.version} (Python)"
        forward = tagger.forward
    start = time.perf_counter()
    for i in range(0, len(rows), args.batch):
        forward(rows[i : i + args.batch])
    seconds = time.perf_counter() - start
    return {"engine": engine, "rows": len(rows), "pieces": pieces, "seconds": seconds,
            "threads": args.threads}


def matmul(args):
    """GFLOP/s of [tokens, k] · [k, n] at the dense layers' shapes (hidden 384, FFN 1536)."""
    shapes = [(384, 1152), (384, 384), (384, 1536), (1536, 384)]
    m = args.tokens
    if args.engine == "torch":
        import torch

        torch.set_num_threads(args.threads)
        if args.dtype == "int8":
            mk = lambda r, c: torch.randint(-128, 128, (r, c), dtype=torch.int8)  # noqa: E731
            mm = torch._int_mm
        else:
            mk = lambda r, c: torch.randn(r, c, dtype=torch_dtype(args))  # noqa: E731
            mm = torch.matmul
        engine = f"torch {torch.__version__.split('+')[0]} ({torch.backends.mkldnn.is_available() and 'oneDNN/MKL' or 'BLAS'}), {args.dtype}"
    else:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
        import numpy as np

        rng = np.random.default_rng(0)
        mk = lambda r, c: rng.standard_normal((r, c), dtype=np.float32)  # noqa: E731
        mm = np.matmul
        engine = f"numpy {np.__version__} (OpenBLAS), fp32"
    flops = seconds = 0.0
    for k, n in shapes:
        a, b = mk(m, k), mk(k, n)
        best = float("inf")
        for _ in range(6):
            t = time.perf_counter()
            mm(a, b)
            best = min(best, time.perf_counter() - t)
        flops += 2.0 * m * k * n
        seconds += best
    return {"engine": engine, "precision": args.dtype, "threads": args.threads, "tokens": m,
            "gflops": flops / seconds / 1e9}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["e2e", "encoder", "matmul"])
    ap.add_argument("--engine", required=True)
    ap.add_argument("--mode", default="batched", choices=["sentence", "batched"])
    ap.add_argument("--model")
    ap.add_argument("--sentences")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--tokens", type=int, default=2048)
    ap.add_argument("--dtype", default="fp32", choices=["fp32", "bf16", "int8"])
    args = ap.parse_args()
    if args.dtype == "bf16" and args.engine != "transformers" and args.engine != "torch":
        ap.error("--dtype bf16 is for PyTorch (transformers, torch) only")
    if args.dtype == "int8" and (args.engine != "torch" or args.what != "matmul"):
        ap.error("--dtype int8 is for matmul --engine torch only")
    if args.what == "matmul" and args.engine == "numpy":
        # OpenBLAS reads its thread count once, at import
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    print(json.dumps({"e2e": e2e, "encoder": encoder, "matmul": matmul}[args.what](args)))


if __name__ == "__main__":
    main()
