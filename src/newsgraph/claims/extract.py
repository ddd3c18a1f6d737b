"""Who said what: direct quotations and reported speech, each with its cue, its content span and a
speaker resolved to an actor.

Three passes over one parsed document. Reported speech comes from the parse (a reporting verb and its
clause, 'according to X', 'in X's view', 'X said:' followed by the rest of the paragraph). Quotations come
from the quote marks, so a quote may run over several sentences; a quote inside reported speech ('said
Afghans had "broken the shackles"') is part of that claim, not a claim of its own. Speakers are then
resolved in reading order, because 'he', 'the retired general' and 'the same source' point back to people
the article introduced or quoted before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import Mention, load_gazetteer
from newsgraph.actors.gazetteer import slug
from newsgraph.claims.records import Claim
from newsgraph.events.arguments import ActorIndex, actors_under, pronoun_actor, subject_heads
from newsgraph.geo import load_places
from newsgraph.nlp import doc_text, sentence_of
from newsgraph.records import short_hash

CUE_VERBS = {"say", "tell", "add", "warn", "argue", "believe", "contend", "claim", "suggest", "indicate", "note",
             "insist", "state", "announce", "report", "explain", "stress", "emphasise", "emphasize", "assert",
             "maintain", "predict", "acknowledge", "admit", "write", "think", "fear", "conclude", "reply",
             "respond", "point", "deny", "confirm", "allege", "vow", "pledge", "promise", "caution", "estimate",
             "reiterate", "observe", "remark", "declare", "testify", "recall", "complain", "concede", "agree",
             "threaten", "hint", "signal", "reveal", "accept", "doubt", "urge", "accuse"}
# Verbs that report what someone thinks, not what they said: claims only with a speaker and a clause.
MENTAL = {"believe", "think", "fear", "doubt", "accept", "agree", "reveal", "signal"}
OF_CUES = {"warn", "complain", "speak", "talk", "accuse"}  # 'warned of chaos', 'accused X of failing'
URGE_CUES = {"urge", "call", "press", "appeal"}  # 'urged Islamabad to reconsider'
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,8}\.? \d{1,2}(, \d{4})? (\([^)]*\) *)?[-–—] *")
INFINITIVE_CUES = {"claim", "vow", "pledge", "promise", "threaten", "deny"}  # 'claiming to target hideouts'
QUOTES = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]
QUOTE_CHARS = "“”\"«»„‘’'"
EDGE = " \t\n,.;:" + QUOTE_CHARS
ATTRIBUTION_REACH = 12  # tokens between a quotation and its 'he said'
VIEW_NOUNS = {"view", "opinion", "words", "assessment", "estimate", "account"}
# Descriptions that stand for a person the article introduced: 'the retired general' -> Naeem Khalid Lodhi.
DESCRIPTION_GROUPS = [
    {"reporter", "journalist", "correspondent", "writer", "author", "columnist", "editor"},
    {"analyst", "expert", "researcher", "scholar", "observer", "commentator", "academic", "professor", "fellow"},
    {"general", "officer", "commander", "colonel", "brigadier", "marshal", "lieutenant"},
    {"minister", "secretary", "ambassador", "envoy", "diplomat"},
    {"spokesman", "spokeswoman", "spokesperson"},
    {"president", "premier", "leader", "chief", "head"},
    {"lawmaker", "senator", "legislator", "representative", "mp"},
]
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
LOCAL_SECTORS = STATE_SECTORS | {"CVL", "BUS", "OPP"}  # speakers who belong to a country even when unsaid
INTRO_BEFORE, INTRO_AFTER = 6, 14  # tokens around a person's name that may describe them
# Nouns that carry what someone said: 'made the claim that ...', 'his warning that ...'.
CUE_NOUNS = {"claim", "warning", "statement", "assertion", "allegation", "assurance", "insistence", "argument",
             "belief", "view", "suggestion", "promise", "pledge", "threat", "accusation", "denial", "charge"}
# A written work speaks for its author: 'The article argues', 'the paper concludes'.
WORKS = {"article", "paper", "study", "analysis", "piece", "essay", "commentary", "book", "report", "column",
         "author"}
BYLINE = "<by>"
SAME_SOURCE = {"source", "speaker"}
PERSONAL = {"he", "she", "him", "her"}


@dataclass
class Draft:
    """A claim before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue_start: int
    cue_end: int
    cue: str
    speaker: Span | None  # None: an unnamed frame ('it is reported', 'reports suggest' keeps its subject)
    frame: bool = False


