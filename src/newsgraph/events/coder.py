"""The event coder: PLOVER events from each sentence of a parsed document.

For every trigger word (a verb or an event noun in the lexicon) the parse gives the source and target
actors, the words around it the status, the sentence (or the publication date) the date, and the place
gazetteer the location. One event per (source, target) pair; several events per sentence are normal.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import COMMENTATOR_SECTORS, Mention, load_gazetteer
from newsgraph.events.arguments import (OPPOSING, STATE_VERBS, ActorIndex, Arg, actors_under, noun_arguments,
                                        pronoun_actor, subject_heads, verb_arguments)
from newsgraph.events.lexicon import Lexicon, Trigger, load_lexicon
from newsgraph.events.plover import intensity, quad
from newsgraph.events.records import Event, Location
from newsgraph.events.status import status_of
from newsgraph.geo import PlaceMention, find_places
from newsgraph.nlp import doc_text
from newsgraph.records import short_hash
from newsgraph.time.relative import When, find_whens, iso_at, parse_published

MATERIAL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "AID", "COOPERATE", "RETREAT", "CONSULT"}
# An attack or coercion 'in Afghanistan' by someone else is done to Afghanistan.
PLACE_TARGETS = {"ASSAULT", "COERCE"}
PUBLICATION_DATE = "date from publication"
# Cheap test for a time expression, before parsing the dates of a sentence that tells no event.
DATE_HINT = re.compile(r"\b(?:1[89]\d\d|20\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|ago|last|next)\w*", re.I)
FACTUAL = {"asserted", "reported"}
MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"}
VERBAL_TARGETS = {"THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"}
NOUN_TAGS = {"NOUN", "PROPN"}
CONTEXT_REACH = 3  # sentences back to look for the other party
# Acts that two parties do with each other: a meeting of Pakistan with Afghanistan is also one of
# Afghanistan with Pakistan, and each side is coded as a source.
RECIPROCAL = {"talk", "talks", "negotiation", "negotiate", "meet", "meeting", "discuss", "discussion", "dialogue",
              "consultation", "agreement", "deal", "accord", "ceasefire", "cease-fire", "truce", "clash",
              "firefight", "fighting", "exchange", "trade"}
# 'the two sides', 'both countries': the pair the article has been writing about.
# Mutual acts whose two sides an unattributed later one ('the ceasefire holds') continues.
DYAD_TYPES = {"CONSULT", "AGREE", "RETREAT", "COOPERATE"}
# Reciprocal words too common in passing ('trade, refugees, visas') to pair up from the context alone.
OWN_PARTIES_ONLY = {"trade"}
PERMITTING = {"allow", "permit", "let", "enable"}
SESSIONS = {"meeting", "session", "summit", "conference"}
PAIR_WORDS = {"side", "country", "neighbour", "neighbor", "government", "delegation", "party", "capital"}
REPORTING = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm", "allege", "note"}
MEDIATING = {"mediate", "broker", "facilitate", "host", "sponsor", "go-between", "mediator", "intermediary"}
# 'Kabul falls to the Taliban': the one it falls to does it, to the government of what falls
FALLING = {"fall to", "surrender to", "lose to"}
VICTIM_VERBS = {"die", "perish"}
CONTROL = "@control"  # a lexicon object meaning 'X verb Y to do Z' (expect, want)
PLACE_NOUNS = {"capital", "city", "province", "soil", "territory", "border", "side", "region", "district"}
# 'took power', 'seized control': done to the government of the country.
POWER_OBJECTS = {"power", "control"}
# Ending, breaking or walking away from an agreement, a truce or talks is a refusal of them (REJECT),
# not another agreement; so is declining to extend or honour one.
ENDING = {"end", "break", "abandon", "scrap", "violate", "breach", "quit", "terminate", "cancel", "revoke",
          "repudiate", "renounce", "suspend", "call off", "walk away", "pull out", "withdraw"}
OUTCOME_PREPS = {"with", "without", "in"}
KEEPING = {"extend", "renew", "honour", "honor", "respect", "observe", "keep"}
AGREEMENT_TYPES = {"RETREAT", "AGREE", "CONSULT", "COOPERATE"}
# Backing an armed group is material help (money, arms, sanctuary), not words of support.
BACKING = {"back", "backing", "support", "sponsor", "sponsorship", "patronage"}
ARMED_SECTORS = {"REB", "OPP"}  # armed groups, and oppositions in exile that a state backs
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
# Verbal acts told in the passive with no 'by' ('Pakistan was accused of ...') hide their source on
# purpose: it is not guessed from the context.
# Acts only a party to the conflict can perform; a commentator's 'warning' is a forecast.
ACTS_OF_PARTIES = {"THREATEN", "REQUEST"}
HIDDEN_SOURCE_TYPES = {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE"}


@dataclass
class Found:
    trigger: Trigger
    token: Token
    text: str


@dataclass
class Context:
    """What coding one trigger may read besides its sentence: the document's actors, the sentence's time
    expressions and places, and the events the document has told so far (in order)."""

    doc_id: str
    index: ActorIndex
    whens: list
    places: list
    published: str | None
    gaz: object
    told: list
    narrative: object = None  # (iso, precision) of the last date the paragraph gave, for sentences with none


def find_events(doc_id: str, sdoc: Doc, mentions: list[Mention], published: str | None,
                lexicon: Lexicon | None = None) -> list[Event]:
    lexicon = lexicon or load_lexicon()
    gaz = load_gazetteer()
    index = ActorIndex(mentions, sdoc, gaz.demonyms, gaz.country_names)
    places = find_places(sdoc)
    events: list[Event] = []
    paragraphs = paragraph_starts(doc_text(sdoc))
    last_date = None  # (paragraph, iso, precision) of the latest explicit date
    for sent in index.sentences:
        found = [f for f in (match_trigger(t, lexicon, index) for t in sent) if f]
        if is_label(sent):
            found = [f for f in found if f.trigger.pos == "verb"]  # 'Talks in Kabul': a section heading
        if not found:
            dates = find_whens(sent.text, published) if DATE_HINT.search(sent.text) else []
            if dates:
                last_date = (bisect_right(paragraphs, sent.start_char), dates[-1].iso, dates[-1].precision)
            continue
        # a capital standing for its government ('Kabul accused ...') is an actor there, not a place
        sent_places = [p for p in places if sent.start_char <= p.start < sent.end_char
                       and index.at(sdoc[p.token_start]) is None]
        so_far = list(events)  # what the article has told up to this trigger, this sentence included
        paragraph = bisect_right(paragraphs, sent.start_char)
        whens = find_whens(sent.text, published)
        narrative = last_date[1:] if last_date and last_date[0] == paragraph else None
        ctx = Context(doc_id, index, whens, sent_places, published, gaz, so_far, narrative)
        if whens:
            last_date = (paragraph, whens[-1].iso, whens[-1].precision)
        covered = verb_objects(found)
        told_here: list[tuple[Event, str]] = []
        for f in found:
            if f.token.i in covered:
                continue
            new = code_trigger(sent, f, ctx, lexicon)
            told_here += [(e, f.trigger.pos) for e in new]
            so_far += new
        coded = once_per_sentence(told_here, sdoc)
        events += coded + reported_accusations(sent, coded, ctx)
    events = unique(events)
    date_headlines(events, index.sentences[0] if index.sentences else None)
    link_repeats(events)
    return events


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


def match_trigger(token: Token, lexicon: Lexicon, index: ActorIndex) -> Found | None:
    state = is_state_of(token)
    pos = "verb" if token.pos_ == "VERB" or state else "noun" if token.pos_ in NOUN_TAGS else None
    lemma = STATE_WORDS.get(token.lower_, token.lemma_.lower()) if state else common_lemma(token)
    if pos is None or not lexicon.could_start(lemma, pos):
        return None
    if index.at(token) is not None:
        return None  # 'Resistance Front', 'Foreign Office': part of a name, not an action
    if token.dep_ == "amod" and not any(c.dep_ in ("npadvmod", "compound") and (
            index.at(c) is not None or index.state_word(c)) for c in token.children):
        return None  # 'the banned group' describes it; 'the Pakistan-backed Taliban' tells who backs it
    objects = object_lemmas(token) | object_markers(token, index)
    if pos == "verb":
        for text in ([lemma] if state else phrasal(token)):
            trig = pick(lexicon.candidates(text, "verb"), objects)
            if trig and (trig.curated or token.dep_ != "amod"):  # 'Taliban-dominated': a description
                return Found(trig, token, text)
    elif token.pos_ in NOUN_TAGS and (token.lemma_.islower() or is_capitalised_common_noun(token)):
        for text in compound_forms(token):
            trig = pick(lexicon.candidates(text, "noun"), objects)
            if trig:
                return Found(trig, token, text)
    return None


STATE_WORDS = {"closed": "close", "shut": "shut", "sealed": "seal", "suspended": "suspend", "blocked": "block"}


def is_state_of(token: Token) -> bool:
    return token.dep_ in ("acomp", "oprd") and token.pos_ in ("ADJ", "VERB") and token.head.lemma_ in STATE_VERBS


def is_capitalised_common_noun(token: Token) -> bool:
    """'Negotiations between Islamabad and the TTP ...': a sentence's first word, tagged a proper noun only
    for its capital letter."""
    return token.is_sent_start and token.is_title and token.ent_type_ in ("", "EVENT")


def common_lemma(token: Token) -> str:
    """The lemma of a noun, also for a capitalised common noun the tagger took for a name."""
    lemma = token.lemma_.lower()
    if token.pos_ != "PROPN":
        return lemma
    for plural, singular in (("ies", "y"), ("es", "e"), ("s", "")):
        if lemma.endswith(plural) and len(lemma) > 4:
            return lemma[: -len(plural)] + singular
    return lemma


PARTICLES = {"back", "down", "off", "out", "up", "away", "over"}  # adverbs the parser gives particles' place


def phrasal(verb: Token) -> list[str]:
    """'crack down', 'call on', 'pull out' before the bare lemma."""
    lemma = verb.lemma_.lower()
    extra = [f"{lemma} {c.lower_}" for c in verb.children if c.i > verb.i and (
        c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.lower_ in PARTICLES))]  # 'fired back
    return extra + [lemma]


def compound_forms(noun: Token) -> list[str]:
    """'air strike' and 'drone attack' before 'strike' and 'attack'."""
    lemma = common_lemma(noun)
    compounds = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    return [f"{compounds[0]} {lemma}"] + [lemma] if compounds else [lemma]


def object_lemmas(token: Token) -> set[str]:
    """What the action is done to, for triggers that need a particular object ('closed the border')."""
    words = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "amod", "attr"):
            words |= {child.lemma_.lower(), child.lower_}
            words |= {c.lemma_.lower() for c in child.children if c.dep_ == "compound"}
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "to"):
            for pobj in child.children:
                words |= {pobj.lemma_.lower(), pobj.lower_}
                words |= {c.lemma_.lower() for c in pobj.children if c.dep_ == "compound"}
    if token.dep_ in ("dobj", "nsubjpass") and token.pos_ in NOUN_TAGS:
        words.add(token.head.lemma_.lower())  # 'trade was suspended' seen from the noun side
    if token.dep_ == "conj" and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in token.children):
        # 'the talks were held in Doha and hosted by Qatar': the second verb shares the first's object
        words |= {c.lemma_.lower() for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")}
    if is_state_of(token):  # 'the crossings remain shut': what is in that state
        for holder in (c for c in token.head.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")):
            words |= {holder.lemma_.lower(), holder.lower_} | {c.lemma_.lower() for c in holder.children
                                                               if c.dep_ == "compound"}
    for complement in (c for c in token.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")):
        words.add(complement.lemma_.lower())  # 'called the attack a violation', 'called it unacceptable'
        words |= {c.lemma_.lower() for c in complement.children if c.dep_ in ("attr", "acomp", "dobj")}
    for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
        # 'allow the opposition to open an office': what the allowed act is done to
        words |= {c.lemma_.lower() for c in clause.children if c.dep_ in ("dobj", "nsubjpass")}
        if is_control(token, clause):
            words.add(CONTROL)  # 'expects Pakistan to act': someone is asked to do something
    return words


GROUP = "@group"  # a lexicon object meaning 'an armed group or named movement' ('hosting the Taliban')
SEAT = "@seat"  # ... meaning 'a state or its capital' ('took Kabul')
HAS_OBJECT = "@object"  # ... meaning 'any direct object' (a transitive sense)
WITH = "@with"  # ... meaning 'with someone'
TO_ACTOR = "@to-actor"  # ... meaning 'to a state or its capital' ('flew to Kabul')


def object_markers(token: Token, index: ActorIndex) -> set[str]:
    """What kind of actor the object is, for triggers whose reading depends on it."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    markers = set()
    for obj in objects:
        mention = index.at(obj)
        if mention is not None and (mention.group or mention.sector == "REB"):
            markers.add(GROUP)
        if mention is not None and mention.country and (mention.kind == "state" or (
                mention.sector == "GOV" and mention.surface == obj.text)):
            markers.add(SEAT)  # 'took Kabul': a capital or a country taken
    if any(c.dep_ == "dobj" for c in token.children):
        markers.add(HAS_OBJECT)  # 'sheltered militants', not 'sheltered on Afghan soil'
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        markers.add(WITH)  # 'engage with Kabul', not 'engage in a proxy conflict'
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        if any(index.at(p) is not None and index.at(p).country for p in prep.children if p.dep_ == "pobj"):
            markers.add(TO_ACTOR)  # 'flew to Kabul': a journey to a government
    return markers


