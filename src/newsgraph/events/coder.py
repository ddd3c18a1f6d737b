"""The event coder: PLOVER events from each sentence of a parsed document.

For every trigger word (a verb or an event noun in the lexicon) the parse gives the source and target
actors, and the sentence and the story so far the parties it leaves out (events/discourse.py); the words
around it give the status, events/dating.py the date and the place gazetteer the location. One event per
(source, target) pair; several events per sentence are normal.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import Mention, load_gazetteer
from newsgraph.events.arguments import (OPPOSING, ActorIndex, Arg, actors_under, names_it, noun_arguments,
                                        subject_heads, verb_arguments)
from newsgraph.events.context import Context, Found
from newsgraph.events.dating import (DATE_HINT, PUBLICATION_DATE, date_headlines, date_source, event_date,
                                     link_repeats, own_whens, paragraph_starts)
from newsgraph.events.discourse import (OTHER_TIME, VERBAL_TARGETS, antecedent, content_actors, context_pair,
                                        context_party, counterpart, event_object_target, event_subject,
                                        from_earlier, names_both_sides, nearby_mentions,
                                        sentence_subject)
from newsgraph.events.embedding import embedded
from newsgraph.events.intent import refused, stated_intent
from newsgraph.events.lexicon import Lexicon, Trigger, data_rows, load_lexicon
from newsgraph.events.parties import (MEDIATING, PEOPLE, SOURCE_GUESSES, TARGET_GUESSES, at_home,
                                      code_at, code_key, country_of, is_coordinated_with, one_party, party_key,
                                      resolve_bare)
from newsgraph.events.plover import intensity, quad
from newsgraph.events.records import Event, Location
from newsgraph.events.status import REPORTING, clause_chain, in_purpose, is_question, no_one_does, status_of
from newsgraph.events.triggers import AGREEMENT_TYPES, compound_forms, match_trigger, model_mode, typed, verb_objects
from newsgraph.events.words import word_class
from newsgraph.geo import PlaceMention, find_places
from newsgraph.nlp import doc_text
from newsgraph.records import short_hash
from newsgraph.time.relative import find_whens


MATERIAL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "COOPERATE", "RETREAT", "CONSULT"}
# An attack or coercion 'in Afghanistan' by someone else is done to Afghanistan.
PLACE_TARGETS = {"ASSAULT", "COERCE"}
MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"}
# Acts that two parties do with each other: a meeting of Pakistan with Afghanistan is also one of
# Afghanistan with Pakistan, and each side is coded as a source.
RECIPROCAL = word_class("reciprocal")
# Reciprocal words too common in passing ('trade, refugees, visas') to pair up from the context alone.
OWN_PARTIES_ONLY = word_class("own_parties_only")
# 'took power', 'seized control': done to the government of the country.
POWER_OBJECTS = word_class("power_objects")
# Ending, breaking or walking away from an agreement, a truce or talks is a refusal of them (REJECT),
# not another agreement; so is declining to extend or honour one.
ENDING = word_class("ending")
OUTCOME_PREPS = word_class("outcome_preps")
KEEPING = word_class("keeping")
# Backing an armed group is material help (money, arms, sanctuary), not words of support.
MATERIAL_BACKING = word_class("material_backing")
BACKING = word_class("backing")
OWNING_UP = word_class("owning_up")
OWNED_OBJECTS = word_class("owned_objects")
ARMED_SECTORS = {"REB", "OPP"}  # armed groups and oppositions, whose backing is material help


def find_events(doc_id: str, sdoc: Doc, mentions: list[Mention], published: str | None,
                lexicon: Lexicon | None = None) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    gaz = load_gazetteer()
    index = ActorIndex(mentions, sdoc, gaz.demonyms, gaz.country_names)
    places = find_places(sdoc)
    events: list[Event] = []  # what the article has told so far: later triggers read it
    paragraphs = paragraph_starts(doc_text(sdoc))
    place_starts = [p.start for p in places]
    last_date = None  # (paragraph, iso, precision) of the latest date a sentence's main clause gave
    for sent in index.sentences:
        found = typed(sent, [f for f in (match_trigger(t, lexicon, index) for t in sent) if f])
        whens = find_whens(sent.text, published) if found or DATE_HINT.search(sent.text) else []
        paragraph = bisect_right(paragraphs, sent.start_char)
        narrative = last_date[1:] if last_date and last_date[0] == paragraph else None
        main = own_whens(sent.root, sent, whens) or whens  # 'said on Monday ..., as it did in 2023': Monday
        last_date = (paragraph, main[-1].iso, main[-1].precision) if main else last_date
        if not found:
            continue
        # a capital standing for its government ('Kabul accused ...') is an actor there, not a place
        sent_places = [p for p in places[bisect_left(place_starts, sent.start_char):
                                         bisect_left(place_starts, sent.end_char)]
                       if index.at(sdoc[p.token_start]) is None]
        ctx = Context(doc_id, index, whens, sent_places, published, gaz, events, narrative)
        code_sentence(sent, found, ctx, lexicon)
    events = unique(events)
    date_headlines(events, index.sentences[0] if index.sentences else None)
    link_repeats(events)
    return events


def code_sentence(sent: Span, found: list, ctx: Context, lexicon: Lexicon) -> None:
    """Add one sentence's events to `ctx.told`; triggers see the events coded before them in the sentence,
    and the sentence's final set replaces those once restatements within it are merged."""
    start = len(ctx.told)
    covered = verb_objects(found) | embedded(found)  # nouns a verb tells, and acts only set in another
    told_here: list[tuple[Event, str]] = []
    for f in found:
        if f.token.i not in covered:
            new = code_trigger(sent, f, ctx, lexicon)
            told_here += [(e, f.trigger.pos) for e in new]
            ctx.told += new
    del ctx.told[start:]
    coded = once_per_sentence(told_here, sent.doc)
    ctx.told += coded + accusations(coded, sent, ctx)


