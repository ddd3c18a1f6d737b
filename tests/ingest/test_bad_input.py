"""Each kind of bad input is skipped with a specific reason; the rest of the batch still lands."""
import newsgraph
from tests.helpers import ARTICLE, GERMAN, HTML, gz, jsonl


def build_dir(tmp_path, **kw):
    summary = newsgraph.build([str(tmp_path / "in")], db=str(tmp_path / "t.duckdb"), **kw)
    return summary, {(d.source.split("/")[-1], d.record_id): d for d in summary.documents}


def write(tmp_path, name, data):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def test_every_bad_input_is_skipped_with_its_reason(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(200))
    write(tmp_path, "notes.txt", b"Pakistan\x00\x00\x00binary\x00data" * 20)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "big.txt", ARTICLE * 400)
    write(tmp_path, "garbled.txt", bytes(range(128, 256)) * 4)
    write(tmp_path, "cut.html.gz", gz(HTML.encode())[:-30])
    write(tmp_path, "fake.html.gz", b"this is not gzip at all")
    write(tmp_path, "broken.html", "<html><body><div><<<>>></div><script>var a = 1;</script></body>")
    write(tmp_path, "german.txt", GERMAN)
    write(tmp_path, "short.txt", "Menu\nHome\nContact\n")
    write(tmp_path, "feed.jsonl", jsonl({"id": "ok1", "text": ARTICLE.replace("Sunday", "Friday")},
                                        "{not json at all",
                                        {"id": "nobody", "title": "A title but no text"},
                                        "[1, 2, 3]"))
    summary, docs = build_dir(tmp_path, max_bytes=100_000)
    reasons = {key: doc.reason for key, doc in docs.items() if doc.status == "skipped"}
    # feed.jsonl is read first (name order); its record and good.txt are near-copies of one article.
    assert docs[("feed.jsonl", "ok1")].status == "ok"
    assert docs[("good.txt", None)].duplicate_of == docs[("feed.jsonl", "ok1")].doc_id
    assert reasons[("image.png", None)] == "binary file (PNG image), not text"
    assert reasons[("notes.txt", None)] == "binary file (contains NUL bytes), not text"
    assert reasons[("empty.txt", None)] == "empty file"
    assert reasons[("big.txt", None)].startswith("too large: ") and "limit" in reasons[("big.txt", None)]
    assert reasons[("garbled.txt", None)].startswith("undecodable bytes")
    assert reasons[("cut.html.gz", None)].startswith("truncated gzip")
    assert reasons[("fake.html.gz", None)] == "not a gzip file although its name ends in .gz"
    assert reasons[("broken.html", None)].startswith("malformed HTML")
    assert reasons[("german.txt", None)].startswith("not English: detected language 'de'")
    assert reasons[("short.txt", None)].startswith(("empty after cleaning", "too short after cleaning"))
    assert reasons[("feed.jsonl", "line-2")].startswith("line 2: not valid JSON")
    assert reasons[("feed.jsonl", "nobody")] == "line 3: record has neither a 'text' nor an 'html' field"
    assert reasons[("feed.jsonl", "line-4")] == "line 4: a JSON list, not an object"
    assert summary.counts["skipped"] == 13 and summary.counts["ok"] == 1 and summary.counts["duplicate"] == 1


def test_missing_path_is_reported_not_fatal(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    summary = newsgraph.build([str(tmp_path / "nope"), str(tmp_path / "in")], db=str(tmp_path / "t.duckdb"))
    by_status = {d.status: d for d in summary.documents}
    assert by_status["skipped"].reason == "no such file or folder"
    assert by_status["ok"].source.endswith("good.txt")


def test_bad_files_do_not_touch_stored_documents(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    first, _ = build_dir(tmp_path)
    stored = newsgraph.open(tmp_path / "t.duckdb").documents
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path, "feed.jsonl", b"{oops\n")
    second, _ = build_dir(tmp_path)
    after = newsgraph.open(tmp_path / "t.duckdb").documents
    assert second.counts["unchanged"] == 1 and second.counts["skipped"] == 2
    kept = after[after.doc_id == stored.doc_id[0]].iloc[0]
    assert kept.text == stored.text[0] and kept.run_id == stored.run_id[0]
