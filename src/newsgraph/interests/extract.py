"""Interests: who wants what, read off the dependency parse the pipeline already made.

A cue (data/interests.toml) names the aim; its subject (or possessor, or the speaker of the quotation it
sits in) is who wants it; its complement is what is wanted. The claims of the same document say who
ascribes an aim to whom: an aim inside someone else's words is attributed, a hedged one speculated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import COMMENTATOR_SECTORS, Mention, load_gazetteer
from newsgraph.actors.gazetteer import SECTOR_NAMES
from newsgraph.events.arguments import RELATIVE_PRONOUNS, ActorIndex, Arg, actors_under, by_agent, subject_heads
from newsgraph.interests.collide import side
from newsgraph.interests.cues import Cue, Cues, load_cues
from newsgraph.interests.records import Interest
from newsgraph.nlp import doc_text, sentence_of
from newsgraph.records import short_hash

FIRST_PERSON = {"i", "we", "us", "me"}
THIRD_PERSON = {"it", "they", "he", "she"}
COMPLEMENTS = ("dobj", "xcomp", "ccomp", "oprd")
# Parts of a complement that say why or when rather than what is wanted; and parts that only narrow it down,
# left out when the aim would otherwise be longer than a paraphrase.
ASIDES = {"advcl", "parataxis"}
NARROWING = {"relcl", "appos", "acl"}
COPULAS = {"be", "remain", "seem", "appear", "become", "stay"}
ABOUT = {"about", "over", "of", "for", "regarding", "at", "on", "to", "with"}
OBLIGATIONS = {"must", "should", "shall"}
MAX_WANTS = 16  # words: a paraphrase, not the whole clause


@dataclass
class Context:
    """What every cue needs: the parse, the actors, the claims and the cue words of one document."""

    doc: Doc
    index: ActorIndex
    claims: list
    cues: Cues
    by_id: dict[str, Mention]
    found: list["Draft"] = field(default_factory=list)


@dataclass
class Draft:
    actor: Arg
    cue: Token
    stance: str
    aim: list[Token]  # the words of what is wanted, in order
    evidence: tuple[int, int]
    hedged: bool
    requestee: Arg | None = None
    note: str = ""
    action: list[Token] = field(default_factory=list)  # what the one asked is asked to do


def find_interests(doc_id: str, sdoc: Doc, mentions: list[Mention], claims: list, date: str | None) -> list[Interest]:
    """The aims stated in one parsed document, one per actor and clause."""
    gaz = load_gazetteer()
    ctx = Context(sdoc, ActorIndex(mentions, sdoc, gaz.demonyms, gaz.country_names), claims, load_cues(),
                  {m.actor_id: m for m in mentions})
    for token in sdoc:
        for draft in drafts_at(token, ctx):
            if not duplicate(draft, ctx.found):
                ctx.found.append(draft)
    return [finish(doc_id, d, ctx, date) for d in ctx.found]


def drafts_at(token: Token, ctx: Context) -> list[Draft]:
    lower, lemma = token.lower_, base_form(token, ctx.cues)
    cues = ctx.cues
    # a word the tagger calls a noun but the parser gives a subject is a verb ('The Houthis hope that ...')
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children)):
        for kind, reader in (("request", request_drafts), ("verb", verb_drafts), ("negated", verb_drafts)):
            cue = cues.find(kind, lemma)
            if cue is not None:
                found = reader(token, cue, ctx)
                if found:
                    return found
        if lemma in cues.tentative and not any(c.dep_ in ("ccomp", "oprd") for c in token.children):
            # 'is considering hosting', not 'considers the deal a mistake' (an opinion)
            return verb_drafts(token, Cue("tentative", "verb", "seeks", frozenset([lemma])), ctx, hedged=True)
        modal = cues.find("modal", lower) if token.tag_ == "MD" else None
        if modal is not None:
            return modal_drafts(token, modal, ctx)
        refusal = cues.find("refusal", lower) if token.tag_ == "MD" else None
        if refusal is not None:
            return refusal_drafts(token, refusal, ctx)
    if token.pos_ in ("NOUN", "PROPN"):
        cue = noun_cue(token, cues)
        if cue is not None:
            return noun_drafts(token, cue, ctx)
    if token.pos_ in ("ADJ", "VERB") and token.dep_ in ("acomp", "oprd", "amod", "pobj"):
        cue = cues.find("verdict", lower)
        if cue is not None:
            return verdict_drafts(token, cue, ctx)
        cue = cues.find("adjective", lower)
        if cue is not None and token.dep_ == "acomp":
            return adjective_drafts(token, cue, ctx)
    return []


# --- cues -----------------------------------------------------------------------------------------------------

def verb_drafts(verb: Token, cue: Cue, ctx: Context, hedged: bool = False) -> list[Draft]:
    """'X wants / seeks / fears / will not accept Y'."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    negated = is_negated(verb)
    if cue.kind == "negated" and not negated:
        return []
    aim = complement(verb, cue, lemma, ctx)
    if not aim and cue.stance == "opposes" and not negated and not any(c.dep_ in COMPLEMENTS for c in verb.children):
        aim = refused_request(verb, ctx)
    if not aim:
        return []
    stance = cue.stance if cue.kind == "negated" or not negated else flip(cue.stance)
    return [Draft(actor, verb, stance, aim, evidence_span(verb, heads, aim), hedged or is_hedged(verb, ctx), note=note)
            for actor, heads, note in subjects(verb, ctx, lemma in cue.not_for_commentators)]


