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

__all__ = [
    "DocumentError",
    "ModelError",
    "Pipeline",
    "__version__",
    "arrow_schema",
    "consolidate",
    "eval",
]
