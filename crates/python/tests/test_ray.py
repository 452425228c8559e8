"""A real local Ray cluster: two actors process a small dump, every id comes back once."""

import pytest

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'ray[data]'); CI installs it")


def test_two_actors_process_a_dump_each_id_once(tmp_path):
    import json

    import claimx
    import claimx.ray

    path = tmp_path / "dump.jsonl"
    with open(path, "w") as f:
        for i in range(400):
            if i % 50 == 49:
                f.write(json.dumps({"id": f"d{i}", "text": None}) + "\n")
            else:
                text = f"Amazon schließt sein Labor {i} in Shanghai. Es hatte über {i + 2}.000 Mitarbeiter."
                f.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    try:
        # the two actors take both CPUs: claimx's own read takes none, so it cannot wait
        # for a CPU that never frees (given a path, extract reads it that way)
        out = claimx.ray.extract(str(path), concurrency=2, threads_per_actor=1, batch_size=50)
        rows = out.take_all()
    finally:
        ray.shutdown()
    ids = [r["id"] for r in rows]
    assert sorted(ids) == sorted(f"d{i}" for i in range(400))
    assert len(set(ids)) == 400
    errors = {r["id"] for r in rows if r["error_kind"]}
    assert errors == {f"d{i}" for i in range(49, 400, 50)}
    ok = [r for r in rows if not r["error_kind"]]
    assert all(any(e["text"] == "Amazon" for e in r["entities"]) for r in ok)
