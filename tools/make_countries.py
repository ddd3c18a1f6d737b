"""Regenerate src/newsgraph/data/countries.tsv from pycountry and the Phoenix country dictionary.

    python tools/make_countries.py ../shared/data/phoenix/Phoenix.Countries.actors.txt

Names come from pycountry (ISO 3166-1) plus the short names English news uses; demonyms come from the
single-word aliases in the Phoenix dictionary (MIT, Open Event Data Alliance, 2014) that look like an
adjective of the country's name, plus the irregular ones listed below.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "countries.tsv"

SHORT_NAMES = {
    "USA": ["United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russia"], "IRN": ["Iran"], "SYR": ["Syria"], "KOR": ["South Korea"], "PRK": ["North Korea"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"], "VNM": ["Vietnam"], "LAO": ["Laos"], "BOL": ["Bolivia"],
    "VEN": ["Venezuela"], "TZA": ["Tanzania"], "MDA": ["Moldova"], "CZE": ["Czech Republic", "Czechia"],
    "PSE": ["Palestine", "Palestinian territories", "Gaza", "West Bank"], "TWN": ["Taiwan"],
    "COD": ["Democratic Republic of the Congo", "DR Congo", "DRC"], "COG": ["Republic of the Congo"],
    "ARE": ["UAE", "United Arab Emirates", "Emirates"], "SAU": ["Saudi Arabia"], "CHN": ["China"],
    "IND": ["India"], "PAK": ["Pakistan"], "AFG": ["Afghanistan"], "MMR": ["Myanmar", "Burma"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire"], "FSM": ["Micronesia"], "VAT": ["Vatican", "Holy See"],
    "XKX": ["Kosovo"], "NLD": ["Netherlands", "Holland"], "MKD": ["North Macedonia"], "SWZ": ["Eswatini"],
}
IRREGULAR_DEMONYMS = {
    "USA": ["American", "Americans", "US", "U.S."], "GBR": ["British", "Briton", "Britons", "UK"],
    "FRA": ["French"], "DEU": ["German", "Germans"], "NLD": ["Dutch"], "CHE": ["Swiss"], "CHN": ["Chinese"],
    "JPN": ["Japanese"], "TUR": ["Turkish", "Turk", "Turks"], "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "DNK": ["Danish", "Dane", "Danes"], "SWE": ["Swedish", "Swede", "Swedes"], "FIN": ["Finnish", "Finn", "Finns"],
    "POL": ["Polish", "Pole", "Poles"], "IRL": ["Irish"], "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"], "ARE": ["Emirati", "Emiratis"], "SAU": ["Saudi", "Saudis"],
    "PHL": ["Filipino", "Filipinos", "Philippine"], "BGD": ["Bangladeshi", "Bangladeshis"],
    "AFG": ["Afghan", "Afghans"], "PAK": ["Pakistani", "Pakistanis"], "IND": ["Indian", "Indians"],
    "IRN": ["Iranian", "Iranians"], "IRQ": ["Iraqi", "Iraqis"], "RUS": ["Russian", "Russians"],
    "UKR": ["Ukrainian", "Ukrainians"], "QAT": ["Qatari", "Qataris"], "TJK": ["Tajik", "Tajiks"],
    "UZB": ["Uzbek", "Uzbeks"], "TKM": ["Turkmen"], "KAZ": ["Kazakh", "Kazakhs"], "KGZ": ["Kyrgyz"],
    "YEM": ["Yemeni", "Yemenis"], "KOR": ["South Korean", "South Koreans"], "PRK": ["North Korean", "North Koreans"],
    "GRC": ["Greek", "Greeks"], "THA": ["Thai"], "NZL": ["New Zealander"], "MMR": ["Burmese", "Myanmar"],
}
ADJECTIVE = re.compile(r"^[A-Z]{4,}(AN|IAN|ESE|I|ISH|IC|CH|ER)S?$")


def phoenix_aliases(path: Path) -> dict[str, set[str]]:
    """ISO3 code -> single-word aliases listed under that country's entry."""
    aliases: dict[str, set[str]] = {}
    code = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head = re.match(r"^([A-Z_'-]+)\s+\[([A-Z]{3})\]", line)
        if head:
            code = head.group(2)
            continue
        if line.startswith("+") and code:
            word = line[1:].split("#")[0].strip().strip("_")
            if word and "_" not in word:
                aliases.setdefault(code, set()).add(word)
        elif line.strip() and not line.startswith(("+", "#", "\t", " ")):
            code = None
    return aliases


def names(country) -> list[str]:
    """The everyday short name first ('Russia', not 'Russian Federation'), then the ISO names."""
    found = SHORT_NAMES.get(country.alpha_3, [])[:1] + [country.name.split(",")[0].strip()]
    found = list(dict.fromkeys(found))
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value and value not in found:
            found.append(value)
    return found + [n for n in SHORT_NAMES.get(country.alpha_3, []) if n not in found]


def demonyms(code: str, country_names: list[str], phoenix: dict[str, set[str]]) -> list[str]:
    stems = {n.upper()[:4] for n in country_names if len(n) >= 4}
    found = list(IRREGULAR_DEMONYMS.get(code, []))
    for word in sorted(phoenix.get(code, ())):
        if ADJECTIVE.match(word) and not word.endswith(("STAN", "TIAN")) and word[:4] in stems and word.title() not in found \
                and word not in {n.upper() for n in country_names}:
            found.append(word.title())
    return found


def main(phoenix_path: str) -> None:
    phoenix = phoenix_aliases(Path(phoenix_path))
    rows = ["# iso3\tname\taliases\tdemonyms  (generated by tools/make_countries.py; sources in NOTICE)"]
    countries = list(pycountry.countries) + [type("C", (), {"alpha_3": "XKX", "name": "Kosovo"})()]
    for country in sorted(countries, key=lambda c: c.alpha_3):
        all_names = names(country)
        rows.append("\t".join([country.alpha_3, all_names[0], "|".join(all_names),
                               "|".join(demonyms(country.alpha_3, all_names, phoenix))]))
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} countries to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/phoenix/Phoenix.Countries.actors.txt")
