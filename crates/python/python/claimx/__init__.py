"""claimx: structured, checkable figures and claims from news text (de / en / zh).

>>> import claimx
>>> p = claimx.Pipeline()                       # the embedded default model, all cores
>>> doc = p.extract("Amazon hatte über 1.000 Mitarbeiter.", published="2025-07-24")
>>> doc["figures"][0]["value"], doc["figures"][0]["bound"]
(1000.0, 'gt')

Records are the dicts `claimx extract` writes as JSON lines (docs/schema.md); span offsets
are code points, so ``text[s["start"]:s["end"]]`` slices a Python ``str`` exactly.
"""

from ._claimx import (
    DocumentError,
    ModelError,
    Pipeline,
    __version__,
    arrow_schema,
    consolidate,
    eval,
)

from .view import Claim, Doc, Span, render


def extract_pandas(pipeline, frame, records="documents", **columns):
    """Annotate a pandas DataFrame (a text column, optional id / published / title / url /
    source columns) with ``pipeline.extract_arrow`` and return the rows as a DataFrame in the
    schema of ``arrow_schema(records)``."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame, preserve_index=False)
    return pipeline.extract_arrow(table, records=records, **columns).to_pandas()


__all__ = [
    "Claim",
    "Doc",
    "Span",
    "render",
    "extract_pandas",
    "DocumentError",
    "ModelError",
    "Pipeline",
    "__version__",
    "arrow_schema",
    "consolidate",
    "eval",
]
