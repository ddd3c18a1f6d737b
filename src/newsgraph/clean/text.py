"""Plain-text pages: keep the article (headline, byline, dateline, body), drop the page around it.

Scraped pages have no markup left, so each line is judged by its own shape (length, function words,
final punctuation, bullets) and by its place in the page: what comes before the headline is navigation,
what follows the last paragraph or a 'Most read' label is furniture, a label such as 'Related' starts a
list of other headlines, and lines that repeat a body paragraph are pull-quotes. Lines are never edited
beyond whitespace and list bullets, so the kept text is the page's own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.clean import patterns as P
from newsgraph.clean.lines import Line, content_words, split_lines
from newsgraph.time.dates import find_dates

FURNITURE = {"widget", "teaser", "caption", "ticker", "ticker-label", "menu", "related-label", "terminal-label"}


@dataclass
class Page:
    """A classified page: every line labelled, plus the parts metadata extraction needs."""

    lines: list[Line]
    headline: Line | None
    body_start: int
    body_end: int  # exclusive

    @property
    def header(self) -> list[Line]:
        return self.lines[: self.body_start]

    @property
    def tail(self) -> list[Line]:
        return self.lines[self.body_end:]

    @property
    def kept(self) -> list[Line]:
        return [line for line in self.lines if line.keep]

    def text(self) -> str:
        parts = [headline_text(line.text) if line.label == "headline" else display(line) for line in self.kept]
        return "\n\n".join(parts)

    def dropped(self) -> list[tuple[str, str]]:
        return [(line.label, line.text) for line in self.lines if not line.keep]


def classify(text: str) -> Page:
    lines = split_lines(text)
    mark_furniture(lines)
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    if not prose:
        return keep_sentences_only(lines)
    terminal = next((i for i, line in enumerate(lines) if line.label == "terminal-label" and i > prose[0]), len(lines))
    prose = [i for i in prose if i < terminal]
    vocabulary = body_vocabulary([lines[i] for i in prose])
    headline = find_headline(lines, prose[0])
    start = headline.index + 1 if headline else first_on_topic(lines, prose, vocabulary)
    end = body_end(lines, prose[-1], terminal, vocabulary)
    page = Page(lines, headline, start, end)
    mark_zones(page, vocabulary)
    return page


# --- furniture: lines that are page furniture wherever they stand ---------------------------------

def mark_furniture(lines: list[Line]) -> None:
    for line in lines:
        line.label = furniture_label(line)
    mark_tickers(lines)
    mark_menus(lines)


def furniture_label(line: Line) -> str:
    text = line.text
    if P.TERMINAL_LABEL.match(text):
        return "terminal-label"
    if P.TICKER_LABEL.match(text):
        return "ticker-label"
    if P.RELATED_LABEL.match(text):
        return "related-label"
    if line.n_words <= 25 and P.WIDGET.search(text):
        return "widget"
    if line.n_words <= 20 and P.TEASER.match(text):
        return "teaser"
    if line.n_words <= 40 and P.CAPTION.search(text):
        return "caption"
    return ""


def mark_tickers(lines: list[Line]) -> None:
    """A ticker label and the run of lines under it; or a run of one-line headlines with no full stop."""
    for i, line in enumerate(lines):
        if line.label == "ticker-label":
            for follower in run_after(lines, i):
                follower.label = "ticker"
    for run in runs(lines):
        headline_like = [ln for ln in run if ln.n_words >= 6 and not ln.ends_sentence and not ln.bullet]
        if len(run) >= 3 and len(headline_like) == len(run):
            for line in run:
                line.label = line.label or "ticker"


def mark_menus(lines: list[Line]) -> None:
    """Runs of very short lines (navigation, tags, social links)."""
    for run in runs(lines):
        short = [ln for ln in run if ln.n_words <= 4 and not ln.ends_sentence and not is_meta_line(ln)]
        if len(short) >= 3 and len(short) >= 0.7 * len(run):
            for line in short:
                line.label = line.label or "menu"


def runs(lines: list[Line]) -> list[list[Line]]:
    """Groups of lines not separated by a blank line."""
    groups: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not groups:
            groups.append([])
        groups[-1].append(line)
    return groups


def run_after(lines: list[Line], index: int) -> list[Line]:
    follow = []
    for line in lines[index + 1:]:
        if line.blank_before and follow:
            break
        follow.append(line)
    return follow


# --- the body ------------------------------------------------------------------------------------------

def is_prose(line: Line) -> bool:
    """A body paragraph: strong prose that ends like a sentence (headlines do not), or is very long."""
    return not line.label and line.is_strong() and (
        (line.ends_sentence and not line.text.endswith("?")) or line.n_words >= 30)


def body_vocabulary(prose: list[Line]) -> Counter:
    vocabulary: Counter = Counter()
    for line in prose:
        vocabulary.update(content_words(line))
    return vocabulary


def overlap(line: Line, vocabulary: Counter) -> float:
    """Share of a line's content words that the body uses elsewhere (its own use discounted)."""
    words = content_words(line)
    if not words:
        return 0.0
    own = content_words(line) if line.is_strong() else set()
    return sum(vocabulary[w] - (w in own) > 0 for w in words) / len(words)


