"""Each event's own date: its sentence's time expression, the act it continues, its paragraph's date, the
story's date for a headline, or the publication date; and restatements linked to their first telling.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.events.context import Context
from newsgraph.events.parties import code_key
from newsgraph.events.records import Event
from newsgraph.events.words import word_class
from newsgraph.time.relative import iso_at, parse_published


PUBLICATION_DATE = "date from publication"
# Cheap test for a time expression, before parsing the dates of a sentence that tells no event.
DATE_HINT = re.compile(r"\b(?:1[89]\d\d|20\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|ago|last|next)\w*", re.I)
FACTUAL = {"asserted", "reported"}


def date_headlines(events: list[Event], first: Span | None) -> None:
    """A headline tells, undated, an act the story then dates ('Taliban warn Pakistan after deadly airstrikes'
    ... 'Airstrikes before dawn on Saturday hit ...'): it takes the date of the first later telling of the
    same act between the same countries."""
    if first is None:
        return
    for e in (e for e in events if e.start == first.start_char and PUBLICATION_DATE in e.notes):
        later = next((x for x in events if x.start > e.start and x.type == e.type and x.date
                      and PUBLICATION_DATE not in x.notes and same_countries(x, e)), None)
        if later is not None:
            e.date, e.date_precision = later.date, later.date_precision
            e.notes = [n for n in e.notes if n != PUBLICATION_DATE] + ["date from the story"]


def same_countries(a: Event, b: Event) -> bool:
    return (code_key(a.source_code)[0] == code_key(b.source_code)[0]
            and code_key(a.target_code)[0] == code_key(b.target_code)[0])


def event_date(token: Token, sent: Span, ctx: Context, earlier: Event | None = None) -> tuple[str | None, str | None]:
    """The time expression nearest the trigger in its sentence; else the date of the event it continues
    ('the strikes had hit homes'), or the date its paragraph last gave; else the publication date. An
    action in the past perfect with none of those happened some time before: its date is unknown."""
    origin = date_source(token, ctx, earlier)
    if origin == "sentence":
        offset = token.idx - sent.start_char
        best = min(own_whens(token, sent, ctx.whens),
                   key=lambda w: min(abs(w.start - offset), abs(w.end - offset)))
        return best.iso, best.precision
    if origin == "earlier event":
        return earlier.date, earlier.date_precision
    if origin == "paragraph":
        return ctx.narrative
    if origin == "unknown":
        return None, None
    pub, precision = parse_published(ctx.published)
    return (iso_at(pub, precision), precision) if pub else (None, None)


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis"}


def clause_of(token: Token) -> Token:
    """The head of the clause a word is in: the nearest verb at or above it."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def own_whens(token: Token, sent: Span, whens: list) -> list:
    """The sentence's dates not shut away in a clause of their own that the trigger is not in ('Pakistan
    would close the crossings, as it did last year': 'last year' dates the earlier closure only)."""
    mine = clause_of(token)
    kept = []
    for w in whens:
        span = sent.char_span(w.start, w.end, alignment_mode="expand")
        clause = clause_of(span.root) if span is not None else mine
        foreign = clause.i != mine.i and clause.dep_ in SUBORDINATE and mine not in clause.subtree
        if not foreign and not is_boundary(span):
            kept.append(w)
    return kept


BOUNDARY_PREPS = word_class("boundary_preps")


def is_boundary(span: Span | None) -> bool:
    """'their first direct talks since 2022', 'held their first meeting since 2019': a date that bounds a
    stretch of time is not when the act happened; an act in the perfect that runs from it is ('has deported
    refugees since 2023')."""
    if span is None:
        return False
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in BOUNDARY_PREPS:
        return False
    holder = prep.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in holder.children)
    return holder.pos_ in ("NOUN", "PROPN", "ADJ") or not perfect


def date_source(token: Token, ctx: Context, earlier: Event | None) -> str:
    if ctx.whens and own_whens(token, ctx.index.sentence(token), ctx.whens):
        return "sentence"
    if earlier is not None and earlier.date and PUBLICATION_DATE not in earlier.notes:
        return "earlier event"
    if ctx.narrative and is_past(token):
        return "paragraph"  # a past act in a paragraph that gave its date ('Airstrikes on Tuesday hit ...')
    return "unknown" if is_past_perfect(token) else "publication"


def is_past(token: Token) -> bool:
    """Told in the past tense: present-tense sentences ('Kabul rejects responsibility') speak of now."""
    verb = clause_of(token)
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if helpers & {"have", "has", "'ve"}:
        return False  # present perfect: 'have resisted pressure' runs up to now
    return verb.tag_ == "VBD" or bool(helpers & {"had", "was", "were"})


def paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\n\s*\n", text)]


def is_past_perfect(token: Token) -> bool:
    verb = token if token.pos_ == "VERB" else token.head
    return verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children if c.dep_ == "aux")


def link_repeats(events: list[Event]) -> None:
    """A later sentence restating an event (a summary, a pull-quote) points to its first mention."""
    first: dict[tuple, list[Event]] = {}
    for e in events:
        key = (e.type, e.source, e.target, e.status in FACTUAL or e.status)
        earlier = next((x for x in first.get(key, []) if x.start != e.start and dates_agree(x, e)), None)
        if earlier:
            e.repeat_of = earlier.event_id
        else:
            first.setdefault(key, []).append(e)


def dates_agree(a: Event, b: Event) -> bool:
    """Same or nested dates; a date that only echoes the publication date agrees with any date of the same
    year ('in 2021' in an article of 2022 tells an older act, not the same one)."""
    if not a.date or not b.date:
        return True
    if PUBLICATION_DATE in a.notes or PUBLICATION_DATE in b.notes:
        return a.date[:4] == b.date[:4]
    return a.date.startswith(b.date) or b.date.startswith(a.date)
