"""The analyst's report: a self-contained HTML page (or Markdown) of what the corpus says."""
from newsgraph.report.build import analyse, write_report

__all__ = ["analyse", "write_report"]
