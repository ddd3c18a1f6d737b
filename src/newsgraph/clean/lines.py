"""Line features for the plain-text boilerplate classifier."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLET = re.compile(r"^(?:[•·●▪◦‣∙■□►▸\-–*]\s*)+")
WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even few for from further had has have
having he her here hers him his how i if in into is it its itself just may might more most much must my no
nor not now of off on once only or other our out over own same she should since so some such than that the
their them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would yet you your however although despite among amid within without
""".split())


@dataclass
class Line:
    """One non-blank line of a page, with what the classifier decided about it."""

    index: int
    text: str                 # whitespace-normalised, list bullet removed
    bullet: bool
    indented: bool
    blank_before: bool
    blank_after: bool = False
    words: list[str] = field(default_factory=list)
    label: str = ""           # why it was kept or dropped
    keep: bool = False

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def key(self) -> str:
        return " ".join(self.text.lower().split())

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))

    @property
    def stop_ratio(self) -> float:
        return sum(w.lower() in STOPWORDS for w in self.words) / max(1, self.n_words)

    @property
    def lower_ratio(self) -> float:
        return sum(w[0].islower() for w in self.words) / max(1, self.n_words)

    def is_strong(self) -> bool:
        """A paragraph of running prose: long, with function words and mostly lower-case words."""
        return self.n_words >= 15 and self.stop_ratio >= 0.18 and self.lower_ratio >= 0.4

    def is_sentence(self) -> bool:
        """A short but complete sentence: a one-line body paragraph or a list item of prose."""
        return (self.n_words >= 3 and self.ends_sentence and self.lower_ratio >= 0.35
                and (self.stop_ratio >= 0.15 or self.lower_ratio >= 0.6))


def content_words(line: Line) -> set[str]:
    return {w.lower().strip(".'’") for w in line.words if len(w) > 3 and w.lower() not in STOPWORDS}


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their layout; hard-wrapped prose lines are joined first."""
    lines: list[Line] = []
    blank = True
    previous_raw = ""
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            if lines:
                lines[-1].blank_after = True
            continue
        bullet = BULLET.match(stripped)
        body = stripped[bullet.end():].strip() if bullet else stripped
        if not body:
            continue
        wrapped = lines and not blank and is_wrapped(previous_raw, lines[-1], body)
        previous_raw = stripped
        if wrapped:
            lines[-1].text += " " + body
            lines[-1].words = WORD.findall(lines[-1].text)
            continue
        lines.append(Line(index=len(lines), text=body, bullet=bool(bullet),
                          indented=raw[:1].isspace(), blank_before=blank, words=WORD.findall(body)))
        blank = False
    return lines


def is_wrapped(previous_raw: str, previous: Line, following: str) -> bool:
    """A line continues the previous one when that one broke mid-sentence at a typical wrap width."""
    return (45 <= len(previous_raw) <= 100 and not previous.bullet and not previous.ends_sentence
            and following[:1].islower())
