"""The JSON API on the demo corpus: every endpoint, filters as the CLI has them, and bad parameters."""
import pytest

from tests.web.conftest import HOSTILE


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    return response.json()


def test_overview_counts_and_skipped(client):
    o = get(client, "/api/overview")
    assert o["documents"]["ok"] == 12 and o["documents"]["duplicate"] == 1
    assert o["events"] > 100 and o["claims"] > 50 and o["actors"] > 30
    assert {"a": "AFG", "b": "PAK"}.items() <= o["dyads"][0].items()
    assert o["skipped"][0]["status"] == "duplicate" and o["latest"][0]["date"] >= o["latest"][-1]["date"]


def test_documents_paginated_and_filtered(client):
    first = get(client, "/api/documents?limit=5")
    second = get(client, "/api/documents?limit=5&offset=5")
    assert first["total"] == 13 and len(first["items"]) == 5
    assert not {d["doc_id"] for d in first["items"]} & {d["doc_id"] for d in second["items"]}
    assert get(client, "/api/documents?status=duplicate")["total"] == 1
    dated = get(client, "/api/documents?since=2025&until=2025-12")["items"]
    assert dated and all("2025" <= d["published"] <= "2025-12-99" for d in dated)


def test_document_has_text_and_spans(client):
    doc_id = get(client, "/api/events?type=ASSAULT&limit=1")["items"][0]["doc_id"]
    doc = get(client, f"/api/documents/{doc_id}")
    assert doc["text"] and doc["mentions"] and doc["events"]
    for event in doc["events"]:
        assert doc["text"][event["start"]:event["end"]] == event["evidence"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["surface"]


def test_actors_list_and_page(client):
    actors = get(client, "/api/actors?country=PAK&limit=100")
    assert actors["total"] > 5 and all(a["country"] == "PAK" for a in actors["items"])
    mentions = [a["mentions"] for a in actors["items"]]
    assert mentions == sorted(mentions, reverse=True)
    taliban = get(client, "/api/actors/AFG.TALIBAN")
    assert taliban["name"] == "Taliban" and taliban["roles"] and taliban["events_as_source"] > 0
    assert any(n["actor_id"].startswith("PAK") for n in taliban["neighbours"])
    by_name = get(client, "/api/actors/Asim%20Munir")  # a name opens the actor too
    assert by_name["actor_id"].startswith("PER:") and by_name["sector"] == "MIL"


def test_events_filters(client):
    pak = get(client, "/api/events?actor=PAK&limit=500")["items"]
    assert pak and all("PAK" in (e["source_code"] or "") + (e["target_code"] or "") + (e["source"] or "") +
                       (e["target"] or "") for e in pak)
    as_source = get(client, "/api/events?actor=AFG.TALIBAN&role=source&limit=500")["items"]
    assert as_source and all(e["source"] == "AFG.TALIBAN" for e in as_source)
    assaults = get(client, "/api/events?type=assault&status=asserted&since=2024&until=2024")["items"]
    assert assaults and all(e["type"] == "ASSAULT" and e["date"].startswith("2024") for e in assaults)
    in_place = get(client, "/api/events?place=Doha")["items"]
    assert in_place and all("Doha" in e["location"]["name"] for e in in_place)
    outlet = get(client, "/api/documents?limit=1")["items"][0]["publisher"]
    assert all(e["doc_publisher"] == outlet for e in get(client, f"/api/events?source={outlet}")["items"])
    one = pak[0]
    assert get(client, f"/api/events/{one['event_id']}")["evidence"] == one["evidence"]
    with_repeats = get(client, "/api/events?repeats=true")["total"]
    assert with_repeats > get(client, "/api/events")["total"]


def test_claims_filters(client):
    claims = get(client, "/api/claims?direct=true&limit=500")["items"]
    assert claims and all(c["direct"] for c in claims)
    by = get(client, "/api/claims?speaker=AFG.TALIBAN")["items"]
    assert by and all(c["speaker_actor"] == "AFG.TALIBAN" for c in by)
    about = get(client, "/api/claims?about=PAK.TTP")["items"]
    assert about and all("PAK.TTP" in c["about"] for c in about)


def test_interests_are_listed_with_their_evidence(client):
    # The demo corpus is built with the interests stage; a database without the table is tested in
    # test_serve.py.
    result = get(client, "/api/interests")
    assert result["total"] > 0 and result["items"]
    first = result["items"][0]
    assert first["actor"] and first["wants"] and first["stance"] in ("seeks", "opposes")
    assert first["end"] > first["start"]


def test_clusters_timeline_lists_every_source(client):
    result = get(client, "/api/clusters?corroborated=true&limit=100")
    assert result["total"] > 3
    for c in result["items"]:
        assert c["sources"] >= 2 and len({m["doc_id"] for m in c["mentions"]}) >= 2
    dates = [c["date"] for c in result["items"]]
    assert dates == sorted(dates)


def test_dyad_by_periods_with_events(client):
    year = get(client, "/api/dyad?a=PAK&b=AFG.TALIBAN&by=year")
    quarter = get(client, "/api/dyad?a=Pakistan&b=Taliban&by=quarter")  # names work as in the UI's picker
    assert year["periods"] and quarter["b"] == "AFG.TALIBAN" and len(quarter["periods"]) >= len(year["periods"])
    for p in year["periods"]:
        assert len(p["list"]) == p["events"] and -10 <= (p["intensity"] or 0) <= 10
    assert get(client, "/api/dyads")["items"][0]["events"] > 10
    recent = get(client, "/api/dyad?a=PAK&b=AFG.TALIBAN&by=year&since=2023&until=2024")["periods"]
    assert [p["period"] for p in recent] == ["2023", "2024"]


def test_network_and_contradictions(client):
    net = get(client, "/api/network?limit=20")
    ids = {n["id"] for n in net["nodes"]}
    assert len(ids) == 20 and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 and n["name"] for n in net["nodes"])
    disputes = get(client, "/api/contradictions")["items"]
    assert any("operates from Afghan soil" in d["denied"]["text"] for d in disputes)