def is_control(verb: Token, clause: Token) -> bool:
    """'expect the Taliban to act', 'wants the merger reversed', 'urged Pakistan to halt': the verb's object
    is to do (or undergo) what the clause says."""
    if clause.dep_ == "xcomp":
        return any(c.dep_ == "dobj" for c in verb.children)
    has_subject = any(c.dep_ == "nsubj" for c in clause.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    small_clause = clause.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    return has_subject and (infinitive or small_clause)


def pick(candidates: list[Trigger], objects: set[str]) -> Trigger | None:
    return next((t for t in candidates if t.fits(objects)), None)


def verb_objects(found: list[Found]) -> set[int]:
    """An event noun that is the object of a verb trigger of the same type is that verb's event
    ('signed an agreement', 'attacked with a drone strike')."""
    verbs = {f.token.i: f.trigger for f in found if f.trigger.pos == "verb"}
    covered = set()
    nouns = {f.token.i: f.trigger for f in found if f.trigger.pos == "noun"}
    for f in found:
        verb = verbs.get(f.token.head.i) if f.trigger.pos == "noun" else None
        if verb and (verb.type == f.trigger.type or f.token.lemma_.lower() in verb.objects):
            covered.add(f.token.i)  # 'suspended trade' is one SANCTION, not also a COOPERATE
        permitter = verbs.get(f.token.head.i) if f.trigger.pos == "verb" and f.token.dep_ in ("xcomp", "ccomp") else None
        if permitter is not None and permitter.lemma in PERMITTING:
            covered.add(f.token.i)  # 'may allow the opposition to open an office': the allowing is the act
        if permitter is not None and permitter.type == "REJECT" and f.token.dep_ == "xcomp":
            covered.add(f.token.i)  # 'refused to negotiate': the refusal is the act, not a negated talk
        content_of = f.token.head.head if f.trigger.pos == "noun" and f.token.head.dep_ in ("acl", "xcomp") else None
        if content_of is not None and nouns.get(content_of.i) is not None and nouns[content_of.i].type == "AGREE":
            covered.add(f.token.i)  # 'an agreement to keep the ceasefire': what was agreed, inside the agreement
        agreement = nouns.get(f.token.head.i) if f.trigger.type == "AGREE" and f.token.dep_ == "acl" else None
        # 'the ceasefire agreed in Doha': the ceasefire, not a second agreement; also when the parser takes
        # the ceasefire for the one agreeing ('The ceasefire agreed in Doha has held')
        agreed = [nouns.get(c.i) for c in f.token.children if c.dep_ == "nsubj"] if f.trigger.type == "AGREE" else []
        if any(a is not None and a.type in AGREEMENT_TYPES for a in [agreement, *agreed]):
            covered.add(f.token.i)
    return covered


def code_trigger(sent: Span, f: Found, ctx: Context, lexicon: Lexicon) -> list[Event]:
    token, trig, index = f.token, f.trigger, ctx.index
    if trig.type == "AGREE" and token.dep_ in ("acl", "relcl") and is_truce(token.head, lexicon):
        # 'the ceasefire it had agreed with the government': the ceasefire, between those who agreed it
        trig = replace(trig, type="RETREAT", mode="ceasefire", context=("military",))
        f = Found(trig, token, f.text)
    if trig.pos == "verb":
        source_heads, target_heads = verb_arguments(token)
        if trig.lemma in FALLING:  # 'Kabul falls to the Taliban'
            source_heads, target_heads = target_heads, source_heads
        elif trig.lemma in VICTIM_VERBS:  # '200 militants died': who died is who was hit
            source_heads, target_heads = [], source_heads
        inferred_source = False
    else:
        claimed_by = claimant(token)
        if is_time_reference(token):
            return []  # 'commitments made during the talks': the talks date another act
        if is_back_reference(token, lexicon) and not claimed_by:
            return []  # 'condemned the expulsions', 'did not confirm the strikes': told before, not again
        source_heads, target_heads, inferred_source = noun_arguments(token, f.text, index)
        source_heads = claimed_by or source_heads
    sources = [a for h in source_heads for a in actors_under(h, index)]
    targets = [a for h in target_heads for a in actors_under(h, index)]
    if trig.pos == "noun" and is_talk_about(token, f.text, sources, targets, index):
        return []  # 'open talk of pressure', 'the cabinet meeting': speech, or one body's own session
    location = pick_place(token, ctx.places, trig.type)
    sources, targets = ([resolve_bare(a, index, token, location, others) for a in side]
                        for side, others in ((sources, targets), (targets, sources)))
    sources, targets = at_home(sources, targets), at_home(targets, sources)
    if trig.lemma in FALLING:
        targets = [Arg(f"{party_key(t)[0]}.GOV", t.mention, inferred=True) for t in targets if party_key(t)[0]]
    notes = ["source from the governing verb"] if inferred_source else []
    if not targets and trig.type in VERBAL_TARGETS and not (is_reciprocal(f) and len(sources) > 1):
        # ('Pakistani and Afghan officials traded accusations over the TTP': at each other, not the TTP)
        targets = event_object_target(token, ctx, lexicon, sources) or content_actors(token, index, sources)
    if not sources and trig.pos == "noun" and token.dep_ in ("dobj", "attr", "appos") and (
            token.head.lemma_ not in OPPOSING):
        sources = sentence_subject(sent, index, {a.actor_id for a in targets})
    own_place = pick_place(token, ctx.places, "")  # in the trigger's own phrase: 'strikes in Khost'
    where = own_place.country if own_place else located_in_state(token, index)
    if not targets and trig.type in PLACE_TARGETS and where:
        if not sources or all(country_of(a.actor_id, ctx.gaz) != where for a in sources):
            targets = [Arg(where, None, inferred=True)]
            notes.append("target from place")
    reciprocal = is_reciprocal(f)
    if (not sources and not targets and (reciprocal or trig.type in MUTUAL) and f.text not in OWN_PARTIES_ONLY
            and names_both_sides(token, sent)):
        sources = context_pair(token, index, ctx.told, trig.type)
        notes.append("both sides from context")
    if sources and not targets and trig.type == "COERCE" and trig.objects & POWER_OBJECTS:
        targets = [Arg(f"{country}.GOV", None, inferred=True) for country in
                   {party_key(a)[0] for a in sources} if country]
    if not sources and trig.type == "PROTEST":
        sources = protesters(targets, own_place or location)
    if not sources and trig.type in HIDDEN_SOURCE_TYPES and is_agentless_passive(token):
        sources = seat_of_reaction(own_place, ctx.gaz)  # 'was welcomed in Islamabad': by its government
    hidden = not sources and trig.type in HIDDEN_SOURCE_TYPES and is_agentless_passive(token)
    if reciprocal and not targets and sources and all(not party_key(a)[0] for a in sources):
        # 'border forces exchanged fire': forces of no named country, on both sides
        sources = context_pair(token, index, ctx.told, trig.type) or sources
        notes.append("both sides from context")
    earlier = None
    mutual_pair = not targets and len(sources) > 1 and trig.type in MUTUAL  # 'the two sides met'
    if not (sources and targets) and not mutual_pair and not hidden and trig.curated and not is_mediation(token, trig):
        told_as = event_subject(token, lexicon) or token  # 'the strikes hit homes': the strikes told before
        earlier = antecedent(ctx.told, trig.type, told_as, sources, targets,
                             own_place or pick_place(told_as, ctx.places, ""), trig.mode)
        if earlier is not None:
            if is_claim(trig, token) and sources and not code_key(earlier.source_code)[0]:
                name_doer(earlier, sources[0], ctx.gaz)
            if trig.pos == "noun" and not sources and not targets:
                return []  # 'the progress of the negotiations': a mention of the talks told before, not news
            notes += [f"{side} from an earlier event" for side, args in (("source", sources), ("target", targets))
                      if not args]
            sources, targets = from_earlier(earlier, sources, targets)
    if not sources and not targets and reciprocal and trig.pos == "noun" and f.text not in OWN_PARTIES_ONLY:
        sources = context_pair(token, index, ctx.told, trig.type)  # 'A ceasefire holds': the two sides just named
        notes.append("both sides from context")
    if is_mediation(token, trig) and sources:
        # 'talks mediated by Qatar and Turkey': each mediator consults each side, not the other mediator
        sources = sources + [t for t in targets if party_key(t) not in map(party_key, sources)
                             and is_coordinated_with(t, sources, token.doc)]
        targets = context_pair(token, index, ctx.told, trig.type, exclude=tuple(party_key(a) for a in sources))
        notes.append("sides of the mediated talks from context")
    ender = ending_verb(token) if trig.pos == "noun" and trig.type in AGREEMENT_TYPES else None
    if ender is not None:
        when, precision = event_date(token, sent, ctx, earlier)
        return refusals(ctx.doc_id, sent, f, ender, sources, targets, index, when, precision, location, ctx.gaz,
                        notes)
    if not sources and not targets:
        if not is_closure(trig) or is_quoted(token, sent):
            return []  # a closure with no one named is news; one in a trader's lament is colour
        when, precision = event_date(token, sent, ctx, earlier)
        # 'the Torkham crossing remained closed': a closure in a known place, whoever closed it
        return [make_event(ctx.doc_id, sent, f, None, None, status_of(token, sent, trig.pos == "noun"), when,
                           precision, own_place or location, ctx.gaz, notes + ["no party named"])]
    if not trig.curated and not (sources and targets):
        return []  # CAMEO-only verbs are too loose to code without both parties
    mutual_pair = not targets and len(sources) > 1 and trig.type in MUTUAL
    unnamed_partner = trig.type == "CONSULT" and trig.pos == "verb" and has_unnamed_object(token, index)
    if sources and not targets and trig.mode == "visit":
        targets = host_of_visit(token, ctx, sources)  # 'arrived in New Delhi for a visit': India's
        notes += ["target from the place visited"] if targets else []
    # every type has two sides, even unsaid; but 'plans to consult neighbouring capitals' names its own
    if bool(sources) != bool(targets) and not hidden and not mutual_pair and not unnamed_partner:
        other = counterpart(ctx.told, token, sources or targets, trig.type) or context_party(
            token, index, sources or targets, foreign="target from place" in notes)
        if other:
            notes.append("target from context" if sources else "source from context")
            sources, targets = (sources, other) if sources else (other, targets)
    when, precision = event_date(token, sent, ctx, earlier)
    if when and date_source(token, ctx, earlier) == "publication":
        notes.append(PUBLICATION_DATE)
    status = status_of(token, sent, trig.pos == "noun")
    if trig.lemma == "claim" and status == "asserted":
        status = "reported"  # 'the TTP claimed responsibility': the claimant's word for it
    guessed_sides = "both sides from context" in notes or {"source from an earlier event",
                                                            "target from an earlier event"} <= set(notes)
    if status == "hypothetical" and (SOURCE_GUESSES | TARGET_GUESSES) & set(notes) and is_question(sent):
        return []  # 'Is Pakistan supporting the opposition?': a headline's question, aimed at no one named
    if guessed_sides and trig.pos == "verb" and status == "negated":
        return []  # 'were not being targeted': nothing happened, to no one named
    if trig.pos == "noun" and guessed_sides and (status == "hypothetical" or is_quoted(token, sent)
                                                 or no_one_does(token)):
        # 'neither side is ready for another round of fighting', '"A ceasefire is not a settlement," said ...':
        # talk about such acts, with no party named, tells none
        return []
    events = []
    pairs_found = pairs(sources, targets, trig.type)
    if reciprocal:
        pairs_found += [(t, s) for s, t in pairs_found if s and t and (t, s) not in pairs_found]
    for source, target in pairs_found:
        if source and target and (source.actor_id == target.actor_id or one_party(source, target)):
            continue  # 'the US ... Washington's strategy': one party, not two
        if trig.type in ACTS_OF_PARTIES and source is not None and party_key(source)[1] in COMMENTATOR_SECTORS:
            continue  # 'analysts warn of chaos', 'observers expect Munir to ...': forecasts, not threats
        if trig.type == "THREATEN" and source is not None and {"IGO", "NGO"} & set(party_key(source)):
            continue  # 'UN agencies warned that returns would be unsafe': a warning without force behind it
        if trig.type == "RETREAT" and source is not None and party_key(source)[1] in PEOPLE:
            continue  # 'refugees fled to Pakistan': migration, not a party withdrawing
        event = make_event(ctx.doc_id, sent, f, source, target, status, when, precision, location, ctx.gaz, notes)
        events.append(as_refusal(as_diplomatic_protest(as_material_backing(event, target, token), source, token)))
    return events


# 'strikes inside Afghanistan after the Mir Ali attack': a phrase placing the event in time names the place
# of another event.
OTHER_TIME = {"after", "before", "since", "following", "amid", "during", "until", "despite", "ahead"}
IN_PLACE = {"in", "inside", "into", "across", "within"}


def located_in_state(token: Token, index: ActorIndex) -> str | None:
    """'strikes inside Afghanistan', 'attacks in Pakistan': a country named as where it happens."""
    children = token.children if token.pos_ != "VERB" else (c for c in token.children if c.dep_ == "prep")
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ in IN_PLACE):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            mention = index.at(pobj)
            if mention is not None and mention.kind == "state":
                return mention.country
    return None


