"""Train the event-type model (src/newsgraph/data/event_model.npz + event_model.json) on the training split of
the NGEC synthetic PLOVER stories and their headline prompts.

    python tools/train_events.py --stories ../shared/data/ngec-synthetic/gpt_synthetic_events_2023-10-19.csv.zip \
        --headlines ../shared/data/ngec-synthetic/synthetic_headlines.csv --cache /tmp/events-model \
        --out src/newsgraph/data

Reproducible: the inputs are named on the command line, the split is newsgraph.analysis.benchsets'
(SHA-256 of the story), the solver is deterministic (lbfgs, seeded), and parses are cached (DocBin) so a
re-run only refits; a re-run gives a byte-identical event_model.npz. Parsing the 4,500 stories takes about
6 minutes on one core, the fit 2 to 5 minutes. The model depends on the lexicon (its proposed types are
features and decide the candidates): retrain when triggers*.tsv change. `--quick N` trains on the first N stories
only (for tests). `--eval` also prints the held-out figures (held-out stories are parsed, never trained on).

Weak labels (each story carries one PLOVER type, not one per sentence):
* a candidate the lexicon reads as the story's type is an example of that type, and so is a verb whose
  object is such a candidate ('imposed sanctions' in a SANCTION story);
* the main (shallowest) candidate of the story's headline is an example of the story's type whatever the
  lexicon says (headlines are written to show it: 'Teachers Now Out on Wildcat Strike' is a PROTEST), and
  (--lede, the default) so is the main candidate of the first sentence of a story where no candidate agrees;
* "NONE" (no event in plain reading): a candidate that is part of a name, a participle describing a noun
  or an event noun ('sanctions targeting 200 vessels'), a verb read as a preposition ('according to'); a
  frequent word typical of no story type that the lexicon reads as a type it is not typical of either
  ('take', 'statement'); and one in four verbs and nouns the lexicon proposes nothing for;
* every other candidate (most are real side events of other types) is left out of training.
Modes: a second, smaller model types 'TYPE/mode' over the same features (without the sentence's words),
trained on the examples of the story's own type with the story's mode.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SEED = 15


@dataclass
class Story:
    id: str  # what the split hashes
    text: str
    headline: str
    label: str
    mode: str


def read_stories(path: Path) -> list[Story]:
    """The NGEC synthetic stories, read as newsgraph.analysis.benchsets reads them (the split hashes the
    text exactly as read there)."""
    import pandas as pd

    from newsgraph.analysis.benchsets import split_key

    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = pd.read_csv(archive.open(name)).to_dict("records")
    return [Story(split_key(row), str(row["text"]).strip(), str(row["prompt"]).strip().split("\n")[0].strip(),
                  row["label"].strip(), row["mode"].strip().lower() if isinstance(row["mode"], str) else "")
            for row in rows if isinstance(row.get("text"), str)]


def read_headlines(path: Path) -> list[Story]:
    """The hand-written headline prompts, with neutral stand-ins for their place-holders."""
    fill = {"{country_1}": "Country A", "{country_2}": "Country B", "{city}": "the capital"}
    stories = []
    with open(path, encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            title = row["title"].strip()
            for slot, value in fill.items():
                title = title.replace(slot, value)
            stories.append(Story(f"ngec-headline-{i}", "", title, row["event"].strip(), (row["mode"] or "").lower()))
    return stories


def split_of(story: Story) -> str:
    """80/20 by the SHA-256 of the story's id (its text): newsgraph.analysis.benchsets.synthetic_split."""
    from newsgraph.analysis.benchsets import synthetic_split

    return synthetic_split({"id": story.id, "text": story.id})


