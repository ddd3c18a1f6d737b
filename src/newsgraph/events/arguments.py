"""Who did it, to whom: source and target actors of a trigger, read off the dependency parse."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.actors import Mention
from newsgraph.events.words import word_class, word_pairs
from newsgraph.nlp import sentences

RELATIVE_PRONOUNS = word_class("relative_pronouns")
# 'urged Pakistan to halt': the object, not the subject, does what the infinitive says.
OBJECT_CONTROL = word_class("object_control")
COMMITTING = word_class("committing_nouns")  # 'a decision to withdraw': the act is decided, not only described
OBJECT_PREPS = word_class("object_preps")
TARGET_PREPS = word_class("target_preps")
# Nouns whose 'of' phrase is what the action is done to: 'the deportation of Afghan refugees'.
OBJECTIVE_NOUNS = word_class("objective_nouns")
# Words that hand their subject to the event noun they govern: 'Pakistan launched airstrikes'.
LIGHT_VERBS = word_class("light_verbs")
WALK_DEPS = {"poss", "compound", "amod", "det", "prep", "pobj", "appos", "nmod", "npadvmod", "case"}

LEADING = word_class("leading")  # 'a delegation led by the foreign minister'
# Verbs whose subject stands against the act their object names, so is not its doer.
OPPOSING = word_class("opposing")
RECEIVING = word_class("receiving")
ACT_HEADS = word_class("act_heads")
# 'hideouts used by the TTP', 'camps run by the group': whose the things are
HOLDING = word_class("holding")

@dataclass(frozen=True)
class Arg:
    """One argument: the actor, where the text names it, and whether it was inferred rather than read."""

    actor_id: str
    mention: Mention | None
    inferred: bool = False


class ActorIndex:
    """Token -> actor mention for one document, and the document's sector mentions by country for
    resolving bare 'officials' to the officials the article last named."""

    def __init__(self, mentions: list[Mention], sdoc, demonyms: dict[str, str], countries: dict[str, str]):
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.by_token.setdefault(token.i, m)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self.doc = sdoc
        self.demonyms, self.countries = demonyms, countries
        self.sentences = sentences(sdoc)
        self._starts = [s.start for s in self.sentences]

    def sentence(self, token: Token, offset: int = 0):
        """The sentence holding `token`, or the one `offset` sentences away (None past either end)."""
        k = bisect_right(self._starts, token.i) - 1 + offset
        return self.sentences[k] if 0 <= k < len(self.sentences) else None

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def mentions_before(self, offset: int) -> list[Mention]:
        return self.mentions[:bisect_left(self._mention_starts, offset)]

    def mentions_in(self, span) -> list[Mention]:
        """The mentions starting inside a sentence or other span, in text order."""
        return self.mentions[bisect_left(self._mention_starts, span.start_char):
                             bisect_left(self._mention_starts, span.end_char)]

    def state_word(self, token: Token) -> str | None:
        """'Pakistani' or 'Pakistan' used as a modifier names the state."""
        return self.demonyms.get(token.text) or self.countries.get(token.text)


PERSONAL = word_class("personal_pronouns")
IMPERSONAL = word_class("impersonal_pronouns")
POSSESSIVE = word_pairs("possessive_pronouns")  # 'its forces': the forces of whatever 'it' is


def pronoun_actor(token: Token, index: ActorIndex, possessive: bool = False) -> Arg | None:
    """'he' is the person the article named last; 'it' and 'they' the nearest actor that was a subject earlier
    in the sentence, else of the sentence before; 'whose' the noun its clause is about; 'its'/'their' only
    when `possessive` is asked for. Inferred, so the event's confidence drops."""
    lower = token.lower_
    if lower == "whose":  # 'the TTP, whose attacks have risen': the noun the relative clause is about
        clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
        found = actors_under(clause.head, index) if clause is not None else []
        return Arg(found[0].actor_id, found[0].mention, inferred=True) if found else None
    lower = POSSESSIVE.get(lower, lower) if possessive else lower
    if lower not in PERSONAL | IMPERSONAL:
        return None
    earlier = [m for m in index.mentions_before(token.idx) if m.end <= token.idx]
    if lower in PERSONAL:
        person = next((m for m in reversed(earlier) if m.kind == "person"), None)
        return Arg(person.actor_id, person, inferred=True) if person else None
    # 'The Taliban denied that they ...': the nearest subject before it in its sentence ('Kabul has vowed a
    # response, and Islamabad has shown it will strike': Islamabad), then the sentence before's
    here = [t for t in reversed(index.sentence(token)) if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")]
    previous = index.sentence(token, -1)
    before = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"] if previous else []
    for t in here + before:
        found = actors_under(t, index) if t.pos_ != "PRON" else []
        if found and found[0].mention is not None and found[0].mention.kind != "person":
            return Arg(found[0].actor_id, found[0].mention, inferred=True)
    return None


def actors_under(head: Token, index: ActorIndex, depth: int = 3) -> list[Arg]:
    """The actors an argument phrase names: the head's own mention, else the nearest mentions below it
    ('members of the Afghan opposition'), for the head and each word coordinated with it."""
    # 'reaffirmed its commitment to defend': a possessive that stands for a party is read as its owner
    pronoun = pronoun_actor(head, index, possessive=head.dep_ == "poss") if (
        head.pos_ == "PRON" or head.tag_ == "WP$") else None
    if pronoun:
        return [pronoun]
    own, leader = index.at(head), _led_by(head)
    if leader is not None and (own is None or not own.country):
        return actors_under(leader, index, depth)  # 'delegations led by Asif and Yaqoob' are theirs
    found: list[Arg] = []
    # 'the defence minister, Khawaja Asif, and the Taliban's defence minister': the parser may hang the
    # second conjunct on the appositive; a description in apposition ('X, the movement's minister and the head of
    # a network') is one person, and what its conjuncts name is not a second party
    appositions = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    # ... but 'the US, Russia, and Switzerland' parsed as an apposition is a list: one state beside another
    listed = [a for a in appositions if is_other_state(index.at(a), index.at(head))]
    # 'the rebel group M23 and Rwandan troops': the parser may hang the first conjunct, 'and' and all, on the
    # second as a noun modifier
    first_conjuncts = [c for c in head.children if c.dep_ == "nmod" and c.i < head.i
                       and any(g.dep_ == "cc" for g in c.subtree)]
    for token in [head, *head.conjuncts, *listed, *(t for a in appositions for t in a.conjuncts), *first_conjuncts]:
        own = _actor_at_or_below(token, index, depth)
        for arg in [own, *_hyphen_partners(own, index), *_coordinated_modifiers(token, index)]:
            if arg and arg.actor_id not in {a.actor_id for a in found}:
                found.append(arg)
    return found


def _hyphen_partners(arg: Arg | None, index: ActorIndex) -> list[Arg]:
    """'a joint India-Afghanistan statement': the states joined by a hyphen are both parties."""
    if arg is None or arg.mention is None:
        return []
    span = index.doc.char_span(arg.mention.start, arg.mention.end, alignment_mode="expand")
    found = []
    for token in span or []:
        for child in token.children:
            joined = child.dep_ == "compound" and child.i + 2 == token.i and index.doc[child.i + 1].text == "-"
            other = index.at(child) if joined else None
            if other is not None and other is not arg.mention:
                found.append(Arg(other.actor_id, other))
    return found


def _led_by(token: Token) -> Token | None:
    for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in LEADING):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            return next((p for p in agent.children if p.dep_ == "pobj"), None)
    return None


