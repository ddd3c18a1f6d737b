"""Who said what: direct quotations and reported speech, each with its cue, its content span and a
speaker resolved to an actor.

Three passes over one parsed document. Reported speech comes from the parse (a reporting verb and its
clause, 'according to X', 'in X's view', 'X said:' followed by the rest of the paragraph). Quotations come
from the quote marks, so a quote may run over several sentences; a quote inside reported speech ('said
voters had "lost patience"') is part of that claim, not a claim of its own. Speakers are then
resolved in reading order, because 'she', 'the retired colonel' and 'the same source' point back to people
the article introduced or quoted before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import Mention, load_gazetteer
from newsgraph.actors.gazetteer import slug
from newsgraph.claims.cues import PREPOSITION_FRAMES, load_cues, load_speaker_words
from newsgraph.claims.records import Claim
from newsgraph.events.arguments import ActorIndex, actors_under, by_agent, pronoun_actor, subject_heads
from newsgraph.geo import load_places
from newsgraph.nlp import DATELINE, doc_text, sentence_of, sentences
from newsgraph.records import short_hash

QUOTES = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]
QUOTE_CHARS = "“”\"«»„‘’'"
# A pair of marks around a quotation. A straight mark opens only after a space or the paragraph's start, so
# the closing mark of '“...," she said, adding "..."' cannot open a quotation that swallows the attribution;
# a curly opening closed by a straight mark (“...") is a slip of copy editing, still a quotation.
QUOTE_PATTERNS = [re.compile(re.escape(o) + r"([^" + re.escape(o + c) + r"\n]+)" + re.escape(c))
                  for o, c in QUOTES if o != c] + [
    re.compile(r'(?:^|(?<=[\s(\[—–-]))"([^"\n]+)"'),
    re.compile(r'“([^“”"\n]+)"(?!\w)')]
DOUBLED_QUOTE = re.compile(r"(?<!\w)''(?!')(.+?)(?<!')''(?!\w)")  # the two-apostrophe marks of some archives
EDGE = " \t\n,.;:" + QUOTE_CHARS
ATTRIBUTION_REACH = 30  # tokens between a quotation and its 'he said' (the sentence end stops it sooner):
# '“...,” Ana Ruiz, the attorney general of a state that is suing the agency, said'
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
LOCAL_SECTORS = STATE_SECTORS | {"CVL", "BUS", "OPP"}  # speakers who belong to a country even when unsaid
INTRO_BEFORE, INTRO_AFTER = 6, 14  # tokens around a person's name that may describe them
BYLINE = "<by>"
SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson")
TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "at", "by"}


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
    drafts = reported(sdoc, quotes, index)
    drafts += quoted(sdoc, quotes, drafts)
    drafts = nested(trimmed(doc_text(sdoc), sorted(drafts, key=lambda d: d.start)))
    return resolve_all(doc_id, sdoc, drafts, index)


# --- finding quotations ---------------------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quote marks, paragraph by paragraph, so one stray mark
    cannot swallow the rest of the article."""
    spans = []
    offset = 0
    paragraphs = text.split("\n")
    for k, paragraph in enumerate(paragraphs):
        following = next((p.strip() for p in paragraphs[k + 1:] if p.strip()), "")
        run_on = running_on(paragraph, following)
        if run_on is not None:
            spans.append((offset + run_on, offset + len(paragraph.rstrip())))
        for pattern in QUOTE_PATTERNS:
            for m in pattern.finditer(paragraph):
                spans.append((offset + m.start(1), offset + m.end(1)))
        for m in DOUBLED_QUOTE.finditer(paragraph):
            spans.append((offset + m.start(1), offset + m.end(1)))
        offset += len(paragraph) + 1
    return sorted(set(spans))


def running_on(paragraph: str, following: str) -> int | None:
    """Where a quotation that runs on into the next paragraph starts: the convention leaves the closing mark
    off a paragraph whose quotation the next paragraph continues with a new opening mark."""
    for opening, closing in QUOTES[:2]:
        unclosed = paragraph.count(opening) > paragraph.count(closing) if opening != closing \
            else paragraph.count(opening) % 2 == 1
        if unclosed and following.startswith(opening):
            return paragraph.rfind(opening) + 1
    return None


def is_statement(text: str) -> bool:
    """A quotation someone said, not a scare quote ('“glorious” exit', 'for “not taking a stand”')."""
    words = text.split()
    titled = all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words)  # a show or book: '“Fox and Friends.”'
    return len(words) >= 6 or (len(words) >= 3 and text.rstrip()[-1:] in ",.?!" and not titled)


def inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --- reported speech ------------------------------------------------------------------------------------------

