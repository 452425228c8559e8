"""claimx as a spaCy pipeline component: entities into ``doc.ents``, figures into
``doc.spans["figures"]``, claims into ``doc._.claims``, the whole record into ``doc._.claimx``.

    import spacy
    nlp = spacy.blank("de")                       # no model download: claimx brings its own
    nlp.add_pipe("claimx")                        # registered through the spacy_factories entry point
    doc = nlp("Laut Reuters hatte Amazon über 1.000 Mitarbeiter.")
    doc.ents                                      # (Reuters, Amazon)
    doc.spans["figures"]                          # [über 1.000]
    doc._.claims[0]["subject"], doc._.claims[0]["figure_span"]

Configuration (``nlp.add_pipe("claimx", config={...})``): ``model`` (``"default"``, ``"none"`` or a
model directory), ``threads``, ``published`` (an ISO date for relative dates, for every
document; per document, set ``doc._.published`` before the component runs). A document that
claimx cannot annotate keeps no entities and gets its error record in ``doc._.claimx_error``.
Spans are aligned to spaCy's tokens by expansion (``alignment_mode="expand"``); entities that
overlap after it are resolved as ``spacy.util.filter_spans`` does.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import Pipeline

for _name in ("claims", "claimx", "claimx_error", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ClaimxComponent:
    """The component ``nlp.add_pipe("claimx")`` adds."""

    def __init__(self, model: str = "default", threads: int = 1, published: Optional[str] = None):
        self.pipeline = Pipeline(model=model, threads=threads)
        self.published = published

    def _apply(self, doc: Doc, record: dict) -> Doc:
        if "error" in record:
            doc._.claimx_error = record["error"]
            return doc
        spans = lambda items, label: [  # noqa: E731
            s
            for s in (
                doc.char_span(i["start"], i["end"], label=i[label], alignment_mode="expand")
                for i in items
            )
            if s is not None
        ]
        doc.ents = filter_spans(spans(record["entities"], "type"))
        figures = spans(record["figures"], "type")
        doc.spans["figures"] = figures
        by_start = {(f["start"], f["end"]): i for i, f in enumerate(record["figures"])}
        claims = []
        for c in record["claims"]:
            claim = dict(c)
            for key in ("figure", "time"):
                i = c.get(key)
                f = record["figures"][i] if i is not None and i < len(record["figures"]) else None
                claim[f"{key}_span"] = (
                    doc.char_span(f["start"], f["end"], label=f["type"], alignment_mode="expand")
                    if f is not None and (f["start"], f["end"]) in by_start
                    else None
                )
            s = c["sentence"]
            claim["sentence_span"] = doc.char_span(s["start"], s["end"], alignment_mode="expand")
            claims.append(claim)
        doc._.claims = claims
        doc._.claimx = record
        return doc

    def _published(self, doc: Doc) -> Optional[str]:
        return doc._.published or self.published

    def __call__(self, doc: Doc) -> Doc:
        # the batch call answers with an error record where `extract` would raise
        return next(self._run([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Doc]) -> Iterator[Doc]:
        items = [
            {"id": str(i), "text": d.text, "published": self._published(d)} for i, d in enumerate(batch)
        ]
        for doc, record in zip(batch, self.pipeline.extract_batch(items)):
            yield self._apply(doc, record)


@Language.factory(
    "claimx",
    default_config={"model": "default", "threads": 1, "published": None},
)
def make_claimx(nlp: Any, name: str, model: str, threads: int, published: Optional[str]) -> ClaimxComponent:
    """The ``claimx`` factory for ``nlp.add_pipe``."""
    return ClaimxComponent(model=model, threads=threads, published=published)