def first_on_topic(lines: list[Line], prose: list[int], vocabulary: Counter) -> int:
    """Where the body starts when no headline is found: at the first paragraph that shares the body's
    vocabulary, or at the text's very first line when that is already prose (a bare article starts with its
    lede, whose words the later paragraphs need not repeat)."""
    if prose[0] == 0:
        return 0
    for i in prose:
        if overlap(lines[i], vocabulary) >= 0.15:
            return i
    return prose[0]


def body_end(lines: list[Line], last_prose: int, terminal: int, vocabulary: Counter) -> int:
    """After the last paragraph, on-topic sentences that follow it directly still belong to the body."""
    end = last_prose + 1
    while end < terminal:
        line = lines[end]
        on_topic = overlap(line, vocabulary) >= 0.2 or line.stop_ratio >= 0.25
        if line.label or not line.is_sentence() or not on_topic:
            break
        end += 1
    return end


# --- headline -------------------------------------------------------------------------------------------

def title_key(text: str) -> str:
    return " ".join(headline_text(text).lower().split())


def headline_text(text: str) -> str:
    """'Home World Title | Section | Site' -> 'Title'."""
    first = text.split(" | ")[0].strip()
    return P.BREADCRUMB.sub("", first).strip() or first


def find_headline(lines: list[Line], first_prose: int) -> Line | None:
    keys = Counter(title_key(line.text) for line in lines)
    best, best_score = None, 1
    for line in lines[:first_prose]:
        if line.label or not 3 <= len(headline_text(line.text).split()) <= 35 or is_meta_line(line):
            continue
        score = headline_score(line, lines, keys, first_prose)
        if line.index == 0:
            score += 1
        if score > best_score or (score == best_score and best is None):
            best, best_score = line, score
    return best


def headline_score(line: Line, lines: list[Line], keys: Counter, first_prose: int) -> int:
    score = 0
    key = title_key(line.text)
    if keys[key] >= 2 or any(title_key(other.text) == key for other in lines[first_prose:] if other is not line):
        score += 2
    following = lines[line.index + 1: line.index + 7]
    if any(is_meta_line(f) for f in following):
        score += 2
    if any(is_prose(f) for f in lines[line.index + 1: line.index + 9]):
        score += 1
    if line.bullet:
        score -= 2
    if line.text.endswith("."):
        score -= 1
    if any(other.key == line.key for other in lines[first_prose:] if other.index > first_prose + 3 and
           other.index >= len(lines) - 15):
        score -= 3  # the site name: repeated in the footer
    return score


# --- byline, date and source lines ---------------------------------------------------------------

def is_byline(line: Line) -> bool:
    return bool(P.BYLINE.match(line.text)) and line.n_words <= 12


def is_date_line(line: Line) -> bool:
    return line.n_words <= 8 and is_date_text(line.text)


