#!/usr/bin/env python3
"""Restore letter case in MultiCoNER v1's lower-cased German and English training text, so the
multi-head model learns products, works and events (MISC) from text that looks like news.

MultiCoNER v1 (`../shared/train/ner/{de,en}-multiconer`) is the largest commercially usable
source of MISC names here (6,468 / 6,675 in train), but its text is lower-cased: a model
trained on it learns MISC names without their capitals, and news names are capitalised. The
case is restored by rules of the language, not by a list of names:

- every token inside an entity span is capitalised (a creative work's, product's or group's
  name is written with capitals in news), except short function words inside a span after
  its first token (`the lord of the rings` -> `The Lord of the Rings`);
- the sentence's first token is capitalised, as is English `i`;
- German nouns and proper nouns outside spans are capitalised: the part of speech comes from
  claimx's own multi-head model (`claimx extract`, UPOS of each word; the current embedded
  model is trained without MultiCoNER's words, and lower-cased German nouns are tagged NOUN
  well enough: `ausland`, `festivals`, `ländern`), which is why this is a script run before
  training and not part of it; English proper nouns outside spans likewise.

A token is recased only where `str.upper` keeps its length (`ß` stays), so tags stay aligned.
Output: `OUT/{de,en}-multiconer/train.bio` in the shared format (token<TAB>tag), read by
`train_multihead.py --truecased OUT`. Never committed (third-party text).

Usage:
    cargo build --release -p claimx
    python3 scripts/truecase_multiconer.py --out target/truecased
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "train", "ner")

# lower-case inside a title after its first word (English and German title conventions)
SPAN_FUNCTION_WORDS = {
    "en": {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
           "with", "vs", "vs.", "de", "la", "le", "du", "des", "von", "van", "der", "den", "da", "di"},
    "de": {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "und", "oder", "von",
           "vom", "zu", "zum", "zur", "im", "in", "am", "an", "auf", "aus", "bei", "für", "mit", "nach",
           "über", "unter", "vor", "of", "the", "and", "de", "la", "le", "du", "van", "da", "di"},
}
CAPITAL_UPOS = {"de": {"NOUN", "PROPN"}, "en": {"PROPN"}}


def read_sentences(path):
    sents, toks = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append(toks)
                toks = []
                continue
            tok, tag = line.split("\t")
            toks.append([tok, tag])
    if toks:
        sents.append(toks)
    return sents


def capitalised(tok):
    if not tok or not tok[0].isalpha():
        return tok
    first = tok[0].upper()
    return first + tok[1:] if len(first) == 1 else tok


def word_classes(claimx, sents, lang):
    """UPOS per token from `claimx extract` on the tokens joined by single spaces."""
    lines, starts = [], []
    for i, toks in enumerate(sents):
        text, offs = "", []
        for tok, _ in toks:
            if text:
                text += " "
            offs.append(len(text))
            text += tok
        starts.append(offs)
        lines.append(json.dumps({"id": str(i), "text": text, "lang": lang}, ensure_ascii=False))
    run = subprocess.run([claimx, "extract", "--quiet", "-", "-o", "-"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True)
    # exit 1: some documents are error records (a query of digits only, `unsupported_language`);
    # their tokens keep the rules above
    if run.returncode not in (0, 1):
        raise SystemExit(f"claimx extract failed ({run.returncode}): {run.stderr[-2000:]}")
    out = run.stdout
    classes = []
    for offs, line in zip(starts, out.splitlines()):
        rec = json.loads(line)
        upos = {}
        for s in rec.get("sentences", []):
            for w in s.get("words", []):
                upos[w["start"]] = w["upos"]
        classes.append([upos.get(o) for o in offs])
    return classes


def truecase(toks, classes, lang):
    out = []
    for k, ((tok, tag), upos) in enumerate(zip(toks, classes)):
        new = tok
        if tag.startswith("B-") or k == 0 or (lang == "en" and tok == "i"):
            new = capitalised(tok)
        elif tag.startswith("I-"):
            if tok not in SPAN_FUNCTION_WORDS[lang]:
                new = capitalised(tok)
        elif upos in CAPITAL_UPOS[lang]:
            new = capitalised(tok)
        out.append((new, tag))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--claimx", default=os.path.join(ROOT, "target", "release", "claimx"))
    ap.add_argument("--split", default="train")
    args = ap.parse_args()
    for lang in ("de", "en"):
        src = os.path.join(SHARED, f"{lang}-multiconer", f"{args.split}.bio")
        sents = read_sentences(src)
        classes = word_classes(args.claimx, sents, lang)
        dest = os.path.join(args.out, f"{lang}-multiconer")
        os.makedirs(dest, exist_ok=True)
        changed = 0
        with open(os.path.join(dest, f"{args.split}.bio"), "w", encoding="utf-8") as f:
            for toks, cls in zip(sents, classes):
                new = truecase(toks, cls, lang)
                changed += sum(a[0] != b[0] for a, b in zip(toks, new))
                f.write("".join(f"{t}\t{g}\n" for t, g in new) + "\n")
        print(f"{lang}: {len(sents)} sentences, {changed} tokens recased -> {dest}", file=sys.stderr)


if __name__ == "__main__":
    main()
