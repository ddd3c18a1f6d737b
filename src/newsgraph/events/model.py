"""The learned event-type model: which PLOVER type a trigger candidate tells in its sentence, or "NONE" (no
event in plain reading).

Use::

    from newsgraph.events.model import best_type, event_mode, type_scores, type_scores_batch

    scores = type_scores(sent, token)          # {"ASSAULT": 0.91, ..., "NONE": 0.02}; sums to 1
    many = type_scores_batch([(sent, token), ...])   # one dict per pair, one matrix product for all
    mode, p = event_mode(sent, token, "ASSAULT")     # ("aerial", 0.7), or (None, p) for no mode

`sent` is the spaCy Span of the sentence (from the parse the pipeline already has; nothing is re-parsed) and
`token` the candidate's head word (the verb of 'cracked down', the noun of 'air strike'). The keys are the 16
PLOVER types of newsgraph.events.plover.TYPES plus "NONE". `proposed` (optional) names the types the caller's
dictionary proposes for this candidate, most preferred first; by default lexicon_types(token) asks the
lexicon (newsgraph.events.lexicon: curated readings, then CAMEO patterns, then CAMEO verbs), as training did.
The lexicon's proposal is a strong feature, but context overrides it: 'imposed sanctions' is a SANCTION
although 'impose' is listed as COERCE, 'sanctions targeting 200 vessels' gives 'targeting' NONE.
`best_type(scores)` gives the most likely key and its probability.

How to use the scores: a candidate whose best key is "NONE" is no event; otherwise the best type's
probability is the model's confidence in it (it can enter the event's confidence as a factor). The mode
model is weaker than the type model (NGEC's modes, learned from about 40 stories each): use a mode only when
its probability is high (>= 0.5) or the dictionary has none.

The model is a multinomial logistic regression over light parse features (the trigger's lemma, particle and
compound, its dependents' labels and lemmas, its object's and subject's lemma and entity type, its own
relation to its head, neighbouring words, the lexicon's proposed types, and the content lemmas of the
sentence). Its weights ship as package data: data/event_model.npz (a float16 weight matrix and bias) and
data/event_model.json (the feature vocabulary, the class names and how the model was trained). It is
trained by tools/train_events.py on the training split of the NGEC synthetic PLOVER stories (see there for
the weak labels); the held-out stories, PETRARCH and PolNeAR only measure it.

The model is loaded lazily, once per process (functools.cache), so process pools and Dask workers each load
their own copy on first use; nothing unpicklable is kept in a module global before that.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from newsgraph.events.lexicon import NO_EVENT

NONE = "NONE"
MODEL_FILES = ("event_model.npz", "event_model.json")

# Dependents whose lemma says something about the act (its object, manner, particle, negation, ...).
CHILD_DEPS = {"dobj", "nsubj", "nsubjpass", "prt", "neg", "aux", "auxpass", "compound", "amod", "xcomp",
              "ccomp", "advmod", "attr", "oprd", "acomp", "npadvmod", "nmod", "poss", "dative", "agent"}
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}
SUBJECTS = ("nsubj", "csubj")
OBJECTS = ("dobj", "nsubjpass", "attr", "dative")


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def word_class(token: Token) -> str:
    """A name's entity type stands for the name itself ('GPE' for any country), so the model learns kinds
    of actors, never particular ones."""
    return token.ent_type_ if token.ent_type_ else lemma_of(token)


def children_features(token: Token) -> list[str]:
    feats = []
    for child in token.children:
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            feats.append(f"pp={child.lower_}")
            feats += [f"pp:{child.lower_}={word_class(g)}" for g in objects]
        elif child.dep_ == "agent":
            feats += [f"by={word_class(g)}" for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in CHILD_DEPS:
            feats.append(f"c:{child.dep_}={word_class(child)}")
            feats.append(f"cd={child.dep_}")
            if child.dep_ in OBJECTS:
                feats += [f"oc={lemma_of(g)}" for g in child.children if g.dep_ in ("compound", "amod")]
                feats += [f"oof={word_class(p)}" for g in child.children if g.dep_ == "prep" and g.lower_ == "of"
                          for p in g.children if p.dep_ == "pobj"]
    return feats


def lexicon_types(token: Token) -> list[str]:
    """The types the lexicon gives this word, its phrasal verb ('call on') or compound ('air strike'), in the
    coder's order of preference: curated readings, then a CAMEO pattern the clause fits ('rushed aid'),
    then the word's own CAMEO reading."""
    from newsgraph.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    lemma = lemma_of(token)
    if token.pos_ == "VERB":
        forms = [f"{lemma} {c.lower_}" for c in token.children if c.i > token.i and c.dep_ in ("prt", "prep", "advmod")]
        pos = "verb"
    else:
        forms = [f"{c.lower_} {lemma}" for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
        pos = "noun"
    entries = [t for form in forms + [lemma] for t in lexicon.candidates(form, pos)]
    found = [t for t in entries if t.curated and could_fit(t, token)]
    if pos == "verb":
        found += pattern_readings(lexicon, forms + [lemma], token)
    types = []
    for trigger in found + entries:
        if trigger.type not in types and trigger.type != NO_EVENT:  # 'released a statement' proposes no type
            types.append(trigger.type)
    return types


def could_fit(trigger, token: Token) -> bool:
    """A curated reading whose object the clause has ('sent troops' proposes MOBILIZE, 'sent a letter' does
    not); one conditioned on a kind of actor ('@group') needs the actor index, so it is kept."""
    from newsgraph.events.triggers import object_lemmas

    return any(o.startswith("@") for o in trigger.objects) or trigger.fits(object_lemmas(token))


def pattern_readings(lexicon, forms: list[str], verb: Token) -> list:
    """The longest CAMEO verb pattern whose words the verb's clause has, for each form of the verb."""
    patterns = getattr(lexicon, "patterns", {})
    if not any(form in patterns for form in forms):
        return []
    from newsgraph.events.triggers import clause_words

    words = clause_words(verb)
    found = []
    for form in forms:
        match = next((p for p in patterns.get(form, []) if all(slot & words for slot in p.words)), None)
        if match is not None:
            found.append(match)
    return found


# The sentence's words are features of value BAG_VALUE, not 1: a weaker signal, so that the fit (which
# penalises large weights) leans on the trigger and its arguments and uses the topic only to break ties
# ('agreed to a ceasefire' is an agreement, in a sentence about a ceasefire).
BAG, BAG_VALUE = "b=", 0.25


def sentence_features(sent: Span) -> list[str]:
    return sorted({f"{BAG}{lemma_of(t)}" for t in sent if t.pos_ in CONTENT_POS and t.is_alpha and not t.ent_type_})


def trigger_features(token: Token, proposed: list[str]) -> list[str]:
    """The features of one candidate, without the sentence's bag of lemmas."""
    lemma = lemma_of(token)
    pos = "V" if token.pos_ in ("VERB", "AUX") else "N"
    feats = [f"l={lemma}", f"lp={lemma}/{pos}", f"p={pos}", f"tag={token.tag_}", f"dep={token.dep_}",
             f"dl={token.dep_}/{lemma}"]
    if token.head is not token:
        feats += [f"hd={lemma_of(token.head)}", f"hp={token.head.pos_}", f"hdd={token.dep_}/{lemma_of(token.head)}"]
    if token.ent_type_:
        feats.append(f"ent={token.ent_type_}")
    for offset in (-2, -1, 1):
        j = token.i + offset
        if 0 <= j < len(token.doc):
            feats.append(f"w{offset}={token.doc[j].lower_}")
    feats += children_features(token)
    feats += [f"lx={t}" for t in proposed] or ["lx=-", f"lx-={pos}"]
    if proposed:
        feats += [f"lx1={proposed[0]}", f"lx1p={proposed[0]}/{pos}"]
        feats += [f"lxl={proposed[0]}/{lemma}"]
    return feats


def features(sent: Span, token: Token, proposed: list[str] | None = None, bag: list[str] | None = None) -> list[str]:
    """Every feature of a candidate (the training script uses this same function)."""
    if proposed is None:
        proposed = lexicon_types(token)
    return trigger_features(token, proposed) + (sentence_features(sent) if bag is None else bag)


@dataclass(frozen=True)
class Linear:
    """A multinomial logistic regression: a weight per (feature, class) and a bias per class."""

    classes: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    info: dict

    def scores(self, rows: list[list[str]]) -> np.ndarray:
        """Class probabilities, one row per candidate's feature list."""
        out = np.tile(self.bias, (len(rows), 1))
        bag_value = self.info.get("bag_value", BAG_VALUE)
        for i, feats in enumerate(rows):
            idx, bag = [], []
            for f in feats:
                j = self.vocab.get(f)
                if j is not None:
                    (bag if f.startswith(BAG) else idx).append(j)
            if idx:
                out[i] += self.weights[idx].sum(axis=0)
            if bag:
                out[i] += bag_value * self.weights[bag].sum(axis=0)
        out -= out.max(axis=1, keepdims=True)
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out


@dataclass(frozen=True)
class EventModel(Linear):
    modes: Linear | None = None  # classes 'TYPE/mode' ('TYPE/' for none), over the features without the bag


def read_model(npz_path, json_path) -> EventModel:
    meta = json.loads(open(json_path, encoding="utf-8").read())
    arrays = np.load(npz_path)

    def linear(prefix, cls=Linear, **extra):
        vocab = {f: i for i, f in enumerate(meta[f"{prefix}features"])}
        return cls(tuple(meta[f"{prefix}classes"]), vocab, arrays[f"{prefix}weights"].astype(np.float32),
                   arrays[f"{prefix}bias"].astype(np.float32), meta.get("info", {}), **extra)

    modes = linear("mode_") if "mode_classes" in meta else None
    return linear("", EventModel, modes=modes)


@cache
def load_event_model() -> EventModel:
    """The shipped model, loaded once per process."""
    data = resources.files("newsgraph") / "data"
    with resources.as_file(data / MODEL_FILES[0]) as npz, resources.as_file(data / MODEL_FILES[1]) as meta:
        return read_model(npz, meta)


def type_scores_batch(pairs, proposed: list[list[str] | None] | None = None) -> list[dict[str, float]]:
    """type_scores for many (sentence, trigger) pairs at once: each sentence's bag of lemmas is computed once
    and all candidates are scored in one pass."""
    model = load_event_model()
    bags: dict[tuple[int, int, int], list[str]] = {}
    rows = []
    for k, (sent, token) in enumerate(pairs):
        key = (id(sent.doc), sent.start, sent.end)
        if key not in bags:
            bags[key] = sentence_features(sent)
        rows.append(features(sent, token, None if proposed is None else proposed[k], bags[key]))
    probs = model.scores(rows)
    return [dict(zip(model.classes, map(float, row))) for row in probs]


def type_scores(sent: Span, trigger: Token, proposed: list[str] | None = None) -> dict[str, float]:
    """The probability of each PLOVER type, and of "NONE", for the candidate `trigger` in sentence `sent`."""
    return type_scores_batch([(sent, trigger)], None if proposed is None else [proposed])[0]


def event_mode(sent: Span, trigger: Token, event_type: str, proposed: list[str] | None = None
               ) -> tuple[str | None, float]:
    """The most likely PLOVER mode of the candidate read as `event_type` ('aerial' for an airstrike, 'strike'
    for a walkout), with its probability among that type's modes; (None, p) when most likely it has none.
    Modes are NGEC's (the synthetic stories' own), spelled as in newsgraph.events.plover."""
    modes = load_event_model().modes
    if modes is None:
        return None, 0.0
    feats = [f for f in features(sent, trigger, proposed, bag=[])]
    probs = modes.scores([feats])[0]
    mine = {c.split("/", 1)[1]: p for c, p in zip(modes.classes, probs) if c.split("/", 1)[0] == event_type}
    if not mine:
        return None, 0.0
    total = sum(mine.values())
    mode = max(mine, key=mine.get)
    return (mode or None), float(mine[mode] / total)


def best_type(scores: dict[str, float]) -> tuple[str, float]:
    label = max(scores, key=scores.get)
    return label, scores[label]
