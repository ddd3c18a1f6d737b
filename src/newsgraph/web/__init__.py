"""`newsgraph serve`: an analyst's workbench in the browser (FastAPI API + a single-page UI, no network)."""
from __future__ import annotations


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    from newsgraph.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
