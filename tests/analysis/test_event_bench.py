"""The out-of-domain event bench: its fixed split, its readers, and `newsgraph eval events-ood`."""
import pytest

from newsgraph.analysis.benchsets import bench_sets, cameo_to_plover, petrarch_records, synthetic_split
from tests.conftest import SHARED, run_cli

needs_shared = pytest.mark.skipif(not (SHARED / "bench").is_dir(), reason=f"no bench sets under {SHARED}")


def test_split_is_fixed_by_id_or_text():
    story = {"text": "Protesters gathered outside parliament on Tuesday."}
    assert synthetic_split(story) == synthetic_split(dict(story))
    assert synthetic_split({"id": "a-1", "text": "x"}) == synthetic_split({"id": "a-1", "text": "y"})
    assert {synthetic_split({"text": f"story {i}"}) for i in range(50)} == {"train", "heldout"}


def test_cameo_codes_map_to_plover_through_their_parent():
    assert cameo_to_plover("190") == "ASSAULT"
    assert cameo_to_plover("042") == "CONSULT"
    assert cameo_to_plover("0871") == cameo_to_plover("087")


def test_petrarch_records_own_the_lines_after_a_self_closing_tag(tmp_path):
    xml = tmp_path / "records.xml"
    xml.write_text('<Sentences>\n<Sentence id="A_1" date="20080804" evaluate="true"/>\n'
                   '<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />\n'
                   '<Text>\nThe US leader visited\nChina.\n</Text>\n</Sentence>\n'
                   '<Sentence id="B_2" date="19950101"><!-- <EventCoding eventcode="190"> -->\n'
                   '<EventCoding noevents="True" />\n<Text>Nothing happened.</Text>\n</Sentence>\n</Sentences>',
                   encoding="utf-8")
    first, second = petrarch_records(xml, "test")
    assert (first.record_id, first.date, first.text) == ("A_1", "2008-08-04", "The US leader visited China.")
    assert first.types == {"CONSULT"} and first.sources == {("CONSULT", "USA")}
    assert second.types == set()


@needs_shared
def test_held_out_share_is_a_fifth():
    sets = bench_sets(SHARED)
    assert len(sets["petr2-validation"]) > 50 and len(sets["petrarch-unit"]) > 200
    assert 800 < len(sets["synthetic-heldout"]) < 1000  # of 4,500 stories


@needs_shared
def test_eval_events_ood_prints_the_table(tmp_path):
    result = run_cli("eval", "events-ood", "--shared", SHARED, "--set", "petr2-validation", "--cache", tmp_path)
    assert "petr2-validation" in result.stdout and "type+source R" in result.stdout
    assert "main-event P" in result.stdout


def test_main_event_is_the_one_told_highest_in_the_first_sentence():
    from newsgraph.actors import find_mentions
    from newsgraph.analysis.event_bench import main_type
    from newsgraph.events import find_events
    from newsgraph.nlp import load_model

    for text in ("Ukraine said Russian drones struck a power station in Odesa.",
                 "Kenya said Somali militants attacked a police post near the border."):
        sdoc = load_model()(text)
        events = find_events("t", sdoc, find_mentions("t", sdoc, "2025-05-20"), "2025-05-20")
        assert {e.type for e in events} == {"ACCUSE", "ASSAULT"} and main_type(events, sdoc) == "ACCUSE"
