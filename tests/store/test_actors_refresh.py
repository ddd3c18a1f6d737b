"""The actors table, added up in SQL after each build, does not depend on how the corpus was split into builds."""
import shutil

import newsgraph
from newsgraph.store import Store
from tests.conftest import DEMO


def actors(db):
    with Store(db, read_only=True) as store:
        return store.con.execute("SELECT * FROM actors ORDER BY actor_id").fetchall()


def test_a_build_in_two_halves_gives_the_actors_table_of_one_build(tmp_path):
    files = sorted(p for p in DEMO.iterdir() if p.is_file())
    halves = [tmp_path / "first", tmp_path / "second"]
    for half, part in zip(halves, (files[::2], files[1::2])):
        half.mkdir()
        for f in part:
            shutil.copy(f, half / f.name)
    newsgraph.build(halves, db=tmp_path / "one.duckdb")
    newsgraph.build(halves[:1], db=tmp_path / "two.duckdb")
    first_half = actors(tmp_path / "two.duckdb")
    newsgraph.build(halves, db=tmp_path / "two.duckdb")
    whole = actors(tmp_path / "one.duckdb")
    assert actors(tmp_path / "two.duckdb") == whole
    # the halves share actors whose counts and aliases the second build had to add up with the first
    counts = {row[0]: row[8] for row in first_half}
    assert any(row[8] > counts.get(row[0], 0) > 0 for row in whole)
    assert len(whole) > 30
