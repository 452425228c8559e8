#!/usr/bin/env python3
"""The documents `scripts/bench.py` measures every column on, as one JSONL file:

- the five seed articles repeated (--seed-copies each) with their digits and the company and
  city names varied, so no two copies are identical;
- a dump of --docs news-like documents built from real sentences: the seeds' paragraphs, the
  NER test sets (Universal NER en/zh, and the whole sentences among WikiANN de/en), and the inputs of the Recognizers-Text
  and sentence-boundary suites (figure- and date-rich sentences in de/en/zh) from
  ../shared. 40 % German, 45 % English, 15 % English ending in a Chinese block; 2 to 8
  sentences in paragraphs of one to three, as short wire stories are.

    python3 scripts/make_bench_corpus.py OUT.jsonl [--docs 2000] [--seed-copies 20] [--seed 11]

Without ../shared (CLAIMX_SHARED) the dump falls back to the seeds' paragraphs alone.
"""
import argparse
import glob
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import nerdata  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ORGS = ["Amazon", "Microsoft", "Siemens", "Tencent", "Alibaba", "IBM", "SAP", "Huawei"]
CITIES = ["Shanghai", "Berlin", "Peking", "Seattle", "München", "Shenzhen", "Toronto"]


def seeds():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "seeds", "text", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        lang = "de" if re.search(r"\b(und|der|die|das)\b", text[:2000]) else "en"
        out.append((os.path.basename(path)[:3], lang, text))
    return out


def vary(text, rng):
    org, city = rng.choice(ORGS), rng.choice(CITIES)
    text = text.replace("Amazon", org).replace("Shanghai", city)
    return re.sub(r"\d", lambda m: str(rng.randint(0, 9)) if rng.random() < 0.3 else m.group(), text)


def pools():
    """Sentences by language."""
    by_lang = {"de": [], "en": [], "zh": []}
    news = {"de": [], "en": []}
    for _, lang, text in seeds():
        news[lang] += [p.strip() for p in text.split("\n") if len(p.strip()) > 40]
    if not os.path.isdir(nerdata.NER_DIR):
        print(f"(no {nerdata.NER_DIR}: the dump uses the seeds' paragraphs only)", file=sys.stderr)
        by_lang.update(news)
        by_lang["zh"] = ["据路透社报道，该实验室去年获得约十亿元投资。"]
        return by_lang, news
    for name in ("wikiann-de", "wikiann-en", "uner-en", "uner-zh"):
        for lang, toks, _ in nerdata.load(name, "test"):
            # WikiANN is mostly titles and list fragments: keep whole sentences only
            if lang != "zh" and (len(toks) < 8 or toks[-1] not in ".!?" or "''" in toks):
                continue
            text = nerdata.sentence_text(toks, lang)[0]
            text = re.sub(r" ([.,;:!?)])", r"\1", text).replace("( ", "(")
            if len(text) > 20:
                by_lang[lang].append(text)
    peer = os.path.join(nerdata.SHARED, "peer")
    for path in glob.glob(os.path.join(peer, "recognizers", "*.jsonl")) + glob.glob(
        os.path.join(peer, "sbd", "*.jsonl")
    ):
        for line in open(path, encoding="utf-8"):
            case = json.loads(line)
            text = (case.get("input") or "").strip()
            if case.get("lang") in by_lang and len(text) > 15 and "\n" not in text:
                by_lang[case["lang"]].append(text)
    return by_lang, news


def paragraphs(pool, n, rng, sep=" ", news=()):
    # a quarter of the sentences from the seed articles' own paragraphs (news register)
    sents = [rng.choice(news) if news and rng.random() < 0.25 else rng.choice(pool) for _ in range(n)]
    out, i = [], 0
    while i < len(sents):
        k = rng.randint(1, 3)
        out.append(sep.join(sents[i : i + k]))
        i += k
    return "\n\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed-copies", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool, news = pools()
    with open(a.out, "w", encoding="utf-8") as f:
        for copy in range(a.seed_copies):
            for sid, _, text in seeds():
                doc = {"id": f"seed-{sid}-{copy:03d}", "published": "2025-07-24",
                       "text": text if copy == 0 else vary(text, rng)}
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        for i in range(a.docs):
            kind = rng.random()
            n = rng.randint(2, 8)
            if kind < 0.40:
                text = paragraphs(pool["de"], n, rng, news=news["de"])
            else:
                text = paragraphs(pool["en"], n, rng, news=news["en"])
                if kind >= 0.85:
                    text += "\n\n" + paragraphs(pool["zh"], rng.randint(1, 3), rng, sep="")
            doc = {"id": f"dump-{i:05d}", "published": f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                   "text": text}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
