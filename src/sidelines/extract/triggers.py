"""Meeting triggers: the verb or noun that reports an encounter ("met with", "held talks", "spoke
by phone with", "hosted", "Telephone conversation with ...", "his meeting with ...", "Putin's
visit to Riyadh"), each only in the construction that makes it a meeting; and the ones negated
("did not meet", "refused to meet", "cancelled the talks"). The words are
``meeting_rules.yaml``'s ``triggers`` section."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sidelines.extract.sides import is_including
from sidelines.extract.tense import framing_verb
from sidelines.kb.lexicon import MeetingRules


def find_triggers(sent: Span, rules: MeetingRules) -> list[Token]:
    """The meeting triggers of a sentence, a noun that is a verb trigger's object left out."""
    words = rules.triggers
    triggers: list[Token] = []
    for token in sent:
        low = token.lower_
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in words.verbs:
            if _verb_qualifies(token, lemma, rules):
                triggers.append(token)
        elif (
            token.pos_ in {"NOUN", "PROPN"}
            and (low in words.nouns or lemma in words.nouns)
            and _noun_qualifies(token, rules)
        ):
            triggers.append(token)
    # a noun trigger that is the object of a verb trigger is the same report ("held talks")
    heads = {t.i for t in triggers}
    return [
        t
        for t in triggers
        if not (t.head.i in heads and t.head.i != t.i and t.dep_ in {"dobj", "attr"})
    ]


def _verb_qualifies(token: Token, lemma: str, rules: MeetingRules) -> bool:
    words = rules.triggers
    kids = {c.dep_: c for c in token.children}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"}}
    dobj = kids.get("dobj")
    if lemma in words.object_verbs or (
        lemma in words.event_hosts and dobj is not None and dobj.lower_ in words.hosted_objects
    ):
        return bool(
            dobj is not None and (dobj.lower_ in words.nouns or dobj.lemma_.lower() in words.nouns)
        )
    if lemma in words.talk_verbs:
        media = rules.mode.phone_words | rules.mode.video_words
        on_phone = any(
            c.dep_ in {"prep", "agent"}
            and c.lower_ in words.medium_prepositions
            and any(o.lower_ in media for o in c.children)
            for c in token.children
        )
        # "talked to" reports a conversation; "spoke to" is said of a statement
        return on_phone or "with" in preps or ("to" in preps and token.lower_.startswith("talk"))
    if lemma in words.bare_verbs:
        return True
    if lemma in words.with_verbs:
        return "with" in preps
    if lemma in words.call_verbs:
        if dobj is not None and "oprd" in kids:
            return False  # "called X a friend": a characterisation, no call
        obj = dobj or kids.get("oprd")
        return (
            (obj is not None and (obj.pos_ == "PROPN" or obj.lower_ in words.hosted_guests))
            or "with" in preps
            or visiting_call(token, words.visiting_call_prepositions)
        )
    if lemma in words.receiving_verbs and dobj is not None and "from" in preps:
        # "received a phone call on Friday from B"
        return dobj.lemma_.lower() in words.received_objects
    if lemma in words.host_verbs:
        if "nsubjpass" in kids and "agent" in kids:
            # "X was received by Y": the agent's phrase names the host
            return any(
                o.pos_ == "PROPN" or o.ent_type_ == "PERSON" or o.lower_ == "counterpart"
                for o in kids["agent"].children
                if o.dep_ == "pobj"
            )
        visiting = kids.get("xcomp")
        if visiting is not None and visiting.lemma_.lower() in words.visiting_verbs:
            dobj = next((c for c in visiting.children if c.dep_ == "dobj"), None)  # "visiting X"
        return (
            dobj is not None
            and (
                dobj.pos_ == "PROPN"
                or dobj.ent_type_ == "PERSON"
                or dobj.lower_ in words.hosted_guests
            )
            and "back" not in particles
        )
    if lemma in words.sitting_verbs:  # "sat down with"
        return "down" in particles and "with" in preps
    if lemma in words.paying_verbs:  # "paid a courtesy call on", "paid a visit to"
        return (
            dobj is not None
            and dobj.lemma_.lower() in words.paid_objects
            and bool(preps & words.paid_prepositions)
        )
    if lemma in words.visiting_verbs:
        return dobj is not None and dobj.ent_type_ in {"GPE", "LOC", "FAC"}
    if lemma in words.arriving_verbs:  # "came to India": a visit
        return any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(o.dep_ == "pobj" and o.ent_type_ in {"GPE", "LOC", "FAC"} for o in c.children)
            for c in token.children
        )
    return False


def _noun_qualifies(token: Token, rules: MeetingRules) -> bool:
    words = rules.triggers
    kids = [
        *token.children,
        *(k for c in held_participles(token, rules) for k in c.children),
        *setting_phrases(token),
        *happening_phrases(token, rules),
    ]
    preps = rules.roles.party_prepositions.get(token.lower_, rules.roles.noun_prepositions)
    has_with = any(c.dep_ == "prep" and c.lower_ in preps and c.lower_ != "by" for c in kids)
    has_poss = any(c.dep_ == "poss" for c in kids)
    if token.lower_ in words.visit_nouns:
        return any(c.dep_ == "prep" and c.lower_ in words.visit_prepositions for c in kids) and (
            has_poss or has_with
        )
    if token.lower_ in words.with_nouns:
        return has_with
    if token.lower_ in words.listing_nouns and any(is_including(c) for c in kids):
        return True
    if (
        token.lower_ in words.listing_nouns
        and token.dep_ in {"nsubj", "nsubjpass"}
        and any(is_including(c) for c in token.head.children)
    ):
        return True  # "A meeting is being held, including A, B and C" (the list under "held")
    return (
        has_with
        or (has_poss and token.lower_ in words.possessed_nouns)
        or _frames_joint_subjects(token, rules)
    )