def _coordinated_modifiers(token: Token, index: ActorIndex) -> list[Arg]:
    """'Pakistani and Afghan officials': the second state word shares the head noun, so it names Afghan
    officials, not just Afghanistan."""
    own = index.at(token)
    sector = own.sector if own is not None and own.country else None
    found = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            for conj in child.conjuncts:
                mention = index.at(conj)
                if mention is not None and mention is not own and mention.country:
                    found.append(Arg(mention.actor_id, mention))  # the actor stage coded 'Afghan officials'
                    continue
                state = index.state_word(conj) if mention is None or mention is own else None
                if state:
                    found.append(Arg(f"{state}.{sector}" if sector else state, None))
    return found


def _actor_at(token: Token, index: ActorIndex) -> Arg | None:
    """The actor a word itself names: its mention, or the state a modifying demonym names."""
    mention = index.at(token)
    if mention is not None:
        return Arg(mention.actor_id, mention)
    state = index.state_word(token)
    if state and token.dep_ in ("poss", "amod", "compound", "nmod"):
        return Arg(state, None)
    return None


def _actor_at_or_below(token: Token, index: ActorIndex, depth: int) -> Arg | None:
    own = _actor_at(token, index)
    if own:
        return own
    frontier = [token]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            # an appositive names the head itself: 'Massoud's father, the commander Ahmad Shah Massoud'
            for child in sorted(t.children, key=lambda c: c.dep_ != "appos"):
                if child.dep_ == "acl" and child.lemma_ in HOLDING:  # 'facilities used by the TTP'
                    nxt += [p for a in child.children if a.dep_ in ("agent", "prep") for p in a.children
                            if p.dep_ == "pobj"]
                    continue
                if child.dep_ not in WALK_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ not in ("of", "from"):
                    continue  # 'members of the opposition', 'a commander from a TTP faction'
                found = _actor_at(child, index)
                if found:
                    return found
                nxt.append(child)
        frontier = nxt
    return None


