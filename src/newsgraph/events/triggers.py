"""Which words are event triggers: lexicon look-up with the parse (phrasal verbs, compounds, states,
the kind of object a reading needs), and which found triggers tell the same act as another.
"""
from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.events.arguments import LIGHT_VERBS, STATE_VERBS, ActorIndex, verb_arguments
from newsgraph.events.context import Found
from newsgraph.events.embedding import embedding_words
from newsgraph.events.lexicon import (CONTROL, GROUP, HAS_OBJECT, INFINITIVE, LABOUR, NO_EVENT, SEAT, TO_ACTOR, WITH,
                                      Lexicon, Trigger, data_rows)
from newsgraph.events.status import FAILING, PLANNING, REPORTING, WARNED_PREPS, WARNING
from newsgraph.events.words import word_class, word_pairs


NOUN_TAGS = {"NOUN", "PROPN"}
PERMITTING = word_class("permitting")
AGREEMENT_TYPES = {"RETREAT", "AGREE", "CONSULT", "COOPERATE"}


def match_trigger(token: Token, lexicon: Lexicon, index: ActorIndex) -> Found | None:
    state = is_state_of(token)
    pos = "verb" if token.pos_ == "VERB" or state else "noun" if token.pos_ in NOUN_TAGS else None
    lemma = STATE_WORDS.get(token.lower_, token.lemma_.lower()) if state else common_lemma(token)
    if pos is None or not lexicon.could_start(lemma, pos):
        return None
    if token.dep_ == "prep":
        return None  # 'according to officials', 'following the talks': a participle serving as a preposition
    if index.at(token) is not None:
        return None  # 'Resistance Front', 'Foreign Office': part of a name, not an action
    if token.dep_ == "amod" and not any(c.dep_ in ("npadvmod", "compound") and (
            index.at(c) is not None or index.state_word(c)) for c in token.children):
        return None  # 'the banned group' describes it; 'the Pakistan-backed Taliban' tells who backs it
    objects = object_lemmas(token) | object_markers(token, index)
    if pos == "verb":
        for text in ([lemma] if state else phrasal(token)):
            trig = pick_verb(lexicon, text, objects | particle_objects(token, text), token)
            if trig and not trig.curated and not trig.words and (lemma in STATUS_WORDS or not doer_in_view(token)):
                # 'plans to consult': a CAMEO reading of a word that frames another act; and a CAMEO verb with
                # no subject of its own ('spent the day digging') is coded, as PETRARCH codes it, not at all
                continue
            if trig and not trig.curated and changes_state(token, trig, lexicon):
                continue  # 'tensions rose', 'the war escalated': a state or an event going on, no new act
            if trig and trig.type == NO_EVENT:
                return None  # 'released a statement': with this object the word tells no act
            if trig and not trig.curated and object_tells_no_act(token, lexicon):
                return None  # 'launched a rescue operation': CAMEO's 'launch ... operation' is no attack here
            if trig and trig.type == "THREATEN" and warns_of_no_own_act(token, lexicon, index):
                return None
            if trig and (trig.curated or not describes(token)):  # 'rebel-dominated': a description
                return Found(trig, token, text)
    elif token.pos_ in NOUN_TAGS and (token.lemma_.islower() or is_capitalised_common_noun(token)):
        if token.dep_ == "compound" and token.head.lemma_.lower() in ROLES:
            return None  # 'military operations chiefs', 'aid workers', 'trade minister': a post, not an act
        for text in compound_forms(token):
            trig = pick(lexicon.candidates(text, "noun"), objects)
            if trig and trig.type == "THREATEN" and warns_of_no_own_act(token, lexicon, index):
                return None
            if trig:
                return Found(trig, token, text) if trig.type != NO_EVENT else None
    return None


def particle_objects(verb: Token, text: str) -> set[str]:
    """'called in the army': the parser may take a phrasal verb's particle for a preposition, and its object
    for the preposition's; with the phrasal reading that noun is the verb's object."""
    _, _, particle = text.partition(" ")
    return {t.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == particle
            for p in c.children if p.dep_ == "pobj" for t in (p, *(g for g in p.children if g.dep_ == "compound"))}


RESPONSES = word_class("responses")
OWN_HARMS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}  # harms a warner can threaten to do itself


