"""Latency of `newsgraph serve`'s main API calls on a synthetic database of one million events.

    python benchmarks/web.py [--events 1000000] [--db /tmp/newsgraph-web-bench.duckdb] [--repeat 40]

The database is generated, not parsed: DuckDB fills documents, actors, mentions, events and claims from
generate_series with hash-based pseudo-random choices (same database every run), in the real schema
(newsgraph.store). The app is then served in-process (FastAPI TestClient, no network) and each call is
repeated with varied parameters; prints p50 and p95 in milliseconds and fails if a p95 is 100 ms or more.
Startup (copying the database into the server's snapshot and indexing it) is printed separately.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

from newsgraph.events.plover import STATUS_WEIGHTS, TYPES
from newsgraph.store import Store

SECTORS = ["GOV", "MIL", "REB", "COP", "PTY", "MED", "ANL", "REF"]
VOCABULARY = 20_000  # generated words w0..w19999, drawn with Zipf-like (log-uniform) frequencies as in real text
TARGET_MS = 100.0


def generate(db: Path, events: int) -> None:
    """Fill a fresh database; every choice is a hash of the row number, so runs are identical."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    documents, countries = max(1000, events // 20), 40
    actors = countries * len(SECTORS)
    types = sorted(TYPES)
    with Store(db) as store:
        con = store.con
        con.execute("SET enable_progress_bar = false")
        # word k is drawn with probability ~ 1/k: a few words are in most sentences, most words in few.
        con.execute(f"CREATE TEMP MACRO word(i, salt) AS 'w' || floor(exp((hash(i, salt) % 100000) / 100000.0 "
                    f"* ln({VOCABULARY})))::INT - 1")
        # Country codes are generated three-letter strings ('QAA', 'QAB', ...): no real state is meant.
        con.execute(f"""INSERT INTO actors SELECT code || '.' || sector, 'Actor ' || code || ' ' || sector,
            'organization', code, sector, NULL, code || sector, ['Alias ' || i, code || ' ' || lower(sector)],
            (hash(i) % 5000)::INT, '[]', 'curated'
            FROM (SELECT i, 'Q' || chr((65 + (i // {len(SECTORS)}) // 26)::INT) || chr((65 + (i // {len(SECTORS)}) % 26)::INT) AS code,
                         (?)[i % {len(SECTORS)} + 1] AS sector FROM range({actors}) t(i))""", [SECTORS])
        sentence = " || ' ' || ".join(f"word({{i}}, {k})" for k in range(12))
        con.execute(f"""INSERT INTO documents (doc_id, source, status, title, publisher, published, language, text,
                url, format, content_hash, run_id)
            SELECT printf('%016x', hash(i, 'doc')), 'feed/' || i || '.txt', 'ok', 'Story ' || i,
                'Outlet ' || (i % 60), strftime(DATE '2015-01-01' + (hash(i) % 4000)::INT, '%Y-%m-%d'), 'en',
                repeat('Officials said the talks on the border would resume next week. ', 25),
                'https://example.org/' || i, 'text', md5(i::VARCHAR), 1
            FROM range({documents}) t(i)""")
        con.execute(f"""CREATE TEMP TABLE doc_ids AS SELECT row_number() OVER (ORDER BY seq) - 1 AS n, doc_id,
            published FROM documents""")
        con.execute(f"""CREATE TEMP TABLE actor_ids AS SELECT row_number() OVER (ORDER BY actor_id) - 1 AS n,
            actor_id, code FROM actors""")
        con.execute(f"""INSERT INTO events (event_id, doc_id, evidence, start, "end", source, target, type, quad,
                intensity, status, date, location, confidence, source_code, target_code, trigger, date_precision,
                repeat_of)
            SELECT printf('%016x', hash(i, 'event')), d.doc_id, {sentence.format(i='i')} || ' in province ' ||
                (i % 300) || '.', (i % 20) * 60, (i % 20) * 60 + 58, s.actor_id, t.actor_id, ty.type, ty.quad,
                ty.intensity, (?)[(hash(i, 's') % 5)::BIGINT + 1], d.published,
                CASE WHEN i % 3 = 0 THEN '{{"name": "Town ' || (i % 500) || '", "country": "' || t.code[:3] ||
                    '"}}' END, 0.8, s.code, t.code, 'said', 'day', NULL
            FROM range({events}) r(i)
            JOIN doc_ids d ON d.n = i % {documents}
            JOIN actor_ids s ON s.n = hash(i, 'src') % {actors}
            JOIN actor_ids t ON t.n = (hash(i, 'src') % {actors} + 1 + hash(i, 'tgt') % {actors - 1}) % {actors}
            JOIN (SELECT unnest(?) AS type, unnest(?) AS quad, unnest(?) AS intensity,
                         generate_subscripts(?, 1) - 1 AS k) ty ON ty.k = hash(i, 'type') % {len(types)}""",
                    [list(STATUS_WEIGHTS), types, [TYPES[t][0] for t in types], [TYPES[t][1] for t in types], types])
        con.execute(f"""INSERT INTO mentions SELECT d.doc_id, (i // {documents}) * 30, (i // {documents}) * 30 + 8, 'Actor', a.actor_id,
                'Actor', 'organization', NULL, NULL, NULL, a.code, NULL, 1.0, 'curated'
            FROM range({events}) r(i) JOIN doc_ids d ON d.n = i % {documents}
            JOIN actor_ids a ON a.n = hash(i, 'mention') % {actors}""")
        con.execute(f"""INSERT INTO claims (claim_id, doc_id, speaker, speaker_actor, cue, content, start, "end",
                direct, about, confidence)
            SELECT printf('%016x', hash(i, 'claim')), d.doc_id, 'a spokesman', s.actor_id, 'said',
                {sentence.format(i='i + 7')}, (i % 20) * 60, (i % 20) * 60 + 40, i % 2 = 0, [t.actor_id], 0.9
            FROM range({events // 5}) r(i) JOIN doc_ids d ON d.n = i % {documents}
            JOIN actor_ids s ON s.n = hash(i, 'speaker') % {actors}
            JOIN actor_ids t ON t.n = hash(i, 'about') % {actors}""")
        con.execute("CHECKPOINT")