def request_drafts(verb: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """'X urged Y to Z': X wants Y to do Z; 'warned Y not to Z' opposes Z. A passive request with no 'by'
    is the request of whoever the sentence quotes ('Kabul had been asked to restrain the group, he said')."""
    lemma = verb.lemma_.lower()
    if lemma in cue.needs_aux and not any(c.lower_ in cue.needs_aux[lemma] for c in verb.children):
        return []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    requestees = passive or [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    preposition = cue.need_preposition.get(lemma)
    if preposition:
        requestees = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition
                      for p in c.children if p.dep_ == "pobj"]
    action = None
    if not requestees:  # 'expect the Taliban to act', parsed as a clause with its own subject
        action = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and is_infinitive(c)), None)
        requestees = [c for c in action.children if c.dep_ == "nsubj"] if action is not None else []
    if not requestees:
        return []
    action = action or next((c for c in [*verb.children, *requestees[0].children] if c.dep_ == "xcomp"), None)
    if action is None:
        return []
    aim = [t for t in ctx.doc[min(requestees[0].left_edge.i, action.left_edge.i):action.right_edge.i + 1]]
    if passive:
        aim = list(ctx.doc[action.left_edge.i:action.right_edge.i + 1])
    not_words = [t for t in action.children if t.dep_ == "neg"]
    stance = flip(cue.stance) if not_words else cue.stance
    aim = trim([t for t in aim if t not in not_words])
    requestee = next(iter(actors_under(requestees[0], ctx.index)), None)
    hedged = is_hedged(verb, ctx)
    if passive:
        agents = by_agent(verb)
        actors = [(a, agents, "") for a in actors_under(agents[0], ctx.index)] if agents else speaker_of(verb, ctx)
    else:
        actors = subjects(verb, ctx, lemma in cue.not_for_commentators)
    action_words = trim([t for t in ctx.doc[action.left_edge.i:action.right_edge.i + 1] if t not in not_words])
    return [Draft(actor, verb, stance, aim, evidence_span(verb, [*heads, *passive], aim), hedged,
                  requestee=requestee, note=note, action=action_words) for actor, heads, note in actors]


