"""Find the political actors in one parsed document and code them (country, sector, group) at a date.

Named actors, capitals used as metonyms, countries and demonyms come from the gazetteer; agent nouns
('officials', 'militants', 'analysts') get their country from the word that modifies them ('Pakistani
officials', 'Pakistan's military', 'Afghan opposition members') or from the word they are coordinated
with ('Pakistan's military and intelligence agencies'). People spaCy finds that the gazetteer does not
know become new actors, coded from their appositive ('Tahir Khan, a political analyst').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.actors.gazetteer import Gazetteer, load_gazetteer, name_key, slug
from newsgraph.nlp import doc_text, sentence_of

LOCATIVE = {"in", "inside", "within", "throughout", "across", "near", "at", "into", "around", "outside"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
# 'the militants', 'these armed men': a definite armed-group noun with no owner of its own refers back to the
# armed group named last, if it was named close enough before (in characters, a few sentences).
DEFINITE = {"the", "these", "those"}
GROUP_SECTORS = {"REB"}
OFFICE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}  # offices held for a state
GROUP_LOOKBACK_CHARS = 1200
TITLES = re.compile(r"^(?:(?:field marshal|marshal|general|gen\.?|lt\.? gen\.?|lieutenant general|major general|"
                    r"brigadier|colonel|col\.?|president|prime minister|pm|minister|defen[cs]e minister|"
                    r"foreign minister|interior minister|mullah|maulvi|maulana|sheikh|dr\.?|mr\.?|mrs\.?|ms\.?|"
                    r"senator|ambassador|envoy|commander|chief|former|retired|the)\s+)+", re.I)
ORG_WORDS = re.compile(r"\b(Front|Party|Movement|Army|Council|Ministry|Agency|Institute|Network|Group|Organi[sz]ation|"
                       r"Committee|Forces?|Brigade|League|Union|Association|Commission|Corps|Tehreek|Tehrik|Jamaat|"
                       r"Directorate|Centre|Center|Foundation|Alliance|Assembly)\b")
# The head word of an organisation's name says what kind of actor it is, in any country.
ORG_SECTORS = [(re.compile(r"\b(Party|League|Movement)\b"), "PTY"),
               (re.compile(r"\b(Army|Front|Liberation|Brigades?|Militia|Lashkar|Jaish|Mujahideen)\b"), "REB"),
               (re.compile(r"\b(Ministry|Directorate|Commission|Authority|Office)\b"), "GOV"),
               (re.compile(r"\b(Institute|Centre|Center|Foundation|Think Tank)\b"), "ANL")]
MEDIA_WORDS = re.compile(r"\b(Wire|News|Times|Post|Tribune|Press|Daily|Gazette|Herald|Telegraph|Chronicle|Journal|"
                         r"Observer|Dispatch|Express|Monitor|TV|Radio|Broadcasting)$")
BYLINE = re.compile(r"^\s*(?:by|writer|written by|reporting by|author|reported by)\b:?\s*$", re.I)
NAME_PARTICLES = {"al", "el", "bin", "ibn", "ul", "ur", "ud", "din", "e", "i", "de", "van", "von", "der", "da"}
ACRONYM = re.compile(r"\b((?:[A-Z][\w'’-]*)(?:\s+(?:of|the|for|and|de|e|[A-Z][\w'’-]*)){1,7})\s+\(([A-Z][A-Z-]{1,7})\)")


@dataclass(frozen=True)
class Mention:
    """One mention of an actor: where it is, what it resolves to, and its role at `date`."""

    doc_id: str
    start: int
    end: int
    surface: str
    actor_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    group: str | None
    code: str
    date: str | None
    confidence: float
    layer: str = "text"  # base (Phoenix dictionary), curated, or text (coded from the words of the text)


@dataclass
class Resources:
    gazetteer: Gazetteer
    named: int  # the most tokens a curated alias can have: aliases are looked up as written, by text
    countries: PhraseMatcher
    demonyms: PhraseMatcher
    agents: PhraseMatcher


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    from newsgraph.nlp import load_model

    nlp = load_model()
    gaz = load_gazetteer()

    def matcher(phrases, attr="ORTH"):
        m = PhraseMatcher(nlp.vocab, attr=attr)
        m.add("X", list(nlp.tokenizer.pipe(phrases)))
        return m

    longest = max(len(re.findall(r"\w+|[^\w\s]", alias)) for alias in gaz.aliases)
    return Resources(gaz, longest, matcher(gaz.country_names), matcher(gaz.demonyms),
                     matcher(gaz.agents, attr="LOWER"))


def find_mentions(doc_id: str, sdoc: Doc, date: str | None, res: Resources | None = None) -> list[Mention]:
    res = res or load_resources()
    gaz = res.gazetteer
    local, new_orgs = defined_acronyms(doc_text(sdoc), gaz)
    spans = tagged_spans(sdoc, res, local)
    by_token = {t.i: (label, span) for span, label in spans for t in span}
    builder = MentionBuilder(doc_id, date, gaz)
    for actor_id, name in new_orgs.items():
        builder.new_organization(actor_id, name)
    owners = {span.start: builder.owner(span, by_token) for span, label in spans if label == "agent"}
    consumed = {o[1].start for o in owners.values() if o is not None}
    for span, label in spans:
        if label == "agent" and proper_name(span, by_token, gaz):
            owner = owners[span.start]
            builder.named_body(proper_name(span, by_token, gaz), gaz.agents[span.text.lower()],
                               owner[2] if owner and owner[0] == "country" else None)
        elif label == "agent" and names_an_act(span, by_token, gaz):
            continue
        elif label == "agent":
            builder.agent(span, owners[span.start])
            builder.coordinated_owners(span, owners[span.start], by_token)
        elif span.text in local and local[span.text] in new_orgs:
            builder.add(span, local[span.text], 0.8)
        elif span.start in consumed:
            continue  # 'Taliban' in 'Taliban leaders' is part of that mention
        elif label == "base":
            builder.named(span, gaz.base_names[name_key(span.text)])
        elif label == "named":
            actor_id = local.get(span.text) or gaz.aliases[span.text]
            if not (is_metonym(actor_id, gaz) and (is_place(span) or is_place_modifier(span, by_token))):
                builder.named(span, actor_id)
        elif label == "country" and not is_place(span):
            builder.state(span, gaz.country_names[span.text])
        elif label == "demonym" and is_people_noun(span):
            builder.add(span, f"{gaz.demonyms[span.text]}.CVL", 0.7)
    for ent in sdoc.ents:
        if ent.label_ == "PERSON" and not any(t.i in by_token for t in ent):
            builder.person(ent)
        elif ent.label_ == "ORG" and not any(t.i in by_token for t in ent) and ORG_WORDS.search(ent.text):
            builder.organization(ent)
    taken = {i for m in builder.mentions for i in range(m.start, m.end)}
    for span in name_runs(sdoc, by_token):
        if span.start_char not in taken and describe(span, gaz)[1] is not None:
            builder.person(span)  # a name spaCy missed, known by its title: 'Rustem Umerov, Ukraine's defence minister'
    builder.surnames(sdoc)
    return sorted(builder.mentions, key=lambda m: m.start)


def name_runs(sdoc: Doc, by_token: dict) -> list[Span]:
    """Runs of two to four capitalised proper nouns that no gazetteer matched: names of people, if a title or
    an apposition says so (the caller asks describe)."""
    runs, start = [], None
    for token in [*sdoc, None]:
        if token is not None and start is None and is_headline(sentence_of(token)):
            continue
        part = token is not None and token.i not in by_token and token.pos_ == "PROPN" and token.is_alpha \
            and token.text[:1].isupper() and not TITLES.match(token.text + " ")
        if part and start is None:
            start = token.i
        elif not part and start is not None:
            end = token.i if token is not None else len(sdoc)
            if 2 <= end - start <= 4 and not ORG_WORDS.search(sdoc[start:end].text):
                runs.append(sdoc[start:end])
            start = None
    return runs


def names_an_act(span: Span, by_token: dict, gaz: Gazetteer) -> bool:
    """'The establishment of diplomatic ties': an agent word that also names an act is that act when its 'of'
    phrase names no actor (a country's 'establishment' with no 'of' phrase is the body)."""
    if span.text.lower() not in gaz.agent_acts:
        return False
    of = [p for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
          if p.dep_ == "pobj"]
    words = [w for p in of for w in (p, *(c for c in p.children if c.dep_ in ("compound", "amod", "poss", "nmod")))]
    return bool(of) and not any(w.i in by_token for w in words)


def tagged_spans(sdoc: Doc, res: Resources, local: dict[str, str]) -> list[tuple[Span, str]]:
    """Gazetteer matches, longest first; a name beats a country, a country beats an agent word."""
    rank = {"named": 0, "base": 1, "country": 2, "demonym": 3, "agent": 4}
    found = base_spans(sdoc, res.gazetteer) + curated_spans(sdoc, res.gazetteer, res.named)
    for label, matcher in (("country", res.countries), ("demonym", res.demonyms), ("agent", res.agents)):
        for _, start, end in matcher(sdoc):
            found.append((sdoc[start:end], label))
    for acronym in local:
        for m in re.finditer(rf"\b{re.escape(acronym)}\b", doc_text(sdoc)):
            span = sdoc.char_span(m.start(), m.end())
            if span is not None:
                found.append((span, "named"))
    found = [(span, label) for span, label in found
             if not inside_person(span, label, res.gazetteer) and not part_of_other_name(span, label, res.gazetteer)]
    found.sort(key=lambda f: (-(f[0].end - f[0].start), rank[f[1]]))
    kept = {id(s) for s in filter_spans([s for s, _ in found])}
    labels = {}
    for span, label in found:
        if id(span) in kept and (span.start, span.end) not in labels:
            labels[(span.start, span.end)] = label
    return sorted(((sdoc[s:e], label) for (s, e), label in labels.items()), key=lambda f: f[0].start)


def curated_spans(sdoc: Doc, gaz: Gazetteer, longest: int) -> list[tuple[Span, str]]:
    """Curated names and metonyms exactly as written (case matters: 'Fano', 'SANA'), every match from each
    word; the longest wins later. A dictionary look-up per word and length: nothing to build at load time."""
    text, tokens, found = doc_text(sdoc), list(sdoc), []
    for i, first in enumerate(tokens):
        for j in range(i, min(len(tokens), i + longest)):
            if text[first.idx: tokens[j].idx + len(tokens[j])] in gaz.aliases:
                found.append((sdoc[i: j + 1], "named"))
    return found


def inside_person(span: Span, label: str, gaz: Gazetteer) -> bool:
    """'Israel Katz', 'Jordan Bardella', 'Therese Kayikwamba Wagner': a state or group name that is only part
    of a longer name spaCy reads as a person's."""
    if label not in ("country", "named", "base"):
        return False
    actor_id = gaz.aliases.get(span.text) if label == "named" else gaz.base_names.get(name_key(span.text))
    if actor_id and gaz.actor(actor_id).kind == "person":
        return False
    ent = person_at(span.doc).get(span.start)
    if ent is None or ent.end < span.end or not looks_like_name(ent):
        return False
    extra = [t for t in ent if not span.start <= t.i < span.end and t.is_alpha and not TITLES.match(t.text + " ")]
    return bool(extra)


def part_of_other_name(span: Span, label: str, gaz: Gazetteer) -> bool:
    """'Petro Hnatenko' is not Gustavo Petro: a person's one-word alias (a surname, a first name) next to
    another capitalised name word belongs to someone else's name."""
    if label != "named" or len(span) != 1 or span.text not in gaz.aliases \
            or gaz.actor(gaz.aliases[span.text]).kind != "person":
        return False
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not TITLES.match(t.text + " ")
               and t.text not in gaz.country_names and t.text not in gaz.demonyms for t in neighbours)


