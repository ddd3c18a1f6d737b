"""On the generated news pages of benchmarks/html.py (five page templates with navigation, ads, share
bars, related links and comments around varied paragraph shapes), newsgraph's HTML cleaner keeps at least
as much of the article, as cleanly, as trafilatura alone."""
import importlib.util

from tests.conftest import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location("html_benchmark", ROOT / "benchmarks" / "html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_newsgraph_scores_at_least_trafilatura_alone():
    bench = load_benchmark()
    alone, ours = bench.score(bench.trafilatura_alone), bench.score(bench.newsgraph_html)
    assert len(list(bench.pages())) >= 20
    assert ours[2] >= alone[2] and ours[0] >= alone[0]  # F1, and precision kept
    assert ours[1] >= 0.97  # recall: body text, short paragraphs, lists and quotes survive the furniture filter


def test_every_body_paragraph_survives_on_every_template():
    bench = load_benchmark()
    for name, page, gold in bench.pages(10):
        text = " ".join(bench.newsgraph_html(page).split())
        lost = [line for line in gold.splitlines()[1:] if len(line.split()) > 4 and line not in text]
        assert not lost, (name, lost)
