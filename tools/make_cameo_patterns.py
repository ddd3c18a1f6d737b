"""Derive newsgraph's CAMEO verb patterns (src/newsgraph/data/triggers_cameo_patterns.tsv).

Reads the Phoenix CAMEO verb dictionary (CAMEO.2.0.txt, MIT) and CAMEO2PLOVER-2021.txt. Every pattern line of
a verb block ('- * (TO BORDER) POLICE [153]', '- &MILITARY * [154]') becomes one row for all the block's verbs:
the words it needs around the verb (synsets such as &FOOD expanded to their members, '|'-separated
alternatives per slot) and the PLOVER type, mode and context of its code. Codes with no PLOVER type (CAMEO 01,
02: statements and appeals) and PETRARCH's '[---]' (no event) are kept with type '-': 'expressed sorrow' is a
comment, not the bare verb's reading (EXPRESS alone is 110, a disapproval). The '$'/'+' source/target
markers are not kept; a slot written before the verb is marked '<': the coder asks that its word occur in the
verb's clause, and that every other slot's word occur there outside the subject ('the navy aims to expand
its presence' is no '- * &MILITARY' aiming of troops).
Run: python tools/make_cameo_patterns.py ../shared/data
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from make_triggers import BLOCK, lookup, plover_table, write_data

PATTERN = re.compile(r"^-\s+(.*?)\s*\[([0-9]{2,4}|---)(?::[0-9]{2,4})?\]")
NO_EVENT = ("-", "", "")  # a statement, appeal or comment: no PLOVER event
# ... except a pessimistic comment (012: 'expressed concern', 'voiced alarm'), which PLOVER coders read as the
# disapproval (ACCUSE) the bare verb gives, as the PLOVER-coded synthetic stories do
DISAPPROVING = "012"
VERB = re.compile(r"^([A-Z][A-Z'-]*(?:_[A-Z'-]+)*)\b")
WORD = re.compile(r"[a-z0-9'-]+")
FILLERS = {"a", "an", "the", "*", "$", "+", "%", "^", "/", "."}  # articles and PETRARCH's markers, not words


def synsets(lines: list[str]) -> dict[str, list[str]]:
    """'&FOOD' -> its member words (the last word of a multiword member: its head)."""
    sets, name = {}, None
    for line in lines:
        if "VERB PATTERNS" in line:
            break
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            name = text.split()[0].lower()
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(text[1:].split()[0].lower().split("_")[-1])
        elif not text:
            name = None
    return sets


def slots(pattern: str, sets: dict[str, list[str]]) -> list[str]:
    """The words a pattern needs, one '|'-joined set of alternatives per slot; a slot CAMEO writes before the
    verb's place ('*') starts with '<' ('- &MILITARY * EXERCISES': the military is the doer, the exercises
    what it stages)."""
    before, star, after = pattern.partition("*")
    if not star:
        before, after = "", pattern
    before_words, after_words = words_of(before, sets), words_of(after, sets)
    if before_words is None or after_words is None:
        return []
    return ["<" + slot for slot in before_words] + after_words


def words_of(text: str, sets: dict[str, list[str]]) -> list[str] | None:
    """The slots of one side of the verb. A member word the table cannot hold ('f/a-18') is left out of its
    synset; a slot left with no word makes the whole pattern unusable (None), never a shorter,
    looser pattern ('- * &AIRCRAFT (TO)' must not become any 'send … to')."""
    found = []
    for word in re.sub(r"[(){}]", " ", text).lower().split():
        word = word.strip("$+%^")
        if not word or word in FILLERS:
            continue
        alternatives = sets.get(word, [word]) if word.startswith("&") else [w for w in word.split("_") if w]
        alternatives = [w for w in alternatives if WORD.fullmatch(w)]
        if not alternatives:
            return None
        if word.startswith("&"):
            found.append("|".join(sorted(set(alternatives))))
        else:
            found += alternatives
    return found


def blocks(lines: list[str]):
    """(verbs, [(slots text, code)]) for every verb block after the synsets."""
    verbs, patterns, started = [], [], False
    for line in lines:
        if "VERB PATTERNS" in line:
            started = True
            continue
        if not started:
            continue
        if BLOCK.match(line):
            if verbs and patterns:
                yield verbs, patterns
            verbs, patterns = [], []
            continue
        text = line.split("#")[0].rstrip()
        pattern = PATTERN.match(text)
        if pattern:
            patterns.append((pattern.group(1), pattern.group(2)))
        elif (verb := VERB.match(text)) and not text.startswith("+"):
            verbs.append(verb.group(1).lower().replace("_", " "))
    if verbs and patterns:
        yield verbs, patterns


def main(shared: Path) -> None:
    table = plover_table(shared / "plover" / "CAMEO2PLOVER-2021.txt")
    lines = (shared / "phoenix" / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    sets = synsets(lines)
    found: dict[tuple[str, str], dict[str, tuple]] = {}  # (verbs, words) -> PLOVER type -> row
    for verbs, patterns in blocks(lines):
        for pattern, code in patterns:
            if code.startswith(DISAPPROVING):
                continue
            coded = (lookup(code, table) if code != "---" else None) or NO_EVENT
            words = slots(pattern, sets)
            if coded and words:
                key = ("|".join(sorted(set(verbs))), " ".join(words))
                found.setdefault(key, {}).setdefault(coded[0], (*key, code, *coded))
    # the same words with two types ('send troops' to aid or to mobilise) differ only in word order or the
    # '$'/'+' markers this table does not keep: such patterns decide nothing and are left out; a typed reading
    # of the same words outranks a no-event one
    typed = [{k: v for k, v in by_type.items() if k != NO_EVENT[0]} or by_type for by_type in found.values()]
    rows = [next(iter(by_type.values())) for by_type in typed if len(by_type) == 1]
    header = ("verbs\twords\tcameo\ttype\tmode\tcontext  (generated by tools/make_cameo_patterns.py from the "
              "Phoenix CAMEO verb dictionary, MIT, and CAMEO2PLOVER-2021; do not edit: curate triggers.tsv "
              "instead). words: each space-separated slot ('|' alternatives) must occur in the verb's clause, outside its "
              "subject unless the slot starts with '<' (CAMEO writes it before the verb)")
    out = write_data("triggers_cameo_patterns.tsv", header, sorted(rows))
    print(f"{len(rows)} verb patterns written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