TOLD_ACTS = {"ASSAULT", "COERCE"}  # material conflict whose telling by another party accuses the doer
HARMS = TOLD_ACTS | {"SANCTION"}  # ... and whose announcement by the doer, still to come, threatens
TO_COME = {"planned", "hypothetical"}


def accusations(coded: list[Event], sent: Span, ctx: Context) -> list[Event]:
    """What telling of an act does. 'Israel said a mortar bomb was fired at it from Gaza', 'the US claimed
    that ISIL had attacked Iraq': a party telling of another's attack accuses the doer (ACCUSE by the teller),
    as PETRARCH codes it; an account of one's own acts ('the army said its troops killed 12 militants')
    accuses no one. 'The junta said it would detain the journalists', 'Iran said it could close the strait':
    announcing one's own harm still to come threatens it (THREATEN, the act's type as its mode)."""
    found, seen = [], set()
    for e in coded:
        teller = telling_verb(e, sent) if e.type in HARMS else None
        subject = next((c for c in teller.children if c.dep_ == "nsubj"), None) if teller is not None else None
        speaker = next(iter(actors_under(subject, ctx.index)), None) if subject is not None else None
        doer = Arg(e.source, None, inferred=True) if e.source else None
        if speaker is None or doer is None:
            continue
        if e.type in TOLD_ACTS and e.status == "reported" and is_party_to(speaker, doer):
            kind, other, note = "ACCUSE", doer, "accusation from telling of another's act"
        elif e.status in TO_COME and party_key(speaker) == party_key(doer) and e.target and not purposed(e, sent):
            kind, other, note = "THREATEN", Arg(e.target, None, inferred=True), "threat from announcing one's own act"
        else:
            continue
        if (kind, speaker.actor_id, other.actor_id) in seen:
            continue
        seen.add((kind, speaker.actor_id, other.actor_id))
        mode = threat_mode(e.type, e.mode) if kind == "THREATEN" else None
        told = Found(Trigger(teller.lemma_.lower(), "verb", kind, mode, (), frozenset(), False), teller,
                     teller.lemma_.lower())
        found.append(with_id(make_event(ctx.doc_id, sent, told, speaker, other, status_of(teller, sent, False),
                                        e.date, e.date_precision, e.location, ctx.gaz, [note])))
    return found


@lru_cache(maxsize=1)
def threat_modes() -> dict[tuple[str, str], str]:
    """(harm type, harm mode or '*') -> the PLOVER mode of threatening it (data/threat_modes.tsv)."""
    return {(harm, harm_mode): mode for harm, harm_mode, mode, *_ in data_rows("threat_modes.tsv")}


def threat_mode(harm: str, harm_mode: str | None) -> str | None:
    """'said it would detain the journalists': a threat of arrest; 'could close the strait': of relations."""
    table = threat_modes()
    return table.get((harm, harm_mode or "")) or table.get((harm, "*"))


def purposed(e: Event, sent: Span) -> bool:
    """'said the ceasefire is aimed at ending the fighting', 'said the operation was to prevent attacks': a harm
    named as what an act is for is no harm the speaker announces."""
    span = sent.doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
    return span is not None and in_purpose(clause_chain(span.root))


NEUTRAL_TELLERS = {"MED"}  # the press reports acts; it does not accuse anyone of them


def is_party_to(speaker: Arg, doer: Arg) -> bool:
    """A teller who can accuse the doer: an actor of a named country, not the press, and of another country
    than the doer ('a senior Guyanese police officer said' a Guyanese court acted: an account, no charge)."""
    country, sector = party_key(speaker)
    return bool(country) and sector not in NEUTRAL_TELLERS and party_key(doer)[0] != country