CLAIMING = {"claim", "accept", "take", "admit", "acknowledge", "bear"}


def claimant(noun: Token) -> list[Token]:
    """Who owns up to an act, or is held responsible for it: 'the TTP claimed the attack', 'claimed
    responsibility for that attack', 'the group, which she said was responsible for a string of attacks'."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ == "claim":
        return subject_heads(head)
    if noun.dep_ != "pobj" or head.lower_ != "for":
        return []
    owner = head.head
    if owner.lemma_ in ("responsibility", "credit") and owner.dep_ == "dobj" and owner.head.lemma_ in CLAIMING:
        return subject_heads(owner.head)
    if owner.lemma_ == "responsible" and owner.dep_ in ("acomp", "amod"):
        return subject_heads(owner.head) if owner.dep_ == "acomp" else [owner.head]
    return []


def protesters(targets: list[Arg], place: Location | None) -> list[Arg]:
    """Demonstrations with no one named are the people's of the country they happen in ('protests in Swat
    against the TTP'), or, against a group of one country, of that country."""
    country = place.country if place and place.country else next(
        (party_key(t)[0] for t in targets if party_key(t)[0]), None)
    return [Arg(f"{country}.CVL", None, inferred=True)] if country else []


def host_of_visit(token: Token, ctx: Context, visitors: list[Arg]) -> list[Arg]:
    """The government of the country a visit takes place in, from the place in the trigger's phrase or its
    verb's ('arrived in New Delhi for a week-long visit')."""
    anchor = token.head.head if token.dep_ == "pobj" else token.head if token.pos_ != "VERB" else token
    place = pick_place(token, ctx.places, "") or pick_place(anchor, ctx.places, "")
    if place is None or not place.country or place.country in {party_key(v)[0] for v in visitors}:
        return []
    return [Arg(f"{place.country}.GOV", None, inferred=True)]


