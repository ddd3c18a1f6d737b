"""The analyst's report: one self-contained HTML file (inline CSS and SVG, no scripts from anywhere) or
Markdown, every fact linked to its evidence sentence and source document."""
from __future__ import annotations

import html
import math
from types import SimpleNamespace
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from newsgraph.analysis.clusters import _text, cluster_events, clusters
from newsgraph.analysis.contradictions import claim_contradictions, event_contradictions
from newsgraph.analysis.dyads import dyad_table, sparkline
from newsgraph.analysis.network import actor_network
from newsgraph.interests.collide import collisions
from newsgraph.interests.merge import merged
from newsgraph.store import Store

TOP_DYADS = 4
TOP_ACTORS = 15
WEB_SCHEMES = ("http://", "https://")
QUAD_COLOURS = {"verbal_cooperation": "#6aa84f", "material_cooperation": "#38761d",
                "verbal_conflict": "#e69138", "material_conflict": "#cc0000"}


@dataclass
class Analysis:
    documents: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    clustered: pd.DataFrame
    events: pd.DataFrame  # one row per cluster
    claims: pd.DataFrame
    contradictions: list
    network: nx.DiGraph
    interests: pd.DataFrame = field(default_factory=pd.DataFrame)  # one row per aim, merged across documents


def analyse(db: str | Path) -> Analysis:
    with Store(db, read_only=True) as store:
        documents, actors, claims = store.documents(), store.table("actors"), store.claims()
        mentions, events = store.mentions(), store.events()
        interests = merged(store.interests())
    clustered = cluster_events(events, documents) if not events.empty else events
    one = clusters(clustered) if not events.empty else events
    disputes = (event_contradictions(clustered) if not events.empty else []) + claim_contradictions(
        claims, documents, actors, mentions)
    return Analysis(documents, actors, mentions, clustered, one, claims, disputes,
                    actor_network(one, actors) if not events.empty else nx.DiGraph(), interests)


def top_dyads(a: Analysis, n: int = TOP_DYADS) -> list[tuple[str, str]]:
    """The country pairs with most events between different countries."""
    e = a.events
    pairs = [tuple(sorted((s, t))) for s, t in zip(e.src_party, e.tgt_party) if s and t and s != t and
             len(s) == 3 and len(t) == 3]
    return [p for p, _ in pd.Series(pairs).value_counts().head(n).items()] if pairs else []


def write_report(db: str | Path, out: str | Path, fmt: str = "html") -> Path:
    a = analyse(db)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(a) if fmt == "html" else render_markdown(a), encoding="utf-8")
    return out


# --- HTML -------------------------------------------------------------------------------------------------

def esc(value) -> str:
    return html.escape(_text(value))


def doc_link(a: Analysis, doc_id: str) -> str:
    row = a.documents[a.documents.doc_id == doc_id]
    if row.empty:
        return esc(doc_id)
    r = row.iloc[0]
    label = esc(_text(r.title) or Path(_text(r.source)).name)
    href = safe_href(_text(r.url), _text(r.source))
    who = esc(_text(r.publisher) or Path(_text(r.source)).name)
    return f'<a href="{esc(href)}">{label}</a> <span class="src">({who})</span>' if href else \
        f"{label} <span class=\"src\">({who})</span>"


def safe_href(url: str, source: str) -> str:
    """A link only to a web page (http, https) or to the local source file; a 'javascript:' or 'data:' URL
    from a feed record is never made clickable."""
    if url.strip().lower().startswith(WEB_SCHEMES):
        return url.strip()
    return Path(source).as_uri() if source.startswith("/") else ""


def render_html(a: Analysis) -> str:
    sections = [overview(a), key_actors(a), dyads_html(a), network_html(a), timeline_html(a), claims_html(a),
                corroboration_html(a), contradictions_html(a), interests_html(a)]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph report</title>
