"""The actor gazetteer, in layers: states (countries.tsv, demonyms.tsv); the base dictionary converted from
Phoenix (actors_base.tsv: about 25,000 people, bodies and groups with dated roles, to 2014); the curated layer on
top (actors.toml and actors_curated.tsv: office holders, armed groups and parties since 2014), which wins over
the base; and agent words mapped to sectors (agents.tsv, with agents_base.tsv for titles). Loaded once per
process, read-only."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Media, analysts and academics tell of events and comment on them; they are rarely a party to them.
COMMENTATOR_SECTORS = frozenset({"MED", "ANL", "EDU"})

SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "SPY": "intelligence", "COP": "police", "REB": "armed groups",
    "OPP": "opposition", "LEG": "legislature", "JUD": "judiciary", "PTY": "parties", "CVL": "civilians",
    "REF": "refugees", "MED": "media", "BUS": "business", "EDU": "education", "REL": "religious leaders",
    "NGO": "NGOs", "IGO": "international organisations", "ANL": "analysts",
}


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str | None
    group: str | None = None
    since: str | None = None
    until: str | None = None
    title: str | None = None

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.until is None
        return (self.since is None or self.since[: len(date)] <= date) and \
               (self.until is None or date < self.until[: len(date)] or date[: len(self.until)] < self.until)

    @property
    def code(self) -> str:
        """CAMEO-style code: country + sector + group ('AFGGOVTAL', 'PAKREBTTP', 'AFGREBISISK')."""
        group = self.group or ""
        if group.replace("-", "").isupper():
            group = group.replace("-", "")  # acronyms whole: TTP, ISI, ISIS-K
        else:
            group = group.upper().replace(" ", "")[:3]
        return f"{self.country or ''}{self.sector or ''}{group}"


@dataclass
class ActorEntry:
    actor_id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    layer: str = "curated"  # where the actor comes from: base (Phoenix), curated, or text (found in the text)

    def role_at(self, date: str | None) -> Role | None:
        """The role in force at `date` (ISO, any precision); the latest role when the date is unknown."""
        if not self.roles:
            return None
        if date is None:
            return self.roles[-1]
        covering = [r for r in self.roles if r.covers(date)]
        if covering:  # a dated role says more than an undated one ('[ELI]' beside '[RWAGOV >000422]')
            return max(reversed(covering), key=lambda r: (r.since is not None or r.until is not None, r.since or ""))
        started = [r for r in self.roles if r.since is None or r.since[: len(date)] <= date]
        return started[-1] if started else self.roles[0]


@dataclass
class Gazetteer:
    actors: dict[str, ActorEntry]
    aliases: dict[str, str]          # surface form -> actor_id (named actors and metonyms)
    country_names: dict[str, str]    # surface form -> ISO3 (names: the state itself)
    demonyms: dict[str, str]         # surface form -> ISO3
    agents: dict[str, str]           # lower-case phrase -> sector
    countries: dict[str, str]        # ISO3 -> display name
    capitals: dict[str, str]
    base_names: dict[str, str] = field(default_factory=dict)  # name_key(alias) -> base actor id
    titles: dict[str, str] = field(default_factory=dict)      # lower-case title or agent phrase -> sector
    own_titles: frozenset = frozenset()                        # the hand-written ones (agents.tsv, titles.tsv)
    agent_acts: frozenset = frozenset()  # agent words that also name an act ('the establishment of ties')

    def actor(self, actor_id: str) -> ActorEntry:
        """A curated actor, or a state-sector actor made on demand ('PAK.MIL', 'AFG', 'ANL')."""
        if actor_id in self.actors:
            return self.actors[actor_id]
        country, _, sector = actor_id.partition(".")
        if country in self.countries:
            name = self.countries[country] + (f" {SECTOR_NAMES.get(sector, sector)}" if sector else "")
            kind = "state" if not sector else "organization"
            return ActorEntry(actor_id, name, kind, roles=[Role(country, sector or None)],
                              layer="text" if sector else "curated")  # 'Polish officials' is coded from the text
        label = SECTOR_NAMES.get(actor_id, actor_id)
        return ActorEntry(actor_id, label[:1].upper() + label[1:], "group", roles=[Role(None, actor_id)], layer="text")


def _data(name: str) -> str:
    return (resources.files("newsgraph") / "data" / name).read_text(encoding="utf-8")


def _roles(raw: list[dict]) -> list[Role]:
    return [Role(r.get("country"), r.get("sector"), r.get("group"), r.get("since"), r.get("until"), r.get("title"))
            for r in raw]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    countries, country_names, demonyms = {}, {}, {}
    for line in _data("countries.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso3, name, names, adjectives = (line.split("\t") + ["", ""])[:4]
        countries[iso3] = name
        for n in filter(None, names.split("|")):
            country_names.setdefault(n, iso3)
        for d in filter(None, adjectives.split("|")):
            demonyms.setdefault(d, iso3)
    curated = tomllib.loads(_data("actors.toml"))
    actors, aliases = {}, {}
    for raw in curated.get("actor", []):
        entry = ActorEntry(raw["id"], raw["name"], raw.get("kind", "organization"), list(raw.get("aliases", [])),
                           _roles(raw.get("roles", [])))
        actors[entry.actor_id] = entry
        for alias in [entry.name, *entry.aliases]:
            aliases.setdefault(alias, entry.actor_id)
    for metonym in curated.get("metonym", []):
        aliases.setdefault(metonym["alias"], metonym["actor"])
    for entry in curated_rows():
        actors[entry.actor_id] = entry
        for alias in [entry.name, *entry.aliases]:
            aliases.setdefault(alias, entry.actor_id)
    for line in _rows("demonyms.tsv"):
        iso3, *words = line
        for word in words:
            demonyms[word] = iso3
    agents = {phrase.strip(): sector.strip() for phrase, sector, *_ in _rows("agents.tsv")}
    titles = {phrase: sector for phrase, sector, *_ in _rows("agents_base.tsv")} | agents
    titles |= {phrase: sector for phrase, sector, *_ in _rows("titles.tsv")}
    state_words = {name_key(w) for w in [*country_names, *demonyms]}
    layered = LayeredActors(actors)
    base_names = {}
    for row in _rows("actors_base.tsv"):
        layered.base.setdefault(row[0], row)
        for key in row[5].split("|"):
            if key not in state_words:
                base_names.setdefault(key, row[0])
    for alias in aliases:  # a curated name is never read as a base one, with or without 'the' before it
        base_names.pop(name_key(alias), None)
        base_names.pop("the" + name_key(alias), None)
    actors = layered
    own = frozenset(agents) | {phrase for phrase, *_ in _rows("titles.tsv")}
    acts = frozenset(row[0].strip() for row in _rows("agents.tsv") if len(row) > 2 and row[2].strip() == "act")
    return Gazetteer(actors, aliases, country_names, demonyms, agents, countries,
                     dict(curated.get("capitals", {})), base_names, titles, own, acts)


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name).splitlines() if line.strip() and not line.startswith("#")]


def name_key(text: str) -> str:
    """What two spellings of a name share: 'BAN KI-MOON', 'Ban Ki-moon' -> 'bankimoon'."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


