"""Re-running adds nothing; a run killed with SIGKILL resumes without loss or duplicates."""
import subprocess
import sys
import textwrap

import duckdb
import pytest

import newsgraph
from newsgraph.store import Store, StoreError

TOPICS = ["trade", "refugees", "border security", "water sharing", "railways", "electricity", "visas", "customs"]
PLACES = ["Torkham", "Chaman", "Peshawar", "Quetta", "Kabul", "Jalalabad", "Kandahar", "Khost"]


def make_corpus(folder, n):
    """n distinct short articles (different numbers, places and topics, so none is a near-copy)."""
    folder.mkdir()
    for i in range(n):
        place, topic = PLACES[i % 8], TOPICS[(i // 8) % 8]
        (folder / f"doc{i:03d}.txt").write_text(
            f"Officials meet in {place} on {topic}, round {i}\n\n"
            f"Officials from Pakistan and Afghanistan met in {place} on day {i} of the month to discuss {topic}, "
            f"according to a statement issued after meeting number {i * 7 + 3}.\n\n"
            f"The delegations agreed that {i + 11} working groups would report on {topic} within {i % 9 + 2} weeks, "
            f"and that the next round would be held in {PLACES[(i + 3) % 8]} if conditions allowed it.\n")


def rows(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT doc_id, status, run_id FROM documents").fetchall()
    finally:
        con.close()


def test_rerun_adds_nothing(tmp_path):
    make_corpus(tmp_path / "c", 12)
    db = tmp_path / "t.duckdb"
    first = newsgraph.build([tmp_path / "c"], db=db)
    second = newsgraph.build([tmp_path / "c"], db=db)
    assert first.counts["ok"] == 12
    assert second.counts == {"unchanged": 12}
    assert len(rows(db)) == 12


KILLER = textwrap.dedent("""
    import os, signal, sys
    import newsgraph.pipeline as pipeline
    real_process, calls = pipeline.prepare, [0]
    def process_then_die(item):  # the first stage of each input: dies before the n-th input is read
        calls[0] += 1
        if calls[0] == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)   # no cleanup, no atexit: as kill -9 from outside
        return real_process(item)
    pipeline.prepare = process_then_die
    pipeline.build([sys.argv[1]], db=sys.argv[2], batch_size=10)
""")


@pytest.mark.parametrize("die_at", [1, 25, 40])
def test_resume_after_kill_9(tmp_path, die_at):
    make_corpus(tmp_path / "c", 40)
    db = tmp_path / "t.duckdb"
    killed = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "c"), str(db), str(die_at)])
    assert killed.returncode == -9
    committed = rows(db)
    assert len(committed) == (die_at - 1) // 10 * 10  # whole batches only, nothing half-written
    resumed = newsgraph.build([tmp_path / "c"], db=db)
    after = rows(db)
    assert resumed.counts["unchanged"] == len(committed)
    assert resumed.counts["ok"] == 40 - len(committed)
    assert len(after) == 40 and len({r[0] for r in after}) == 40
    assert set(committed) <= set(after)  # what was stored before the kill is untouched


def test_not_a_database_and_wrong_version(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("hello")
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(bogus)
    old = tmp_path / "old.duckdb"
    Store(old).close()
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(old)
    with pytest.raises(StoreError, match="no database at"):
        Store(tmp_path / "absent.duckdb", read_only=True)