<style>{CSS}</style></head><body>
<h1>newsgraph report</h1>
<nav>{''.join(f'<a href="#{sid}">{title}</a>' for sid, title, _ in sections)}</nav>
{''.join(f'<section id="{sid}"><h2>{title}</h2>{body}</section>' for sid, title, body in sections)}
</body></html>"""


CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:auto;padding:1em;color:#222}
nav a{margin-right:1em}table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #ddd;
padding:3px 8px;text-align:left;vertical-align:top}.ev{color:#444;font-style:italic}.src{color:#777}
.pos{color:#38761d}.neg{color:#cc0000}svg{background:#fafafa;border:1px solid #eee}h2{border-top:2px solid #333;
padding-top:.4em}"""


def overview(a: Analysis):
    docs = a.documents
    ok = docs[docs.status == "ok"]
    dates = ok.published.dropna().sort_values()
    span = f"{dates.iloc[0][:10]} to {dates.iloc[-1][:10]}" if len(dates) else "no dates"
    skipped = docs[docs.status != "ok"]
    rows = "".join(f"<tr><td>{esc(Path(_text(r.source)).name)}</td><td>{esc(r.status)}</td>"
                   f"<td>{esc(r.reason or r.duplicate_of)}</td></tr>" for r in skipped.itertuples())
    publishers = ", ".join(sorted({_text(p) for p in ok.publisher if _text(p)}))
    body = (f"<p>{len(ok)} articles from {len(set(ok.publisher.dropna()))} publishers ({esc(publishers)}), "
            f"{span}. {len(a.events)} distinct events from {len(a.clustered)} event mentions, "
            f"{len(a.claims)} claims, {len(a.actors)} actors.</p>")
    if rows:
        body += f"<h3>Skipped and duplicate inputs</h3><table><tr><th>input</th><th>status</th><th>why</th></tr>{rows}</table>"
    return "overview", "Corpus overview", body


def key_actors(a: Analysis):
    if a.actors.empty:
        return "actors", "Key actors", "<p>No actors.</p>"
    # a bare sector ('Government', 'Analysts') with no country is no one in particular
    placed = a.actors[a.actors.country.fillna("").astype(str).str.len() > 0]
    top = placed.sort_values("mentions", ascending=False).head(TOP_ACTORS)
    rows = "".join(f"<tr><td>{esc(r.name)}</td><td>{esc(r.actor_id)}</td><td>{esc(r.code)}</td>"
                   f"<td>{r.mentions}</td><td>{a.network.nodes[r.actor_id]['degree'] if r.actor_id in a.network else ''}"
                   f"</td></tr>" for r in top.itertuples())
    return "actors", "Key actors", ("<table><tr><th>actor</th><th>id</th><th>code</th><th>mentions</th>"
                                    f"<th>degree centrality</th></tr>{rows}</table>")


def dyads_html(a: Analysis):
    parts = []
    for x, y in top_dyads(a):
        table = dyad_table(a.events, x, y)
        if table.empty:
            continue
        parts.append(f"<h3>{esc(x)} – {esc(y)} <small>{esc(sparkline(table.intensity))}</small></h3>"
                     f"{dyad_svg(table)}{dyad_rows(table)}")
    return "dyads", "Dyads: cooperation and conflict by year", "".join(parts) or "<p>No dyads.</p>"


def dyad_svg(table: pd.DataFrame, width: int = 520, height: int = 160) -> str:
    """Status-weighted mean intensity per period, -10..+10, as a line over a zero axis."""
    times = [period_time(p) for p in table.period]
    first, last = min(times), max(times)
    span = max(last - first, 1e-9)
    def x(t):
        return 40 + (t - first) / span * (width - 60) if last > first else width / 2
    def y(v):
        return height / 2 - (0 if v != v else v) / 10 * (height / 2 - 15)
    points = [(x(t), y(v)) for t, v in zip(times, table.intensity)]
    line = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    dots = "".join(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{"#38761d" if py < height / 2 else "#cc0000"}">'
                   f"<title>{esc(p)}: {v}</title></circle><text x=\"{px:.1f}\" y=\"{height - 3}\" font-size=\"10\" "
                   f'text-anchor="middle">{esc(p)}</text>' for (px, py), p, v in
                   zip(points, table.period, table.intensity))
    return (f'<svg role="img" aria-label="intensity by period" width="{width}" height="{height}">'
            f'<line x1="30" x2="{width - 10}" y1="{height / 2}" y2="{height / 2}" stroke="#999"/>'
            f'<text x="2" y="14" font-size="10">+10</text><text x="2" y="{height - 15}" font-size="10">-10</text>'
            f'<polyline fill="none" stroke="#555" points="{line}"/>{dots}</svg>')