def telling_verb(e: Event, sent: Span) -> Token | None:
    """The reporting verb ('said', 'claimed') whose clause holds the event's trigger: what it tells is its
    complement ('said a mortar was fired'), not an aside hung on it ('said ..., expanding its campaign against
    the group that has seized parts of Iraq')."""
    span = sent.doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.head.i != token.i:
        child, token = token, token.head
        if token.pos_ == "VERB" and token.lemma_ in REPORTING:
            return token if child.dep_ in TOLD_CLAUSES else None
    return None


TOLD_CLAUSES = {"ccomp", "parataxis", "xcomp"}  # the clause a reporting verb tells


@dataclass
class Reading:
    """One trigger's event as it is being read: its arguments so far and how each was found."""

    f: Found
    sources: list[Arg]
    targets: list[Arg]
    location: Location | None
    own_place: Location | None  # a place in the trigger's own phrase: 'strikes in Khost'
    notes: list[str] = field(default_factory=list)
    earlier: Event | None = None  # the event told before that this one continues, if any


def code_trigger(sent: Span, f: Found, ctx: Context, lexicon: Lexicon) -> list[Event]:
    """The events one trigger tells: its arguments from the parse, then from the sentence, then from the
    story so far; none when it only talks about an act."""
    r = read_arguments(sent, as_truce(f, lexicon), ctx, lexicon)
    if r is None:
        return []
    fill_from_sentence(r, sent, ctx, lexicon)
    if not fill_from_story(r, sent, ctx, lexicon):
        return []
    return finish(r, sent, ctx)


def as_truce(f: Found, lexicon: Lexicon) -> Found:
    """'the ceasefire it had agreed with the government': the ceasefire, between those who agreed it."""
    if f.trigger.type == "AGREE" and f.token.dep_ in ("acl", "relcl") and is_truce(f.token.head, lexicon):
        return Found(replace(f.trigger, type="RETREAT", mode="ceasefire", context=("military",)), f.token, f.text)
    return f


def read_arguments(sent: Span, f: Found, ctx: Context, lexicon: Lexicon) -> Reading | None:
    """The parties the parse gives (None when the trigger is only a mention of an act)."""
    token, trig, index = f.token, f.trigger, ctx.index
    if trig.pos == "verb":
        source_heads, target_heads = verb_arguments(token)
        inferred_source = False
    else:
        claimed_by = claimant(token) if trig.type in ACCUSED_ACTS else []  # one claims attacks, not truces
        source_heads, target_heads, inferred_source = noun_arguments(token, f.text, index, trig.type)
        source_heads = claimed_by or source_heads
    sources = [a for h in source_heads for a in actors_under(h, index)]
    targets = [a for h in target_heads for a in actors_under(h, index)]
    location = pick_place(token, ctx.places, trig.type)
    sources, targets = ([resolve_bare(a, index, token, location, others) for a in side]
                        for side, others in ((sources, targets), (targets, sources)))
    sources, targets = at_home(sources, targets), at_home(targets, sources)
    notes = ["source from the governing verb"] if inferred_source else []
    return Reading(f, sources, targets, location, pick_place(token, ctx.places, ""), notes)


