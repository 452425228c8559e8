#!/usr/bin/env python3
"""claimx's speed against the Python pipelines a user would otherwise pick, and against the
machine's matmul limit, in one run on one machine over the same documents.

    python3 scripts/bench.py [--docs 2000] [--seed-copies 20] [--threads 1,2]
                             [--onnx target/tagger-onnx] [--onnx-int8 target/tagger-onnx-int8]
                             [--reference] [--no-peers] [--base REV]
                             [--stages-only] [--markdown OUT.md] [--json OUT.json]

Documents: `scripts/make_bench_corpus.py` (the seeds repeated and varied, plus --docs
news-like documents of real sentences). Columns, each in a process of its own (peak RSS is
that process's own, from wait4):

- claimx end to end (`claimx extract`, reading JSONL, writing records to /dev/null): the
  default build (candle, embedded model) with `--precision bf16`, `int8` and `f32` (the
  default, `auto`, is one of the first two per CPU: the row says which), and, with --onnx
  DIR, a build with `--features ort` on DIR/model.onnx (f32), with --onnx-int8 DIR the same
  build on an int8 graph (`export_onnx.py --int8 [mixed]`); every --threads count.
  --reference adds candle's plain op graph (the f32 encoder
  before the fused pass) at the highest thread count. --base REV adds the default build of
  git revision REV (built in a worktree, target/bench-base; or REV is a claimx binary) run
  right before each default column: a before/after of a change in one run.
- the same model in Python (`scripts/bench_peers.py`): the `transformers` token-classification
  pipeline (fp32, as `pipeline()` loads it) and `onnxruntime` with the same tokenizer,
  sentence by sentence and batched, the pipeline batched in bf16, and with --onnx-int8
  `onnxruntime` batched on that graph, at the highest thread count (ratios stay to the fp32
  rows). Load time is not counted for them; claimx's figures include its own.
- time per stage (`claimx extract -j 1 --timings`, default build): admission, text stages,
  word splitting, tagger, entities and figures, claims, merge, and each one's share (the
  claims issue's budget: the claim stage at most 10 %). --stages-only runs just this.
- model only: encoder FLOPs per token from config.json, the machine's matmul GFLOP/s at the
  dense layers' shapes per precision (claimx's kernels — every bf16 and int8 kernel the CPU
  runs —, PyTorch, NumPy; the best is that precision's floor), and each engine's
  encoder-only tokens/s on the same rows as a share of the floor of its precision.

Tokens are the model's pieces of the documents' text without specials (one count for every
column). Needs: cargo, and for the peer columns a Python with torch, transformers,
onnxruntime and tokenizers (`pip install -r scripts/requirements-bench.txt`); a column whose
package is missing is left out with a note. `python3 scripts/export_onnx.py` writes the ONNX
directory. Takes ~25 minutes on 2 cores with the defaults.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MODEL = os.path.join(ROOT, "models", "claimx-tagger-small")


def measured(cmd, env=None, discard_stdout=False):
    """(wall seconds, peak RSS MiB, stdout text) of one process, via os.wait4."""
    out_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    err_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL if discard_stdout else out_file,
                         stderr=err_file, env=env, cwd=ROOT)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    if p.returncode not in (0, 1):  # 1: some documents were error records
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, out


def build(features, dest):
    cmd = ["cargo", "build", "--release", "-q", "-p", "claimx"]
    if features:
        cmd += ["--features", features]
    subprocess.run(cmd, cwd=ROOT, check=True)
    shutil.copy(os.path.join(ROOT, "target", "release", "claimx"), dest)
    return dest


def build_revision(rev, dest):
    """The default claimx build of git revision `rev`, from a worktree with its own target
    folder (cargo names workspace artifacts by path, so two checkouts must not share one)."""
    tree = os.path.join(ROOT, "target", "bench-base-tree")
    subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=True)
    if os.path.exists(tree):
        shutil.rmtree(tree)
    subprocess.run(["git", "worktree", "add", "-q", "--detach", tree, rev], cwd=ROOT, check=True)
    try:
        target = os.path.join(ROOT, "target", "bench-base")
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "claimx", "--manifest-path",
                        os.path.join(tree, "Cargo.toml"), "--target-dir", target], check=True)
        shutil.copy(os.path.join(target, "release", "claimx"), dest)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, check=True)
    return dest


def count_tokens(docs_path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(MODEL, "tokenizer.json"))
    texts = [json.loads(line)["text"] for line in open(docs_path, encoding="utf-8")]
    return sum(len(e.ids) for e in tok.encode_batch(texts, add_special_tokens=False))


def sentences(binary, docs_path, out_path):
    """Every document's sentences as claimx's splitter cuts them (rules only, fast)."""
    res = subprocess.run([binary, "extract", "--quiet", "--model", "none", docs_path],
                         cwd=ROOT, capture_output=True, text=True)
    texts = {}
    for line in open(docs_path, encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]
    docs = []
    for line in res.stdout.splitlines():
        rec = json.loads(line)
        if "sentences" in rec:
            text = texts[rec["id"]]
            docs.append([text[s["start"]:s["end"]] for s in rec["sentences"]])
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False)
    return docs


def flops_per_token(mean_row):
    cfg = json.load(open(os.path.join(MODEL, "config.json")))
    h, ff, layers = cfg["hidden_size"], cfg["intermediate_size"], cfg["num_hidden_layers"]
    dense = 2 * (4 * h * h + 2 * h * ff)
    attention = 2 * 2 * mean_row * h  # scores and weighted values over a row's own length
    return layers * (dense + attention) + 2 * h * len(cfg["id2label"]), layers


def peer(python, args):
    cmd = [python, os.path.join(ROOT, "scripts", "bench_peers.py")] + args
    secs, rss, out = measured(cmd)
    lines = out.strip().splitlines()
    if not lines:
        raise RuntimeError(f"{' '.join(args[:3])}: no result (a package missing?)")
    row = json.loads(lines[-1])
    row["rss"] = rss
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed-copies", type=int, default=20)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--onnx", help="directory from scripts/export_onnx.py: adds the ort columns")
    ap.add_argument("--onnx-int8", help="directory from scripts/export_onnx.py --int8 [mixed]: adds "
                                        "the ort build and Python onnxruntime on that graph")
    ap.add_argument("--reference", action="store_true", help="add candle's op graph")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--base", help="git revision (or a claimx binary) whose default build runs "
                                    "beside this one")
    ap.add_argument("--python", default=sys.executable, help="Python for the peer columns")
    ap.add_argument("--stages-only", action="store_true",
                    help="only the per-stage time of the default build at one thread")
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    args = ap.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    top = max(threads)
    work = tempfile.mkdtemp(prefix="claimx-bench-")
    docs_path = os.path.join(work, "docs.jsonl")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make_bench_corpus.py"), docs_path,
                    "--docs", str(args.docs), "--seed-copies", str(args.seed_copies)], check=True)
    n_docs = sum(1 for _ in open(docs_path, encoding="utf-8"))
    tokens = count_tokens(docs_path)
    print(f"{n_docs} documents, {tokens} tokens ({os.path.getsize(docs_path) / 1e6:.1f} MB) in {work}",
          file=sys.stderr)
    candle = build("", os.path.join(work, "claimx-candle"))
    ort = build("ort", os.path.join(work, "claimx-ort")) if args.onnx or args.onnx_int8 else None
    base = None
    if args.base and os.path.isfile(args.base):
        base = args.base
    elif args.base:
        base = build_revision(args.base, os.path.join(work, "claimx-base"))
    stages = stage_times(candle, docs_path)
    if args.stages_only:
        report = render_stages(n_docs, stages)
        print(report)
        if args.markdown:
            open(args.markdown, "w", encoding="utf-8").write(report)
        if args.json:
            json.dump({"docs": n_docs, "tokens": tokens, "stages": stages}, open(args.json, "w"), indent=1)
        shutil.rmtree(work, ignore_errors=True)
        return
    sents_path = os.path.join(work, "sentences.json")
    docs = sentences(candle, docs_path, sents_path)
    n_sents = sum(len(d) for d in docs)

    e2e = []

    def claimx_row(name, binary, t, extra, env=None):
        cmd = [binary, "extract", "--quiet", "--threads", str(t)] + extra + [docs_path, "-o", os.devnull]
        secs, rss, _ = measured(cmd, env=env)
        e2e.append({"column": name, "threads": t, "seconds": secs, "rss": rss})
        print(f"  {name}, {t} thread(s): {n_docs / secs:.1f} docs/s", file=sys.stderr)

    env = dict(os.environ)
    if ort:
        # the ort build finds libonnxruntime in the wheel this Python imports
        env.setdefault("CLAIMX_PYTHON", args.python)
    # what the default precision (auto) runs on this CPU: bf16 or int8
    default = json.loads(measured([candle, "bench-matmul", "--tokens", "32", "--precision", "f32"])[2])
    default = default["default_precision"]
    for t in threads:
        if base:
            claimx_row(f"claimx at {args.base}, default build", base, t, [])
        for precision in ("bf16", "int8", "f32"):
            name = f"claimx, candle {precision}" + (" (default build)" if precision == default else "")
            claimx_row(name, candle, t, ["--precision", precision])
        if ort and args.onnx:
            claimx_row("claimx, ort", ort, t, ["--backend", "ort", "--model", args.onnx], env)
        if ort and args.onnx_int8:
            claimx_row("claimx, ort on the int8 graph", ort, t,
                       ["--backend", "ort", "--model", args.onnx_int8], env)
    if args.reference:
        claimx_row("claimx, candle op graph f32 (before)", candle, top, ["--reference"])
    if not args.no_peers:
        for engine, model, mode, dtype in (("transformers", MODEL, "sentence", "fp32"),
                                           ("transformers", MODEL, "batched", "fp32"),
                                           ("onnxruntime", args.onnx, "sentence", "fp32"),
                                           ("onnxruntime", args.onnx, "batched", "fp32"),
                                           ("transformers", MODEL, "batched", "bf16"),
                                           ("onnxruntime", args.onnx_int8, "batched", "int8 graph")):
            if model is None:
                if dtype != "int8 graph":
                    print(f"(no --onnx: {engine} {mode} left out)", file=sys.stderr)
                continue
            graph = dtype == "int8 graph"
            dtype = "fp32" if graph else dtype
            try:
                r = peer(args.python, ["e2e", "--engine", engine, "--mode", mode, "--model", model,
                                       "--sentences", sents_path, "--threads", str(top), "--dtype", dtype])
            except RuntimeError as e:
                print(f"({engine} {mode} {dtype} left out: {str(e).splitlines()[-1]})", file=sys.stderr)
                continue
            # (the int8 graph's row does not end in "batched": the ratios stay to the fp32 one)
            e2e.append({"column": f"{r['engine']}, {'sentence by sentence' if mode == 'sentence' else 'batched'}"
                                  + (", on the int8 graph" if graph else ""),
                        "threads": top, "seconds": r["seconds"], "rss": r["rss"]})
            print(f"  {e2e[-1]['column']}: {n_docs / r['seconds']:.1f} docs/s", file=sys.stderr)

    # model only
    mean_row = tokens / max(n_sents, 1) + 2
    fpt, layers = flops_per_token(mean_row)
    def matmuls():
        found = []
        for t in threads:
            _, _, out = measured([candle, "bench-matmul", "--threads", str(t), "--precision", "f32"])
            found.append(json.loads(out))
            # every bf16 kernel this CPU runs (a forced kernel it lacks falls back: left out)
            # and every int8 kernel (CLAIMX_INT8_KERNEL)
            for precision, variable, kernels in (("bf16", "CLAIMX_BF16_KERNEL", BF16_KERNELS),
                                                 ("int8", "CLAIMX_INT8_KERNEL", INT8_KERNELS)):
                for kernel in kernels:
                    _, _, out = measured([candle, "bench-matmul", "--threads", str(t), "--precision", precision],
                                         env=dict(os.environ, **{variable: kernel}))
                    r = json.loads(out)
                    if r["kernel"] == kernel:
                        found.append(r)
            for engine, dtype in (("torch", "fp32"), ("torch", "bf16"), ("torch", "int8"), ("numpy", "fp32")):
                if args.no_peers:
                    break
                try:
                    found.append(peer(args.python, ["matmul", "--engine", engine, "--threads", str(t),
                                                    "--dtype", dtype]))
                except RuntimeError:
                    pass
        return found

    # The floors are measured before and after the encoder runs and the better of the two is
    # kept: on a shared VM one pass can fall into a slow spell (on the AMD EPYC of issue 20
    # every claimx product once ran at 57 % of its rate a minute later), which would make the
    # encoders' shares of the floor look better than they are.
    matmul = matmuls()
    lines = os.path.join(work, "sentences.txt")
    with open(lines, "w", encoding="utf-8") as f:
        f.write("\n".join(s.replace("\n", " ") for d in docs for s in d if s.strip()) + "\n")
    encoder = []
    for t in threads:
        runs = [(f"claimx candle bf16 ({k})", "bf16", candle, ["--precision", "bf16"],
                 dict(os.environ, CLAIMX_BF16_KERNEL=k), k) for k in BF16_KERNELS]
        runs += [(f"claimx candle int8 ({k})", "int8", candle, ["--precision", "int8"],
                  dict(os.environ, CLAIMX_INT8_KERNEL=k), k) for k in INT8_KERNELS]
        runs += [("claimx candle f32", "fp32", candle, ["--precision", "f32"], None, None)]
        if args.onnx:
            runs.append(("claimx ort", "fp32", ort, ["--backend", "ort", "--model", args.onnx], env, None))
        if args.onnx_int8:
            # partly int8 (`--int8 mixed`): no single precision's floor to compare with
            runs.append(("claimx ort, int8 graph", "int8+fp32", ort,
                         ["--backend", "ort", "--model", args.onnx_int8], env, None))
        for name, precision, binary, extra, e, kernel in runs:
            if binary is None:
                continue
            _, rss, out = measured([binary, "bench-tagger", lines, "--threads", str(t)] + extra, env=e)
            r = json.loads(out.strip().splitlines()[-1])
            if kernel is not None and r.get("kernel") != kernel:
                continue  # not on this CPU
            encoder.append({"engine": name, "precision": precision, "threads": t,
                            "pieces_per_s": r["pieces_per_s"], "rss": rss})
    if not args.no_peers:
        for engine, model, dtype in (("transformers", MODEL, "fp32"), ("transformers", MODEL, "bf16"),
                                     ("onnxruntime", args.onnx, "fp32"),
                                     ("onnxruntime", args.onnx_int8, "int8+fp32")):
            if model:
                try:
                    r = peer(args.python, ["encoder", "--engine", engine, "--model", model,
                                           "--sentences", sents_path, "--threads", str(top),
                                           "--dtype", "fp32" if dtype == "int8+fp32" else dtype])
                    name = r["engine"] + (", int8 graph" if dtype == "int8+fp32" else "")
                    encoder.append({"engine": name, "precision": dtype, "threads": top,
                                    "pieces_per_s": r["pieces"] / r["seconds"], "rss": r["rss"]})
                except RuntimeError as e:
                    print(f"({engine} {dtype} encoder left out: {str(e).splitlines()[-1]})", file=sys.stderr)

    best = {}  # (engine, threads) -> the faster of its two passes
    for m in matmul + matmuls():
        key = (m["engine"], m["threads"])
        if key not in best or m["gflops"] > best[key]["gflops"]:
            best[key] = m
    matmul = list(best.values())
    floor = {}  # (threads, precision) -> the best GFLOP/s of any engine
    for m in matmul:
        key = (m["threads"], m["precision"])
        floor[key] = max(floor.get(key, 0.0), m["gflops"])
    report = render(n_docs, tokens, n_sents, e2e, matmul, floor, fpt, layers, mean_row, encoder, args)
    report += "\n" + render_stages(n_docs, stages)
    print(report)
    if args.markdown:
        open(args.markdown, "w", encoding="utf-8").write(report)
    if args.json:
        json.dump({"docs": n_docs, "tokens": tokens, "sentences": n_sents, "end_to_end": e2e,
                   "matmul": matmul, "flops_per_token": fpt, "encoder": encoder, "stages": stages},
                  open(args.json, "w"), indent=1)
    shutil.rmtree(work, ignore_errors=True)


def stage_times(binary, docs_path):
    """Seconds per pipeline stage of one `claimx extract -j 1 --timings` run (wall time: one
    thread), in pipeline order: [{"stage", "seconds"}]."""
    _, _, err = measured_stderr([binary, "extract", "--quiet", "--timings", "--threads", "1",
                                 docs_path, "-o", os.devnull])
    rows = []
    for line in err.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].endswith("%"):
            rows.append({"stage": parts[0], "seconds": float(parts[1])})
    return rows


def measured_stderr(cmd):
    """(wall seconds, peak RSS MiB, stderr text) of one process."""
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(p.stderr)
    return None, None, p.stderr


def render_stages(n_docs, stages):
    total = sum(r["seconds"] for r in stages) or 1.0
    out = [f"Time per stage, default build, one thread, {n_docs} documents. Machine: {cpu()}.", "",
           "| stage | seconds | share |", "|---|---|---|"]
    for r in stages:
        out.append(f"| {r['stage']} | {r['seconds']:.2f} | {100 * r['seconds'] / total:.1f} % |")
    return "\n".join(out) + "\n"


def render(n_docs, tokens, n_sents, e2e, matmul, floor, fpt, layers, mean_row, encoder, args):
    out = [f"Documents: {n_docs} ({args.seed_copies * 5} seed copies + {args.docs} dump), {n_sents} sentences, "
           f"{tokens} tokens. Machine: {cpu()}, {os.cpu_count()} cores.", "",
           "| end to end | threads | seconds | docs/s | tokens/s | peak RSS MiB | vs transformers batched (fp32) | vs onnxruntime batched |",
           "|---|---|---|---|---|---|---|---|"]
    base = {}
    for r in e2e:
        for key in ("transformers", "onnxruntime"):
            if r["column"].startswith(key) and r["column"].endswith("batched") and "bf16" not in r["column"]:
                base[key] = r["seconds"]
    for r in e2e:
        ratio = lambda k: f"{base[k] / r['seconds']:.2f}×" if k in base else "–"  # noqa: E731
        out.append(f"| {r['column']} | {r['threads']} | {r['seconds']:.1f} | {n_docs / r['seconds']:.1f} | "
                   f"{tokens / r['seconds']:.0f} | {r['rss']:.0f} | {ratio('transformers')} | {ratio('onnxruntime')} |")
    out += ["", f"Model only: {layers} layers, {fpt / 1e6:.1f} MFLOP per token (dense layers, attention "
            f"over the mean row of {mean_row:.0f} pieces, classifier).", "",
            "| matmul engine | precision | threads | GFLOP/s |", "|---|---|---|---|"]
    for m in matmul:
        out.append(f"| {m['engine']} | {m['precision']} | {m['threads']} | {m['gflops']:.0f} |")
    out += ["", "| encoder only (same rows, batched by length) | precision | threads | tokens/s | GFLOP/s | "
            "share of its precision's matmul floor | peak RSS MiB |", "|---|---|---|---|---|---|---|"]
    for r in encoder:
        g = r["pieces_per_s"] * fpt / 1e9
        f = floor.get((r["threads"], r["precision"]))
        share = f"{100 * g / f:.0f} % of {f:.0f}" if f else "–"
        out.append(f"| {r['engine']} | {r['precision']} | {r['threads']} | {r['pieces_per_s']:.0f} | {g:.0f} | "
                   f"{share} | {r['rss']:.0f} |")
    return "\n".join(out) + "\n"


# claimx's bf16 kernels (CLAIMX_BF16_KERNEL); the default build picks one per CPU.
BF16_KERNELS = ("amx", "avx512-bf16", "gemm")
# claimx's int8 kernels (CLAIMX_INT8_KERNEL), with `--precision int8`.
INT8_KERNELS = ("amx", "avx512-vnni", "avx-vnni", "avx2", "generic")

# The instruction sets that decide which dense-layer kernel runs, as /proc/cpuinfo names them.
KERNEL_FLAGS = [("amx_tile", "AMX"), ("avx512_bf16", "AVX512-BF16"), ("avx512_vnni", "AVX512-VNNI"),
                ("avx_vnni", "AVX-VNNI"), ("avx512f", "AVX-512"), ("avx2", "AVX2"), ("fma", "FMA")]


def cpu():
    """The CPU model, its family and model numbers (a VM may name only "AMD EPYC"; family 25
    is Zen 3 or 4, 26 Zen 5) and which of KERNEL_FLAGS it has
    ("AMD EPYC, family 26 model 2 (no AMX, AVX2, FMA)")."""
    model, flags, numbers = "unknown CPU", set(), {}
    try:
        for line in open("/proc/cpuinfo"):
            key = line.split(":", 1)[0].strip()
            if key == "model name" and model == "unknown CPU":
                model = line.split(":", 1)[1].strip()
            elif key in ("cpu family", "model") and key not in numbers:
                numbers[key] = line.split(":", 1)[1].strip()
            elif key == "flags" and not flags:
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    if numbers:
        model += f", family {numbers.get('cpu family', '?')} model {numbers.get('model', '?')}"
    have = [name for flag, name in KERNEL_FLAGS if flag in flags]
    amx = [] if "amx_tile" in flags else ["no AMX"]
    return f"{model} ({', '.join(amx + have) or 'flags unknown'})"


if __name__ == "__main__":
    main()
