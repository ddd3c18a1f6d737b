"""Every input format, built through the real pipeline into a real DuckDB file."""
import newsgraph
from tests.helpers import ARTICLE, HTML, gz, jsonl, warc


def build(tmp_path, *paths, **kw):
    """The stored documents by (file name, record id): the build's summary keeps no text."""
    newsgraph.build([str(p) for p in paths], db=str(tmp_path / "t.duckdb"), **kw)
    frame = newsgraph.open(tmp_path / "t.duckdb").documents
    frame["record_id"] = frame.record_id.where(frame.record_id.notna(), None)
    return {(row.source.split("/")[-1], row.record_id): row for row in frame.itertuples()}


def test_plain_text_and_markdown(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Notes\n\n" + ARTICLE.replace("Sunday", "Monday"))
    docs = build(tmp_path, tmp_path / "a.txt", tmp_path / "b.md")
    a = docs[("a.txt", None)]
    assert a.status == "ok"
    assert a.title == "Pakistan closes Torkham crossing after border clash"
    assert a.authors == ["Sana Mirza"] and a.published == "2024-03-03"
    assert "Hundreds of trucks carrying fruit and coal" in a.text
    assert docs[("b.md", None)].status in ("ok", "duplicate")


def test_html_and_gzipped_html(tmp_path):
    (tmp_path / "a_page.html").write_text(HTML)
    (tmp_path / "b_other.htm.gz").write_bytes(gz(HTML.replace("Tuesday", "Wednesday").encode()))
    docs = build(tmp_path, tmp_path)  # a folder is read in name order
    page = docs[("a_page.html", None)]
    assert page.status == "ok" and page.format == "html"
    assert page.title == "Border talks resume" and page.publisher == "Valley Times"
    assert page.authors == ["Omar Farooq"] and page.published == "2024-05-14"
    assert page.text.startswith("Border talks resume\n\nPakistani and Afghan officials met in Kabul")
    for junk in ("Great article", "All rights reserved", "Sport"):
        assert junk not in page.text
    # The gzipped copy differs by one word: a near-duplicate of the first page.
    other = docs[("b_other.htm.gz", None)]
    assert other.status == "duplicate" and other.duplicate_of == page.doc_id


def test_jsonl_records_with_text_or_html(tmp_path):
    feed = jsonl(
        {"id": "r1", "title": "Talks in Doha", "url": "https://example.org/r1", "published": "2025-10-19T10:00:00Z",
         "source": "Gulf Desk", "text": "Afghan and Pakistani delegations agreed to an immediate ceasefire in Doha "
                                        "on Sunday after talks mediated by Qatar and Turkey, the Qatari foreign "
                                        "ministry said in a statement."},
        {"id": "r2", "html": "<p>Pakistan's army said on Monday that it had killed several militants in North "
                             "Waziristan during an operation near the Afghan border, according to a statement "
                             "released by the military's media wing.</p>"},
    )
    (tmp_path / "feed.jsonl").write_bytes(feed)
    docs = build(tmp_path, tmp_path / "feed.jsonl")
    r1, r2 = docs[("feed.jsonl", "r1")], docs[("feed.jsonl", "r2")]
    assert (r1.title, r1.published, r1.publisher, r1.url) == ("Talks in Doha", "2025-10-19", "Gulf Desk",
                                                              "https://example.org/r1")
    assert r1.text.startswith("Afghan and Pakistani delegations agreed to an immediate ceasefire")
    assert r2.status == "ok" and r2.format == "html" and "killed several militants" in r2.text


def test_warc_and_gzipped_warc(tmp_path):
    body = HTML
    (tmp_path / "crawl.warc").write_bytes(warc([("https://example.org/talks", body, "200 OK"),
                                                 ("https://example.org/missing", "<p>gone</p>", "404 Not Found")]))
    (tmp_path / "crawl2.warc.gz").write_bytes(warc([("https://example.org/talks2", body.replace("Kabul", "Herat"),
                                                      "200 OK")], compress=True))
    docs = build(tmp_path, tmp_path)
    ok = [d for d in docs.values() if d.source.endswith("crawl.warc") and d.status == "ok"]
    assert len(ok) == 1 and ok[0].url == "https://example.org/talks"
    assert ok[0].record_id.startswith("<urn:uuid:")
    assert "Pakistani and Afghan officials met in Kabul" in ok[0].text
    missing = [d for d in docs.values() if d.status == "skipped" and "404" in (d.reason or "")]
    assert len(missing) == 1 and "https://example.org/missing" in missing[0].reason
    gz_docs = [d for d in docs.values() if d.source.endswith("crawl2.warc.gz")]
    assert len(gz_docs) == 1 and gz_docs[0].status in ("ok", "duplicate")


def test_folders_recurse_globs_expand_hidden_files_ignored(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "x.txt").write_text(ARTICLE)
    (tmp_path / "sub" / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "y.txt").write_text(ARTICLE.replace("Sana Mirza", "Ali Khan") + "\nA closing line about trade.\n")
    docs = build(tmp_path, tmp_path / "sub", str(tmp_path / "*.txt"))
    names = sorted(name for name, _ in docs)
    assert names == ["x.txt", "y.txt"]


def test_byte_identical_copy_under_another_name_is_a_duplicate(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE)
    docs = build(tmp_path, tmp_path)
    one, two = docs[("one.txt", None)], docs[("two.txt", None)]
    assert one.status == "ok" and two.status == "duplicate" and two.duplicate_of == one.doc_id
