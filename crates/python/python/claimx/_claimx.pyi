"""Type stubs for the claimx extension module."""

from os import PathLike
import datetime
from typing import overload, Any, Iterable, Iterator, Literal, Mapping, Optional, Union

import pyarrow

Record = dict[str, Any]
Records = Literal["documents", "claims"]

__version__: str

class DocumentError(ValueError):
    """A document could not be annotated."""

    id: str
    stage: str
    kind: str
    detail: str

class ModelError(RuntimeError):
    """The tagger model could not be loaded."""

class Pipeline:
    """The claimx pipeline.

    model: None or "default" (the embedded model), "none" (rules only, no entities), or a
    Hugging Face token-classification directory. threads: size of this pipeline's own
    worker pool (default: all cores). config: a PipelineConfig as a dict or JSON string
    (any stage's settings; `model` overrides its tagger model).
    """

    def __init__(
        self,
        model: Optional[Union[str, PathLike[str]]] = None,
        threads: Optional[int] = None,
        config: Optional[Union[str, Mapping[str, Any]]] = None,
    ) -> None: ...
    @property
    def threads(self) -> int: ...
    @property
    def model(self) -> str: ...
    def extract(
        self,
        text: str,
        id: Optional[str] = None,
        published: Optional[Union[str, datetime.date]] = None,
    ) -> Record:
        """Annotate one text; raises DocumentError when it cannot be annotated."""
    def extract_batch(
        self, docs: Iterable[Union[str, Mapping[str, Any]]], records: Records = "documents"
    ) -> list[Record]:
        """Annotate many documents with the GIL released: one record or error record each
        (an item that is not a document is an error record too), or with records="claims"
        one flat claim row per claim."""
    def pipe(
        self,
        docs: Iterable[Union[str, Mapping[str, Any]]],
        batch_size: int = 256,
        records: Records = "documents",
        batch_bytes: Optional[int] = None,
    ) -> Iterator[Record]:
        """Annotate lazily, batch_size documents at a time (as spaCy's nlp.pipe), fewer once
        their texts reach batch_bytes (default 4 MiB with a model, 64 MiB without): records
        in input order, error records in place; memory holds one batch."""
    @overload
    @property
    def model_info(self) -> Record:
        """The model and its licence from its card: {"model", "source", "license",
        "code_license", "card"}."""
    def extract_arrow(
        self,
        batch: pyarrow.RecordBatch,
        records: Records = "documents",
        text_column: str = "text",
        id_column: str = "id",
        published_column: str = "published",
    ) -> pyarrow.RecordBatch: ...
    @overload
    def extract_arrow(
        self,
        batch: pyarrow.Table,
        records: Records = "documents",
        text_column: str = "text",
        id_column: str = "id",
        published_column: str = "published",
    ) -> pyarrow.Table:
        """Annotate a RecordBatch or a Table (title, url, source columns are read when
        present); the same kind back, rows in the schema of arrow_schema(records)."""

def arrow_schema(records: Records = "documents") -> pyarrow.Schema: ...
def consolidate(
    rows: Union[str, PathLike[str], Iterable[Mapping[str, Any]]],
    aliases: Optional[Union[str, PathLike[str]]] = None,
    story_window_days: int = 7,
    story_threshold: float = 0.2,
    with_stories: bool = False,
    document_vectors: Optional[Mapping[str, Iterable[float]]] = None,
    text_weight: float = 0.5,
) -> Any:
    """Claims of several documents grouped into facts labelled agree / compatible / conflict,
    each within one story: a list of groups, or with with_stories=True a dict with
    "stories", "groups" and "failures". document_vectors (document id -> embedding of its
    text, any encoder, one width) adds text similarity to the names and dates that join
    documents into stories, weighted by text_weight."""

def eval(
    gold: Union[str, PathLike[str]],
    pred: Optional[Union[str, PathLike[str]]] = None,
    pipeline: Optional[Pipeline] = None,
) -> Record:
    """Scores against a gold folder, as `claimx eval --json`."""
