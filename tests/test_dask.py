"""A build on a Dask cluster that writes Parquet shards stores what a plain build stores, even when a worker
or the building process is killed mid-build (the demo corpus: two documents per task, so six tasks)."""
import os
import signal
import subprocess
import sys
import textwrap

import pyarrow.parquet as pq
import pytest

import newsgraph
import newsgraph.pipeline as pipeline
from newsgraph.store import Store
from newsgraph.store.export import export
from tests.conftest import DEMO, run_cli

pytest.importorskip("dask.distributed")
from dask.distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402


def exported(db, out):
    """Every exported table as its sorted lines: the order of rows is not part of the contract."""
    return {table: sorted(path.read_text(encoding="utf-8").splitlines())
            for table, path in export(db, out).items()}


def same_export(db, out, plain):
    tables = exported(db, out)
    return tables == {table: lines for table, lines in plain.items() if table in tables}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plain")
    summary = newsgraph.build([DEMO], db=tmp / "plain.duckdb")
    return exported(tmp / "plain.duckdb", tmp / "out") | {"outcomes": summary.documents,
                                                           "bands": bands(tmp / "plain.duckdb")}


def bands(db):
    with Store(db, read_only=True) as store:
        return sorted(store.con.execute("SELECT band, key, doc_id FROM dedup_bands").fetchall())


@pytest.fixture
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        yield local, client


def test_local_cluster_with_shards_matches_plain_build(tmp_path, plain):
    summary = newsgraph.build([DEMO], db=tmp_path / "d.duckdb", dask="local", workers=2,
                              shards=tmp_path / "shards", batch_size=2)
    assert summary.counts["ok"] == 11 and summary.counts["duplicate"] == 1
    assert summary.documents == plain["outcomes"]  # the same outcomes in input order, as a plain build
    assert same_export(tmp_path / "d.duckdb", tmp_path / "out", plain)
    assert not list((tmp_path / "shards").iterdir())  # loaded shards are removed
    assert bands(tmp_path / "d.duckdb") == plain["bands"]  # the near-duplicate index holds the same originals


class DieOnSecondTask(WorkerPlugin):
    """Kills its worker process (SIGKILL: no cleanup) when the worker starts its second task; only the
    first worker to get there dies (the marker file is created atomically), so the restarted worker and
    the other one carry on."""

    def __init__(self, marker):
        self.marker, self.started = str(marker), 0

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        self.started += 1
        if self.started == 2:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
            os.kill(os.getpid(), signal.SIGKILL)


def test_killed_worker_mid_build_still_matches_plain_build(tmp_path, plain, cluster):
    local, client = cluster
    marker = tmp_path / "killed"
    client.register_plugin(DieOnSecondTask(marker))
    summary = newsgraph.build([DEMO], db=tmp_path / "d.duckdb", dask=local.scheduler_address,
                              shards=tmp_path / "shards", batch_size=2)
    assert marker.exists()  # a worker did die with a partition in hand
    assert summary.counts["ok"] == 11 and summary.counts["duplicate"] == 1
    assert same_export(tmp_path / "d.duckdb", tmp_path / "out", plain)


CLIENT = textwrap.dedent("""
    import os, signal, sys
    import newsgraph.pipeline as pipeline
    from newsgraph.store import shards

    real_load, calls = shards.load, [0]

    def load_then_die(*args):  # dies as it is about to load the n-th finished partition
        calls[0] += 1
        if calls[0] == int(sys.argv[4]):
            os.kill(os.getpid(), signal.SIGKILL)   # no cleanup, no atexit: as kill -9 from outside
        return real_load(*args)

    if __name__ == "__main__":
        shards.load = load_then_die
        pipeline.build([sys.argv[1]], db=sys.argv[2], dask="local", workers=2, shards=sys.argv[3], batch_size=2)
""")


def stop_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # every process of the group already exited
        pass


def test_killed_client_resumes_from_finished_shards(tmp_path, plain, monkeypatch):
    db, folder, script = tmp_path / "d.duckdb", tmp_path / "shards", tmp_path / "client.py"
    script.write_text(CLIENT, encoding="utf-8")
    client = subprocess.Popen([sys.executable, str(script), str(DEMO), str(db), str(folder), "3"],
                              start_new_session=True)
    try:
        assert client.wait(timeout=120) == -signal.SIGKILL
    finally:
        stop_group(client.pid)  # its cluster's workers, left behind by the kill
    with Store(db, read_only=True) as store:
        stored = store.documents().status.tolist()
    assert len(stored) == 4  # the first two partitions, whole
    waiting = [pq.read_table(p).column("status").to_pylist() for p in folder.glob("*/documents.parquet")]
    assert waiting  # at least the third partition was finished when the client died

    analysed = []
    monkeypatch.setattr(pipeline, "analyse_document",
                        lambda doc, *parsed, real=pipeline.analyse_document:
                        analysed.append(doc.doc_id) or real(doc, *parsed))
    resumed = newsgraph.build([DEMO], db=db, shards=folder, batch_size=2)
    assert resumed.counts["unchanged"] == 4
    # finished shards are loaded, not analysed again: only the originals in no shard are parsed
    assert len(analysed) == 11 - stored.count("ok") - sum(statuses.count("ok") for statuses in waiting)
    assert same_export(db, tmp_path / "out", plain)


def test_shards_need_a_cluster(tmp_path):
    result = run_cli("build", DEMO, "--db", tmp_path / "d.duckdb", "--shards", tmp_path / "s", check=False)
    assert result.returncode == 2 and "--shards needs --dask" in result.stderr
