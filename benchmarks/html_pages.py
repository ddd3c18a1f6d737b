"""HTML main-text benchmark: newsgraph's HTML cleaner against trafilatura alone, on the same pages.

The pages are generated here from six page templates (semantic HTML5, WordPress-style div soup, an old
table layout, an AMP-like page, a wire layout, a CMS page split around an inline teaser), each with navigation, ads, share bars, related
links, comments and a footer around an article whose paragraphs take many shapes: long and one-line
paragraphs, subheadings, bullet lists, block quotes, a byline and a dateline. The article's own text is the
gold. Score: word-shingle (n=3) F1 of the extracted text against the gold, averaged over pages.

    python benchmarks/html_pages.py            # prints both F1s, precision and recall; exits 1 if newsgraph < trafilatura
"""
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where its name would hide the stdlib `html`.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent / "src"))

import random  # noqa: E402
import re  # noqa: E402
from collections import Counter  # noqa: E402

PLACES = ["Lagos", "Quito", "Hanoi", "Tbilisi", "Dhaka", "Nairobi", "Lima", "Tunis", "Manila", "Almaty", "Accra",
          "Bogota"]
TOPICS = [("water", "the reservoir", "engineers"), ("schools", "the new curriculum", "teachers"),
          ("transport", "the rail link", "commuters"), ("health", "the vaccination drive", "nurses"),
          ("trade", "the customs deal", "exporters"), ("energy", "the solar plant", "residents")]
SHORT = ["That changed in March.", "Not everyone agreed.", "The vote was close.", "Officials declined to comment.",
         "Few expected it.", "The talks resumed on Friday."]


def article(rng: random.Random, n: int) -> dict:
    place = PLACES[n % len(PLACES)]
    topic, thing, people = TOPICS[n % len(TOPICS)]
    long = [f"Officials in {place} said on {rng.choice(['Monday', 'Tuesday', 'Thursday'])} that work on {thing} "
            f"would resume within {rng.randint(2, 9)} weeks, after months of delays that {people} blamed on "
            f"funding disputes between the city council and the national ministry responsible for {topic}.",
            f"The project, first announced {rng.randint(2, 7)} years ago, had been expected to serve about "
            f"{rng.randint(10, 90)},000 people, but costs rose sharply as contractors struggled with supply "
            f"shortages and a dispute over land at the edge of the city.",
            f"{people.capitalize()} interviewed this week described mixed feelings: relief that {thing} was moving "
            f"again, and frustration that nobody had explained why it had stopped for so long in the first place.",
            f"A spokesperson for the ministry said the new timetable had been agreed with lenders and that the "
            f"first phase would be finished before the end of the year, weather permitting.",
            f"Independent analysts were more cautious, noting that similar promises had been made twice before "
            f"and that the budget for {topic} had been cut in each of the past three years."]
    rng.shuffle(long)
    return {"title": f"{place} restarts work on {thing} after long delay",
            "byline": f"By {rng.choice(['Amara Obi', 'Lucia Vera', 'Minh Tran', 'Nino Beridze'])}",
            "date": f"{rng.randint(1, 28)} {rng.choice(['May', 'June', 'October'])} 2024",
            "blocks": [("p", long[0]), ("p", rng.choice(SHORT)), ("p", long[1]), ("h2", "What comes next"),
                       ("p", long[2]), ("ul", [f"A new deadline for {thing}.", f"More money for {topic}.",
                                               "Monthly public reports on progress."]),
                       ("quote", f"We have waited long enough, and {people} deserve a straight answer."),
                       ("p", long[3]), ("p", rng.choice(SHORT)), ("p", long[4])]}


NAV = "<nav><ul>" + "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in
                            ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion"]) + "</ul></nav>"
RELATED = ('<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Port strike enters second week '
           'as talks stall</a></li><li><a href="/b">Central bank holds rates steady amid inflation fears</a></li>'
           '<li><a href="/c">Floods close highway north of the capital</a></li></ul></aside>')
AD = '<div class="ad-slot advertisement"><span>Advertisement</span><a href="/ads">Buy cheap flights now!</a></div>'
SHARE = ('<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a> '
         '<a href="#">Print</a></div>')
COMMENTS = ('<section id="comments" class="comments"><h3>3 Comments</h3><div class="comment"><p>Great article, '
            'thanks for sharing this with us, very informative indeed!</p></div><div class="comment"><p>I disagree '
            'with the analysts quoted here; the city has always delivered in the end.</p></div></section>')
FOOTER = ('<footer><p>© 2024 The Daily Record. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> '
          '| <a href="/terms">Terms of use</a></p><p>Sign up for our newsletter</p></footer>')


def blocks_html(blocks, p="p", h="h2") -> str:
    out = []
    for kind, value in blocks:
        if kind == "p":
            out.append(f"<{p}>{value}</{p.split()[0]}>")
        elif kind == "h2":
            out.append(f"<{h}>{value}</{h}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{v}</li>" for v in value) + "</ul>")
        else:
            out.append(f"<blockquote><p>{value}</p></blockquote>")
    return "\n".join(out)


