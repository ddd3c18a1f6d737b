"""`newsgraph interests`, `--conflicts`, `eval interests` and the report section, run as a user would."""
import json

import pytest

from tests.conftest import read_jsonl, run_cli

SUDAN = (
    "Sudan's army rejects truce terms as RSF presses on in Darfur\n\n"
    "June 12, 2024\n\n"
    "Sudan's army said on Tuesday that it would not accept any ceasefire that left the Rapid Support Forces in "
    "control of cities in Darfur. The army's commander, Abdel Fattah al-Burhan, urged Washington to designate "
    "the paramilitary group a terrorist organisation.\n\n"
    "The United Nations called on both sides to allow aid convoys into El Fasher. Egypt fears that the war will "
    "push more refugees across its southern border, officials in Cairo said.\n"
)
TALKS = (
    "Kabul and Islamabad trade demands before new talks\n\n"
    "October 30, 2025\n\n"
    "Pakistan wants the Taliban to act against the TTP before trade resumes. The Taliban have refused to hand "
    "over TTP leaders and say they cannot be held responsible for Pakistan's security.\n\n"
    "Islamabad urged Kabul to hand over TTP leaders within a month, officials said.\n"
)
GOLD = (
    "# document actor role wants object stance status attributed_to evidence\n"
    "sudan.txt\tSDN.MIL|SDN\tSDNMIL\tno ceasefire leaving the RSF in control\t\topposes\tstated\t\t"
    "it would not accept any ceasefire that left the Rapid Support Forces in control of cities in Darfur\n"
    "sudan.txt\tEGY\tEGY\tmore refugees across its border\t\topposes\tstated\t\t"
    "Egypt fears that the war will push more refugees across its southern border\n"
    "talks.txt\tPAK\tPAK\tthe Taliban to act against the TTP\tAFG.TALIBAN\tseeks\tstated\t\t"
    "Pakistan wants the Taliban to act against the TTP before trade resumes\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("interests-cli")
    (tmp / "in").mkdir()
    (tmp / "in" / "sudan.txt").write_text(SUDAN)
    (tmp / "in" / "talks.txt").write_text(TALKS)
    (tmp / "gold.tsv").write_text(GOLD)
    run_cli("build", tmp / "in", "--db", tmp / "t.duckdb", "--quiet")
    return tmp / "t.duckdb"


def test_interests_lists_each_aim_once(db):
    lines = [json.loads(x) for x in run_cli("interests", "--db", db, "--json").stdout.splitlines()]
    refusal = next(x for x in lines if x["actor"] == "AFG.TALIBAN" and x["stance"] == "opposes")
    assert refusal["wants"] == "to hand over TTP leaders" and refusal["sources"] == 1
    assert any(x["actor_country"] == "EGY" and x["stance"] == "opposes" for x in lines)
    listing = run_cli("interests", "--db", db, "--actor", "EGY").stdout
    assert "Egypt" in listing or "EGY" in listing
    assert "AFG.TALIBAN" not in listing


def test_conflicts_sets_the_two_sides_side_by_side(db):
    out = run_cli("interests", "--db", db, "--conflicts").stdout
    assert "AFG ⟷ PAK" in out and "to hand over TTP leaders" in out
    pairs = [json.loads(x) for x in run_cli("interests", "--db", db, "--conflicts", "--json").stdout.splitlines()]
    pair = next(p for p in pairs if {p["a"], p["b"]} == {"AFG", "PAK"})
    assert pair["a_aims"] and pair["b_aims"]


def test_eval_interests_scores_against_a_gold_file(db):
    out = run_cli("eval", "interests", db.parent / "gold.tsv", "--db", db).stdout
    row = next(line for line in out.splitlines() if "evidence+country" in line)
    assert row.split("│")[2].strip() == "3" and "actor accuracy" in out


def test_export_and_report_carry_the_interests(db):
    out = db.parent / "export"
    run_cli("export", "--db", db, "--format", "jsonl", "--out", out)
    lines = read_jsonl(out / "interests.jsonl")
    assert all(set(["interest_id", "doc_id", "actor", "wants", "object", "stance", "evidence", "start", "end",
                    "attributed_to", "status", "date", "sources"]) <= set(x) for x in lines)
    docs = {d["doc_id"]: d["text"] for d in read_jsonl(out / "documents.jsonl")}
    assert all(docs[x["doc_id"]][x["start"]:x["end"]] == x["evidence"] for x in lines)
    report = db.parent / "report.html"
    run_cli("report", "--db", db, "--out", report)
    section = report.read_text().split('<section id="interests">')[1].split("</section>")[0]
    assert "AFG – PAK" in section and "to hand over TTP leaders" in section
