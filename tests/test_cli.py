"""The command line as a user runs it (real subprocesses)."""
import json

from tests.conftest import ROOT, read_jsonl, run_cli
from tests.helpers import ARTICLE


def test_help_lists_commands():
    out = run_cli("--help").stdout
    for command in ("build", "export", "docs", "show", "demo"):
        assert command in out
    assert "JSON Lines" in run_cli("build", "--help").stdout


def test_build_json_summary_then_rerun(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    (tmp_path / "in" / "b.bin").write_bytes(b"\x00\x01\x02" * 50)
    db = tmp_path / "x.duckdb"
    first = json.loads(run_cli("build", tmp_path / "in", "--db", db, "--json").stdout)
    assert first["counts"] == {"ok": 1, "duplicate": 0, "skipped": 1, "failed": 0, "unchanged": 0}
    assert {d["status"] for d in first["documents"]} == {"ok", "skipped"}
    again = run_cli("build", tmp_path / "in", "--db", db).stdout
    assert "0 added" in again and "2 already stored" in again


def test_build_prints_skip_reasons_and_docs_lists(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "x.duckdb"
    out = run_cli("build", tmp_path / "empty.txt", "--db", db).stdout
    assert "skipped" in out and "empty file" in out
    listing = run_cli("docs", "--db", db, "--json").stdout
    assert json.loads(listing.splitlines()[0])["reason"] == "empty file"


def test_bad_size_and_missing_database_are_clear_errors(tmp_path):
    bad = run_cli("build", tmp_path, "--max-size", "lots", check=False)
    assert bad.returncode == 2 and "not a size" in bad.stderr
    missing = run_cli("export", "--db", tmp_path / "none.duckdb", "--out", tmp_path / "o", check=False)
    assert missing.returncode == 2 and "no database at" in missing.stdout + missing.stderr


def test_show_prints_clean_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "x.duckdb"
    doc = json.loads(run_cli("build", tmp_path / "a.txt", "--db", db, "--json").stdout)["documents"][0]
    out = run_cli("show", doc["doc_id"][:6], "--db", db).stdout
    assert "Pakistan closed the Torkham border crossing" in out and "Sana Mirza" in out


def test_demo_builds_exports_and_reports(tmp_path):
    result = run_cli("demo", "--out", tmp_path / "demo")
    out = result.stdout
    assert "11 added, 1 duplicates, 0 skipped" in out
    assert str(tmp_path / "demo" / "export" / "documents.jsonl") in out
    docs = read_jsonl(tmp_path / "demo" / "export" / "documents.jsonl")
    assert len(docs) == 12
    years = sorted({d["published"][:4] for d in docs})
    assert years == ["2021", "2022", "2023", "2024", "2025", "2026"]
    dup = [d for d in docs if d["status"] == "duplicate"]
    assert len(dup) == 1 and "syndicated" in dup[0]["source"]
    assert all(d["title"] and d["publisher"] and d["authors"] for d in docs)
    # A second run starts from a fresh database: same result, no accumulation.
    again = run_cli("demo", "--out", tmp_path / "demo").stdout
    assert "11 added, 1 duplicates" in again


def test_events_command_lists_events_with_evidence(dev_db):
    result = run_cli("events", "--db", dev_db, "--type", "ASSAULT", "--since", "2024")
    assert "ASSAULT" in result.stdout and "“" in result.stdout
    lines = [json.loads(line) for line in run_cli("events", "--db", dev_db, "--actor", "PAK.TTP", "--json").stdout
             .splitlines()]
    assert lines and all("PAK.TTP" in (e["source"], e["target"]) for e in lines)
    assert all(e["evidence"] and e["end"] > e["start"] for e in lines)
    missing = run_cli("events", "--db", dev_db, "--actor", "Nobody At All", check=False)
    assert missing.returncode != 0 and "no actor called" in missing.stderr


def test_eval_events_prints_three_levels(dev_db):
    result = run_cli("eval", "events", ROOT / "gold" / "events.tsv", "--db", dev_db, "--show", "3")
    for level in ("quad", "type", "type+actors"):
        assert level in result.stdout
    assert "status accuracy" in result.stdout and "date (exact) accuracy" in result.stdout


def test_claims_command_filters_by_speaker_and_subject(dev_db):
    result = run_cli("claims", "--db", dev_db, "--speaker", "PER:tahir-khan")
    assert "Tahir Khan" in result.stdout and "the Pakistani army will thank the Afghan Taliban" in result.stdout
    lines = [json.loads(line) for line in run_cli("claims", "--db", dev_db, "--about", "PAK.TTP", "--json").stdout
             .splitlines()]
    assert lines and all("PAK.TTP" in c["about"] for c in lines)
    assert all(c["end"] > c["start"] and c["content"] for c in lines)


def test_eval_claims_prints_overlap_exact_and_speaker(dev_db):
    result = run_cli("eval", "claims", ROOT / "gold" / "claims.tsv", "--db", dev_db, "--show", "2")
    assert "content overlap" in result.stdout and "exact span" in result.stdout
    assert "speaker accuracy" in result.stdout
