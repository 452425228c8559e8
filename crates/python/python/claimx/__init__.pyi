from ._claimx import (
    DocumentError as DocumentError,
    ModelError as ModelError,
    Pipeline as Pipeline,
    __version__ as __version__,
    arrow_schema as arrow_schema,
    consolidate as consolidate,
    eval as eval,
)
from typing import Any

from .view import Claim as Claim, Doc as Doc, Span as Span, render as render

def extract_pandas(pipeline: Pipeline, frame: Any, records: str = "documents", **columns: str) -> Any:
    """Annotate a pandas DataFrame; the rows as a DataFrame in the schema of arrow_schema(records)."""
