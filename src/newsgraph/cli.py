"""The `newsgraph` command line."""
from __future__ import annotations

import json
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.ingest import DEFAULT_MAX_BYTES
from newsgraph.store import Store, StoreError
from newsgraph.store.db import DEFAULT_DB
from newsgraph.store.export import FORMATS, export

# Wide enough for the tables when output goes to a file or a CI log rather than a terminal.
console = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.I)
UNITS = {None: 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024 ** 2, "mb": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3}


def parse_size(_ctx, _param, value: str | int) -> int:
    if isinstance(value, int):
        return value
    m = SIZE.match(value)
    if not m:
        raise click.BadParameter(f"{value!r} is not a size; write e.g. 20MB, 500KB or 1048576")
    return int(float(m.group(1)) * UNITS[m.group(2).lower() if m.group(2) else None])


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="DuckDB database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """Rebuild the actors, events and claims of a geopolitical situation from news files.

    \b
    Typical use:
      newsgraph build articles/ --db corpus.duckdb
      newsgraph docs --db corpus.duckdb
      newsgraph export --db corpus.duckdb --format jsonl --out out/
      newsgraph demo                 # the built-in demo corpus, end to end
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-size", default=str(DEFAULT_MAX_BYTES), callback=parse_size, show_default="20MB",
              help="Skip files larger than this (e.g. 50MB).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse and extract (cleaning and the duplicate check stay in this one).")
@click.option("--dask", metavar="ADDRESS", help="Parse and extract on a Dask cluster: a scheduler address "
              "(tcp://host:8786) or 'local' for a LocalCluster of --workers processes.")
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents per database commit; an interrupted run loses at most one batch.")
@click.option("--shards", metavar="DIR", help="With --dask: each task (--batch-size documents) writes its "
              "rows as Parquet files into DIR, a folder every worker and this machine can reach; a killed "
              "run resumes from the finished ones.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def build(paths, db, max_size, workers, dask, batch_size, shards, quiet, as_json):
    """Read files, folders (recursively) or globs of news into the database.

    Accepts plain text (.txt, .md), HTML (.html, .htm, also .gz), JSON Lines (.jsonl: one record per line with
    "text" or "html" and optional "id", "title", "url", "published", "source") and WARC (.warc, .warc.gz).
    Inputs already in the database are left alone, so re-running is safe; bad files are recorded as
    skipped with a reason and never stop the run.
    """
    check_inputs(paths)
    if shards and not dask:
        fail("--shards needs --dask (a scheduler address, or 'local')")
    summary = run_build(paths, db, max_size, workers, batch_size, quiet or as_json, dask, shards)
    if as_json:
        click.echo(json.dumps(summary_json(summary), indent=2))
    elif not quiet:
        print_summary(summary)
    if summary.counts.get("failed"):
        # The batch went on, but a script must be able to tell that some documents were not processed.
        err.print(f"[red]{summary.counts['failed']} document(s) failed[/]: "
                  f"'newsgraph docs --status failed --db {db}' lists them; the next build retries them")
        sys.exit(3)


def check_inputs(paths) -> None:
    """An argument that names nothing is the user's typo: say so rather than build an empty database."""
    import glob

    for path in paths:
        if any(ch in path for ch in "*?[") and not glob.glob(path, recursive=True):
            fail(f"no file matches {path!r}")
        elif not any(ch in path for ch in "*?[") and not Path(path).exists():
            fail(f"no such file or folder: {path}")


def run_build(paths, db, max_size, workers, batch_size, quiet, dask=None, shards=None):
    from newsgraph.pipeline import build as build_corpus

    progress = Progress(SpinnerColumn(), TextColumn("[bold]building[/]"), BarColumn(),
                        TextColumn("{task.completed} inputs"), TimeElapsedColumn(), console=err,
                        disable=quiet, transient=True)
    try:
        with progress:
            task = progress.add_task("build", total=None)
            return build_corpus(paths, db, max_bytes=max_size, batch_size=batch_size, workers=workers,
                                dask=dask, shards=shards, on_item=lambda _doc: progress.advance(task))
    except StoreError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(os_error(exc, db))


def fail(message: str) -> None:
    err.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(2)


def os_error(exc: OSError, path) -> str:
    """'cannot write /proc/x/r.html: No such file or directory', one line, no traceback."""
    return f"cannot write {exc.filename or path}: {exc.strerror or exc}"


def summary_json(summary) -> dict:
    return {
        "db": summary.db, "run_id": summary.run_id, "seconds": round(summary.seconds, 3),
        "counts": {k: summary.counts.get(k, 0) for k in ("ok", "duplicate", "skipped", "failed", "unchanged")},
        "documents": [{"doc_id": d.doc_id, "source": d.source, "record_id": d.record_id, "status": d.status,
                       "reason": d.reason, "duplicate_of": d.duplicate_of, "title": d.title,
                       "published": d.published} for d in summary.documents],
    }


def print_summary(summary) -> None:
    c = summary.counts
    console.print(f"[bold]{c.get('ok', 0)}[/] added, {c.get('duplicate', 0)} duplicates, "
                  f"{c.get('skipped', 0)} skipped, {c.get('failed', 0)} failed, {c.get('unchanged', 0)} already "
                  f"stored in {summary.seconds:.1f}s -> {summary.db}")
    for doc in summary.skipped + summary.failed:
        where = f"{doc.source}" + (f" [{doc.record_id}]" if doc.record_id else "")
        colour = "yellow" if doc.status == "skipped" else "red"
        console.print(f"  [{colour}]{doc.status}[/] {where}: {doc.reason}", highlight=False)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("gdelt",)), default="jsonl", show_default=True,
              help="gdelt: one tab-separated events.gdelt.tsv with GDELT 1.0 event columns, one row per event.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
