"""Parties the sentence leaves out, from the story so far: the event a mention continues, the other side
of an act, the two sides of a mutual act, and events that are only talked about.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.actors import COMMENTATOR_SECTORS
from newsgraph.events.arguments import ActorIndex, Arg, actors_under, verb_arguments
from newsgraph.events.context import Context
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.parties import (agrees, code_key, could_be_party, domestic_counterpart, grounded,
                                      is_mediator, one_state, party_key)
from newsgraph.events.records import Event, Location
from newsgraph.events.triggers import AGREEMENT_TYPES
from newsgraph.events.words import word_class


VERBAL_TARGETS = {"THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"}
CONTEXT_REACH = 3  # sentences back to look for the other party
# 'the two sides', 'both countries': the pair the article has been writing about.
PAIR_WORDS = word_class("pair_words")


# 'strikes inside Afghanistan after the Mir Ali attack': a phrase placing the event in time names the place
# of another event.
OTHER_TIME = word_class("other_time")


# --- events told before ---------------------------------------------------------------------------------------
# An article tells an event once with its parties, then keeps referring to it: 'the strikes', 'dozens were
# killed', 'the ceasefire holds'. Such a mention, missing a party, takes it from the latest earlier event of
# the same type that agrees with what the mention does name.
ANTECEDENT_CHARS = 3000
DEFINITE = word_class("definite")


def antecedent(told: list[Event], event_type: str, token: Token, sources: list[Arg], targets: list[Arg],
               location: Location | None = None, mode: str | None = None) -> Event | None:
    """The latest earlier event of this type that agrees with the parties and place named here, one told
    with the same word first ('the strikes' -> the strikes, not the militants' attack)."""
    if token.pos_ != "VERB" and not is_definite(token):
        return None  # 'another attack', 'a raid': a new event, not one told before
    fitting = []
    for e in reversed(told):
        if e.start < token.idx - ANTECEDENT_CHARS:
            break
        if (e.type == event_type and (e.source or sources) and (e.target or targets) and e.source != e.target
                and e.trigger_start != token.idx and grounded(e)
                and agrees(sources, e.source_code) and agrees(targets, e.target_code) and same_place(location, e)):
            fitting.append(e)
    lemma = token.lemma_.lower()
    same_word = [e for e in fitting if e.trigger.lower().startswith(lemma[:5])]
    same_mode = [e for e in fitting if mode and e.mode == mode]  # 'the expulsions': deportations, not a seizure
    return (same_word or same_mode or fitting or [None])[0]


def told_recently(told: list[Event], token: Token):
    """The events told within reach before a trigger (its sentence included), latest first; other than the
    trigger's own."""
    for e in reversed(told):
        if e.start < token.idx - ANTECEDENT_CHARS:
            return
        if e.trigger_start != token.idx:
            yield e


def counterpart(told: list[Event], token: Token, known: list[Arg], event_type: str) -> list[Arg]:
    """The party the article last had dealing with the one named ('the TTP demanded impossible terms' after
    the talks between Islamabad and the TTP): one of the same type first, for a concession or refusal the
    ones who asked for it, else any. Parties of one sentence come together ('the UN agency and the IOM
    urged Pakistan ... Pakistan did not extend the deadline')."""
    keys = {party_key(a) for a in known}
    recent = [e for e in told_recently(told, token) if e.source and e.target and grounded(e)]
    asked = [e for e in recent if e.type == "REQUEST"] if event_type in ANSWERS else []
    for pool in ([e for e in recent if e.type == event_type], asked, recent):
        found = [other_side(e, keys) for e in pool]
        first = next((i for i, side in enumerate(found) if side), None)
        if first is None:
            continue
        together = [side for e, side in zip(pool, found) if side and e.start == pool[first].start]
        return [Arg(a, None, inferred=True) for a in dict.fromkeys(together if pool is asked else together[:1])]
    return []


ANSWERS = {"CONCEDE", "REJECT", "AGREE"}  # acts that answer a request


def other_side(event: Event, keys: set) -> str | None:
    source, target = code_key(event.source_code), code_key(event.target_code)
    if source in keys and target not in keys:
        return event.target
    if target in keys and source not in keys:
        return event.source
    return None


def is_definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE | {"its", "their"} for c in noun.children)


