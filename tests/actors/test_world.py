"""One test per dictionary layer and resolution rule, generated from src/newsgraph/data/actor_examples.tsv
(sentences from Europe, Africa, Asia, the Americas and the Middle East, including ones that must not fire)."""
import json
from importlib import resources

import pytest

from newsgraph.actors import find_mentions, load_gazetteer
from newsgraph.actors.evaluate import best_mention, read_rows
from newsgraph.nlp import load_model

EXAMPLES = read_rows(str(resources.files("newsgraph") / "data" / "actor_examples.tsv"))


def mentions_on(row: dict):
    sdoc = load_model()(row["sentence"])
    start = row["sentence"].find(row["surface"])
    found = find_mentions("t", sdoc, row["date"])
    return found, start, start + len(row["surface"])


@pytest.mark.parametrize("row", [r for r in EXAMPLES if not r["not_actor"]],
                         ids=lambda r: f"{r['rule']}-{r['region']}-{r['surface']}")
def test_a_mention_gets_the_country_sector_and_layer_in_force_at_its_date(row):
    found, start, end = mentions_on(row)
    mention = best_mention(found, start, end)
    assert mention is not None, f"nothing found on {row['surface']!r}"
    assert (mention.country or "", mention.sector or "", mention.layer) == (row["country"], row["sector"], row["layer"])


@pytest.mark.parametrize("row", [r for r in EXAMPLES if r["not_actor"]],
                         ids=lambda r: f"{r['rule']}-{r['region']}-{r['surface']}")
def test_a_rule_does_not_fire_where_it_must_not(row):
    found, start, end = mentions_on(row)
    assert not [m for m in found if m.actor_id == row["not_actor"] and m.start < end and start < m.end]


def test_names_are_never_truncated():
    for row in (r for r in EXAMPLES if r["rule"] == "full-name"):
        found, start, end = mentions_on(row)
        assert best_mention(found, start, end).name == row["surface"]


def test_every_rule_has_examples_from_at_least_two_regions_and_the_set_covers_five():
    regions: dict[str, set] = {}
    for row in EXAMPLES:
        regions.setdefault(row["rule"], set()).add(row["region"])
    assert len(set().union(*regions.values())) >= 5
    assert all(len(r) >= 2 for rule, r in regions.items() if not rule.startswith(("not-", "short-")))


def test_each_layer_is_loaded_once_and_the_curated_layer_wins():
    gaz = load_gazetteer()
    assert gaz is load_gazetteer()
    layers = {gaz.actor(i).layer for i in ("PER:hugo-chavez", "PER:andrii-sybiha", "POL.GOV")}
    assert layers == {"base", "curated", "text"}
    # Phoenix knows Lavrov to 2014; the curated entry with the same id replaces it
    assert gaz.actor("PER:sergei-lavrov").layer == "curated"


def test_the_cli_shows_the_layer_each_actor_came_from(tmp_path):
    from tests.conftest import run_cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(
        "Title: Ministers meet in Brussels\nDate: 2024-11-20\n\n"
        "Andrii Sybiha met Polish officials in Brussels on Wednesday. Hugo Chavez's former allies in "
        "Caracas were not invited, a spokesman said.\n", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    run_cli("build", tmp_path / "in", "--db", db, "--quiet")
    rows = map(json.loads, run_cli("actors", "--db", db, "--json").stdout.splitlines())
    layers = {row["actor_id"]: row["layer"] for row in rows}
    assert layers["PER:andrii-sybiha"] == "curated" and layers["PER:hugo-chavez"] == "base"
    assert layers["POL.GOV"] == "text"
    assert "from the base dictionary" in run_cli("actor", "Hugo Chavez", "--db", db).stdout
