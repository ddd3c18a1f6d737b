"""`newsgraph eval` against the dev gold files: real scores on the real corpus."""
import re

from tests.conftest import ROOT, run_cli


def scores(output: str) -> dict[str, tuple[float, float, float]]:
    """level -> (precision, recall, F1) from the printed table."""
    found = {}
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│|]", line) if c.strip()]
        if len(cells) == 7 and re.fullmatch(r"[\d.]+", cells[-1]):
            found[cells[0]] = tuple(float(c) for c in cells[4:7])
    return found


def test_eval_actors_prints_precision_and_recall(dev_db):
    result = run_cli("eval", "actors", ROOT / "gold" / "actors.tsv", "--db", dev_db)
    table = scores(result.stdout)
    assert set(table) == {"actor", "actor+role", "role"}
    precision, recall, f1 = table["actor"]
    assert precision >= 0.85 and recall >= 0.8  # regression guard: the README reports the current figures
    assert "missing" in result.stdout


def test_eval_reports_documents_absent_from_the_database(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text("nowhere.txt\tPAK\tPAK\n", encoding="utf-8")
    db = tmp_path / "empty.duckdb"
    run_cli("build", ROOT / "src/newsgraph/data/demo/02_ttp_ceasefire_ends_2021.txt", "--db", db, "--quiet")
    result = run_cli("eval", "actors", gold, "--db", db, check=False)
    assert result.returncode != 0 and "not in" in result.stderr and "nowhere.txt" in result.stderr
