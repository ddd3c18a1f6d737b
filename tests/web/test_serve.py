"""`newsgraph serve` beside a build: the server reads a private copy, so the database stays writable, and a
newer build is picked up once the writer lets go."""
import subprocess
import sys
import time
import urllib.request

from newsgraph.store import Store
from newsgraph.web.snapshot import Snapshot
from tests.web.conftest import free_port


# Another process that writes a document and keeps the database open until told to finish.
WRITER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("INSERT INTO documents (doc_id, source, status) VALUES ('c', 'c.txt', 'ok')")
con.execute("CHECKPOINT")
print("writing", flush=True)
sys.stdin.readline()
con.close()
"""


def add_document(db, doc_id: str) -> None:
    with Store(db) as store:
        store.con.execute("INSERT INTO documents (doc_id, source, status, title, text) VALUES (?, ?, 'ok', ?, ?)",
                          [doc_id, f"{doc_id}.txt", f"Story {doc_id}", "Officials met in the capital."])


def count(snapshot: Snapshot) -> int:
    return snapshot.cursor().execute("SELECT count(*) FROM documents").fetchone()[0]


def test_snapshot_leaves_the_database_writable_and_follows_it(tmp_path):
    db = tmp_path / "kb.duckdb"
    add_document(db, "a")
    snapshot = Snapshot(db, check_every=0)
    try:
        add_document(db, "b")  # a build can write while the server runs
        assert count(snapshot) == 2 and not snapshot.stale
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)  # a build in progress holds the file ...
        assert writer.stdout.readline().strip() == "writing"
        assert count(snapshot) == 2 and snapshot.stale  # ... so the last copy is served, marked stale
        writer.communicate("done\n", timeout=30)
        assert count(snapshot) == 3 and not snapshot.stale
    finally:
        snapshot.close()
    assert not snapshot.folder.exists()


def test_serve_command_prints_its_url_and_answers(web_db):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(web_db), "--port",
                               str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=5) as r:
                    assert r.status == 200 and b'"total":13' in r.read()
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(10)


def test_serve_refuses_a_missing_database(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(tmp_path / "none.duckdb")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no database" in result.stderr


def test_an_empty_database_and_an_interests_table(tmp_path):
    """Every page of the API answers on a database with no events yet, and lists interests once a build
    has written that table (the interests stage is optional)."""
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    db = tmp_path / "kb.duckdb"
    add_document(db, "a")
    with Store(db) as store:
        store.con.execute("INSERT INTO interests (interest_id, doc_id, actor, wants, stance, evidence, start, "
                          "\"end\", status) VALUES ('i1', 'a', 'X.GOV', 'border trade', 'seeks', "
                          "'X wants border trade', 0, 20, 'stated')")
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as client:
        for url in ("/api/overview", "/api/events", "/api/claims", "/api/clusters", "/api/network",
                    "/api/contradictions", "/api/search?q=capital", "/api/dyads", "/api/documents/a"):
            assert client.get(url).status_code == 200, url
        assert client.get("/api/search?q=capital").json()["documents"]["total"] == 1
        items = client.get("/api/interests").json()["items"]
        assert [(i["actor"], i["wants"], i["doc_id"]) for i in items] == [("X.GOV", "border trade", "a")]
        assert client.get("/api/interests?stance=sideways").status_code == 422
    app.state.newsgraph.snapshot.close()
