"""Run claimx over a Ray Dataset: one pipeline per actor, Arrow batches in and out.

    import ray, claimx.ray
    ds = ray.data.read_parquet("s3://bucket/news/")            # or read_json for JSONL
    facts = claimx.ray.extract(ds, concurrency=8, threads_per_actor=2)
    facts.write_parquet("s3://bucket/facts/")

Each actor loads the pipeline (and its model) once and owns `threads_per_actor` CPUs; the
pipeline's worker pool is sized to match, so actors do not oversubscribe a node. When the
actors take every CPU of a small cluster, a read that needs a CPU waits for one that never
frees: ``claimx.ray.read`` (and ``extract`` given paths) reads with no CPU of its own.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

import pyarrow as pa

from . import Pipeline, arrow_schema


class Extractor:
    """A callable class for ``Dataset.map_batches(..., batch_format="pyarrow")``."""

    def __init__(
        self,
        model: Optional[str] = None,
        threads: int = 1,
        records: str = "documents",
        text_column: str = "text",
        id_column: str = "id",
        published_column: str = "published",
        config: Optional[Mapping[str, Any]] = None,
    ) -> None:
        self.pipeline = Pipeline(model=model, threads=threads, config=config)
        self.records = records
        self.columns = dict(
            text_column=text_column, id_column=id_column, published_column=published_column
        )
        self.schema = arrow_schema(records)

    def __call__(self, batch: pa.Table) -> pa.Table:
        out = [
            self.pipeline.extract_arrow(b, records=self.records, **self.columns)
            for b in batch.to_batches()
        ]
        return pa.Table.from_batches(out, schema=self.schema)


def read(paths: Any, **kwargs: Any) -> Any:
    """A Ray Dataset of documents from JSONL or Parquet files, read with no CPU of its own
    (``num_cpus=0``), so that actors holding every CPU of a small cluster cannot starve the
    read and wait for it forever."""
    import ray

    kwargs.setdefault("num_cpus", 0)
    first = paths if isinstance(paths, str) else list(paths)[0]
    if str(first).endswith(".parquet") or str(first).rstrip("/").endswith("parquet"):
        return ray.data.read_parquet(paths, **kwargs)
    return ray.data.read_json(paths, **kwargs)


def extract(
    ds: Any,
    concurrency: int = 1,
    threads_per_actor: int = 1,
    batch_size: int = 256,
    model: Optional[str] = None,
    records: str = "documents",
    **columns: str,
) -> Any:
    """``ds.map_batches(Extractor, …)`` on a pool of ``concurrency`` actors of
    ``threads_per_actor`` CPUs each; returns the dataset of document (or claim) rows. ``ds``
    is a Ray Dataset, or paths of JSONL or Parquet files (read by :func:`read`)."""
    import ray

    if isinstance(ds, (str, list, tuple)):
        ds = read(ds)
    return ds.map_batches(
        Extractor,
        fn_constructor_kwargs=dict(
            model=model, threads=threads_per_actor, records=records, **columns
        ),
        batch_format="pyarrow",
        batch_size=batch_size,
        # a fixed pool of actors (`concurrency=` is deprecated since Ray 2.51)
        compute=ray.data.ActorPoolStrategy(size=concurrency),
        num_cpus=threads_per_actor,
    )