def test_search_across_kinds(client):
    r = get(client, "/api/search?q=Taliban")
    assert r["actors"]["items"][0]["actor_id"] == "AFG.TALIBAN"
    assert r["events"]["total"] > 0 and r["claims"]["total"] > 0 and r["documents"]["total"] > 0
    assert get(client, "/api/search?q=zzzqqq")["events"]["total"] == 0


def test_hostile_text_is_returned_as_data(client):
    docs = get(client, "/api/search?q=window.pwned")["documents"]["items"]
    assert [(d["title"], d["url"]) for d in docs] == [(HOSTILE["title"], HOSTILE["url"])]


def test_headers_forbid_inline_script(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert "<script>" not in page and "http" not in page  # no inline script, nothing from the network


def test_docs_page_and_openapi(client):
    spec = get(client, "/openapi.json")
    for path in ("/api/documents", "/api/actors", "/api/events", "/api/claims", "/api/interests", "/api/clusters",
                 "/api/dyad", "/api/network", "/api/contradictions", "/api/search"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/docs.js" in docs and "cdn" not in docs.lower()


BAD = [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?since=last%20week", 422, "since"),
    ("/api/events?until=2024-13-99x", 422, "until"),
    ("/api/events?status=rumoured", 422, "status"),
    ("/api/events?type=BOMBING", 400, "PLOVER types"),
    ("/api/events?actor=Nobody%20Known", 404, "no actor called"),
    ("/api/events?role=judge", 422, "role"),
    ("/api/events?repeats=perhaps", 422, "repeats"),
    ("/api/events/nonexistent", 404, "no event"),
    ("/api/documents/nonexistent", 404, "no document"),
    ("/api/documents?status=lost", 422, "status"),
    ("/api/actors/Nobody%20Known", 404, "no actor called"),
    ("/api/claims?speaker=Nobody%20Known", 404, "no actor called"),
    ("/api/claims?direct=sometimes", 422, "direct"),
    ("/api/dyad?a=PAK", 422, "b"),
    ("/api/dyad?a=PAK&b=AFG&by=week", 422, "by"),
    ("/api/dyad?a=PAK&b=AFG&since=yesterday", 422, "since"),
    ("/api/dyad?a=PAK&b=Nobody%20Known", 404, "no actor called"),
    ("/api/network?limit=x", 422, "limit"),
    ("/api/search", 422, "q"),
    ("/api/search?q=", 422, "q"),
    ("/api/clusters?corroborated=maybe", 422, "corroborated"),
    ("/api/nothing", 404, "Not Found"),
]


@pytest.mark.parametrize("url,status,word", BAD)
def test_bad_parameters_get_clear_4xx(client, url, status, word):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert word in response.text