@click.option("--all-statuses", is_flag=True,
              help="gdelt: also planned, hypothetical and negated events (a Status column tells them apart).")
def export_cmd(db, fmt, out, all_statuses):
    """Write documents, actors, events and claims files (export format v1), or a GDELT-style event table."""
    from newsgraph.events.plover import STATUS_WEIGHTS
    from newsgraph.report.gdelt import FACTUAL, write_gdelt
    try:
        if fmt == "gdelt":
            path, count = write_gdelt(db, Path(out) / "events.gdelt.tsv",
                                      tuple(STATUS_WEIGHTS) if all_statuses else FACTUAL)
            written = {f"events ({count})": path}
        else:
            written = export(db, out, fmt)
    except StoreError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(os_error(exc, out))
    for table, path in written.items():
        console.print(f"{table:10s} {path}", highlight=False)


export_cmd.name = "export"


@cli.command()
@db_option
@click.option("--status", type=click.Choice(["ok", "skipped", "duplicate", "failed"]),
              help="Only documents with this status.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
def docs(db, status, as_json):
    """List the documents in the database."""
    frame = open_store(db).documents(status)
    if as_json:
        for row in frame[["doc_id", "source", "record_id", "status", "reason", "title", "published"]].to_dict("records"):
            click.echo(json.dumps({k: (None if v != v else v) for k, v in row.items()}, ensure_ascii=False))
        return
    console.print(documents_table(frame))


def documents_table(frame) -> Table:
    table = Table(show_lines=False)
    add_columns(table, ["doc_id", "status", "published", "publisher", "title / reason", "source"])
    for row in frame.itertuples():
        label = cell(row.title) if row.status not in ("skipped", "failed") else f"[yellow]{cell(row.reason)}[/]"
        source = Path(row.source).name + (f" [{row.record_id}]" if cell(row.record_id) else "")
        table.add_row(row.doc_id, row.status, cell(row.published), cell(row.publisher), label, source)
    return table


def cell(value) -> str:
    """A table cell: missing values (None, NaN) print as nothing."""
    return "" if value is None or value != value else str(value)


COLUMN_WIDTHS = {"doc_id": (16, 16), "status": (6, 28), "published": (10, 10), "publisher": (8, 22),
                 "title / reason": (20, 50), "source": (10, 32)}


def add_columns(table: Table, names: list[str]) -> None:
    for name in names:
        low, high = COLUMN_WIDTHS.get(name, (None, 40))
        table.add_column(name, overflow="ellipsis", no_wrap=True, min_width=low, max_width=high)


def open_store(db) -> Store:
    try:
        return Store(db, read_only=True)
    except StoreError as exc:
        fail(str(exc))


@cli.command()
@db_option
@click.option("--country", help="ISO 3166-1 alpha-3 code, e.g. PAK.")
@click.option("--sector", help="Sector code, e.g. MIL, GOV, REB, ANL.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
def actors(db, country, sector, as_json):
    """List resolved actors with their codes and mention counts, most mentioned first."""
    frame = open_store(db).table("actors")
    if frame.empty:
        fail(f"no actors in {db}: build some documents first")
    if country:
        frame = frame[frame.country == country.upper()]
    if sector:
        frame = frame[frame.sector == sector.upper()]
    frame = frame.sort_values(["mentions", "actor_id"], ascending=[False, True])
    if as_json:
        for row in frame.to_dict("records"):
            row["aliases"] = list(row["aliases"])
            click.echo(json.dumps({k: (None if v is None or v != v else v) for k, v in row.items() if k != "roles"},
                                  ensure_ascii=False))
        return
    table = Table()
    for column in ("actor_id", "name", "kind", "code", "layer", "mentions", "aliases"):
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=48,
                         min_width={"layer": 7, "mentions": 8}.get(column))
    for row in frame.itertuples():
        table.add_row(row.actor_id, row.name, row.kind, cell(row.code), cell(row.layer), str(row.mentions),
                      ", ".join(list(row.aliases)[:4]))
    console.print(table)


@cli.command()
@click.argument("name")
@db_option
def actor(name, db):
    """One actor: aliases, roles over time, and the documents that mention it."""
    store = open_store(db)
    frame = store.table("actors")
    match = frame[(frame.actor_id == name) | (frame.name.str.lower() == name.lower()) |
                  frame.aliases.apply(lambda a: name.lower() in [x.lower() for x in a])]
    if match.empty:
        fail(f"no actor called {name!r} in {db}; 'newsgraph actors' lists them")
    row = match.sort_values("mentions", ascending=False).iloc[0]
    console.print(f"[bold]{row['name']}[/]  {row['actor_id']}  ({row['kind']}, code {row['code']}, "
                  f"from the {LAYER_NAMES.get(row['layer'], 'text')})", highlight=False)
    console.print(f"aliases: {', '.join(row['aliases'])}", highlight=False)
    for role in json.loads(row["roles"] or "[]"):
        span = f"{role.get('since') or '…'} to {role.get('until') or 'now'}"
        label = " ".join(filter(None, [role.get("country"), role.get("sector"), role.get("group"), role.get("title")]))
        console.print(f"  role: {label:40s} {span}", highlight=False)
    mentions = store.mentions()
    mentions = mentions[mentions.actor_id == row["actor_id"]]
    docs = store.documents().set_index("doc_id")
    console.print(f"mentioned {len(mentions)} times in {mentions.doc_id.nunique()} documents:")
    for doc_id, group in mentions.groupby("doc_id", sort=False):
        doc = docs.loc[doc_id]
        console.print(f"  {doc_id}  {cell(doc['published']):10s}  {len(group):3d}×  {cell(doc['title'])[:70]}",
                      highlight=False)


LAYER_NAMES = {"base": "base dictionary (Phoenix)", "curated": "curated dictionary", "text": "text"}


def actor_ids(store: Store, name: str) -> set[str]:
    """Actor ids a user's word can mean: an id, a name or alias, or a country code (PAK -> PAK.*)."""
    frame = store.table("actors")
    lower = name.lower()
    ids = set(frame[(frame.actor_id.str.lower() == lower) | (frame.name.str.lower() == lower) |
                    frame.aliases.apply(lambda a: lower in [x.lower() for x in a])].actor_id)
    if not ids and len(name) == 3 and name.isalpha():
        ids = {name.upper()}
    # a state, by code or by name ('Russia' as 'RUS'), stands for all its institutions too
    states = {i for i in ids if len(i) == 3 and i.isalpha() and i.isupper()}
    return ids | set(frame[frame.country.isin(states)].actor_id)


@cli.command()
@db_option
@click.option("--actor", help="Source or target: an actor id, name or alias, or a country code (PAK).")
@click.option("--type", "event_type", help="PLOVER type, e.g. ASSAULT, CONSULT, COERCE.")
@click.option("--since", help="Only events dated on or after this (2025, 2025-01 or 2025-01-15).")
@click.option("--status", type=click.Choice(["asserted", "reported", "planned", "hypothetical", "negated"]))
@click.option("--all", "show_repeats", is_flag=True, help="Also list restatements of an event in the same article.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a listing.")
def events(db, actor, event_type, since, status, show_repeats, as_json):
    """Events, oldest first, each with its evidence sentence and source document."""
    since = checked_date(since)
    event_type = checked_type(event_type)
    store = open_store(db)
    frame = store.events()
    if frame.empty:
        fail(f"no events in {db}: build some documents first")
    if actor:
        frame = involving(frame, known_actor(store, actor, db), "source", "target")
    if event_type:
        frame = frame[frame.type == event_type.upper()]
    if since:
        frame = frame[frame.date.fillna("") >= since]
    if status:
        frame = frame[frame.status == status]
    if not show_repeats:
        frame = frame[frame.repeat_of.isna()]
    frame = frame.sort_values(["date", "doc_id", "start"], na_position="last")
    if as_json:
        print_json(frame, "events")
        return
    titles = store.documents().set_index("doc_id").title.to_dict()
    for row in frame.itertuples():
        place = json.loads(row.location)["name"] if isinstance(row.location, str) else ""
        console.print(f"[bold]{cell(row.date) or 'undated':10s}[/] {row.type}{'/' + row.mode if cell(row.mode) else ''}"
                      f"  {cell(row.source) or '?'} -> {cell(row.target) or '?'}  \\[{row.status}]"
                      f"{'  @ ' + place if place else ''}  conf {row.confidence:.2f}", highlight=False)
        console.print(f"    “{row.evidence}”", highlight=False, soft_wrap=True)
        console.print(f"    {row.doc_id} {cell(titles.get(row.doc_id))[:80]}", style="dim", highlight=False)
    console.print(f"{len(frame)} events", highlight=False)


DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def checked_date(value: str | None) -> str | None:
    if value is not None and not DATE.match(value.strip()):
        fail(f"--since {value!r} is not a date: write 2025, 2025-01 or 2025-01-15")
    return value.strip() if value else value


def checked_type(value: str | None) -> str | None:
    from newsgraph.events.plover import OLD_NAMES, TYPES

    if value is None:
        return None
    name = OLD_NAMES.get(value.upper(), value.upper())
    if name not in TYPES:
        fail(f"--type {value!r} is not a PLOVER type; choose one of {', '.join(sorted(TYPES))}")
    return name


@cli.command()
@db_option
@click.option("--speaker", help="Who said it: an actor id, name or alias, or a country code (PAK).")
@click.option("--about", help="Whom it is about: an actor id, name or alias, or a country code.")
@click.option("--direct", "only_direct", is_flag=True, help="Only direct quotations.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a listing.")
def claims(db, speaker, about, only_direct, as_json):
    """Who said what: attributed statements with their speaker, cue and exact content."""
    store = open_store(db)
    frame = store.claims()
    if frame.empty:
        fail(f"no claims in {db}: build some documents first")
    if speaker:
        frame = frame[frame.speaker_actor.isin(known_actor(store, speaker, db))]
    if about:
        ids = known_actor(store, about, db)
        frame = frame[frame.about.apply(lambda a: bool(set(a) & ids) if a is not None else False)]
    if only_direct:
        frame = frame[frame.direct]
    if as_json:
        print_json(frame, "claims")
        return
    titles = store.documents().set_index("doc_id").title.to_dict()
    for row in frame.itertuples():
        marks = ("“", "”") if row.direct else ("", "")
        console.print(f"[bold]{row.speaker}[/] ({cell(row.speaker_actor) or 'unnamed'}) {row.cue}: "
                      f"{marks[0]}{row.content}{marks[1]}", highlight=False, soft_wrap=True)
        console.print(f"    {row.doc_id} {cell(titles.get(row.doc_id))[:80]}", style="dim", highlight=False)
    console.print(f"{len(frame)} claims", highlight=False)


def dyad_side(store: Store, name: str, db: str) -> str:
    """A dyad side as the analysis counts it (an actor id or a country code): 'Russia' -> 'RUS'."""
    frame = store.table("actors")
    if name in set(frame.actor_id) or (len(name) == 3 and name.isalpha()):
        return name.upper() if len(name) == 3 and name.isalpha() else name
    ids = known_actor(store, name, db)
    states = sorted(i for i in ids if len(i) == 3 and i.isalpha() and i.isupper())
    if states:  # a state named: counted with its institutions, as its code is
        return states[0]
    return frame[frame.actor_id.isin(ids)].sort_values("mentions", ascending=False).actor_id.iloc[0]


def involving(frame, ids: set[str], *columns: str):
    """Rows in which any of `columns` names one of the actor ids."""
    mask = frame[columns[0]].isin(ids)
    for column in columns[1:]:
        mask |= frame[column].isin(ids)
    return frame[mask]


def known_actor(store: Store, name: str, db: str) -> set[str]:
    ids = actor_ids(store, name)
    if not ids:
        fail(f"no actor called {name!r} in {db}; 'newsgraph actors' lists them")
    return ids


def print_json(frame, table: str) -> None:
    from newsgraph.store.export import records
    from newsgraph.store.schema import EXPORT_TABLES

    for row in records(frame, EXPORT_TABLES[table]):
        click.echo(json.dumps(row, ensure_ascii=False))


@cli.command()
@click.argument("doc_id")
@db_option
def show(doc_id, db):
    """Print one document's metadata and cleaned text."""
    frame = open_store(db).documents()
    match = frame[frame.doc_id.str.startswith(doc_id)]
    if match.empty:
        fail(f"no document with id {doc_id!r} in {db}")
    row = match.iloc[0]
    for field in ("doc_id", "source", "record_id", "status", "reason", "duplicate_of", "title", "publisher",
                  "published", "language"):
        if cell(row[field]):
            console.print(f"[bold]{field}:[/] {cell(row[field])}", highlight=False)
    console.print(f"[bold]authors:[/] {', '.join(row['authors']) if row['authors'] is not None else ''}")
    console.print()
    click.echo(row["text"] or "")


@cli.group(name="eval")
def eval_group() -> None:
    """Score the extraction in a database against a hand-written gold file (see gold/ in the repository)."""


def gold_and_store(gold_path: str, db: str, columns: list[str]):
    from newsgraph.analysis.evaluate import missing_documents, read_gold

    gold = read_gold(gold_path, columns)
    if gold.empty:
        fail(f"{gold_path} has no gold rows")
    store = open_store(db)
    documents = store.documents()
    absent = missing_documents(documents, gold)
    if absent:
        fail(f"{len(absent)} gold documents are not in {db} (e.g. {absent[0]}): build them first")
    return gold, store, documents


def print_scores(title: str, scores) -> None:
    table = Table(title=title)
    add_columns(table, ["level", "gold", "found", "correct", "precision", "recall", "F1"])
    for s in scores:
        correct = f"{s.correct:.1f}" if isinstance(s.correct, float) else str(s.correct)
        table.add_row(s.name, str(s.gold), str(s.predicted), correct, f"{s.precision:.3f}",
                      f"{s.recall:.3f}", f"{s.f1:.3f}")
    console.print(table)


def print_differences(label: str, pairs: list, limit: int) -> None:
    if pairs and limit:
        console.print(f"[bold]{label}[/] ({len(pairs)}):", highlight=False)
        for pair in pairs[:limit]:
            console.print("  " + "  ".join(map(str, pair)), highlight=False)


@eval_group.command(name="actors")
@click.argument("gold", default="gold/actors.tsv", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--show", default=20, show_default=True, help="How many missing and extra actors to list.")
def eval_actors(gold, db, show):
    """Precision and recall of the actors found per document: by actor, by actor and role at the
    document's date, and by role alone."""
    from newsgraph.analysis.evaluate import ACTOR_GOLD, actor_differences, evaluate_actors

    gold_rows, store, documents = gold_and_store(gold, db, ACTOR_GOLD)
    mentions = store.mentions()
    print_scores(f"Actors: {gold_rows.document.nunique()} documents, {len(gold_rows)} gold actors",
                 evaluate_actors(documents, mentions, gold_rows))
    missing, extra = actor_differences(documents, mentions, gold_rows)
    print_differences("missing", missing, show)
    print_differences("extra", extra, show)


@eval_group.command(name="actors-world")
@click.argument("gold", default="gold/actors_world.tsv", type=click.Path(exists=True, dir_okay=False))
@click.option("--show", default=0, show_default=True, help="How many wrongly coded mentions to list.")
def eval_actors_world(gold, show):
    """Country and sector accuracy on labelled actor mentions in single sentences (no database needed)."""
    from newsgraph.actors.evaluate import read_rows, score_rows, summary

    results = score_rows(read_rows(gold))
    for name, value in summary(results).items():
        console.print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}", highlight=False)
    wrong = [r for r in results if not (r.country_ok and r.sector_ok)]
    for r in wrong[:show]:
        got = f"{r.found.country or '-'} {r.found.sector or '-'} {r.found.actor_id}" if r.found else "not found"
        console.print(f"  {r.row['id']:>4} {r.row['surface']:38s} want {r.row['country'] or '-'} "
                      f"{r.row['sector'] or '-'}  got {got}", highlight=False, markup=False)


@eval_group.command(name="events")
@click.argument("gold", default="gold/events.tsv", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--show", default=20, show_default=True, help="How many missing and extra events to list.")
def eval_events(gold, db, show):
    """Precision, recall and F1 of events: found with the right quad class; with the right PLOVER type;
    with the right type and source and target countries. Then status and date accuracy."""
    from newsgraph.analysis.evaluate import EVENT_GOLD, evaluate_events, event_differences

    gold_rows, store, documents = gold_and_store(gold, db, EVENT_GOLD)
    events = store.events()
    scores, accuracy = evaluate_events(documents, events, gold_rows)
    print_scores(f"Events: {gold_rows.document.nunique()} documents, {len(gold_rows)} gold events", scores)
    for name, (right, total) in accuracy.items():
        console.print(f"{name} accuracy on type-matched events: {right}/{total} = "
                      f"{right / total if total else 0:.3f}", highlight=False)
    missing, extra = event_differences(documents, events, gold_rows)
    print_differences("missing", missing, show)
    print_differences("extra", extra, show)


@eval_group.command(name="events-ood")
@click.option("--shared", default="../shared", show_default=True, type=click.Path(file_okay=False),
              help="The shared inputs: bench/petr2-validation, bench/petrarch-unit, data/ngec-synthetic.")
@click.option("--cache", default=None, type=click.Path(file_okay=False),
              help="Keep the bench texts' parses here between runs (e.g. /tmp/newsgraph-bench).")
@click.option("--set", "only", multiple=True, help="Score only this set (repeatable).")
@click.option("--show", default=0, show_default=True, help="How many mis-typed records to list per set.")
def eval_events_ood(shared, cache, only, show):
    """Events out of domain: PETRARCH-2 validation, PETRARCH unit records and the held-out 20 % of the
    synthetic PLOVER stories, coded in memory. Type precision and recall, type + source-country recall,
    and the share of event-bearing records where any event is found; last, apart, the precision of one
    main event per record (analysis/event_bench.py)."""
    from newsgraph.analysis.event_bench import evaluate_bench

    scores = evaluate_bench(shared, cache, list(only))
    if not scores:
        fail(f"no bench set found under {shared}")
    table = Table(title="Events out of domain (PETRARCH sets and the held-out 20% of the synthetic stories; README says which shaped rules)")
    add_columns(table, ["set", "records", "with events", "type P", "type R", "type+source R", "any event",
                        "failures", "main-event P"])
    for s in scores:
        source = f"{s.source_recall:.3f}" if s.source_recall is not None else "n/a"
        table.add_row(s.name, str(s.records), str(s.event_records), f"{s.precision:.3f}", f"{s.recall:.3f}",
                      source, f"{s.found_share:.3f}", str(len(s.failures)), f"{s.main_precision:.3f}")
    console.print(table)
    for s in scores:
        print_differences(f"{s.name} failures", s.failures, 10)
        print_differences(f"{s.name} mis-typed (gold, found)", s.misses, show)


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["year", "quarter", "month"]), default="year", show_default=True)
def dyad(a, b, db, by):
    """How two actors (ids, or country codes such as PAK) move between cooperation and conflict: events per
    quad class and status-weighted mean intensity per period (-10 war .. +10 closest cooperation)."""
    from newsgraph.analysis.clusters import cluster_events, clusters
    from newsgraph.analysis.dyads import QUADS, dyad_table, sparkline

    store = open_store(db)
    events = store.events()
    if events.empty:
        fail(f"no events in {db}: build some documents first")
    a, b = dyad_side(store, a, db), dyad_side(store, b, db)
    table = dyad_table(clusters(cluster_events(events, store.documents())), a, b, by)
    if table.empty:
        fail(f"no events between {a} and {b} in {db}")
    out = Table(title=f"{a} – {b} by {by}  {sparkline(table.intensity)}")
    add_columns(out, ["period", *[q.replace("_", " ") for q in QUADS], "events", "intensity"])
    for row in table.itertuples(index=False):
        out.add_row(*(str(v) for v in row))
    console.print(out)


