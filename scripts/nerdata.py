"""Readers for the NER corpora in ../shared/ner-train (token-per-line BIO files)."""
import os

SHARED = os.environ.get("CLAIMX_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
NER_DIR = os.path.join(SHARED, "ner-train")

# (name, language, folder, split file per split); Chinese tokens are joined without spaces.
CORPORA = {
    "wikiann-de": ("de", "wikiann-de", {"train": "train.conllu", "dev": "val.conllu", "test": "test.conllu"}),
    "wikiann-en": ("en", "wikiann-en", {"train": "train.conllu", "dev": "val.conllu", "test": "test.conllu"}),
    "uner-zh": ("zh", "uner-zh-gsdsimp", {"train": "train.iob2", "dev": "dev.iob2", "test": "test.iob2"}),
    "uner-en": ("en", "uner-en-ewt", {"dev": "dev.iob2", "test": "test.iob2"}),
}


def read_bio(path):
    """Yield (tokens, tags) per sentence. WikiANN lines are idx, token, tag; Universal NER
    lines are idx, token, tag, -, - with `#` comments."""
    tokens, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            tok, tag = cols[1], cols[2]
            if tag.startswith("B-") or tag.startswith("I-"):
                # Universal NER has only PER/ORG/LOC; anything else counts as MISC.
                kind = tag[2:]
                if kind not in ("PER", "ORG", "LOC"):
                    tag = tag[:2] + "MISC"
            elif tag != "O":
                tag = "O"
            tokens.append(tok)
            tags.append(tag)
    if tokens:
        yield tokens, tags


def sentence_text(tokens, lang):
    """Join tokens into text and return (text, char spans of each token)."""
    sep = "" if lang == "zh" else " "
    spans, parts, pos = [], [], 0
    for i, t in enumerate(tokens):
        if i and sep:
            parts.append(sep)
            pos += len(sep)
        spans.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
    return "".join(parts), spans


def load(name, split):
    lang, folder, files = CORPORA[name]
    if split not in files:
        return []
    path = os.path.join(NER_DIR, folder, files[split])
    return [(lang, toks, tags) for toks, tags in read_bio(path)]
