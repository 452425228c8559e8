"""Run claimx in Spark through the same Arrow entry point, with ``DataFrame.mapInArrow``.

    from claimx.spark import map_in_arrow, spark_schema
    news = spark.read.parquet("news/")                       # columns id, text, published
    facts = news.mapInArrow(map_in_arrow(threads=1), spark_schema())
    facts.write.parquet("facts/")

Each Python worker builds the pipeline once per partition iterator. Without Python on the
executors, the CLI works through ``rdd.pipe("claimx extract --quiet -")`` on JSONL lines.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

import pyarrow as pa

from . import Pipeline, arrow_schema


def map_in_arrow(
    model: Optional[str] = None,
    threads: int = 1,
    records: str = "documents",
    **columns: str,
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function to pass to ``DataFrame.mapInArrow``."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pipeline = Pipeline(model=model, threads=threads)
        for batch in batches:
            yield pipeline.extract_arrow(batch, records=records, **columns)

    return run


def spark_schema(records: str = "documents") -> Any:
    """The Spark schema (``StructType``) of the rows ``map_in_arrow`` yields."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema(records))
