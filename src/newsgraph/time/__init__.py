"""Time: finding and resolving date expressions."""
from newsgraph.time.dates import DateMention, find_dates, infer_year

__all__ = ["DateMention", "find_dates", "infer_year"]
