"""Did it happen? asserted, reported, planned, hypothetical or negated, from the words around a trigger."""
from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.events.words import word_class

REPORTING = word_class("reporting")
REPORTED_ADVERBS = word_class("reported_adverbs")
PLANNING = word_class("planning")
REQUESTING = word_class("requesting")  # not "persuade": persuading succeeds
FAILING = word_class("failing")
HYPOTHETICAL_MODALS = word_class("hypothetical_modals")
FUTURE_MODALS = word_class("future_modals")
NEGATIONS = word_class("negations")
PLANNED_ADJECTIVES = word_class("planned_adjectives")
PROSPECT_NOUNS = word_class("prospect_nouns")
PURPOSE_NOUNS = word_class("purpose_nouns")
PURPOSE_VERBS = word_class("purpose_verbs")
WARNING = word_class("warning")
WARNED_PREPS = word_class("warned_preps")


def status_of(trigger: Token, sentence: Span, is_noun: bool) -> str:
    """Negated, hypothetical, planned or reported beat asserted, in that order, looking up the clause chain
    from the trigger: 'did not attack', 'if Pakistan attacks', 'plans to host', 'officials said X attacked'."""
    chain = clause_chain(trigger)
    if negated(trigger, chain, is_noun):
        return "negated"
    if hypothetical(trigger, chain) or is_question(sentence):
        return "hypothetical"  # a question asserts nothing: 'Is Pakistan supporting the opposition?'
    if planned(trigger, chain, is_noun):
        return "planned"
    if reported(sentence, chain):
        return "reported"
    return "asserted"


def is_question(sentence: Span) -> bool:
    return sentence.text.rstrip().endswith("?")


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger, the verb it belongs to if it is a noun, and the verbs above it up to the root."""
    chain, token = [trigger], trigger
    while token.head.i != token.i and len(chain) < 8:
        token = token.head
        chain.append(token)
    return chain


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")}


def negated(trigger: Token, chain: list[Token], is_noun: bool) -> bool:
    if is_noun:
        if any(c.lower_ in ("no", "without") or c.dep_ == "neg" for c in trigger.children):
            return True
        if trigger.head.lower_ == "without":
            return True
        governing = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
        return governing is not None and bool(_aux(governing) & NEGATIONS) and governing.lemma_ not in FAILING
    if _aux(trigger) & NEGATIONS or neither_nor(trigger) or no_one_does(trigger):
        return True
    if trigger.dep_ in ("acomp", "oprd") and _aux(trigger.head) & NEGATIONS:
        return True  # 'the border did not remain shut'
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ in FAILING:
        return not _aux(trigger.head) & NEGATIONS  # 'would not hesitate to invade': not denied
    return under_negation(trigger)


NOBODY = {"neither", "none", "nobody", "nothing", "noone"}
SUBJECTS = ("nsubj", "nsubjpass")


def no_one_does(token: Token) -> bool:
    """'No one believes the denials', 'nobody was arrested', 'neither side appears ready for another round of
    fighting': the subject of the word's clause is no one, so the act is denied."""
    clause = next((t for t in [token, *token.ancestors] if any(c.dep_ in SUBJECTS for c in t.children)), None)
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None) if clause is not None else None
    return subject is not None and (subject.lower_ in NOBODY or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in subject.children))


def neither_nor(verb: Token) -> bool:
    """'can neither build up its arsenal nor replace it': both verbs are denied."""
    first = verb.head if verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children) else verb
    return any(c.dep_ in ("preconj", "neg") and c.lower_ == "neither" for c in first.children)


def under_negation(verb: Token) -> bool:
    """'said he would not give permission to Russia to help Israel', 'did not want to attend': an act in the
    infinitive of a denied verb is denied with it (a refusal, 'refused to talk', is FAILING's own case)."""
    denying = denier(verb)
    return denying is not None and denying.i != verb.i and denying.lemma_ not in FAILING


def denier(verb: Token) -> Token | None:
    """The verb whose negation denies `verb`: itself, or a verb it is the infinitive of."""
    token = verb
    while not _aux(token) & NEGATIONS:
        if token.head.i == token.i or not is_infinitive(token):
            return None
        token = token.head
    return token


def is_infinitive(verb: Token) -> bool:
    """A complement infinitive, or one the parser hangs on as an adverbial ('permission to Russia to help')."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in verb.children))


def hypothetical(trigger: Token, chain: list[Token]) -> bool:
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children):
            return True
        if token.pos_ in ("VERB", "AUX") and _aux(token) & HYPOTHETICAL_MODALS:
            return True
        if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in ("threaten", "warn"):
            return True
        if token.dep_ == "prep" and token.lower_ in WARNED_PREPS and token.head.lemma_.lower() in WARNING:
            return True  # 'warned of attacks by the rebels': what may come
        if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in REQUESTING:
            return True  # 'China wants Pakistan to reopen the border': asked for, not done
        if token.i != trigger.i and is_prospect(token):
            return True  # 'fears of an attack', 'hopes of ending the war'
        if token.dep_ == "ccomp" and is_prospect(token.head):
            return True  # 'fears that the army will move'
        if token.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            break  # a condition or modal above the trigger's own clause does not reach it
    return False


def is_prospect(noun: Token) -> bool:
    """A noun of hope, fear or likelihood: the act it governs is only looked for, not done."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PROSPECT_NOUNS


def planned(trigger: Token, chain: list[Token], is_noun: bool) -> bool:
    if in_purpose(chain):
        return True
    if is_noun and any(c.lower_ in PLANNED_ADJECTIVES for c in trigger.children):
        return True
    for token in chain:
        if token.pos_ in ("VERB", "AUX") and _aux(token) & FUTURE_MODALS:
            return True
        if token.dep_ == "xcomp" and token.head.lemma_ in PLANNING:
            return True
        if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.lower_ == "to" for c in token.children):
            return True  # 'Israeli forces are to withdraw within 60 days', 'the minister is to visit Beijing'
        if token.lemma_ in PLANNING and token.i != trigger.i and token.pos_ in ("VERB", "ADJ") and is_noun \
                and is_planned_object(trigger, token):
            return True
        if token.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            break
    return False


