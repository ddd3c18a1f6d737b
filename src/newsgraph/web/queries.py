"""SQL behind the API: filtered, paginated lists over the snapshot, each row a plain JSON-ready dict.

Filters mean what they mean on the command line: an actor is an id, a name, an alias or a country code
(PAK = every Pakistani actor); dates compare as ISO prefixes, so '2024' covers the whole year.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import duckdb


class NotFound(LookupError):
    """A named thing (actor, document) the database does not hold; the API answers 404 with the message."""


@dataclass
class Where:
    """WHERE clauses and their parameters, built up one filter at a time."""
    clauses: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params=()) -> list[dict]:
    result = cur.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [dict(zip(names, map(plain, values))) for values in result.fetchall()]


def plain(value):
    """JSON-ready: NaN is null, JSON text columns (roles, location) are objects."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def page(cur, select: str, source: str, where: Where, order: str, limit: int, offset: int) -> dict:
    total = cur.execute(f"SELECT count(*) FROM {source} {where.sql()}", where.params).fetchone()[0]
    items = rows(cur, f"SELECT {select} FROM {source} {where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                 [*where.params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def table_exists(cur, name: str) -> bool:
    return cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0] > 0


def columns(cur, name: str) -> list[str]:
    return [r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [name]).fetchall()]


# --- actors ---------------------------------------------------------------------------------------------

# An actor named by id, name or any alias, ignoring case (aliases joined with a unit separator).
NAMED = ("(lower(actor_id) = lower($1) OR lower(name) = lower($1) OR "
         "contains(chr(31) || lower(array_to_string(aliases, chr(31))) || chr(31), chr(31) || lower($1) || chr(31)))")


def actor_ids(cur, name: str) -> list[str]:
    """Actor ids a user's word can mean (as `newsgraph events --actor`): an id, a name or alias, or a
    country code (PAK -> every actor of that country, and PAK itself). Raises NotFound."""
    found = [r[0] for r in cur.execute(f"SELECT actor_id FROM actors WHERE {NAMED}", [name]).fetchall()]
    if not found and len(name) == 3 and name.isalpha():
        found = [r[0] for r in cur.execute("SELECT actor_id FROM actors WHERE country = ?", [name.upper()]).fetchall()]
        found.append(name.upper())
    if not found:
        raise NotFound(f"no actor called {name!r}; /api/actors lists them")
    return found


def actor_where(cur, country, sector, kind, q) -> Where:
    where = Where()
    if country:
        where.add("country = ?", country.upper())
    if sector:
        where.add("sector = ?", sector.upper())
    if kind:
        where.add("kind = ?", kind)
    if q:
        where.add("(name ILIKE ? OR actor_id ILIKE ? OR array_to_string(aliases, '|') ILIKE ?)", *[f"%{q}%"] * 3)
    return where


ACTOR_COLUMNS = "actor_id, name, kind, country, sector, \"group\", code, aliases, mentions"


def actor(cur, actor_id: str) -> dict:
    found = rows(cur, f"SELECT {ACTOR_COLUMNS}, roles FROM actors WHERE actor_id = ?", [actor_id])
    if not found:
        raise NotFound(f"no actor with id {actor_id!r}")
    row = found[0]
    row["roles"] = json.loads(row["roles"] or "[]")
    return row


def neighbours(cur, actor_id: str, limit: int = 25) -> list[dict]:
    """The actors this one has events with: events each way and the status-weighted intensity sum."""
    return rows(cur, """
        WITH ties AS (
            SELECT CASE WHEN e.source = $1 THEN e.target ELSE e.source END AS other,
                   CASE WHEN e.source = $1 THEN 'out' ELSE 'in' END AS direction, e.intensity, e.status
            FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.status = 'ok'
            WHERE (e.source = $1 OR e.target = $1) AND e.source <> e.target AND e.repeat_of IS NULL)
        SELECT other AS actor_id, coalesce(a.name, other) AS name,
               count(*) FILTER (WHERE direction = 'out') AS events_out,
               count(*) FILTER (WHERE direction = 'in') AS events_in,
               round(sum(intensity * CASE status WHEN 'asserted' THEN 1.0 WHEN 'reported' THEN 0.8
                   WHEN 'planned' THEN 0.5 WHEN 'hypothetical' THEN 0.25 ELSE 0 END), 2) AS weight
        FROM ties LEFT JOIN actors a ON a.actor_id = other
        GROUP BY ALL ORDER BY events_out + events_in DESC, other LIMIT $2""", [actor_id, limit])


# --- events -----------------------------------------------------------------------------------------------

EVENT_SOURCE = "events e JOIN documents d ON d.doc_id = e.doc_id AND d.status = 'ok'"
EVENT_COLUMNS = ("e.event_id, e.doc_id, e.evidence, e.start, e.\"end\", e.source, e.target, e.type, e.mode, "
                 "e.context, e.quad, e.intensity, e.status, e.date, e.date_precision, e.location, e.confidence, "
                 "e.source_code, e.target_code, e.trigger, e.trigger_start, e.trigger_end, e.repeat_of, e.claim_id, "
                 "d.title AS doc_title, d.publisher AS doc_publisher, d.published AS doc_published, "
                 "sa.name AS source_name, ta.name AS target_name")
