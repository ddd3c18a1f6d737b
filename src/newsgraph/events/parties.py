"""Who an argument stands for: party keys, bare sectors given their country, and which parties can be
the same one.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.actors import Mention, load_gazetteer
from newsgraph.events.arguments import ActorIndex, Arg, pronoun_actor
from newsgraph.events.records import Event, Location
from newsgraph.events.words import word_class


REPORTING = word_class("speaking")
MEDIATING = word_class("mediating")
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


def one_party(a: Arg, b: Arg) -> bool:
    """The same institution twice ('the US' and 'Washington'); a named movement (the Taliban in power) is
    not the state's other organs."""
    named = any(load_gazetteer().actor(x.actor_id).role_at(None) and load_gazetteer().actor(x.actor_id).role_at(None).group
                or (x.mention is not None and x.mention.group) for x in (a, b))
    return party_key(a) == party_key(b) and not named


def code_key(code: str | None) -> tuple:
    """(country, sector) of a CAMEO-style code, as party_key gives them for an argument: 'PAKREBTTP' ->
    (PAK, REB); a bare country is its government, a bare sector ('CVL') has no country."""
    code = code or ""
    if code[:3] in load_gazetteer().countries or code[:3] == "IGO":
        return code[:3], code[3:6] or "GOV"
    return "", code[:3]


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
        # an earlier side of no named country ('a suicide bomber') may be anyone's
        if a_country and country and a_country != country:
            return False
        if a_sector in NON_STATE and a_sector != sector and not (whole_country and a_sector in PEOPLE):
            return False
    return True


def is_coordinated_with(arg: Arg, others: list[Arg], doc: Doc) -> bool:
    """'Qatar and Turkey': the argument's words are a conjunct of another argument's."""
    span = doc.char_span(arg.mention.start, arg.mention.end, alignment_mode="expand") if arg.mention else None
    if span is None:
        return False
    heads = {o.mention.start for o in others if o.mention}
    return span.root.dep_ == "conj" and span.root.head.idx in heads


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
    if root.dep_ == "nsubj" and judges_the_act(head, trigger):
        return False
    if in_content_clause(root, trigger):
        return False
    if is_mediator(mention, trigger.doc):
        return False
    while root.dep_ == "conj" and root.head.i != root.i:  # 'in Dir and Swat'
        root = root.head
    head = root.head
    return not (root.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "inside"))


def judges_the_act(verb: Token, trigger: Token) -> bool:
    """'Congo condemned the attack, which killed twelve soldiers': the one who condemns, welcomes or reports
    an act named by the object is not who did what the relative clause about that object tells."""
    noun = trigger.head
    return trigger.dep_ == "relcl" and noun.head.i == verb.i and noun.dep_ in ("dobj", "attr")


def in_content_clause(token: Token, trigger: Token) -> bool:
    """'Qatar was accused of backing the Taliban': who an accusation, a demand or a report is about, inside
    the clause that tells its content, is no side of the accusation itself."""
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.dep_ == "pcomp" and ancestor.head.i in (trigger.i, *[c.i for c in trigger.children]):
            return True
    return False


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
    earlier = [m for m in index.mentions_before(token.idx) if m.sector == mention.sector and m.country
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


def code_at(arg: Arg | None, when: str | None, gaz) -> str | None:
    """The actor's code at the event's date: the Taliban of 1996 are REB, of 2025 GOV."""
    if arg is None:
        return None
    if arg.actor_id in gaz.actors or "." in arg.actor_id or arg.actor_id in gaz.countries:
        role = gaz.actor(arg.actor_id).role_at(when)
        if role:
            return role.code
    return arg.mention.code if arg.mention else None
