"""A party's stated intent to cooperate is an AGREE, not the act itself: 'the two countries are seeking to deepen
their partnership', 'Ottawa wants to help', 'Israel announced it would free 150 prisoners'; its stated intent not
to is a REJECT ('said he would not provide support').

CAMEO codes such statements 03x ('express intent to cooperate, to provide aid, to release persons, to meet'),
which CAMEO2PLOVER maps to AGREE, and PLOVER's AGREE is 'promise, express intent to cooperate': the act is not
done yet, the promise is the event. Its conflictual twin, announcing one's own harm to come, is a THREATEN
(coder.accusations). What one only plans or prepares ('plans to consult', 'is set to meet') stays the planned
act. The words that state an intent are in data/event_embedding.tsv (kinds 'desire' and 'promise'), with their
examples in data/event_examples.tsv.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsgraph.events.arguments import ActorIndex, Arg, actors_under
from newsgraph.events.context import Found
from newsgraph.events.embedding import embedding_words, is_complement, word_of
from newsgraph.events.parties import party_key
from newsgraph.events.status import FUTURE_MODALS, REPORTING, denier, status_of
from newsgraph.events.words import word_class

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}  # CAMEO 036, 032, 031, 033, 035
TO_COME = {"planned", "hypothetical"}
CONDITIONS = word_class("conditions")
ANNOUNCING = FUTURE_MODALS | {"would"}  # 'said it will free', 'announced it would free'; not 'could', 'might'


def stated_intent(f: Found, doers: list[Arg], sent: Span, index: ActorIndex,
                  status: str) -> list[tuple[Found, str]] | None:
    """The readings of a cooperative act still to come that its doer states it will do: the AGREE (with the
    status of the statement), and the act itself, planned, when it was promised or announced rather than
    only wished for. None when no such statement holds the act."""
    if f.trigger.pos != "verb" or f.trigger.type not in COOPERATIVE or status not in TO_COME or not doers:
        return None
    words = embedding_words()
    verb, kind = intent_verb(f.token, words), "desire"
    if verb is None or not word_of(verb, words.get("desire", frozenset())):
        verb, kind = verb or own_announcement(f.token, doers, index), "promise"
    if verb is None:
        return None
    agreed = Found(replace(f.trigger, type="AGREE", mode=None), f.token, f.text, f.probability)
    said = status_of(verb, sent, False)
    return [(agreed, said)] if kind == "desire" else [(agreed, said), (f, status)]


def intent_verb(trigger: Token, words: dict[str, frozenset[str]]) -> Token | None:
    """'seeking to deepen', 'wants to help', 'offered to mediate', 'is ready to talk': the word of intent the
    act's clause complements (its subject is the act's doer)."""
    head = trigger.head
    if not is_complement(trigger) or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children) \
            or any(c.dep_ == "dobj" for c in head.children):
        return None  # 'wants Putin to attack': another's act, asked for (embedding 'wish')
    intent = words.get("desire", frozenset()) | words.get("promise", frozenset())
    return head if word_of(head, intent) else None


def own_announcement(trigger: Token, doers: list[Arg], index: ActorIndex) -> Token | None:
    """'Israel announced it would free 150 prisoners', 'the ministry said it will reopen the office': a
    statement by the doer of its own act to come, with no condition attached."""
    teller = trigger.head
    if trigger.dep_ != "ccomp" or teller.lemma_ not in REPORTING or teller.pos_ != "VERB":
        return None
    modals = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if not modals & ANNOUNCING:
        return None
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
           for c in trigger.children):
        return None
    subject = next((c for c in teller.children if c.dep_ == "nsubj"), None)
    speakers = actors_under(subject, index) if subject is not None else []
    doing = {party_key(a) for a in doers}
    return teller if any(party_key(s) in doing for s in speakers) else None


# What a refusal rejects, by the act refused (CAMEO 121-124: reject cooperation or aid, decline to yield). A
# meeting refused is left out: a meeting is coded both ways, and a refusal is one side's.
REFUSED = {"AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "SUPPORT": "", "AGREE": ""}
WILLING = word_class("willing")


def refused(event_type: str, trigger: Token) -> str | None:
    """The REJECT mode of a cooperative act its doer will not do ('would not provide support', 'will not release
    them', 'cannot allow it'), or None: a plain denial of the past ('has not recognised') is a negated act,
    not a refusal."""
    denying = denier(trigger) if event_type in REFUSED else None  # 'would not give permission to ... to help'
    modals = {c.lemma_.lower() for c in denying.children if c.dep_ == "aux"} if denying is not None else set()
    return REFUSED[event_type] if modals & WILLING else None
