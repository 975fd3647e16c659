"""Argument roles: how each party named in a trigger's sentence stands to the trigger. The subject
(or possessor) is side A, the ``with``/object phrase side B; people in relative clauses ("who was
accompanying President Xi") or after "accompanied by" are companions, not principals. The words
are ``meeting_rules.yaml``'s ``roles`` and ``groups`` sections."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sidelines.extract.candidates import unique_parties
from sidelines.extract.organisations import employer_of, stands_for_official
from sidelines.extract.sides import is_including
from sidelines.extract.tense import framing_verb
from sidelines.extract.triggers import (
    happening_phrases,
    is_held_participle,
    is_setting,
    named_possessor,
)
from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.mentions import ActorMention
from sidelines.resolve import ResolvedMention
from sidelines.types import Participant

#: dependency labels whose subtree is a side remark, not the clause's own parties
_SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "xcomp"})


def trigger_parties(
    doc: Doc,
    sent: Span,
    trigger: Token,
    by_token: dict[int, ResolvedMention],
    rules: MeetingRules,
) -> tuple[list[Participant], list[Participant], list[Participant]]:
    """Side A (subject/possessor), side B (with/object) and companions of a trigger."""
    side_a: list[Participant] = []
    side_b: list[Participant] = []
    companions: list[Participant] = []
    seen: set[int] = set()
    items = {
        id(v): v for v in by_token.values() if sent.start <= v.mention.token_start < sent.end
    }.values()
    people = [i.mention for i in items if i.party is not None and i.party.kind == "person"]
    for item in items:
        mention = item.mention
        if item.party is None or mention.kind == "group" or id(item) in seen:
            continue
        if item.party.kind == "organisation" and employer_of(doc, mention, people):
            continue  # "EU foreign policy chief Josep Borrell": the person's body, no party
        seen.add(id(item))
        head = doc[mention.head_token] if mention.head_token >= 0 else doc[mention.token_start]
        # a name the parser split ("between A and Ursula von der | Leyen took place"): the
        # piece that hangs from the trigger says the name's role
        pieces = [t for t in _split_heads(doc, mention, head) if trigger in t.ancestors]
        if pieces and trigger not in head.ancestors:
            head = pieces[0]
        role = _role(head, trigger, doc, mention, rules)
        for piece in pieces:
            if role is not None:
                break
            role = _role(piece, trigger, doc, mention, rules)  # "met X 'Nickname'" as "dep"
        if mention.kind == "pronoun" and role != "a":
            continue  # "He also met X": the person "he" continues is side A; no other role
        if role == "a":
            side_a.append(item.party)
        elif role == "b":
            side_b.append(item.party)
        elif role == "companion":
            companions.append(item.party)
    return unique_parties(side_a), unique_parties(side_b), unique_parties(companions)


def _split_heads(doc: Doc, mention: ActorMention, head: Token) -> list[Token]:
    """The tokens of a name other than its head whose own head lies outside the name: the pieces
    of a name the parser split in two."""
    if mention.kind != "name":
        return []
    start, end = mention.token_start, mention.token_end
    return [
        t
        for t in doc[start:end]
        if t.i != head.i and not start <= t.head.i < end and t.head.i != t.i and t.is_alpha
    ]


def _visiting_modifier(
    path: list[Token], mention: ActorMention, rules: MeetingRules
) -> Token | None:
    """A "visiting" right before the mention that the parser made a verb with the mention as
    its object (the word is the mention's adjective), as the last step to the trigger."""
    if len(path) < 2 or path[-1].i != mention.token_start - 1 or path[-2].dep_ != "dobj":
        return None
    word = path[-1]
    if word.tag_ != "VBG" or word.lemma_.lower() not in rules.triggers.visiting_verbs:
        return None
    return word


def group_subject(trigger: Token, rules: MeetingRules) -> bool:
    """The trigger's subject stands for the parties together ("The two leaders met ..."), or a
    meeting noun's possessor or its "between"/"with" phrase does ("their meeting in Lusaka", "a
    phone conversation between the two leaders")."""
    words = rules.groups
    # "The two ministers agreed to meet again", "The two sides agreed to hold talks": the
    # subject of the verb the trigger (or the verb that holds it) completes
    governing = [trigger]
    node = trigger
    for _ in range(2):
        if node.dep_ not in {"xcomp", "dobj"} or node.head.i == node.i:
            break
        node = node.head
        governing.append(node)
    if any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in words.subjects
        for verb in governing
        for c in verb.children
    ):
        return True
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(
        (c.dep_ == "poss" and c.lower_ in words.possessives)
        or (
            c.dep_ == "prep"
            and c.lower_ in rules.roles.noun_prepositions
            and any(o.dep_ == "pobj" and o.lower_ in words.subjects for o in c.children)
        )
        for c in trigger.children
    )