def capital_voice(verb: Token, gaz) -> Arg | None:
    """'The deal was welcomed in Nairobi', 'the plan was rejected in Moscow': a word or deed met with in a
    capital, by no one named, is its government's (a capital standing for it, as in 'Moscow said')."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for place in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"):
            actor_id = gaz.aliases.get(place.text)
            if actor_id and actor_id.endswith(".GOV"):
                return Arg(actor_id, None, inferred=True)
    return None


def fill_from_sentence(r: Reading, sent: Span, ctx: Context, lexicon: Lexicon) -> None:
    """Parties the rest of the sentence gives: what a verbal act is about, the subject of a clause holding an
    event noun, the country it happens in, 'the two sides', the people protesting."""
    token, trig, index = r.f.token, r.f.trigger, ctx.index
    if not r.sources and trig.pos == "verb" and quad(trig.type).startswith("verbal"):
        seat = capital_voice(token, ctx.gaz)
        if seat is not None:
            r.sources = [seat]
            r.notes.append("source from the capital")
    if not r.targets and trig.type in VERBAL_TARGETS and not (is_reciprocal(r.f) and len(r.sources) > 1):
        # ('Pakistani and Afghan officials traded accusations over the TTP': at each other, not the TTP)
        r.targets = event_object_target(token, ctx, lexicon, r.sources) or content_actors(token, index, r.sources)
    if not r.sources and trig.pos == "noun" and token.dep_ in ("dobj", "attr", "appos") and (
            token.head.lemma_ not in OPPOSING) and not names_it(token.head):
        r.sources = sentence_subject(sent, index, {a.actor_id for a in r.targets})
    where = r.own_place.country if r.own_place else None
    if not r.targets and trig.type in PLACE_TARGETS and where:
        if not r.sources or all(country_of(a.actor_id, ctx.gaz) != where for a in r.sources):
            r.targets = [Arg(where, None, inferred=True)]
            r.notes.append("target from place")
    if (not r.sources and not r.targets and (is_reciprocal(r.f) or trig.type in MUTUAL)
            and r.f.text not in OWN_PARTIES_ONLY and names_both_sides(token, sent)):
        r.sources = both_sides(r, context_pair(token, index, ctx.told, trig.type)) or r.sources
    if r.sources and not r.targets and trig.type == "COERCE" and trig.objects & POWER_OBJECTS:
        r.targets = [Arg(f"{country}.GOV", None, inferred=True) for country in
                     {party_key(a)[0] for a in r.sources} if country]
    if not r.sources and trig.type == "PROTEST":
        r.sources = protesters(r.targets, r.own_place or r.location) or story_protesters(token, index, r.targets)
    if is_reciprocal(r.f) and not r.targets and r.sources and all(not party_key(a)[0] for a in r.sources):
        # 'border forces exchanged fire': forces of no named country, on both sides
        r.sources = both_sides(r, context_pair(token, index, ctx.told, trig.type)) or r.sources


def both_sides(r: Reading, pair: list[Arg]) -> list[Arg]:
    """The pair the context gave, noted as such; nothing when it gave none."""
    if pair:
        r.notes.append("both sides from context")
    return pair


def fill_from_story(r: Reading, sent: Span, ctx: Context, lexicon: Lexicon) -> bool:
    """Parties the story so far gives: the event this one continues, the two sides of an unattributed
    mutual act, the sides of mediated talks. False when the trigger only points back to an act told."""
    token, trig, index = r.f.token, r.f.trigger, ctx.index
    mutual_pair = not r.targets and len(r.sources) > 1 and trig.type in MUTUAL  # 'the two sides met'
    if (not (r.sources and r.targets) and not mutual_pair and trig.curated
            and not is_mediation(token, trig)):
        told_as = event_subject(token, lexicon) or token  # 'the strikes hit homes': the strikes told before
        r.earlier = antecedent(ctx.told, trig.type, told_as, r.sources, r.targets,
                               r.own_place or pick_place(told_as, ctx.places, ""), trig.mode)
        if r.earlier is not None:
            if is_claim(trig, token) and r.sources and is_unnamed(r.earlier.source, ctx.gaz):
                name_doer(r.earlier, r.sources[0], ctx.gaz)
            if trig.pos == "noun" and not r.sources and not r.targets:
                return False  # 'the progress of the negotiations': a mention of the talks told before, not news
            r.notes += [f"{side} from an earlier event" for side, args in (("source", r.sources),
                                                                           ("target", r.targets)) if not args]
            r.sources, r.targets = from_earlier(r.earlier, r.sources, r.targets)
    if (not r.sources and not r.targets and is_reciprocal(r.f) and trig.pos == "noun"
            and r.f.text not in OWN_PARTIES_ONLY):
        r.sources = both_sides(r, context_pair(token, index, ctx.told, trig.type))  # 'A ceasefire holds'
    if is_mediation(token, trig) and r.sources:
        # 'talks mediated by Qatar and Turkey': each mediator consults each side, not the other mediator
        co_mediators = [t for t in r.targets if party_key(t) not in map(party_key, r.sources)
                        and is_coordinated_with(t, r.sources, token.doc)]
        r.sources = r.sources + co_mediators
        named_sides = [t for t in r.targets if t not in co_mediators]
        if len({party_key(t) for t in named_sides}) < 2:  # 'mediated between X and Y' names both sides
            r.targets = context_pair(token, index, ctx.told, trig.type,
                                     exclude=tuple(party_key(a) for a in r.sources))
            r.notes += ["sides of the mediated talks from context"] if r.targets else []
    return True


def finish(r: Reading, sent: Span, ctx: Context) -> list[Event]:
    """The events of a reading: an ended agreement's refusal, a closure no one is named for, or one event
    per pair of parties once the other side (if still missing) comes from the context."""
    token, trig = r.f.token, r.f.trigger
    ender = ending_verb(token) if trig.pos == "noun" and trig.type in AGREEMENT_TYPES else None
    if owns_up(trig) and not owned_act(token):
        return []  # 'the minister took responsibility for the delays' owns up to no attack
    if ender is not None:
        when, precision = dated(r, sent, ctx)
        return refusals(ctx.doc_id, sent, r.f, ender, r.sources, r.targets, ctx.index, when, precision, r.location,
                        ctx.gaz, r.notes)
    if not r.sources and not r.targets:
        if has_unresolved_party(r.f):
            when, precision = dated(r, sent, ctx)
            # 'the junta recalled its ambassador': a doer the gazetteer does not know is still someone doing it
            return [make_event(ctx.doc_id, sent, r.f, None, None, status_of(token, sent, False), when,
                               precision, r.own_place or r.location, ctx.gaz, r.notes + ["party not resolved"])]
        if not is_closure(trig) or is_quoted(token, sent):
            return []  # a closure with no one named is news; one in a trader's lament is colour
        when, precision = dated(r, sent, ctx)
        # 'the Torkham crossing remained closed': a closure of a border or crossing, whoever closed it
        return [make_event(ctx.doc_id, sent, r.f, None, None, status_of(token, sent, trig.pos == "noun"), when,
                           precision, r.own_place or r.location, ctx.gaz, r.notes + ["no party named"])]
    other_side_from_context(r, ctx)
    when, precision = dated(r, sent, ctx)
    status = status_of(token, sent, trig.pos == "noun")
    if owns_up(trig) and status == "asserted":
        status = "reported"  # 'the TTP claimed responsibility': the claimant's word for it
    if only_talk(r, sent, status):
        return []
    # 'wants to help': an AGREE, not the help; 'announced it would free them': an AGREE and the planned release
    readings = stated_intent(r.f, r.sources, sent, ctx.index, status) or [(r.f, status)]
    return [e for f, told in readings for source, target in event_pairs(r)
            if (e := emit(replace(r, f=f), sent, ctx, source, target, told, when, precision)) is not None]


NOMINALS = {"NOUN", "PROPN"}


def has_unresolved_party(f: Found) -> bool:
    """A verb trigger whose subject or object is a noun phrase, though no known actor: a party of the act."""
    if f.trigger.pos != "verb":
        return False
    sources, targets = verb_arguments(f.token)
    return any(h.pos_ in NOMINALS or h.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for h in sources + targets)


def dated(r: Reading, sent: Span, ctx: Context) -> tuple[str | None, str | None]:
    """The reading's date, noting when it only echoes the publication date."""
    when, precision = event_date(r.f.token, sent, ctx, r.earlier)
    if when and date_source(r.f.token, ctx, r.earlier) == "publication":
        r.notes.append(PUBLICATION_DATE)
    return when, precision


