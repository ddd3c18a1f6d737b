"""Events the coder finds in the seed articles, read through the real pipeline and store."""
import pytest

from tests.helpers import seed_rows


@pytest.fixture(scope="module")
def seed_events(dev_db):
    return seed_rows(dev_db, "events")


def find(events, seed, **fields):
    rows = events[events.seed == seed]
    for name, value in fields.items():
        rows = rows[rows[name] == value]
    return rows


def test_pakistani_airstrikes_in_afghanistan(seed_events):
    strikes = find(seed_events, "000", type="ASSAULT", mode="aerial", source="PAK", target="AFG")
    assert len(strikes) and strikes.iloc[0].evidence.startswith("Pakistan has been conducting airstrikes")


def test_deportation_of_afghan_refugees_since_2023(seed_events):
    [deport] = find(seed_events, "000", type="COERCE", mode="deport", source="PAK", target="AFG.REF").itertuples()
    assert deport.date == "2023" and deport.quad == "material_conflict"


def test_taliban_warning_to_pakistan(seed_events):
    warning = find(seed_events, "000", type="THREATEN", source="AFG.TALIBAN", target="PAK")
    assert len(warning) and "anti-Taliban initiatives" in warning.iloc[0].evidence


def test_defence_minister_visit_to_kabul(seed_events):
    visit = find(seed_events, "002", type="CONSULT", mode="visit", source="PER:khawaja-asif")
    assert len(visit) and "visit of Khawaja Muhammad Asif" in visit.iloc[0].evidence


def test_kidnapping_of_police_officers_in_swat(seed_events):
    [kidnap] = find(seed_events, "003", type="ASSAULT", mode="abduct", target="PAK.COP").itertuples()
    assert "kidnapped four police officers in Swat" in kidnap.evidence
    assert kidnap.location and '"Swat"' in kidnap.location


def test_planned_hosting_of_an_afghan_opposition_office(seed_events):
    office = seed_events[(seed_events.seed == "000") & seed_events.evidence.str.contains("preparing to permit")]
    hosting = office[office.target == "AFG.OPP"]
    assert len(hosting) and "planned" in set(hosting.status)
    assert set(hosting.source.str[:3]) == {"PAK"}


def test_taliban_refusal_of_responsibility_for_the_ttp(seed_events):
    refusal = find(seed_events, "001", type="REJECT", source="AFG.TALIBAN")
    assert len(refusal) and "rejects responsibility" in refusal.iloc[0].evidence
    assert refusal.iloc[0].date.startswith("2026")


def test_the_visit_to_kabul_is_dated_2023(seed_events):
    visit = find(seed_events, "002", type="CONSULT", mode="visit", source="PER:khawaja-asif")
    assert visit.iloc[0].date.startswith("2023") and visit.iloc[0].target.startswith("AFG")


def test_the_swat_kidnappers_are_the_ttp(seed_events):
    [kidnap] = find(seed_events, "003", type="ASSAULT", mode="abduct", target="PAK.COP").itertuples()
    assert kidnap.source == "PAK.TTP"