def same_place(location: Location | None, event: Event) -> bool:
    """An event placed in one country is not the one an earlier event placed in another."""
    if location is None or not location.country or event.location is None or not event.location.country:
        return True
    return location.country == event.location.country


def event_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun a verb is said of: 'Saturday's attack killed seven soldiers', 'the strikes hit homes'."""
    if verb.pos_ != "VERB":
        return None
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # 'the strikes hit homes and killed eight people'
    return next((c for c in verb.children if c.dep_ == "nsubj" and lexicon.candidates(c.lemma_.lower(), "noun")),
                None)


def from_earlier(earlier: Event, sources: list[Arg], targets: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """Fill the missing side(s) with the earlier event's parties; a bare named side ('civilians') takes the
    earlier party's country."""
    def fill(args: list[Arg], actor_id: str | None) -> list[Arg]:
        if actor_id is None:
            return args
        if not args:
            return [Arg(actor_id, None, inferred=True)]
        country = party_key(Arg(actor_id, None))[0]
        return [Arg(f"{country}.{a.actor_id}", a.mention, inferred=True) if "." not in a.actor_id
                and ":" not in a.actor_id and not party_key(a)[0] and country and country != "IGO" else a
                for a in args]
    return fill(sources, earlier.source), fill(targets, earlier.target)


def event_object_target(verb: Token, ctx: Context, lexicon: Lexicon, sources: list[Arg]) -> list[Arg]:
    """'The Taliban condemned the expulsions': a verbal act about an event, with no actor named, is aimed at
    whoever did that event."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if actors_under(obj, ctx.index):
            return []
        for trig in lexicon.candidates(obj.lemma_.lower(), "noun"):
            earlier = antecedent(ctx.told, trig.type, obj, [], [], mode=trig.mode)
            if earlier is not None and agrees(sources, earlier.target_code):
                return [Arg(earlier.source, None, inferred=True)]
    return []



def content_actors(token: Token, index: ActorIndex, sources: list[Arg]) -> list[Arg]:
    """A warning, demand or refusal with no addressee is aimed at the first actor of another country in what
    it says: 'warned that any initiative from Pakistan would be a hostile act' -> Pakistan. A refusal joined
    to another act ('resisted pressures from Pakistan and refused to ...') shares that act's addressee."""
    own = {a.actor_id for a in sources} | {party_key(a)[0] for a in sources}
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "prep"):
            for t in child.subtree:
                mention = index.at(t)
                if mention is not None and mention.actor_id not in own and mention.country not in own and (
                        mention.country or "." in mention.actor_id):
                    return [Arg(mention.actor_id, mention, inferred=True)]
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        _, targets = verb_arguments(token.head)
        found = [a for h in targets for a in actors_under(h, index) if party_key(a)[0] not in own]
        return [Arg(a.actor_id, a.mention, inferred=True) for a in found[:1]]
    return []


def sentence_subject(sent: Span, index: ActorIndex, targets: set[str]) -> list[Arg]:
    """An event noun with no agent of its own ('the large-scale deportation of Afghan refugees') is most
    likely the doing of the sentence's subject, if that is an actor: a weaker, inferred reading."""
    for head in (t for t in sent if t.dep_ == "ROOT"):
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
            found = [Arg(a.actor_id, a.mention, inferred=True) for a in actors_under(subject, index)
                     if a.actor_id not in targets]
            if found:
                return found
    return []


def names_both_sides(token: Token, sent: Span) -> bool:
    """'the two sides discussed', 'officials from both countries met', 'the delegations will meet again'."""
    return any(t.lemma_.lower() in PAIR_WORDS and (
        any(c.lower_ in ("both", "two") for c in t.children)
        or (t.tag_ == "NNS" and [c.lower_ for c in t.children if c.dep_ != "punct"] == ["the"]))
        for t in sent)


