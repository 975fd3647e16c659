"""When a meeting is: planned ("will meet", "agreed to meet", "the upcoming visit"), an earlier
encounter ("our last meeting", "following the talks"), reported as the day's ("holds talks", "talks
have started"), and its date. The words are ``meeting_rules.yaml``'s ``tense`` section."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.mentions import DateMention
from sidelines.resolve import resolve_date


def framing_verb(trigger: Token, rules: MeetingRules) -> Token | None:
    """The verb of the clause a meeting noun frames ("During their talks, A and B agreed to ...",
    "In his meeting with X, A said ...", "A told reporters at the talks that ..."): what the
    clause reports happened in the meeting, so the meeting has that verb's tense."""
    prep = trigger.head
    if (
        trigger.pos_ not in {"NOUN", "PROPN"}
        or trigger.dep_ != "pobj"
        or prep.lower_ not in rules.tense.frame_prepositions
        or prep.head.pos_ not in {"VERB", "AUX"}
        or prep.head.i == prep.i
    ):
        return None
    return prep.head


def _time_modifiers(trigger: Token) -> set[str]:
    """The words that time a meeting noun: its own modifiers and its time phrases ("their talks
    next week", "his meeting with X last year"), not the names inside it ("New Zealand")."""
    return {
        w.lower_
        for c in trigger.children
        if c.dep_ in {"amod", "advmod", "npadvmod"}
        for w in (c.subtree if c.dep_ == "npadvmod" else [c])
    }


def _measured_from(span: Span, trigger: Token, rules: MeetingRules) -> set[int]:
    """The tokens of the "since"/"after" phrases in ``span`` that time another event the meeting
    is measured from ("for the first time since his inauguration last month")."""
    skipped: set[int] = set()
    for tok in span:
        if (
            tok.lower_ in rules.tense.after_words
            and tok.dep_ == "prep"
            and not (tok.left_edge.i <= trigger.i <= tok.right_edge.i)
        ):
            skipped.update(t.i for t in tok.subtree)
    return skipped


def marked_earlier(phrase: Span, trigger: Token, rules: MeetingRules) -> bool:
    """A meeting's phrase marks it as an earlier one ("our last meeting", "the talks two years
    ago"); a word that times the event a "since"/"after" phrase measures from does not ("talks
    ... for the first time since his inauguration last month"); nor does "earlier today"."""
    words = rules.tense
    skipped = _measured_from(phrase, trigger, rules)
    today = rules.implied.today_words
    return any(
        t.lower_ in words.past_words and not (t.head.lower_ in today and t.head.i != t.i)
        for t in phrase
        if t.i not in skipped
    )


def is_planned(trigger: Token, sent: Span, rules: MeetingRules) -> bool:
    """A meeting to come: a future auxiliary, a planning verb or noun above it, a modifier."""
    words = rules.tense
    if {t.lower_ for t in trigger.lefts} & words.past_words:
        return False  # "during our last meeting we agreed to ..."
    frame = framing_verb(trigger, rules)
    if frame is not None and frame.tag_ == "VBD":
        # "During their talks, A and B agreed to deepen ties": what they agreed is to come, the
        # talks are not; a modifier still makes them planned ("during the talks next week")
        return bool(
            _time_modifiers(trigger) & words.planned_modifiers
            or any(c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in frame.children)
        )
    if any(c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in trigger.children):
        return True
    if trigger.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in trigger.head.children
    ):
        return True  # "will travel to Beijing to meet Xi", "will try to meet"
    if (
        trigger.tag_ in {"VB"}
        and trigger.dep_ in {"xcomp", "ccomp"}
        and trigger.head.lemma_.lower() in words.planning_verbs
    ):
        return True
    if trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in words.looking_forward:
        return True
    head = trigger.head
    if trigger.dep_ in {"pobj", "dobj"} and head.lemma_.lower() in words.planning_heads:
        return True
    if trigger.dep_ == "pobj" and head.head.lemma_.lower() in words.planning_grandheads:
        return True
    mods = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}}
    if mods & words.planned_modifiers:
        return True
    if trigger.pos_ in {"NOUN", "PROPN"} and any(
        w.lower_ in words.planned_modifiers
        for c in [*trigger.children, *(k for a in trigger.ancestors for k in a.children)]
        if c.dep_ == "npadvmod" and (c.head == trigger or c.left_edge.i == trigger.right_edge.i + 1)
        for w in c.subtree
    ):
        return True  # "the summit between A and B next week" (however the parser hung it)
    if (
        trigger.pos_ in {"NOUN", "PROPN"}
        and trigger.dep_ in {"nsubj", "nsubjpass"}
        and any(
            c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in trigger.head.children
        )
    ):
        return True  # "the summit between A and B will focus on trade"
    ancestors = {a.lemma_.lower() for a in trigger.ancestors}
    return bool(ancestors & words.planning_ancestors) and trigger.tag_ in {"VB", "NN", "NNS"}


