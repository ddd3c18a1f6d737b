"""`newsgraph serve`: a read-only JSON API and a single-page UI over a newsgraph database (FastAPI)."""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from newsgraph.events.plover import TYPES
from newsgraph.report.build import analyse
from newsgraph.store import StoreError
from newsgraph.web import analysis, queries
from newsgraph.web.queries import NotFound, Where
from newsgraph.web.snapshot import Snapshot

STATIC = Path(str(resources.files("newsgraph.web") / "static"))
# Everything from this server, nothing inline: data can never become script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Status = Literal["asserted", "reported", "planned", "hypothetical", "negated"]
DocStatus = Literal["ok", "skipped", "duplicate", "failed"]
Limit = Query(50, ge=1, le=500, description="Rows per page (1-500).")
Offset = Query(0, ge=0, le=10**9, description="Rows to skip.")
Since = Query(None, pattern=DATE, description="On or after this date: 2024, 2024-05 or 2024-05-17.")
Until = Query(None, pattern=DATE, description="On or before this date (2024 covers the whole year).")
ActorWord = "An actor id, name or alias, or a country code (PAK)."


class State:
    """The snapshot and the analyses computed from it, recomputed when a new snapshot is taken."""

    def __init__(self, db: str | Path):
        self.snapshot = Snapshot(db)
        self._memo: dict[str, tuple[int, object]] = {}
        self._lock = threading.Lock()

    def memo(self, key: str, compute):
        cur = self.snapshot.cursor()
        version = self.snapshot.version
        with self._lock:
            held = self._memo.get(key)
            if held is None or held[0] != version:
                held = (version, compute(cur))
                self._memo[key] = held
        return held[1]

    def analysis(self):
        return self.memo("analysis", lambda _cur: analyse(self.snapshot.path))


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response (plain ASGI: no per-request task)."""

    HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str | Path) -> FastAPI:
    state = State(db)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        state.snapshot.close()  # uvicorn ends on a re-raised signal, so atexit would not run

    app = FastAPI(title="newsgraph", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only API over a newsgraph database: documents, actors, events, claims and "
                              "the analyses built on them. Every list takes limit and offset and says its total.")
    app.state.newsgraph = state

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(NotFound)
    async def not_found(_request, exc: NotFound):
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(StoreError)
    async def store_error(_request, exc: StoreError):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    add_api(app, state)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html")

    return app


def plover_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in TYPES:
        raise HTTPException(400, f"unknown event type {value!r}; PLOVER types: {', '.join(sorted(TYPES))}")
    return value.upper()


def add_api(app: FastAPI, state: State) -> None:
    cur = lambda: state.snapshot.cursor()  # noqa: E731 - one fresh cursor per request

    @app.get("/api/overview", tags=["corpus"])
    def overview():
        """Counts, skipped inputs, the busiest country pairs and the latest events."""
        data = state.memo("overview", overview_json)
        snap = state.snapshot
        return {**data, "snapshot": {"taken_at": snap.taken_at, "stale": snap.stale, "db": str(snap.db)}}

    @app.get("/api/documents", tags=["corpus"])
    def documents(status: DocStatus | None = None, since: str | None = Since, until: str | None = Until,
                  source: str | None = Query(None, description="Outlet, file or URL contains this."),
                  q: str | None = Query(None, max_length=200, description="Title or text contains this."),
                  limit: int = Limit, offset: int = Offset):
        """Documents in input order, with status and skip reason."""
        return queries.page(cur(), queries.DOC_COLUMNS, "documents",
                            queries.document_where(status, since, until, source, q), "seq", limit, offset)

    @app.get("/api/documents/{doc_id}", tags=["corpus"])
    def document(doc_id: str):
        """One document: cleaned text with its mentions, events and claims (character offsets)."""
        return queries.document(cur(), doc_id)

    @app.get("/api/actors", tags=["actors"])
    def actors(country: str | None = Query(None, description="ISO 3166-1 alpha-3 code, e.g. PAK."),
               sector: str | None = Query(None, description="Sector code, e.g. MIL, GOV, REB."),
               kind: str | None = None, q: str | None = Query(None, max_length=200, description="Name or alias contains this."),
               limit: int = Limit, offset: int = Offset):
        """Actors, most mentioned first."""
        return queries.page(cur(), queries.ACTOR_COLUMNS, "actors", queries.actor_where(country, sector, kind, q),
                            "mentions DESC, actor_id", limit, offset)

    @app.get("/api/actors/{actor}", tags=["actors"])
    def actor(actor: str):
        """One actor (by id, name or alias): aliases, roles over time, event and claim counts, neighbours."""
        c = cur()
        actor_id = actor if c.execute("SELECT 1 FROM actors WHERE actor_id = ?", [actor]).fetchone() else \
            analysis.dyad_side(c, actor)
        row = queries.actor(c, actor_id)
        counts = c.execute(
            "SELECT count(*) FILTER (WHERE source = $1), count(*) FILTER (WHERE target = $1) FROM web_events "
            "WHERE (source = $1 OR target = $1) AND repeat_of IS NULL", [actor_id]).fetchone()
        claims = c.execute("SELECT count(*) FILTER (WHERE speaker_actor = $1), count(*) FILTER (WHERE "
                           "list_contains(about, $1)) FROM web_claims", [actor_id]).fetchone()
        return {**row, "events_as_source": counts[0], "events_as_target": counts[1], "claims_by": claims[0],
                "claims_about": claims[1], "neighbours": queries.neighbours(c, actor_id)}

    @app.get("/api/events", tags=["events"])
    def events(actor: str | None = Query(None, description=ActorWord),
               role: Literal["source", "target"] | None = Query(None, description="With actor: only as this side."),
               type: str | None = Query(None, description="PLOVER type, e.g. ASSAULT."),  # noqa: A002
               status: Status | None = None, since: str | None = Since, until: str | None = Until,
               place: str | None = Query(None, description="Place name or country code contains this."),
               source: str | None = Query(None, description="Outlet, file or URL of the document contains this."),
               doc_id: str | None = None, repeats: bool = Query(False, description="Also restatements."),
               limit: int = Limit, offset: int = Offset):
        """Events, oldest first, each with its evidence sentence and document."""
        c = cur()
        where = queries.event_where(c, actor, plover_type(type), status, since, until, place, source, doc_id, role,
                                    repeats)
        return queries.events_page(c, where, limit, offset)

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: str):
        """One event."""
        where = Where()
        where.add("e.event_id = ?", event_id)
        found = queries.events_page(cur(), where, 1, 0)["items"]
        if not found:
            raise NotFound(f"no event with id {event_id!r}")
        return found[0]

    @app.get("/api/claims", tags=["claims"])
    def claims(speaker: str | None = Query(None, description=ActorWord),
               about: str | None = Query(None, description=ActorWord),
               direct: bool | None = Query(None, description="Only direct quotations (true) or only reported speech."),
               since: str | None = Since, until: str | None = Until,
               source: str | None = Query(None, description="Outlet, file or URL of the document contains this."),
               doc_id: str | None = None, limit: int = Limit, offset: int = Offset):
        """Who said what, in document order."""
        c = cur()
        return queries.claims_page(c, queries.claim_where(c, speaker, about, direct, since, until, source, doc_id),
                                   limit, offset)

    @app.get("/api/interests", tags=["claims"])
    def interests(actor: str | None = Query(None, description="Whose aims: " + ActorWord),
                  stance: str | None = Query(None, pattern="^(seeks|opposes)$"),
                  limit: int = Limit, offset: int = Offset):
        """What actors want, one row per statement of an aim, in document order (an empty list with a note
        when the database has no interests table)."""
        c = cur()
        if not queries.table_exists(c, "interests"):
            return {"total": 0, "limit": limit, "offset": offset, "items": [],
                    "note": "this database has no interests table (built before the interests stage)"}
        return queries.interests_page(c, actor, stance, limit, offset)

    @app.get("/api/clusters", tags=["analysis"])
    def clusters_(corroborated: bool = Query(False, description="Only events told by two or more sources."),
                  limit: int = Limit, offset: int = Offset):
        """Distinct events (retellings clustered) in date order, each with every article's sentence."""
        a = state.analysis()
        if a.events.empty:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        frame = analysis.timeline(a, corroborated)
        titles = dict(zip(a.documents.doc_id, a.documents.title))
        return {"total": len(frame), "limit": limit, "offset": offset,
                "items": analysis.cluster_rows(a, frame.iloc[offset:offset + limit], titles)}

    @app.get("/api/dyads", tags=["analysis"])
    def dyads(limit: int = Query(10, ge=1, le=100)):
        """The busiest pairs of countries."""
        return {"items": state.memo("overview", overview_json)["dyads"][:limit]}

    @app.get("/api/dyad", tags=["analysis"])
    def dyad(a: str = Query(..., min_length=1, description=ActorWord),
             b: str = Query(..., min_length=1, description=ActorWord),
             by: Literal["year", "quarter", "month"] = "year", since: str | None = Since, until: str | None = Until):
        """Cooperation and conflict between two actors per period, each period with its events."""
        c = cur()
        return analysis.dyad_json(c, analysis.dyad_side(c, a), analysis.dyad_side(c, b), by, since, until)

    @app.get("/api/network", tags=["analysis"])
    def network(limit: int = Query(60, ge=1, le=500, description="The most connected actors shown.")):
        """Actors and their signed, weighted ties, with a layout."""
        a = state.analysis()
        return state.memo(f"network{limit}", lambda _c: analysis.network_json(a, limit))

    @app.get("/api/contradictions", tags=["analysis"])
    def contradictions(limit: int = Limit, offset: int = Offset):
        """Where sources disagree, both sides with their evidence."""
        a = state.analysis()
        titles = dict(zip(a.documents.doc_id, a.documents.title))
        items = analysis.contradiction_rows(a, titles)
        return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}

    @app.get("/api/search", tags=["corpus"])
    def search(q: str = Query(..., min_length=1, max_length=200, description="Words to look for."),
               limit: int = Query(10, ge=1, le=100, description="Hits per kind.")):
        """Actors whose name, id or alias contains q; events, claims and documents whose text holds every word
        of q."""
        c = cur()

        def hits(kind, key, fetch):
            total, where = queries.word_hits(c, kind, q, key, limit)
            return {**fetch(where), "total": total}

        return {"q": q, "words": queries.words(q),
                "actors": queries.page(c, queries.ACTOR_COLUMNS, "actors", queries.actor_where(None, None, None, q),
                                       "mentions DESC, actor_id", limit, 0),
                "events": hits("event", "e.pos", lambda w: queries.events_page(c, w, limit, 0)),
                "claims": hits("claim", "c.pos", lambda w: queries.claims_page(c, w, limit, 0)),
                "documents": hits("document", "seq", lambda w: queries.page(
                    c, queries.DOC_COLUMNS, "documents", w, "seq", limit, 0))}


