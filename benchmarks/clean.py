"""Cleaning speed: documents/s and MB/s over 2,000 generated pages, and the ratio to trafilatura alone.

    python benchmarks/clean.py [--docs 2000]

Half the pages are HTML (nav, article, related list, comments, footer), half plain-text scrapes (menu,
ticker, headline, byline, body, 'See also', footer). The ratio compares newsgraph's whole clean stage
(decode, repair, extract, metadata, language, MinHash) with trafilatura's bare extraction on the same
HTML pages.
"""
from __future__ import annotations

import argparse
import random
import time

import trafilatura

from newsgraph.clean import clean
from newsgraph.records import RawItem

SUBJECTS = ["Pakistani officials", "The Taliban administration", "Afghan traders", "Border commanders",
            "The foreign ministry", "Analysts in Islamabad", "Residents of Chaman", "The army's media wing"]
VERBS = ["said on Monday that", "warned that", "told reporters that", "argued in a statement that",
         "confirmed late on Tuesday that", "denied reports that"]
CLAUSES = ["the crossing at Torkham would stay closed until further notice",
           "trade worth millions of dollars had been held up at the frontier",
           "talks mediated by Qatar and Turkey would resume next week",
           "several militants had been killed in an operation near the border",
           "refugees without documents would be given another month to leave",
           "the ceasefire agreed in Doha was holding despite sporadic firing"]
OTHER = ["Floods displace thousands in southern Brazil", "Central bank holds rates for a third month",
         "Champions league draw pits holders against finalists", "New smartphone sales beat forecasts"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}."


def paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def html_page(rng: random.Random, i: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, rng.randint(5, 10)))
    related = "".join(f"<li><a href='/r{j}'>{rng.choice(OTHER)}</a></li>" for j in range(4))
    return (f"<html><head><title>Border report {i} | Frontier Daily</title>"
            f"<meta property='article:published_time' content='2024-0{i % 9 + 1}-1{i % 9}'></head><body>"
            "<nav><a href='/'>Home</a><a href='/world'>World</a><a href='/sport'>Sport</a></nav>"
            f"<article><h1>Border report {i}</h1><p class='byline'>By Staff Writer</p>{body}</article>"
            f"<aside><h3>Related</h3><ul>{related}</ul></aside>"
            "<section class='comments'><p>Great piece!</p></section>"
            "<footer>&copy; 2024 Frontier Daily. All rights reserved.</footer></body></html>")


def text_page(rng: random.Random, i: int) -> str:
    menu = "\n".join(["Frontier Daily", "Home", "World", "Politics", "Sport"])
    ticker = "BREAKING\n" + "\n".join(rng.sample(OTHER, 3))
    body = paragraphs(rng, rng.randint(5, 10))
    body.insert(3, f"See also  {rng.choice(OTHER)}")
    parts = [menu, ticker, f"Border report {i}", "By Hina Baloch", f"1{i % 9} May 2024", *body,
             "Share this article\nFacebook\nX", "Most Read", *rng.sample(OTHER, 3), "© 2024 Frontier Daily"]
    return "\n\n".join(parts)


def corpus(n: int) -> list[RawItem]:
    rng = random.Random(7)
    items = []
    for i in range(n):
        kind = "html" if i % 2 == 0 else "text"
        page = html_page(rng, i) if kind == "html" else text_page(rng, i)
        items.append(RawItem(source=f"gen/{i}", identity=f"gen/{i}", kind=kind, data=page.encode()))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    items = corpus(args.docs)
    clean(items[0])  # load language model and imports outside the timing
    megabytes = sum(len(i.data) for i in items) / 1e6

    started = time.perf_counter()
    docs = [clean(i) for i in items]
    elapsed = time.perf_counter() - started
    ok = sum(d.status == "ok" for d in docs)

    html = [i for i in items if i.kind == "html"]
    started = time.perf_counter()
    ours_html = [clean(i) for i in html]
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for item in html:
        trafilatura.bare_extraction(item.data.decode(), with_metadata=True, include_comments=False)
    theirs = time.perf_counter() - started
    del ours_html

    print(f"documents        {len(items)} ({len(html)} HTML, {len(items) - len(html)} plain text), {ok} cleaned ok")
    print(f"documents/s      {len(items) / elapsed:.0f}")
    print(f"MB/s             {megabytes / elapsed:.2f}")
    print(f"HTML documents/s {len(html) / ours:.0f}")
    print(f"ratio to trafilatura alone on the HTML pages: {ours / theirs:.2f}x its time")


if __name__ == "__main__":
    main()
