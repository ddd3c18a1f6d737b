# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv and install the package on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench eval screenshot screenshot-web clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph demo --out demo-output

# pytest exits 5 when it collected nothing: that must fail, not pass silently.
test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/python benchmarks/clean.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/html_pages.py

# Score the events out of domain first (bench sets in ../shared, see analysis/benchsets.py), then the extraction
# against the dev gold in gold/ (demo corpus, gold/texts, and the seed articles in ../shared).
SHARED ?= ../shared
eval: $(STAMP)
	$(BIN)/newsgraph eval events-ood --shared $(SHARED)
	rm -rf .eval && $(BIN)/newsgraph build src/newsgraph/data/demo gold/texts $(SHARED)/corpus/seeds --db .eval/dev.duckdb --quiet
	$(BIN)/newsgraph eval actors gold/actors.tsv --db .eval/dev.duckdb --show 0
	$(BIN)/newsgraph eval events gold/events.tsv --db .eval/dev.duckdb --show 0
	$(BIN)/newsgraph eval claims gold/claims.tsv --db .eval/dev.duckdb --show 0 --polnear $(SHARED)/bench/polnear-dev
	$(BIN)/newsgraph eval interests gold/interests.tsv --db .eval/dev.duckdb --show 0
	$(BIN)/newsgraph eval actors-world gold/actors_world.tsv

# Refresh docs/report.png (the README's screenshot) from the report test in headless Chromium.
screenshot: $(STAMP)
	NEWSGRAPH_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/report/test_report.py -k chromium

# Refresh docs/web.png (the workbench's screenshot) from the browser test of `newsgraph serve`.
screenshot-web: $(STAMP)
	NEWSGRAPH_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/web/test_browser.py -k screenshot

clean:
	rm -rf demo-output .pytest_cache .eval
