#!/usr/bin/env python3
"""Export a BERT / XLM-RoBERTa / DistilBERT token-classification directory to ONNX.

The graph is written node by node with `onnx.helper` from the safetensors weights, so the
export needs only `onnx` and `numpy` (no PyTorch), mirrors the candle encoder in
`crates/tagger/src/encoder.rs` operation for operation, and runs in CI. The output directory
holds `model.onnx` plus copies of `config.json`, `tokenizer.json` and `tokenizer_config.json`,
so `claimx --backend ort --model OUT` loads it like any model directory.

    python scripts/export_onnx.py --model models/claimx-tagger-small --out target/tagger-onnx
    python scripts/export_onnx.py ... --check   # compare logits with onnxruntime vs numpy
    python scripts/export_onnx.py ... --int8    # int8 weights (needs onnxruntime)
    python scripts/export_onnx.py ... --int8 mixed   # int8 where F1 holds (below)

`--int8` (`all`) quantises every dense layer with ONNX Runtime's dynamic quantisation: weights
int8 per output channel, each layer's input uint8 with one range for the whole call. That one
range over a batch of sentences is what costs F1 (candle's int8 path takes a range per token,
which ONNX Runtime's MatMulInteger cannot: its zero point must be a scalar). `--int8 mixed`
leaves in float32 the layers where that range hurts most: each feed-forward block's second
product (its input is GELU's one-sided output with outliers) and the last layer with the
classifier; F1 of both against float32 is in `models/claimx-tagger-small/README.md`.

Inputs: input_ids, attention_mask (int64, [batch, tokens]); output: logits (float32,
[batch, tokens, labels]). Weights are stored as float32 whatever the checkpoint holds, as the
candle backend computes in float32 too.
"""
import argparse
import json
import math
import shutil
import struct
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None, "I64": np.int64}


def read_safetensors(path):
    raw = Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        buf = raw[base + a : base + b]
        if meta["dtype"] == "BF16":
            u16 = np.frombuffer(buf, dtype=np.uint16).astype(np.uint32) << 16
            arr = u16.view(np.float32)
        else:
            arr = np.frombuffer(buf, dtype=DTYPES[meta["dtype"]])
        out[name] = arr.reshape(meta["shape"]).astype(np.float32)
    return out


LAYER_NAMES = {
    "bert": dict(prefix="encoder.layer", q="attention.self.query", k="attention.self.key",
                 v="attention.self.value", o="attention.output.dense",
                 ln1="attention.output.LayerNorm", up="intermediate.dense", down="output.dense",
                 ln2="output.LayerNorm"),
    "distilbert": dict(prefix="transformer.layer", q="attention.q_lin", k="attention.k_lin",
                       v="attention.v_lin", o="attention.out_lin", ln1="sa_layer_norm",
                       up="ffn.lin1", down="ffn.lin2", ln2="output_layer_norm"),
}


def architecture(cfg):
    kind = cfg.get("model_type", "bert")
    if kind in ("xlm-roberta", "roberta", "camembert"):
        return "roberta"
    if kind == "distilbert":
        return "distilbert"
    return "bert"


class Graph:
    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def const(self, name, arr):
        self.inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def op(self, kind, inputs, **attrs):
        self.n += 1
        out = f"{kind.lower()}_{self.n}"
        self.nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def linear(self, x, w, b, name):
        # torch Linear stores [out, in]; MatMul wants [in, out]
        y = self.op("MatMul", [x, self.const(name + ".w", w.T.copy())])
        return self.op("Add", [y, self.const(name + ".b", b)])

    def layer_norm(self, x, g, b, eps, name):
        return self.op("LayerNormalization", [x, self.const(name + ".g", g), self.const(name + ".b", b)],
                       axis=-1, epsilon=eps)


def get(w, prefix, *names):
    for n in names:
        if prefix + n in w:
            return w[prefix + n]
    raise KeyError(f"no tensor {prefix}{names[0]} in the checkpoint")