def find_claims(doc_id: str, sdoc: Doc, mentions: list[Mention]) -> list[Claim]:
    gaz = load_gazetteer()
    index = ActorIndex(mentions, sdoc, gaz.demonyms, gaz.country_names)
    quotes = quote_spans(doc_text(sdoc))
    drafts = reported(sdoc, quotes)
    drafts += quoted(sdoc, quotes, drafts)
    drafts = nested(trimmed(doc_text(sdoc), sorted(drafts, key=lambda d: d.start)))
    return resolve_all(doc_id, sdoc, drafts, index)


# --- finding quotations ---------------------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quote marks, paragraph by paragraph, so one stray mark
    cannot swallow the rest of the article."""
    spans = []
    offset = 0
    for paragraph in text.split("\n"):
        for opening, closing in QUOTES:
            pattern = re.escape(opening) + r"([^" + re.escape(opening + closing) + r"\n]+)" + re.escape(closing)
            for m in re.finditer(pattern, paragraph):
                spans.append((offset + m.start(1), offset + m.end(1)))
        offset += len(paragraph) + 1
    return sorted(set(spans))


def is_statement(text: str) -> bool:
    """A quotation someone said, not a scare quote ('“glorious” exit', 'for “not taking a stand”')."""
    words = text.split()
    return len(words) >= 6 or (len(words) >= 3 and text.rstrip()[-1:] in ",.?!")


def inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --- reported speech ------------------------------------------------------------------------------------------

def reported(sdoc: Doc, quotes: list[tuple[int, int]]) -> list[Draft]:
    drafts = []
    for token in sdoc:
        if inside(token.idx, token.idx + len(token), quotes):
            continue  # 'I believe' inside a quotation belongs to the quotation
        draft = None
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS:
            draft = verb_claim(token, quotes)
        elif token.lower_ in VIEW_NOUNS and token.head.lower_ == "in" and token.dep_ == "pobj":
            draft = view_claim(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            draft = noun_claim(token, quotes)
        elif token.lower_ == "according":
            draft = according_claim(token)
        if draft:
            drafts.append(draft)
    return drafts


def verb_claim(verb: Token, quotes) -> Draft | None:
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # 'has not said what it offered': nothing was claimed
    content, cue_end = reported_content(verb, lemma)
    if content is None:
        return None
    start, end = content
    if inside(start, end, quotes) or starts_quote(doc_text(verb.doc), start, end, quotes):
        return None  # a quotation: the quote pass attributes it
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    subjects = [] if passive else subject_heads(verb)
    if not subjects and (passive or lemma in MENTAL):
        if not passive:
            return None
        return Draft(start, end, False, verb.idx, cue_end, cue_text(verb, cue_end), None, frame=True)
    speaker = noun_phrase(subjects[0]) if subjects else None
    if speaker is None or inside(speaker.start_char, speaker.end_char, [(start, end)]):
        return None
    return Draft(start, end, False, verb.idx, cue_end, cue_text(verb, cue_end), speaker)


def noun_claim(noun: Token, quotes) -> Draft | None:
    """'Imran Khan made the claim that the Taliban are “normal civilians”': the noun's that-clause, said by
    the subject of the verb that governs the noun, or by the noun's owner ('his warning that')."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    start, end = clause_range(clause)
    if inside(start, end, quotes):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    subjects = [owner] if owner is not None else (subject_heads(noun.head) if noun.dep_ == "dobj" else [])
    if not subjects:
        return None
    return Draft(start, end, False, noun.idx, noun.idx + len(noun), noun.text, noun_phrase(subjects[0]))