def noun_drafts(noun: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """'X's goal is Y', 'For X, the main worry is Y', 'X's concerns about Y'."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    head = noun.head
    aim_head = None
    if noun.dep_ == "nsubj" and head.lemma_ in COPULAS:
        aim_head = next((c for c in head.children if c.dep_ in ("attr", "acomp", "xcomp", "ccomp")), None)
        owners = owners or for_phrase(head) or for_phrase(noun)
    elif owners:
        aim_head = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ABOUT
                         for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    if aim_head is None or not owners:
        return []
    aim = trim(list(ctx.doc[aim_head.left_edge.i:aim_head.right_edge.i + 1]))
    found = []
    for actor in owner_actors(owners[0], ctx):
        start = noun.left_edge if noun.dep_ == "nsubj" else (head if head.dep_ != "ROOT" and head.pos_ == "VERB"
                                                              else noun.left_edge)
        if noun.dep_ == "nsubj" and owners[0].i < start.i:
            start = owners[0].left_edge
        found.append(Draft(actor, noun, cue.stance, aim, char_span(ctx.doc, start.i, aim[-1].i if aim else noun.i),
                           is_hedged(head, ctx)))
    return found


def adjective_drafts(adjective: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """'X is determined to Y', 'X is concerned about Y'."""
    holder = adjective.head
    if holder.lemma_ not in COPULAS:
        return []
    aim_head = next((c for c in adjective.children if c.dep_ in ("xcomp", "ccomp")), None)
    if aim_head is None:
        aim_head = next((p for c in adjective.children if c.dep_ == "prep" and c.lower_ in ABOUT
                         for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    if aim_head is None:
        return []
    aim = trim(list(ctx.doc[aim_head.left_edge.i:aim_head.right_edge.i + 1]))
    stance = flip(cue.stance) if is_negated(holder) or is_negated(adjective) else cue.stance
    return [Draft(actor, adjective, stance, aim, evidence_span(holder, heads, aim), is_hedged(holder, ctx), note=note)
            for actor, heads, note in subjects(holder, ctx)]


def verdict_drafts(word: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """'X called Y unacceptable', 'X described Y as intolerable': X opposes Y."""
    frames = cue.frames
    frame = word.head if word.head.lemma_ in frames else word.head.head
    if frame.lemma_ not in frames or frame.pos_ != "VERB":
        return []
    target = next((c for c in frame.children if c.dep_ in ("dobj", "oprd") and c.i != word.i and c.pos_ != "ADJ"), None)
    if target is None:
        return []
    aim = trim(list(ctx.doc[target.left_edge.i:target.right_edge.i + 1]))
    return [Draft(actor, word, cue.stance, aim, evidence_span(frame, heads, [*aim, word]), is_hedged(frame, ctx),
                  note=note) for actor, heads, note in subjects(frame, ctx)]


def modal_drafts(modal: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """Inside someone's words, 'Y must Z' is the speaker's demand that Y do Z ('Putin said Ukraine must
    withdraw'), when Y is an actor other than the speaker."""
    claim = claim_of(modal, ctx)
    verb = modal.head
    if claim is None or not claim.speaker_actor or verb.pos_ not in ("VERB", "AUX"):
        return []
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers = actors_under(heads[0], ctx.index) if heads and heads[0].lower_ not in FIRST_PERSON else []
    if not doers or any(d.actor_id == claim.speaker_actor for d in doers):
        return []
    speaker = speaker_arg(claim, ctx)
    if speaker is None:
        return []
    aim = trim(list(ctx.doc[heads[0].left_edge.i:verb.right_edge.i + 1]))
    not_words = [t for t in verb.children if t.dep_ == "neg"]
    stance = flip(cue.stance) if not_words else cue.stance
    return [Draft(speaker, modal, stance, [t for t in aim if t not in not_words],
                  char_span(ctx.doc, aim[0].i, aim[-1].i), is_hedged(verb, ctx), requestee=doers[0],
                  note="speaker of the quotation")]


def refusal_drafts(modal: Token, cue: Cue, ctx: Context) -> list[Draft]:
    """Inside its own side's words, 'X will not / would never Z' is X's refusal to Z ('the group would not hand
    over its weapons, its leader said'); a verb that is a cue itself ('would not accept') is read as that cue."""
    verb = modal.head
    if verb.pos_ != "VERB" or not is_negated(verb) or ctx.cues.find_any(base_form(verb, ctx.cues)):
        return []
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    claim = claim_of(modal, ctx)
    if claim is None:
        return []
    aim = trim([t for t in ctx.doc[verb.i:verb.right_edge.i + 1]])
    return [Draft(actor, modal, cue.stance, aim, evidence_span(verb, heads, aim), is_hedged(verb, ctx), note=note)
            for actor, heads, note in subjects(verb, ctx)
            if note == "speaker of the quotation" or same_side(claim.speaker_actor, actor.actor_id, ctx)]


def refused_request(verb: Token, ctx: Context) -> list[Token]:
    """'Islamabad has asked the Taliban to act. Kabul has refused.': a bare refusal refuses the request made of
    the refuser's side in this sentence or the one before."""
    since = (ctx.index.sentence(verb, -1) or sentence_of(verb)).start
    for draft in reversed(ctx.found):
        if draft.requestee is not None and draft.cue.i >= since and draft.cue.i < verb.i:
            for actor, _, _ in subjects(verb, ctx):
                if side(actor.actor_id) == side(draft.requestee.actor_id):
                    return draft.action
    return []


def base_form(token: Token, cues: Cues) -> str:
    """The lemma, or the lemma plus 'e' when the lemmatiser cut it off ('hopes' -> 'hop') and that is a cue."""
    lemma = token.lemma_.lower()
    return lemma + "e" if lemma + "e" in cues.all_words and lemma not in cues.all_words else lemma


def noun_cue(token: Token, cues: Cues) -> Cue | None:
    lemma = base_form(token, cues)
    for cue in cues.of_kind("noun"):
        for word in cue.words:
            *modifiers, last = word.split()
            if lemma == last and all(any(c.lower_ == m for c in token.children) for m in modifiers):
                return cue
    return None


# --- who wants it ---------------------------------------------------------------------------------------------

def subjects(verb: Token, ctx: Context, forecasts: bool = False) -> list[tuple[Arg, list[Token], str]]:
    """(actor, subject words, how it was resolved) for each actor the verb's subject names. With
    `forecasts`, a commentator's expectation is a prediction, not an aim, and yields nothing."""
    heads = [h for h in subject_heads(verb) if h.lower_ not in RELATIVE_PRONOUNS] or subject_heads(verb)
    if not heads:
        return []
    head = heads[0]
    if head.lower_ in FIRST_PERSON:
        return [(a, heads, note) for a, _, note in speaker_of(verb, ctx)]
    named = [a for c in head.children if c.dep_ == "appos" for a in actors_under(c, ctx.index)
             if a.mention is not None and a.mention.kind == "person"]
    found = [(a, heads, "") for a in named or (actors_under(head, ctx.index) if names_actor(head, ctx) else [])]
    if not found:
        actor = anaphor(head, ctx) or (earlier_actor(head, ctx) if head.lower_ in THIRD_PERSON else None)
        found = [(actor, heads, "antecedent")] if actor else []
    if not found and head.pos_ != "PRON" and verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "conj"):
        # 'X said its guards had responded ..., and called on Y to ...': the parser may hang the second verb
        # on the reported clause; when that clause's subject is no actor, the reporting one is
        return subjects(verb.head.head, ctx, forecasts)
    if forecasts:
        found = [f for f in found if party(f[0].actor_id, ctx)[1] not in COMMENTATOR_SECTORS]
    return [(own_sector(a, verb, ctx), h, note) for a, h, note in found]


def own_sector(actor: Arg, token: Token, ctx: Context) -> Arg:
    """'the army', with no country, in the words of an army's commander is that army."""
    claim = claim_of(token, ctx) if actor.actor_id in SECTOR_NAMES else None
    if claim is not None and claim.speaker_actor and party(claim.speaker_actor, ctx)[1] == actor.actor_id:
        country = party(claim.speaker_actor, ctx)[0]
        if country:
            return Arg(f"{country}.{actor.actor_id}", None, inferred=True)
    return actor


def names_actor(head: Token, ctx: Context) -> bool:
    """Whether the subject word, or a word fused with it ('the Malian junta', 'the UN force'), names who acts,
    rather than a thing of theirs ('the Taliban's success encouraged ...', 'the return of American influence
    will not allow ...')."""
    if head.pos_ == "PRON":
        return True  # resolved as pronouns are
    words = [head, *head.conjuncts]
    words += [c for w in words for c in w.children if c.dep_ in ("amod", "compound")]
    return any(ctx.index.at(t) is not None or t.pos_ == "PROPN" or ctx.index.state_word(t) for t in words)


def speaker_of(token: Token, ctx: Context) -> list[tuple[Arg, list[Token], str]]:
    """'we' and 'I' are whoever is quoted saying them."""
    claim = claim_of(token, ctx)
    speaker = speaker_arg(claim, ctx) if claim is not None else None
    return [(speaker, [], "speaker of the quotation")] if speaker else []


def speaker_arg(claim, ctx: Context) -> Arg | None:
    if not claim.speaker_actor:
        return None
    return Arg(claim.speaker_actor, ctx.by_id.get(claim.speaker_actor), inferred=True)


def owner_actors(owner: Token, ctx: Context) -> list[Arg]:
    if owner.lower_ in FIRST_PERSON | {"our", "my"}:
        return [a for a, _, _ in speaker_of(owner, ctx)]
    found = actors_under(owner, ctx.index)
    if not found and owner.lower_ in ("its", "their"):
        actor = earlier_actor(owner, ctx)
        found = [actor] if actor else []
    return found


def for_phrase(token: Token) -> list[Token]:
    """'For Pakistan's army, the main worry is ...', 'the main worry for Kabul is ...'."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children if p.dep_ == "pobj"]


def anaphor(head: Token, ctx: Context) -> Arg | None:
    """'the group' is the group the article named last; 'the mission' the last international body."""
    if not any(c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    for rule in ctx.cues.anaphors:
        if head.lemma_.lower() in rule.words:
            for m in reversed(ctx.index.mentions_before(head.idx)):
                if m.kind in rule.kinds and (m.sector or "") in rule.sectors and m.actor_id not in SECTOR_NAMES:
                    return Arg(m.actor_id, m, inferred=True)
    return None


def earlier_actor(token: Token, ctx: Context) -> Arg | None:
    """'It does not want a new war': the actor of the aim stated just before, else the last named actor that
    was the subject of a clause in this sentence or the one before ('"The TTP has timed this carefully,"
    said X. "They want to test a new chief."'), when the pronoun's own resolution found nothing."""
    sentence = sentence_of(token)
    for draft in reversed(ctx.found):
        if draft.cue.i < token.i and sentence.start - draft.cue.i < 120 and (
                draft.actor.mention is None or draft.actor.mention.kind != "person"):
            return Arg(draft.actor.actor_id, draft.actor.mention, inferred=True)
    previous = ctx.index.sentence(token, -1)
    since = previous.start_char if previous is not None else sentence.start_char
    for m in reversed(ctx.index.mentions_before(token.idx)):
        if m.start < since:
            break
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.kind != "person" and m.actor_id not in SECTOR_NAMES and span is not None and span.root.dep_ == "nsubj":
            return Arg(m.actor_id, m, inferred=True)
    return None


def party(actor_id: str | None, ctx: Context) -> tuple[str | None, str | None]:
    """(country, sector) of an actor, from this document's mentions or the gazetteer."""
    if not actor_id:
        return None, None
    mention = ctx.by_id.get(actor_id)
    if mention is not None:
        return mention.country, mention.sector
    role = load_gazetteer().actor(actor_id).role_at(None)
    return (role.country, role.sector) if role else (None, None)


# --- what is wanted -------------------------------------------------------------------------------------------

def complement(verb: Token, cue: Cue, lemma: str, ctx: Context) -> list[Token]:
    """The words naming what the verb's subject wants: its object, infinitive or clause, or the object of
    the preposition the cue needs ('push for a ceasefire'); for 'which X could not allow', the noun
    the relative clause is about."""
    preposition = cue.need_preposition.get(lemma)
    parts = [c for c in verb.children if c.dep_ in COMPLEMENTS and c.i > verb.i]
    if preposition:
        pobjs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition
                 for p in c.children if p.dep_ in ("pobj", "pcomp")]
        clause = [c for c in parts if c.dep_ == "ccomp"] if lemma in cue.clause_needs_modal else []
        parts = pobjs or clause
    if lemma in cue.clause_needs_modal:
        parts = [c for c in parts if c.dep_ != "ccomp" or any(a.lower_ in OBLIGATIONS for a in c.children)]
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") and (c.lemma_.lower() in ctx.cues.statements or c.lower_ in ctx.cues.statements)
           for c in parts):
        return []  # 'rejected the charges', 'refused to acknowledge': a denial, not an aim
    if not parts:
        antecedent = relative_antecedent(verb)
        if antecedent is None or cue.kind != "negated":
            return []
        return trim(list(ctx.doc[antecedent.left_edge.i:antecedent.i + 1])
                    + [t for t in antecedent.subtree if t.i > antecedent.i and t.dep_ != "relcl"
                       and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > antecedent.i)])
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts)
    return trim(list(ctx.doc[start:end + 1]))


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def relative_antecedent(verb: Token) -> Token | None:
    for ancestor in [verb, *verb.ancestors]:
        if ancestor.dep_ == "relcl":
            return ancestor.head
    return None


