"""The same clean stage in one process, a process pool and a Dask LocalCluster gives the same documents."""
import pytest

import newsgraph
from tests.conftest import DEMO


def stored(db):
    frame = newsgraph.open(db).documents
    return sorted(zip(frame.doc_id, frame.status, frame.title, frame.text))


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "s.duckdb"
    newsgraph.build([DEMO], db=db)
    return stored(db)


def test_process_pool_matches_serial(tmp_path, serial):
    newsgraph.build([DEMO], db=tmp_path / "p.duckdb", workers=2, batch_size=4)
    assert stored(tmp_path / "p.duckdb") == serial


def test_dask_local_cluster_matches_serial(tmp_path, serial):
    summary = newsgraph.build([DEMO], db=tmp_path / "d.duckdb", workers=2, dask="local")
    assert summary.counts["ok"] == 11 and summary.counts["duplicate"] == 1
    assert stored(tmp_path / "d.duckdb") == serial