def calls(client, rounds: int) -> dict[str, list[str]]:
    """Each main call with `rounds` different parameter sets."""
    actors = [a["actor_id"] for a in client.get("/api/actors?limit=300").json()["items"]]
    docs = [d["doc_id"] for d in client.get("/api/documents?limit=300").json()["items"]]
    types = sorted(TYPES)
    pick = lambda seq, k: seq[(k * 7919) % len(seq)]  # noqa: E731 - spread choices over the list
    return {
        "overview": ["/api/overview"] * rounds,
        "events (first page)": [f"/api/events?offset={50 * k}" for k in range(rounds)],
        "events ?actor": [f"/api/events?actor={pick(actors, k)}" for k in range(rounds)],
        "events ?actor=country code": [f"/api/events?actor={pick(actors, k)[:3]}&role=target" for k in range(rounds)],
        "events ?type&status&dates": [f"/api/events?type={pick(types, k)}&status=asserted&since={2015 + k % 9}"
                                      f"&until={2015 + k % 9}" for k in range(rounds)],
        "events ?place": [f"/api/events?place=Town%20{k * 13 % 500}" for k in range(rounds)],
        "events ?source": [f"/api/events?source=Outlet%20{k % 60}&since=2020" for k in range(rounds)],
        "actors ?q": [f"/api/actors?q={pick(actors, k)[:3]}" for k in range(rounds)],
        "actor page": [f"/api/actors/{pick(actors, k)}" for k in range(rounds)],
        "claims ?speaker": [f"/api/claims?speaker={pick(actors, k)}" for k in range(rounds)],
        "document page": [f"/api/documents/{pick(docs, k)}" for k in range(rounds)],
        "search (one word)": [f"/api/search?q=w{k * 37 % 500}" for k in range(rounds)],
        "search (two words)": [f"/api/search?q=w{k % 50}%20w{k * 37 % 2000}" for k in range(rounds)],
        "dyad by quarter": [f"/api/dyad?a={pick(actors, k)}&b={pick(actors, k + 3)}&by=quarter" for k in range(rounds)],
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-web-bench.duckdb"))
    parser.add_argument("--repeat", type=int, default=41, help="calls per endpoint (the first is reported apart)")
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db instead of generating it")
    parser.add_argument("--report-only", action="store_true",
                        help="exit 0 when an endpoint is over its time target (still exit 1 on an error response)")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        start = time.perf_counter()
        generate(args.db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f}s -> {args.db}")
    start = time.perf_counter()
    app = create_app(args.db)
    print(f"server start (snapshot copy + indexes): {time.perf_counter() - start:.2f}s")
    failed = []
    with TestClient(app) as client:
        for name, urls in calls(client, args.repeat).items():
            timings = []
            for url in urls:
                t = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - t) * 1000)
                if response.status_code != 200:
                    print(f"  {url}: {response.status_code} {response.text[:200]}")
                    failed.append(name)
            first, timings = timings[0], timings[1:]  # the first call fills per-snapshot caches (overview)
            p50, p95 = statistics.median(timings), percentile(timings, 0.95)
            flag = "" if p95 < TARGET_MS else "  <-- over target"
            print(f"{name:28s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   first {first:6.1f} ms   (n={len(timings)}){flag}")
            if p95 >= TARGET_MS and not args.report_only:
                failed.append(name)
    app.state.newsgraph.snapshot.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
