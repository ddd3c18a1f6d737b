"""Title, publisher, authors and publication date from what a plain-text page shows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.clean import patterns as P
from newsgraph.clean.lines import Line
from newsgraph.clean.text import Page, display, headline_text, is_date_line
from newsgraph.time.dates import DateMention, find_dates, infer_year

COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                       r"(?P<name>[A-Z][^.|©]{1,50}?)\s*(?:[.,|]|all rights reserved|$)", re.I)
BIO = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}) is an? (?:[\w-]+ ){0,4}?"
                 r"(?:scholar|fellow|professor|researcher|journalist|analyst|writer|correspondent|editor|"
                 r"director|author|lecturer|reporter|columnist)\b")
NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
RELATIVE_WEEKDAY = re.compile(r"\b(?:last|this|on|past)\s+$", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def page_metadata(page: Page) -> PageMeta:
    return PageMeta(
        title=headline_text(page.headline.text) if page.headline else None,
        publisher=publisher(page),
        authors=authors(page),
        published=published(page),
    )


def body_lines(page: Page) -> list[Line]:
    return [line for line in page.kept if line.label == "body"]


# --- publisher -----------------------------------------------------------------------------------

def publisher(page: Page) -> str | None:
    for finder in (source_line_name, copyright_name, site_name, title_suffix, dateline_agency):
        name = finder(page)
        if name:
            return name.strip(" .,-–|")
    return None


def source_line_name(page: Page) -> str | None:
    for line in page.lines[: page.body_end]:
        m = P.SOURCE_LINE.match(line.text)
        if m:
            return m.group("name")
    return None


def dateline_agency(page: Page) -> str | None:
    for line in body_lines(page)[:8]:
        m = P.DATELINE.match(line.text)
        if m and m.group("agency"):
            return m.group("agency")
    return None


def title_suffix(page: Page) -> str | None:
    if page.headline and " | " in page.headline.text:
        last = page.headline.text.split(" | ")[-1].strip()
        if 1 <= len(last.split()) <= 5:
            return last
    return None


def copyright_name(page: Page) -> str | None:
    for line in page.tail:
        if re.match(r"^(©|\(c\)|copyright)", line.text, re.I):
            m = COPYRIGHT.match(line.text)
            if m and len(m.group("name").split()) <= 5:
                return m.group("name")
    return None


def site_name(page: Page) -> str | None:
    """A short name line that both opens and closes the page (masthead and footer)."""
    head = {line.key: line for line in page.header[:10] if 1 <= line.n_words <= 4}
    for line in reversed(page.tail):
        if line.key in head and line.text[:1].isupper():
            return line.text
    return None


# --- authors -------------------------------------------------------------------------------------

def authors(page: Page) -> list[str]:
    outlets = {name.lower() for name in (dateline_agency(page), copyright_name(page), site_name(page),
                                         title_suffix(page), source_line_name(page)) if name}
    names: list[str] = []
    for line in page.kept:
        if line.label != "byline":
            continue
        m = P.BYLINE.match(line.text)
        text = m.group("names") if m else display(line)
        for name in NAME_SPLIT.split(text):
            name = name.strip(" .")
            if name and not P.GENERIC_AUTHORS.match(name) and name not in names and len(name.split()) <= 5 \
                    and name.lower() not in outlets:
                names.append(name)
    return names or bio_author(page)


def bio_author(page: Page) -> list[str]:
    """'Jane Doe is a senior fellow at …' closing the article names its author."""
    closing = body_lines(page)[-2:] + page.tail[:5]
    for line in closing:
        m = BIO.match(line.text)
        if m:
            return [m.group("name")]
    return []


# --- publication date ----------------------------------------------------------------------------

def published(page: Page) -> str | None:
    """The article's own date: dateline, then a date line near the headline, then the footer."""
    anchors = [d for line in page_date_lines(page) for d in find_dates(line.text) if d.year and d.day]
    latest = latest_content_month(page)
    for mention in candidate_dates(page):
        if mention.year is None:
            year = infer_year(mention, anchors, latest) or furniture_year(page)
            if year is None:
                continue
            mention = mention.with_year(year)
        return mention.iso
    return relative_weekday_date(page, latest)


def page_date_lines(page: Page) -> list[Line]:
    """Lines that are only a date, in the byline area or the footer (not in lists of other articles)."""
    before_terminal = []
    for line in page.lines:
        if line.label == "terminal-label":
            break
        before_terminal.append(line)
    return [line for line in before_terminal if not line.keep or line.label == "dateline"
            if is_date_line(line) and line.label not in ("ticker", "related")]


def candidate_dates(page: Page) -> list[DateMention]:
    found: list[DateMention] = []
    for line in body_lines(page)[:8]:
        m = P.DATELINE.match(line.text)
        if m:
            found.extend(find_dates(m.group("date")))
    lines = page_date_lines(page)
    near_top = [line for line in lines if line.index < page.body_start + 12]
    footer = [line for line in lines if line not in near_top]
    for line in near_top + footer:
        found.extend(d for d in find_dates(line.text) if d.month)
    return found


def furniture_year(page: Page) -> int | None:
    """A year in a breadcrumb ('Archive > 2023 > November') or the copyright line: the weakest hint."""
    for line in page.header + page.tail:
        if line.label in ("before-article", "widget", "after-article") and (">" in line.text or "©" in line.text
                                                                          or "(c)" in line.text.lower()):
            years = [d.year for d in find_dates(line.text) if d.year and not d.decade]
            if years:
                return max(years)
    return None


def latest_content_month(page: Page) -> tuple[int, int] | None:
    months = [(d.year, d.month or 1) for line in body_lines(page) for d in find_dates(line.text)
              if d.year and not d.decade]
    return max(months) if months else None


def relative_weekday_date(page: Page, latest: tuple[int, int] | None) -> str | None:
    """'last Wednesday, August 10' in the body: the article appeared within the following week."""
    for line in body_lines(page):
        for mention in find_dates(line.text):
            if mention.weekday is None or mention.month is None or mention.day is None:
                continue
            if not RELATIVE_WEEKDAY.search(line.text[: mention.start]):
                continue
            year = mention.year or infer_year(mention, [], latest)
            if year:
                return f"{year:04d}-{mention.month:02d}"
    return None
