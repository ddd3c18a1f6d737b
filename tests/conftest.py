import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
DEMO = ROOT / "src" / "newsgraph" / "data" / "demo"


def run_cli(*args, check=True, cwd=None):
    """Run the real `newsgraph` command in a subprocess."""
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", *map(str, args)], capture_output=True,
                            text=True, cwd=cwd, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"newsgraph {' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory):
    """The seed corpus built and exported exactly as the acceptance list says, once per test session."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (set NEWSGRAPH_SHARED)")
    tmp = tmp_path_factory.mktemp("seeds")
    db = tmp / "seeds.duckdb"
    run_cli("build", SEEDS, "--db", db, "--quiet")
    run_cli("export", "--db", db, "--format", "jsonl", "--out", tmp / "out")
    docs = read_jsonl(tmp / "out" / "documents.jsonl")
    return {Path(d["source"]).name[:3]: d for d in docs}


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo corpus shipped in the package: needs nothing outside the repository."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run_cli("build", DEMO, "--db", db, "--quiet")
    return db


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory):
    """The demo corpus and the seed articles in one database: what the gold files in gold/ describe."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (set NEWSGRAPH_SHARED)")
    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    run_cli("build", DEMO, SEEDS, "--db", db, "--quiet")
    return db


def pytest_terminal_summary(terminalreporter):
    """Say how many tests were skipped and why, one line per reason; under CI (CI=true) a skip is a
    failure: CI has ../shared and Chromium, so every test must run there."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reasons[reason.removeprefix("Skipped: ")] = reasons.get(reason.removeprefix("Skipped: "), 0) + 1
    terminalreporter.write_line(f"{len(skipped)} tests skipped:", yellow=True)
    for reason, count in sorted(reasons.items(), key=lambda r: -r[1]):
        terminalreporter.write_line(f"  {count:3d} × {reason}", yellow=True)
    if os.environ.get("CI") == "true":
        terminalreporter.write_line("CI=true: skipped tests fail the run", red=True)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") == "true" and exitstatus == 0:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None and reporter.stats.get("skipped"):
            session.exitstatus = 1