def trim(tokens: list[Token]) -> list[Token]:
    """The aim's words without asides ('while ...' clauses, a second finite verb), a leading 'that' and edge
    punctuation; relative clauses and appositions only when the aim is too long for a paraphrase."""
    if not tokens:
        return []
    kept = without(tokens, ASIDES)
    if len(kept) > MAX_WANTS:
        kept = without(kept, ASIDES | NARROWING)
    while kept and (kept[0].dep_ == "mark" or kept[0].is_punct):
        kept = kept[1:]
    while kept and ((kept[-1].is_punct and not kept[-1].is_right_punct) or kept[-1].dep_ == "cc"):
        kept = kept[:-1]
    return kept[:MAX_WANTS]


def without(tokens: list[Token], deps: set[str]) -> list[Token]:
    """The tokens less the subtrees hanging off them by `deps`, and less finite verbs coordinated with them
    ('refused to hand them over and deny that ...'), with the comma or 'and' before each."""
    inside = {t.i for t in tokens}
    dropped = set()
    for t in tokens:
        aside = t.dep_ in deps or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                                   and not is_infinitive(t) and t.tag_ != "VBG")
        if aside and t.head.i in inside and t.i != tokens[0].i:
            dropped |= {s.i for s in t.subtree}
            dropped |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
            dropped |= {c.i for c in t.head.children if c.is_punct and c.i in (t.left_edge.i - 1, t.right_edge.i + 1)}
    return [t for t in tokens if t.i not in dropped]


