#!/usr/bin/env python3
"""Write the Chinese test sets in Traditional characters, for measuring claimx on Traditional
text (issue 17: within 2 points of Simplified): Universal NER zh GSDSimp test (BIO, one
character per line) and UD Chinese GSDSimp test (CoNLL-U), converted with OpenCC's `s2t`
(whole sentences, so phrase rules apply; a sentence whose length would change is converted
character by character instead, so every token keeps its length).

Usage:
    pip install opencc-python-reimplemented==0.1.7
    python scripts/traditional_testsets.py --out target/traditional
    claimx tagger-eval --data target/traditional --precision f32
    claimx eval --conllu target/traditional/zh_gsdsimp-trad-ud-test.conllu
"""
import argparse
import os

from opencc import OpenCC

SHARED = os.environ.get("CLAIMX_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
CC = OpenCC("s2t")


def convert(text):
    out = CC.convert(text)
    if len(out) != len(text):
        out = "".join(CC.convert(c) if len(CC.convert(c)) == 1 else c for c in text)
    return out


def bio(src, dst):
    sents, cur = [], []
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        tok, tag = line.split("\t")
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w", encoding="utf-8") as f:
        for s in sents:
            toks = [t for t, _ in s]
            joined = convert("".join(toks))
            pos = 0
            for tok, tag in s:
                f.write(f"{joined[pos:pos + len(tok)]}\t{tag}\n")
                pos += len(tok)
            f.write("\n")


def conllu(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        block = []
        for line in f:
            if line.strip():
                block.append(line.rstrip("\n"))
                continue
            out.write(convert_block(block) + "\n\n")
            block = []
        if block:
            out.write(convert_block(block) + "\n\n")


def convert_block(lines):
    rows = [l.split("\t") for l in lines if not l.startswith("#") and "." not in l.split("\t")[0]]
    forms = [r[1] for r in rows]
    joined = convert("".join(forms))
    pos, new = 0, []
    for r in rows:
        n = len(r[1])
        r = list(r)
        r[1] = joined[pos:pos + n]
        pos += n
        new.append("\t".join(r))
    comments = [l for l in lines if l.startswith("#") and not l.startswith("# text")]
    return "\n".join(comments + new)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="target/traditional")
    args = ap.parse_args()
    bio(os.path.join(SHARED, "train", "ner", "zh-uner-gsdsimp", "test.bio"),
        os.path.join(args.out, "ner", "zh-uner-gsdsimp", "test.bio"))
    conllu(os.path.join(SHARED, "train", "ud", "UD_Chinese-GSDSimp", "zh_gsdsimp-ud-test.conllu"),
           os.path.join(args.out, "zh_gsdsimp-trad-ud-test.conllu"))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
