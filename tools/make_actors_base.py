"""Regenerate the base actor layer (src/newsgraph/data/actors_base.tsv, agents_base.tsv) from the Phoenix
dictionaries (MIT, Open Event Data Alliance, 2014; see NOTICE):

    python tools/make_actors_base.py ../shared/data/phoenix

actors_base.tsv has one line per actor, sorted by id (diffable):
    id  kind  name  aliases (|)  roles (;)   where a role is country/sector/since/until (ISO dates, '' = open)
Country-level entries (a state's own names) are left to countries.tsv. Codes are read as country (ISO3 or
IGO/NGO/IMG...) plus 3-letter sector chunks; an intelligence chunk anywhere makes the role SPY ('RUSGOVSPY'
is an intelligence chief), otherwise the first chunk we know decides ('RUSGOVMIL', a defence minister, is GOV).

agents_base.tsv maps agent nouns (lower case) to sectors, with the Phoenix macros (!PERSON!, !MINIST!)
expanded; it codes titles and appositions of people the dictionaries do not name.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data"
SECTORS = {"GOV", "MIL", "SPY", "COP", "REB", "OPP", "LEG", "JUD", "PTY", "CVL", "REF", "MED", "BUS", "EDU", "REL",
           "NGO", "IGO"}
# Phoenix sector codes that mean one of ours.
SECTOR_ALIASES = {"INS": "REB", "SEP": "REB", "UAF": "MIL", "LAB": "CVL", "HRI": "NGO", "JEW": "REL", "MUS": "REL",
                  "CHR": "REL", "BUD": "REL", "HIN": "REL", "CTH": "REL", "SHI": "REL", "SUN": "REL", "AGR": "CVL",
                  "STU": "EDU", "ELI": "", "DEV": "", "HLH": "", "ENV": "", "MOD": "", "RAD": ""}
NON_STATE = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS", "NGM": "NGO"}
ROLE = re.compile(r"\[([A-Z~]+)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")
ORG_WORDS = re.compile(r"\b(ARMY|FRONT|PARTY|MOVEMENT|COUNCIL|MINISTRY|AGENCY|FORCES?|BRIGADES?|GROUP|ORGANI[SZ]ATION|"
                       r"COMMITTEE|UNION|ASSOCIATION|COMMISSION|BANK|FUND|COURT|OFFICE|SERVICE|POLICE|GUARD|"
                       r"ALLIANCE|LEAGUE|NATIONS|INSTITUTE|CORPS|DIRECTORATE|ASSEMBLY|PARLIAMENT|UNIT|CELLS?)\b")


def iso_date(raw: str) -> str:
    """'030101' -> 2003-01-01, '19940922' -> 1994-09-22 (two-digit years after 25 are 19xx)."""
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 25 else 1900 + year}{raw[2:]}"
    if len(raw) != 8:
        return ""
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def period(spec: str | None) -> tuple[str, str]:
    if not spec:
        return "", ""
    if spec.startswith(">"):
        return iso_date(spec[1:]), ""
    if spec.startswith("<"):
        return "", iso_date(spec[1:])
    since, _, until = spec.partition("-")
    return iso_date(since), iso_date(until)


def role(code: str, spec: str | None, countries: set[str]) -> str | None:
    head, chunks = code[:3], [code[k:k + 3] for k in range(3, len(code), 3)]
    country = head if head in countries else ""
    sector = NON_STATE.get(head, "")
    if "SPY" in chunks:
        sector = "SPY"
    else:
        for chunk in chunks:
            mapped = chunk if chunk in SECTORS else SECTOR_ALIASES.get(chunk)
            if mapped is not None:
                sector = sector or mapped
                if mapped:
                    break
    if not country and not sector:
        return None
    since, until = period(spec)
    return f"{country}/{sector}/{since}/{until}"


def phrase(raw: str) -> str:
    """'SERGEY_V._LAVROV_' -> 'SERGEY V. LAVROV'."""
    return re.sub(r"\s+", " ", raw.split("#")[0].replace("_", " ")).strip()


SMALL_WORDS = {"of", "the", "for", "and", "in", "on", "de", "del", "la", "al", "bin", "van", "von", "du", "des"}


def display(name: str) -> str:
    """'UNITED NATIONS CHILDREN'S FUND' -> "United Nations Children's Fund"; words without vowels stay acronyms."""
    words = []
    for k, word in enumerate(name.split()):
        lower = word.lower()
        if k and lower in SMALL_WORDS:
            words.append(lower)
        elif not re.search(r"[AEIOUY]", word):
            words.append(word)
        else:
            words.append(re.sub(r"[a-z][a-z']*", lambda m: m.group(0).capitalize(), lower))
    return " ".join(words)