def seat_of_reaction(place: Location | None, gaz) -> list[Arg]:
    """A capital named as where an act was received stands for its government."""
    actor_id = gaz.aliases.get(place.name) if place is not None else None
    if actor_id is None or not actor_id.endswith(".GOV"):
        return []
    return [Arg(actor_id, None, inferred=True)]


def is_closure(trig: Trigger) -> bool:
    """A closing or shutting of a border, crossing, route or office (a trigger that needs such an object)."""
    return trig.type == "SANCTION" and bool(trig.objects) and trig.mode == "discontinue"


def one_party(a: Arg, b: Arg) -> bool:
    """The same institution twice ('the US' and 'Washington'); a named movement (the Taliban in power) is
    not the state's other organs."""
    named = any(load_gazetteer().actor(x.actor_id).role_at(None) and load_gazetteer().actor(x.actor_id).role_at(None).group
                or (x.mention is not None and x.mention.group) for x in (a, b))
    return party_key(a) == party_key(b) and not named


def has_unnamed_object(verb: Token, index: ActorIndex) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(actors_under(o, index) for o in objects)


def is_mediation(token: Token, trig: Trigger) -> bool:
    return trig.type == "CONSULT" and token.lemma_.lower() in MEDIATING


# --- events told before ---------------------------------------------------------------------------------------
# An article tells an event once with its parties, then keeps referring to it: 'the strikes', 'dozens were
# killed', 'the ceasefire holds'. Such a mention, missing a party, takes it from the latest earlier event of
# the same type that agrees with what the mention does name.
ANTECEDENT_CHARS = 3000
DEFINITE = {"the", "these", "those", "this", "that", "such"}
# Verbs that talk about an event already told rather than tell a new one.
ABOUT_EVENT = {"confirm", "deny", "acknowledge", "address", "discuss", "comment", "investigate", "condemn",
               "criticise", "criticize", "denounce", "blame", "call", "describe", "justify", "defend", "welcome",
               "report", "claim", "follow", "protest", "mourn", "decry", "praise"}


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