def is_past(trigger: Token, rules: MeetingRules) -> bool:
    """A trigger that reports an earlier encounter: a past-tense verb ("we met", "we have talked"),
    or a noun marked as earlier ("our last meeting") or governed by a past-tense verb ("our last
    meeting took place", "your visit ... was a success") or by "following"/"since"/"after"."""
    words = rules.tense
    if trigger.pos_ in {"VERB", "AUX"}:
        return trigger.tag_ in {"VBD", "VBN"}
    mods = {t.lower_ for t in trigger.subtree if t.i < trigger.i}
    if mods & words.past_words:
        return True
    frame = framing_verb(trigger, rules)
    if frame is not None and frame.tag_ == "VBD" and frame.lower_ not in words.after_words:
        # "In his meeting with X, A said ...": the meeting the clause reports, however its
        # verb is tensed ("his meeting with X was a success" is no frame)
        return bool(_time_modifiers(trigger) & words.past_words)
    node = trigger.head
    hops = 0
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and hops < 3:
        if (node.dep_ == "prep" or node.pos_ == "ADP") and node.lower_ in words.after_words:
            return True
        node = node.head
        hops += 1
    if node.lower_ in words.after_words:
        return True
    return (
        node.pos_ in {"VERB", "AUX"}
        and node.tag_ in {"VBD", "VBN"}
        and not any(c.dep_ == "aux" and c.lower_ in words.future_auxiliaries for c in node.children)
    )


def reported_as_now(trigger: Token, rules: MeetingRules) -> bool:
    """A report in the present ("holds talks", "has started", "are holding talks"): the encounter
    is on the document's own day."""
    words = rules.tense
    verb = trigger
    hops = 0
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and hops < 4:
        verb = verb.head
        hops += 1
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if (
        trigger.pos_ in {"NOUN", "PROPN"}
        and trigger.dep_ != "dobj"
        and verb.lemma_.lower() not in words.current_verbs
    ):
        return False  # "the minister's visit comes a month after ...": narrative, not the day's
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & words.unreal_auxiliaries:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    if verb.tag_ == "VBN" and auxes & words.perfect_auxiliaries:
        return True  # "has started", "is being held", "talks are held"
    return verb.tag_ == "VBG" and bool(auxes & words.progressive_auxiliaries)


def meeting_date(
    doc: Doc,
    sent: Span,
    trigger: Token,
    day: dt.date | None,
    default_to_doc: bool,
    rules: MeetingRules,
    future: bool = False,
) -> dt.date | None:
    """The date of the trigger's sentence (one in the trigger's own clause first), looking ahead
    for a meeting to come (``future``); with none, the document's day when ``default_to_doc``,
    unless a date there says another time."""
    dates = _sentence_dates(doc, sent)
    reported = [d for d in dates if _dates_report(doc, d, trigger, rules)]
    dates = [d for d in dates if d not in reported]
    # prefer dates in the trigger's own clause
    for candidate in _in_clause(dates, trigger) or dates:
        value = resolve_date(candidate.text, day, future)
        if value is not None:
            return value
    if reported or says_other_time(doc, sent, trigger, day, rules):
        # "A met B, the ministry said in a statement yesterday": the day of the report, so the
        # meeting's own day is not written
        return None
    return day if default_to_doc else None


def _dates_report(doc: Doc, date: DateMention, trigger: Token, rules: MeetingRules) -> bool:
    """The date hangs from a verb that reports the meeting, not from the meeting ("..., the
    ministry said on Friday"; "according to a statement released on Thursday, ...")."""
    tok = doc[date.token_start : date.token_end].root
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.i != trigger.i and tok.lemma_ in rules.tense.report_verbs


def says_a_day(doc: Doc, sent: Span, day: dt.date | None) -> bool:
    """The sentence writes a date that resolves to a day ("on Monday", "on 4 March")."""
    return any(resolve_date(d.text, day) is not None for d in _sentence_dates(doc, sent))


#: a reference day to tell a day whose year is unknown ("July 3") from a time that is no day
_ANY_DAY = dt.date(2000, 1, 1)


def says_other_time(
    doc: Doc, sent: Span, trigger: Token, day: dt.date | None, rules: MeetingRules
) -> bool:
    """The trigger's clause names a time that resolves to no day ("visited Ghana in November",
    "met in 2019"), or its sentence a relative one ("last month"): an undated meeting of another
    time than the story's day ("later in the day", "a three-day visit" are no other time)."""
    other_time = rules.tense.other_time_pattern
    measured = _measured_from(sent, trigger, rules)
    dates = [
        d
        for d in _sentence_dates(doc, sent)
        if d.token_start not in measured
        and other_time.search(d.text.strip())
        and resolve_date(d.text, day or _ANY_DAY) is None
    ]
    return bool(_in_clause(dates, trigger)) or any(
        rules.tense.relative_date_pattern.search(d.text) for d in dates
    )


def _sentence_dates(doc: Doc, sent: Span) -> list[DateMention]:
    """The date mentions of a sentence."""
    return [d for d in (doc._.sl_dates or []) if sent.start_char <= d.start < sent.end_char]


def _in_clause(dates: list[DateMention], trigger: Token) -> list[DateMention]:
    """The dates in the trigger's own clause (its subtree and its head; for an infinitive of
    purpose or a complement, "visited Russia in 2019 to meet X", the clause of its verb)."""
    if trigger.tag_ == "VB" and trigger.dep_ in {"advcl", "xcomp"}:
        trigger = trigger.head
    clause = {t.i for t in trigger.subtree} | {trigger.head.i}
    return [d for d in dates if any(i in clause for i in range(d.token_start, d.token_end))]
