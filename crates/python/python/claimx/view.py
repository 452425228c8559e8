"""A light typed view of a record beside the dicts, and an HTML rendering of it.

>>> import claimx
>>> p = claimx.Pipeline(model="none")
>>> text = "Amazon hatte über 1.000 Mitarbeiter."
>>> doc = claimx.Doc(p.extract(text), text)
>>> [(f.text, f.label, f.value) for f in doc.figures]
[('über 1.000', 'CARDINAL', 1000.0)]
>>> doc.sents[0].text == text
True

Every span's ``start``/``end`` are code points, so ``doc.text[s.start:s.end] == s.text``.
``claimx.render(doc)`` returns one self-contained HTML page (no script) with the entities and
figures marked in the text, as spaCy's displaCy shows entities, and the claims in a table.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Span:
    """A piece of the text: a sentence, an entity or a figure."""

    text: str
    start: int
    end: int
    label: Optional[str] = None
    record: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def value(self) -> Any:
        """A figure's normalised value (None for other spans)."""
        return self.record.get("value")

    @property
    def unit(self) -> Optional[str]:
        return self.record.get("unit")

    @property
    def bound(self) -> Optional[str]:
        return self.record.get("bound")


@dataclass(frozen=True)
class Claim:
    """A claim: who/what, predicate, figure, time, attribution, with its sentence."""

    sentence: Span
    subject: Optional[str]
    predicate: Optional[str]
    figure: Optional[Span]
    time: Optional[Span]
    attribution: Optional[str]
    hedged: bool
    negated: bool
    confidence: float
    record: dict = field(default_factory=dict, repr=False, compare=False)


class Doc:
    """A record of ``Pipeline.extract`` with its text: ``.sents``, ``.ents``, ``.figures`` and
    ``.claims`` as typed spans over ``.text``. An error record raises ``ValueError``."""

    def __init__(self, record: dict, text: str) -> None:
        if "error" in record:
            e = record["error"]
            raise ValueError(f"document {record.get('id')!r}: {e.get('kind')}: {e.get('message')}")
        if record.get("char_len") not in (None, len(text)):
            raise ValueError(
                f"document {record.get('id')!r}: the record is of a text of {record['char_len']} "
                f"characters, this one has {len(text)}"
            )
        self.record = record
        self.text = text

    def _span(self, s: dict, label: Optional[str] = None, record: Optional[dict] = None) -> Span:
        start, end = s["start"], s["end"]
        return Span(self.text[start:end], start, end, label, record if record is not None else s)

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def lang(self) -> str:
        return self.record["lang"]

    @property
    def sents(self) -> list[Span]:
        return [
            self._span(s, "boilerplate" if s.get("boilerplate") else None)
            for s in self.record["sentences"]
        ]

    @property
    def ents(self) -> list[Span]:
        return [self._span(e, e["type"]) for e in self.record["entities"]]

    @property
    def figures(self) -> list[Span]:
        return [self._span(f, f["type"]) for f in self.record["figures"]]

    @property
    def claims(self) -> list[Claim]:
        figures = self.figures
        pick = lambda i: figures[i] if i is not None and 0 <= i < len(figures) else None  # noqa: E731
        return [
            Claim(
                sentence=self._span(c["sentence"], None, c),
                subject=c.get("subject"),
                predicate=c.get("predicate"),
                figure=pick(c.get("figure")),
                time=pick(c.get("time")),
                attribution=c.get("attribution"),
                hedged=bool(c.get("hedged")),
                negated=bool(c.get("negated")),
                confidence=float(c.get("confidence", 0.0)),
                record=c,
            )
            for c in self.record["claims"]
        ]

    def __repr__(self) -> str:
        return (
            f"Doc(id={self.id!r}, lang={self.lang!r}, sents={len(self.record['sentences'])}, "
            f"ents={len(self.record['entities'])}, figures={len(self.record['figures'])}, "
            f"claims={len(self.record['claims'])})"
        )


_COLOURS = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#ff9561",
    "MISC": "#c887fb",
}
_FIGURE = "#feca74"

_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:2.2}"
    "mark{padding:.2em .35em;border-radius:.35em;line-height:1}"
    "mark span{font-size:.7em;font-weight:bold;margin-left:.4em;text-transform:uppercase}"
    "table{border-collapse:collapse;width:100%;line-height:1.4;margin-top:1em}"
    "td,th{border:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}"
    "th{background:#f4f4f4}"
)


def _marked_text(doc: Doc) -> str:
    # entities and figures as displaCy marks them; where they overlap the earlier one wins
    spans = sorted(
        [(e.start, e.end, e.label, _COLOURS.get(e.label or "", "#ddd"), "entity") for e in doc.ents]
        + [(f.start, f.end, f.label, _FIGURE, "figure") for f in doc.figures]
    )
    out, at = [], 0
    for start, end, label, colour, kind in spans:
        if start < at:
            continue
        out.append(html.escape(doc.text[at:start]))
        out.append(
            f'<mark class="{kind}" style="background:{colour}" title="{html.escape(label or "")}">'
            f"{html.escape(doc.text[start:end])}<span>{html.escape(label or '')}</span></mark>"
        )
        at = end
    out.append(html.escape(doc.text[at:]))
    return "".join(out).replace("\n", "<br>\n")


def render(doc: Doc, page: bool = True) -> str:
    """The document as HTML: its text with entities and figures marked, then its claims.
    ``page=False`` gives the fragment to embed (a notebook's ``IPython.display.HTML``)."""
    rows = []
    for c in doc.claims:
        cells = [
            c.subject or "",
            c.predicate or "",
            c.figure.text if c.figure else "",
            c.time.text if c.time else "",
            c.attribution or "",
            "yes" if c.hedged else "",
            f"{c.confidence:.2f}",
        ]
        rows.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in ["subject", "predicate", "figure", "time", "attribution", "hedged", "confidence"]
    )
    body = (
        f'<div class="claimx" id="{html.escape(doc.id)}" lang="{html.escape(doc.lang)}">'
        f"<p>{_marked_text(doc)}</p>"
        f'<table class="claims"><tr>{head}</tr>{"".join(rows)}</table></div>'
    )
    if not page:
        return f"<style>{_STYLE}</style>{body}"
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        f"<title>claimx: {html.escape(doc.id)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )
