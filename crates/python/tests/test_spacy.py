"""claimx as a spaCy component on a blank pipeline (no model download): entities, figures and
claims on the spaCy Doc, through the registered factory, one document and nlp.pipe."""

import pytest

spacy = pytest.importorskip("spacy", reason="spacy is not installed; CI installs it")


def test_the_component_fills_ents_figures_and_claims():
    nlp = spacy.blank("de")
    # the factory comes from the spacy_factories entry point of the installed wheel
    nlp.add_pipe("claimx", config={"threads": 1, "published": "2025-07-24"})
    text = "Laut Reuters hatte Amazon am Donnerstag über 1.000 Mitarbeiter in Shanghai."
    doc = nlp(text)
    assert ("Amazon", "ORG") in [(e.text, e.label_) for e in doc.ents]
    figures = [(f.text, f.label_) for f in doc.spans["figures"]]
    assert ("über 1.000", "CARDINAL") in figures
    claim = next(c for c in doc._.claims if c["figure_span"] is not None and c["figure_span"].text == "über 1.000")
    assert claim["attribution"] == "Reuters"
    assert claim["sentence_span"].text == text
    assert doc._.claimx["published"]["date"] == "2025-07-24"
    docs = list(nlp.pipe([text, "Apple zahlte 3 Millionen Dollar.", ""], batch_size=2))
    assert [len(d.spans["figures"]) > 0 for d in docs] == [True, True, False]
    # an empty text is an empty record, not an error
    assert docs[2]._.claimx_error is None and docs[2]._.claimx["sentences"] == []


def test_a_document_claimx_cannot_annotate_keeps_its_error():
    nlp = spacy.blank("fr")
    nlp.add_pipe("claimx", config={"model": "none"})
    doc = nlp("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites très contestée.")
    assert doc._.claimx_error["kind"] == "unsupported_language"
    assert list(doc.ents) == [] and doc._.claims is None