EVENT_NAMES = " LEFT JOIN actors sa ON sa.actor_id = e.source LEFT JOIN actors ta ON ta.actor_id = e.target"
EVENT_ORDER = "e.date NULLS LAST, e.doc_id, e.start, e.event_id"


def date_filters(where: Where, column: str, since: str | None, until: str | None) -> None:
    if since:
        where.add(f"{column} >= ?", since)
    if until:
        where.add(f"({column} <= ? OR starts_with({column}, ?))", until, until)


def source_filter(where: Where, source: str | None, alias: str = "d") -> None:
    """A document's outlet, file or URL contains the words given."""
    if source:
        where.add(f"({alias}.publisher ILIKE ? OR {alias}.source ILIKE ? OR {alias}.url ILIKE ?)", *[f"%{source}%"] * 3)


def event_where(cur, actor=None, event_type=None, status=None, since=None, until=None, place=None, source=None,
                doc_id=None, role=None, repeats=False) -> Where:
    where = Where()
    if actor:
        ids = actor_ids(cur, actor)
        sides = {"source": ["e.source"], "target": ["e.target"]}.get(role, ["e.source", "e.target"])
        where.add("(" + " OR ".join(f"list_contains(?, {s})" for s in sides) + ")", *[ids] * len(sides))
    if event_type:
        where.add("e.type = ?", event_type)
    if status:
        where.add("e.status = ?", status)
    date_filters(where, "e.date", since, until)
    if place:
        where.add("e.location ILIKE ?", f"%{place}%")
    source_filter(where, source)
    if doc_id:
        where.add("e.doc_id = ?", doc_id)
    if not repeats:
        where.add("e.repeat_of IS NULL")
    return where


def events_page(cur, where: Where, limit: int, offset: int, order: str = EVENT_ORDER) -> dict:
    result = page(cur, EVENT_COLUMNS, EVENT_SOURCE + EVENT_NAMES, where, order, limit, offset)
    for item in result["items"]:
        item["location"] = json.loads(item["location"]) if item["location"] else None
    return result


# --- claims -----------------------------------------------------------------------------------------------

CLAIM_SOURCE = ("claims c JOIN documents d ON d.doc_id = c.doc_id AND d.status = 'ok' "
                "LEFT JOIN actors sa ON sa.actor_id = c.speaker_actor")
CLAIM_COLUMNS = ("c.claim_id, c.doc_id, c.speaker, c.speaker_actor, sa.name AS speaker_name, c.cue, c.content, "
                 "c.start, c.\"end\", c.direct, c.about, c.confidence, d.title AS doc_title, "
                 "d.publisher AS doc_publisher, d.published AS doc_published")


def claim_where(cur, speaker=None, about=None, direct=None, since=None, until=None, source=None,
                doc_id=None) -> Where:
    where = Where()
    if speaker:
        where.add("list_contains(?, c.speaker_actor)", actor_ids(cur, speaker))
    if about:
        where.add("len(list_intersect(c.about, ?)) > 0", actor_ids(cur, about))
    if direct is not None:
        where.add("c.direct = ?", direct)
    date_filters(where, "d.published", since, until)
    source_filter(where, source)
    if doc_id:
        where.add("c.doc_id = ?", doc_id)
    return where


# --- documents ------------------------------------------------------------------------------------------

DOC_COLUMNS = ("doc_id, source, record_id, status, reason, duplicate_of, title, publisher, authors, published, "
               "language, url, format")


def document_where(status=None, since=None, until=None, source=None, q=None) -> Where:
    where = Where()
    if status:
        where.add("status = ?", status)
    date_filters(where, "published", since, until)
    if source:
        where.add("(publisher ILIKE ? OR source ILIKE ? OR url ILIKE ?)", *[f"%{source}%"] * 3)
    if q:
        where.add("(title ILIKE ? OR text ILIKE ?)", f"%{q}%", f"%{q}%")
    return where


def document(cur, doc_id: str) -> dict:
    found = rows(cur, f"SELECT {DOC_COLUMNS}, text FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        raise NotFound(f"no document with id {doc_id!r}")
    doc = found[0]
    doc["mentions"] = rows(cur, "SELECT start_char AS start, end_char AS \"end\", surface, actor_id, name, code "
                                "FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])
    doc["events"] = events_page(cur, event_where(cur, doc_id=doc_id, repeats=True), 10_000, 0,
                                "e.start, e.trigger_start, e.event_id")["items"]
    doc["claims"] = page(cur, CLAIM_COLUMNS, CLAIM_SOURCE, claim_where(cur, doc_id=doc_id), "c.start, c.claim_id",
                         10_000, 0)["items"]
    return doc
