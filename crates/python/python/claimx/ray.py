"""Run claimx over a Ray Dataset: one pipeline per actor, Arrow batches in and out.

    import ray, claimx.ray
    ds = ray.data.read_parquet("s3://bucket/news/")            # or read_json for JSONL
    facts = claimx.ray.extract(ds, concurrency=8, threads_per_actor=2)
    facts.write_parquet("s3://bucket/facts/")

Each actor loads the pipeline (and its model) once and owns `threads_per_actor` CPUs; the
pipeline's worker pool is sized to match, so actors do not oversubscribe a node. When the
actors take every CPU of a small cluster, give the read no CPU of its own
(``read_json(..., num_cpus=0)``), or Ray Data waits for a CPU that never frees.
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


def extract(
    ds: Any,
    concurrency: int = 1,
    threads_per_actor: int = 1,
    batch_size: int = 256,
    model: Optional[str] = None,
    records: str = "documents",
    **columns: str,
) -> Any:
    """``ds.map_batches(Extractor, …)`` with ``concurrency`` actors of ``threads_per_actor``
    CPUs each; returns the dataset of document (or claim) rows."""
    return ds.map_batches(
        Extractor,
        fn_constructor_kwargs=dict(
            model=model, threads=threads_per_actor, records=records, **columns
        ),
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=threads_per_actor,
    )