def overview_json(cur) -> dict:
    counts = dict(cur.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    totals = cur.execute("""SELECT (SELECT count(*) FROM web_events WHERE repeat_of IS NULL),
        (SELECT count(*) FROM web_claims), (SELECT count(*) FROM actors),
        (SELECT count(DISTINCT publisher) FROM documents WHERE status = 'ok'),
        (SELECT min(published) FROM documents WHERE status = 'ok'),
        (SELECT max(published) FROM documents WHERE status = 'ok')""").fetchone()
    latest = Where()
    latest.add("e.repeat_of IS NULL AND e.date IS NOT NULL")
    return {"documents": counts, "events": totals[0], "claims": totals[1], "actors": totals[2],
            "publishers": totals[3], "published_from": totals[4], "published_to": totals[5],
            "skipped": queries.rows(cur, "SELECT doc_id, source, record_id, status, reason, duplicate_of FROM documents "
                                         "WHERE status <> 'ok' ORDER BY seq LIMIT 200"),
            "dyads": queries.rows(cur, BUSIEST_DYADS),
            "latest": queries.events_page(cur, latest, 10, 0, "e.pos DESC")["items"]}


PARTY = ("CASE WHEN regexp_full_match(left(coalesce(e.{c}_code, ''), 3), '[A-Z]{{3}}') THEN left(e.{c}_code, 3) "
         "ELSE split_part(coalesce(e.{c}, ''), '.', 1) END")
# Country pairs by events between them (a retold event counts each time it is told, unlike the report's clusters).
BUSIEST_DYADS = f"""
    WITH p AS (SELECT {PARTY.format(c='source')} AS s, {PARTY.format(c='target')} AS t, quad
               FROM web_events e WHERE repeat_of IS NULL)
    SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
           count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
           count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation
    FROM p WHERE length(s) = 3 AND length(t) = 3 AND s <> t
    GROUP BY ALL ORDER BY events DESC, a, b LIMIT 100"""
