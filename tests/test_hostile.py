"""A hostile corpus builds: every bad input is skipped with its reason, a 3 MB text is processed whole (in
pieces, offsets into the full text), nothing ends in a traceback, and the report and export stay valid."""
import json

import pytest

from tests.conftest import read_jsonl, run_cli
from tests.helpers import ARTICLE, HTML, assert_actor_references, gz, jsonl, long_prose

PERU = ("Peru and Chile sign fisheries accord\n\nLima, June 2, 2023\n\n"
        "Peru and Chile signed an agreement on Friday to share data on fishing fleets in the Pacific, the two "
        "foreign ministries said, after a year of talks over catches along their maritime border.\n\n"
        "Fishing unions in both countries welcomed the deal, which sets up a joint commission to meet twice a "
        "year and settle disputes over licences.\n")
KENYA = ("Kenya and Tanzania reopen border market\n\nNairobi, May 9, 2022\n\n"
         "Kenya and Tanzania reopened the Namanga border market on Monday after a two-week closure over customs "
         "fees, traders and officials on both sides said.\n\n"
         "The two governments agreed to review the fees within a month, and lorry drivers said queues had "
         "already begun to shorten by the afternoon.\n")
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
# Real news paragraphs placed far apart inside the long text: past spaCy's 1,000,000-character limit too.
NEWS = ["Pakistan closed the Torkham border crossing with Afghanistan on Sunday after security forces from both "
        "sides exchanged fire overnight, officials in Khyber district said.",
        "Peru and Chile signed an agreement on Friday to share data on fishing fleets in the Pacific, the two "
        "foreign ministries said.",
        "The Taliban administration in Kabul called on Islamabad to reopen the crossing without delay."]


def long_document() -> str:
    paragraphs = long_prose(3_000_000).split("\n\n")
    for news, at in zip(NEWS, (len(paragraphs) // 6, len(paragraphs) // 2, len(paragraphs) - 2)):
        paragraphs.insert(at, news)
    return "Public works notices from the districts\n\n" + "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    folder.mkdir()
    files = {
        "good.txt": ARTICLE.encode(), "good.html": HTML.encode(), "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\xff" * 500, "truncated.html.gz": gz(HTML.encode())[:-30],
        "nested.html": ("<html><body>" + "<div>" * 100_000 + "Deep text." + "</div>" * 100_000 + "</body></html>").encode(),
        "bad_utf8.txt": KENYA.encode()[:150] + b"\xff\xfe\xc3\x28" * 20 + KENYA.encode()[150:],
        "feed.jsonl": jsonl({"id": "s1", "title": SCRIPT, "url": "javascript:alert(1)",
                             "text": PERU + "\n\n" + SCRIPT},
                            "{broken json", '["a", "list"]', {"id": "empty"}),
        "long.txt": long_document().encode(),
        "huge.txt": (long_prose(300_000, seed=2) + "\n\n").encode() * 105,  # over 30 MB
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    db = tmp / "h.duckdb"
    result = run_cli("build", folder, "--db", db, "--json", check=False)
    run_cli("export", "--db", db, "--format", "jsonl", "--out", tmp / "out")
    run_cli("report", "--db", db, "--out", tmp / "report.html")
    run_cli("report", "--db", db, "--out", tmp / "report.md", "--format", "md")
    docs = {(d["source"].split("/")[-1], d["record_id"]): d for d in read_jsonl(tmp / "out" / "documents.jsonl")}
    return {"result": result, "docs": docs, "tmp": tmp, "db": db}


def test_the_build_finishes_without_a_traceback(hostile):
    result = hostile["result"]
    assert result.returncode == 0 and "Traceback" not in result.stderr
    counts = json.loads(result.stdout)["counts"]
    assert counts["failed"] == 0 and counts["ok"] >= 4


def test_every_bad_input_is_skipped_with_its_reason(hostile):
    docs = hostile["docs"]
    reasons = {key: d["reason"] for key, d in docs.items() if d["status"] == "skipped"}
    assert reasons[("empty.txt", None)] == "empty file"
    assert "binary" in reasons[("binary.txt", None)]
    assert "truncated gzip" in reasons[("truncated.html.gz", None)]
    assert "too large" in reasons[("huge.txt", None)] and "limit" in reasons[("huge.txt", None)]
    assert "not valid JSON" in reasons[("feed.jsonl", "line-2")]
    assert "not an object" in reasons[("feed.jsonl", "line-3")]
    assert "neither a 'text' nor an 'html'" in reasons[("feed.jsonl", "empty")]
    assert all(reason for reason in reasons.values())
    for name in ("good.txt", "good.html", "bad_utf8.txt", "long.txt"):
        assert docs[(name, None)]["status"] == "ok", docs[(name, None)]
    assert docs[("feed.jsonl", "s1")]["status"] == "ok"
    assert docs[("nested.html", None)]["status"] in ("ok", "skipped") and docs[("nested.html", None)]["status"]


def test_a_3mb_document_is_processed_whole_with_offsets_into_its_text(hostile):
    doc = hostile["docs"][("long.txt", None)]
    text = doc["text"]
    assert len(text) > 3_000_000 and all(news in text for news in NEWS)
    out = hostile["tmp"] / "out"
    events = [e for e in read_jsonl(out / "events.jsonl") if e["doc_id"] == doc["doc_id"]]
    claims = [c for c in read_jsonl(out / "claims.jsonl") if c["doc_id"] == doc["doc_id"]]
    assert events and claims
    for e in events:
        assert text[e["start"]:e["end"]] == e["evidence"]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
    for c in claims:
        assert text[c["start"]:c["end"]] == c["content"]
    assert max(e["start"] for e in events) > 1_000_000  # found past the parser's single-text limit
    from newsgraph.store import Store

    with Store(hostile["db"], read_only=True) as store:
        mentions = store.mentions()
    mentions = mentions[mentions.doc_id == doc["doc_id"]]
    assert all(text[m.start_char:m.end_char] == m.surface for m in mentions.itertuples())


def test_the_report_and_export_stay_valid(hostile):
    tmp = hostile["tmp"]
    assert_actor_references(tmp / "out", hostile["db"])
    page = (tmp / "report.html").read_text()
    assert "<script>alert" not in page and 'href="javascript:' not in page and "onerror=alert" not in page.replace(
        "&lt;img src=x onerror=alert(1)&gt;", "")
    markdown = (tmp / "report.md").read_text()
    assert "<script>" not in markdown and "<img" not in markdown