def other_side_from_context(r: Reading, ctx: Context) -> None:
    """Every PLOVER type has two sides, even unsaid: the place visited, the party last dealing with the one
    named, or the nearest other actor; but 'plans to consult neighbouring capitals' names its own."""
    token, trig = r.f.token, r.f.trigger
    mutual_pair = not r.targets and len(r.sources) > 1 and trig.type in MUTUAL
    unnamed_partner = trig.type == "CONSULT" and trig.pos == "verb" and has_unnamed_object(token, ctx.index)
    if bool(r.sources) != bool(r.targets) and not mutual_pair and not unnamed_partner:
        known = r.sources or r.targets
        other = counterpart(ctx.told, token, known, trig.type) or context_party(
            token, ctx.index, known, foreign="target from place" in r.notes)
        if other:
            r.notes.append("target from context" if r.sources else "source from context")
            r.sources, r.targets = (r.sources, other) if r.sources else (other, r.targets)


def only_talk(r: Reading, sent: Span, status: str) -> bool:
    """Talk about acts with no party named tells none: a question aimed at no one named, what did not happen to no one
    named, 'neither side is ready for another round of fighting', '"A ceasefire is not a settlement"'."""
    guessed_sides = "both sides from context" in r.notes or {"source from an earlier event",
                                                              "target from an earlier event"} <= set(r.notes)
    if status == "hypothetical" and (SOURCE_GUESSES | TARGET_GUESSES) & set(r.notes) and is_question(sent):
        return True
    if guessed_sides and r.f.trigger.pos == "verb" and status == "negated":
        return True
    return r.f.trigger.pos == "noun" and guessed_sides and (
        status == "hypothetical" or is_quoted(r.f.token, sent) or no_one_does(r.f.token))


def event_pairs(r: Reading) -> list[tuple[Arg | None, Arg | None]]:
    if is_reciprocal(r.f) and not r.targets and len({a.actor_id for a in r.sources}) > 1:
        # 'India and Pakistan traded accusations': each side's act is aimed at the other, whatever the type
        return [(a, b) for a in r.sources for b in r.sources if a.actor_id != b.actor_id]
    found = pairs(r.sources, r.targets, r.f.trigger.type in MUTUAL and not attacks_a_thing(r.f))
    if is_reciprocal(r.f):
        found += [(t, s) for s, t in found if s and t and (t, s) not in found]
    return found


def emit(r: Reading, sent: Span, ctx: Context, source: Arg | None, target: Arg | None, status: str, when,
         precision) -> Event | None:
    """One event between two parties, or None when they cannot be its two sides."""
    trig, token = r.f.trigger, r.f.token
    if source and target and (source.actor_id == target.actor_id or one_party(source, target)):
        if len(r.targets) > 1 or len(r.sources) > 1:
            return None  # 'the US ... Washington's strategy': one party, not two
        target = None  # 'the country recalled its ambassador': its own envoy is no other side; the act stands
    event = make_event(ctx.doc_id, sent, r.f, source, target, status, when, precision, r.location, ctx.gaz,
                       r.notes)
    return with_id(as_refusal(as_material_backing(event, target, token), token))