def reported_content(verb: Token, lemma: str) -> tuple[tuple[int, int] | None, int]:
    """The clause a reporting verb reports, and where the cue ends ('warned of', 'pointed out')."""
    doc = verb.doc
    cue_end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            cue_end = child.idx + len(child)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return clause_range(clauses[0]), cue_end
    if lemma in OF_CUES:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about")):
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return clause_range(objects[0]), prep.idx + len(prep)
    if lemma in URGE_CUES:
        addressee = next((c for c in verb.children if c.dep_ == "dobj"), None)
        action = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if addressee is not None and action is not None:
            return (addressee.left_edge.idx, action.right_edge.idx + len(action.right_edge)), cue_end
        return None, cue_end
    if lemma in INFINITIVE_CUES:
        for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
            return clause_range(xcomp), cue_end
    after = next((t for t in doc[verb.i + 1:verb.i + 6] if t.text == ":"), None)
    if after is not None and after.i + 1 < len(doc):
        rest_end = doc_text(doc).find("\n", after.idx)
        return (doc[after.i + 1].idx, rest_end if rest_end > 0 else len(doc_text(doc))), cue_end
    return None, cue_end


def clause_range(head: Token) -> tuple[int, int]:
    tokens = list(head.subtree)
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].lower_ == "that"):
        tokens = tokens[1:]  # 'said that ...': 'that' is the cue's, not the claim's
    if not tokens:
        return head.idx, head.idx
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def starts_quote(text: str, start: int, end: int, quotes) -> bool:
    """Reported content that is one quotation from its first word: "He said: “...”"."""
    return any(s - 1 <= start <= s + 1 and e >= end - 2 for s, e in quotes)


def cue_text(verb: Token, cue_end: int) -> str:
    return doc_text(verb.doc)[verb.idx:cue_end]


def according_claim(token: Token) -> Draft | None:
    """'..., according to traders' and 'According to Pakistan's Foreign Office, ...'."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    sent = sentence_of(token)
    phrase_start, phrase_end = token.left_edge.idx, to.right_edge.idx + len(to.right_edge)
    before = (sent.start_char, phrase_start)
    after = (phrase_end, sent.end_char)
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    if end - start < 10:
        return None
    return Draft(start, end, False, token.idx, to.idx + len(to), "according to", noun_phrase(source))


def view_claim(token: Token) -> Draft | None:
    """'In Tahir Khan's view, ...' and 'in the view of analysts, ...'."""
    holder = next((c for c in token.children if c.dep_ == "poss"), None)
    if holder is None:
        of = next((c for c in token.children if c.lower_ == "of"), None)
        holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if holder is None:
        return None
    prep = token.head
    sent = sentence_of(token)
    phrase_end = prep.right_edge.idx + len(prep.right_edge)
    before, after = (sent.start_char, prep.idx), (phrase_end, sent.end_char)
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    return Draft(start, end, False, prep.idx, phrase_end, sent.text[prep.idx - sent.start_char:
                                                                     phrase_end - sent.start_char],
                 noun_phrase(holder))