def warns_of_no_own_act(token: Token, lexicon: Lexicon, index: ActorIndex) -> bool:
    """'Warned of a rise in attacks', 'warned of continued hostile sentiment', 'a warning of famine': a warning
    about a trend, a state or another party's act threatens nothing of the warner's own (PLOVER's THREATEN is
    the source threatening its own act). 'Warned of a crushing response', 'warned of sanctions' still threaten."""
    if token.lemma_.lower() not in WARNING:  # 'issued a warning of violence by the cartels'
        token = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in WARNING), None)
        if token is None:
            return False
    warned = [p for c in token.children if c.dep_ == "prep" and c.lower_ in WARNED_PREPS
              for p in c.children if p.dep_ in ("pobj", "pcomp")]
    # 'warned that famine could spread', 'that Russian attacks were rising': a clause about a thing or an act
    warned += [s for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
               and s.pos_ == "NOUN" and (index.at(s) is None or any(lexicon.candidates(f, "noun")
                                                                       for f in compound_forms(s)))]
    return bool(warned) and not any(own_act(n, lexicon, index) for n in warned)


def own_act(noun: Token, lexicon: Lexicon, index: ActorIndex) -> bool:
    """A response, or a harm no one else is named as doing ('of retaliation', 'of strikes', not 'of strikes by
    the rebels', 'of Russian sabotage' or 'of a rise in attacks')."""
    if noun.lemma_.lower() in RESPONSES:
        return True
    harms = {t.type for form in compound_forms(noun) for t in lexicon.candidates(form, "noun")} & OWN_HARMS
    others = any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") or index.at(c) is not None
                 or index.state_word(c) for c in noun.children)  # 'attacks by the rebels', 'Russian attacks'
    return bool(harms) and not others


def doer_in_view(verb: Token) -> bool:
    """A verb with a subject, or a plain passive one ('the curfew was lifted', 'sanctions were eased'): the
    clause tells an act done to something named, even when it leaves the doer unsaid. A denied passive
    ('radicalism will not be tolerated') tells no act when no doer is named."""
    if verb_arguments(verb)[0]:
        return True
    return any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children)


SITUATIONS = word_class("situations")
FIGHTING = word_class("fighting_words")


def changes_state(verb: Token, trig: Trigger, lexicon: Lexicon) -> bool:
    """A verb with no object whose subject names a situation, a feeling or a trend ('tensions rose', 'the
    situation is escalating', 'prices soared'), or an event told by its own noun ('the war escalated',
    'violence broke out'): CAMEO's readings of such verbs need someone doing something to something ('X
    escalated its attacks'), which the clause does not say; the verb tells how the state or event goes. A
    reading of the event's own type ('fighting broke out': ASSAULT) is kept."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # not a passive's: 'trade was restricted' is done
    if not subjects or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return all(s.pos_ == "NOUN" and (s.lemma_.lower() in SITUATIONS or other_event(s, trig, lexicon))
               for s in subjects)


def other_event(noun: Token, trig: Trigger, lexicon: Lexicon) -> bool:
    """An event noun of the lexicon none of whose readings is of the verb reading's type."""
    types = {t.type for form in compound_forms(noun) for t in lexicon.candidates(form, "noun")} - {NO_EVENT}
    if noun.lemma_.lower() in FIGHTING:
        types.add("ASSAULT")  # 'violence broke out' is fighting; 'violence escalated' no cooperation
    return bool(types) and trig.type not in types


def object_tells_no_act(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's object is a noun the lexicon reads as no event with its modifiers ('a rescue operation')."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUN_TAGS):
        for text in compound_forms(obj):
            trig = pick(lexicon.candidates(text, "noun"), object_lemmas(obj))
            if trig:
                return trig.type == NO_EVENT
    return False


def describes(verb: Token) -> bool:
    """A participle that describes a noun ('rebel-dominated', 'companies linked to the drone programme') rather
    than telling an act; one with a 'by' agent still tells who did it ('refugees deported by the government')."""
    return verb.dep_ == "amod" or (verb.dep_ == "acl" and verb.tag_ == "VBN"
                                   and not any(c.dep_ == "agent" for c in verb.children))


STATUS_WORDS = PLANNING | REPORTING | FAILING  # words that tell how another act stands (events/status.py)
STATE_WORDS = word_pairs("state_words")


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


ROLES = word_class("roles")
PARTICLES = word_class("particles")  # adverbs the parser gives particles' place


def phrasal(verb: Token) -> list[str]:
    """'crack down', 'call on', 'pull out' before the bare lemma."""
    lemma = verb.lemma_.lower()
    extra = [f"{lemma} {c.lower_}" for c in verb.children if c.i > verb.i and (
        c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.lower_ in PARTICLES))]  # 'fired back
    return extra + [lemma]


