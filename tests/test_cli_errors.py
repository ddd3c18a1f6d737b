"""User errors are one line and a non-zero exit; names work wherever codes do; the database is never its
own input; relative inputs keep their document links; the events listing shows each event's status."""
import shutil

import pytest

from tests.conftest import run_cli
from tests.helpers import ARTICLE, HTML


def one_line_error(result) -> str:
    assert result.returncode != 0, result.stdout
    message = result.stderr.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1, message
    return message


def test_build_of_a_missing_path_fails(tmp_path):
    assert "no such file or folder" in one_line_error(run_cli("build", "/nonexistent", "--db", tmp_path / "x.duckdb",
                                                              check=False))
    assert "no file matches" in one_line_error(run_cli("build", str(tmp_path / "*.nothing"), "--db",
                                                       tmp_path / "x.duckdb", check=False))


def test_bad_filters_dates_and_types(demo_db):
    assert "not a date" in one_line_error(run_cli("events", "--db", demo_db, "--since", "garbage", check=False))
    message = one_line_error(run_cli("events", "--db", demo_db, "--type", "FOO", check=False))
    assert "not a PLOVER type" in message and "ASSAULT" in message and "CONSULT" in message
    assert "'--status'" in one_line_error(run_cli("events", "--db", demo_db, "--status", "maybe", check=False))
    assert "no actor called" in one_line_error(run_cli("events", "--db", demo_db, "--actor", "Atlantis",
                                                       check=False))
    assert "no actor called" in one_line_error(run_cli("dyad", "Atlantis", "PAK", "--db", demo_db, check=False))


def test_bad_output_paths(demo_db, tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    for args in (("report", "--out", "/proc/x/r.html"), ("report", "--out", a_file / "r.html"),
                 ("export", "--out", "/proc/x"), ("export", "--out", a_file / "out"),
                 ("network", "--out", a_file / "n.graphml")):
        message = one_line_error(run_cli(*args, "--db", demo_db, check=False))
        assert "cannot write" in message or "is a file" in message or "Invalid value" in message


def test_names_work_like_codes(demo_db):
    by_code = run_cli("dyad", "PAK", "AFG", "--db", demo_db).stdout
    by_name = run_cli("dyad", "Pakistan", "Afghanistan", "--db", demo_db).stdout
    assert by_code.split("\n", 1)[1] == by_name.split("\n", 1)[1] and "events" in by_code
    codes = run_cli("events", "--db", demo_db, "--actor", "PAK").stdout.splitlines()[-1]
    names = run_cli("events", "--db", demo_db, "--actor", "Pakistan").stdout.splitlines()[-1]
    assert codes == names and int(codes.split()[0]) > 5


def test_events_listing_shows_status(demo_db):
    out = run_cli("events", "--db", demo_db).stdout
    assert "[asserted]" in out and "[reported]" in out


def test_build_inside_the_input_folder_never_reads_its_database(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(HTML)
    first = run_cli("build", ".", "--db", "news.duckdb", cwd=tmp_path).stdout
    again = run_cli("build", ".", "--db", "news.duckdb", cwd=tmp_path).stdout
    assert "2 added" in first and "0 skipped" in first
    assert "0 added" in again and "0 skipped" in again and "2 already stored" in again


def test_relative_input_paths_keep_document_links(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    run_cli("build", "in", "--db", "x.duckdb", "--quiet", cwd=tmp_path)
    run_cli("report", "--db", "x.duckdb", "--out", "r.html", cwd=tmp_path)
    page = (tmp_path / "r.html").read_text()
    assert f'href="{(tmp_path / "in" / "a.txt").as_uri()}"' in page
