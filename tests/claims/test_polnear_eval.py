"""The PolNeAR-style scorer on a small brat split written for the test (no PolNeAR text)."""
from newsgraph.analysis.polnear import Article, Found, evaluate, mean_scores, read_ann, read_split

TEXT = ("The ministry said that grain exports would resume in May. "
        "\u201cWe are ready,\u201d the port director told reporters.\n")


def spans_of(piece: str) -> str:
    start = TEXT.index(piece)
    return f"{start} {start + len(piece)}"


ANN = "\n".join([
    f"T1\tSource {spans_of('The ministry')}\tThe ministry",
    f"T2\tCue {spans_of('said')}\tsaid",
    f"T3\tContent {spans_of('that grain exports would resume in May')}\tthat grain exports would resume in May",
    f"T4\tAttribution {spans_of('said')}\tsaid",
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    f"T5\tContent {spans_of('We are ready,')}\tWe are ready,",
    f"T6\tCue {spans_of('told')}\ttold",
    f"T7\tAttribution {spans_of('told')}\ttold",
    "E2\tAttribution:T7 Cue:T6 Content:T5",
])


def at(piece: str) -> tuple[tuple[int, int], ...]:
    start = TEXT.index(piece)
    return ((start, start + len(piece)),)


def test_read_ann_links_spans_through_events():
    gold = read_ann(ANN, TEXT)
    assert [g.text for g in gold] == ["that grain exports would resume in May", "We are ready,"]
    assert gold[0].source == at("The ministry") and gold[1].source == ()


def test_scores_content_cue_and_source():
    article = Article("a", TEXT, {"x1": read_ann(ANN, TEXT)})
    found = [Found("grain exports would resume in May", at("said"), at("The ministry"), "GOV"),
             Found("We are ready", at("told"), at("the port director"), None)]
    tally = evaluate([article], {"a": found})["x1"]
    overlap, exact, cue = tally.scores()
    assert overlap.precision == 1.0 and 0.8 < overlap.recall < 1.0  # 'that' is the gold's, not ours
    assert exact.correct == 1 and cue.correct == 2
    assert tally.judged == 2 and tally.sources_right == 1  # the second gold has no source; ours named one


def test_mean_over_annotators_and_split_layout(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "wire_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "wire_story_x1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "wire_story_x2.ann").write_text(ANN.split("\nT5")[0], encoding="utf-8")
    articles = read_split(tmp_path)
    assert set(articles[0].annotations) == {"x1", "x2"}
    found = {"wire_story": [Found("grain exports would resume in May", at("said"), at("The ministry"), None)]}
    means = mean_scores(evaluate(articles, found))
    assert means["content overlap precision"] == 1.0
    assert abs(means["content overlap recall"] - (0.4 + 0.8) / 2) < 0.1