def compound_forms(noun: Token) -> list[str]:
    """'air strike', 'drone attack' and 'general strike' before 'strike' and 'attack'; a hyphenated noun the
    tokenizer splits ('cease-fire', 'sit-in': 'cease' '-' 'fire') as written."""
    lemma = common_lemma(noun)
    before = noun.doc[noun.i - 1] if noun.i else None
    compounds = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
    hyphened = [f"{c.lower_}-{lemma}" for c in noun.children if c.dep_ in ("compound", "amod")
                and c.i == noun.i - 2 and before is not None and before.text == "-" and not before.whitespace_]
    return hyphened + ([f"{compounds[0]} {lemma}"] if compounds else []) + [lemma]


def named_with_of(noun: Token) -> set[str]:
    """A noun named with its 'of' phrase ('state of emergency'), as an object list may spell it."""
    return {f"{common_lemma(noun)} of {p.lemma_.lower()}" for prep in noun.children if prep.dep_ == "prep"
            and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"}


def object_lemmas(token: Token) -> set[str]:
    """What the action is done to, for triggers that need a particular object ('closed the border')."""
    words = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "compound", "amod", "attr", "poss"):  # 'the teachers' strike'
            words |= {child.lemma_.lower(), child.lower_}
            words |= {c.lemma_.lower() for c in child.children if c.dep_ == "compound"}
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in NOUN_TAGS:
            words |= set(compound_forms(child)) | named_with_of(child)  # 'martial law', 'sit-in', 'state of emergency'
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "to", "against"):
            for pobj in child.children:
                words |= {pobj.lemma_.lower(), pobj.lower_}
                words |= {c.lemma_.lower() for c in pobj.children if c.dep_ == "compound"}
    if token.dep_ in ("dobj", "nsubjpass") and token.pos_ in NOUN_TAGS:
        words.add(token.head.lemma_.lower())  # 'trade was suspended' seen from the noun side
    if token.dep_ == "pobj" and token.head.lower_ == "on" and token.pos_ in NOUN_TAGS:
        words.add("on")  # 'went on strike', 'remain on strike': the state the noun names, not strikes on someone
    if token.dep_ == "acl" and token.tag_ == "VBN":
        words.add(token.head.lemma_.lower())  # 'a report released on Tuesday': the noun is what was released
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
    if any(is_working_people(c) for c in token.children if c.dep_ == "nsubj"):
        markers.add(LABOUR)
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        markers.add(HAS_OBJECT)  # 'sheltered militants', 'was pressed by X', not 'sheltered on Afghan soil'
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children):
        markers.add(INFINITIVE)  # 'declined to sign', not 'exports declined'
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        markers.add(WITH)  # 'engage with Kabul', not 'engage in a proxy conflict'
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        if any(index.at(p) is not None and index.at(p).country for p in prep.children if p.dep_ == "pobj"):
            markers.add(TO_ACTOR)  # 'flew to Kabul': a journey to a government
    return markers


WORKING_PEOPLE = word_class("working_people")


def is_working_people(subject: Token) -> bool:
    """'Teachers', 'the dockers' union', 'transport workers': people acting as workers."""
    words = {subject.lemma_.lower()} | {c.lemma_.lower() for c in subject.children if c.dep_ == "compound"}
    return bool(words & WORKING_PEOPLE)


