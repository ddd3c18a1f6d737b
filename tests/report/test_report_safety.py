"""The report treats input as data: only http(s) links, Markdown with HTML escaped; and it reads true:
a complete timeline, dyads on a time axis, named network nodes that do not overlap, key actors with a
country."""
import re

import pandas as pd
import pytest

import newsgraph
from newsgraph.report.build import analyse, dyad_svg, render_html, render_markdown, timeline_events
from tests.helpers import ARTICLE, jsonl

PAYLOAD = '<script>alert("owned")</script> <img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("unsafe")
    (tmp / "in").mkdir()
    text = ARTICLE.replace("officials in Khyber district said.", f"officials in Khyber district said. {PAYLOAD}")
    (tmp / "in" / "feed.jsonl").write_bytes(jsonl(
        {"id": "a", "title": f"Border {PAYLOAD}", "url": "javascript:alert(document.cookie)", "text": text},
        {"id": "b", "url": "https://news.example.org/story", "text": ARTICLE.replace("Sunday", "Monday")
         .replace("Hundreds of trucks", "Dozens of lorries and buses")}))
    db = tmp / "t.duckdb"
    newsgraph.build([tmp / "in"], db=db)
    return db


def test_only_web_urls_are_links(hostile_db):
    page = render_html(analyse(hostile_db))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("#", "http://", "https://", "file://")) for h in hrefs)
    assert "javascript:" not in " ".join(hrefs) and "<script>alert" not in page and "<img src=x" not in page


def test_markdown_escapes_html(hostile_db):
    text = render_markdown(analyse(hostile_db))
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    assert "javascript:" not in text and "(<https://news.example.org/story>)" in text


def test_the_timeline_is_complete(demo_db):
    a = analyse(demo_db)
    dated = int(a.events.date.notna().sum())
    assert dated > 60 and len(timeline_events(a)) == dated
    timeline = render_html(a).split('<section id="timeline">')[1].split("</section>")[0]
    assert timeline.count("<tr>") == dated + 1 and f"All {dated} dated events" in timeline
    assert f"All {dated} dated events" in render_markdown(a)


def test_dyad_chart_uses_a_true_time_axis():
    table = pd.DataFrame({"period": ["1990", "2020", "2021"], "intensity": [-9.0, 2.0, 4.0]})
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', dyad_svg(table))]
    assert (xs[1] - xs[0]) == pytest.approx(30 * (xs[2] - xs[1]), rel=0.01)


def test_key_actors_have_a_country_and_network_labels_are_names(demo_db):
    a = analyse(demo_db)
    page = render_html(a)
    actors = page.split('<section id="actors">')[1].split("</section>")[0]
    ids = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", actors)
    countries = dict(zip(a.actors.actor_id, a.actors.country))
    assert ids and all(countries[i] for i in ids)
    network = page.split('<section id="network">')[1].split("</section>")[0]
    labels = re.findall(r'<text x="(-?[\d.]+)" y="(-?[\d.]+)" font-size="10" text-anchor="(\w+)">([^<]*)</text>',
                        network)
    names = set(a.actors.name)
    assert len(labels) > 5 and all(not re.match(r"^(PER|ORG):", t) for *_, t in labels)
    assert sum(t in names for *_, t in labels) >= len(labels) - 2
    for anchor in ("start", "end"):
        ys = sorted(float(y) for _, y, side, _ in labels if side == anchor)
        assert all(b - a_ >= 12 for a_, b in zip(ys, ys[1:]))  # one side's names never share a line
