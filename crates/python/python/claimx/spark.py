"""Run claimx in Spark through the same Arrow entry point, with ``DataFrame.mapInArrow``.

    from claimx.spark import map_in_arrow, spark_schema
    news = spark.read.parquet("news/")                       # columns id, text, published
    facts = news.mapInArrow(map_in_arrow(threads=1), spark_schema())
    facts.write.parquet("facts/")

Spark has no unsigned integers: the rows ``map_in_arrow`` yields have the record schema with
every offset as ``int64`` (``spark_arrow_schema``), which ``spark_schema`` converts. The
executors must run a Python that has claimx installed: set ``PYSPARK_PYTHON`` (and
``PYSPARK_DRIVER_PYTHON``) to it before the session starts. Each Python worker builds the
pipeline once per partition iterator. Without Python on the executors, the CLI works through
``rdd.pipe("claimx extract --quiet -")`` on JSONL lines.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

import pyarrow as pa

from . import Pipeline, arrow_schema


def _signed(t: pa.DataType) -> pa.DataType:
    """The type with every unsigned integer widened to int64, at any depth."""
    if pa.types.is_unsigned_integer(t):
        return pa.int64()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        f = t.value_field
        item = pa.field(f.name, _signed(f.type), f.nullable)
        return pa.large_list(item) if pa.types.is_large_list(t) else pa.list_(item)
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _signed(f.type), f.nullable) for f in t])
    return t


def spark_arrow_schema(records: str = "documents") -> pa.Schema:
    """The record schema as Spark can take it: offsets and counts as ``int64``."""
    schema = arrow_schema(records)
    return pa.schema([pa.field(f.name, _signed(f.type), f.nullable) for f in schema])


def map_in_arrow(
    model: Optional[str] = None,
    threads: int = 1,
    records: str = "documents",
    **columns: str,
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function to pass to ``DataFrame.mapInArrow``; its batches have the schema of
    ``spark_arrow_schema(records)``."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pipeline = Pipeline(model=model, threads=threads)
        target = spark_arrow_schema(records)
        for batch in batches:
            out = pipeline.extract_arrow(batch, records=records, **columns)
            yield from pa.Table.from_batches([out]).cast(target).to_batches()

    return run


def spark_schema(records: str = "documents") -> Any:
    """The Spark schema (``StructType``) of the rows ``map_in_arrow`` yields."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(spark_arrow_schema(records))