NAME_JOINERS = {"-", "'", "’", ".", "&"}
JOIN_WORDS = {"of", "the", "for", "and"}
MAX_NAME_TOKENS = 10


def base_spans(sdoc: Doc, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """Names of the base dictionary, in any letter case: from each capitalised word, the longest run of
    name words (capitalised, particles, hyphens) whose name_key is a base alias."""
    tokens = list(sdoc)  # one Token object per word: indexing the Doc makes a new one each time
    found, n, i = [], len(tokens), 0
    while i < n:
        best, key = None, ""
        if tokens[i].text[:1].isupper():
            for j in range(i, min(n, i + MAX_NAME_TOKENS)):
                token = tokens[j]
                if j > i and not is_name_part(token):
                    break
                key += name_key(token.text)
                if key in gaz.base_names and ends_name(token) and base_context(sdoc[i: j + 1]):
                    best = j + 1
        if best:
            found.append((sdoc[i:best], "base"))
            i = best
        else:
            i += 1
    return found


def is_name_part(token) -> bool:
    lower = token.lower_
    return token.text[:1].isupper() or lower in NAME_PARTICLES or lower in JOIN_WORDS or token.text in NAME_JOINERS \
        or (token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_)


def ends_name(token) -> bool:
    return token.text not in NAME_JOINERS and token.lower_ not in JOIN_WORDS


def base_context(span: Span) -> bool:
    """A one-word base name is read only as an acronym (SBU, ELN) or where spaCy sees a name: many are
    also common words ('Hope', 'Mark')."""
    if len(span) > 1:
        return True
    token = span[0]
    return (token.text.isupper() and len(token.text) >= 3) or token.ent_type_ in ("ORG", "PERSON", "NORP")


def defined_acronyms(text: str, gaz: Gazetteer) -> tuple[dict[str, str], dict[str, str]]:
    """'National Resistance Front (NRF)': the acronym means whatever the long form resolves to. An
    organisation the gazetteer does not know ('Baloch Students Front (BSF)') becomes a new actor that both
    forms resolve to. Returns (surface form -> actor id, new actor id -> long form)."""
    found, new = {}, {}
    for m in ACRONYM.finditer(text):
        long_form, acronym = m.group(1), m.group(2)
        words = long_form.split()
        known = next((gaz.aliases[" ".join(words[k:])] for k in range(len(words)) if " ".join(words[k:]) in gaz.aliases),
                     None)
        if acronym in gaz.aliases and (known is None or known == gaz.aliases[acronym]) and not org_name(words, acronym):
            continue  # the gazetteer's own meaning; a text that spells out another one ('RSF') keeps its own
        if known:
            found[acronym] = known
            continue
        name = org_name(words, acronym)
        if name and ORG_WORDS.search(name):
            actor_id = f"ORG:{slug(acronym)}"
            found[acronym] = found[name] = actor_id
            new[actor_id] = name
    return found, new


def org_name(words: list[str], acronym: str) -> str | None:
    """The words of the long form that spell the acronym: 'the newly formed Baloch Students Front (BSF)'."""
    initials = acronym.replace("-", "").upper()
    for k in range(len(words)):
        if words[k][:1].isupper() and "".join(w[0] for w in words[k:] if w[:1].isupper()).upper() == initials:
            return " ".join(words[k:])
    return None


def org_sector(name: str) -> str | None:
    return next((sector for pattern, sector in ORG_SECTORS if pattern.search(name)), None)


def proper_name(span: Span, by_token: dict, gaz: Gazetteer) -> Span | None:
    """'Rapid Support Forces', 'Oromo Liberation Army', 'Presidential Leadership Council': an agent word
    written as the head of a capitalised name is a named body, not a sector. 'Pakistan Army' is not: every
    word before the head names a state."""
    if not all(t.text[:1].isupper() for t in span if t.is_alpha) or TITLES.match(span.text + " ") \
            or is_headline(sentence_of(span)):
        return None  # 'Information Minister X' is a title; a headline capitalises every word
    doc, start = span.doc, span.start
    while start > sentence_of(span).start:
        token = doc[start - 1]
        if not (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN")) and token.text not in ("'s", "’s"):
            break
        start -= 1
    words = [t for t in doc[start: span.start] if t.is_alpha]
    if doc[start].text in ("'s", "’s") or not words:
        return None
    if all(t.i in by_token or t.text in gaz.demonyms or t.text in gaz.country_names for t in words):
        return None
    end = span.end
    while end < sentence_of(span).end and doc[end].text[:1].isupper() and doc[end].pos_ in ("PROPN", "NOUN") \
            and doc[end].i not in by_token:
        end += 1  # 'Presidential Leadership Council': the agent word need not be the last
    if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return None  # a name follows: the words were its title
    return doc[start: end]


def is_headline(sent: Span) -> bool:
    """A headline or title-case line: most of its longer words are capitalised. Kept per sentence in the
    Doc's user_data (asked for each word of a run)."""
    known = sent.doc.user_data.setdefault("newsgraph.headlines", {})
    if sent.start not in known:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        known[sent.start] = len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words)
    return known[sent.start]


def person_at(doc: Doc) -> dict[int, Span]:
    """Token index -> the PERSON entity it is in, computed once per Doc."""
    found = doc.user_data.get("newsgraph.persons")
    if found is None:
        found = doc.user_data["newsgraph.persons"] = {t: e for e in doc.ents if e.label_ == "PERSON"
                                                      for t in range(e.start, e.end)}
    return found


def is_place(span: Span) -> bool:
    """'in Pakistan', 'in Dir, Swat and Ghulam Khan': a location, not an actor."""
    root = span.root
    for _ in range(6):
        while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ == "of":  # 'the districts of Dir and Swat'
            root = root.head.head
            continue
        break
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def is_place_modifier(span: Span, by_token: dict) -> bool:
    """'a Berlin-based institute', 'the Doha truce': a capital naming where, not who. 'Kabul officials' is
    still the government: the head is an agent word."""
    after = doc_text(span.doc)[span.end_char: span.end_char + 8].lower()
    if after.startswith(("-based", "-born", "-headquartered")):
        return True
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and by_token.get(root.head.i, ("",))[0] != "agent"


def is_metonym(actor_id: str, gaz: Gazetteer) -> bool:
    """A capital standing for a state body ('Islamabad' -> PAK.GOV), not a named organisation."""
    country, _, sector = actor_id.partition(".")
    return country in gaz.countries and sector in ("GOV", "MIL") and actor_id not in gaz.actors


def is_people_noun(span: Span) -> bool:
    """'Afghans', 'most Pakistanis': a demonym used as a plural noun names the people."""
    root = span.root
    return root.tag_ in ("NNS", "NNPS") and span.text.endswith("s") and root.dep_ not in MODIFIER_DEPS


class MentionBuilder:
    def __init__(self, doc_id: str, date: str | None, gaz: Gazetteer):
        self.doc_id, self.date, self.gaz = doc_id, date, gaz
        self.mentions: list[Mention] = []
        self.people: dict[str, str] = {}  # surname or full name -> actor_id, within this document
        self.new_actors: dict[str, tuple[str, str, str | None, str | None]] = {}

    def add(self, span: Span, actor_id: str, confidence: float, surface: str | None = None) -> None:
        entry = self.new_actors.get(actor_id)
        layer = "text"
        if entry:
            name, kind, country, sector = entry
            group, code = None, f"{country or ''}{sector or ''}"
        else:
            actor = self.gaz.actor(actor_id)
            layer = actor.layer
            role = actor.role_at(self.date)
            name, kind = actor.name, actor.kind
            country, sector = (role.country, role.sector) if role else (None, None)
            group, code = (role.group, role.code) if role else (None, "")
        self.mentions.append(Mention(self.doc_id, span.start_char, span.end_char, surface or span.text, actor_id,
                                     name, kind, country, sector, group, code, self.date, confidence, layer))

    def named(self, span: Span, actor_id: str) -> None:
        self.add(span, actor_id, 0.95)
        actor = self.gaz.actor(actor_id)
        if actor.kind == "person":  # base aliases are upper case: the name as written and the display name
            names = [actor.name, *actor.aliases] if actor.layer == "curated" else [actor.name, span.text]
            for alias in names:
                self.people.setdefault(alias.split()[-1], actor_id)

    def named_body(self, name: Span, sector: str, owner: str | None) -> None:
        """A body named after what it is: a state's own when its name says which state ('Ethiopian National
        Defense Force' -> ETH.MIL); otherwise an organisation of its own, an armed one when its head word is
        military ('Arakan Army', 'National Liberation Army': state forces carry their state's name)."""
        country = next((self.gaz.demonyms.get(t.text) or self.gaz.country_names.get(t.text) for t in name
                        if t.text in self.gaz.demonyms or t.text in self.gaz.country_names), None)
        kind = org_sector(name.text)
        if owner and not country:  # 'Yemen's Presidential Leadership Council'
            self.new_organization(f"ORG:{slug(name.text)}", name.text, kind or sector, owner)
        if country and sector in OFFICE_SECTORS and kind not in ("PTY", "REB"):
            self.add(name, f"{country}.{sector}", 0.8)
            return
        self.organization(name, sector=kind or ("REB" if sector == "MIL" else sector))

    def state(self, span: Span, iso3: str) -> None:
        self.add(span, iso3, 0.85)

    def agent(self, span: Span, owner) -> None:
        sector = self.gaz.agents[span.text.lower()]
        if owner is None and sector == "PTY" and is_sides(span):
            return  # 'urged all parties to avoid escalation': the sides of a conflict, not political parties
        if owner is None:
            group = self.recent_group(span) if sector in GROUP_SECTORS else None
            self.add(span, group.actor_id if group else sector, 0.6 if group else 0.5)
            return
        kind, modifier, actor_id = owner
        if kind == "named":
            actor = self.gaz.actor(actor_id)
            role = actor.role_at(self.date)
            if actor.kind == "person" and role and role.country:
                actor_id = f"{role.country}.{sector}"  # 'the Ashraf Ghani government'
            self.add(span, actor_id, 0.85)
        else:
            self.add(span, f"{actor_id}.{sector}", 0.85)
        if adjacent(modifier, span):
            self.mentions[-1] = _widen(self.mentions[-1], modifier, span)

    def coordinated_owners(self, span: Span, owner, by_token: dict) -> None:
        """'Pakistani and Afghan negotiators': the second state word shares the agent noun, so it is a
        mention of Afghan negotiators too, placed on the word that names their country."""
        if owner is None or owner[0] != "country":
            return
        sector = self.gaz.agents[span.text.lower()]
        for conj in owner[1].root.conjuncts:
            label, mod = by_token.get(conj.i, ("", None))
            found = self.modifier_actor(label, mod) if label in ("country", "demonym") else None
            if not found or found[2] == owner[2]:
                continue  # a conjunct that names no other state ('organizations and X's government')
            if not any(m.start == mod.start_char and m.end == mod.end_char for m in self.mentions):
                self.add(mod, f"{found[2]}.{sector}", 0.8)

    def recent_group(self, span: Span) -> Mention | None:
        root = span.root
        # 'the rebel group': the article may sit on the noun the group word modifies
        noun = root.head if root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN" else root
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            return None
        for m in reversed(self.mentions):
            if m.start < span.start_char - GROUP_LOOKBACK_CHARS:
                return None
            if m.start < span.start_char and m.group and m.sector in GROUP_SECTORS:
                return m
        return None

    def owner(self, span: Span, by_token: dict):
        """The country or named actor an agent word belongs to: its own modifier, or that of the agent it
        is coordinated with or modifies ('Pakistan's military and intelligence agencies')."""
        root = span.root
        heads = [root] + [t for t in span if t.i != root.i]  # 'Taliban border guards': on 'border'
        if root.dep_ == "conj" or (root.dep_ in MODIFIER_DEPS and by_token.get(root.head.i, ("",))[0] == "agent"):
            heads.append(root.head)
        for head in heads:
            for child in head.children:
                if child.dep_ not in MODIFIER_DEPS or child.i not in by_token or child.i in range(span.start, span.end):
                    continue
                found = self.modifier_actor(*by_token[child.i])
                if found:
                    return found
        before = by_token.get(span.start - 1)
        if before and before[0] in ("country", "demonym"):
            return self.modifier_actor(*before)  # 'Bolivian army units': the parse hangs both words on 'units'
        return None

    def modifier_actor(self, label: str, mod: Span):
        text = mod.text
        if label == "country":
            return ("country", mod, self.gaz.country_names[text])
        if label == "demonym":
            return ("country", mod, self.gaz.demonyms[text])
        if label in ("named", "base"):
            actor_id = self.gaz.aliases.get(text) or self.gaz.base_names.get(name_key(text))
            if actor_id is None:
                return None
            country, _, sector = actor_id.partition(".")
            if country in self.gaz.countries and sector in ("GOV", "MIL"):
                return ("country", mod, country)  # 'Islamabad's officials'
            return ("named", mod, actor_id)
        return None

    def person(self, ent: Span) -> None:
        ent = first_line(ent)
        if is_place(ent) or not looks_like_name(ent) or is_byline(ent):
            return  # spaCy calls many places people ('in Quetta', 'districts of Dir and Ghulam Khan')
        if MEDIA_WORDS.search(ent.text):
            self.organization(ent, sector="MED")  # 'Indus Wire' is an outlet, not a person
            return
        if ORG_WORDS.search(ent.text):
            self.organization(ent)  # 'Tigray People's Liberation Front': spaCy sometimes calls bodies people
            return
        name = re.sub(r"[’']s?$", "", TITLES.sub("", ent.text).strip()).strip()  # possessive, not a final s
        if not name or name in self.gaz.country_names or name in self.gaz.demonyms:
            return
        from newsgraph.geo.places import load_places  # geo reads the actor gazetteer: import when used

        if name not in self.gaz.aliases and name in load_places():
            return  # 'Mir Ali', 'Dera Ismail Khan': towns that read like names; the place gazetteer decides
        words = name.split()
        if len(words) == 1:
            known = self.people.get(words[0])
            if known:
                self.add(ent, known, 0.7)
            return
        actor_id = self.people.get(name) or self.gaz.aliases.get(name) or f"PER:{slug(name)}"
        if actor_id.startswith("PER:") and actor_id not in self.gaz.actors:
            country, sector = describe(ent, self.gaz)
            if country is None and sector in OFFICE_SECTORS:
                country = self.home_country()  # 'Interior Minister Sarfraz Bugti' in a story about Pakistan
            self.new_actors.setdefault(actor_id, (name, "person", country, sector))
        self.people.setdefault(name, actor_id)
        self.people.setdefault(words[-1], actor_id)
        self.add(ent, actor_id, 0.75)

    def home_country(self) -> str | None:
        """The country whose state the article names most: an unnamed office holder's, most likely."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.country and (m.kind == "state" or m.sector in OFFICE_SECTORS):
                counts[m.country] = counts.get(m.country, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def surnames(self, sdoc: Doc) -> None:
        """A person named in full earlier is later called by surname alone, whatever spaCy labels it."""
        covered = {(m.start, m.end) for m in self.mentions}
        taken = [range(m.start, m.end) for m in self.mentions]
        for token in sdoc:
            actor_id = self.people.get(token.text)
            if not actor_id or token.pos_ != "PROPN" or (token.idx, token.idx + len(token)) in covered:
                continue
            if any(token.idx in r for r in taken):
                continue
            first = min((m.start for m in self.mentions if m.actor_id == actor_id), default=None)
            if first is not None and first < token.idx:
                self.add(sdoc[token.i: token.i + 1], actor_id, 0.7)

    def organization(self, ent: Span, actor_id: str | None = None, sector: str | None = None) -> None:
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        actor_id = actor_id or f"ORG:{slug(name)}"
        self.new_organization(actor_id, name, sector)
        self.add(ent, actor_id, 0.6)

    def new_organization(self, actor_id: str, name: str, sector: str | None = None, country: str | None = None) -> None:
        if actor_id not in self.new_actors:
            country = country or next((self.gaz.demonyms.get(w) or self.gaz.country_names.get(w) for w in name.split()
                            if w in self.gaz.demonyms or w in self.gaz.country_names), None)
            sector = sector or ("MED" if MEDIA_WORDS.search(name) else org_sector(name))
            self.new_actors[actor_id] = (name, "organization", country, sector)


def first_line(ent: Span) -> Span:
    """spaCy sometimes runs a name into the next line ('Nadia Aziz Khattak\\n\\nISLAMABAD')."""
    for token in ent:
        if "\n" in token.text_with_ws:
            return ent[: token.i - ent.start + (0 if token.is_space else 1)]
    return ent


def is_byline(ent: Span) -> bool:
    """'By Farzana Durrani', 'Writer: Omar Siddiqi': the article's author, not an actor in it."""
    text = doc_text(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    return bool(BYLINE.match(text[line_start: ent.start_char]))


def looks_like_name(ent: Span) -> bool:
    """Every word a proper noun or a name particle: not 'Closing Torkham' or 'Rising tensions'."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in NAME_PARTICLES and not TITLES.match(t.text + " ")]
    return bool(words) and all(t.pos_ == "PROPN" for t in words)


SIDES = {"all", "both", "warring", "conflicting", "two", "opposing", "rival", "relevant", "concerned"}


def is_sides(span: Span) -> bool:
    """'all parties', 'both parties', 'the warring parties', 'the parties concerned': sides, not parties."""
    root = span.root
    return root.lower_ == "parties" and any(c.lower_ in SIDES for c in root.children)


def adjacent(modifier: Span, span: Span) -> bool:
    """The modifier stands right before the agent words ('Pakistani officials', 'Pakistan's army')."""
    gap = doc_text(span.doc)[modifier.end_char: span.start_char]
    return modifier.end_char <= span.start_char and len(gap.split()) <= 3 and " and " not in gap and "," not in gap


def _widen(mention: Mention, first: Span, last: Span) -> Mention:
    """A mention that covers modifier and head: 'Pakistani officials', 'Taliban leaders'."""
    start, end = min(first.start_char, last.start_char), max(first.end_char, last.end_char)
    return replace(mention, start=start, end=end, surface=doc_text(first.doc)[start:end])


# When a description names several kinds of office ('the military chief of staff', 'the head of Ukraine's
# military intelligence'), the more specific body decides.
SECTOR_PRIORITY = ["IGO", "SPY", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "GOV"]
TITLE_STOPS = {",", ";", ":", ".", "(", ")", '"', "“", "”", "and", "or", "with", "by", "to", "from", "as", "in",
               "at", "on", "for", "after", "before", "while", "when", "who", "which", "that"}


def describe(ent: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """Country and sector of a new person from the title before the name and the apposition after it:
    'Pakistani journalist X', 'Russia's defence minister X', 'Ukraine's foreign minister, X', 'X, a political
    analyst', 'X, the head of Ukraine's military intelligence', 'X is a senior fellow at ...'."""
    return describe_tokens(title_before(ent) + apposition_after(ent), gaz)


def title_before(ent: Span) -> list:
    """The words just before a name, back to a stop word, verb or clause break: 'EU foreign policy chief',
    and across one comma when the name is in apposition to them ('Ukraine's foreign minister, X')."""
    sent, doc = sentence_of(ent), ent.doc
    k = ent.start - 1
    if k > sent.start and doc[k].text == "," and ent.root.dep_ == "appos":
        k -= 1
    words = []
    while k >= sent.start and len(words) < 7:
        token = doc[k]
        if token.lower_ in TITLE_STOPS or token.pos_ in ("VERB", "AUX") or token.is_punct and token.text != "-":
            break
        words.insert(0, token)
        k -= 1
    return words


def apposition_after(ent: Span) -> list:
    """'X, a political analyst, said', 'X, Ukraine's foreign minister', 'X is a senior fellow at ...'."""
    sent = sentence_of(ent)
    after = [t for t in sent if ent.end <= t.i < ent.end + 12]
    if after and after[0].lower_ in ("is", "was"):
        stop = next((k for k, t in enumerate(after) if t.text in ",;." or t.lower_ in ("at", "in", "for", "of")),
                    len(after))
        return after[:stop]
    if after and after[0].text == ",":
        stop = next((k for k, t in enumerate(after[1:], 1) if t.text in ",;." or t.dep_ == "relcl"
                     or t.pos_ in ("VERB", "AUX")), len(after))  # 'X, inspected troops' is no apposition
        return after[1:stop]
    return []


def describe_tokens(tokens: list, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """The country and the most specific sector named by a title or description. A title naming an
    international body ('EU foreign policy chief', 'the ICC prosecutor') makes an international official."""
    country, sectors, fallback, k = None, [], [], 0
    while k < len(tokens):
        token = tokens[k]
        for n in range(min(4, len(tokens) - k), 0, -1):  # longest title phrase first
            phrase = " ".join(t.lower_ for t in tokens[k: k + n])
            if phrase in gaz.titles:  # our agent words first; Phoenix's many titles only when none is there
                (sectors if phrase in gaz.own_titles else fallback).append(gaz.titles[phrase])
                k += n - 1
                break
        else:
            if country is None and (token.text in gaz.demonyms or token.text in gaz.country_names):
                country = gaz.demonyms.get(token.text) or gaz.country_names.get(token.text)
            elif token.text in gaz.aliases:
                role = gaz.actor(gaz.aliases[token.text]).role_at(None)
                if role and role.sector == "IGO":
                    sectors.append("IGO")
        k += 1
    sector = min(sectors or fallback, default=None,
                 key=lambda s: SECTOR_PRIORITY.index(s) if s in SECTOR_PRIORITY else len(SECTOR_PRIORITY))
    return (None if sector == "IGO" else country), sector