def parsed(texts: list[str], cache: Path, name: str):
    """spaCy Docs for texts, parsed once (the pipeline's own model) and cached as a DocBin."""
    from spacy.tokens import DocBin

    from newsgraph.nlp import load_model, pipeline_id

    nlp = load_model()
    path = cache / f"{name}.spacy"
    key = hashlib.sha256("\x00".join([pipeline_id(), *texts]).encode("utf-8")).hexdigest()
    if path.exists() and (cache / f"{name}.key").read_text() == key:
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    start = time.time()
    docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
    print(f"parsed {len(texts)} {name} texts in {time.time() - start:.0f}s", file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    (cache / f"{name}.key").write_text(key)
    return docs



# ---- candidates and weak labels ---------------------------------------------------------------------------

NAME_ENTS = {"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "GPE", "NORP", "PRODUCT", "LOC"}


@dataclass
class Candidate:
    doc: int  # index of the story (or headline) parsed
    sent: object
    token: object
    proposed: list[str]
    depth: int  # steps from the sentence root: the shallowest is a headline's main act


def candidates(docs) -> list[Candidate]:
    """Every verb or noun the curated lexicon proposes a type for (itself, its phrasal verb or compound)."""
    from newsgraph.events.model import lexicon_types

    found = []
    for d, doc in enumerate(docs):
        for token in doc:
            if token.pos_ not in ("VERB", "NOUN", "PROPN") or not token.is_alpha:
                continue
            proposed = lexicon_types(token)
            if proposed:
                depth, node = 0, token
                while node.head is not node and depth < 20:
                    depth, node = depth + 1, node.head
                found.append(Candidate(d, token.sent, token, proposed, depth))
    return found


def word_lift(cands: list[Candidate], labels: list[str]) -> dict[tuple[str, str], tuple[float, int]]:
    """For each (lemma, type): how much more often the word occurs in stories of that type than in the
    average story (counted once per story), and in how many stories it occurs."""
    stories_with = defaultdict(set)
    for c in cands:
        stories_with[c.token.lemma_.lower()].add(c.doc)
    prior = Counter(labels)
    n = len(labels)
    lift = {}
    for lemma, docs in stories_with.items():
        by_label = Counter(labels[d] for d in docs)
        for label, k in by_label.items():
            lift[(lemma, label)] = ((k / len(docs)) / (prior[label] / n), len(docs))
    return lift


def is_description(token) -> bool:
    """Part of a name ('the Defense Ministry', 'Peace Prize'), a participle describing a noun ('the banned
    party'), a verb read as a preposition ('according to', 'including'), or a participle saying what an
    event noun is about ('sanctions targeting 200 vessels', 'talks aimed at a truce'): no act of its own."""
    from newsgraph.events.model import lexicon_types

    if token.ent_type_ in NAME_ENTS or token.dep_ == "prep" or (token.dep_ == "amod" and token.pos_ == "VERB"):
        return True
    return token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and bool(lexicon_types(token.head))


GENERIC_LIFT, MIN_STORIES = 2.0, 20


def generic_words(lift) -> set[str]:
    """Words frequent in the stories that are typical of no type (no label is twice as likely with them as
    without): 'take', 'lead', 'statement', but also 'release' and 'support', which are events only with the
    right object ('released prisoners', not 'released a statement')."""
    top: dict[str, float] = defaultdict(float)
    seen: dict[str, int] = {}
    for (lemma, _), (value, count) in lift.items():
        top[lemma] = max(top[lemma], value)
        seen[lemma] = count
    return {lemma for lemma, value in top.items() if value < GENERIC_LIFT and seen[lemma] >= MIN_STORIES}


def label_candidates(cands: list[Candidate], labels: list[str], lift, lede=False) -> list[tuple[Candidate, str]]:
    """The weak labels (the module docstring says why)."""
    generic = generic_words(lift)
    share = {label: k / len(labels) for label, k in Counter(labels).items()}
    out = []
    for c in cands:
        label = labels[c.doc]
        if is_description(c.token):
            out.append((c, "NONE"))
        elif label in c.proposed or object_tells(c.token, label) or typical_head(c, label, lift, share[label]):
            out.append((c, label))
        elif c.token.lemma_.lower() in generic and lift.get((c.token.lemma_.lower(), c.proposed[0]), (0, 0))[0] <= 1:
            out.append((c, "NONE"))  # nor more frequent in stories of the type the lexicon gives it
    if lede:
        out += lede_labels(cands, labels, {id(c) for c, _ in out})
    return out


TYPICAL_LIFT, TYPICAL_SHARE, MIN_TYPICAL = 3.0, 0.25, 5


def typical_head(c: Candidate, label: str, lift, prior: float) -> bool:
    """A word typical of stories of the label (at least three times as frequent there, and a quarter of its
    stories have it), not itself the argument of another candidate: 'went on strike' in PROTEST stories,
    where the lexicon reads 'strike' as an attack; but not the 'curfew' of 'lifted the curfew'."""
    from newsgraph.events.model import lexicon_types

    value, count = lift.get((c.token.lemma_.lower(), label), (0.0, 0))
    return (count >= MIN_TYPICAL and value >= TYPICAL_LIFT and value * prior >= TYPICAL_SHARE
            and not lexicon_types(c.token.head))


def object_tells(verb, label: str) -> bool:
    """A verb whose object is an event noun of the story's type does that act: 'imposed sanctions',
    'launched an attack', 'staged a protest', 'held talks'."""
    from newsgraph.events.model import lexicon_types

    return verb.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass") and label in lexicon_types(c) for c in verb.children)


def plain_words(docs, every=4) -> list[Candidate]:
    """Verbs and nouns the lexicon proposes nothing for ('said', 'had', 'week'), one in `every` (by position,
    so the sample is fixed): the model learns that a word with no reading and no telling context is no
    event, for callers whose dictionaries propose words the curated lexicon lacks."""
    from newsgraph.events.model import lexicon_types

    found = []
    for d, doc in enumerate(docs):
        for token in doc:
            if token.i % every == 0 and token.pos_ in ("VERB", "NOUN") and token.is_alpha and not lexicon_types(token):
                found.append(Candidate(d, token.sent, token, [], 0))
    return found


def lede_labels(cands, labels, taken) -> list[tuple[Candidate, str]]:
    """In a story none of whose candidates the lexicon reads as its type, the main candidate of its first
    sentence is taken for the story's act."""
    agreeing = {c.doc for c in cands if labels[c.doc] in c.proposed}
    first = {}
    for c in cands:
        if c.doc in agreeing or id(c) in taken or is_description(c.token):
            continue
        if c.sent.start == c.sent.doc[0].sent.start and (c.doc not in first or c.depth < first[c.doc].depth):
            first[c.doc] = c
    return [(c, labels[d]) for d, c in first.items()]


def headline_labels(cands: list[Candidate], labels: list[str]) -> list[tuple[Candidate, str]]:
    """The main (shallowest, then first) candidate of each headline is an example of its story's type."""
    best: dict[int, Candidate] = {}
    for c in cands:
        if is_description(c.token):
            continue
        if c.doc not in best or c.depth < best[c.doc].depth:
            best[c.doc] = c
    return [(c, labels[d]) for d, c in best.items()]


# ---- fitting and the shipped files -----------------------------------------------------------------------

def featurise(examples) -> list[list[str]]:
    from newsgraph.events.model import features

    bags = {}
    rows = []
    for c, _ in examples:
        key = (c.doc, c.sent.start)
        if key not in bags:
            from newsgraph.events.model import sentence_features
            bags[key] = sentence_features(c.sent)
        rows.append(features(c.sent, c.token, c.proposed, bags[key]))
    return rows


# Feature sets compared in the README: the shipped one, the same without the lexicon's proposed types, and the
# sentence's words alone (a bag-of-lemmas baseline, like TF-IDF over the sentence).
FEATURE_SETS = {"all": lambda f: True, "no-lexicon": lambda f: not f.startswith("lx"),
                "words": lambda f: f.startswith("b=")}


def fit(rows, ys, min_count=2, C=0.5, bag_value=1.0):
    """Multinomial logistic regression (deterministic lbfgs) over binary features seen at least min_count
    times. Returns (features, classes, weights, bias)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in rows for f in set(row))
    vocab = sorted(f for f, k in counts.items() if k >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    from newsgraph.events.model import BAG

    value = np.array([bag_value if f.startswith(BAG) else 1.0 for f in vocab], dtype=np.float32)
    data, cols, ptr = [], [], [0]
    for row in rows:
        idx = sorted({index[f] for f in row if f in index})
        cols += idx
        data += list(value[idx])
        ptr.append(len(cols))
    X = csr_matrix((np.array(data, dtype=np.float32), np.array(cols), np.array(ptr)), shape=(len(rows), len(vocab)))
    clf = LogisticRegression(C=C, max_iter=300, random_state=SEED)
    clf.fit(X, ys)
    return vocab, list(clf.classes_), clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)


def save(out: Path, vocab, classes, weights, bias, info, mode_model):
    """Weights as float16 in one .npz, names (classes, features) in JSON: no pickled objects."""
    out.mkdir(parents=True, exist_ok=True)
    vocab, weights = used(vocab, weights)
    arrays = {"weights": weights.astype(np.float16), "bias": bias.astype(np.float16)}
    meta = {"classes": classes, "info": info, "features": vocab}
    if mode_model is not None:
        mode_vocab, mode_classes, mode_weights, mode_bias = mode_model
        mode_vocab, mode_weights = used(mode_vocab, mode_weights)
        arrays |= {"mode_weights": mode_weights.astype(np.float16), "mode_bias": mode_bias.astype(np.float16)}
        meta |= {"mode_classes": mode_classes, "mode_features": mode_vocab}
    np.savez_compressed(out / "event_model.npz", **arrays)
    (out / "event_model.json").write_text(json.dumps(meta, indent=0, sort_keys=False) + "\n", encoding="utf-8")


def used(vocab, weights):
    """The features the fit gave some weight (the rest cost space and change nothing)."""
    keep = np.abs(weights).max(axis=1) >= 1e-3
    return [f for f, k in zip(vocab, keep) if k], weights[keep]


# ---- evaluation (held-out stories, PETRARCH-2 validation) ----------------------------------------------

def predicted(model, cands: list[Candidate]):
    """Per candidate: the scores dict (or, for model None, the lexicon's first type with probability 1)."""
    from newsgraph.events.model import features, sentence_features

    if model is None:
        return [{c.proposed[0]: 1.0} for c in cands]
    rows = [features(c.sent, c.token, c.proposed, sentence_features(c.sent)) for c in cands]
    return [dict(zip(model.classes, row)) for row in model.scores(rows)]


def story_figures(model, cands, labels, n_docs) -> dict[str, float]:
    """top1: the story's label is the type with the highest probability at any candidate;
    found: the label is the predicted (non-NONE) type of some candidate."""
    best: dict[int, dict[str, float]] = defaultdict(dict)
    total: dict[int, Counter] = defaultdict(Counter)
    types: dict[int, set] = defaultdict(set)
    for c, scores in zip(cands, predicted(model, cands)):
        label = max(scores, key=scores.get)
        if label != "NONE":
            types[c.doc].add(label)
        for t, p in scores.items():
            if t != "NONE":
                total[c.doc][t] += p
                best[c.doc][t] = max(best[c.doc].get(t, 0.0), p) + (1e-6 if model is None else 0.0)
    top1 = found = summed = 0
    for d in range(n_docs):
        if model is None:  # the lexicon alone: its most frequent type in the story
            counts = Counter(c.proposed[0] for c in cands if c.doc == d)
            top1 += bool(counts) and counts.most_common(1)[0][0] == labels[d]
        else:
            top1 += bool(best[d]) and max(best[d], key=best[d].get) == labels[d]
        found += labels[d] in types[d]
        summed += bool(total[d]) and total[d].most_common(1)[0][0] == labels[d]
    return {"top1": top1 / n_docs, "top1 by sum": summed / n_docs, "found": found / n_docs}


def petr2_figures(model, cands, gold) -> dict[str, float]:
    """Per sentence with a gold event: top-1 type correct (accuracy); recall and precision of the set of
    predicted types; and the share of no-event sentences where nothing is predicted."""
    by_doc = defaultdict(list)
    for c, scores in zip(cands, predicted(model, cands)):
        by_doc[c.doc].append(scores)
    acc = rec = prec_hit = prec_all = quiet = events = empties = 0
    for d, types in enumerate(gold):
        scored = by_doc.get(d, [])
        pred = {max(s, key=s.get) for s in scored} - {"NONE"}
        top = max(((p, t) for s in scored for t, p in s.items() if t != "NONE"), default=(0, None))[1]
        if types is None:
            empties += 1
            quiet += not pred
            continue
        events += 1
        acc += top in types
        rec += bool(types & pred)
        prec_hit += len(types & pred)
        prec_all += len(pred)
    return {"accuracy": acc / events, "recall": rec / events, "precision": prec_hit / max(prec_all, 1),
            "no-event quiet": quiet / max(empties, 1)}


def main(argv=None):
    from newsgraph.events.model import BAG, BAG_VALUE

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=Path, required=True)
    ap.add_argument("--headlines", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/events-model"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data")
    ap.add_argument("--quick", type=int, default=0, help="train on the first N stories only (a smoke test)")
    ap.add_argument("--parse-only", action="store_true")
    ap.add_argument("--C", type=float, default=0.5, help="inverse regularisation strength")
    ap.add_argument("--features", choices=sorted(FEATURE_SETS), default="all",
                    help="feature set: all, no lexicon prior, or the sentence's words alone (a baseline)")
    ap.add_argument("--lede", action=argparse.BooleanOptionalAction, default=True,
                    help="also label the lede's main candidate (on for the shipped model)")
    ap.add_argument("--eval", action="store_true", help="print held-out story and PETRARCH-2 figures")
    ap.add_argument("--petr2", type=Path, default=None, help="PETR2_GSR_validation.xml (evaluation only)")
    args = ap.parse_args(argv)
    stories = read_stories(args.stories)
    if args.quick:
        stories = stories[: args.quick]
    headlines = read_headlines(args.headlines)
    tag = f"quick{args.quick}" if args.quick else "all"
    story_docs = parsed([s.text for s in stories], args.cache, f"stories-{tag}")
    headline_docs = parsed([s.headline for s in stories + headlines], args.cache, f"headlines-{tag}")
    if args.parse_only:
        return
    train = [i for i, s in enumerate(stories) if split_of(s) == "train"]
    heldout = [i for i, s in enumerate(stories) if split_of(s) == "heldout"]
    start = time.time()
    examples, modes = training_examples(stories, headlines, story_docs, headline_docs, train, args.lede)
    rows = featurise(examples)
    ys = [y for _, y in examples]
    print(f"{len(examples)} examples: {dict(Counter(ys).most_common())}", file=sys.stderr)
    keep = FEATURE_SETS[args.features]
    rows = [[f for f in row if keep(f)] for row in rows]
    bag_value = 1.0 if args.features == "words" else BAG_VALUE
    vocab, classes, weights, bias = fit(rows, ys, C=args.C, bag_value=bag_value)
    info = {"trained_on": f"{args.stories.name} (training split: {len(train)} stories) and {args.headlines.name}",
            "examples": len(examples), "C": args.C, "seed": SEED, "lede": args.lede, "features": args.features,
            "script": "tools/train_events.py", "bag_value": bag_value}
    typed = [i for i, (_, y) in enumerate(examples) if y != "NONE"]
    mode_rows = [[f for f in rows[i] if not f.startswith(BAG)] for i in typed]
    mode_model = fit(mode_rows, [f"{examples[i][1]}/{modes[i]}" for i in typed], C=args.C) if any(mode_rows) else None
    save(args.out, vocab, classes, weights, bias, info, mode_model)
    print(f"trained in {time.time() - start:.0f}s; {len(vocab)} features -> {args.out}", file=sys.stderr)
    if args.eval:
        evaluate(args, stories, story_docs, heldout)


def training_examples(stories, headlines, story_docs, headline_docs, train, lede=False):
    """Weakly labelled candidates of the training stories and of the headlines of those stories and the
    hand-written prompts."""
    docs = [story_docs[i] for i in train]
    labels = [stories[i].label for i in train]
    cands = candidates(docs)
    examples = label_candidates(cands, labels, word_lift(cands, labels), lede=lede)
    modes = [mode_of(c, y, stories[train[c.doc]]) for c, y in examples]
    plain = plain_words(docs)
    examples += [(c, "NONE") for c in plain]
    modes += [""] * len(plain)
    heads = [headline_docs[i] for i in train] + headline_docs[len(stories):]
    head_stories = [stories[i] for i in train] + headlines
    found = headline_labels(candidates(heads), [h.label for h in head_stories])
    examples += found
    modes += [mode_of(c, y, head_stories[c.doc]) for c, y in found]
    return examples, modes


NGEC_SPELLING = {"primative": "primitive", "sieze": "seize"}


def mode_of(c, label: str, story: Story) -> str:
    """The story's mode for an example of the story's own type ('' for none, or for examples of another)."""
    return NGEC_SPELLING.get(story.mode, story.mode) if label == story.label else ""


def evaluate(args, stories, story_docs, heldout):
    from newsgraph.events.model import read_model

    model = read_model(args.out / "event_model.npz", args.out / "event_model.json")
    docs = [story_docs[i] for i in heldout]
    labels = [stories[i].label for i in heldout]
    cands = candidates(docs)
    for name, m in (("lexicon only", None), ("model", model)):
        figures = story_figures(m, cands, labels, len(docs))
        print(f"held-out stories ({len(docs)}), {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    if args.petr2:
        from newsgraph.analysis.benchsets import petrarch_records

        gold = petrarch_records(args.petr2, "petr2-validation")
        cands = candidates(parsed([r.text for r in gold], args.cache, "petr2"))
        for name, m in (("lexicon only", None), ("model", model)):
            figures = petr2_figures(m, cands, [r.types or None for r in gold])
            print(f"PETRARCH-2 validation ({len(gold)}), {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