def build(model_dir):
    cfg = json.loads((model_dir / "config.json").read_text())
    w = read_safetensors(model_dir / "model.safetensors")
    arch = architecture(cfg)
    prefix = {"bert": "bert.", "roberta": "roberta.", "distilbert": "distilbert."}[arch]
    if prefix + "embeddings.word_embeddings.weight" not in w:
        prefix = ""
    names = LAYER_NAMES["distilbert" if arch == "distilbert" else "bert"]
    if arch == "distilbert":
        h, heads, layers = cfg["dim"], cfg["n_heads"], cfg["n_layers"]
        eps, act = 1e-12, cfg.get("activation", "gelu")
    else:
        h, heads, layers = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"]
        eps, act = cfg.get("layer_norm_eps", 1e-12), cfg.get("hidden_act", "gelu")
    head = h // heads
    first = cfg.get("pad_token_id", 1) + 1 if arch == "roberta" else 0

    g = Graph()
    ids, mask = "input_ids", "attention_mask"
    emb = prefix + "embeddings."
    x = g.op("Gather", [g.const("word_embeddings", w[emb + "word_embeddings.weight"]), ids])
    t = g.op("Gather", [g.op("Shape", [ids]), g.const("one_index", np.array(1, dtype=np.int64))])
    start = np.array(first, dtype=np.int64)
    end = g.op("Add", [t, g.const("first_position", start)])
    pos = g.op("Range", [g.const("position_start", start), end, g.const("step", np.array(1, dtype=np.int64))])
    x = g.op("Add", [x, g.op("Gather", [g.const("position_embeddings", w[emb + "position_embeddings.weight"]), pos])])
    if emb + "token_type_embeddings.weight" in w:
        x = g.op("Add", [x, g.const("token_type_0", w[emb + "token_type_embeddings.weight"][0])])
    x = g.layer_norm(x, get(w, emb + "LayerNorm.", "weight", "gamma"), get(w, emb + "LayerNorm.", "bias", "beta"),
                     eps, "embeddings.norm")
    # 0 where a key is a real token, -1e9 where it is padding: the candle encoder's mask
    m = g.op("Cast", [mask], to=TensorProto.FLOAT)
    m = g.op("Mul", [g.op("Sub", [m, g.const("f_one", np.array(1.0, dtype=np.float32))]),
                     g.const("big", np.array(1e9, dtype=np.float32))])
    bias = g.op("Unsqueeze", [m, g.const("axes_1_2", np.array([1, 2], dtype=np.int64))])
    split_shape = g.const("split_shape", np.array([0, 0, heads, head], dtype=np.int64))
    merge_shape = g.const("merge_shape", np.array([0, 0, h], dtype=np.int64))
    scale = g.const("scale", np.array(1.0 / math.sqrt(head), dtype=np.float32))
    half = g.const("half", np.array(0.5, dtype=np.float32))
    sqrt2 = g.const("sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))

    def activation(y):
        if act == "relu":
            return g.op("Relu", [y])
        if act in ("gelu_new", "gelu_pytorch_tanh"):
            c = g.const(f"c{g.n}", np.array(math.sqrt(2 / math.pi), dtype=np.float32))
            k = g.const(f"k{g.n}", np.array(0.044715, dtype=np.float32))
            cube = g.op("Mul", [g.op("Mul", [y, y]), y])
            inner = g.op("Mul", [g.op("Add", [y, g.op("Mul", [cube, k])]), c])
            one = g.const(f"one{g.n}", np.array(1.0, dtype=np.float32))
            return g.op("Mul", [g.op("Mul", [y, half]), g.op("Add", [g.op("Tanh", [inner]), one])])
        one = g.const(f"one{g.n}", np.array(1.0, dtype=np.float32))
        erf = g.op("Erf", [g.op("Div", [y, sqrt2])])
        return g.op("Mul", [g.op("Mul", [y, g.op("Add", [erf, one])]), half])

    def lin(x, p, name):
        return g.linear(x, w[p + name + ".weight"], w[p + name + ".bias"], p + name)

    for i in range(layers):
        p = f"{prefix}{names['prefix']}.{i}."
        q = g.op("Transpose", [g.op("Reshape", [lin(x, p, names["q"]), split_shape])], perm=[0, 2, 1, 3])
        k = g.op("Transpose", [g.op("Reshape", [lin(x, p, names["k"]), split_shape])], perm=[0, 2, 3, 1])
        v = g.op("Transpose", [g.op("Reshape", [lin(x, p, names["v"]), split_shape])], perm=[0, 2, 1, 3])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), bias])
        probs = g.op("Softmax", [scores], axis=-1)
        ctx = g.op("Reshape", [g.op("Transpose", [g.op("MatMul", [probs, v])], perm=[0, 2, 1, 3]), merge_shape])
        ln1 = p + names["ln1"] + "."
        x = g.layer_norm(g.op("Add", [lin(ctx, p, names["o"]), x]), get(w, ln1, "weight", "gamma"),
                         get(w, ln1, "bias", "beta"), eps, ln1)
        up = activation(lin(x, p, names["up"]))
        ln2 = p + names["ln2"] + "."
        x = g.layer_norm(g.op("Add", [lin(up, p, names["down"]), x]), get(w, ln2, "weight", "gamma"),
                         get(w, ln2, "bias", "beta"), eps, ln2)
    logits = g.linear(x, w["classifier.weight"], w["classifier.bias"], "classifier")
    g.nodes.append(helper.make_node("Identity", [logits], ["logits"]))
    # the last layer, which claimx's word heads (UPOS, dependencies) read in Rust
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    labels = len(cfg["id2label"])
    graph = helper.make_graph(
        g.nodes, "token_classification",
        [helper.make_tensor_value_info(ids, TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info(mask, TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "tokens", labels]),
         helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", h])],
        g.inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="claimx scripts/export_onnx.py")
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model, cfg


def check(out_dir, cfg, int8=False):
    """Run the exported graph on a padded batch: rows must not change with their padding."""
    import onnxruntime as ort

    sess = ort.InferenceSession(str(out_dir / "model.onnx"), providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    vocab = cfg.get("vocab_size", 1000)
    ids = rng.integers(5, vocab, size=(2, 12), dtype=np.int64)
    mask = np.ones_like(ids)
    mask[1, 7:] = 0
    both = sess.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
    alone = sess.run(["logits"], {"input_ids": ids[1:, :7], "attention_mask": mask[1:, :7]})[0]
    diff = float(np.abs(both[1, :7] - alone[0]).max())
    print(f"padding invariance: max |diff| {diff:.2e}")
    if int8:
        # one input range per call: a sentence's numbers depend on the batch it is in
        print("(int8: each product's input range is the whole call's, so padding and the other "
              "sentences of a batch move the logits; not checked)")
    elif diff > 1e-3:
        raise SystemExit("padded and unpadded logits differ")


def kept_in_float(model, cfg):
    """Names of the dense products `--int8 mixed` leaves in float32: every feed-forward
    block's down product (weights `*.output.dense` outside attention), the last layer's and
    the classifier's. The graph's nodes get names here, as quantize_dynamic selects by name."""
    last = f"layer.{cfg.get('num_hidden_layers', cfg.get('n_layers', 0)) - 1}."
    kept = []
    for i, node in enumerate(model.graph.node):
        if not node.name:
            node.name = f"{node.op_type}_{i}"
        if node.op_type != "MatMul" or len(node.input) < 2:
            continue
        w = node.input[1]
        down = ".output.dense" in w and ".attention." not in w
        if down or last in w or "classifier" in w:
            kept.append(node.name)
    return kept


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", required=True, type=Path, help="token-classification directory")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--check", action="store_true", help="run the graph once with onnxruntime")
    ap.add_argument("--int8", nargs="?", const="all", choices=["all", "mixed"],
                    help="int8 weights, onnxruntime dynamic quantisation: of every dense layer "
                         "(all), or of all but the feed-forward down products, the last layer "
                         "and the classifier (mixed)")
    args = ap.parse_args()
    model, cfg = build(args.model)
    kept = kept_in_float(model, cfg) if args.int8 == "mixed" else []
    args.out.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(args.out / "model.onnx"))
    if args.int8:
        # per output channel, weights int8 and activations uint8 quantised per call: ORT's
        # U8S8 kernels (AVX-512 VNNI / AMX where the CPU has them); embeddings stay float
        from onnxruntime.quantization import QuantType, quantize_dynamic

        fp32 = args.out / "model.fp32.onnx"
        (args.out / "model.onnx").rename(fp32)
        quantize_dynamic(str(fp32), str(args.out / "model.onnx"), weight_type=QuantType.QInt8,
                         per_channel=True, op_types_to_quantize=["MatMul"],
                         nodes_to_exclude=kept)
        fp32.unlink()
        model = onnx.load(str(args.out / "model.onnx"))
        # quantize_dynamic selects by node name and skips unknown names silently
        left = {n.name for n in model.graph.node if n.op_type == "MatMul"}
        if not set(kept) <= left:
            raise SystemExit(f"int8 {args.int8}: {len(set(kept) - left)} products meant to stay "
                             "float32 were quantised")
        n8 = sum(n.op_type == "MatMulInteger" for n in model.graph.node)
        print(f"int8 {args.int8}: {n8} products in int8, {len(kept)} dense products kept in float32")
    names = ["config.json", "tokenizer.json", "tokenizer_config.json"]
    if "claimx_heads" in cfg:
        # the word heads (UPOS, dependencies) run in Rust on the graph's last_hidden_state and
        # read their weights from the safetensors
        names.append("model.safetensors")
    for name in names:
        if (args.model / name).exists() and args.model.resolve() != args.out.resolve():
            shutil.copy(args.model / name, args.out / name)
    size = (args.out / "model.onnx").stat().st_size / 2**20
    print(f"wrote {args.out / 'model.onnx'} ({size:.1f} MiB, {len(model.graph.node)} nodes)")
    if args.check:
        check(args.out, cfg, int8=bool(args.int8))


if __name__ == "__main__":
    main()