def claimant(noun: Token) -> list[Token]:
    """Who owns up to an act, or is held responsible for it: 'the TTP claimed the attack', 'the group, which
    she said was responsible for a string of attacks' ('claimed responsibility' is a trigger of its own)."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ == "claim":
        return subject_heads(head)
    if noun.dep_ != "pobj" or head.lower_ != "for":
        return []
    owner = head.head
    if owner.lemma_ == "responsible" and owner.dep_ in ("acomp", "amod"):
        return subject_heads(owner.head) if owner.dep_ == "acomp" else [owner.head]
    return []


def protesters(targets: list[Arg], place: Location | None) -> list[Arg]:
    """Demonstrations with no one named are the people's of the country they happen in ('protests in Swat
    against the TTP'), or, against a group or an institution of one country, of that country; not against a
    state as a whole ('marched against Ukrainian grain imports', 'against Israel' are mostly foreigners' protests)."""
    country = place.country if place and place.country else next(
        (party_key(t)[0] for t in targets if party_key(t)[0] and "." in t.actor_id), None)
    return [Arg(f"{country}.CVL", None, inferred=True)] if country else []


def story_protesters(token: Token, index: ActorIndex, targets: list[Arg]) -> list[Arg]:
    """'Protests over food shortages have gone on for months', 'riots broke out in several cities': with no
    protester or place named, the people of the country the story was just talking about (the nearest
    actor with a country in this sentence or the few before), an inferred reading; never the country the
    protest is against ('thousands marched against Israel')."""
    against = {party_key(a)[0] for a in targets}
    country = next((m.country for _, m in nearby_mentions(token, index) if m.country and m.country not in against),
                   None)
    return [Arg(f"{country}.CVL", None, inferred=True)] if country else []


def is_closure(trig: Trigger) -> bool:
    """A closing or shutting of a border, crossing, route or office (a trigger that needs such an object)."""
    return trig.type == "SANCTION" and bool(trig.objects) and trig.mode == "discontinue"


def has_unnamed_object(verb: Token, index: ActorIndex) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(actors_under(o, index) for o in objects)


def is_mediation(token: Token, trig: Trigger) -> bool:
    return trig.type == "CONSULT" and token.lemma_.lower() in MEDIATING


def is_quoted(token: Token, sent: Span) -> bool:
    """Whether the word stands inside quotation marks opened in its sentence."""
    before = doc_text(token.doc)[sent.start_char:token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_claim(trig: Trigger, token: Token) -> bool:
    """'The TTP claimed responsibility (for that attack)', 'claimed the attack'."""
    return owns_up(trig) or (trig.type in ACCUSED_ACTS and bool(claimant(token)))


def owns_up(trig: Trigger) -> bool:
    """'claimed / accepted / admitted / took responsibility': the verb is the claimed act's trigger."""
    return trig.pos == "verb" and trig.lemma in OWNING_UP and bool(trig.objects & OWNED_OBJECTS)


def owned_act(verb: Token) -> bool:
    """Responsibility 'for' an attack or a coercion; with no 'for', only a claim tells of an attack ('the
    minister accepted responsibility' owns up to a failure)."""
    owned = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in OWNED_OBJECTS]
    acts = [p for o in owned for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "for"
            for p in prep.children if p.dep_ == "pobj"]
    if not acts:
        return verb.lemma_.lower() == "claim"
    forms = [form for a in acts for form in compound_forms(a)]
    return any(t.type in ACCUSED_ACTS for form in forms for t in load_lexicon().candidates(form, "noun"))


def name_doer(event: Event, claimer: Arg, gaz) -> None:
    """A claim of responsibility names the unnamed doer of the act it claims ('a suicide bomber struck ...,
    and the TTP claimed responsibility'). The event is updated in place, where the article's list holds it."""
    event.source = claimer.actor_id
    event.source_code = code_at(claimer, event.date, gaz)
    event.notes = [*event.notes, "doer named by a claim of responsibility"]
    with_id(event)


def is_unnamed(actor_id: str | None, gaz) -> bool:
    """A bare sector ('militants', 'a suicide bomber'), not a group with a name of its own."""
    return bool(actor_id) and "." not in actor_id and ":" not in actor_id and actor_id not in gaz.actors \
        and actor_id not in gaz.countries


def with_id(event: Event) -> Event:
    """The event's id from its final fields: retyping or naming a party after coding must not leave an id
    another event could collide with."""
    event.event_id = short_hash(event.doc_id, str(event.start), str(event.trigger_start), event.type,
                                event.source or "", event.target or "")
    return event


def is_truce(noun: Token, lexicon: Lexicon) -> bool:
    return any(t.type == "RETREAT" and t.mode == "ceasefire" for t in lexicon.candidates(noun.lemma_.lower(), "noun"))


def ending_verb(noun: Token) -> Token | None:
    """The verb that ends the agreement a noun names: 'ending the ceasefire', 'walked away from a truce',
    'would not extend its ceasefire'."""
    if noun.dep_ == "pobj" and noun.head.lower_ in OUTCOME_PREPS:
        return None  # 'the talks ended with an agreement', 'broke up without agreement': the outcome
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if verb.pos_ in ("ADV", "ADP") and verb.dep_ in ("advmod", "prt", "prep"):  # 'walked away from'
        verb = verb.head
    if verb.pos_ != "VERB" or noun.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return None
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.i > verb.i]
    words = {lemma} | {f"{lemma} {p}" for p in particles}
    negated_keep = lemma in KEEPING and any(c.dep_ == "neg" for c in verb.children)
    return verb if words & ENDING or negated_keep else None