def semantic(a):
    return (f"<!doctype html><html><head><title>{a['title']} | The Daily Record</title></head><body>{NAV}<main>"
            f"<article><h1>{a['title']}</h1><p class=\"byline\">{a['byline']}</p><time>{a['date']}</time>{SHARE}"
            f"{blocks_html(a['blocks'])}{AD}</article>{RELATED}</main>{COMMENTS}{FOOTER}</body></html>")


def wordpress(a):
    return (f"<html><head><title>{a['title']}</title></head><body><div id=\"page\"><div class=\"header\">{NAV}</div>"
            f"<div class=\"content-area\"><div class=\"post hentry\"><h1 class=\"entry-title\">{a['title']}</h1>"
            f"<div class=\"entry-meta\"><span class=\"author\">{a['byline']}</span> <span class=\"date\">{a['date']}"
            f"</span></div><div class=\"entry-content\">{blocks_html(a['blocks'])}</div>{SHARE}</div>"
            f"<div class=\"sidebar widget-area\">{RELATED}{AD}</div></div>{COMMENTS}{FOOTER}</div></body></html>")


def tables(a):
    return (f"<html><head><title>{a['title']}</title></head><body><table width=\"100%\"><tr><td colspan=2>{NAV}"
            f"</td></tr><tr><td width=\"70%\"><h1>{a['title']}</h1><p><b>{a['byline']}</b> - {a['date']}</p>"
            f"{blocks_html(a['blocks'])}</td><td>{RELATED}{AD}</td></tr><tr><td colspan=2>{FOOTER}</td></tr>"
            f"</table></body></html>")


def amp(a):
    body = blocks_html(a["blocks"], p='div class="para"', h="h3")
    return (f"<!doctype html><html amp><head><title>{a['title']}</title></head><body><header>{NAV}</header>"
            f"<div class=\"article-body\"><h1>{a['title']}</h1><div class=\"meta\">{a['byline']} · {a['date']}</div>"
            f"{body}</div>{AD}{RELATED}{FOOTER}</body></html>")


def wire(a):
    body = a["blocks"][:]
    return (f"<html><head><title>{a['title']}</title></head><body>{NAV}<div class=\"wrapper\"><section "
            f"class=\"story\"><header><h1>{a['title']}</h1><div class=\"dateline\">{a['date']}</div><div "
            f"class=\"byline\">{a['byline']}</div></header>{SHARE}<div class=\"story-body\">{blocks_html(body)}"
            f"</div></section><section class=\"more\"><h2>More from this section</h2>{RELATED}</section></div>"
            f"{COMMENTS}{FOOTER}</body></html>")


def cms(a):
    """A CMS that splits the story around an inline teaser and wraps its last paragraph in a span."""
    *body, last = a["blocks"]
    return (f"<html><head><title>{a['title']}</title></head><body>{NAV}<article><h1>{a['title']}</h1><div "
            f"class=\"meta\">{a['byline']}, {a['date']}</div><div class=\"part\">{blocks_html(body[:4])}</div>"
            f"<div class=\"inline-related\"><a href=\"/x\">Floods close highway north of the capital</a></div>"
            f"<div class=\"part\">{blocks_html(body[4:])}</div><div><span>{last[1]}</span></div></article>"
            f"{AD}{COMMENTS}{FOOTER}</body></html>")


TEMPLATES = [semantic, wordpress, tables, amp, wire, cms]


def gold_text(a) -> str:
    parts = [a["title"]]
    for kind, value in a["blocks"]:
        parts += value if kind == "ul" else [value]
    return "\n".join(parts)


def pages(n: int = 30):
    rng = random.Random(21)
    for i in range(n):
        a = article(rng, i)
        yield f"{TEMPLATES[i % len(TEMPLATES)].__name__}-{i:02d}", TEMPLATES[i % len(TEMPLATES)](a), gold_text(a)


def shingles(text: str, n: int = 3) -> Counter:
    words = re.findall(r"\w+", text.lower())
    return Counter(tuple(words[i:i + n]) for i in range(max(0, len(words) - n + 1)))


def prf(found: str, gold: str) -> tuple[float, float, float]:
    f, g = shingles(found), shingles(gold)
    common = sum((f & g).values())
    p = common / max(1, sum(f.values()))
    r = common / max(1, sum(g.values()))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def trafilatura_alone(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def newsgraph_html(html: str) -> str:
    from newsgraph.clean.html import extract_html

    return extract_html(html).text


def score(extractor) -> tuple[float, float, float]:
    scores = [prf(extractor(html), gold) for _, html, gold in pages()]
    return tuple(sum(s[k] for s in scores) / len(scores) for k in range(3))


def main() -> int:
    results = {"trafilatura alone": score(trafilatura_alone), "newsgraph": score(newsgraph_html)}
    print(f"{len(list(pages()))} pages, word-3-shingle scores against the article text")
    for name, (p, r, f) in results.items():
        print(f"{name:18s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    return 0 if results["newsgraph"][2] >= results["trafilatura alone"][2] else 1


if __name__ == "__main__":
    sys.exit(main())
