"""The benchmarks still run against today's schema and stages (on tiny inputs: their figures are not checked
here, only that they complete; the targets are printed by the full-size runs)."""
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED


def run(script, *args):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *map(str, args)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_scale_benchmark_times_every_corpus_step():
    out = run("scale.py", "--sizes", "20", "40")
    for step in ("actors table", "clusters", "contradictions", "network", "report (whole)", "report time ratio"):
        assert step in out


def test_scale_benchmark_builds_for_real_and_copies_cost_no_parse():
    out = run("scale.py", "--sizes", "--build-sizes", "20", "40")
    assert "peak RSS ratio 40 / 20 documents" in out
    copies = next(line for line in out.splitlines() if line.startswith("duplicate-heavy"))
    assert "10 analysed, 10 duplicates, 10 parses" in copies


def test_web_benchmark_on_a_small_generated_database(tmp_path):
    # timings on a shared test machine say nothing: the full-size run checks the target
    out = run("web.py", "--events", "3000", "--repeat", "3", "--db", tmp_path / "web.duckdb", "--report-only")
    assert "p95" in out


def test_synthetic_stories_build_without_failures():
    if not (SHARED / "data" / "ngec-synthetic").is_dir():
        pytest.skip(f"synthetic stories not found under {SHARED} (set NEWSGRAPH_SHARED)")
    out = run("synthetic_build.py", "--limit", "40", "--workers", "1", "--shared", SHARED)
    assert "'failed'" not in out and "40 stories" in out


def test_workers_benchmark_builds_generated_stories_in_every_mode():
    out = run("workers.py", "--documents", "6", "--batch-size", "3", "--modes", "pool", "dask-shards")
    assert out.count("2 workers / 1 worker") == 2 and out.count("   6   ") == 4  # every story analysed