def counterpart(told: list[Event], token: Token, known: list[Arg], event_type: str) -> list[Arg]:
    """The party the article last had dealing with the one named ('the TTP demanded impossible terms' after
    the talks between Islamabad and the TTP): one of the same type first, for a concession or refusal the
    ones who asked for it, else any. Parties of one sentence come together ('the UN agency and the IOM
    urged Pakistan ... Pakistan did not extend the deadline')."""
    keys = {party_key(a) for a in known}
    recent = [e for e in reversed(told) if e.start >= token.idx - ANTECEDENT_CHARS and e.source and e.target
              and grounded(e) and e.trigger_start != token.idx]
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


def code_key(code: str | None) -> tuple:
    """(country, sector) of a CAMEO-style code, as party_key gives them for an argument: 'PAKREBTTP' ->
    (PAK, REB); a bare country is its government, a bare sector ('CVL') has no country."""
    code = code or ""
    if code[:3] in load_gazetteer().countries or code[:3] == "IGO":
        return code[:3], code[3:6] or "GOV"
    return "", code[:3]


def is_definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE | {"its", "their"} for c in noun.children)


def same_place(location: Location | None, event: Event) -> bool:
    """An event placed in one country is not the one an earlier event placed in another."""
    if location is None or not location.country or event.location is None or not event.location.country:
        return True
    return location.country == event.location.country


# An event whose parties were themselves guessed from the context is no antecedent: guesses must not chain.
SOURCE_GUESSES = {"both sides from context", "source from context", "source from an earlier event",
                  "source from the governing verb"}
TARGET_GUESSES = {"both sides from context", "target from context", "target from an earlier event",
                  "sides of the mediated talks from context"}


def grounded(event: Event) -> bool:
    return not (SOURCE_GUESSES | TARGET_GUESSES) & set(event.notes)


NON_STATE = {"REB", "OPP", "CVL", "REF", "PTY", "BUS", "MED", "NGO", "REL", "EDU", "ANL"}
PEOPLE = {"CVL", "REF", "BUS", "MED", "REL", "EDU"}  # those a strike on a country may hit