def phrase(tokens: list[Token]) -> str:
    """The words as written, with a space where words were left out between them."""
    parts = [t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " ")
             for t, nxt in zip(tokens, [*tokens[1:], None])]
    text = " ".join("".join(parts).split())
    return re.sub(r"\s*,(\s*,)+", ",", text).replace(" ,", ",").strip(" ,;:")


# --- how sure, and whose word ---------------------------------------------------------------------------------

def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no longer") for c in token.children)


def is_hedged(token: Token, ctx: Context) -> bool:
    """'may be seeking', 'could be trying', 'perhaps wants', 'officials suspect Tehran wants'."""
    cues = ctx.cues
    if any(c.lower_ in cues.hedge_modals | cues.hedge_adverbs for c in token.children):
        return True
    return any(a.lemma_.lower() in cues.hedge_frames for a in token.ancestors)


def claim_of(token: Token, ctx: Context):
    return next((c for c in ctx.claims if c.start <= token.idx < c.end), None)


def status_of(draft: Draft, ctx: Context) -> tuple[str, str | None]:
    """(status, attributed_to): stated when the actor (or its own side) says so or the text does in its own
    voice; attributed when another speaker ascribes it; speculated when hedged."""
    claim = claim_of(draft.cue, ctx)
    by_other = claim is not None and not same_side(claim.speaker_actor, draft.actor.actor_id, ctx)
    attributed_to = claim.speaker if by_other else None
    if draft.hedged:
        return "speculated", attributed_to or framer(draft.cue, ctx)
    return ("attributed", attributed_to) if by_other else ("stated", None)