def context_pair(token: Token, index: ActorIndex, told: list[Event], event_type: str,
                 exclude: tuple = ()) -> list[Arg]:
    """The pair an unattributed mutual act is between: those of the latest act of its type the
    article told (or, for talks, truces and agreements, of any of those), else the two parties named nearest
    before (or in) the sentence, of different institutions; never the mediators, nor those in `exclude`."""
    recent = [e for e in told_recently(told, token) if e.source and e.target and grounded(e)
              and not {code_key(e.source_code), code_key(e.target_code)} & set(exclude)]
    kin = [e for e in recent if e.type in AGREEMENT_TYPES] if event_type in AGREEMENT_TYPES else []
    kin.sort(key=lambda e: e.type != "AGREE")  # the sides that agreed, before those a third party only spoke to
    for e in [e for e in recent if e.type == event_type] + kin:
        return [Arg(e.source, None, inferred=True), Arg(e.target, None, inferred=True)]
    pair: list[Arg] = []
    for offset in range(0, -CONTEXT_REACH - 1, -1):
        sent = index.sentence(token, offset)
        if sent is None:
            break
        for m in reversed(index.mentions_in(sent)):
            arg = Arg(m.actor_id, m, inferred=True)
            if (m.country and m.sector not in COMMENTATOR_SECTORS and party_key(arg) not in map(party_key, pair)
                    and party_key(arg) not in exclude and not is_mediator(m, token.doc)
                    and (m.group or not any(one_state(party_key(arg), party_key(p)) for p in pair))):
                pair.append(arg)
                if len(pair) == 2:
                    return pair
    return leading_pair(told, exclude)


def leading_pair(told: list[Event], exclude: tuple = ()) -> list[Arg]:
    """The pair the article is about: the pair most often seen in the acts it has told with both
    parties named (the first such pair on a tie)."""
    counts: dict[frozenset, int] = {}
    first: dict[frozenset, tuple[int, Event]] = {}
    for position, e in enumerate(told):
        keys = frozenset((code_key(e.source_code), code_key(e.target_code)))
        if e.source and e.target and grounded(e) and len(keys) == 2 and not keys & set(exclude):
            counts[keys] = counts.get(keys, 0) + 1
            first.setdefault(keys, (position, e))
    if not counts:
        return []
    best = max(counts, key=lambda k: (counts[k], -first[k][0]))
    event = first[best][1]
    return [Arg(event.source, None, inferred=True), Arg(event.target, None, inferred=True)]


def context_party(token: Token, index: ActorIndex, known: list[Arg], foreign: bool) -> list[Arg]:
    """The other side of an event the sentence names only one party of: 'the TTP refused to budge' is a
    refusal of whoever the article was just talking about. The nearest actor of another institution in
    this sentence, else in the few sentences before; an inferred, weaker reading. A place standing in for
    the target ('strikes in Khost') asks for a party from another country."""
    taken = {party_key(a) for a in known}
    countries = {key[0] for key in taken}
    for offset, m in nearby_mentions(token, index):
        if offset == 0 and not could_be_party(m, token, index):
            continue
        home = domestic_counterpart(m, known)
        if home is not None and party_key(home) not in taken:
            return [home]
        key = party_key(Arg(m.actor_id, m))
        if (m.country and m.sector not in COMMENTATOR_SECTORS and key not in taken
                and not (foreign and m.country in countries)
                and (m.group or not any(one_state(key, t) for t in taken))):
            return [Arg(m.actor_id, m, inferred=True)]
    return []


def nearby_mentions(token: Token, index: ActorIndex):
    """(sentence offset, mention) of the actors near a word: in its own sentence nearest first, then in the
    few sentences before, latest first."""
    for offset in range(0, -CONTEXT_REACH - 1, -1):
        sent = index.sentence(token, offset)
        if sent is None:
            return
        inside = index.mentions_in(sent)
        order = sorted(inside, key=lambda m: abs(m.start - token.idx)) if offset == 0 else reversed(inside)
        for m in order:
            yield offset, m
