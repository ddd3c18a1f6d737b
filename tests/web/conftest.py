"""The demo corpus plus one hostile document, built once; a real uvicorn server and Debian's Chromium."""
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import DEMO, run_cli

CHROMIUM = "/usr/bin/chromium"
PWNED = "window.pwned"
# A record whose every field tries to run script: title, text, URL and source.
HOSTILE = {
    "id": "payload-1",
    "title": '<img src=x onerror="window.pwned=3">Talks resume</title><script>window.pwned=6;alert(1)</script>',
    "url": "javascript:window.pwned=4",
    "published": "2025-11-03",
    "source": '<b onmouseover="window.pwned=5">Wire</b>',
    "text": ('Talks resume <script>window.pwned=1</script> in Doha <img src=x onerror="window.pwned=2"> as envoys meet\n\n'
             "Pakistani and Afghan officials held talks in Doha on Monday about the border crossings, officials said. "
             '"We want the crossings open <svg onload=alert(1)>," the Pakistani foreign minister said after the meeting. '
             "The two governments agreed to reopen the Torkham crossing next week, according to a statement."),
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "web.duckdb"
    run_cli("build", DEMO, hostile, "--db", db, "--quiet")
    return db


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db):
    """`newsgraph serve` as it runs: the app on uvicorn, on 127.0.0.1 and a free port, in a thread."""
    import uvicorn

    from newsgraph.web.app import create_app

    port = free_port()
    app = create_app(web_db)
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    instance.should_exit = True
    thread.join(10)
    app.state.newsgraph.snapshot.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records console errors, page errors, dialogs and any request off this server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
           else tab.problems.append(f"off-site request: {r.url}"))
    yield tab
    context.close()