def noun_phrase(head: Token) -> Span:
    """The speaker as written: the head with its left modifiers and name parts, not its appositions or
    relative clauses ('Tahir Khan, an expert on ..., said' -> 'Tahir Khan')."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "compound") and doc[end].head.i == head.i:
        end += 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "including") and child.i == end:
            end = child.right_edge.i + 1  # 'many in Pakistan's establishment'
            end = next((t.i for t in doc[child.i:end] if t.is_punct), end)  # not its relative clause
    return doc[start:end]


# --- quotations -----------------------------------------------------------------------------------------------

def quoted(sdoc: Doc, quotes: list[tuple[int, int]], reported_drafts: list[Draft]) -> list[Draft]:
    covered = [(d.start, d.end) for d in reported_drafts]
    drafts: list[Draft] = []
    for start, end in quotes:
        text = doc_text(sdoc)[start:end]
        if inside(start, end, covered) or not is_statement(text):
            continue
        cue = attribution(sdoc, start, end, quotes)
        if cue is not None:
            subjects = subject_heads(cue)
            speaker = noun_phrase(subjects[0]) if subjects else None
            if speaker is not None and not inside(speaker.start_char, speaker.end_char, quotes):
                drafts.append(Draft(start, end, True, cue.idx, cue.idx + len(cue), cue.text, speaker))
                continue
        previous = drafts[-1] if drafts else None
        if previous and same_or_next_paragraph(doc_text(sdoc), previous.end, start):
            # the second half of '“A,” he said. “B.”' and a quotation running on into the next paragraph
            drafts.append(Draft(start, end, True, previous.cue_start, previous.cue_end, previous.cue,
                                previous.speaker))
    return drafts


def attribution(sdoc: Doc, start: int, end: int, quotes) -> Token | None:
    """The reporting verb of a quotation: right after it ('...,” he said'), else right before it
    ('He also said: “...”'), in the same paragraph and outside any quotation."""
    first = sdoc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return None
    after = sdoc[first.end:min(len(sdoc), first.end + ATTRIBUTION_REACH)]
    before = sdoc[max(0, first.start - ATTRIBUTION_REACH):first.start]
    for window, order in ((after, list(after)), (before, list(reversed(before)))):
        for token in order:
            if "\n" in token.text or (token.is_punct and token.text in ".?!" and window is after
                                      and token.i > first.end + 1):
                break
            if (token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS
                    and not inside(token.idx, token.idx + len(token), quotes)):
                return token
    return None


def same_or_next_paragraph(text: str, previous_end: int, start: int) -> bool:
    return text.count("\n", previous_end, start) <= 2 and start - previous_end < 400


def trimmed(text: str, drafts: list[Draft]) -> list[Draft]:
    """Content without edge punctuation and quote marks; one claim per content span."""
    seen, kept = set(), []
    for d in drafts:
        dateline = DATELINE.match(text[d.start:d.end])
        d.start += dateline.end() if dateline else 0
        while d.start < d.end and text[d.start] in EDGE and not opens_quote(text, d.start, d.end):
            d.start += 1
        while d.end > d.start and text[d.end - 1] in EDGE and not closes_quote(text, d.start, d.end - 1):
            d.end -= 1
        d.end = closed_quote(text, d.start, d.end)
        if d.end - d.start >= 3 and (d.start, d.end) not in seen:
            seen.add((d.start, d.end))
            kept.append(d)
    return kept


def closed_quote(text: str, start: int, end: int) -> int:
    """Take in the closing mark of a quotation the content opened: '... but rather “normal civilians.”'."""
    content = text[start:end]
    for opening, closing in QUOTES:
        if opening != closing and content.count(opening) > content.count(closing):
            at = text.find(closing, end, end + 3)
            if at >= 0:
                return at + 1
    return end


def opens_quote(text: str, start: int, end: int) -> bool:
    """A mark at the start whose closing mark is inside the content stays: '“radicalism” will not be'."""
    pair = next((c for o, c in QUOTES if o == text[start]), None)
    return pair is not None and pair in text[start + 1:end]


def closes_quote(text: str, start: int, at: int) -> bool:
    pair = next((o for o, c in QUOTES if c == text[at]), None)
    return pair is not None and pair in text[start:at]


def nested(drafts: list[Draft]) -> list[Draft]:
    """A report inside another claim ('said that he did not believe the Taliban would ...') is part of it."""
    return [d for d in drafts if not any(o is not d and o.start <= d.cue_start < o.end for o in drafts)]


# --- speakers -------------------------------------------------------------------------------------------------

def resolve_all(doc_id: str, sdoc: Doc, drafts: list[Draft], index: ActorIndex) -> list[Claim]:
    claims: list[Claim] = []
    intros = introductions(sdoc, index)
    for d in drafts:
        actor, how = resolve_speaker(d, claims, index, intros)
        speaker = d.speaker.text if d.speaker is not None else doc_text(sdoc)[d.cue_start:d.cue_end]
        about = []
        for m in index.mentions:
            if d.start <= m.start < d.end and m.actor_id not in about:
                about.append(m.actor_id)
        confidence = (0.9 if d.direct else 0.8) - (0.2 if how else 0.0) - (0.2 if actor is None else 0.0)
        claims.append(Claim(
            claim_id=short_hash(doc_id, str(d.start), str(d.end), str(d.cue_start)), doc_id=doc_id,
            speaker=speaker, speaker_actor=actor, cue=d.cue, content=doc_text(sdoc)[d.start:d.end], start=d.start,
            end=d.end, direct=d.direct, about=about, cue_start=d.cue_start, cue_end=d.cue_end,
            speaker_start=d.speaker.start_char if d.speaker is not None else None,
            speaker_end=d.speaker.end_char if d.speaker is not None else None,
            confidence=round(confidence, 2), notes=[how] if how else []))
    return claims


def resolve_speaker(d: Draft, earlier: list[Claim], index: ActorIndex, intros) -> tuple[str | None, str]:
    """(actor id, how it was inferred; '' when the text names the speaker)."""
    if d.speaker is None:
        return None, ""
    head = d.speaker.root
    if head.lower_ in PERSONAL:
        return last_speaker(head.idx, earlier, index), "pronoun"
    if head.pos_ == "PRON":
        arg = pronoun_actor(head, index)
        return (arg.actor_id if arg else None), "pronoun"
    for appos in (c for c in head.children if c.dep_ == "appos"):
        named = [a for a in actors_under(appos, index) if a.mention is not None and a.mention.kind == "person"]
        if named:  # "Pakistan's leader, Prime Minister Imran Khan, made the claim"
            return named[0].actor_id, ""
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in ("the", "this", "that") for c in head.children)
    if definite and lemma in SAME_SOURCE and earlier:
        return earlier[-1].speaker_actor, "same source"
    if definite and head.tag_ not in ("NNP", "NNPS"):
        person = described_person(lemma, head.idx, intros, BYLINE) if lemma in WORKS else None
        person = person or described_person(lemma, head.idx, intros)
        if person:
            return person, "description"
    if index.at(head) is None and looks_like_person(d.speaker, index):
        # a speaker the actor stage did not know ('Haroon Masud, a former diplomat') is still a person
        return f"PER:{slug(d.speaker.text)}", "name"
    found = actors_under(head, index)
    if not found:
        return None, ""
    actor = found[0]
    if actor.actor_id in index.countries.values():
        return f"{actor.actor_id}.GOV", ""  # 'Pakistan said' is its government speaking
    sector = actor.mention.sector if actor.mention is not None else None
    if sector in LOCAL_SECTORS and not actor.mention.country and "." not in actor.actor_id \
            and ":" not in actor.actor_id:
        # 'officials' are some state's officials; 'analysts' with no country stay just analysts
        country = speaker_country(d.speaker, (d.start, d.end), index)
        if country:
            return f"{country}.{sector}", "country from context"
    return actor.actor_id, ""


def looks_like_person(speaker: Span, index: ActorIndex) -> bool:
    """A name as speaker: capitalised proper nouns only, two or more, or one with a description
    ('Shafiqullah, a 45-year-old shopkeeper'), and not a country or its capital."""
    words = [t for t in speaker if not t.is_punct]
    if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return False
    if any(index.state_word(t) or t.ent_type_ == "GPE" for t in words):
        return False
    return len(words) >= 2 or any(c.dep_ == "appos" for c in speaker.root.children)


def speaker_country(speaker: Span, content: tuple[int, int], index: ActorIndex) -> str | None:
    """The state whose 'officials' speak: a state word or place in the speaker's phrase ('officials in
    Pakistan', 'officials in Khyber'), else earlier in the sentence ('At the Pakistani parliament, MPs warned'), else the state the text
    named last, else the one it names most often."""
    places = load_places()
    for token in speaker:
        place = places.get(token.text) if token.pos_ == "PROPN" else None
        if place and place.country:
            return place.country  # 'officials in Khyber district'
    sent = sentence_of(speaker)
    for token in [*speaker, *reversed(sent[:speaker.start - sent.start])]:
        state = index.state_word(token) if token.tag_ not in ("NNS", "NNPS") else None
        if state and not inside(token.idx, token.idx + 1, [content]):
            return state
    before = [m for m in index.mentions if m.country and (m.sector or "GOV") in STATE_SECTORS
              and m.start < speaker.start_char and not inside(m.start, m.end, [content])]
    if before:
        return before[-1].country
    counts: dict[str, int] = {}
    for m in index.mentions:
        if m.country and (m.sector or "GOV") in STATE_SECTORS:
            counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def last_speaker(before: int, earlier: list[Claim], index: ActorIndex) -> str | None:
    """'he' is the latest person named as a subject outside what others are quoted as saying, or the
    latest single speaker quoted before ('A senior police officer told the Post ... “...,” he said')."""
    contents = [(c.start, c.end) for c in earlier]
    doc = index.sentences[0].doc if index.sentences else None
    candidates = [(m.start, m.actor_id) for m in index.mentions
                  if m.kind == "person" and m.end <= before and not inside(m.start, m.end, contents)
                  and doc is not None and is_subject(doc, m)]
    candidates += [(c.speaker_start, c.speaker_actor) for c in earlier
                   if c.speaker_actor and c.speaker_start is not None and singular(doc, c)]
    candidates = [c for c in candidates if c[0] < before]
    return max(candidates)[1] if candidates else None


def is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None else None
    while root is not None and root.dep_ in ("compound", "flat", "appos"):
        root = root.head
    return root is not None and root.dep_ in ("nsubj", "nsubjpass", "ROOT", "attr")


def singular(doc: Doc, claim: Claim) -> bool:
    span = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand") if doc else None
    return span is not None and span.root.tag_ in ("NN", "NNP") and span.root.lower_ not in ("he", "she")


def introductions(sdoc: Doc, index: ActorIndex) -> list[tuple[int, str, set[str]]]:
    """(position, person, words around the mention) for each person mention: 'Naeem Khalid Lodhi, a
    retired lieutenant general and former defense minister' gives {general, minister, ...}; the words
    before the name count too ('Pakistani journalist and researcher Zia Rahman')."""
    found = []
    for m in index.mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "person" else None
        if span is None:
            continue
        sent = sentence_of(span)
        window = sdoc[max(sent.start, span.start - INTRO_BEFORE):min(sent.end, span.end + INTRO_AFTER)]
        words = {t.lemma_.lower() for t in window}
        if span.start > 0 and sdoc[span.start - 1].lower_ == "by":
            words.add(BYLINE)  # '... for RUSI, by Masom Jan Masomy': the author of the piece
        found.append((m.start, m.actor_id, words))
    return found


def described_person(lemma: str, before: int, intros, marker: str | None = None) -> str | None:
    """The latest person introduced with words of the description's kind (or with `marker`)."""
    group = {marker} if marker else next((g for g in DESCRIPTION_GROUPS if lemma in g), None)
    if group is None:
        return None
    for position, person, words in reversed(intros):
        if position < before and words & group:
            return person
    return None
