"""The GDELT-style event table: GDELT column names, CAMEO-like codes, one row per real-world event."""
import csv

from newsgraph.events.lexicon import cameo_code
from tests.conftest import run_cli


def test_cameo_codes_follow_type_mode_and_context():
    assert cameo_code("ASSAULT", "aerial") == "195"  # 'Employ aerial weapons'
    assert cameo_code("COERCE", "deport") == "174"
    assert cameo_code("CONSULT", "visit") == "042"
    assert cameo_code("ASSAULT", None, ["military"]) == "190"
    assert cameo_code("REJECT") == "120" and cameo_code("NOT-A-TYPE") == ""


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_gdelt_export_of_the_dev_corpus(dev_db, tmp_path):
    result = run_cli("export", "--db", dev_db, "--format", "gdelt", "--out", tmp_path)
    rows = read_tsv(tmp_path / "events.gdelt.tsv")
    assert "events.gdelt.tsv" in result.stdout and len(rows) > 50
    assert {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2CountryCode", "EventCode", "EventRootCode",
            "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "ActionGeo_Lat", "SOURCEURL"} <= set(rows[0])
    assert {r["Status"] for r in rows} <= {"asserted", "reported"}  # GDELT records only what happened
    strikes = [r for r in rows if r["Actor1CountryCode"] == "PAK" and r["Actor2CountryCode"] == "AFG"
               and r["EventRootCode"] == "19" and r["QuadClass"] == "4"]
    assert strikes and all(float(r["GoldsteinScale"]) <= -9 for r in strikes)
    # Mentions of one strike in several articles are one row that counts them.
    assert any(int(r["NumSources"]) > 1 and int(r["NumMentions"]) >= int(r["NumArticles"]) > 1 for r in strikes)
    taliban = [r for r in rows if r["Actor1KnownGroupCode"] == "TAL"]
    assert taliban and all(r["Actor1CountryCode"] == "AFG" for r in taliban)
    assert all(r["SOURCEURL"] and r["Evidence"] for r in rows)
    assert len({r["EventId"] for r in rows}) == len(rows)


def test_gdelt_export_with_all_statuses(dev_db, tmp_path):
    run_cli("export", "--db", dev_db, "--format", "gdelt", "--out", tmp_path, "--all-statuses")
    statuses = {r["Status"] for r in read_tsv(tmp_path / "events.gdelt.tsv")}
    assert {"asserted", "negated", "planned"} <= statuses