@cli.command()
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="report.html, or report.md with --format md.")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
def report(db, out, fmt):
    """Write the analyst's report: one self-contained HTML file (no network needed to open it) or Markdown."""
    from newsgraph.report import write_report

    open_store(db).close()
    try:
        path = write_report(db, out, fmt)
    except OSError as exc:
        fail(os_error(exc, out))
    console.print(f"report    {path}", highlight=False)


@cli.command()
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="A .graphml or .gexf file (Gephi).")
def network(db, out):
    """Export the actor network (signed, weighted edges from events, centrality, communities)."""
    from newsgraph.analysis.clusters import cluster_events, clusters
    from newsgraph.analysis.network import actor_network, write_network

    store = open_store(db)
    events = store.events()
    if events.empty:
        fail(f"no events in {db}: build some documents first")
    if not out.endswith((".graphml", ".gexf")):
        fail(f"{out}: the network is written as .graphml or .gexf")
    graph = actor_network(clusters(cluster_events(events, store.documents())), store.table("actors"))
    try:
        write_network(graph, out)
    except OSError as exc:
        fail(os_error(exc, out))
    console.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} ties -> {out}", highlight=False)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 exposes it).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db, host, port):
    """Browse the database in a web browser: a read-only API (/docs) and an analyst's workbench.

    The server reads a private copy of the database, so a build can write it meanwhile; the copy is
    refreshed once the build has finished."""
    from newsgraph.web import serve as run_server

    open_store(db).close()
    console.print(f"serving {db} on http://{host}:{port}/  (API reference: http://{host}:{port}/docs; "
                  "Ctrl-C stops)", highlight=False)
    run_server(db, host, port)


