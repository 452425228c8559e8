"""The claimx Python package against the built wheel: records, offsets, errors, Arrow,
threads and the GIL."""

import datetime
import json
import os
import threading
import time

import pyarrow as pa
import pytest

import claimx

MIXED = (
    "Amazon Web Services (AWS) schließt sein Forschungszentrum in Shanghai 🙂. Das 2018 "
    "gegründete Zentrum hatte über 1.000 Mitarbeiter.\n\n据报道，该实验室去年获得约3.5亿元投资。"
)


def test_records_are_the_golden_records(pipeline, root):
    # tests/golden/*.json are written by the Rust pipeline; Python must give the same dicts
    golden = json.loads((root / "tests/golden/de.json").read_text())
    text = (
        "Amazon Web Services (AWS) schließt sein Forschungszentrum in Shanghai. Das 2018 "
        "gegründete Zentrum hatte über 1.000 Mitarbeiter. Amazon bestätigte dem Handelsblatt "
        "am Donnerstag die Schließung.\n\nErstpublikation: 24.07.2025, 14:50 Uhr."
    )
    assert differences(pipeline.extract(text, id="golden-de"), golden) == []


# As tests/end_to_end.rs: entity scores move in their third decimal between CPUs (the dense
# products are summed in another order with AMX, AVX-512 and AVX2); nothing else may move.
SCORE_EPSILON = 0.005


def differences(got, want, path=""):
    if isinstance(got, dict) and isinstance(want, dict):
        out = []
        for key in sorted(set(got) | set(want)):
            here = f"{path}/{key}"
            if key not in got or key not in want:
                out.append(f"{here}: only on one side")
            elif key == "score" and isinstance(got[key], float) and isinstance(want[key], float):
                if abs(got[key] - want[key]) > SCORE_EPSILON:
                    out.append(f"{here}: {got[key]} != {want[key]}")
            else:
                out += differences(got[key], want[key], here)
        return out
    if isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        return [d for i, (g, w) in enumerate(zip(got, want)) for d in differences(g, w, f"{path}/{i}")]
    return [] if got == want else [f"{path}: {got!r} != {want!r}"]


def test_published_may_be_a_date(rules):
    text = "Amazon hatte am Donnerstag über 1.000 Mitarbeiter."
    for published in ["2025-07-24", datetime.date(2025, 7, 24), datetime.datetime(2025, 7, 24, 14, 50)]:
        doc = rules.extract(text, published=published)
        assert doc["published"] == {"date": "2025-07-24", "source": "input"}, published


def test_schema_keys(pipeline):
    doc = pipeline.extract(MIXED, id="m", published="2025-07-24")
    assert set(doc) == {
        "id", "char_len", "byte_len", "published", "lang", "languages", "segments",
        "sentences", "entities", "figures", "claims",
    }
    assert doc["published"] == {"date": "2025-07-24", "source": "input"}
    assert [s["lang"] for s in doc["segments"]] == ["de", "zh"]
    claim = doc["claims"][0]
    assert {"subject", "predicate", "figure", "attribution", "hedged", "sentence"} <= set(claim)


def test_offsets_are_python_string_indices(pipeline):
    doc = pipeline.extract(MIXED)
    assert doc["char_len"] == len(MIXED)
    assert doc["byte_len"] == len(MIXED.encode())
    for item in doc["figures"] + doc["entities"]:
        span = item["span"] if "span" in item else item
        assert MIXED[span["start"]:span["end"]] == item["text"]
        assert MIXED.encode()[span["byte_start"]:span["byte_end"]].decode() == item["text"]
    assert any(f["text"] == "über 1.000" and f["value"] == 1000 for f in doc["figures"])
    assert any(e["text"] == "Shanghai" and e["type"] == "LOC" for e in doc["entities"])


def test_document_errors_say_what_went_wrong(rules):
    with pytest.raises(claimx.DocumentError) as e:
        rules.extract("Amazon schließt.", id="d7", published="last week")
    assert (e.value.id, e.value.stage, e.value.kind) == ("d7", "input", "bad_published")
    assert "d7" in str(e.value) and "ISO 8601" in str(e.value)
    assert isinstance(e.value, ValueError)
    with pytest.raises(claimx.DocumentError) as e:
        rules.extract("Le gouvernement français a annoncé mardi une nouvelle réforme.")
    assert e.value.kind == "unsupported_language" and "French" in str(e.value)


