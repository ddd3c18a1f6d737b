"""On the generated news pages of benchmarks/html_pages.py (five page templates with navigation, ads, share
bars, related links and comments around varied paragraph shapes), newsgraph's HTML cleaner keeps at least
as much of the article, as cleanly, as trafilatura alone."""
import importlib.util

from tests.conftest import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("html_benchmark", ROOT / "benchmarks" / "html_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_newsgraph_scores_at_least_trafilatura_alone():
    bench = load_benchmark()
    alone, ours = bench.score(bench.trafilatura_alone), bench.score(bench.newsgraph_html)
    assert len(list(bench.pages())) >= 20
    assert ours[2] >= alone[2] and ours[0] >= alone[0]  # F1, and precision kept
    assert ours[1] >= 0.99  # recall: body text, short paragraphs, lists and quotes survive the furniture filter


def test_body_paragraphs_survive_on_every_template():
    bench = load_benchmark()
    lost = []
    for name, page, gold in bench.pages(12):
        text = " ".join(bench.newsgraph_html(page).split())
        lost += [(name, line) for line in gold.splitlines()[1:] if len(line.split()) > 4 and line not in text]
    assert not lost, lost  # trafilatura alone drops the span-wrapped last paragraph of the CMS pages


def test_a_paragraph_apart_from_the_main_block_is_kept():
    from newsgraph.clean.html import extract_html

    paragraphs = [
        "Officials in Accra said on Monday that the new bridge over the river would open next month, after two "
        "years of delays blamed on funding disputes between the council and the ministry.",
        "Residents said they had waited long enough.",
        "The ministry said the budget had been agreed with lenders and that tolls would not be charged for the "
        "first year, a promise opposition lawmakers called unrealistic.",
        "Engineers said the final inspections would take place in the second week of the month, weather "
        "permitting, and that traffic would be limited at first."]
    page = (f"<html><body><nav><a>Home</a><a>World</a></nav><article><h1>Accra bridge to open</h1><div><p>"
            f"{paragraphs[0]}</p><p>{paragraphs[1]}</p></div><div class='inline-related'><a href='/x'>Floods hit "
            f"north</a></div><div><p>{paragraphs[2]}</p></div><div><span>{paragraphs[3]}</span></div></article>"
            f"<footer>© 2024 Daily Record. All rights reserved.</footer></body></html>")
    text = extract_html(page).text
    assert all(p in text for p in paragraphs) and "Floods hit" not in text and "rights reserved" not in text
