"""When did it happen? Date expressions in a sentence resolved against the publication date.

Explicit dates come from `find_dates`; a date without a year takes the latest year that does not put it
after publication. Relative expressions ('on Sunday', 'last week', 'in October', 'two years ago', 'in
recent months') are resolved against the publication date: dateparser (English only) for 'N units ago',
our own rules for the vague phrases it does not handle.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.time.dates import MONTHS, WEEKDAYS, find_dates

_WEEKDAY = re.compile(r"\b(?:(last|next|this|on|since|by)\s+)?(" + "|".join(w.capitalize() for w in WEEKDAYS)
                      + r")\b(?!,?\s+(?:[A-Z][a-z]+\.?\s+)?\d)")
# A sentence about what is still to come: its bare weekdays lie ahead of the publication date.
FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:set|due|scheduled|expected) to|(?:plans?|planning) to)\b",
                    re.I)
_MONTH_ALONE = re.compile(r"\b(?i:(?:in|since|by|until|from|during|early|late|mid|mid-|last|this|next)\s+)"
                          r"(" + "|".join(m.capitalize() for m in list(MONTHS)[:12]) + r")\b(?![\s,]+\d)")
_AGO = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
                  r"(?:day|week|month|year|decade)s?\s+ago\b", re.I)
_VAGUE = [
    (re.compile(r"\b(?:yesterday|last night)\b", re.I), lambda p: (p - dt.timedelta(days=1), "day")),
    (re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", re.I), lambda p: (p, "day")),
    (re.compile(r"\btomorrow\b", re.I), lambda p: (p + dt.timedelta(days=1), "day")),
    (re.compile(r"\blast week\b", re.I), lambda p: (p - dt.timedelta(days=7), "month")),
    (re.compile(r"\b(?:this|earlier this|later this) week\b", re.I), lambda p: (p, "month")),
    (re.compile(r"\blast month\b", re.I), lambda p: (_month_back(p, 1), "month")),
    (re.compile(r"\b(?:this|earlier this|later this) month\b", re.I), lambda p: (p, "month")),
    (re.compile(r"\blast year\b", re.I), lambda p: (p.replace(year=p.year - 1, day=1), "year")),
    (re.compile(r"\b(?:this|earlier this|later this) year\b", re.I), lambda p: (p, "year")),
    (re.compile(r"\bin recent (?:days|weeks)\b", re.I), lambda p: (p, "month")),
    (re.compile(r"\b(?:in recent months|recently|in the past few months)\b", re.I), lambda p: (p, "year")),
]


@dataclass(frozen=True)
class When:
    start: int
    end: int
    iso: str
    precision: str  # day | month | year | decade


def parse_published(published: str | None) -> tuple[dt.date | None, str | None]:
    """The publication date and its precision ('2022-08' is month precision)."""
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published or "")
    if not m:
        return None, None  # not an ISO date (a feed may state anything): no anchor rather than a crash
    parts = [int(p) for p in m.groups() if p]
    try:
        date = dt.date(*(parts + [1] * (3 - len(parts))))
    except ValueError:
        return None, None  # '2024-02-30', year 0
    return date, {1: "year", 2: "month", 3: "day"}[len(parts)]


def iso_at(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def find_whens(text: str, published: str | None) -> list[When]:
    """Every time expression in `text` (a sentence) resolved to an ISO date, in text order."""
    pub, pub_precision = parse_published(published)
    found: list[When] = []
    for mention in find_dates(text):
        when = _explicit(mention, pub)
        if when:
            found.append(when)
    if pub is not None:
        day_known = pub_precision == "day"
        future = bool(FUTURE.search(text))
        found += [w for w in (_weekday(m, pub, future) for m in _WEEKDAY.finditer(text)) if w and day_known]
        found += [w for w in (_month(m, pub) for m in _MONTH_ALONE.finditer(text)) if w]
        found += [w for w in (_ago(m, pub) for m in _AGO.finditer(text)) if w]
        for pattern, resolve in _VAGUE:
            for m in pattern.finditer(text):
                date, precision = resolve(pub)
                if day_known or precision != "day":
                    found.append(When(m.start(), m.end(), iso_at(date, precision), precision))
    found = [w for w in found if not any(o is not w and o.start <= w.start and w.end <= o.end
                                         and (o.end - o.start) > (w.end - w.start) for o in found)]
    return sorted(found, key=lambda w: w.start)


def _explicit(mention, pub: dt.date | None) -> When | None:
    year = mention.year
    if year is None:
        if pub is None or mention.month is None:
            return None
        year = pub.year if (mention.month, mention.day or 1) <= (pub.month, pub.day + 7) else pub.year - 1
    if mention.decade:
        return When(mention.start, mention.end, f"{year:04d}", "decade")
    if mention.month is None:
        return When(mention.start, mention.end, f"{year:04d}", "year")
    if mention.day is None:
        return When(mention.start, mention.end, f"{year:04d}-{mention.month:02d}", "month")
    return When(mention.start, mention.end, f"{year:04d}-{mention.month:02d}-{mention.day:02d}", "day")


def _weekday(m: re.Match, pub: dt.date, future: bool = False) -> When | None:
    """'on Sunday' in a news story is the latest Sunday up to publication; 'next Saturday', or 'on
    Saturday' in a sentence about what is to come ('are set to meet again on Saturday'), the coming one."""
    target = WEEKDAYS.index(m.group(2).lower())
    if (m.group(1) or "").lower() == "next" or (future and (m.group(1) or "").lower() != "last"):
        delta = (target - pub.weekday()) % 7 or 7
        date = pub + dt.timedelta(days=delta)
    else:
        date = pub - dt.timedelta(days=(pub.weekday() - target) % 7)
    return When(m.start(2), m.end(), date.isoformat(), "day")


def _month(m: re.Match, pub: dt.date) -> When | None:
    month = MONTHS[m.group(1).lower()]
    year = pub.year if month <= pub.month else pub.year - 1
    return When(m.start(1), m.end(1), f"{year:04d}-{month:02d}", "month")


NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}


def _ago(m: re.Match, pub: dt.date) -> When | None:
    """'two years ago': plain arithmetic for the common forms (fast), dateparser for the rest."""
    words = m.group(0).lower().split()
    unit = re.search(r"(day|week|month|year|decade)", m.group(0).lower()).group(1)
    count = NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
    parsed = _subtract(pub, count, unit) if count else _dateparse(m.group(0), pub.isoformat())
    if parsed is None:
        return None
    precision = {"day": "day", "week": "month", "month": "month", "year": "year", "decade": "year"}[unit]
    return When(m.start(), m.end(), iso_at(parsed, precision), precision)


def _subtract(pub: dt.date, count: int, unit: str) -> dt.date:
    if unit == "day":
        return pub - dt.timedelta(days=count)
    if unit == "week":
        return pub - dt.timedelta(weeks=count)
    if unit == "month":
        return _month_back(pub, count)
    years = count * (10 if unit == "decade" else 1)
    return dt.date(pub.year - years, pub.month, min(pub.day, 28))


@lru_cache(maxsize=512)
def _dateparse(phrase: str, base: str) -> dt.date | None:
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(base), "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _month_back(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)