class LayeredActors(dict):
    """Curated actors, with the base layer behind them: a base line (id, kind, name, aliases, roles as
    country/sector/since/until, match keys) becomes an ActorEntry the first time it is asked for, so the
    25,000 lines load in a fraction of a second."""

    def __init__(self, curated: dict[str, ActorEntry]):
        super().__init__(curated)
        self.base: dict[str, list[str]] = {}

    def __missing__(self, actor_id: str) -> ActorEntry:
        actor_id, kind, name, aliases, roles, _ = self.base[actor_id]
        parsed = [Role(c or None, s or None, None, since or None, until or None)
                  for c, s, since, until in (raw.split("/") for raw in roles.split(";"))]
        entry = self[actor_id] = ActorEntry(actor_id, name, kind, aliases.split("|"), parsed, "base")
        return entry

    def __contains__(self, actor_id) -> bool:
        return dict.__contains__(self, actor_id) or actor_id in self.base

    def get(self, actor_id, default=None):
        return self[actor_id] if actor_id in self else default


def curated_rows() -> list[ActorEntry]:
    """actors_curated.tsv: one line per role (id, kind, name, aliases, country, sector, group, since, until,
    title); the lines of one id make one actor, its roles in the order written."""
    entries: dict[str, ActorEntry] = {}
    for row in _rows("actors_curated.tsv"):
        actor_id, kind, name, aliases, country, sector, group, since, until, title = (row + [""] * 10)[:10]
        entry = entries.setdefault(actor_id, ActorEntry(actor_id, name, kind, []))
        entry.aliases += [a for a in aliases.split("|") if a and a not in entry.aliases]
        entry.roles.append(Role(country or None, sector or None, group or None, since or None, until or None,
                                title or None))
    return list(entries.values())


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