def in_purpose(chain: list[Token]) -> bool:
    """Whether the trigger's own clause (up to the first clause break) is a purpose clause."""
    for token in chain:
        if is_purpose(token):
            return True
        if token.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            return False
    return False


def is_purpose(verb: Token) -> bool:
    """A purpose clause says what its subject means to achieve, not what was done: 'met in Havana to reach a
    deal', 'so as to settle the dispute', 'in order to reach', 'in a bid to broker a truce', 'talks aimed at
    reaching an agreement'."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl" and infinitive and not own_subject:
        return True
    if verb.dep_ == "ccomp" and infinitive and any(c.dep_ == "nsubj" and c.lemma_.lower() in PURPOSE_NOUNS
                                                   for c in verb.children):
        return True  # 'made concessions to reach a deal', which the parser reads as the concessions reaching it
    head = verb.head if verb.dep_ == "acl" else verb.head.head if verb.head.dep_ == "prep" else None
    if head is None or verb.dep_ not in ("acl", "pcomp", "pobj"):
        return False
    if head.lemma_.lower() in PURPOSE_NOUNS and head.dep_ == "pobj":
        return True  # 'in order to reach', 'in a bid to broker', 'with a view to ending', 'with the aim of a truce'
    return head.lemma_.lower() in PURPOSE_VERBS  # 'aimed at reaching', 'talks aimed at a truce'


def is_planned_object(noun: Token, verb: Token) -> bool:
    """'plans talks', 'proposed a meeting', 'called for talks', 'want a deal': the noun is what the plan is
    for, not an adjunct of the planning verb ('agreed to a ceasefire after talks')."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "for", "on") else noun.head
    while head.dep_ in ("xcomp", "conj") and head.i != verb.i:
        head = head.head
    if head.i != verb.i or noun.dep_ not in ("dobj", "pobj", "attr", "nsubjpass"):
        return noun.head.i != verb.i and noun.head.dep_ == "xcomp" and noun.head.head.i == verb.i
    return True


def reported(sentence: Span, chain: list[Token]) -> bool:
    if any(t.lower_ in REPORTED_ADVERBS for t in sentence):
        return True
    text = sentence.text.lower()
    if "according to" in text or "reports suggest" in text or "it is reported" in text:
        return True
    for token in chain[1:]:
        if token.lemma_ in REPORTING and token.pos_ == "VERB":
            return True
    return False
