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


def test_records_are_the_golden_records(root):
    # tests/golden/*.json are written by the Rust pipeline in f32 (tests/end_to_end.rs);
    # Python must give the same dicts. The default precision is the CPU's (bf16 with AMX,
    # int8 with VNNI and no AMX), whose scores differ from f32 by more than the tolerance
    # (int8 on an AMD Zen 5: word scores by up to 0.025, no label), so f32 is asked here too.
    pipeline = claimx.Pipeline(config={"tagger": {"options": {"precision": "f32"}}})
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
            elif key in ("score", "confidence") and isinstance(got[key], float) and isinstance(want[key], float):
                # a confidence multiplies several scores, so their moves add up (as in Rust)
                epsilon = SCORE_EPSILON * (4 if key == "confidence" else 1)
                if abs(got[key] - want[key]) > epsilon:
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


def test_pipe_batches_close_at_their_byte_budget(rules):
    read = []

    def docs():
        for i in range(10):
            read.append(i)
            yield {"id": f"d{i}", "text": f"Die Firma hatte über {i + 1}.000 Mitarbeiter. " * 20}

    # each text is some 820 bytes: a 2,000-byte budget closes a batch after its third text
    out = rules.pipe(docs(), batch_size=64, batch_bytes=2000)
    assert next(out)["id"] == "d0"
    assert len(read) == 3, read
    assert [r["id"] for r in out] == [f"d{i}" for i in range(1, 10)]
    with pytest.raises(ValueError, match="batch_bytes"):
        rules.pipe([], batch_bytes=0)


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


def test_model_info_names_the_licence(pipeline, rules):
    info = pipeline.model_info
    assert (info["model"], info["source"], info["license"]) == ("claimx-tagger-small", "embedded", "cc-by-sa-4.0")
    assert info["code_license"] == "Apache-2.0" and "commercial" in info["card"]
    assert rules.model_info["source"] == "none" and rules.model_info["license"] is None


def test_arrow_tables_and_pandas(rules):
    table = pa.Table.from_batches(
        [
            pa.record_batch({"text": ["AWS hatte über 1.000 Mitarbeiter.", None]}),
            pa.record_batch({"text": ["Das Labor wurde 2018 gegründet."]}),
        ]
    ).append_column("url", pa.array(["https://www.reuters.com/a", None, "https://heise.de/b"]))
    out = rules.extract_arrow(table)
    assert isinstance(out, pa.Table) and out.schema == claimx.arrow_schema("documents")
    rows = out.to_pylist()
    # ids count on across the table's batches
    assert [r["id"] for r in rows] == ["0", "1", "2"]
    assert rows[1]["error_kind"] == "missing_text"
    assert rows[0]["url"] == "https://www.reuters.com/a"
    claims = rules.extract_arrow(table, records="claims")
    assert isinstance(claims, pa.Table) and claims.schema == claimx.arrow_schema("claims")
    empty = rules.extract_arrow(table.slice(0, 0))
    assert empty.num_rows == 0 and empty.schema == claimx.arrow_schema("documents")
    with pytest.raises(TypeError, match="RecordBatch or a pyarrow.Table"):
        rules.extract_arrow([{"text": "x"}])
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"id": ["a", "b"], "text": ["AWS hatte über 1.000 Mitarbeiter.", "Eins."]})
    got = claimx.extract_pandas(rules, frame)
    assert list(got["id"]) == ["a", "b"]
    assert got["figures"][0][0]["value"] == 1000.0


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
    # text vectors from any encoder are a third story signal (their effect is tested in
    # crates/consolidate); texts that all say the same keep the one story
    vectors = {d["id"]: [0.5, 0.25, 1.0] for d in docs}
    same = claimx.consolidate(rows, with_stories=True, document_vectors=vectors)
    assert same["stories"] == found["stories"]
    with pytest.raises(ValueError):
        claimx.consolidate(rows, document_vectors=vectors, text_weight=1.5)
    with pytest.raises(TypeError):
        claimx.consolidate(rows, document_vectors={"a": "not a vector"})


def test_doc_view_spans_slice_the_str(pipeline):
    text = "Laut Reuters hatte Amazon am Donnerstag über 1.000 Mitarbeiter in Shanghai. 亚马逊表示，该研究院成立于2018年。"
    doc = claimx.Doc(pipeline.extract(text, published="2025-07-24"), text)
    for span in doc.sents + doc.ents + doc.figures:
        assert doc.text[span.start : span.end] == span.text
    assert ("Amazon", "ORG") in [(e.text, e.label) for e in doc.ents]
    figure = next(f for f in doc.figures if f.text == "über 1.000")
    assert (figure.value, figure.bound, figure.label) == (1000.0, "gt", "CARDINAL")
    claim = next(c for c in doc.claims if c.figure is not None and c.figure.text == "über 1.000")
    assert claim.attribution == "Reuters" and claim.sentence.text.startswith("Laut Reuters")
    assert "claims=" in repr(doc)
    with pytest.raises(ValueError, match="missing_text|characters"):
        claimx.Doc({"id": "x", "error": {"kind": "missing_text", "message": "no text"}}, "")
    with pytest.raises(ValueError, match="characters"):
        claimx.Doc(pipeline.extract(text), text + "!")


def test_render_marks_entities_figures_and_claims(pipeline, tmp_path):
    import shutil
    import subprocess

    text = "Amazon hatte über 1.000 Mitarbeiter in Shanghai <und> mehr."
    page = claimx.render(claimx.Doc(pipeline.extract(text), text))
    assert "<script" not in page and "&lt;und&gt;" in page
    assert 'class="figure"' in page and ">über 1.000<span>CARDINAL</span></mark>" in page
    assert ">Amazon<span>ORG</span></mark>" in page
    assert "<td>Amazon</td>" in page
    fragment = claimx.render(claimx.Doc(pipeline.extract(text), text), page=False)
    assert fragment.startswith("<style>") and "<html" not in fragment
    browser = next((b for b in ["chromium", "chromium-browser", "google-chrome"] if shutil.which(b)), None)
    if browser is None:
        if os.environ.get("CLAIMX_REQUIRE_CHROMIUM"):
            pytest.fail("CLAIMX_REQUIRE_CHROMIUM is set but there is no chromium")
        pytest.skip("no chromium to render the page in")
    path = tmp_path / "doc.html"
    path.write_text(page, encoding="utf-8")
    shot = tmp_path / "doc.png"
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run(common + ["--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr
    assert "Uncaught" not in dom.stderr
    assert dom.stdout.count("<mark") >= 3 and "über 1.000" in dom.stdout
    subprocess.run(common + [f"--screenshot={shot}", "--window-size=1000,700", path.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_docstring_examples_run():
    import doctest

    import claimx.view

    assert doctest.testmod(claimx.view).failed == 0