@eval_group.command(name="claims")
@click.argument("gold", default="gold/claims.tsv", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--show", default=20, show_default=True, help="How many missing, extra and mis-attributed claims to list.")
@click.option("--polnear", type=click.Path(exists=True, file_okay=False),
              help="Also score a PolNeAR-style split (text/ and brat attributions/), run in memory.")
def eval_claims(gold, db, show, polnear):
    """Claims: content-overlap precision, recall and F1 (partial credit per word), exact-span F1, and
    speaker accuracy on the gold claims found; with --polnear, the same on that split, plus cue F1 and
    source agreement, as the mean over its annotators."""
    from newsgraph.analysis.evaluate import CLAIM_GOLD, claim_differences, evaluate_claims

    gold_rows, store, documents = gold_and_store(gold, db, CLAIM_GOLD)
    found = store.claims()
    scores, accuracy = evaluate_claims(documents, found, gold_rows)
    print_evaluation(f"Claims: {gold_rows.document.nunique()} documents, {len(gold_rows)} gold claims", scores,
                     accuracy, "claims", claim_differences(documents, found, gold_rows), "wrong speaker", show)
    if polnear:
        print_polnear(polnear)


def print_evaluation(title: str, scores, accuracy: dict, unit: str, differences: tuple, wrong_label: str,
                     show: int) -> None:
    """Scores, accuracies on the matched items, then the missing, extra and wrongly attributed ones."""
    print_scores(title, scores)
    for name, (right, total) in accuracy.items():
        console.print(f"{name} accuracy on matched {unit}: {right}/{total} = {right / total if total else 0:.3f}",
                      highlight=False)
    missing, extra, wrong = differences
    print_differences("missing", missing, show)
    print_differences("extra", extra, show)
    print_differences(wrong_label, wrong, show)


def print_polnear(folder: str) -> None:
    from newsgraph.analysis.polnear import evaluate, mean_scores, read_split, run_article

    articles = read_split(folder)
    runs = {a.name: run_article(a) for a in articles}
    tallies = evaluate(articles, {k: f for k, (f, _) in runs.items()}, {k: m for k, (_, m) in runs.items()})
    means = mean_scores(tallies)
    table = Table(title=f"Claims on {Path(folder).name}: {len(articles)} articles, mean over {len(tallies)} "
                        f"annotators ({sum(t.gold for t in tallies.values())} gold attributions in all)")
    add_columns(table, ["level", "precision", "recall", "F1"])
    for level in ("content overlap", "exact span", "cue"):
        table.add_row(level, *(f"{means[f'{level} {k}']:.3f}" for k in ("precision", "recall", "f1")))
    console.print(table)
    console.print(f"source agreement on matched claims: {means['source agreement']:.3f}", highlight=False)


@eval_group.command(name="interests")
@click.argument("gold", default="gold/interests.tsv", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--show", default=20, show_default=True, help="How many missing, extra and mis-attributed aims to list.")
def eval_interests(gold, db, show):
    """Interests: P/R/F1 of aims found with evidence overlapping the gold's by half or more and the actor's
    country right; then actor, stance and status accuracy on the aims matched by evidence."""
    from newsgraph.interests.evaluate import INTEREST_GOLD, evaluate_interests, interest_differences

    gold_rows, store, documents = gold_and_store(gold, db, INTEREST_GOLD)
    found = store.interests()
    scores, accuracy = evaluate_interests(documents, found, gold_rows)
    print_evaluation(f"Interests: {gold_rows.document.nunique()} documents, {len(gold_rows)} gold aims", scores,
                     accuracy, "aims", interest_differences(documents, found, gold_rows), "wrong actor", show)


@cli.command()
@db_option
@click.option("--actor", help="Only this actor's aims and the aims aimed at it: an id, name or alias, or a country code.")
@click.option("--conflicts", is_flag=True, help="Pairs of sides whose aims collide, side by side with their evidence.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a listing.")
def interests(db, actor, conflicts, as_json):
    """What each actor wants or opposes (one line per aim, with how many documents state it), or with
    --conflicts where those aims collide."""
    from newsgraph.interests.collide import collisions
    from newsgraph.interests.merge import merged

    store = open_store(db)
    frame = merged(store.interests())
    if frame.empty:
        fail(f"no interests in {db}: build some documents first")
    if actor:
        frame = involving(frame, known_actor(store, actor, db), "actor", "object")
    if conflicts:
        print_collisions(collisions(frame), as_json)
    elif as_json:
        print_json(frame, "interests")
    else:
        print_interests(frame)


def print_interests(frame) -> None:
    table = Table()
    for name in ("actor", "stance", "wants", "object", "status", "sources", "evidence"):
        table.add_column(name, overflow="fold", ratio=3 if name in ("wants", "evidence") else 1)
    for row in frame.itertuples():
        table.add_row(row.actor, row.stance, row.wants, cell(row.object), row.status, str(row.sources),
                      row.evidence[:90])
    console.print(table)


def print_collisions(found, as_json: bool) -> None:
    if not found:
        fail("no colliding aims between two sides")
    for c in found:
        if as_json:
            click.echo(json.dumps({"a": c.a, "b": c.b, "a_aims": [aim_json(x) for x in c.a_aims],
                                   "b_aims": [aim_json(x) for x in c.b_aims]}, ensure_ascii=False))
            continue
        table = Table(title=f"{c.a} ⟷ {c.b}", show_lines=True)
        for name in (c.a, c.b):
            table.add_column(f"{name} wants", overflow="fold", ratio=1)
        for x, y in c.rows():
            table.add_row(aim_line(x), aim_line(y))
        console.print(table)


def aim_json(aim: dict) -> dict:
    from newsgraph.store.export import plain

    return {k: plain(aim.get(k)) for k in ("interest_id", "actor", "stance", "wants", "object", "status", "sources",
                                              "doc_id", "evidence", "start", "end")}


def aim_line(aim: dict | None) -> str:
    """'AFG.TALIBAN opposes: to hand over TTP leaders (2 sources)' and its first evidence, quoted."""
    if aim is None:
        return ""
    sources = f" ({aim['sources']} sources)" if aim.get("sources", 1) > 1 else ""
    return f"{aim['actor']} {aim['stance']}: {aim['wants']}{sources}\n  “{aim['evidence'][:100]}”"


@cli.command()
@click.option("--out", default="newsgraph-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and its export.")
def demo(out):
    """Build the built-in demo corpus into a fresh database, export it and print a summary."""
    out = Path(out)
    db = out / "newsgraph.duckdb"
    out.mkdir(parents=True, exist_ok=True)
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(out / "export", ignore_errors=True)
    corpus = resources.files("newsgraph") / "data" / "demo"
    with resources.as_file(corpus) as corpus_path:
        summary = run_build([str(corpus_path)], str(db), DEFAULT_MAX_BYTES, 1, 50, quiet=False)
    written = export(db, out / "export", "jsonl")
    from newsgraph.report import write_report

    written["report"] = write_report(db, out / "report.html")
    print_demo(summary, written)


def print_demo(summary, written) -> None:
    table = Table(title="Demo corpus")
    add_columns(table, ["source", "publisher", "published", "status", "title / reason"])
    for doc in summary.documents:
        source = Path(doc.source).name + (f" [{doc.record_id}]" if doc.record_id else "")
        status = doc.status if doc.status != "duplicate" else f"duplicate of {doc.duplicate_of}"
        label = doc.title if doc.status not in ("skipped", "failed") else doc.reason
        table.add_row(source, doc.publisher or "", doc.published or "", status, label or "")
    console.print(table)
    print_summary(summary)
    console.print(f"database  {summary.db}", highlight=False)
    for name, path in written.items():
        console.print(f"{name:9s} {path}", highlight=False)


def main() -> None:
    """Run the CLI; a usage error (bad option, unknown choice, missing argument) is one line, exit 2."""
    try:
        code = cli.main(prog_name="newsgraph", standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(1)
    except click.ClickException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `newsgraph`: the help, as click prints it
            click.echo(exc.format_message())
            sys.exit(exc.exit_code)
        command = f"{exc.ctx.command_path}: " if getattr(exc, "ctx", None) else ""
        err.print(f"[red]error:[/] {command}{exc.format_message()}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