def test_batches_keep_order_and_return_error_records(rules):
    out = rules.extract_batch(
        [
            "Über 1.000 Mitarbeiter.",
            {"id": "b", "text": "Over 1,000 staff.", "published": "2025-07-24"},
            {"id": "c", "text": "x", "published": "gestern"},
            {"id": 9, "text": "Nine."},
        ]
    )
    assert [r["id"] for r in out] == ["0", "b", "c", "9"]
    assert out[2]["error"]["kind"] == "bad_published"
    assert "error" not in out[1] and out[1]["published"]["date"] == "2025-07-24"


@pytest.mark.parametrize(
    "bad, id, kind",
    [
        (42, "1", "not_a_document"),
        ({"id": "x"}, "x", "missing_text"),
        ({"text": 5}, "1", "missing_text"),
    ],
)
def test_bad_batch_items_are_error_records(rules, bad, id, kind):
    # as the CLI writes one error record for a bad JSONL line: the batch goes on
    out = rules.extract_batch(["Eins.", bad, "Über 1.000 Mitarbeiter."])
    assert len(out) == 3
    assert (out[1]["id"], out[1]["error"]["kind"], out[1]["error"]["stage"]) == (id, kind, "input")
    assert out[2]["figures"][0]["value"] == 1000
    assert [r["id"] for r in rules.pipe(["Eins.", bad, "Zwei."])] == ["0", id, "2"]


def test_pipe_is_a_generator_in_order(rules):
    read = []

    def docs():
        for i in range(1000):
            read.append(i)
            yield {"id": f"d{i}", "text": f"Die Firma hatte über {i + 1}.000 Mitarbeiter."}

    out = rules.pipe(docs(), batch_size=64)
    first = next(out)
    assert first["id"] == "d0" and first["figures"][0]["value"] == 1000
    assert len(read) == 64, "one batch read, not the whole iterable"
    rest = list(out)
    assert [r["id"] for r in rest] == [f"d{i}" for i in range(1, 1000)]
    assert rest[6]["figures"][0]["value"] == 8000
    claims = list(rules.pipe(["Das Zentrum hatte über 1.000 Mitarbeiter."], records="claims"))
    assert claims[0]["figure"]["value"] == 1000
    with pytest.raises(ValueError, match="batch_size"):
        rules.pipe([], batch_size=0)


def test_pipe_streams_100000_documents_in_flat_memory(rules):
    import resource

    def docs():
        for i in range(100_000):
            yield f"Dokument {i}: Die Firma hatte über {i % 97}.000 Mitarbeiter."

    peak = {}
    n = 0
    for n, record in enumerate(rules.pipe(docs(), batch_size=256), 1):
        assert "error" not in record
        if n in (20_000, 100_000):
            peak[n] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    assert n == 100_000
    # the records are not kept: memory after 100,000 is what it was after 20,000
    assert peak[100_000] - peak[20_000] < 32 * 1024, peak


def test_settings_errors():
    with pytest.raises(claimx.ModelError, match="/no/such/model"):
        claimx.Pipeline(model="/no/such/model")
    with pytest.raises(ValueError, match="configuration"):
        claimx.Pipeline(config={"input": {"max_doc_bytes": "big"}})
    with pytest.raises(ValueError, match="threads"):
        claimx.Pipeline(threads=0)
    p = claimx.Pipeline(model="none", config={"input": {"reject_unsupported_language": False}})
    assert p.extract("Le gouvernement français a annoncé mardi une réforme.")["lang"] == "other"


def test_arrow_in_and_out(rules):
    batch = pa.record_batch(
        {
            "id": pa.array([1, 2, 3], pa.int64()),
            "body": pa.array(["AWS hatte über 1.000 Mitarbeiter.", None, MIXED], pa.large_string()),
            "published": pa.array(["2025-07-24", None, None]),
        }
    )
    out = rules.extract_arrow(batch, text_column="body")
    assert out.schema == claimx.arrow_schema("documents")
    rows = out.to_pylist()
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["error_kind"] == "missing_text" and rows[0]["error_kind"] is None
    assert rows[0]["published"] == "2025-07-24"
    fig = rows[0]["figures"][0]
    assert (fig["text"], fig["value"], fig["bound"]) == ("über 1.000", 1000.0, "gt")
    claims = rules.extract_arrow(batch, records="claims", text_column="body")
    assert claims.schema == claimx.arrow_schema("claims")
    assert claims.num_rows >= 3
    dated = pa.record_batch(
        {
            "text": ["Amazon schloss das Labor am Donnerstag."],
            "published": pa.array([datetime.date(2025, 7, 24)], pa.date32()),
        }
    )
    row = rules.extract_arrow(dated).to_pylist()[0]
    assert row["id"] == "0" and row["published"] == "2025-07-24"
    assert row["figures"][0]["value_text"] == "2025-07-24"
    with pytest.raises(ValueError, match="no column"):
        rules.extract_arrow(batch)
    with pytest.raises(ValueError, match="records"):
        rules.extract_arrow(batch, records="rows", text_column="body")