def period_time(period: str) -> float:
    """A period label on a continuous time axis, at its middle: '2021' -> 2021.5, '2021-Q2' -> 2021.375,
    '2021-03' -> 2021.208. Years with no events keep their gap on the axis."""
    year = int(period[:4])
    if "-Q" in period:
        return year + (int(period[-1]) - 1) / 4 + 1 / 8
    if len(period) >= 7:
        return year + (int(period[5:7]) - 1) / 12 + 1 / 24
    return year + 0.5


def dyad_rows(table: pd.DataFrame) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in r) + "</tr>" for r in table.itertuples(index=False))
    return f"<table><tr>{head}</tr>{rows}</table>"


def network_html(a: Analysis, size: int = 560):
    g = a.network
    if not g:
        return "network", "Network", "<p>No actor pairs.</p>"
    keep = sorted(g.nodes, key=lambda n: -g.nodes[n]["degree"])[:30]
    sub = g.subgraph(keep)
    pos = nx.circular_layout(sub)
    def xy(n):
        return size / 2 + pos[n][0] * (size / 2 - 70), size / 2 + pos[n][1] * (size / 2 - 40)
    edges = "".join(f'<line x1="{xy(u)[0]:.0f}" y1="{xy(u)[1]:.0f}" x2="{xy(v)[0]:.0f}" y2="{xy(v)[1]:.0f}" '
                    f'stroke="{"#38761d" if d["weight"] >= 0 else "#cc0000"}" stroke-opacity=".6" '
                    f'stroke-width="{1 + math.log1p(d["events"]):.1f}"><title>{esc(u)} → {esc(v)}: '
                    f'{d["events"]} events, weight {d["weight"]}</title></line>' for u, v, d in sub.edges(data=True))
    nodes = "".join(f'<circle cx="{xy(n)[0]:.0f}" cy="{xy(n)[1]:.0f}" r="{4 + 20 * sub.nodes[n]["degree"]:.0f}" '
                    f'fill="#3d85c6"><title>{esc(sub.nodes[n].get("name") or n)} ({esc(n)})</title></circle>'
                    for n in sub.nodes)
    labels, height = network_labels(sub, xy, size)
    svg = (f'<svg role="img" aria-label="actor network" width="{size + 2 * LABEL_ROOM}" height="{height}" '
           f'viewBox="{-LABEL_ROOM} 0 {size + 2 * LABEL_ROOM} {height}">{edges}{nodes}{labels}</svg>')
    return "network", "Network", (f"<p>{g.number_of_nodes()} actors, {g.number_of_edges()} ties; green "
                                  f"cooperative, red hostile (the 30 most connected shown).</p>{svg}")


LABEL_ROOM = 150  # pixels beside the circle for names
LABEL_GAP = 13    # pixels between two label baselines on one side: a 10px font never overlaps


def network_labels(sub, xy, size: int) -> tuple[str, int]:
    """Actor names beside their nodes, outside the circle: right-hand nodes labelled to the right, left-hand
    to the left; on each side labels are pushed apart vertically so no two overlap, with a leader line
    from the name to its node. Returns the SVG and the height it needs."""
    centre = size / 2
    out, bottom = [], size
    for right in (True, False):
        side = sorted((n for n in sub.nodes if (xy(n)[0] >= centre) == right), key=lambda n: xy(n)[1])
        last = -LABEL_GAP
        for n in side:
            nx_, ny = xy(n)
            ly = max(ny + 3, last + LABEL_GAP)
            last = ly
            lx = max(nx_ + 10, size - 60) if right else min(nx_ - 10, 60)
            name = sub.nodes[n].get("name") or n
            out.append(f'<line x1="{nx_:.0f}" y1="{ny:.0f}" x2="{lx:.0f}" y2="{ly - 3:.0f}" stroke="#bbb" '
                       f'stroke-width=".5"/><text x="{lx + (3 if right else -3):.0f}" y="{ly:.0f}" font-size="10" '
                       f'text-anchor="{"start" if right else "end"}">{esc(name[:40])}</text>')
            bottom = max(bottom, ly + 6)
    return "".join(out), int(bottom)


