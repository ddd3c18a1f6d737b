"""PLOVER types: quad class and intensity (../shared/spec/plover.md), and the status weights for aggregates."""
from __future__ import annotations

TYPES = {
    # type: (quad, intensity)
    "AGREE": ("verbal_cooperation", 4.0),
    "CONSULT": ("verbal_cooperation", 1.0),
    "SUPPORT": ("verbal_cooperation", 3.5),
    "CONCEDE": ("verbal_cooperation", 5.0),
    "COOPERATE": ("material_cooperation", 6.0),
    "AID": ("material_cooperation", 7.0),
    "RETREAT": ("material_cooperation", 5.0),
    "REQUEST": ("verbal_conflict", -2.0),
    "ACCUSE": ("verbal_conflict", -2.0),
    "REJECT": ("verbal_conflict", -4.0),
    "THREATEN": ("verbal_conflict", -6.0),
    "PROTEST": ("material_conflict", -6.5),
    "SANCTION": ("material_conflict", -5.0),
    "MOBILIZE": ("material_conflict", -7.0),
    "COERCE": ("material_conflict", -7.0),
    "ASSAULT": ("material_conflict", -9.0),
}
HEAVIEST_MODES = {"aerial", "heavy-weapons", "unconventional"}
STATUS_WEIGHTS = {"asserted": 1.0, "reported": 0.8, "planned": 0.5, "hypothetical": 0.25, "negated": 0.0}
# Older PLOVER drafts' names, read as today's types.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def quad(event_type: str) -> str:
    return TYPES[event_type][0]


def intensity(event_type: str, mode: str | None) -> float:
    if event_type == "ASSAULT" and mode in HEAVIEST_MODES:
        return -10.0
    return TYPES[event_type][1]