def refusals(doc_id, sent, f: Found, verb: Token, sources, targets, index, when, precision, location, gaz,
             notes) -> list[Event]:
    """REJECT by whoever ends the agreement, aimed at the other side of it."""
    enders: list[Arg] = []
    for clause in (verb, verb.head, verb.head.head):  # 'the TTP announced that it was ending ...'
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        enders = actors_under(subject, index) if subject is not None else []
        if enders:
            break
    enders = enders or sources[:1]
    others = [a for a in sources + targets if party_key(a) not in map(party_key, enders)]
    if enders and not others:
        others = context_party(f.token, index, enders, foreign=False)
    status = refusal_status(verb, sent)
    if not enders or not others or status is None:
        return []
    rejected = Found(replace(f.trigger, type="REJECT", mode=None, context=()), f.token, f.text)
    return [make_event(doc_id, sent, rejected, e, o, status, when, precision, location, gaz,
                       notes + ["ending an agreement"]) for e in enders for o in others[:1]]


def refusal_status(verb: Token, sent: Span) -> str | None:
    """The ending verb's own status: 'could suspend the treaty' is a hypothetical refusal, 'plans to end the
    truce' a planned one; 'would not extend its ceasefire' refuses outright, 'will not suspend it' refuses nothing;
    'announced that it was ending the ceasefire': saying so is the refusal."""
    status = status_of(verb, sent, False)
    if status == "negated":
        return "asserted" if verb.lemma_.lower() in KEEPING else None
    return "asserted" if status == "reported" else status


def as_material_backing(event: Event, target: Arg | None, token: Token) -> Event:
    """'India is backing the TTP', 'the Pakistan-backed Taliban': backing an armed group or a movement is
    material help (AID), not words of support."""
    armed = code_key(event.target_code)[1] in ARMED_SECTORS  # an armed group or opposition at the event's date
    named = target is not None and target.mention is not None and target.mention.group
    # 'backing' a named movement is material whatever it governs; 'supporting' it only while it is armed
    movement = armed or (named and token.lemma_.lower() in MATERIAL_BACKING)
    backer = code_key(event.source_code)[1] not in PEOPLE  # 'Pakistanis who support Taliban rule' do not arm them
    if event.type != "SUPPORT" or token.lemma_.lower() not in BACKING or not movement or not backer:
        return event
    return replace(event, type="AID", quad=quad("AID"), intensity=intensity("AID", None))


def as_refusal(event: Event, token: Token) -> Event:
    """'Pakistan did not extend the deadline': not yielding is itself a refusal (REJECT), not a negated
    concession; so is saying one will not cooperate ('said he would not provide support to Israel')."""
    mode = "yield" if event.type == "CONCEDE" else refused(event.type, token)
    if event.status != "negated" or mode is None:
        return event
    return replace(event, type="REJECT", mode=mode or None, status="asserted", quad=quad("REJECT"),
                   intensity=intensity("REJECT", None))


def pairs(sources: list[Arg], targets: list[Arg], mutual: bool) -> list[tuple[Arg | None, Arg | None]]:
    """One event per source and target; 'Pakistani and Afghan officials met' is a meeting of each with the
    other when the action is mutual by nature."""
    if any(names_the_kind(b, a) for a in sources for b in sources):
        sources = list({a.actor_id: a for a in sources if not any(names_the_kind(b, a) for b in sources)}.values())
    if not targets and len(sources) > 1 and mutual:
        return [(a, b) for a in sources for b in sources if a.actor_id != b.actor_id]
    return [(s, t) for s in sources or [None] for t in targets or [None]]


def attacks_a_thing(f: Found) -> bool:
    """'The US, Britain and Jordan shot down the drones': an attack with an object of its own is done to it,
    not by each of its doers to the others, as 'X and Y clashed' is."""
    return f.trigger.type == "ASSAULT" and f.trigger.pos == "verb" and any(
        c.dep_ == "dobj" and c.lower_ not in ("other", "another") for c in f.token.children)  # not "each other"