def subject_heads(verb: Token) -> list[Token]:
    """The word(s) that name who does `verb`, following coordination, control and relative clauses."""
    climbed = False
    for _ in range(4):
        deps = ("nsubj", "csubj", "nsubjpass") if climbed else ("nsubj", "csubj")
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects:
            if subjects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return [verb.head]
            return subjects
        agents = by_agent(verb)
        if agents:
            return agents
        if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() in COMMITTING:
            # 'Kenya announced its decision to withdraw': whoever decided, not the decision
            owners = [c for c in verb.head.children if c.dep_ == "poss"]
            if owners:
                return owners
            verb, climbed = verb.head.head, True
            continue
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and (verb.tag_ == "VBG" or has_object(verb))):
            return [verb.head]  # 'militants attacking a checkpoint'; 'Mujahid, the spokesman, called it ...'
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            if verb.head.lemma_ in OBJECT_CONTROL and objects:
                return objects
            verb, climbed = verb.head, True  # 'Pakistan is set to host': the subject of 'set'
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # 'accused Kabul of sheltering militants'
            # 'Rwanda was accused by Congo of backing rebels': the passive subject, not the 'by' agent
            objects = [c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objects:
                return objects
            verb = verb.head.head
            continue
        if verb.dep_ in ("conj", "advcl") or (verb.dep_ == "ccomp" and verb.tag_ == "VBG"):
            verb = verb.head
            continue
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
            verb = verb.head  # 'Turkey is ready to send aid', 'was unable to deliver': the subject of 'is'
            continue
        break
    return []


def has_object(verb: Token) -> bool:
    """A participle with an object of its own is an active verb the parser hung on a noun ('Mujahid, the
    spokesman, called the treatment unacceptable'), not a passive modifier ('refugees deported by X')."""
    return any(c.dep_ in ("dobj", "oprd") for c in verb.children)


def by_agent(token: Token) -> list[Token]:
    """'by X' in a passive or after an event noun."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return [c for c in child.children if c.dep_ == "pobj"]
    return []


# 'the crossing remained closed', 'the border is shut', 'keep the crossing closed': a state that an act left
# behind stands for the act; 'keep' and 'leave' make their subject its doer.
STATE_VERBS = word_class("state_verbs")
CAUSING_STATES = word_class("causing_states")


def verb_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    """(source heads, target heads) of a verb trigger."""
    if verb.dep_ in ("acomp", "oprd") and verb.head.lemma_ in STATE_VERBS:
        # a state: 'the border remains shut' has no doer in view; 'X kept it closed' is X's doing
        holder = verb.head
        sources = subject_heads(holder) if holder.lemma_ in CAUSING_STATES else []
        return sources, prepositional(verb, TARGET_PREPS)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        sources = by_agent(verb)
        targets = [c for c in verb.children if c.dep_ == "nsubjpass"]
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and not has_object(verb):  # 'refugees deported by Pakistan'
        sources, targets = by_agent(verb), [verb.head]
    elif verb.dep_ == "amod" and verb.tag_ == "VBN":  # 'the Pakistan-backed Taliban'
        sources = [c for c in verb.children if c.dep_ in ("npadvmod", "compound")] + by_agent(verb)
        targets = [verb.head]
    elif verb.lemma_ in RECEIVING and (givers := prepositional(verb, {"from"}) + [
            p for obj in verb.children if obj.dep_ == "dobj" for p in prepositional(obj, {"from"})]):
        return givers, subject_heads(verb)  # 'Ukraine received aid from Germany': Germany's act toward Ukraine
    else:
        sources = subject_heads(verb)
        targets = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            targets = [verb.head]  # 'the refugees whom Pakistan deported'
    targets += prepositional(verb, TARGET_PREPS)  # 'provide aid to Afghanistan': the object is not an actor
    # 'mediated between the Houthis and Saudi Arabia': both sides the act is aimed at
    targets += [t for p in prepositional(verb, {"between"}) for t in (p, *p.conjuncts)]
    # 'suspended trade with Afghanistan', 'host an office for the Afghan opposition'
    for obj in [c for c in verb.children if c.dep_ == "dobj"]:
        targets += prepositional(obj, OBJECT_PREPS)
    return sources, targets


def prepositional(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            found += [c for c in child.children if c.dep_ == "pobj" and not is_absolute(c)]
    return found


def is_absolute(pobj: Token) -> bool:
    """'swapped prisoners, with the Emirates mediating': 'with' and a noun doing something of its own is a
    circumstance of the act, not a party to it."""
    if pobj.head.lower_ != "with":
        return False
    if any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBG" for c in pobj.children):
        return True  # 'with Qatar mediating' parsed as a noun and its participle
    # ... or as an '-ing' word with the doer hung on it ('with the United Arab Emirates mediating')
    return pobj.lower_.endswith("ing") and any(c.dep_ in ("compound", "nsubj") for c in pobj.children)


KIND_NAMING = {"AID", "COOPERATE"}  # 'military aid', 'police cooperation': the word says what kind of help it is


def is_other_state(mention, beside) -> bool:
    """Two states, each named: one cannot stand in apposition to the other."""
    return (mention is not None and beside is not None and mention.kind == "state" and beside.kind == "state"
            and mention.country != beside.country)


def names_it(verb: Token) -> bool:
    """'called the attack an act of terror', 'declared the strike illegal': the verb names its object."""
    return any(c.dep_ == "oprd" for c in verb.children)


def names_doer(mention, event_type: str | None) -> bool:
    """A modifier that names who acts ('Pakistani airstrikes', 'TTP attacks', 'a police raid'); a bare kind of
    actor before aid or cooperation names its kind, not its giver ('announced a military aid package')."""
    return mention is not None and (bool(mention.country or mention.group) or event_type not in KIND_NAMING)


def noun_arguments(noun: Token, lemma: str, index: ActorIndex,
                   event_type: str | None = None) -> tuple[list[Token], list[Token], bool]:
    """(source heads, target heads, whether the source came from a governing verb) of an event noun."""
    sources = [c for c in noun.children if c.dep_ == "poss"]
    own_words = set(lemma.split()[:-1])  # 'military exercise': the trigger's own modifier is no party
    sources += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in own_words
                and (names_doer(index.at(c), event_type) or index.state_word(c))]
    sources += by_agent(noun)
    targets = prepositional(noun, TARGET_PREPS - {"with"})  # 'with' comes last: 'talks with X' is the partner
    between = prepositional(noun, {"between"})
    if between and not sources:
        first = between[0]
        return [first], list(first.conjuncts) or targets, False
    if lemma in OBJECTIVE_NOUNS:
        targets += prepositional(noun, {"of"})
    elif not sources:
        sources = prepositional(noun, {"of"})  # 'the visit of the defence minister to Kabul': the visitor
    targets += prepositional(noun, {"with"})
    governed = False
    holder = noun
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ACT_HEADS:
        holder = noun.head  # 'announced a military aid package': the package stands for the aid
        sources = sources or [c for c in holder.children if c.dep_ == "poss"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NUM", "PRON", "DET"):
        holder = noun.head.head  # '14 of the 24 bombings had been carried out by ...': the count stands for it
    verb = holder.head if holder.dep_ in ("dobj", "nsubjpass", "attr") else (
        holder.head.head if holder.dep_ == "pobj" else None)
    if not sources and verb is not None and verb.pos_ in ("VERB", "AUX"):
        if (holder.dep_ == "dobj" and verb.lemma_ in RECEIVING) or (
                holder.dep_ == "pobj" and holder.head.lower_ == "under"):
            # 'drew criticism from rights groups', 'received aid from Japan', 'came under fire from militants':
            # the subject is on the receiving end; the one acting, if named, comes with 'from'
            sources = prepositional(noun, {"from"}) or prepositional(verb, {"from"})
            targets = targets or subject_heads(verb)
        elif verb.lemma_ in LIGHT_VERBS:
            sources = subject_heads(verb)  # 'Pakistan launched airstrikes': as good as stated
        elif holder.dep_ == "dobj" and names_it(verb):
            pass  # 'called the attack an act of terror': whoever names an act did not do it
        elif holder.dep_ == "dobj" and verb.lemma_ in OPPOSING:
            # 'resisted pressures from Pakistan': the one resisting is who the pressure is on
            sources = prepositional(noun, {"from"})
            targets = targets or subject_heads(verb)
        elif holder.dep_ == "dobj":
            sources, governed = subject_heads(verb), True
    return sources, targets, governed

