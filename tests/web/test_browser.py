"""The workbench in Debian's Chromium (Playwright): every page on the demo corpus without console errors, the
analyst's flows by clicking, and a document full of script payloads that runs none of them."""
import os
import shutil
from pathlib import Path

import pytest

from tests.web.conftest import HOSTILE, PWNED

PAGES = {  # route -> something only that page shows once its data has arrived
    "#/": "#overview table tr.event-row",
    "#/search?q=Taliban": "#search ul.actors li a",
    "#/actor?id=AFG.TALIBAN": "#actor tr.event-row",
    "#/events?type=ASSAULT&since=2024": "#events tr.event-row",
    "#/dyad?a=PAK&b=AFG.TALIBAN&by=month": "#dyad circle.point",
    "#/network": "#network g.node",
    "#/timeline": "#timeline li .ev",
    "#/contradictions": "#contradictions section.contradiction",
    "#/interests": "#interests p",
}


def open_route(page, server, route, ready):
    page.goto(server + route)
    page.wait_for_selector(ready, timeout=15_000)


@pytest.mark.parametrize("route", list(PAGES))
def test_page_loads_without_errors(page, server, route):
    open_route(page, server, route, PAGES[route])
    assert page.locator(".error").count() == 0
    assert page.problems == []


def test_api_reference_renders_offline(page, server):
    page.goto(server + "docs")
    page.wait_for_selector("body[data-ready=docs]")
    assert page.get_by_role("heading", name="GET /api/events", exact=True).count() == 1
    assert page.problems == []


def test_search_actor_event_evidence(page, server):
    open_route(page, server, "#/", PAGES["#/"])
    page.fill("#search-box", "Taliban")
    page.press("#search-box", "Enter")
    page.click("#search ul.actors >> text=Taliban")
    page.wait_for_selector("#actor tr.event-row")
    row = page.locator("#actor tr.event-row").first
    evidence = row.locator(".ev").inner_text().strip("“”")
    row.locator("td").nth(4).click()  # the evidence cell: the row opens the document
    focus = page.wait_for_selector("#document #focus")
    assert focus.inner_text() in evidence and len(focus.inner_text()) > 10
    highlighted = "".join(page.locator("#doctext .hl-focus").all_inner_texts())
    assert highlighted == evidence
    assert page.problems == []


def test_dyad_pick_chart_events(page, server):
    open_route(page, server, "#/dyad", "#dyad-form")
    page.fill("#dyad-form input[name=a]", "Pakistan")
    page.fill("#dyad-form input[name=b]", "Taliban")
    page.select_option("#dyad-form select[name=by]", "quarter")
    page.click("#dyad-form button")
    page.wait_for_selector("#dyad circle.point")
    points = page.locator("#dyad circle.point")
    xs = [float(points.nth(i).get_attribute("cx")) for i in range(points.count())]
    assert points.count() > 3 and xs == sorted(xs)  # periods in time order on a time axis
    points.nth(points.count() - 1).click(force=True)
    page.wait_for_selector("#period-events tr.event-row")
    listed = page.locator("#period-events tr.event-row").count()
    title = page.locator("#period-events h2").inner_text()
    assert f"{listed} events" in title
    page.locator("#period-events tr.event-row td").first.click()
    page.wait_for_selector("#document #focus")
    assert page.problems == []


def test_network_zoom_and_click_opens_actor(page, server):
    open_route(page, server, "#/network", "#network g.node")
    chart = page.locator("svg.network")
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    assert "scale(" in (page.locator("svg.network > g").get_attribute("transform") or "")
    node = page.locator("#network g.node").first
    actor_id = node.get_attribute("data-actor")
    node.locator("circle").click(force=True)
    page.wait_for_selector("#actor h1")
    assert actor_id in page.locator("#actor").inner_text()
    assert page.problems == []


def test_hostile_document_runs_nothing(page, server):
    open_route(page, server, "#/search?q=Talks%20resume", "#search ul.plain li a")
    page.locator("#search a", has_text="Talks resume").first.click()
    page.wait_for_selector("#document #doctext")
    assert page.locator("#document h1").inner_text() == HOSTILE["title"]  # shown as text
    assert "<script>window.pwned=1</script>" in page.locator("#doctext").inner_text()
    assert page.locator("#document a[href^=javascript]").count() == 0
    assert page.locator("#document img, #document script, #document svg, #document b").count() == 0
    for route in ("#/", "#/events?source=Wire", "#/search?q=pwned"):
        page.goto(server + route)
        page.wait_for_timeout(400)
    page.wait_for_timeout(300)
    assert page.evaluate(f"typeof {PWNED}") == "undefined"
    assert page.problems == []


def test_screenshot(page, server, tmp_path):
    """`make screenshot-web` copies this picture to docs/web.png."""
    open_route(page, server, "#/dyad?a=PAK&b=AFG.TALIBAN&by=quarter&since=2021", "#dyad circle.point")
    shot = tmp_path / "web.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("NEWSGRAPH_UPDATE_SCREENSHOT"):
        shutil.copy(shot, Path(__file__).resolve().parents[2] / "docs" / "web.png")
