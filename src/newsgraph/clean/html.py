"""HTML pages: trafilatura finds the main text and metadata; furniture it lets through is dropped."""
from __future__ import annotations

import re
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
    text = "\n".join(recover_paragraphs(html, doc.text.split("\n")))
    return HtmlResult(text=main_text(text, title), title=title, publisher=doc.sitename or None,
                      authors=split_authors(doc.author), published=doc.date or None)


BLOCKS = {"p", "div", "li", "blockquote", "td", "section", "article", "ul", "ol", "table", "h1", "h2", "h3", "h4"}
FURNITURE_BLOCK = re.compile(r"comment|related|share|social|promo|advert|\bads?\b|newsletter|sidebar|widget|"
                             r"footer|nav|menu|teaser|recommend", re.I)


def recover_paragraphs(html: str, paragraphs: list[str]) -> list[str]:
    """Paragraphs of running prose that trafilatura left out although they stand inside the article: the
    smallest element holding the paragraphs it kept. Each goes back after the kept paragraph before it.
    Blocks marked as furniture by their tag or class (comments, related links, ads, share bars) stay out."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - trafilatura read it; a recovery that cannot must change nothing
        return paragraphs
    known = {" ".join(p.split()): i for i, p in enumerate(paragraphs) if p.strip()}
    blocks = [(el, " ".join(el.text_content().split())) for el in tree.iter(*BLOCKS - {"ul", "ol", "table"})
              if not any(child.tag in BLOCKS for child in el)]
    kept = [el for el, text in blocks if text in known]
    if len(kept) < 2:
        return paragraphs
    container = common_ancestor(kept)
    out, last, added = list(paragraphs), -1, 0
    for el, text in blocks:
        if text in known:
            last = known[text]
        elif is_inside(el, container) and not is_furniture(el, container) and is_lost_prose(text):
            out.insert(last + 1 + added, text)
            added += 1
            known[text] = last
    return out


def common_ancestor(elements):
    chains = [list(el.iterancestors())[::-1] + [el] for el in elements]
    common = None
    for level in zip(*chains):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def is_inside(el, container) -> bool:
    return container is not None and any(a is container for a in el.iterancestors())


def is_furniture(el, container) -> bool:
    for node in [el, *el.iterancestors()]:
        if node is container:
            return False
        if node.tag in ("nav", "aside", "footer", "header", "form", "figcaption", "script", "style") or \
                FURNITURE_BLOCK.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def is_lost_prose(text: str) -> bool:
    line = split_lines(text)
    return len(line) == 1 and line[0].is_strong() and line[0].ends_sentence and not furniture_label(line[0])


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
