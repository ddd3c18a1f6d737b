"""Small realistic test inputs, written in the tests' own words."""
import gzip
import io
import json

ARTICLE = (
    "Pakistan closes Torkham crossing after border clash\n\n"
    "By Sana Mirza\n\n"
    "March 3, 2024\n\n"
    "Pakistan closed the Torkham border crossing with Afghanistan on Sunday after security forces from both "
    "sides exchanged fire overnight, officials in Khyber district said.\n\n"
    "Hundreds of trucks carrying fruit and coal were left stranded on both sides of the frontier, and traders "
    "said they expected losses to mount if the closure lasted more than a few days.\n\n"
    "The Taliban administration in Kabul said its guards had responded to what it called unprovoked firing, "
    "and called on Islamabad to reopen the crossing without delay.\n"
)

HTML = """<!doctype html><html><head><title>Border talks resume | Valley Times</title>
<meta property="og:site_name" content="Valley Times">
<meta name="author" content="Omar Farooq">
<meta property="article:published_time" content="2024-05-14T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Border talks resume</h1>
<p>Pakistani and Afghan officials met in Kabul on Tuesday to discuss trade across the border, the first such
meeting in three months, according to the foreign ministry in Islamabad.</p>
<p>Delegates agreed to set up a joint committee on customs procedures and to meet again next month, officials
said after the talks, which lasted most of the day.</p>
<p>Traders in Peshawar welcomed the meeting but said they would wait to see whether the crossings stayed open
before sending more goods across.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great article, thanks for sharing this update with us!</p></section>
<footer><p>&copy; 2024 Valley Times. All rights reserved.</p></footer>
</body></html>"""

GERMAN = (
    "Pakistan schließt Grenzübergang nach Zusammenstößen\n\n"
    "Pakistan hat den Grenzübergang Torkham nach einem nächtlichen Schusswechsel zwischen Sicherheitskräften "
    "beider Seiten geschlossen, teilten Beamte am Sonntag mit. Hunderte Lastwagen mit Obst und Kohle stecken "
    "auf beiden Seiten der Grenze fest, und Händler rechnen mit hohen Verlusten, falls die Schließung länger "
    "andauert. Die Taliban-Regierung in Kabul forderte Islamabad auf, den Übergang sofort wieder zu öffnen.\n"
)


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode() + b"\n"


def warc(records, compress=False) -> bytes:
    """A WARC file with one HTTP response record per (url, html) pair."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, html, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


def seed_rows(db, table: str):
    """The rows of `table` ('events', 'claims') from the seed articles, with a `seed` column ('000'...)."""
    from newsgraph.store import Store

    with Store(db, read_only=True) as store:
        docs, frame = store.documents(), getattr(store, table)()
    names = {row.doc_id: row.source.split("/")[-1][:3] for row in docs.itertuples()}
    frame = frame.assign(seed=frame.doc_id.map(names))
    return frame[frame.seed.str.fullmatch(r"00\d")]


# Procedural prose for long-document tests: every paragraph differs (names, numbers, places, order), so
# near-duplicate detection and caches cannot shortcut the work. Words are plain newswire vocabulary.
_SUBJECTS = ["Farmers", "Teachers", "Local officials", "Aid workers", "Engineers", "Traders", "Nurses",
             "Volunteers", "Fishermen", "Students", "Drivers", "Shopkeepers"]
_VERBS = ["repaired", "inspected", "counted", "cleared", "rebuilt", "painted", "measured", "surveyed"]
_OBJECTS = ["the footbridge", "the grain store", "the water pumps", "the school roof", "the market stalls",
            "the clinic", "the irrigation canal", "the village road", "the bus shelter", "the library"]
_TIMES = ["on Monday", "on Tuesday", "last week", "before the rains", "after the harvest", "over the weekend"]


def long_prose(n_chars: int, seed: int = 1) -> str:
    """About `n_chars` of distinct paragraphs of everyday local-news prose."""
    import random

    rng = random.Random(seed)
    paragraphs, size, n = [], 0, 0
    while size < n_chars:
        n += 1
        sentences = [f"{rng.choice(_SUBJECTS)} in district {n} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                     f"{rng.choice(_TIMES)}, and {rng.randint(2, 900)} families were told of the work by "
                     f"notice number {n * 7 + rng.randint(0, 6)}." for _ in range(rng.randint(2, 5))]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


# Fields that name actors, per export file; a list field names several.
ACTOR_REFERENCES = {"events": ("source", "target"), "claims": ("speaker_actor", "about"),
                    "interests": ("actor", "object")}


def assert_actor_references(out_dir, db=None):
    """Referential integrity of an export (and its database): every actor id that events, claims or
    interests name has a row in actors.jsonl and in the `actors` table."""
    from pathlib import Path

    out_dir = Path(out_dir)
    actors = {row["actor_id"] for row in _jsonl(out_dir / "actors.jsonl")}
    named = set()
    for table, fields in ACTOR_REFERENCES.items():
        path = out_dir / f"{table}.jsonl"
        for row in _jsonl(path) if path.exists() else []:
            for name in fields:
                value = row.get(name)
                named |= set(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()
    named.discard("")
    assert not named - actors, f"actor ids named but not in actors.jsonl: {sorted(named - actors)[:20]}"
    if db is not None:
        from newsgraph.store import Store

        with Store(db, read_only=True) as store:
            stored = set(store.table("actors").actor_id)
        assert not named - stored, f"actor ids named but not in the actors table: {sorted(named - stored)[:20]}"
    return named


def _jsonl(path):
    from pathlib import Path

    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def petr2_feed(xml_path) -> bytes:
    """The PETRARCH-2 validation sentences as a JSON Lines feed: one record per sentence, with its date."""
    import re
    from pathlib import Path

    text = Path(xml_path).read_text(encoding="utf-8")
    records = []
    for m in re.finditer(r'<Sentence [^>]*date="(\d{8})"[^>]*id="([^"]+)"[^>]*>.*?<Text>\s*(.*?)\s*</Text>', text, re.S):
        date, rid, body = m.groups()
        records.append({"id": rid, "text": " ".join(body.split()), "published": f"{date[:4]}-{date[4:6]}-{date[6:]}"})
    return jsonl(*records)