def evidence_cell(a: Analysis, row) -> str:
    return f'<span class="ev">“{esc(row.evidence)}”</span><br>{doc_link(a, row.doc_id)}'


def timeline_events(a: Analysis) -> pd.DataFrame:
    """Every dated event, oldest first: the timeline is complete, never cut."""
    return a.events[a.events.date.notna()].sort_values("date", kind="stable")


def timeline_note(a: Analysis) -> str:
    dated = int(a.events.date.notna().sum())
    undated = len(a.events) - dated
    return (f"All {dated} dated events, oldest first" + (f"; {undated} undated events are in the export "
                                                         "(events.jsonl)" if undated else "") + ".")


def cluster_mentions(a: Analysis, cluster: str) -> pd.DataFrame:
    """Every article's first telling of one clustered event, earliest article first."""
    group = a.clustered[a.clustered.cluster == cluster].sort_values(["date", "start"], na_position="last")
    return group.drop_duplicates("doc_id")


def timeline_html(a: Analysis):
    rows = "".join(f"<tr><td>{esc(r.date)}</td><td>{esc(r.type)}</td><td>{esc(r.source)} → {esc(r.target)}</td>"
                   f"<td>{esc(r.status)}</td><td>{r.sources}</td><td>"
                   + "<hr>".join(evidence_cell(a, m) for m in cluster_mentions(a, r.cluster).itertuples())
                   + "</td></tr>" for r in timeline_events(a).itertuples())
    return "timeline", "Timeline", (f"<p>{esc(timeline_note(a))}</p>"
                                    "<table><tr><th>date</th><th>type</th><th>who → whom</th><th>status</th>"
                                    f"<th>sources</th><th>evidence, one per article</th></tr>{rows}</table>")


def claims_html(a: Analysis):
    if a.claims.empty:
        return "claims", "Claims by speaker", "<p>No claims.</p>"
    parts = []
    speakers = a.claims.speaker_actor.fillna("(unnamed)").value_counts().head(12)
    for speaker in speakers.index:
        rows = a.claims[a.claims.speaker_actor.fillna("(unnamed)") == speaker].head(5)
        items = "".join(f"<li>{esc(r.cue)}: <span class=\"ev\">{'“' if r.direct else ''}{esc(r.content)}"
                        f"{'”' if r.direct else ''}</span> — {doc_link(a, r.doc_id)}</li>" for r in rows.itertuples())
        parts.append(f"<h3>{esc(speaker)} ({speakers[speaker]})</h3><ul>{items}</ul>")
    return "claims", "Claims by speaker", "".join(parts)


def corroboration_html(a: Analysis):
    many = a.events[a.events.sources > 1].sort_values("sources", ascending=False)
    single = int((a.events.sources <= 1).sum())
    rows = "".join(f"<tr><td>{esc(r.date)}</td><td>{esc(r.type)}</td><td>{esc(r.source)} → {esc(r.target)}</td>"
                   f"<td>{r.sources}</td><td>{evidence_cell(a, r)}</td></tr>" for r in many.itertuples())
    return "corroboration", "Corroborated and single-source events", (
        f"<p>{len(many)} events told by more than one independent source; {single} rest on one source.</p>"
        f"<table><tr><th>date</th><th>type</th><th>who → whom</th><th>sources</th><th>first evidence</th></tr>"
        f"{rows}</table>")


def contradictions_html(a: Analysis):
    if not a.contradictions:
        return "contradictions", "Contradictions", "<p>No source denies what another asserts.</p>"
    rows = "".join(f"<tr><td>{esc(c.told.kind)}: {esc(c.topic)}</td><td>{side_cell(a, c.told)}</td>"
                   f"<td>{side_cell(a, c.denied)}</td></tr>" for c in a.contradictions)
    return "contradictions", "Contradictions", ("<table><tr><th>about</th><th>one side</th><th>the other side</th>"
                                                f"</tr>{rows}</table>")


def side_cell(a: Analysis, side) -> str:
    return f'<b>{esc(side.speaker)}</b>: <span class="ev">“{esc(side.text)}”</span><br>{doc_link(a, side.doc_id)}'