def _frames_joint_subjects(token: Token, rules: MeetingRules) -> bool:
    """A fronted meeting noun whose clause has two or more subjects ("In a phone conversation on
    Monday, A and B discussed ..."): they are its parties."""
    frame = framing_verb(token, rules)
    return (
        frame is not None
        and frame.i > token.i
        and any(
            c.dep_ in {"nsubj", "nsubjpass"} and any(k.dep_ == "conj" for k in c.children)
            for c in frame.children
        )
    )


def happening_phrases(token: Token, rules: MeetingRules) -> list[Token]:
    """The phrases a parser hangs from the verb that says a meeting noun happened instead of the
    noun ("Talks were held in Ankara between A and B", "Talks between A and B took place")."""
    verb = happening_verb(token, rules)
    return [] if verb is None else [c for c in verb.children if c.dep_ == "prep"]


def happening_verb(token: Token, rules: MeetingRules) -> Token | None:
    """The verb whose subject the meeting noun is and that says it happened ("Talks were held",
    "A meeting took place"), or None."""
    verb = token.head
    if (
        token.pos_ not in {"NOUN", "PROPN"}
        or token.dep_ not in {"nsubj", "nsubjpass"}
        or verb.lemma_.lower() not in rules.triggers.happening_verbs
        or (verb.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in verb.children))
    ):
        return None
    return verb


def named_possessor(trigger: Token) -> bool:
    """A meeting noun possessed by a name or title, not a pronoun ("the Prime Minister's visit",
    "Baraka's talks"): the possessor is its side A, whoever governs it is none."""
    return trigger.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in trigger.children
    )


def held_participles(token: Token, rules: MeetingRules) -> list[Token]:
    """The participle that says a meeting noun was held, whose phrases are the meeting's own ("a
    meeting held in Amman with X", "talks held on Monday between A and B")."""
    return [c for c in token.children if is_held_participle(c, rules)]


def is_held_participle(token: Token, rules: MeetingRules) -> bool:
    """ "held" in "talks held in Ankara with X": a participle of a meeting noun that says it was
    held, part of the meeting's phrase, not a side clause."""
    words = rules.triggers
    head = token.head
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.lemma_.lower() in words.object_verbs
        and (head.lower_ in words.nouns or head.lemma_.lower() in words.nouns)
    )


def setting_phrases(token: Token) -> list[Token]:
    """The phrases a parser hangs from a meeting's place or day instead of the meeting ("talks in
    Dakar with X", "a meeting on Monday with X"): the preps under a place's or a date's object."""
    return [
        k
        for c in token.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj" and is_setting(o)
        for k in o.children
        if k.dep_ == "prep"
    ]


#: entity types of the place and day phrases of a meeting
SETTING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def is_setting(token: Token) -> bool:
    """A place or a day: a token of a place the gazetteer knows, or of a place or date entity."""
    if token.ent_type_ in SETTING_ENTITIES:
        return True
    return any(p.token_start <= token.i < p.token_end for p in token.doc._.sl_places or [])


def is_negated(trigger: Token, rules: MeetingRules) -> bool:
    """ "did not meet", "refused to meet", "cancelled the meeting with", "postponed talks"."""
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    happening = happening_verb(trigger, rules)
    if happening is not None and any(c.dep_ == "neg" for c in happening.children):
        return True  # "A planned meeting between A and B did not take place"
    head = trigger.head
    governed = trigger.dep_ in {"xcomp", "dobj", "nsubjpass", "pobj"} and head.i != trigger.i
    return governed and (
        head.lemma_.lower() in rules.triggers.negating_verbs
        or (trigger.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children))
    )


def is_visit(trigger: Token, rules: MeetingRules) -> bool:
    """A trigger that reports a visit ("visited Japan", "came to India", "his visit to")."""
    words = rules.triggers
    return trigger.lemma_.lower() in words.visit_verbs or trigger.lower_ in words.visit_nouns


def frames_a_meeting(trigger: Token, rules: MeetingRules) -> bool:
    """The noun frames a clause whose verb reports a meeting of its own ("During his visit to
    Brussels, A met B"; "A declined to meet B during her visit")."""
    frame = framing_verb(trigger, rules)
    words = rules.triggers
    return frame is not None and (
        frame.lemma_.lower() in words.verbs
        or any(c.dep_ == "dobj" and c.lower_ in words.nouns for c in frame.children)
    )


def phrase_span(doc: Doc, sent: Span, trigger: Token) -> Span:
    """The trigger's phrase: its subtree, within its sentence."""
    left = min(trigger.left_edge.i, trigger.i)
    right = max(trigger.right_edge.i + 1, trigger.i + 1)
    return doc[max(left, sent.start) : min(right, sent.end)]


def visiting_call(token: Token, prepositions: frozenset[str]) -> bool:
    """ "called on President X (at the palace)": a visit to a named person, not an appeal
    ("called on X to release ...") and not a telephone call."""
    if token.pos_ != "VERB" or any(t.tag_ == "TO" for t in token.subtree):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or following.head != token or following.lower_ not in prepositions:
        return False
    return any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ not in {"DATE", "TIME"}
        for o in following.children
    )