def reported(sdoc: Doc, quotes: list[tuple[int, int]], index: ActorIndex) -> list[Draft]:
    cues = load_cues()
    drafts: list[Draft | None] = []
    for token in sdoc:
        if inside(token.idx, token.idx + len(token), quotes):
            continue  # 'I believe' inside a quotation belongs to the quotation
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and cues.verb(token) in cues.verbs:
            drafts += verb_claims(token, quotes, cues, index)
        elif token.lower_ in cues.adjectives:
            drafts.append(adjective_claim(token, quotes, index))
        elif token.lower_ in cues.view_nouns and token.head.lower_ == "in" and token.dep_ == "pobj":
            drafts.append(view_claim(token))
        elif token.pos_ == "NOUN" and lemma in cues.nouns:
            drafts.append(noun_claim(token, quotes))
        if token.pos_ == "NOUN" and lemma in cues.topic_nouns:
            drafts.append(topic_noun_claim(token, cues.topic_nouns[lemma], quotes, index))
        elif any(phrase_at(token, phrase) for phrase in cues.phrases):
            drafts.append(phrase_claim(token, next(p for p in cues.phrases if phrase_at(token, p)), index))
    drafts += headline_claims(sdoc, cues, index)
    return [d for d in drafts if d is not None]


def verb_claims(verb: Token, quotes, cues, index: ActorIndex) -> list[Draft]:
    """The claim(s) a cue verb carries, in the first of its frames the parse fills: a clause ('said the
    talks failed'), an infinitive ('vowed to retaliate'), a preposition's object ('warned of famine'), the
    direct object ('condemned the attack'). Two claims when the cue splits its clause ('The plan, she said,
    will fail')."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # 'has not said what it offered': nothing was claimed
    frames = cues.frames(cues.verb(verb))
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not passive and not as_aside(verb):
        return []  # 'Asked what would happen, he said ...': the one asked, not the asker, follows
    subjects = by_agent(verb) if passive else subject_heads(verb)  # 'was endorsed by dozens of papers'
    if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subjects = subject_heads(verb.head)  # 'analysts said ..., citing ...': the analysts cite
    if verb.dep_ == "conj" and not has_subject(verb) and verb.head.dep_ == "ccomp" and \
            verb.head.head.lemma_.lower() in cues.verbs:
        subjects = subject_heads(verb.head.head)  # 'The army said 23 died and claimed that ...'
    speaker = noun_phrase(subjects[0]) if subjects else None
    if speaker is not None and inside(speaker.start_char, speaker.end_char, quotes):
        return []  # a subject inside a quotation is a misparse ('“...,” Ruiz said on “Fox and Friends”')
    for frame, content_of in FRAMES:
        if frame not in frames:
            continue
        found = content_of(verb, frame)
        if found is None:
            continue
        ranges, cue_end = found
        if speaker is None and not (passive and frame != "to"):
            return []  # a frame without a speaker is only the impersonal 'it is reported that', 'was accused of'
        if speaker is not None and frames[frame] == "speaker" and not speaks(speaker, index):
            continue
        drafts = []
        for start, end in ranges:
            start, end = outside_cue(start, end, verb, speaker)
            text = doc_text(verb.doc)
            while start < end and text[start] in " \t\n,;:—–-":
                start += 1
            opening = start + 5 if text[start:start + 5].lower() == "that " else start  # 'said that “...”'
            quotation = inside(opening, end, quotes) or starts_quote(text, opening, end, quotes)
            if end - start < 2 or quotation and "\n" not in text[cue_end:start]:
                continue  # a quotation in the cue's paragraph: the quote pass attributes it
            drafts.append(Draft(start, end, quotation, verb.idx, cue_end, cue_text(verb, cue_end), speaker,
                                frame=speaker is None))
        return drafts
    return []


def clause_content(verb: Token, frame: str):
    """'said (that) X', 'said X, and Y' (a coordinated clause with its own subject reports on), 'said: X',
    and the clause a parenthetical cue interrupts ('The plan, she said, will fail')."""
    doc = verb.doc
    cue_end = particle_end(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        start, end = clause_range(clauses[0])
        for conj in (c for c in verb.children if c.dep_ in ("conj", "ccomp") and c.i > clauses[0].i):
            # 'said X, and Y' (a coordinated clause with its own subject), and the second half of one clause
            # the parse hangs on the cue as a clause of its own ('said Trump has respect for the military and
            # his comment was an expression of frustration')
            contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.children
                           if clauses[0].i < c.i < conj.i)  # '..., but polls are no measure of votes'
            if has_subject(conj) and not contrast and conj.lemma_.lower() not in load_cues().verbs:
                end = max(end, clause_range(conj)[1])
        return [(start, end)], cue_end
    after = next((t for t in doc[verb.i + 1:verb.i + 6] if t.text == ":"), None)
    if after is not None:
        return [colon_rest(doc, after)], cue_end
    head = verb.head
    if head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("dobj", "xcomp") for c in verb.children) and (
            verb.dep_ in ("parataxis", "ccomp") and head.left_edge.i < verb.left_edge.i and set_off(verb)
            or as_aside(verb)):
        cut_start, cut_end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        after = (cut_end, head.right_edge.idx + len(head.right_edge))
        # what precedes the cue is the claim's, the subject ('The plan, she said, ...') or a setting ('In the
        # north, he concluded, ...'): the cue interrupts one clause
        before = [(head.left_edge.idx, cut_start)] if head.left_edge.i < verb.left_edge.i else []
        return before + [after], cue_end
    return None


def as_aside(verb: Token) -> bool:
    """'As experts have pointed out, the levy is legal' and 'The levy, as she noted, is legal': an 'as' clause
    ahead of the clause it vouches for."""
    return verb.dep_ == "advcl" and verb.i < verb.head.i and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def set_off(verb: Token) -> bool:
    """A cue set off by commas or dashes inside the clause it reports: 'The plan, she said, will fail' (the
    parse may hang those commas on the cue itself)."""
    doc = verb.doc
    left, right = verb.left_edge, verb.right_edge
    before = left if left.is_punct and left.i < verb.i else (doc[left.i - 1] if left.i > 0 else None)
    after = right if right.is_punct and right.i > verb.i else (doc[right.i + 1] if right.i + 1 < len(doc) else None)
    return before is not None and before.text in ",—–-" and (after is None or after.is_punct)


def colon_rest(doc: Doc, colon: Token) -> tuple[int, int]:
    """What follows a colon to the end of its paragraph, or the next paragraph when the colon ends one
    ('He continued:' then the quotation)."""
    text = doc_text(doc)
    start = colon.idx + 1
    end = text.find("\n", start)
    if end < 0:
        return start, len(text)
    if not text[start:end].strip():
        start = len(text) - len(text[end:].lstrip())
        end = text.find("\n", start)
    return start, end if end > 0 else len(text)


def infinitive_content(verb: Token, frame: str):
    """'vowed to retake the airport'; 'urged both sides to return to talks' (the addressee included)."""
    action = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                   and any(a.lower_ == "to" for a in c.children)), None)
    if action is None or any(c.dep_ == "auxpass" for c in action.children):
        return None  # 'asked not to be named' is about the speaker, not a claim
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < action.i), None)
    if addressee is None:
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i < action.i), None)
        addressee = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    first = addressee.left_edge if addressee is not None else action
    start, end = clause_range(action)
    return [(min(start, first.idx), same_form_end(verb, action, end))], particle_end(verb)


def same_form_end(verb: Token, action: Token, end: int) -> int:
    """A verb of the content's own form coordinated after it continues the content, though the parse hangs it
    on the cue: 'wants to triple the programme, grow the corps and create a reserve' (base forms after 'to'),
    'mentioned refinancing loans and forcing universities to pay' (gerunds); a finite verb ('vowed to fight
    and left') is the speaker's own next act."""
    for conj in (c for c in verb.children if c.dep_ in ("conj", "dep") and c.i > action.i
                 and same_form(c, action, verb) and not has_subject(c)):
        end = max(end, clause_range(conj)[1])
    return end


def same_form(conj: Token, action: Token, verb: Token) -> bool:
    """'exceed' after 'promised to meet and' is a base form though tagged present: a present form cannot
    agree with a cue in the past or the third person ('promised', 'wants')."""
    return conj.tag_ == action.tag_ or action.tag_ == "VB" and conj.tag_ == "VBP" and verb.tag_ in ("VBD", "VBZ", "VBN")


def preposition_content(verb: Token, frame: str):
    """'warned of famine', 'called for an inquiry', 'ruled against the licence'."""
    preposition = frame.split()[0]  # 'to X' is the preposition 'to', not the infinitive
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition and c.i > verb.i):
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
        if objects:
            start, end = clause_range(objects[0])
            for more in (c for c in verb.children if c.i > prep.i and c.dep_ in ("prep", "advcl") and not timed(c)):
                end = max(end, more.right_edge.idx + len(more.right_edge))  # 'warned of famine if the rains fail'
            return [(start, end)], prep.idx + len(prep)
    return for_to_clause(verb, preposition)


def for_to_clause(verb: Token, preposition: str):
    """'called for the prisoners to be released', 'pushed for compensation to be clawed back': a clause with
    its own subject after the preposition, which the parse hangs on the cue (the preposition its marker, or
    left without an object)."""
    if preposition != "for":
        return None
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > verb.i):
        before = doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        mark = clause.left_edge if clause.left_edge.lower_ == preposition else before
        if mark is None or mark.lower_ != preposition or mark.head not in (verb, clause) or \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        tokens = [t for t in clause.subtree if t.i > mark.i]
        return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))], mark.idx + len(mark)
    return None


def object_content(verb: Token, frame: str):
    """'condemned the attack', 'described the strike as sabotage', 'blamed the government for the cuts',
    'called the plan a fraud'."""
    if any(c.i < verb.i and c.tag_ in ("WP", "WDT") and c.dep_ in ("dobj", "dative") for c in verb.children):
        return None  # 'what it offered the rebels': the thing is left unnamed, the noun after is the recipient
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None and frame == "object":
        return passive_object(verb)
    if obj is None or obj.pos_ == "PRON" and obj.lower_ in ("it", "this", "that") and not obj.n_rights:
        return None
    if obj.lemma_.lower() in load_cues().nouns and noun_clause(obj) is not None:
        return None  # 'rejected his claim that ...': the claim is his, found at its noun
    complements = [c for c in verb.children if c.i > obj.i and (
        c.dep_ in ("oprd", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in ("as", "for", "of", "to", "with"))]
    complements += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"]  # the parse may hang 'as' on the object
    if frame == "as" and not any(c.dep_ in ("oprd", "xcomp") or c.lower_ == "as" for c in complements):
        return None  # 'called the meeting' names nothing; 'called the plan a fraud' does
    if frame == "X to Y" and not any(c.lower_ in ("to", "with") for c in complements):
        return None  # 'linked the two pipelines' compares nothing; 'linked the fever to the drains' does
    last = max([obj.right_edge] + [c.right_edge for c in complements], key=lambda t: t.i)
    for more in (c for c in verb.children if c.i > last.i and c.dep_ == "prep" and not timed(c)):
        last = more.right_edge  # 'bemoaned the slow pace of reconstruction in Aleppo'
    return [(obj.left_edge.idx, last.idx + len(last))], particle_end(verb)


def timed(phrase: Token) -> bool:
    """A phrase that dates or times the act ('on Friday', 'during the debate') or names a source ('according
    to diplomats'), not part of what was said."""
    return phrase.lower_ in ("during", "since", "before", "after", "until") or \
        any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree) or \
        any(phrase_at(phrase, p) for p in load_cues().phrases)


def passive_object(verb: Token):
    """'The plan was criticised for its cost': what the complement says ('for its cost'), else the subject the
    passive stance is about ('The nominee has been endorsed by dozens of papers')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ in ("it", "this", "that", "which", "who"):
        return None
    complement = next((c for c in verb.children if c.i > verb.i and (c.dep_ in ("oprd", "xcomp") or
                       c.dep_ == "prep" and c.lower_ in ("as", "for", "of"))), None)
    head = complement or subject
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return [(start, end)], particle_end(verb)


def gerund_content(verb: Token, frame: str):
    """'proposed scrapping the fuel subsidy', 'recommends raising the pension age': the act put forward."""
    action = next((c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" and c.i > verb.i
                   and not any(a.dep_ == "aux" for a in c.children)), None)
    if action is None:
        return None
    start, end = clause_range(action)
    return [(start, same_form_end(verb, action, end))], particle_end(verb)


FRAMES = [("clause", clause_content), ("to", infinitive_content), ("gerund", gerund_content),
          *((p, preposition_content) for p in PREPOSITION_FRAMES), ("as", object_content), ("X to Y", object_content),
          ("object", object_content)]


def particle_end(verb: Token) -> int:
    """The cue with its particle: 'pointed out', 'called for' stays 'called' (its 'for' starts the frame)."""
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    return end


def speaks(speaker: Span, index: ActorIndex) -> bool:
    """A speaker who can hold a view: a name, a pronoun, an organisation, or a word for people, bodies or
    documents ('a spokesman', 'polls', 'documents'); not 'the map' or 'the river'."""
    head = speaker.root
    part = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)
    if part is not None and (head.like_num or head.pos_ in ("NUM", "PRON") or head.lemma_.lower() in
                             ("number", "percent", "majority", "minority", "half", "third", "quarter", "many", "most")):
        head = part  # 'a number of experts', 'one of the doctors', '40 percent of voters'
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or actors_under(head, index):
        return True
    return head.lemma_.lower() in load_cues().speaker_nouns or any(
        t.pos_ == "PROPN" for t in speaker if t.dep_ in ("compound", "poss", "amod"))


def outside_cue(start: int, end: int, verb: Token, speaker: Span | None) -> tuple[int, int]:
    """Content never holds its cue or its speaker: a parse that hangs the speaker's words inside the clause
    ('“...,” City police Chief said', with 'City' parsed into the clause) is cut back to the side of them that holds the content."""
    for cut_start, cut_end in [(verb.idx, verb.idx + len(verb))] + \
            ([(speaker.start_char, speaker.end_char)] if speaker is not None else []):
        if start < cut_end and cut_start < end:
            if cut_start - start >= end - cut_end:
                end = cut_start
            else:
                start = cut_end
    return start, end


def adjective_claim(adjective: Token, quotes, index: ActorIndex) -> Draft | None:
    """'Protesters were frustrated that ...', 'The coach is confident that ...': the adjective's clause, held
    by the subject of its copula."""
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None) or about_object(adjective)
    if clause is None:
        return None
    holder = adjective.head if adjective.dep_ == "acomp" else adjective
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not speaks(noun_phrase(subjects[0]), index):
        return None
    start, end = clause_range(clause)
    if inside(start, end, quotes):
        return None
    return Draft(start, end, False, adjective.idx, adjective.idx + len(adjective), adjective.text,
                 noun_phrase(subjects[0]))


def about_object(adjective: Token) -> Token | None:
    """What an attitude is held about: 'were worried about the drought', 'is critical of the plan'."""
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in ADJECTIVE_TOPICS), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


ADJECTIVE_TOPICS = ("about", "of", "over", "with")


def noun_claim(noun: Token, quotes) -> Draft | None:
    """'The minister made the claim that the rebels are “ordinary farmers”': the noun's that-clause, said by
    the subject of the verb that governs the noun, or by the noun's owner ('his warning that')."""
    clause = noun_clause(noun)
    if clause is None:
        return None
    start, end = clause_range(clause)
    if inside(start, end, quotes):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    subjects = [owner] if owner is not None else (subject_heads(noun.head) if noun.dep_ == "dobj" else [])
    subjects = subjects or [c for c in noun.children if c.dep_ == "nsubj"]  # 'Farmers fear that', parsed a noun
    if not subjects:
        return None
    return Draft(start, end, False, noun.idx, noun.idx + len(noun), noun.text, noun_phrase(subjects[0]))


def topic_noun_claim(noun: Token, frames, quotes, index: ActorIndex) -> Draft | None:
    """'her criticism of the plan', 'voiced concerns about the dam': what the stance noun's preposition
    names, held by the noun's owner or by the subject of the verb that takes the noun as its object."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in frames), None)
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if not objects:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    # 'raised questions about' (the object's verb) and 'is a critic of' (the copula's subject)
    subjects = [owner] if owner is not None else (subject_heads(noun.head) if noun.dep_ in ("dobj", "attr") else [])
    if not subjects or not speaks(noun_phrase(subjects[0]), index):
        return None
    start, end = clause_range(objects[0])
    if inside(start, end, quotes):
        return None
    return Draft(start, end, False, noun.idx, prep.idx + len(prep), doc_text(noun.doc)[noun.idx:prep.idx + len(prep)],
                 noun_phrase(subjects[0]))


def noun_clause(noun: Token) -> Token | None:
    """The that-clause a statement noun carries ('his claim that ...'), not an infinitive ('proposals to
    benefit small firms')."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                 and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)


def headline_claims(sdoc: Doc, cues, index: ActorIndex) -> list[Draft]:
    """'Minister: talks will resume', 'Poll: the race is tied' and transcripts ('HOST: ...', also inside an
    opening quote mark): a line that opens with a speaker and a colon."""
    drafts = []
    for sent in sentences(sdoc):
        colon = next((t for t in sent[:7] if t.text in cues.marks and t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i + 1 >= sent.end:
            continue
        if sent.start > 0 and "\n" not in sdoc[sent.start - 1].text_with_ws:
            continue  # the colon must follow the line's first words
        first = next((t.i for t in sdoc[sent.start:colon.i] if not t.is_punct), colon.i)
        name = sdoc[first:colon.i]
        rest = sdoc[colon.i + 1:sent.end]
        if len(name) and all(t.text[:1].isupper() for t in name) and (
                named_speaker(name, index) or bare_name(name, index) and any(t.pos_ in ("VERB", "AUX") for t in rest)) \
                and not all(t.pos_ == "PROPN" or not t.is_alpha for t in rest):  # 'Writer: A Name' is a byline
            start, end = colon_rest(sdoc, colon)
            drafts.append(Draft(start, end, False, colon.idx, colon.idx + 1, ":", name))
    return drafts


def bare_name(name: Span, index: ActorIndex) -> bool:
    """A headline's speaker the parse knows only as a proper noun ('Okonjo-Iweala: trade rules must change'),
    or as a capitalised word the story names someone by ('Sanders: ...', tagged a noun at the line start, then
    'Bernie Sanders said'); not a place ('Kabul: the city wakes to ...') nor a section label."""
    words = [t for t in name if not t.is_punct]
    names = {w for m in index.mentions if m.kind == "person" for w in m.surface.split()}
    return 0 < len(words) <= 4 and all(t.pos_ == "PROPN" or t.text in names for t in words) and not any(
        t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or index.state_word(t) or t.text in load_places()
        or t.lower_ in load_speaker_words().labels for t in words)


def named_speaker(name: Span, index: ActorIndex) -> bool:
    """Who opens a line with a colon: a name or body the parse or the actor stage knows, a transcript's
    capitalised speaker ('WALLACE:'), or a word for a source ('Poll:'); not a section label ('Analysis:')."""
    if len(name) == 1 and name.root.lower_ in load_speaker_words().labels:
        return False
    return any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name) or bool(actors_under(name.root, index)) \
        or all(t.is_upper and t.is_alpha and len(t) > 1 for t in name) or name.root.lemma_.lower() in load_cues().speaker_nouns


def clause_range(head: Token) -> tuple[int, int]:
    tokens = list(head.subtree)
    for child in head.children:
        if child.i > head.i and child.lemma_.lower() in load_cues().verbs and (
                child.dep_ == "advcl" and child.tag_ == "VBG" or child.dep_ == "conj" and not has_subject(child)):
            # '..., citing the strategic importance of ...' and 'said X and claimed Y' hold claims of their own
            tokens = [t for t in tokens if t.i < child.left_edge.i]
            while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
                tokens.pop()
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ != "that" or tokens[0].is_punct):
        tokens = tokens[1:]  # a clause keeps its complementiser (PolNeAR and gold/claims.tsv: 'said that X' -> 'that X')
    if not tokens:
        return head.idx, head.idx
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def starts_quote(text: str, start: int, end: int, quotes) -> bool:
    """Reported content that is one quotation from its first word: "He said: “...”", also when a stray
    word of the attribution trails it."""
    return any(s - 1 <= start <= s + 1 and (e >= end - 2 or len(text[e:end].split()) <= 2) for s, e in quotes)


def cue_text(verb: Token, cue_end: int) -> str:
    return doc_text(verb.doc)[verb.idx:cue_end]


def phrase_at(token: Token, phrase: tuple[str, ...]) -> bool:
    doc = token.doc
    return token.lower_ == phrase[0] and token.i + len(phrase) <= len(doc) and all(
        doc[token.i + k].lower_ == word for k, word in enumerate(phrase))


def phrase_claim(token: Token, phrase: tuple[str, ...], index: ActorIndex) -> Draft | None:
    """'..., according to traders' and 'According to the foreign ministry, ...': the rest of the
    sentence, on the side of the phrase that holds more of it."""
    last = token.doc[token.i + len(phrase) - 1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((t for t in token.doc[last.i + 1:last.i + 4] if t.dep_ in ("pobj", "dobj")), None)
    if source is None or not speaks(noun_phrase(source), index):
        return None  # 'arranged according to rank'
    sent = sentence_of(token)
    # the source ends at its first comma: a parse may hang the rest of the sentence on it
    comma = next((t for t in source.subtree if t.i > source.i and t.text == ","), None)
    source_end = token.doc[comma.i - 1] if comma is not None and token.i < sent.start + 2 else source.right_edge
    phrase_end = source_end.idx + len(source_end)
    before = (sent.start_char, token.idx)
    after = (phrase_end, sent.end_char)
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    if end - start < 10:
        return None
    cue_end = last.idx + len(last)
    return Draft(start, end, False, token.idx, cue_end, doc_text(token.doc)[token.idx:cue_end], noun_phrase(source))


def view_claim(token: Token) -> Draft | None:
    """'In the governor's view, ...' and 'in the view of analysts, ...'."""
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
    relative clauses ('Ana Ruiz, an expert on ..., said' -> 'Ana Ruiz')."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and doc[start].is_punct:
        start += 1  # a parse may hang the quotation's closing marks on the speaker: ',” Haas said'
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "compound") and doc[end].head.i == head.i:
        end += 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "including") and child.i == end:
            end = child.right_edge.i + 1  # 'many in the country's establishment'
            end = next((t.i for t in doc[child.i:end] if t.is_punct), end)  # not its relative clause
    return doc[start:end]


# --- quotations -----------------------------------------------------------------------------------------------

def quoted(sdoc: Doc, quotes: list[tuple[int, int]], reported_drafts: list[Draft]) -> list[Draft]:
    covered = [(d.start, d.end) for d in reported_drafts]
    drafts: list[Draft] = []
    for start, end in quotes:
        text = doc_text(sdoc)[start:end]
        if any(s <= start < e for s, e in covered) or not is_statement(text):  # quoted inside reported speech
            continue
        cue = attribution(sdoc, start, end, quotes)
        if cue is not None:
            speaker = quote_speaker(sdoc, cue, end, quotes)
            if speaker is not None:
                drafts.append(Draft(start, end, True, cue.idx, cue.idx + len(cue), cue.text, speaker))
                continue
        signed = signature(sdoc, end)
        if signed is not None:
            drafts.append(Draft(start, end, True, signed[0].idx, signed[0].idx + 1, signed[0].text, signed[1]))
            continue
        previous = latest_before(start, drafts + [d for d in reported_drafts if d.direct])
        if previous and same_or_next_paragraph(doc_text(sdoc), previous.end, start):
            # the second half of '“A,” he said. “B.”' and a quotation running on into the next paragraph
            drafts.append(Draft(start, end, True, previous.cue_start, previous.cue_end, previous.cue,
                                previous.speaker))
    return drafts


def quote_speaker(sdoc: Doc, cue: Token, end: int, quotes) -> Span | None:
    """Who a quotation's cue names: its subject outside the quotation (a parse may take the quotation's last
    words for a second subject: '“... Full panic mode,” said Ana Ruiz'), else the name between the quotation
    and the cue ('“...,” Ruiz, a former minister, said on “Meet the Press.”', where the parse took the show's
    title for the subject)."""
    for subject in subject_heads(cue):
        phrase = noun_phrase(subject)
        if not inside(phrase.start_char, phrase.end_char, quotes):
            return phrase
    after = sdoc.char_span(end, end, alignment_mode="expand")
    first = after.end if after is not None else len(sdoc)
    while first < cue.i and (sdoc[first].is_punct or sdoc[first].is_space):
        first += 1
    last = first
    while last < cue.i and sdoc[last].pos_ == "PROPN" and sdoc[last].text[:1].isupper():
        last += 1
    if last == first or last < cue.i and sdoc[last].text != ",":
        return None
    return sdoc[first:last]


def signature(sdoc: Doc, end: int) -> tuple[Token, Span] | None:
    """A quotation signed with a dash and a name: '“...” ― Amara Diallo, a fisherman in Mopti'."""
    text = doc_text(sdoc)
    at = end + 1
    while at < len(text) and text[at] in " \u00a0\t":
        at += 1
    if at >= len(text) or text[at] not in load_cues().marks or text[at] == ":":
        return None
    dash = sdoc.char_span(at, at + 1, alignment_mode="expand")
    if dash is None or dash.end >= len(sdoc):
        return None
    name_end = dash.end
    while name_end < len(sdoc) and sdoc[name_end].pos_ == "PROPN" and "\n" not in sdoc[name_end].text:
        name_end += 1
    if name_end == dash.end:
        return None
    return sdoc[dash.start], sdoc[dash.end:name_end]


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
            if (token.pos_ in ("VERB", "AUX") and load_cues().verb(token) in load_cues().quote_verbs
                    and not inside(token.idx, token.idx + len(token), quotes)):
                return token
    return None


def latest_before(start: int, drafts: list[Draft]) -> Draft | None:
    """The claim that ends last before `start`: an unattributed quotation continues it, whether its first half
    was quoted ('“A,” he said. “B.”') or reported ('He said A. “B.”')."""
    return max((d for d in drafts if d.end <= start), key=lambda d: d.end, default=None)


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
    """A report inside another claim ('said that he did not believe the rebels would ...') is part of it."""
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
    words = load_speaker_words()
    if head.lower_ in words.personal:
        return last_speaker(head.idx, earlier, index), "pronoun"
    if head.pos_ == "PRON":
        arg = pronoun_actor(head, index)
        return (arg.actor_id if arg else None), "pronoun"
    named_head = index.at(head) is not None and index.at(head).kind == "person"
    for appos in (c for c in head.children if c.dep_ == "appos" and not named_head):
        named = [a for a in actors_under(appos, index) if a.mention is not None and a.mention.kind == "person"]
        if named:  # "The country's leader, Prime Minister Ana Ruiz, made the claim"; a named speaker keeps that name
            return named[0].actor_id, ""
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in ("the", "this", "that") for c in head.children)
    if definite and lemma in words.same_source and earlier:
        return earlier[-1].speaker_actor, "same source"
    if definite and head.tag_ not in ("NNP", "NNPS"):
        person = described_person(lemma, head.idx, intros, BYLINE) if lemma in words.works else None
        person = person or described_person(lemma, head.idx, intros)
        bare = not any(t.pos_ == "PROPN" or t.dep_ == "compound" for t in d.speaker)  # not 'the UN refugee agency'
        body = described_body(lemma, head.idx, (d.start, d.end), index) if bare and not person else None
        if person or body:
            return person or body, "description"
    if index.at(head) is None and looks_like_person(d.speaker, index):
        # a speaker the actor stage did not know ('Ana Ruiz, a former diplomat') is still a person
        return f"PER:{slug(d.speaker.text)}", "name"
    found = actors_under(head, index)
    if not found:
        return None, ""
    actor = found[0]
    if actor.actor_id in index.countries.values():
        return f"{actor.actor_id}.GOV", ""  # 'Chile said' is its government speaking
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
    ('Samir, a 45-year-old shopkeeper'), and not a country or its capital."""
    words = [t for t in speaker if not t.is_punct]
    if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return False
    if any(index.state_word(t) or t.ent_type_ == "GPE" for t in words):
        return False
    return len(words) >= 2 or any(c.dep_ == "appos" for c in speaker.root.children)


def speaker_country(speaker: Span, content: tuple[int, int], index: ActorIndex) -> str | None:
    """The state whose 'officials' speak: a state word or place in the speaker's phrase ('officials in
    Peru', 'officials in a province of it'), else earlier in the sentence ('At the Peruvian parliament, MPs
    warned'), else the state the text named last, else the one it names most often."""
    places = load_places()
    for token in speaker:
        place = places.get(token.text) if token.pos_ == "PROPN" else None
        if place and place.country:
            return place.country  # 'officials in a named district'
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
    latest single speaker quoted before ('A senior police officer told the paper ... “...,” he said')."""
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
    """A speaker 'he' or 'she' can point back to: one person, named or described ('a senior police
    officer'), not a body ('the government')."""
    span = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand") if doc else None
    if span is None or span.root.tag_ not in ("NN", "NNP") or span.root.lower_ in ("he", "she"):
        return False
    return span.root.tag_ == "NNP" or any(span.root.lemma_.lower() in group for group in load_speaker_words().descriptions)


def introductions(sdoc: Doc, index: ActorIndex) -> list[tuple[int, str, set[str]]]:
    """(position, person, words around the mention) for each person mention: 'Ana Ruiz, a
    retired lieutenant general and former defense minister' gives {general, minister, ...}; the words
    before the name count too ('Chilean journalist and researcher Ana Ruiz')."""
    found = []
    for m in index.mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "person" else None
        if span is None:
            continue
        sent = sentence_of(span)
        window = sdoc[max(sent.start, span.start - INTRO_BEFORE):min(sent.end, span.end + INTRO_AFTER)]
        words = {t.lemma_.lower() for t in window}
        if span.start > 0 and sdoc[span.start - 1].lower_ == "by":
            words.add(BYLINE)  # '... for a think tank, by Ana Ruiz': the author of the piece
        found.append((m.start, m.actor_id, words))
    return found


def described_body(lemma: str, before: int, content: tuple[int, int], index: ActorIndex) -> str | None:
    """'the ministry', 'the agency': the latest organisation named before with the description's word, else
    the latest of a sector the word fits; 'the spokesman' (no person introduced as one): the latest
    organisation named with any body word. Names inside the claim's own content do not count."""
    bodies = load_speaker_words().bodies
    spokesperson = lemma in SPOKESPEOPLE
    if lemma not in bodies and not spokesperson:
        return None
    named = [m for m in index.mentions if m.kind == "organization" and m.end <= before
             and not inside(m.start, m.end, [content])]
    for m in reversed(named):
        words = {w.rstrip("s") for w in re.findall(r"[a-z]+", m.surface.lower())}
        if words & ({b.rstrip("s") for b in bodies} if spokesperson else {lemma.rstrip("s")}):
            return m.actor_id
    if spokesperson:
        return None
    return next((m.actor_id for m in reversed(named) if m.sector in bodies[lemma]), None)


def described_person(lemma: str, before: int, intros, marker: str | None = None) -> str | None:
    """The latest person introduced with words of the description's kind (or with `marker`)."""
    group = {marker} if marker else next((g for g in load_speaker_words().descriptions if lemma in g), None)
    if group is None:
        return None
    for position, person, words in reversed(intros):
        if position < before and words & group:
            return person
    return None
