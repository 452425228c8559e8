"""A real local Spark session: ``mapInArrow`` with claimx's function and schema over a small
dump, every id once, error rows in place. Needs ``pyspark`` and a Java runtime (17 or later);
without them the test is skipped, unless ``CLAIMX_REQUIRE_SPARK`` is set (as CI sets it)."""

import os
import shutil
import sys

import pytest

REQUIRED = bool(os.environ.get("CLAIMX_REQUIRE_SPARK"))


def _pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if REQUIRED:
            raise
        pytest.skip("pyspark is not installed; CI installs it")
    if shutil.which("java") is None:
        if REQUIRED:
            pytest.fail("CLAIMX_REQUIRE_SPARK is set but there is no java")
        pytest.skip("no Java runtime for Spark")


def test_map_in_arrow_on_a_local_spark_session_each_id_once():
    _pyspark()
    from pyspark.sql import SparkSession

    import claimx.spark

    # the executors' Python must be the one with claimx installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("claimx-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        rows = []
        for i in range(60):
            text = None if i % 20 == 19 else f"Amazon schließt sein Labor {i} in Shanghai. Es hatte über {i + 2}.000 Mitarbeiter."
            rows.append((f"d{i}", text, "2025-07-24"))
        news = spark.createDataFrame(rows, "id string, text string, published string").repartition(3)
        for records in ["documents", "claims"]:
            out = news.mapInArrow(
                claimx.spark.map_in_arrow(model="none", records=records),
                claimx.spark.spark_schema(records),
            ).collect()
            if records == "documents":
                ids = [r["id"] for r in out]
                assert sorted(ids) == sorted(f"d{i}" for i in range(60))
                assert {r["id"] for r in out if r["error_kind"]} == {"d19", "d39", "d59"}
                ok = next(r for r in out if r["id"] == "d0")
                figure = next(f for f in ok["figures"] if f["text"] == "über 2.000")
                assert figure["value"] == 2000.0 and figure["bound"] == "gt"
                # offsets arrive as Spark longs (Arrow int64), which Python reads as int
                assert isinstance(figure["byte_start"], int) and figure["byte_start"] > 0
            else:
                claims = {r["id"] for r in out if not r["error_kind"]}
                assert claims and claims <= {f"d{i}" for i in range(60) if i % 20 != 19}
                assert {r["id"] for r in out if r["error_kind"]} == {"d19", "d39", "d59"}
    finally:
        spark.stop()
