#!/usr/bin/env python3
"""Write a synthetic news dump as JSONL: N documents built from German, English and mixed
English/Chinese templates with varied figures and dates, plus a share of bad lines.

    python3 scripts/make_dump.py N OUT.jsonl [--bad-every K] [--seed S]
"""
import argparse, json, random

DE = [
    "{org} schließt sein Forschungszentrum in {city}. Das {year} gegründete Zentrum hatte über {n_de} Mitarbeiter.",
    "Laut {src} plant {org}, rund {small} Fachkräfte nach {city} zu holen. Der Umsatz lag bei {x},5 Mrd. Euro.",
    "{org} bestätigte am Donnerstag, dass mehr als die Hälfte der {n} Stellen wegfallen. Die Frist läuft am 12. August aus.",
]
EN = [
    "{org} has shut down its {city} lab, which published more than {small} papers. It helped generate nearly ${x} billion in revenue.",
    "Earlier this year, {org} laid off over {n_en} staff in {city}, {src} reported on Monday.",
    "The {year} deal was worth about {x}.5 million dollars, according to {src}.",
]
ZH = ["据{src}报道，该实验室去年获得约{x}亿元投资。员工超过{n}人。"]
ORGS = ["Amazon", "AWS", "Microsoft", "IBM", "Nvidia", "Tencent", "Huawei"]
CITIES = ["Shanghai", "Berlin", "Peking", "Washington", "Stockholm"]
SRCS = ["Reuters", "Handelsblatt", "Bloomberg", "Xinhua"]

def doc(rng):
    v = dict(org=rng.choice(ORGS), city=rng.choice(CITIES), src=rng.choice(SRCS), year=rng.randint(1990, 2025),
             n=rng.randint(2, 50000), small=rng.randint(2, 99), x=rng.randint(1, 9))
    v["n_en"] = f"{v['n']:,}"
    v["n_de"] = v["n_en"].replace(",", ".")
    kind = rng.random()
    if kind < 0.45:
        parts = [t.format(**v) for t in rng.sample(DE, 2)]
    elif kind < 0.9:
        parts = [t.format(**v) for t in rng.sample(EN, 2)]
    else:
        parts = [EN[0].format(**v), ZH[0].format(**v)]
    return "\n\n".join(parts * rng.randint(1, 4))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--bad-every", type=int, default=0, help="every K-th line is malformed or lacks text")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            did = f"doc-{i:06d}"
            if a.bad_every and i % a.bad_every == a.bad_every - 1:
                f.write(json.dumps({"id": did}) + "\n" if i % 2 else '{"id": "%s", "text": \n' % did)
                continue
            rec = {"id": did, "text": doc(rng)}
            if i % 3 == 0:
                rec["published"] = f"2025-07-{rng.randint(1, 28):02d}"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
