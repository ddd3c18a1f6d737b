"""A stage that raises on one document fails that document only: the batch goes on, the failure is
recorded with its stage and reason, the CLI says so with a non-zero exit, and the next build retries it."""
from click.testing import CliRunner

import newsgraph
import newsgraph.events as events_stage
from newsgraph.actors import find_mentions
from newsgraph.cli import cli
from newsgraph.nlp import load_model
from tests.helpers import ARTICLE, HTML

POISON = "Observers noted the poison marker in this dispatch."
OTHER = ("Peru and Chile sign fisheries accord\n\nLima, June 2, 2023\n\n"
         "Peru and Chile signed an agreement on Friday to share data on fishing fleets in the Pacific, the two "
         "foreign ministries said, after a year of talks over catches along their maritime border.\n\n"
         "Fishing unions in both countries welcomed the deal, which sets up a joint commission to meet twice a "
         "year and settle disputes over licences.\n")


def write_inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_bad.txt").write_text(OTHER + "\n" + POISON + "\n", encoding="utf-8")
    (folder / "c_good.html").write_text(HTML, encoding="utf-8")
    return folder


def break_events_on_poison(monkeypatch):
    real = events_stage.find_events

    def find_events(doc_id, sdoc, mentions, published):
        if "poison marker" in sdoc.text:
            raise ValueError("a bug in the event coder")
        return real(doc_id, sdoc, mentions, published)

    monkeypatch.setattr(events_stage, "find_events", find_events)


def test_a_failing_stage_fails_one_document_and_the_batch_goes_on(tmp_path, monkeypatch):
    break_events_on_poison(monkeypatch)
    folder = write_inputs(tmp_path)
    summary = newsgraph.build([str(folder)], db=str(tmp_path / "t.duckdb"))
    by_name = {d.source.split("/")[-1]: d for d in summary.documents}
    assert by_name["b_bad.txt"].status == "failed"
    assert by_name["b_bad.txt"].reason.startswith("events failed: ValueError: a bug in the event coder")
    assert by_name["a_good.txt"].status == by_name["c_good.html"].status == "ok"
    assert by_name["a_good.txt"].events and not by_name["b_bad.txt"].events
    assert summary.counts["failed"] == 1 and summary.counts["ok"] == 2
    docs = newsgraph.open(str(tmp_path / "t.duckdb")).documents
    assert docs.set_index("source").loc[str(folder / "b_bad.txt"), "status"] == "failed"


def test_cli_reports_failures_lists_them_and_retries_them(tmp_path, monkeypatch):
    break_events_on_poison(monkeypatch)
    folder, db = write_inputs(tmp_path), str(tmp_path / "t.duckdb")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(folder), "--db", db])
    assert result.exit_code == 3, result.output
    assert "1 failed" in result.output
    listing = runner.invoke(cli, ["docs", "--status", "failed", "--db", db])
    assert listing.exit_code == 0 and "events failed" in listing.output
    monkeypatch.undo()  # the bug is fixed: the next build retries the failed document and replaces its record
    again = runner.invoke(cli, ["build", str(folder), "--db", db, "--json"])
    assert again.exit_code == 0, again.output
    statuses = newsgraph.open(db).documents.status.tolist()
    assert sorted(statuses) == ["ok", "ok", "ok"]


def test_conjoined_non_state_beside_a_possessed_government_is_no_crash():
    # Reduced from a synthetic story that crashed the resolver: a coordination whose other member is no
    # country ('organizations and the ... government'), in two regions' wording.
    nlp = load_model()
    for text in ("The coalition announced an initiative between organizations and the Democratic Republic "
                 "of the Congo's government to protect displaced families.",
                 "Donors funded a programme between charities and Peru's government to rebuild schools."):
        mentions = find_mentions("d", nlp(text), "2023-05-01")
        assert any(m.sector == "GOV" for m in mentions), text


def test_a_parser_failure_in_a_batch_costs_only_the_document_that_causes_it(tmp_path, monkeypatch):
    """Workers parse a few documents together; when that batch parse raises, each is parsed on its own, so
    only the document the parser cannot take fails."""
    import newsgraph.nlp.long as long

    real_parse = long.parse

    def parse(text):
        if "poison marker" in text:
            raise ValueError("a bug in the parser")
        return real_parse(text)

    def parse_many(texts):
        return [parse(t) for t in texts]

    monkeypatch.setattr(long, "parse", parse)
    monkeypatch.setattr(long, "parse_many", parse_many)
    summary = newsgraph.build([str(write_inputs(tmp_path))], db=str(tmp_path / "t.duckdb"))
    by_name = {d.source.split("/")[-1]: d for d in summary.documents}
    assert by_name["b_bad.txt"].status == "failed"
    assert by_name["b_bad.txt"].reason.startswith("parse failed: ValueError: a bug in the parser")
    assert by_name["a_good.txt"].status == by_name["c_good.html"].status == "ok"
    assert by_name["a_good.txt"].events
