"""Export contract v1 (../shared/spec/export-v1.md): field names per file, in order. Add, never rename."""
from __future__ import annotations

DOCUMENT_FIELDS = ["doc_id", "source", "record_id", "status", "reason", "duplicate_of", "title", "publisher",
                   "authors", "published", "language", "text"]
# Fields newsgraph adds to the contract.
DOCUMENT_EXTRA = ["url", "format", "content_hash"]

ACTOR_FIELDS = ["actor_id", "name", "kind", "country", "sector", "group", "code", "aliases", "mentions"]
EVENT_FIELDS = ["event_id", "doc_id", "evidence", "start", "end", "source", "target", "type", "mode", "context",
                "quad", "intensity", "status", "date", "location", "confidence"]
CLAIM_FIELDS = ["claim_id", "doc_id", "speaker", "speaker_actor", "cue", "content", "start", "end", "direct",
                "about"]
INTEREST_FIELDS = ["interest_id", "doc_id", "actor", "wants", "object", "stance", "evidence", "start", "end",
                   "attributed_to", "status", "date", "sources"]

EXPORT_TABLES = {
    "documents": DOCUMENT_FIELDS + DOCUMENT_EXTRA,
    "actors": ACTOR_FIELDS + ["roles", "layer"],
    "events": EVENT_FIELDS + ["source_code", "target_code", "trigger", "trigger_start", "trigger_end",
                              "date_precision", "repeat_of", "claim_id"],
    "claims": CLAIM_FIELDS + ["cue_start", "cue_end", "speaker_start", "speaker_end", "confidence"],
    # one line per aim, merged across documents (newsgraph.interests.merge); evidence_spans lists every statement
    "interests": INTEREST_FIELDS + ["actor_country", "object_country", "cue", "claim_id", "confidence",
                                    "evidence_spans"],
}
LIST_FIELDS = {"authors", "aliases", "context", "about"}
JSON_FIELDS = {"roles", "location", "evidence_spans"}  # stored as JSON text, exported as objects
