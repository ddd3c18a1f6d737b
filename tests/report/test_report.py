"""The report written from the demo corpus (in the package: these tests need nothing outside the repository),
opened in a real headless Chromium (Debian's /usr/bin/chromium)."""
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

CHROMIUM = "/usr/bin/chromium"
SECTIONS = ["overview", "actors", "dyads", "network", "timeline", "claims", "corroboration", "contradictions",
            "interests"]


@pytest.fixture(scope="module")
def report(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    run_cli("report", "--db", demo_db, "--out", out)
    return out


def test_report_is_self_contained(report):
    page = report.read_text()
    assert "<script src" not in page and "http://" not in page.split("<body>")[0]
    assert 'href="https://' not in page.split("<body>")[0]  # no stylesheet or font from the network
    assert page.count("<svg") >= 3 and "“" in page


def test_report_timeline_and_contradictions(report):
    page = report.read_text()
    timeline = page.split('<section id="timeline">')[1].split("</section>")[0]
    assert "<hr>" in timeline  # a corroborated event lists each article that tells it
    disputes = page.split('<section id="contradictions">')[1].split("</section>")[0]
    assert "claim: " in disputes and "operates from Afghan soil" in disputes


def test_markdown_report(demo_db, tmp_path):
    out = tmp_path / "report.md"
    run_cli("report", "--db", demo_db, "--out", out, "--format", "md")
    text = out.read_text()
    assert text.startswith("# newsgraph report") and "## Timeline" in text and "AFG – PAK" in text


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed (.ci/run installs it)")
def test_report_opens_in_chromium_without_errors(report, tmp_path):
    from playwright.sync_api import sync_playwright

    errors = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(report.as_uri())
        for section in SECTIONS:
            assert page.locator(f"section#{section} h2").count() == 1
        assert page.locator("#dyads svg").count() >= 1 and page.locator("#network circle").count() > 5
        assert page.locator("#timeline tr").count() > 10
        boxes = page.eval_on_selector_all("#network svg text", "els => els.map(e => { const b = e.getBBox(); "
                                          "return [b.x, b.y, b.x + b.width, b.y + b.height]; })")
        assert len(boxes) > 5 and not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                                       if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert errors == [] and shot.stat().st_size > 10_000
    if os.environ.get("NEWSGRAPH_UPDATE_SCREENSHOT"):  # `make screenshot` refreshes the README's picture
        shutil.copy(shot, Path(__file__).resolve().parents[2] / "docs" / "report.png")