def agrees(args: list[Arg], code: str | None) -> bool:
    """Whether an earlier event's party (its code) can be the one these arguments name: the same country,
    or none named; and a non-state group only ever continues the same kind of group ('the TTP claimed that
    attack' is not Pakistan's airstrike). A whole country takes in anyone of it ('civilians were killed')."""
    country, sector = code_key(code)
    whole_country = len(code or "") == 3 and bool(country)
    for a in args:
        a_country, a_sector = party_key(a)
        if a_country and country and a_country != country:
            return False  # an earlier side of no named country ('a suicide bomber') may be anyone's
        if a_sector in NON_STATE and a_sector != sector and not (whole_country and a_sector in PEOPLE):
            return False
    return True


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
        country = actor_id.split(".")[0]
        return [Arg(f"{country}.{a.actor_id}", a.mention, inferred=True) if "." not in a.actor_id
                and ":" not in a.actor_id and not party_key(a)[0] and country.isupper() else a for a in args]
    return fill(sources, earlier.source), fill(targets, earlier.target)


def is_talk_about(noun: Token, text: str, sources: list[Arg], targets: list[Arg], index: ActorIndex) -> bool:
    """'talk' in the singular is speech ('open talk of pressure'), 'talks' are negotiations; a meeting named
    by one body ('the Pakistani parliament meeting') is that body's session, not a consultation."""
    if text == "talk" and noun.tag_ == "NN" and not targets:
        return True
    namers = [c for c in noun.children if c.dep_ in ("compound", "amod") and index.at(c) is not None]
    return text in SESSIONS and bool(namers) and not targets and len({party_key(a)[0] for a in sources} - {""}) <= 1


def is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def no_one_does(token: Token) -> bool:
    """'Neither side appears ready for another round of fighting': the clause's subject denies it."""
    clause = next((t for t in [token, *token.ancestors] if any(c.dep_ == "nsubj" for c in t.children)), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return subject is not None and (subject.lower_ in ("neither", "none", "nobody", "nothing") or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in subject.children))


