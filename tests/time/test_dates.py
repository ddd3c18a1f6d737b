from newsgraph.time.dates import find_dates, infer_year


def iso(text):
    return [(d.text, d.iso) for d in find_dates(text)]


def test_forms():
    assert iso("20 Apr 2023 13:49") == [("20 Apr 2023", "2023-04-20")]
    assert iso("Published: 22/10/2025") == [("22/10/2025", "2025-10-22")]
    assert iso("on 10/22/2025") == [("10/22/2025", "2025-10-22")]
    assert iso("March 19, 2024 and 2024-03-20T09:00") == [("March 19, 2024", "2024-03-19"),
                                                          ("2024-03-20T09:00", "2024-03-20")]
    assert iso("in October 2025, since 2023") == [("October 2025", "2025-10"), ("2023", "2023")]
    assert iso("Pakistan may allow it; troops march") == []  # verbs, not months


def test_year_inference():
    dateline = find_dates("Islamabad, Oct 21 (NationPress)")[0]
    assert infer_year(dateline, find_dates("22/10/2025"), None) == 2025
    blog = find_dates("Jan 12")[0]
    assert infer_year(blog, [], (2025, 10)) == 2026
    wednesday = find_dates("last Wednesday, August 10")[0]
    assert wednesday.weekday == 2 and infer_year(wednesday, [], (2021, 1)) == 2022