def framer(cue: Token, ctx: Context) -> str | None:
    """Who suspects it: the subject of the hedging frame ('Western officials suspect Tehran wants ...')."""
    for ancestor in cue.ancestors:
        if ancestor.lemma_.lower() in ctx.cues.hedge_frames:
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            return phrase(list(subject.subtree)) if subject is not None else None
    return None


def same_side(speaker: str | None, actor: str, ctx: Context) -> bool:
    """A state's officials, spokesmen or leaders stating their state's aim state it themselves; an analyst,
    journalist or another state ascribes it."""
    if speaker is None:
        return False
    if speaker == actor:
        return True
    (s_country, s_sector), (a_country, _) = party(speaker, ctx), party(actor, ctx)
    return bool(s_country) and s_country == a_country and s_sector not in COMMENTATOR_SECTORS


# --- the record -----------------------------------------------------------------------------------------------

def evidence_span(cue: Token, heads: list[Token], aim: list[Token]) -> tuple[int, int]:
    """The clause: from the subject (when it comes first in the same sentence) through the aim."""
    sentence = sentence_of(cue)
    first = cue.i
    for head in heads:
        own = head.head.i == cue.i or head.head.i == cue.head.i and cue.dep_ in ("acomp", "oprd")
        if own and sentence.start <= head.i < cue.i:
            first = min(first, head.left_edge.i)
    last = max([cue.i, *(t.i for t in aim)])
    return char_span(cue.doc, first, last)


