"""SQL behind the API: filtered, paginated lists over the snapshot, each row a plain JSON-ready dict.

Filters mean what they mean on the command line: an actor is an id, a name, an alias or a country code
(PAK = every actor of that country); dates compare as ISO prefixes, so '2024' covers the whole year.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

import duckdb

from newsgraph.events.plover import STATUS_WEIGHTS


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
    """JSON-ready: a missing number (NaN) is null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def page(cur, select: str, source: str, where: Where, order: str, limit: int, offset: int,
         key: str | None = None) -> dict:
    """One page and the total. With `key`, the page's keys are found first and only their rows read, so a
    sort over a million rows moves one integer per row, not the whole row."""
    total = cur.execute(f"SELECT count(*) FROM {source} {where.sql()}", where.params).fetchone()[0]
    if key:
        sql = (f"SELECT {select} FROM {source} WHERE {key} IN (SELECT {key} FROM {source} {where.sql()} "
               f"ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}")
    else:
        sql = f"SELECT {select} FROM {source} {where.sql()} ORDER BY {order} LIMIT ? OFFSET ?"
    return {"total": total, "limit": limit, "offset": offset, "items": rows(cur, sql, [*where.params, limit, offset])}


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


def actor_where(country, sector, kind, q) -> Where:
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
    return rows(cur, f"""
        WITH ties AS (
            SELECT CASE WHEN source = $1 THEN target ELSE source END AS other,
                   CASE WHEN source = $1 THEN 'out' ELSE 'in' END AS direction, intensity, status
            FROM web_events WHERE (source = $1 OR target = $1) AND source <> target AND repeat_of IS NULL)
        SELECT other AS actor_id, coalesce(a.name, other) AS name,
               count(*) FILTER (WHERE direction = 'out') AS events_out,
               count(*) FILTER (WHERE direction = 'in') AS events_in,
               round(sum(intensity * {STATUS_WEIGHT}), 2) AS weight
        FROM ties LEFT JOIN actors a ON a.actor_id = other
        GROUP BY ALL ORDER BY events_out + events_in DESC, other LIMIT $2""", [actor_id, limit])


# --- events -----------------------------------------------------------------------------------------------

EVENT_SOURCE = "web_events e"  # events of stored documents with their names (snapshot.PREPARE)
EVENT_COLUMNS = ", ".join(f"e.{c}" for c in (
    "event_id", "doc_id", "evidence", "start", '"end"', "source", "target", "type", "mode", "context", "quad",
    "intensity", "status", "date", "date_precision", "location", "confidence", "source_code", "target_code", "trigger",
    "trigger_start", "trigger_end", "repeat_of", "claim_id", "doc_title", "doc_publisher", "doc_published",
    "source_name", "target_name"))
EVENT_ORDER = "e.pos"
# plover.md's status weights, as SQL.
STATUS_WEIGHT = "CASE status " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in STATUS_WEIGHTS.items()) + " ELSE 0 END"


def date_filters(where: Where, column: str, since: str | None, until: str | None) -> None:
    if since:
        where.add(f"{column} >= ?", since)
    if until:
        where.add(f"({column} <= ? OR starts_with({column}, ?))", until, until)


def source_filter(where: Where, source: str | None, prefix: str) -> None:
    """A document's outlet, file or URL contains the words given."""
    if source:
        where.add(f"({prefix}publisher ILIKE ? OR {prefix}source ILIKE ? OR {prefix}url ILIKE ?)", *[f"%{source}%"] * 3)


def event_where(cur, actor=None, event_type=None, status=None, since=None, until=None, place=None, source=None,
                doc_id=None, role=None, repeats=False) -> Where:
    where = Where()
    if actor:
        ids = actor_ids(cur, actor)
        sides = {"source": ["e.source"], "target": ["e.target"]}.get(role, ["e.source", "e.target"])
        marks = ", ".join("?" * len(ids))
        where.add("(" + " OR ".join(f"{s} IN ({marks})" for s in sides) + ")", *ids * len(sides))
    if event_type:
        where.add("e.type = ?", event_type)
    if status:
        where.add("e.status = ?", status)
    date_filters(where, "e.date", since, until)
    if place:
        where.add("(e.place_key = lower(?) OR e.place_country = upper(?))", place, place)
    if source:
        where.add("e.doc_id IN (SELECT doc_id FROM documents WHERE status = 'ok' AND "
                  "(publisher ILIKE ? OR source ILIKE ? OR url ILIKE ?))", *[f"%{source}%"] * 3)
    if doc_id:
        where.add("e.doc_id = ?", doc_id)
    if not repeats:
        where.add("e.repeat_of IS NULL")
    return where


def events_page(cur, where: Where, limit: int, offset: int, order: str = EVENT_ORDER) -> dict:
    result = page(cur, EVENT_COLUMNS, EVENT_SOURCE, where, order, limit, offset, "e.pos")
    for item in result["items"]:
        item["location"] = json.loads(item["location"]) if item["location"] else None
    return result


