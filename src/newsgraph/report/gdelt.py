"""A GDELT-style event table (tab-separated, GDELT 1.0 event column names) for tools built around GDELT.

One row per real-world event, not per mention: mentions that several articles give of the same event are
one cluster (newsgraph.analysis.clusters), and NumMentions, NumSources and NumArticles count them, so the
table does not repeat GDELT's habit of counting a story as often as it was retold. GDELT only records events
that happened, so planned, hypothetical and negated events are left out unless asked for. Columns GDELT has
but newsgraph cannot fill honestly (tone, religion and ethnic codes, feature ids) are left out; newsgraph's
own PLOVER fields, status and evidence follow the GDELT columns.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from newsgraph.analysis.clusters import _text, cluster_events, first_day
from newsgraph.events.lexicon import cameo_code
from newsgraph.store import Store

FACTUAL = ("asserted", "reported")
QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
ACTOR_COLUMNS = ["Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"]
COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
           + [f"Actor1{c}" for c in ACTOR_COLUMNS] + [f"Actor2{c}" for c in ACTOR_COLUMNS]
           + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
              "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
              "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
              "PLOVERType", "PLOVERMode", "PLOVERContext", "Status", "DatePrecision", "Confidence", "DocId",
              "EventId", "Evidence"])


def write_gdelt(db: str | Path, out: str | Path, statuses=FACTUAL) -> tuple[Path, int]:
    """Write the table to `out`; returns the path and the number of events written."""
    with Store(db, read_only=True) as store:
        events, documents, actors = store.events(), store.documents("ok"), store.table("actors")
    rows = gdelt_rows(events, documents, actors, statuses)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows([row.get(c, "") for c in COLUMNS] for row in rows)
    return out, len(rows)


def gdelt_rows(events: pd.DataFrame, documents: pd.DataFrame, actors: pd.DataFrame,
               statuses=FACTUAL) -> list[dict]:
    events = events[events.status.isin(statuses)]
    if events.empty:
        return []
    clustered = cluster_events(events, documents)
    names = dict(zip(actors.actor_id, actors.name)) if not actors.empty else {}
    link = {r.doc_id: _text(r.url) or _text(r.source) for r in documents.itertuples()}
    added = {r.doc_id: _text(r.published) for r in documents.itertuples()}
    rows = []
    for number, (_, group) in enumerate(clustered.groupby("cluster", sort=False), start=1):
        first = next(group.sort_values(["date", "start"], na_position="last").itertuples())
        rows.append(event_row(number, first, group, names, link.get(first.doc_id, ""),
                              added.get(first.doc_id, "")))
    return sorted(rows, key=lambda r: (not r["SQLDATE"], r["SQLDATE"], r["GLOBALEVENTID"]))


def event_row(number: int, e, group: pd.DataFrame, names: dict, url: str, published: str) -> dict:
    context = list(e.context) if e.context is not None and len(e.context) else []
    code = cameo_code(e.type, _text(e.mode), context)
    place = json.loads(e.location) if _text(e.location) else {}
    day = first_day(_text(e.date))
    return {
        "GLOBALEVENTID": number, "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "", "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **actor_columns("Actor1", e.source, e.source_code, names),
        **actor_columns("Actor2", e.target, e.target_code, names),
        "IsRootEvent": 1, "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": QUAD_CLASS.get(e.quad, ""), "GoldsteinScale": e.intensity,
        "NumMentions": len(group), "NumSources": int(e.sources), "NumArticles": int(e.documents_in_cluster),
        "ActionGeo_FullName": place.get("name", ""), "ActionGeo_CountryCode": place.get("country", ""),
        "ActionGeo_Lat": place.get("lat", ""), "ActionGeo_Long": place.get("lon", ""),
        "DATEADDED": published.replace("-", "")[:8], "SOURCEURL": url,
        "PLOVERType": e.type, "PLOVERMode": _text(e.mode), "PLOVERContext": ",".join(context),
        "Status": e.status, "DatePrecision": _text(e.date_precision), "Confidence": e.confidence,
        "DocId": e.doc_id, "EventId": e.event_id, "Evidence": " ".join(_text(e.evidence).split()),
    }


def actor_columns(prefix: str, actor, code, names: dict) -> dict:
    """Split a CAMEO-style code ('AFGGOVTAL') into country, type and known group, as GDELT does."""
    actor, code = _text(actor), _text(code)
    country = code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else ""
    rest = code[3:] if country else code
    return {f"{prefix}Code": code, f"{prefix}Name": names.get(actor, actor),
            f"{prefix}CountryCode": country, f"{prefix}Type1Code": rest[:3],
            f"{prefix}KnownGroupCode": rest[3:]}