def char_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    span: Span = doc[first:last + 1]
    text = span.text.rstrip(" ,;:.\n")
    return span.start_char, span.start_char + len(text)


def duplicate(draft: Draft, found: list[Draft]) -> bool:
    """One aim of one actor is found once, whichever cue found it first ('insisted that X should' is one
    aim, not two); and a cue inside another's aim is part of that aim, not its own subject's ('urged
    Washington to press Israel': Washington's pressing is what is wanted of it)."""
    for other in found:
        if any(t.i == draft.cue.i for t in other.aim):
            return True
        if other.actor.actor_id != draft.actor.actor_id:
            continue
        if other.cue.i == draft.cue.i:
            return True
        mine, theirs = {t.i for t in draft.aim}, {t.i for t in other.aim}
        if mine and theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= 0.8:
            return True
    return False


def object_of(draft: Draft, ctx: Context) -> Arg | None:
    """Whom the aim is directed at (the one urged) or about (the first other actor it names)."""
    if draft.requestee is not None and draft.requestee.actor_id != draft.actor.actor_id:
        return draft.requestee
    own = party(draft.actor.actor_id, ctx)
    # the whole phrase the aim was cut from: 'commitments that the Taliban will act' is about the Taliban
    scope = ctx.doc[min(t.left_edge.i for t in draft.aim):max(t.right_edge.i for t in draft.aim) + 1] if draft.aim else []
    for token in scope:
        for arg in actors_under(token, ctx.index, depth=0) if token.pos_ != "PRON" else []:
            if arg.actor_id != draft.actor.actor_id and party(arg.actor_id, ctx) != own:
                return arg
    return None


def finish(doc_id: str, d: Draft, ctx: Context, date: str | None) -> Interest:
    status, attributed_to = status_of(d, ctx)
    target = object_of(d, ctx)
    start, end = d.evidence
    claim = claim_of(d.cue, ctx)
    text = doc_text(ctx.doc)
    cue_end = d.cue.idx + len(d.cue.text)
    confidence = 0.8 - (0.2 if d.actor.inferred else 0.0) - (0.1 if status == "speculated" else 0.0)
    return Interest(
        interest_id=short_hash(doc_id, d.actor.actor_id, str(start), str(end), d.stance), doc_id=doc_id,
        actor=d.actor.actor_id, wants=phrase(d.aim), object=target.actor_id if target else None, stance=d.stance,
        evidence=text[start:end], start=start, end=end, attributed_to=attributed_to, status=status, date=date,
        actor_country=party(d.actor.actor_id, ctx)[0],
        object_country=party(target.actor_id, ctx)[0] if target else None,
        cue=text[d.cue.idx:cue_end], cue_start=d.cue.idx, cue_end=cue_end,
        claim_id=claim.claim_id if claim is not None else None, confidence=round(confidence, 2),
        notes=[d.note] if d.note else [])


def flip(stance: str) -> str:
    return "opposes" if stance == "seeks" else "seeks"