def _role(
    head: Token, trigger: Token, doc: Doc, mention: ActorMention, rules: MeetingRules
) -> str | None:
    """How a mention relates to the trigger: side a, side b, companion or unrelated."""
    words = rules.roles
    before = doc[max(head.sent.start, mention.token_start - 4) : mention.token_start].text
    if words.companion_pattern.search(before):
        return "companion"
    if (
        mention.kind == "organisation"
        and re.search(r"\bof(?: the)?\s*$", before)
        and not stands_for_official(doc, mention, rules)
    ):
        # "Secretary General Jens Stoltenberg of the North Atlantic Treaty Organization"
        return None
    # walk up from the mention to the trigger
    path: list[Token] = []
    node = head
    while node.i != trigger.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    if node.i != trigger.i:
        if _under_happening_verb(path, trigger, rules):
            return "b"  # "Talks were held in Ankara between A and B" (parsed under "held")
        if _included_by_subjects_verb(head, trigger):
            return "b"  # "A meeting is being held, including A, B and C" (parsed under "held")
        return _governing_subject(head, trigger)
    if path and path[-1].lemma_.lower() == "include" and trigger.pos_ in {"NOUN", "PROPN"}:
        return "b"  # "a meeting (which) included / including A, B and C": its parties
    if any(t.dep_ == "prep" and t.lower_ in words.capacity_prepositions for t in path) or (
        # "Han, as Xi's special representative, meets ...", parsed as a second subject after
        # "as" (not "..., as Balakrishnan meets Pompeo", where it is the only one)
        path
        and path[-1].dep_ == "nsubj"
        and path[-1].left_edge.i > 0
        and doc[path[-1].left_edge.i - 1].lower_ in words.capacity_prepositions
        and sum(c.dep_ == "nsubj" for c in path[-1].head.children) > 1
    ):
        return None  # the capacity a party acts in: Xi is no party
    if _absorbed_subject(path, trigger, rules) or _absorbed_verb_subject(path, trigger, mention):
        return "a"
    if any(
        t.dep_ == "appos" and t.lemma_.lower() in words.serving_heads and k > 0
        for k, t in enumerate(path)
    ):
        return None  # "Han, a special representative of Xi, met ...": whom Han serves
    visiting = _visiting_modifier(path, mention, rules)
    if visiting is not None:
        # "Visiting Malawian FM Kaya held talks ...", "received visiting Tunisian PM Hachani",
        # parsed with the name as the object of "visiting": the word stands for the name
        return "a" if visiting.dep_ in {"csubj", "nsubj", "nsubjpass"} else "b"
    path = _meeting_path(path, rules)
    if any(t.dep_ in _SIDE_CLAUSES for t in path):
        return "companion" if any(t.lemma_ in words.companion_verbs for t in path) else None
    top = path[-1] if path else head
    if top.dep_ == "agent":
        return "b"  # "X was received by Y"
    if top.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return "a"
    if top.dep_ in {
        "dobj",
        "prep",
        "pobj",
        "dative",
        "attr",
        "npadvmod",
        "appos",
        "conj",
        "oprd",
    }:
        lemma = trigger.lemma_.lower()
        if top.dep_ == "prep" and top.lower_ not in words.prepositions(lemma):
            return None
        if top.dep_ == "prep" and top.lower_ in words.list_prepositions:
            # "talks between A and B": the first named is one side, its conjuncts the other
            return "a" if len(path) == 2 and path[0].dep_ == "pobj" else "b"
        if top.dep_ == "conj":
            return "a"
        return "b"
    if top.dep_ == "compound" and trigger.pos_ in {"NOUN", "PROPN"}:
        return "a"
    if (
        top.dep_ == "dep"
        and top.head.i == trigger.i
        and trigger.pos_ == "VERB"
        and 0 < top.left_edge.i - trigger.i <= 2
    ):
        return "b"  # "met X 'Nickname', Y and Z" parsed with the object as an unknown relation
    between = doc[trigger.i + 1 : mention.token_start]
    if (
        top.dep_ in {"punct", "dep"}
        and head.i > trigger.i
        and len(between) < 12
        and any(t.lower_ in words.heading_prepositions for t in between)
        and not any(
            t.pos_ in {"VERB", "ADP"} and t.lower_ not in words.heading_connectors for t in between
        )
    ):
        return "b"  # a misparsed heading: "Telephone conversation with ... Angela Merkel"
    return None