def entries(path: Path, countries: set[str]):
    """(name, aliases, roles, comment) for each entry of a TABARI .actors file."""
    name, aliases, roles, comment = None, [], [], ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        body, _, note = line.partition("#")
        codes = [(c, s) for c, s in ROLE.findall(body)]
        text = ROLE.sub("", body).strip()
        if line.startswith("+"):
            aliases.append(phrase(text[1:]))
        elif line[0] in " \t" and not text:
            pass
        elif text:
            if name:
                yield name, aliases, roles, comment
            name, aliases, roles, comment = phrase(text), [], [], note
        roles += [r for r in (role(c, s, countries) for c, s in codes) if r]
    if name:
        yield name, aliases, roles, comment


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def actors(phoenix: Path, countries: set[str]) -> list[str]:
    rows: dict[str, list[str]] = {}
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for name, aliases, roles, comment in entries(phoenix / file, countries):
            if not roles or all(r.split("/")[1] == "" and r.split("/")[0] in countries and len(roles) == 1
                                and not aliases[:0] for r in roles) and "CountryInfo" not in comment \
                    and not ORG_WORDS.search(name):
                continue  # a state's own names ('AFGHANISTAN [AFG]'): countries.tsv has them
            person = "CountryInfo" in comment or "rulers" in comment or (
                file.startswith("Phoenix.Countries") and not ORG_WORDS.search(name) and len(name.split()) <= 4)
            kind = "person" if person else ("group" if any("/REB/" in r for r in roles) else "organization")
            actor_id = f"{'PER' if person else 'ORG'}:{slug(name)}"
            names = list(dict.fromkeys(a for a in [name, *aliases] if a))
            if actor_id in rows:  # the same name listed twice: one actor, all aliases and roles
                old = rows[actor_id]
                old[3] = "|".join(dict.fromkeys(old[3].split("|") + names))
                old[4] = ";".join(dict.fromkeys(old[4].split(";") + roles))
                continue
            rows[actor_id] = [actor_id, kind, display(name), "|".join(names), ";".join(dict.fromkeys(roles))]
    return ["\t".join([*r, match_keys(r[1], r[3].split("|"))]) for _, r in sorted(rows.items())]


def match_keys(kind: str, aliases: list[str]) -> str:
    """The names the text is searched for (newsgraph.actors.gazetteer.name_key): a person's one-word alias
    (a bare surname) is left out, it is only read once the full name has been seen."""
    keys = [re.sub(r"[^0-9a-z]+", "", a.lower()) for a in aliases if kind != "person" or " " in a]
    return "|".join(dict.fromkeys(k for k in keys if len(k) >= 3))


def agents(phoenix: Path) -> list[str]:
    macros: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for line in (phoenix / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0].strip()
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z!_'&.-]+)\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        codes = [m.group(2)[k:k + 3] for k in range(0, len(m.group(2)), 3)]
        sector = next((c if c in SECTORS else SECTOR_ALIASES[c] for c in codes
                       if (c in SECTORS or SECTOR_ALIASES.get(c))), None)
        if not sector:
            continue
        forms = [m.group(1)]
        for key, words in macros.items():
            forms = [f.replace(key, w) for f in forms for w in (words if key in f else [""])]
        for form in forms:
            found.setdefault(phrase(form).lower(), sector)
    return [f"{p}\t{s}" for p, s in sorted(found.items()) if p]


def main(phoenix_dir: str) -> None:
    phoenix = Path(phoenix_dir)
    countries = {line.split("\t")[0] for line in (DATA / "countries.tsv").read_text().splitlines()
                 if line and not line.startswith("#")}
    rows = actors(phoenix, countries)
    header = ("# id\tkind\tname\taliases\troles (country/sector/since/until)\tmatch keys  generated by tools/make_actors_base.py "
              "from the Phoenix dictionaries (MIT, Open Event Data Alliance 2014; see NOTICE)")
    (DATA / "actors_base.tsv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    agent_rows = agents(phoenix)
    (DATA / "agents_base.tsv").write_text(
        "\n".join(["# phrase\tsector  generated by tools/make_actors_base.py from Phoenix.agents.txt (MIT, OEDA 2014)",
                   *agent_rows]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} actors and {len(agent_rows)} agent phrases")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/phoenix")