def is_quoted(token: Token, sent: Span) -> bool:
    """Whether the word stands inside quotation marks opened in its sentence."""
    before = doc_text(token.doc)[sent.start_char:token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_claim(trig: Trigger, token: Token) -> bool:
    """'The TTP claimed responsibility (for that attack)', 'claimed the attack'."""
    return (trig.lemma == "claim" and trig.pos == "verb") or bool(claimant(token))


def name_doer(event: Event, claimer: Arg, gaz) -> None:
    """A claim of responsibility names the unnamed doer of the act it claims ('a suicide bomber struck ...,
    and the TTP claimed responsibility')."""
    event.source = claimer.actor_id
    event.source_code = code_at(claimer, event.date, gaz)
    event.notes = [*event.notes, "doer named by a claim of responsibility"]


def is_truce(noun: Token, lexicon: Lexicon) -> bool:
    return any(t.type == "RETREAT" and t.mode == "ceasefire" for t in lexicon.candidates(noun.lemma_.lower(), "noun"))


def is_time_reference(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in OTHER_TIME and is_definite(noun)


def is_back_reference(noun: Token, lexicon: Lexicon) -> bool:
    """An event noun that another act is about, with no party of its own: 'condemned the attacks', 'did not
    confirm the strikes', 'called it a violation'. That act is coded; the event was told before."""
    predicative = noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
    if not predicative and any(c.dep_ in ("poss", "compound", "amod", "prep", "agent") and c.pos_ in
                               ("PROPN", "ADJ", "ADP") and c.lower_ not in DEFINITE for c in noun.children):
        return False  # 'Pakistan's strikes', 'strikes on Kabul': a party of its own
    if not (is_definite(noun) or predicative):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj", "nsubjpass", "attr", "oprd") or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    return lemma in ABOUT_EVENT or any(t.type in VERBAL_TARGETS for t in lexicon.candidates(lemma, "verb"))


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
    if not enders or not others:
        return []
    rejected = Found(replace(f.trigger, type="REJECT", mode=None, context=()), f.token, f.text)
    return [make_event(doc_id, sent, rejected, e, o, "asserted", when, precision, location, gaz,
                       notes + ["ending an agreement"]) for e in enders for o in others[:1]]


def as_material_backing(event: Event, target: Arg | None, token: Token) -> Event:
    """'India is backing the TTP', 'the Pakistan-backed Taliban': backing an armed group or a movement is
    material help (AID), not words of support."""
    mention = target.mention if target is not None else None
    movement = mention is not None and (mention.sector in ARMED_SECTORS or mention.group)
    backer = code_key(event.source_code)[1] not in PEOPLE  # 'Pakistanis who support Taliban rule' do not arm them
    if event.type != "SUPPORT" or token.lemma_.lower() not in BACKING or not movement or not backer:
        return event
    return replace(event, type="AID", quad=quad("AID"), intensity=intensity("AID", None))


def as_diplomatic_protest(event: Event, source: Arg | None, token: Token) -> Event:
    """'Islamabad protested against the statement': a government protests in words (ACCUSE), crowds in the
    street (PROTEST)."""
    if event.type != "PROTEST" or token.pos_ != "VERB" or source is None or party_key(source)[1] not in STATE_SECTORS:
        return event
    return replace(event, type="ACCUSE", mode="disapprove", quad=quad("ACCUSE"), intensity=intensity("ACCUSE", None))


def as_refusal(event: Event) -> Event:
    """'Pakistan did not extend the deadline': not yielding is itself a refusal (REJECT), not a negated
    concession."""
    if event.type != "CONCEDE" or event.status != "negated":
        return event
    return replace(event, type="REJECT", mode="yield", status="asserted", quad=quad("REJECT"),
                   intensity=intensity("REJECT", None))


def is_coordinated_with(arg: Arg, others: list[Arg], doc: Doc) -> bool:
    """'Qatar and Turkey': the argument's words are a conjunct of another argument's."""
    span = doc.char_span(arg.mention.start, arg.mention.end, alignment_mode="expand") if arg.mention else None
    if span is None:
        return False
    heads = {o.mention.start for o in others if o.mention}
    return span.root.dep_ == "conj" and span.root.head.idx in heads


def sentence_has_actor(sent: Span, index: ActorIndex) -> bool:
    return any(sent.start_char <= m.start < sent.end_char for m in index.mentions)


def is_agentless_passive(token: Token) -> bool:
    children = {c.dep_ for c in token.children}
    return token.pos_ == "VERB" and "nsubjpass" in children and "agent" not in children


def pairs(sources: list[Arg], targets: list[Arg], event_type: str) -> list[tuple[Arg | None, Arg | None]]:
    """One event per source and target; 'Pakistani and Afghan officials met' is a meeting of each with the
    other when the action is mutual by nature."""
    if not targets and len(sources) > 1 and event_type in MUTUAL:
        return [(a, b) for a in sources for b in sources if a.actor_id != b.actor_id]
    return [(s, t) for s in sources or [None] for t in targets or [None]]


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


def is_reciprocal(f: Found) -> bool:
    lemma = f.token.lemma_.lower()
    return lemma in RECIPROCAL and (f.trigger.type != "ACCUSE" or lemma == "trade") and (
        f.trigger.type in MUTUAL or lemma == "trade")


def names_both_sides(token: Token, sent: Span) -> bool:
    """'the two sides discussed', 'officials from both countries met', 'the delegations will meet again'."""
    return any(t.lemma_.lower() in PAIR_WORDS and (
        any(c.lower_ in ("both", "two") for c in t.children)
        or (t.tag_ == "NNS" and [c.lower_ for c in t.children if c.dep_ != "punct"] == ["the"]))
        for t in sent)


def context_pair(token: Token, index: ActorIndex, told: list[Event], event_type: str,
                 exclude: tuple = ()) -> list[Arg]:
    """The two sides an unattributed mutual act is between: those of the latest act of its type the
    article told (or, for talks, truces and agreements, of any of those), else the two parties named nearest
    before (or in) the sentence, of different institutions; never the mediators, nor those in `exclude`."""
    recent = [e for e in reversed(told) if e.start >= token.idx - ANTECEDENT_CHARS and e.source and e.target
              and grounded(e) and e.trigger_start != token.idx
              and not {code_key(e.source_code), code_key(e.target_code)} & set(exclude)]
    kin = [e for e in recent if e.type in DYAD_TYPES] if event_type in DYAD_TYPES else []
    for e in [e for e in recent if e.type == event_type] + kin:
        return [Arg(e.source, None, inferred=True), Arg(e.target, None, inferred=True)]
    pair: list[Arg] = []
    for offset in range(0, -CONTEXT_REACH - 1, -1):
        sent = index.sentence(token, offset)
        if sent is None:
            break
        inside = [m for m in index.mentions if sent.start_char <= m.start < sent.end_char]
        for m in reversed(inside):
            arg = Arg(m.actor_id, m, inferred=True)
            if (m.country and m.sector not in COMMENTATOR_SECTORS and party_key(arg) not in map(party_key, pair)
                    and party_key(arg) not in exclude and not is_mediator(m, token.doc)
                    and (m.group or not any(one_state(party_key(arg), party_key(p)) for p in pair))):
                pair.append(arg)
                if len(pair) == 2:
                    return pair
    return leading_pair(told, exclude)


def leading_pair(told: list[Event], exclude: tuple = ()) -> list[Arg]:
    """The two sides the article is about: the pair most often seen in the acts it has told with both
    parties named (the first such pair on a tie)."""
    counts: dict[frozenset, int] = {}
    first: dict[frozenset, Event] = {}
    for e in told:
        keys = frozenset((code_key(e.source_code), code_key(e.target_code)))
        if e.source and e.target and grounded(e) and len(keys) == 2 and not keys & set(exclude):
            counts[keys] = counts.get(keys, 0) + 1
            first.setdefault(keys, e)
    if not counts:
        return []
    best = max(counts, key=lambda k: (counts[k], -told.index(first[k])))
    return [Arg(first[best].source, None, inferred=True), Arg(first[best].target, None, inferred=True)]


STATE_ORGANS = {"GOV", "MIL", "COP", "SPY"}


def one_state(a: tuple, b: tuple) -> bool:
    """Two organs of the same state (its government and its spy agency) are one side, not two; a movement
    with a name of its own (the Taliban) stays a side even when it governs."""
    return a[0] == b[0] and a[1] in STATE_ORGANS and b[1] in STATE_ORGANS


def is_mediator(mention: Mention, doc: Doc) -> bool:
    """'talks mediated by Qatar and Turkey', 'hosted by the Taliban': a go-between, not a side."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_ in MEDIATING


def context_party(token: Token, index: ActorIndex, known: list[Arg], foreign: bool) -> list[Arg]:
    """The other side of an event the sentence names only one party of: 'the TTP refused to budge' is a
    refusal of whoever the article was just talking about. The nearest actor of another institution in
    this sentence, else in the few sentences before; an inferred, weaker reading. A place standing in for
    the target ('strikes in Khost') asks for a party from another country."""
    taken = {party_key(a) for a in known}
    countries = {key[0] for key in taken}
    for offset in range(0, -CONTEXT_REACH - 1, -1):
        sent = index.sentence(token, offset)
        if sent is None:
            break
        inside = [m for m in index.mentions if sent.start_char <= m.start < sent.end_char]
        order = sorted(inside, key=lambda m: abs(m.start - token.idx)) if offset == 0 else reversed(inside)
        for m in order:
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


def domestic_counterpart(mention: Mention, known: list[Arg]) -> Arg | None:
    """'the TTP ... with the government': a state institution named without its country, facing a
    non-state group of one country, is that country's."""
    if mention.country or mention.sector not in STATE_SECTORS:
        return None
    homes = {a.mention.country for a in known if a.mention is not None and a.mention.country
             and a.mention.sector and a.mention.sector not in STATE_SECTORS}
    return Arg(f"{homes.pop()}.{mention.sector}", mention, inferred=True) if len(homes) == 1 else None


def at_home(args: list[Arg], others: list[Arg]) -> list[Arg]:
    """Bare state institutions ('the government') facing a one-country non-state group are its country's."""
    return [(domestic_counterpart(a.mention, others) or a) if a.mention is not None and "." not in a.actor_id
            else a for a in args]


def could_be_party(mention: Mention, trigger: Token, index: ActorIndex) -> bool:
    """Not the one who reports the event ('Taliban officials said civilians were killed'), nor a
    mediator ('talks mediated by Qatar'), nor a place ('in the Qatari capital')."""
    span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ in REPORTING and head.i != trigger.i:
        return False
    while root.dep_ == "conj" and root.head.i != root.i:  # 'mediated by Qatar and Turkey'
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in MEDIATING:
        return False
    if root.dep_ in ("amod", "compound") and head.lemma_ in PLACE_NOUNS:
        return False
    return not (root.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "inside"))


def party_key(arg: Arg) -> tuple:
    """Which institution an argument stands for: Pakistan's army and 'Pakistani troops' are one party, and
    a country named as an actor is its government."""
    if arg.mention is not None and arg.mention.country:
        return arg.mention.country, arg.mention.sector or "GOV"
    if arg.mention is not None and "." not in arg.actor_id and ":" not in arg.actor_id:
        return "", arg.mention.sector or arg.actor_id  # 'civilians', 'militants': no country named
    role = load_gazetteer().actor(arg.actor_id).role_at(None)
    if role is not None and role.country:
        return role.country, role.sector or "GOV"
    return "", role.sector if role is not None and role.sector else arg.actor_id


UNNAMED_GROUPS = {"REB"}


def possessive_owner(mention: Mention, index: ActorIndex) -> Arg | None:
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    pronoun = next((c for c in span.root.children if c.dep_ == "poss" and c.pos_ == "PRON"), None) if span else None
    return pronoun_actor(pronoun, index, possessive=True) if pronoun is not None else None


def resolve_bare(arg: Arg, index: ActorIndex, token: Token, location: Location | None,
                 others: list[Arg] = ()) -> Arg:
    """'officials' with no country: the officials of the country the article last named in that sector,
    else of the country where it happens ('police officers in Swat'). Not the country whose same sector is
    the other side: 'the delegation met the Taliban government' is not a Taliban delegation."""
    mention = arg.mention
    if mention is None or mention.country or "." in arg.actor_id or ":" in arg.actor_id:
        return arg
    owner = possessive_owner(mention, index)
    if owner is not None and party_key(owner)[0]:
        return Arg(f"{party_key(owner)[0]}.{mention.sector}", mention, inferred=True)  # 'its forces'
    if mention.sector in UNNAMED_GROUPS:
        return arg  # 'militants' whom the text does not name stay unnamed
    avoid = {party_key(o)[0] for o in others if party_key(o)[1] == mention.sector}
    earlier = [m for m in index.mentions if m.sector == mention.sector and m.country and m.start < token.idx
               and m.country not in avoid]
    if earlier:
        return Arg(f"{earlier[-1].country}.{mention.sector}", mention, inferred=True)
    if location and location.country and location.country not in avoid:
        return Arg(f"{location.country}.{mention.sector}", mention, inferred=True)
    return arg


def country_of(actor_id: str, gaz) -> str | None:
    actor = gaz.actor(actor_id)
    role = actor.role_at(None)
    return role.country if role else None


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
        if not foreign:
            kept.append(w)
    return kept


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


def make_event(doc_id, sent: Span, f: Found, source: Arg | None, target: Arg | None, status, when, precision,
               location, gaz, notes) -> Event:
    trig, token = f.trigger, f.token
    confidence = 0.8 if trig.curated else 0.6
    confidence += 0.1 if source and target else -0.1
    confidence -= 0.2 * sum(1 for a in (source, target) if a and a.inferred) + (0.1 if notes else 0)
    text = sent.text.rstrip()
    event_id = short_hash(doc_id, str(sent.start_char), str(token.idx), trig.type,
                          source.actor_id if source else "", target.actor_id if target else "")
    return Event(
        event_id=event_id, doc_id=doc_id, evidence=text, start=sent.start_char, end=sent.start_char + len(text),
        source=source.actor_id if source else None, target=target.actor_id if target else None,
        type=trig.type, mode=trig.mode, context=list(trig.context), quad=quad(trig.type),
        intensity=intensity(trig.type, trig.mode), status=status, date=when, location=location,
        confidence=round(max(0.1, min(confidence, 0.99)), 2),
        source_code=code_at(source, when, gaz), target_code=code_at(target, when, gaz),
        trigger=token.text, trigger_start=token.idx, trigger_end=token.idx + len(token.text),
        date_precision=precision, notes=list(notes))


def code_at(arg: Arg | None, when: str | None, gaz) -> str | None:
    """The actor's code at the event's date: the Taliban of 1996 are REB, of 2025 GOV."""
    if arg is None:
        return None
    if arg.actor_id in gaz.actors or "." in arg.actor_id or arg.actor_id in gaz.countries:
        role = gaz.actor(arg.actor_id).role_at(when)
        if role:
            return role.code
    return arg.mention.code if arg.mention else None


# 'Taliban officials said the strikes were carried out by Pakistani aircraft': a side telling of an attack on
# it by a named other side accuses that side (CAMEO's 'accuse', PLOVER ACCUSE/allege), besides reporting it.
ACCUSED_ACTS = {"ASSAULT", "COERCE"}
TELLING = {"say", "tell", "claim", "allege", "report", "state", "insist", "add"}


def reported_accusations(sent: Span, coded: list[Event], ctx: Context) -> list[Event]:
    found = []
    for e in coded:
        if e.type not in ACCUSED_ACTS or not (e.source and e.target) or SOURCE_GUESSES & set(e.notes):
            continue  # the doer must be named; who was hit may come from the context
        doer, victim = code_key(e.source_code), code_key(e.target_code)[0]
        if doer[0] not in ctx.gaz.countries:
            continue  # 'militants' of no known country accuse no one
        verb = telling_verb(sent.doc, e)
        speaker = teller(verb, ctx.index) if verb is not None else None
        if speaker is None or party_key(speaker)[0] != victim or party_key(speaker) == doer:
            continue
        accusation = Found(Trigger(verb.lemma_, "verb", "ACCUSE", "allege", (), frozenset(), True), verb, verb.lemma_)
        when, precision = event_date(verb, sent, ctx)
        found.append(make_event(ctx.doc_id, sent, accusation, speaker, Arg(e.source, None, inferred=True),
                                status_of(verb, sent, False), when, precision, None, ctx.gaz,
                                ["accused by telling of the act"]))
    return found


def telling_verb(doc: Doc, event: Event) -> Token | None:
    """The reporting verb above an event's trigger ('said ... were carried out')."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in TELLING:
            return token
    return None


def teller(verb: Token, index: ActorIndex) -> Arg | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speakers = actors_under(subject, index) if subject is not None else []
    return speakers[0] if speakers and party_key(speakers[0])[0] else None


LABEL_WORDS = 6  # longer verbless lines are headlines the tagger misread ('Taliban vow response after ...')


def is_label(sent: Span) -> bool:
    """A heading or caption with no verb ('Talks in Kabul', 'A new president's warning') names a topic; it
    tells no event of its own."""
    words = [t for t in sent if t.is_alpha]
    return len(words) <= LABEL_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in sent)


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
    """One event per sentence, type and actor pair: the most confident reading."""
    best: dict[tuple, Event] = {}
    for e in events:
        key = (e.trigger_start, e.type, e.source, e.target)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.start, e.trigger_start))


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
