"""Fuzzing (hypothesis): the cleaner, the date resolver and the JSON Lines reader take any input without an
exception escaping; they return a result or a reason."""
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean
from newsgraph.ingest.sources import jsonl_record
from newsgraph.records import RawItem
from newsgraph.time.dates import find_dates, infer_year
from newsgraph.time.relative import find_whens

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text with the shapes that matter to the parsers: markup, dates, digits, line breaks, odd Unicode.
PIECES = st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</", "&amp;", "&#0;", "\n", "\n\n", " ", "Monday",
                          "March 3, 2024", "3/3/2024", "2024-02-30", "last week", "ago", "By ", "Reuters", "—",
                          "\x00", "\ufeff", "é", "ﬁ", ".", ":", "|"])
TEXTY = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)
DATES = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["2024", "2024-02", "2024-02-29", "1900-13-40",
                                                                     "0000-00-00", "9999-12-31"]))


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), TEXTY.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       kind=st.sampled_from(["text", "html", "unknown"]))
def test_clean_never_raises(data, kind):
    doc = clean(RawItem(source="fuzz", identity="fuzz", kind=kind, data=data))
    assert doc.status in ("ok", "skipped") and (doc.status == "ok" or doc.reason)


@FUZZ
@given(text=TEXTY, published=DATES)
def test_date_resolver_never_raises(text, published):
    mentions = find_dates(text)
    for mention in mentions:
        infer_year(mention, mentions, None)
    for when in find_whens(text, published):
        assert when is not None


@FUZZ
@given(line=st.one_of(st.binary(max_size=200), TEXTY.map(str.encode),
                      st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                                   lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                                       st.sampled_from(["id", "text", "html", "title", "url", "published",
                                                        "authors", "source"]), inner, max_size=5),
                                   max_leaves=10).map(lambda v: json.dumps(v).encode())))
@example(line=b'{"text": "!", "author": true}')  # found by the fuzzer: an author that is a flag, not a name
@example(line=b'{"text": "!", "authors": 7}')
def test_jsonl_reader_never_raises(line):
    item = jsonl_record("feed.jsonl", "feed.jsonl", 1, line)
    assert item.error or item.kind in ("text", "html")