def names_the_kind(named: Arg, kind: Arg) -> bool:
    """'the Somali militant group al-Shabab', 'the rebel group M23': a named armed group and the unnamed kind
    it is an instance of, of the same country, are one party, not two sides."""
    group = named.mention is not None and named.mention.group
    generic = kind.mention is not None and not kind.mention.group
    return bool(group and generic) and party_key(named) == party_key(kind) and party_key(kind)[1] in ARMED_SECTORS \
        and abs(named.mention.start - kind.mention.end) <= 2  # side by side, not 'M23 and Congolese rebels'


def is_reciprocal(f: Found) -> bool:
    lemma = f.token.lemma_.lower()
    return lemma in RECIPROCAL and (f.trigger.type != "ACCUSE" or lemma == "trade") and (
        f.trigger.type in MUTUAL or lemma == "trade")


def pick_place(token: Token, places: list[PlaceMention], event_type: str) -> Location | None:
    """A place in the trigger's own phrase ('strikes in Khost'), else for physical events the nearest
    place in the sentence."""
    deps = ("prep", "dobj", "advmod", "npadvmod") if token.pos_ == "VERB" else None
    subtree = {token.i} | {t.i for c in token.children if (deps is None or c.dep_ in deps)
                           and c.lower_ not in OTHER_TIME for t in c.subtree}
    own = [p for p in places if p.token_start in subtree]
    pool = own or (places if event_type in MATERIAL else [])
    if not pool:
        return None
    best = min(pool, key=lambda p: (p.place.kind == "country", abs(p.token_start - token.i)))
    place = best.place
    return Location(doc_text(token.doc)[best.start:best.end], place.country, place.lat, place.lon)


def make_event(doc_id, sent: Span, f: Found, source: Arg | None, target: Arg | None, status, when, precision,
               location, gaz, notes) -> Event:
    trig, token = f.trigger, f.token
    mode = trig.mode or model_mode(sent, token, trig.type)
    confidence = 0.8 if trig.curated else 0.6
    if f.probability is not None:  # the model's word on the type weighs as much as how the parties were found
        confidence = (confidence + f.probability) / 2 + 0.1
    confidence += 0.1 if source and target else -0.1
    confidence -= 0.2 * sum(1 for a in (source, target) if a and a.inferred) + (0.1 if notes else 0)
    if mode and not trig.mode:  # noted after the confidence: the type and parties are as sure as before
        notes = [*notes, "mode from the event model"]
    text = sent.text.rstrip()
    event_id = short_hash(doc_id, str(sent.start_char), str(token.idx), trig.type,
                          source.actor_id if source else "", target.actor_id if target else "")
    return Event(
        event_id=event_id, doc_id=doc_id, evidence=text, start=sent.start_char, end=sent.start_char + len(text),
        source=source.actor_id if source else None, target=target.actor_id if target else None,
        type=trig.type, mode=mode, context=list(trig.context), quad=quad(trig.type),
        intensity=intensity(trig.type, mode), status=status, date=when, location=location,
        confidence=round(max(0.1, min(confidence, 0.99)), 2),
        source_code=code_at(source, when, gaz), target_code=code_at(target, when, gaz),
        trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token.text),
        date_precision=precision, notes=list(notes))


ACCUSED_ACTS = {"ASSAULT", "COERCE"}  # acts a claimant owns: one claims attacks, not truces


def once_per_sentence(told: list[tuple[Event, str]], doc: Doc) -> list[Event]:
    """'Pakistani airstrikes hit villages', 'agreed to a truce ... the truce took effect', 'summoned the
    ambassador to protest': an event noun restating the same act between the same parties as another trigger
    of its sentence, or a verb of purpose hanging on a verb that tells it, is that act."""
    verbs = {(e.type, e.source, e.target) for e, pos in told if pos == "verb"}
    heads = {}
    for e, pos in told:
        span = doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
        purpose = span is not None and span.root.dep_ in ("xcomp", "advcl")  # not 'and': conjoined acts are two
        heads[e.event_id] = (span.root.i, span.root.head.i if purpose else None) if span is not None else (None, None)
    by_key: dict[tuple, set] = {}
    for e, _ in told:
        by_key.setdefault((e.type, e.source, e.target), set()).add(heads[e.event_id][0])
    kept, seen = [], set()
    for e, pos in told:
        key = (e.type, e.source, e.target)
        token, head = heads[e.event_id]
        if pos == "noun" and (key in verbs or key in seen):
            continue
        if pos == "verb" and head is not None and head != token and head in by_key[key]:
            continue  # the verb it hangs on tells the same act
        seen.add(key)
        kept.append(e)
    return kept


def unique(events: list[Event]) -> list[Event]:
    """One event per trigger, type and actor pair: the most confident reading."""
    best: dict[tuple, Event] = {}
    for e in events:
        key = (e.trigger_start, e.type, e.source, e.target)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.start, e.trigger_start))
