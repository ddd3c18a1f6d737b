"""Date expressions in English news text, found with regular expressions.

Only what the page states is returned: a date without a year keeps `year=None` and is completed later
from other dates of the same page (`infer_year`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Month names must be capitalised: 'may' and 'march' are also common verbs.
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r"),?\s+)?"

PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::\d\d)?)?")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")),
    ("day_month_year", re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")),
    ("month_year", re.compile(_MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    ("month_day", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b(?![:\d])")),
    ("day_month", re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r"\b")),
    ("decade", re.compile(r"\b(?P<year>(?:19|20)\d)0s\b")),
    ("year", re.compile(r"\b" + _YEAR + r"\b")),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    decade: bool = False

    @property
    def iso(self) -> str | None:
        """ISO 8601 at the precision known; None without a year."""
        if self.year is None:
            return None
        if self.decade:
            return f"{self.year}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> "DateMention":
        return DateMention(self.start, self.end, self.text, year, self.month, self.day, self.weekday)


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year or 2000, month or 1, day)  # 2000 is a leap year, so 29 Feb passes without a year
    except ValueError:
        return False
    return True


def _from_match(kind: str, m: re.Match) -> DateMention | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "decade":
        return DateMention(m.start(), m.end(), m.group(0), int(g["year"]) * 10, decade=True)
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # Day first unless that is impossible: most of the world writes 22/10/2025.
        day, month = (a, b) if b <= 12 else (b, a)
        if month > 12:
            return None
    else:
        month_text = g.get("month")
        month = None if month_text is None else (
            int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")])
        day = int(g["day"]) if g.get("day") else None
    if not _valid(year, month, day):
        return None
    weekday = WEEKDAYS.index(g["weekday"].lower()) if g.get("weekday") else None
    return DateMention(m.start(), m.end(), m.group(0), year, month, day, weekday)


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in text, longest first where they overlap, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _from_match(kind, m)
            if mention is not None:
                taken.append((m.start(), m.end()))
                found.append(mention)
    return sorted(found, key=lambda d: d.start)


def infer_year(mention: DateMention, anchors: list[DateMention], latest_content: tuple[int, int] | None) -> int | None:
    """The year of a date written without one ('Oct 21', 'last Wednesday, August 10').

    Prefer a year in which the stated weekday fits; then the year of a full date on the same page that
    lies at most two months after it (a dateline and its footer date); then the first year in which the
    date falls on or after the latest month the content talks about (a blog dated 'Jan 12' discussing
    October 2025 was written in January 2026).
    """
    if mention.month is None:
        return None
    candidates = _anchor_years(mention, anchors, latest_content)
    if mention.weekday is not None and mention.day is not None:
        fitting = [y for y in candidates if _weekday(y, mention.month, mention.day) == mention.weekday]
        if fitting:
            return fitting[0]
        base = candidates[0] if candidates else None
        if base is not None:
            for year in range(base, base + 12):
                if _weekday(year, mention.month, mention.day) == mention.weekday:
                    return year
    return candidates[0] if candidates else None


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _anchor_years(mention: DateMention, anchors: list[DateMention], latest: tuple[int, int] | None) -> list[int]:
    years: list[int] = []
    target = (mention.month or 1, mention.day or 1)
    for anchor in anchors:
        if anchor.year is None or anchor.month is None:
            continue
        for year in (anchor.year, anchor.year - 1):
            gap = _months_between((year, *target), (anchor.year, anchor.month, anchor.day or 1))
            if 0 <= gap <= 2 and year not in years:
                years.append(year)
    if latest is not None:
        year = latest[0] if (mention.month or 1) >= latest[1] else latest[0] + 1
        if year not in years:
            years.append(year)
    return years


def _months_between(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    return ((b[0] - a[0]) * 12 + (b[1] - a[1])) + (b[2] - a[2]) / 31