# --- claims -----------------------------------------------------------------------------------------------

CLAIM_SOURCE = "web_claims c"
CLAIM_COLUMNS = ", ".join(f"c.{c}" for c in (
    "claim_id", "doc_id", "speaker", "speaker_actor", "speaker_name", "cue", "content", "start", '"end"', "direct",
    "about", "confidence", "doc_title", "doc_publisher", "doc_published"))
CLAIM_ORDER = "c.pos"


def claims_page(cur, where: Where, limit: int, offset: int) -> dict:
    return page(cur, CLAIM_COLUMNS, CLAIM_SOURCE, where, CLAIM_ORDER, limit, offset, "c.pos")


def claim_where(cur, speaker=None, about=None, direct=None, since=None, until=None, source=None,
                doc_id=None) -> Where:
    where = Where()
    if speaker:
        where.add("list_contains(?, c.speaker_actor)", actor_ids(cur, speaker))
    if about:
        where.add("len(list_intersect(c.about, ?)) > 0", actor_ids(cur, about))
    if direct is not None:
        where.add("c.direct = ?", direct)
    date_filters(where, "c.doc_published", since, until)
    source_filter(where, source, "c.doc_")
    if doc_id:
        where.add("c.doc_id = ?", doc_id)
    return where


# --- documents ------------------------------------------------------------------------------------------

DOC_COLUMNS = ("doc_id, source, record_id, status, reason, duplicate_of, title, publisher, authors, published, "
               "language, url, format")


INTEREST_FIELDS = ("i.interest_id, i.doc_id, i.actor, i.wants, i.object, i.stance, i.status, i.attributed_to, "
                   "i.evidence, i.start, i.\"end\", i.date, i.cue")


def interests_page(cur, actor: str | None, stance: str | None, limit: int, offset: int) -> dict:
    where = Where()
    if actor:
        ids = actor_ids(cur, actor)
        where.add(f"i.actor IN ({', '.join('?' * len(ids))})", *ids)
    if stance:
        where.add("i.stance = ?", stance)
    return page(cur, INTEREST_FIELDS, "interests i", where, "i.doc_id, i.start", limit, offset)


def document_where(status=None, since=None, until=None, source=None, q=None) -> Where:
    where = Where()
    if status:
        where.add("status = ?", status)
    date_filters(where, "published", since, until)
    source_filter(where, source, "")
    if q:
        word_filter(where, "seq", "document", q)
    return where


# --- search -------------------------------------------------------------------------------------------

MAX_WORDS = 8


def words(q: str) -> list[str]:
    """The words of a query, split as the index splits text (letters and digits)."""
    return list(dict.fromkeys(w for w in re.split(r"[\W_]+", q.lower()) if w))[:MAX_WORDS]


def word_match(kind: str, q: str) -> tuple[str, list]:
    """SQL for the positions whose indexed text holds every word of q (whole words, any order, any case)."""
    terms = words(q) or [""]
    match = "SELECT pos FROM web_words WHERE word = ? AND kind = ?"
    for _ in terms[1:]:
        match += " AND pos IN (SELECT pos FROM web_words WHERE word = ? AND kind = ?)"
    return match, [v for term in terms for v in (term, kind)]


def word_filter(where: Where, key: str, kind: str, q: str) -> None:
    match, params = word_match(kind, q)
    where.add(f"{key} IN ({match})", *params)


def word_hits(cur, kind: str, q: str, key: str, limit: int) -> tuple[int, Where]:
    """How many rows hold every word of q, and a filter for the first `limit` of them: read from the word
    index alone, so a search never scans the events table."""
    match, params = word_match(kind, q)
    total = cur.execute(f"SELECT count(*) FROM ({match})", params).fetchone()[0]
    first = [r[0] for r in cur.execute(f"{match} ORDER BY pos LIMIT ?", [*params, limit]).fetchall()]
    where = Where()
    if first:  # the range lets DuckDB skip the row groups that cannot hold them (tables are stored by pos)
        where.add(f"{key} BETWEEN ? AND ? AND {key} IN ({', '.join('?' * len(first))})", first[0], first[-1], *first)
    else:
        where.add("false")
    return total, where


def document(cur, doc_id: str) -> dict:
    found = rows(cur, f"SELECT {DOC_COLUMNS}, text FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        raise NotFound(f"no document with id {doc_id!r}")
    doc = found[0]
    doc["mentions"] = rows(cur, "SELECT start_char AS start, end_char AS \"end\", surface, actor_id, name, code "
                                "FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])
    doc["events"] = events_page(cur, event_where(cur, doc_id=doc_id, repeats=True), 10_000, 0,
                                "e.start, e.trigger_start, e.event_id")["items"]
    doc["claims"] = claims_page(cur, claim_where(cur, doc_id=doc_id), 10_000, 0)["items"]
    return doc
