"""HTML pages: trafilatura finds the main text and metadata; furniture it lets through is dropped."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.lines import split_lines
from newsgraph.clean.text import classify, furniture_label


class HtmlError(ValueError):
    """The page has no text we can extract; the message says why."""


@dataclass
class HtmlResult:
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def extract_html(html: str) -> HtmlResult:
    import trafilatura

    # Recall mode: trafilatura's precision mode drops body paragraphs that sit apart from the main block
    # (after an inline teaser, in a bare div or span); the furniture filter below restores the precision.
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        doc = None
        error = exc
    else:
        error = None
    if doc is None or not (doc.text or "").strip():
        return fallback_text(html, error)
    title = (doc.title or "").strip() or None
    return HtmlResult(text=main_text(doc.text, title), title=title, publisher=doc.sitename or None,
                      authors=split_authors(doc.author), published=doc.date or None)


def main_text(text: str, title: str | None) -> str:
    """Paragraphs one per block, furniture lines dropped, the headline first."""
    paragraphs = [line.text for line in split_lines(text) if not furniture_label(line)]
    if title and (not paragraphs or paragraphs[0].strip() != title):
        paragraphs = [title] + [p for p in paragraphs if p.strip() != title]
    return "\n\n".join(paragraphs)


def split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    return [name.strip() for name in author.replace(" and ", ";").split(";") if name.strip()]


def fallback_text(html: str, error: Exception | None) -> HtmlResult:
    """Markup trafilatura cannot read: take all visible text and clean it as a plain-text page."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError) as exc:
        raise HtmlError(f"malformed HTML: no text could be parsed ({exc})") from None
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    text = "\n".join(chunk.strip() for chunk in tree.itertext() if chunk.strip())
    page = classify(text)
    if not page.kept:
        detail = f" ({type(error).__name__})" if error else ""
        raise HtmlError(f"malformed HTML: no article text found{detail}")
    title = tree.findtext(".//title")
    return HtmlResult(text=page.text(), title=title.strip() if title else None)