@lru_cache(maxsize=4096)
def is_date_text(text: str) -> bool:
    """A line that is only a date, perhaps with a time and a word or two ('Published: 3 May 2024 09:15')."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for d in dates:
        rest = rest.replace(d.text, " ")
    leftover = [w for w in rest.replace(":", " ").split() if any(c.isalpha() for c in w)]
    return len(leftover) <= 3


def is_name_line(line: Line) -> bool:
    """'Jane Doe', or 'Jane Doe Jane Doe' as avatar text and name scrape into one line."""
    words = line.text.split()
    if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
        words = words[: len(words) // 2]
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                        for w in words)


def is_meta_line(line: Line) -> bool:
    return is_byline(line) or is_date_line(line) or bool(P.SOURCE_LINE.match(line.text))


def display(line: Line) -> str:
    if line.label == "byline" and is_name_line(line):
        words = line.text.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and words[:half] == words[half:]:
            return " ".join(words[:half])
    return line.text


# --- zones ---------------------------------------------------------------------------------------------

def mark_zones(page: Page, vocabulary: Counter) -> None:
    for line in page.header:
        line.label = line.label or "before-article"
    if page.headline is not None:
        page.headline.keep, page.headline.label = True, "headline"
    mark_body(page, vocabulary)
    for line in page.tail:
        line.label = line.label or "after-article"


def mark_body(page: Page, vocabulary: Counter) -> None:
    body = page.lines[page.body_start: page.body_end]
    seen = {title_key(page.headline.text)} if page.headline else set()
    keepers = pull_quote_keepers(body)
    in_related = False
    first_prose = next((i for i, line in enumerate(body) if is_prose(line)), len(body))
    for i, line in enumerate(body):
        if line.label == "related-label":
            in_related = True
            continue
        if line.label:
            continue
        if in_related and not is_prose(line):
            line.label = "related"
            continue
        in_related = False
        label = body_label(line, i < first_prose, body, i)
        if label == "byline" and is_name_line(line) and any(display(line) in k.text for k in page.kept):
            label = "duplicate"  # the name again, after 'Writer: <name>'
        if line.key in seen or title_key(line.text) in seen:
            label = "duplicate"
        elif line.key in keepers and keepers[line.key] is not line:
            label = "duplicate"  # a pull-quote; the plain copy elsewhere is kept
            label = "duplicate"
        line.label = label
        line.keep = label in {"body", "subheading", "byline", "dateline"}
        if line.keep:
            seen.add(line.key)


def body_label(line: Line, before_prose: bool, body: list[Line], i: int) -> str:
    if before_prose and is_byline(line):
        names = P.BYLINE.match(line.text).group("names")
        return "generic-byline" if P.GENERIC_AUTHORS.match(names.strip()) else "byline"
    if P.SOURCE_LINE.match(line.text):
        return "source"
    if before_prose and is_date_line(line):
        return "dateline"
    if before_prose and is_name_line(line) and near_meta(body, i):
        return "byline"
    if line.is_strong() or line.is_sentence():
        return "body"
    if is_subheading(line, body, i):
        return "subheading"
    return "fragment"


def near_meta(body: list[Line], i: int) -> bool:
    return any(is_meta_line(other) for other in body[max(0, i - 3): i + 4] if other is not body[i])


def is_subheading(line: Line, body: list[Line], i: int) -> bool:
    """A short title-like line standing alone just before a paragraph."""
    if line.n_words > 14 or line.text.endswith((".", ",", ";")) or line.bullet or not line.blank_before:
        return False
    following = next((f for f in body[i + 1:] if f.label not in FURNITURE), None)
    return following is not None and not following.label and (following.is_strong() or following.is_sentence())


def pull_quote_keepers(body: list[Line]) -> dict[str, Line]:
    """For a paragraph that appears several times, the copy to keep: the plain one, not the bulleted quote."""
    groups: dict[str, list[Line]] = {}
    for line in body:
        if line.is_strong():
            groups.setdefault(line.key, []).append(line)
    return {key: next((ln for ln in copies if not ln.bullet and not ln.indented), copies[0])
            for key, copies in groups.items() if len(copies) > 1}


def keep_sentences_only(lines: list[Line]) -> Page:
    """No paragraph of prose at all: keep whatever complete sentences there are."""
    for line in lines:
        if not line.label and line.is_sentence():
            line.keep, line.label = True, "body"
        else:
            line.label = line.label or "fragment"
    return Page(lines, None, 0, len(lines))