def _meeting_path(path: list[Token], rules: MeetingRules) -> list[Token]:
    """The path from a mention up to its trigger, without the steps a parser inserts inside the
    meeting's own phrase: "held" ("talks held in Ankara with X") and a place or day the "with"
    phrase hangs from ("talks in Dakar with X", "a meeting on Monday with X")."""
    out: list[Token] = []
    skip: set[int] = set()
    for k, tok in enumerate(path):
        if tok.i in skip:
            continue
        if is_held_participle(tok, rules):
            continue
        if (
            tok.dep_ == "pobj"
            and is_setting(tok)
            and k > 0
            and path[k - 1].dep_ == "prep"
            and k + 1 < len(path)
            and path[k + 1].dep_ == "prep"
        ):
            skip.add(path[k + 1].i)  # the place's own preposition ("in" of "in Dakar")
            continue
        out.append(tok)
    return out


def _absorbed_verb_subject(path: list[Token], trigger: Token, mention: ActorMention) -> bool:
    """The same misparse before a verb trigger: "During his stay in the United States, Han, a
    special representative of X, met with ..." hangs "Han" as an apposition (or a conjunct of
    the place) in the fronted phrase and leaves "met" with no subject. Only the apposition's own name is the subject (not "X",
    named inside it)."""
    if trigger.pos_ != "VERB" or not path:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in trigger.children):
        return False
    top = path[-1]
    if top.dep_ != "prep" or top.i > trigger.i:
        return False
    first = next((t for t in path if t.dep_ in {"appos", "conj"}), None)
    return (
        first is not None
        and mention.kind == "name"
        and mention.token_start <= first.i < mention.token_end
        and first.left_edge.i > 0
        and trigger.doc[first.left_edge.i - 1].text == ","
    )


def _absorbed_subject(path: list[Token], trigger: Token, rules: MeetingRules) -> bool:
    """A misparse: the subject of a clause that a fronted meeting frames, hung by the parser as an
    apposition in the frame ("During a meeting with X, the foreign ministers of A, B and C
    expressed ...", the verb left with no subject): the mention is the clause's subject."""
    verb = framing_verb(trigger, rules)
    if verb is None or verb.i < trigger.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return False
    doc = trigger.doc
    return any(
        t.dep_ == "appos"
        and t.i < verb.i
        and t.left_edge.i > 0
        and doc[t.left_edge.i - 1].text == ","
        and t.lower_ not in rules.roles.person_possessives
        for t in path
    )


def _under_happening_verb(path: list[Token], trigger: Token, rules: MeetingRules) -> bool:
    """The mention is in a "with"/"between" phrase the parser hung from the verb that says the
    meeting noun happened (see :func:`~sidelines.extract.triggers.happening_phrases`)."""
    phrases = {
        p.i for p in happening_phrases(trigger, rules) if p.lower_ in rules.roles.noun_prepositions
    }
    return bool(phrases) and bool(path) and path[-1].i in phrases


def _included_by_subjects_verb(head: Token, trigger: Token) -> bool:
    """A noun trigger that is its verb's subject, whose "including ..." the parser hung from the
    verb: the mention is in that list."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = trigger.head
    node = head
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.i != trigger.i and is_including(node)


def _governing_subject(head: Token, trigger: Token) -> str | None:
    """Side A for a mention not under the trigger: the subject of the governing verb for noun
    triggers ("Putin had a telephone conversation with ..."), or of a verb a verb trigger hangs
    from ("is expected to hold talks", "agreed to meet", "plans to visit")."""
    is_noun = trigger.pos_ in {"NOUN", "PROPN"}
    if named_possessor(trigger):
        return None  # "X welcomed the Prime Minister's visit": the possessor is its side A
    controlled = not is_noun and (
        trigger.dep_ == "xcomp"
        # "wrote after meeting with PM Hasina", "Before meeting Muizzu, X held ..."
        or (trigger.tag_ == "VBG" and trigger.dep_ in {"pcomp", "advcl"})
        # "will travel to Beijing to meet Xi": the purpose of the traveller
        or (
            trigger.tag_ == "VB"
            and trigger.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
        )
    )
    if not (is_noun or controlled):
        return None
    verb = trigger.head
    if verb.pos_ == "ADP" and not is_noun:
        verb = verb.head  # "after meeting": the verb "after" hangs from
    hops = 0
    while (
        is_noun
        and verb.dep_ in {"dobj", "pobj", "prep", "attr", "compound", "conj"}
        and verb.head.i != verb.i
        and hops < 4
    ):
        verb = verb.head
        hops += 1
    if is_noun and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "is expected to hold talks": the subject of the verb "hold" hangs from
    if verb.dep_ == "acomp" and verb.head.i != verb.i:
        verb = verb.head  # "is due to meet", "is set to hold talks": the copula's subject
    node = head
    chain: list[Token] = []
    while node.i != verb.i and node.head.i != node.i:
        chain.append(node)
        node = node.head
    if (
        node.i == verb.i
        and chain
        and chain[-1].dep_ in {"nsubj", "nsubjpass"}
        and not any(t.dep_ in _SIDE_CLAUSES for t in chain[:-1])
    ):
        return "a"
    return None