def interests_html(a: Analysis):
    """Where aims collide: for each pair of sides, the aims of each that concern the other, side by side."""
    found = collisions(a.interests) if not a.interests.empty else []
    if not found:
        return "interests", "Colliding aims", f"<p>{len(a.interests)} aims found; none collide between two sides.</p>"
    parts = [f"<p>{len(a.interests)} aims found; {len(found)} pairs of sides whose aims collide.</p>"]
    for c in found:
        rows = "".join(f"<tr><td>{aim_cell(a, x)}</td><td>{aim_cell(a, y)}</td></tr>"
                       for x, y in c.rows())
        parts.append(f"<h3>{esc(c.a)} – {esc(c.b)}</h3><table><tr><th>{esc(c.a)} wants</th>"
                     f"<th>{esc(c.b)} wants</th></tr>{rows}</table>")
    return "interests", "Colliding aims", "".join(parts)


def aim_cell(a: Analysis, aim: dict | None) -> str:
    if aim is None:
        return ""
    sources = f" ({aim['sources']} sources)" if aim["sources"] > 1 else ""
    return (f"<b>{esc(aim['actor'])}</b> {esc(aim['stance'])}: {esc(aim['wants'])}{esc(sources)} "
            f"<small>{esc(aim['status'])}</small><br>{evidence_cell(a, SimpleNamespace(**aim))}")


# --- Markdown ---------------------------------------------------------------------------------------------

def md(value) -> str:
    """Text from the input made inert in Markdown: HTML escaped, so '<script>' or '<img onerror>' in an
    article shows as text; brackets and backticks escaped so no link or code span is formed."""
    text = html.escape(" ".join(_text(value).split()))
    return text.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`").replace("|", "\\|")


def md_link(r) -> str:
    """A document's title, linked only when its URL is a web address."""
    title = md(r.title) or md(Path(_text(r.source)).name)
    href = safe_href(_text(r.url), "")
    return f"[{title}](<{href.replace('>', '%3E').replace(' ', '%20')}>)" if href else title


def render_markdown(a: Analysis) -> str:
    ok = a.documents[a.documents.status == "ok"]
    lines = ["# newsgraph report", "", f"{len(ok)} articles, {len(a.events)} distinct events, "
             f"{len(a.claims)} claims, {len(a.actors)} actors.", "", "## Dyads", ""]
    for x, y in top_dyads(a):
        table = dyad_table(a.events, x, y)
        lines += [f"### {md(x)} – {md(y)} {sparkline(table.intensity)}", "", "| period | events | intensity |",
                  "|---|---|---|"]
        lines += [f"| {r.period} | {r.events} | {r.intensity} |" for r in table.itertuples()] + [""]
    lines += ["## Timeline", "", timeline_note(a), ""]
    for r in timeline_events(a).itertuples():
        lines.append(f"- {md(r.date)} {md(r.type)} {md(r.source)} → {md(r.target)} ({md(r.status)}, {r.sources} "
                     f"sources)")
        lines += [f"  - “{md(m.evidence)}” ({md(m.doc_id)})" for m in cluster_mentions(a, r.cluster).itertuples()]
    lines += ["", "## Contradictions", ""]
    lines += [f"- {md(c.topic)}: {md(c.told.speaker)} “{md(c.told.text)}” ({md(c.told.doc_id)}) vs "
              f"{md(c.denied.speaker)} “{md(c.denied.text)}” ({md(c.denied.doc_id)})" for c in a.contradictions] \
        or ["None found."]
    lines += ["", "## Colliding aims", ""]
    for c in collisions(a.interests) if not a.interests.empty else []:
        lines += [f"### {md(c.a)} – {md(c.b)}", ""]
        lines += [f"- {md(x['actor'])} {md(x['stance'])}: {md(x['wants'])} “{md(x['evidence'])}” ({md(x['doc_id'])})"
                  for x in c.a_aims + c.b_aims] + [""]
    lines += ["", "## Sources", ""]
    lines += [f"- {md_link(r)} ({md(r.doc_id)}, {md(r.publisher) or 'unknown publisher'}, "
              f"{md(r.published) or 'undated'})" for r in ok.itertuples()]
    return "\n".join(lines) + "\n"