def is_control(verb: Token, clause: Token) -> bool:
    """'expect the Taliban to act', 'wants the merger reversed', 'urged Pakistan to halt': the verb's object
    is to do (or undergo) what the clause says."""
    if clause.dep_ == "xcomp":
        return any(c.dep_ == "dobj" for c in verb.children)
    has_subject = any(c.dep_ == "nsubj" for c in clause.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    small_clause = clause.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    return has_subject and (infinitive or small_clause)


def pick_verb(lexicon: Lexicon, text: str, objects: set[str], verb: Token) -> Trigger | None:
    """A curated reading, then the longest CAMEO pattern whose words the clause has ('rushed aid to' is AID,
    'sent troops' MOBILIZE), then the verb's own CAMEO reading."""
    candidates = lexicon.candidates(text, "verb")
    curated = pick([t for t in candidates if t.curated], objects)
    if curated:
        return curated
    patterns = lexicon.patterns.get(text)
    if patterns:
        words, beside_subject = clause_words(verb), clause_words(verb, SUBJECTS)
        found = next((p for p in patterns if has_slots(p, words, beside_subject)), None)
        if found:
            return found
    return pick(candidates, objects)


def has_slots(pattern: Trigger, words: set[str], beside_subject: set[str]) -> bool:
    """Every slot of a CAMEO pattern has a word in the clause; a slot CAMEO writes after the verb has it outside
    the subject ('the navy aims to expand its presence': a subject that is a force aims no troops)."""
    before = pattern.before or (False,) * len(pattern.words)
    return all(slot & (words if early else beside_subject) for slot, early in zip(pattern.words, before))


CLAUSE_BREAKS = {"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "acl", "cc", "punct", "mark"}


SUBJECTS = {"nsubj", "expl"}  # the doer's phrase: a CAMEO slot written after the verb is not in it


def clause_words(verb: Token, skip: set[str] = frozenset()) -> set[str]:
    """Words and lemmas of the verb's own clause: its arguments' phrases, not the clauses hanging off it (nor
    the phrases of the relations in `skip`)."""
    words = set()
    for child in verb.children:
        if child.dep_ in CLAUSE_BREAKS or child.dep_ in skip:
            continue
        for t in child.subtree:
            words |= {t.lower_, t.lemma_.lower()}
    return words


def pick(candidates: list[Trigger], objects: set[str]) -> Trigger | None:
    return next((t for t in candidates if t.fits(objects)), None)


def verb_objects(found: list[Found]) -> set[int]:
    """An event noun that is the object of a verb trigger of the same type is that verb's event
    ('signed an agreement', 'attacked with a drone strike')."""
    verbs = {f.token.i: f.trigger for f in found if f.trigger.pos == "verb"}
    covered = set()
    nouns = {f.token.i: f.trigger for f in found if f.trigger.pos == "noun"}
    doing = embedding_words().get("doing", frozenset())
    for f in found:
        verb = verbs.get(f.token.head.i) if f.trigger.pos == "noun" else None
        if verb and not verb.curated and f.token.dep_ == "dobj" and verb.lemma in doing:
            covered.add(f.token.head.i)  # 'conducting military exercises': the exercises are the act, not the conducting
            continue
        if verb and (verb.type == f.trigger.type or f.token.lemma_.lower() in verb.objects or (
                f.token.dep_ == "dobj" and verb.lemma not in LIGHT_VERBS)):
            # 'suspended trade' is one SANCTION, not also a COOPERATE; 'ratified an agreement', 'ordered an
            # investigation': the verb's act is the event, its object what the act is about
            covered.add(f.token.i)
        permitter = verbs.get(f.token.head.i) if f.trigger.pos == "verb" and f.token.dep_ in ("xcomp", "ccomp") else None
        if permitter is not None and permitter.lemma in PERMITTING:
            covered.add(f.token.i)  # 'may allow the opposition to open an office': the allowing is the act
        if permitter is not None and permitter.type == "REJECT" and f.token.dep_ == "xcomp":
            covered.add(f.token.i)  # 'refused to negotiate': the refusal is the act, not a negated talk
        content_of = f.token.head.head if f.trigger.pos == "noun" and f.token.head.dep_ in ("acl", "xcomp") else None
        if content_of is not None and nouns.get(content_of.i) is not None and nouns[content_of.i].type == "AGREE":
            covered.add(f.token.i)  # 'an agreement to keep the ceasefire': what was agreed, inside the agreement
        if f.trigger.pos == "verb" and f.token.dep_ == "acl" and f.token.tag_ == "VBG" and f.token.head.i in nouns:
            # 'sanctions targeting 200 vessels': the participle tells what the sanctions do, not a second act
            # (a passive one names another's act: 'talks mediated by a neighbour')
            covered.add(f.token.i)
        if f.trigger.pos == "noun" and labelled_by(f.token) in verbs:
            covered.add(f.token.i)  # 'condemned the strikes as a violation of its sovereignty': a name for them
        asked = verbs.get(asked_by(f.token).i) if f.trigger.pos == "noun" else None
        if asked is not None and asked.type in ASKING and asked.lemma not in LIGHT_VERBS:
            # 'called for a ceasefire', 'rejected the talks': what is asked or refused; 'ordered the closure of
            # the border' is the closure, done by the one who orders it
            covered.add(f.token.i)
        agreed_on = verbs.get(governor(f.token).i) if f.trigger.pos == "noun" else None
        if agreed_on is not None and agreed_on.type == "AGREE":
            covered.add(f.token.i)  # 'failed to agree on a ceasefire': the ceasefire is what is agreed
        agreement = nouns.get(f.token.head.i) if f.trigger.type == "AGREE" and f.token.dep_ == "acl" else None
        # 'the ceasefire agreed in Doha': the ceasefire, not a second agreement; also when the parser takes
        # the ceasefire for the one agreeing ('The ceasefire agreed in Doha has held')
        agreed = [nouns.get(c.i) for c in f.token.children if c.dep_ == "nsubj"] if f.trigger.type == "AGREE" else []
        if any(a is not None and a.type in AGREEMENT_TYPES for a in [agreement, *agreed]):
            covered.add(f.token.i)
    return covered


CONTENT_PREPS = word_class("content_preps")  # 'agree on a ceasefire', not 'agreed after talks'


def labelled_by(noun: Token) -> int | None:
    """The verb that names something with this noun: 'condemned the strikes as a violation', 'called the
    raid an act of aggression' (the noun is what the act is called, not a second act)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        return noun.head.head.i
    if noun.dep_ == "oprd":
        return noun.head.i
    return None


ASKING = {"REQUEST", "REJECT"}  # verbs whose object is an act asked for or refused, not an act done


def asked_by(noun: Token) -> Token:
    """The verb a noun is the object of, also through 'for' ('called for a ceasefire', 'pressed for talks')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        return head.head
    return governor(noun)


def governor(noun: Token) -> Token:
    """The verb a noun is the object of, directly or through a preposition ('agree on a ceasefire')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CONTENT_PREPS:
        return head.head
    return head if noun.dep_ in ("dobj", "attr") else noun


MODEL_USES = ("uncurated", "all", "off")
MODE_AT = 0.5  # the mode model's probability (among the type's modes) from which its mode is kept
NO_EVENT_AT = 0.5  # the model's 'no event' probability from which a candidate is dropped
RETYPE_AT = 0.5  # the model's probability of another type from which it replaces the dictionary's ...
PATTERN_RETYPE_AT = 0.7  # ... or a CAMEO pattern's, which names the object that gives its type ('sent a letter')
DOUBTED_BELOW = 0.3  # ... when the model gives the dictionary's own type less than this


def model_use() -> str:
    """Which candidates the event model may type or reject: 'uncurated' (CAMEO dictionary readings, the
    default), 'all' (curated lexicon too) or 'off', from NEWSGRAPH_EVENT_MODEL; read per call so that a
    measurement can switch it (the figures in the README compare all three)."""
    use = os.environ.get("NEWSGRAPH_EVENT_MODEL", "uncurated")
    return use if use in MODEL_USES else "uncurated"


def typed(sent: Span, found: list[Found]) -> list[Found]:
    """The dictionary's candidates as the event model reads them in this sentence: dropped when 'no event' is
    likely, retyped when the model is sure of another type and doubts the dictionary's, and each with the
    model's probability of its type for the event's confidence (curated readings keep theirs unless 'all')."""
    use = model_use()
    if not found or use == "off":
        return found
    from newsgraph.events.model import NONE, type_scores_batch

    asked = [f for f in found if use == "all" or not f.trigger.curated]  # the model costs time: ask it only here
    if not asked:
        return found
    kept = [f for f in found if not (use == "all" or not f.trigger.curated)]
    for f, scores in zip(asked, type_scores_batch([(sent, f.token) for f in asked])):
        best = max((t for t in scores if t != NONE), key=scores.get)
        if scores[NONE] >= NO_EVENT_AT:
            continue
        surer = PATTERN_RETYPE_AT if f.trigger.words else RETYPE_AT
        if best != f.trigger.type and scores[best] >= surer and scores[f.trigger.type] < DOUBTED_BELOW:
            f = Found(replace(f.trigger, type=best, mode=None, context=()), f.token, f.text)
        kept.append(Found(f.trigger, f.token, f.text, scores[f.trigger.type]))
    return sorted(kept, key=lambda f: f.token.i)  # in sentence order, as the coder reads them


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, frozenset[str]]:
    """type -> the PLOVER modes the manual lists for it (data/plover_modes.tsv)."""
    return {kind: frozenset(modes.split(",")) for kind, modes, *_ in data_rows("plover_modes.tsv")}


def model_mode(sent: Span, token: Token, event_type: str) -> str | None:
    """The mode the event model predicts for a trigger read as `event_type` ('aerial' for 'airstrike', 'demo'
    for 'rallied'), for events whose dictionary reading has none; None when the model is off, predicts no
    mode, or one the PLOVER manual does not list for the type."""
    if model_use() == "off" or event_type not in plover_modes():
        return None
    from newsgraph.events.model import event_mode

    mode, probability = event_mode(sent, token, event_type)
    return mode if mode in plover_modes()[event_type] and probability >= MODE_AT else None