def _worker_threads():
    names = []
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return [n for n in names if n.startswith("claimx-")]


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_threads_bound_the_worker_pool():
    before = len(_worker_threads())
    p = claimx.Pipeline(model="none", threads=3)
    assert p.threads == 3
    p.extract_batch(["Über 1.000 Mitarbeiter."] * 50)
    assert len(_worker_threads()) - before == 3


def _docs(n):
    return [
        f"Amazon schließt sein Labor Nummer {i}. Das 2018 gegründete Zentrum hatte über "
        f"{i + 2}.000 Mitarbeiter, sagte ein Sprecher am Donnerstag. Earlier this year, "
        f"Microsoft laid off over {i},000 staff, Reuters reported."
        for i in range(n)
    ]


def test_the_gil_is_released_while_rust_works():
    # One pipeline annotates a long batch in a Python thread; meanwhile another pipeline
    # annotates a short one from the main thread. With the GIL released during the long
    # batch, the short one finishes first; were the GIL held, the main thread could not even
    # start its call before the long batch returned. An order of events, not a speed: speed
    # is for scripts/bench.py, and a timing ratio failed on a busy two-core machine.
    a, b = claimx.Pipeline(model="none", threads=1), claimx.Pipeline(model="none", threads=1)
    docs = _docs(6000)
    events = []
    started = threading.Event()

    def long_batch():
        started.set()
        a.extract_batch(docs)
        events.append("long")

    th = threading.Thread(target=long_batch)
    th.start()
    started.wait()
    time.sleep(0.2)  # let the long batch enter Rust
    b.extract_batch(docs[:20])
    events.append("short")
    th.join()
    assert events == ["short", "long"]


def test_python_threads_progress_during_a_batch(rules):
    counter = [0]
    done = threading.Event()

    def spin():
        while not done.is_set():
            counter[0] += 1

    th = threading.Thread(target=spin)
    th.start()
    rules.extract_batch(_docs(2000))
    done.set()
    th.join()
    # a thread that held the GIL for the whole batch would leave the counter near 0
    assert counter[0] > 10_000


def test_eval_matches_the_cli_report(root):
    report = claimx.eval(root / "data/seeds")
    # the counts `claimx eval --gold data/seeds` prints
    assert report["figures"]["de"] == {"tp": 27, "pred": 27, "gold": 27}
    assert report["figures"]["en"] == {"tp": 21, "pred": 21, "gold": 21}
    ents = report["entities"]
    tp = sum(v["tp"] for v in ents.values())
    pred = sum(v["pred"] for v in ents.values())
    gold = sum(v["gold"] for v in ents.values())
    assert 2 * tp / (pred + gold) > 0.8


def test_consolidate_the_seeds_from_python(pipeline, root):
    docs = [
        {"id": p.stem, "text": p.read_text()}
        for p in sorted((root / "data/seeds/text").glob("*.txt"))
    ]
    rows = pipeline.extract_batch(docs, records="claims")
    assert all("claim" in r for r in rows)
    groups = claimx.consolidate(rows)
    labels = {g["measure"]: g["label"] for g in groups}
    assert labels == {
        "USD": "compatible",
        "papers": "compatible",
        "people": "conflict",
        "year founded (the lab)": "agree",
    }
    people = next(g for g in groups if g["measure"] == "people")
    assert {m["lang"] for m in people["members"]} == {"de", "en"}
    found = claimx.consolidate(rows, with_stories=True)
    assert [sorted(s["documents"]) for s in found["stories"]] == [[d["id"] for d in docs]]
    assert found["groups"] == groups and found["failures"] == []
    with pytest.raises(ValueError):
        claimx.consolidate(rows, story_threshold=2.0)
