"""Export in all three formats, per export-v1: every table with the contract's fields first."""
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

import newsgraph
from newsgraph.store.export import export
from newsgraph.store.schema import EXPORT_TABLES
from tests.conftest import SHARED, run_cli
from tests.helpers import ARTICLE, HTML, assert_actor_references, petr2_feed

PETR2 = SHARED / "bench" / "petr2-validation" / "PETR2_GSR_validation.xml"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    (tmp / "in").mkdir()
    (tmp / "in" / "a.txt").write_text(ARTICLE)
    (tmp / "in" / "b.html").write_text(HTML)
    (tmp / "in" / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    path = tmp / "t.duckdb"
    newsgraph.build([tmp / "in"], db=path)
    return path


def test_jsonl(db, tmp_path):
    written = export(db, tmp_path, "jsonl")
    assert set(written) == {"documents", "actors", "events", "claims", "interests"}
    assert_actor_references(tmp_path, db)
    docs = [json.loads(line) for line in written["documents"].read_text().splitlines()]
    assert [d["status"] for d in docs] == ["ok", "ok", "skipped"]
    assert list(docs[0])[:12] == EXPORT_TABLES["documents"][:12]
    assert docs[0]["authors"] == ["Sana Mirza"] and docs[0]["published"] == "2024-03-03"
    assert docs[2]["reason"] == "binary file (PNG image), not text" and docs[2]["authors"] == []
    actors = {a["actor_id"]: a for a in map(json.loads, written["actors"].read_text().splitlines())}
    assert actors["AFG.TALIBAN"]["code"] == "AFGGOVTAL" and "Taliban administration" in actors["AFG.TALIBAN"]["aliases"]
    assert actors["PAK.GOV"]["mentions"] >= 1 and actors["AFG.TALIBAN"]["roles"][0]["sector"] == "REB"
    assert list(next(iter(actors.values())))[:9] == EXPORT_TABLES["actors"][:9]
    events = [json.loads(line) for line in written["events"].read_text().splitlines()]
    assert events and list(events[0])[:16] == EXPORT_TABLES["events"][:16]
    closure = next(e for e in events if e["type"] == "SANCTION")
    assert closure["source"] == "PAK" and closure["location"]["name"] == "Torkham"
    assert closure["location"]["country"] == "PAK" and closure["date"] == "2024-03-03"
    text = docs[0]["text"]
    assert text[closure["start"]:closure["end"]] == closure["evidence"] and "\n" not in closure["evidence"]
    claims = [json.loads(line) for line in written["claims"].read_text().splitlines()]
    assert claims and list(claims[0])[:10] == EXPORT_TABLES["claims"][:10]
    officials = next(c for c in claims if c["content"].startswith("Pakistan closed the Torkham"))
    assert officials["speaker_actor"] == "PAK.GOV" and officials["direct"] is False
    assert text[officials["start"]:officials["end"]] == officials["content"] and "PAK" in officials["about"]
    assert closure["claim_id"] == officials["claim_id"] and closure["status"] == "reported"
    interests = [json.loads(line) for line in written["interests"].read_text().splitlines()]
    assert interests and list(interests[0])[:13] == EXPORT_TABLES["interests"][:13]
    reopen = next(i for i in interests if i["wants"].startswith("Islamabad to reopen the crossing"))
    assert reopen["actor"] == "AFG.TALIBAN" and reopen["object"] == "PAK.GOV" and reopen["stance"] == "seeks"
    assert text[reopen["start"]:reopen["end"]] == reopen["evidence"] and reopen["sources"] == 1


def test_csv(db, tmp_path):
    written = export(db, tmp_path, "csv")
    frame = pd.read_csv(written["documents"])
    assert list(frame.columns) == EXPORT_TABLES["documents"]
    assert frame.loc[1, "authors"] == "Omar Farooq"
    assert list(pd.read_csv(written["events"]).columns) == EXPORT_TABLES["events"]


def test_parquet(db, tmp_path):
    written = export(db, tmp_path, "parquet")
    table = pq.read_table(written["documents"]).to_pandas()
    assert table.shape[0] == 3 and list(table.loc[0, "authors"]) == ["Sana Mirza"]
    claims = pq.read_table(written["claims"])
    assert claims.num_rows > 0 and claims.column_names == EXPORT_TABLES["claims"]
    assert claims.to_pandas().about.map(list).map(bool).any()


@pytest.mark.skipif(not PETR2.exists(), reason="needs ../shared: PETRARCH-2 validation sentences not found")
def test_every_actor_named_in_the_petr2_export_exists(tmp_path):
    """Events coded from the PETRARCH-2 validation sentences name states and state sectors ('NGA',
    'HKG.CVL') that no mention resolved to: each still gets its actors row, coded from its id."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "petr2.jsonl").write_bytes(petr2_feed(PETR2))
    db = tmp_path / "p.duckdb"
    run_cli("build", tmp_path / "in", "--db", db, "--quiet")
    run_cli("export", "--db", db, "--format", "jsonl", "--out", tmp_path / "out")
    named = assert_actor_references(tmp_path / "out", db)
    assert len(named) > 20
    actors = {a["actor_id"]: a for a in map(json.loads, (tmp_path / "out" / "actors.jsonl").read_text().splitlines())}
    unmentioned = [a for a in actors.values() if a["mentions"] == 0]
    assert unmentioned and all(a["name"] and a["name"] != a["actor_id"] for a in unmentioned)
