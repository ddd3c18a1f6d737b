"""Claims: who said what, with the speaker resolved to an actor and the content's exact span."""
from __future__ import annotations

from newsgraph.claims.extract import find_claims
from newsgraph.claims.records import Claim

__all__ = ["Claim", "find_claims", "link_events"]


def link_events(events: list, claims: list[Claim]) -> None:
    """An event told inside a claim is that claim's: it points to it and is only reported, unless its own
    words already make it planned, hypothetical or negated."""
    for event in events:
        claim = next((c for c in claims if c.start <= event.trigger_start < c.end), None)
        if claim is not None:
            event.claim_id = claim.claim_id
            if event.status == "asserted":
                event.status = "reported"
