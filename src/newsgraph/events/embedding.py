"""Triggers that tell no act of their own: the words of an act that is only wanted or asked for, a clause
describing a noun, the content of an allegation, an event noun named in passing.

PETRARCH-style coding, and the news itself, state one act where a sentence nests others inside it: 'asked
Obama to help Iran', 'a threat to boycott the Games', 'the group that has seized parts of Iraq' (a dictionary
reading), 'a report alleged that the army helped to plan killings', 'a pause in the bombing'. Those inner
acts are the setting of the one told. The words that open such settings are in data/event_embedding.tsv; the example
sentences of each rule are in data/event_examples.tsv.
"""
from __future__ import annotations

import os
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.events.arguments import COMMITTING
from newsgraph.events.context import Found
from newsgraph.events.lexicon import data_rows
from newsgraph.events.words import word_class

NOMINAL = {"NOUN", "PROPN", "PRON"}
COMPLEMENTS = {"xcomp", "ccomp"}
RULES = ("wish", "describing", "allegation", "aside", "charge", "mishap")
CHARGE_PREPS = word_class("charge_preps")
TOLD_PAST_SURE = 0.5  # the model's probability of a reading from which a past relative clause tells it


@lru_cache(maxsize=1)
def embedding_words() -> dict[str, frozenset[str]]:
    """kind -> the words that open that kind of setting (data/event_embedding.tsv)."""
    kinds: dict[str, set[str]] = {}
    for word, kind, *_ in data_rows("event_embedding.tsv"):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def rules_on() -> tuple[str, ...]:
    """The rules in use; NEWSGRAPH_EMBEDDING_OFF (comma list) switches some off to measure what each does."""
    off = set(os.environ.get("NEWSGRAPH_EMBEDDING_OFF", "").split(","))
    return tuple(r for r in RULES if r not in off)


def embedded(found: list[Found]) -> set[int]:
    """Token indices of the found triggers that sit inside the setting of another act."""
    on = rules_on()
    if not found or not on:
        return set()
    triggers = {f.token.i: f for f in found}
    return {f.token.i for f in found if not well_attested(f)
            and any(opens_setting(t, f, triggers, on) for t in clause_up(f.token))}


def well_attested(f: Found) -> bool:
    """A curated reading that needs a particular object and has it ('reopen the border', 'lift sanctions'):
    the clause says plainly which act is meant, so it stands inside a setting too (with its status)."""
    return f.trigger.curated and bool(f.trigger.objects)


def clause_up(token: Token) -> list[Token]:
    """The token and its heads up to the sentence root: a trigger is inside every setting one of them opens."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


def opens_setting(t: Token, f: Found, triggers: dict[int, Found], on: tuple[str, ...]) -> bool:
    """Whether `t` (the trigger or one of its heads) heads a setting around the trigger `f`."""
    words = embedding_words()
    if "mishap" in on and t.i == f.token.i and by_mishap(t, words.get("mishap", frozenset())):
        return True  # 'victims killed by the crash', 'died in the earthquake': no one's act
    head = t.head
    if head.i == t.i:
        return False
    if "wish" in on and is_complement(t) and word_of(head, words.get("wish", ())) and asked_of_another(t):
        return True  # 'asked Obama to help Iran', 'hoped the officials would be indicted'
    if "describing" in on and t.i == f.token.i and describes_noun(t, f):
        return True  # 'officials accused of playing a role', 'efforts to counter the militants'
    if "allegation" in on and t.dep_ == "ccomp" and head.i in triggers \
            and triggers[head.i].trigger.type == "ACCUSE":
        return True  # 'a report alleged that the army helped to plan the killings': the allegation is the act
    if "aside" in on and t.i == f.token.i and f.trigger.pos == "noun" and is_aside(t):
        return True
    if "charge" in on and t.dep_ == "pcomp" and head.lower_ in CHARGE_PREPS and head.dep_ == "prep" \
            and word_of(head.head, words.get("charge", frozenset())):
        return True  # 'jailed a student for helping militants join a group': the charge, not an act told
    return False


CAUSE_PREPS = word_class("cause_preps")


def by_mishap(verb: Token, mishaps: frozenset[str]) -> bool:
    """A harm whose cause is an accident or a disaster, named as its agent or its setting."""
    causes = [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in CAUSE_PREPS
              for p in c.children if p.dep_ == "pobj"]
    return any(word_of(p, mishaps) for p in causes)


def word_of(token: Token, words: frozenset[str]) -> bool:
    """Whether the token is one of the words, by lemma or, where the lemmatiser errs ('hoped' -> 'hop'), as
    written."""
    return token.lemma_.lower() in words or token.lower_ in words


def is_complement(clause: Token) -> bool:
    """A complement clause, or an infinitive the parser hangs on as an adverbial ('pressured by Congress to
    help Iran')."""
    return clause.dep_ in COMPLEMENTS or (clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def asked_of_another(clause: Token) -> bool:
    """Whether the wanted act is another's to do: the one asked, urged or pressed ('urged the government to
    help', 'Obama is pressed to act') or a subject of its own ('hoped the officials would be indicted'). What
    one seeks to do oneself ('seeking to deepen a partnership') is one's own: an AGREE (events/intent.py)."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    asked = any(c.dep_ in ("dobj", "nsubjpass") for c in clause.head.children)
    return own_subject or asked  # also an infinitive hung on as an adverbial: 'pressured by Congress to help'


def describes_noun(verb: Token, f: Found) -> bool:
    """An infinitive with no subject of its own that describes a noun ('a threat to boycott the Games',
    'efforts to counter the militants'), or a dictionary reading in a relative clause ('the group that
    controls parts of Iraq') unless the clause tells a past act the model reads as such; a decision, order or
    agreement to act commits to the act ('the decision to withdraw the troops'), so it is told. A passive
    participle tells what was done to the noun ('soldiers killed in the east'), an '-ing' one what the noun is doing
    ('militants shelling the outskirts'), and a 'by' agent who did it ('talks mediated by Qatar'): all news."""
    if verb.head.pos_ not in NOMINAL or any(c.dep_ == "agent" for c in verb.children):
        return False
    if verb.dep_ == "relcl" and told_as_past(verb) and (f.probability or 0) >= TOLD_PAST_SURE:
        return False  # 'the rebels who seized the town', read as that act by the model: it happened
    infinitive = verb.dep_ == "acl" and verb.tag_ not in ("VBN", "VBG") and verb.head.lemma_.lower() not in COMMITTING
    return infinitive or (verb.dep_ == "relcl" and not f.trigger.curated)


def told_as_past(clause: Token) -> bool:
    """'the militants who attacked the base', 'the group that had seized the town': a relative clause in a
    past tense tells an act that happened; one in the present ('the officers who are working alongside
    foreign troops', 'the militia that controls the port') describes what its noun is."""
    return clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children))


def is_aside(noun: Token) -> bool:
    """An event noun in a phrase about another noun or a state of mind ('a pause in the bombing', 'sorrow for
    the shootings', 'unaware of such agreement'), with no party of its own: named in passing, not told."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "ADJ"):
        return False
    return not any(c.dep_ in ("poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by") or (
        c.dep_ in ("amod", "compound") and c.ent_type_ in PARTY_ENTITIES) for c in noun.children)


PARTY_ENTITIES = {"NORP", "GPE", "ORG", "PERSON"}  # 'Pakistani airstrikes', 'Taliban attacks': a party named
