"""PLOVER type, mode and nearest CAMEO code of a statement, from its cue verb and its content.

The cue verb gives a first code ("condemned" is ACCUSE/111). A cue that says nothing by itself
("said", "reaffirmed") lets the content decide: the words and phrases of ``cameo.yaml`` that name
events are looked for in it, the main verb of a parsed sentence counting most. A negated cue
("did not agree") turns cooperation into refusal; a conflict event under "would"/"warned" is a
threat. :func:`classify_text` is the same reading applied to a whole sentence, for text that has no
statement cue (news sentences of peer data sets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from sidelines.code.scales import CodingTables, coding_tables

__all__ = ["EventCode", "classify_text", "code_statement", "plover_record"]

#: types whose negation is a refusal ("did not agree" is REJECT)
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: types that become THREATEN when announced rather than done ("warned it would strike")
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: deeds that a statement can only promise or describe
_MATERIAL_COOPERATION = frozenset({"COOPERATE", "AID", "CONCEDE", "RETREAT"})
#: characters before a match searched for a negation or a threat marker (about four words)
_LOOKBACK = 28
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|after|while|because|which|who)\b")


@dataclass(frozen=True)
class EventCode:
    """One coded event: PLOVER type and mode, CAMEO code, and the words that decided it."""

    event: str | None
    cameo: str
    mode: str = ""
    matched: str = ""
    negated: bool = False


def plover_record(code: EventCode, tables: CodingTables | None = None) -> dict[str, Any] | None:
    """The ``plover`` object of the output contract: type, mode, context, intensity, Goldstein."""
    if code.event is None:
        return None
    tables = tables or coding_tables()
    record: dict[str, Any] = {"event": code.event, "mode": code.mode, "context": "diplomatic"}
    if code.negated:
        record["negated"] = True
    record["intensity"] = tables.event_intensity(code.event, code.mode)
    record["goldstein"] = tables.goldstein(code.cameo)
    return record


def code_statement(
    cue_lemma: str,
    cues: dict[str, Any],
    text: str = "",
    context: str = "",
    tables: CodingTables | None = None,
) -> tuple[str, dict[str, Any] | None]:
    """``(cameo, plover)`` of a statement: its cue verb, refined by its ``text`` (content).

    ``context`` is the sentence the cue stands in, read for a negation just before the cue. A
    statement that PLOVER does not code (010 make statement) has ``plover`` ``None``.
    """
    code = statement_code(cue_lemma, cues, text, context, tables)
    return code.cameo, plover_record(code, tables)


def statement_code(
    cue_lemma: str,
    cues: dict[str, Any],
    text: str = "",
    context: str = "",
    tables: CodingTables | None = None,
) -> EventCode:
    """The :class:`EventCode` behind :func:`code_statement`."""
    tables = tables or coding_tables()
    entry = tables.statement_cues.get(cue_lemma)
    if entry is None:  # a cue of cues.yaml that our table does not list: take its codes
        info = (
            cues.get("statement_verbs", {}).get(cue_lemma)
            or cues.get("statement_phrases", {}).get(cue_lemma)
            or {}
        )
        entry = {"event": info.get("plover"), "cameo": info.get("cameo")}
    event = entry.get("event")
    cameo = str(entry.get("cameo") or (tables.nearest_cameo.get(event) if event else "010"))
    content = classify_text(text, tables=tables) if text else None
    if _cue_negated(cue_lemma, context, tables):
        if event in _COOPERATIVE:
            return _refusal(event, tables, cue_lemma)
        if event is None and content and content.event in _COOPERATIVE:
            return _refusal(content.event, tables, content.matched)
    if content is not None and content.event:
        if event is None or entry.get("neutral"):
            said = _as_said(content, tables)
            if said is not None:
                return said
        if event == "AGREE" and content.event == "CONSULT":  # "agreed to meet"
            return EventCode("AGREE", "036", "meet", content.matched)
        if event == "THREATEN" and content.event in _CONFLICT | {"THREATEN"}:
            return EventCode("THREATEN", "138", "", content.matched)
        if content.event == event and content.cameo != tables.nearest_cameo.get(event):
            return EventCode(event, content.cameo, content.mode, content.matched)
    if event is None:
        return EventCode(None, cameo)
    return EventCode(str(event), cameo, tables.mode_of(cameo), cue_lemma)


def _as_said(content: EventCode, tables: CodingTables) -> EventCode | None:
    """What content read under a neutral cue says of the speaker, if anything.

    Words, not deeds: a remark about talks ("said the talks were useful") is no consultation, a
    remark about cooperation or aid expresses intent to cooperate (030), and an account of others'
    force or coercion is not the speaker's act (left uncoded) unless it is the speaker's threat.
    """
    if content.event == "CONSULT" or content.event in _CONFLICT | {"PROTEST"}:
        return None
    if content.event in _MATERIAL_COOPERATION:
        return EventCode("AGREE", "030", tables.mode_of("030"), content.matched)
    return content


def classify_text(
    text: str, doc: Doc | Span | None = None, tables: CodingTables | None = None
) -> EventCode | None:
    """The strongest event a sentence names, or ``None`` when no event word is found.

    With ``doc`` (the parse of ``text``; ``doc.text == text``), a word that is the main verb of its
    sentence counts three times, a direct dependent of it twice; without one, the earliest
    strongest match wins.
    """
    tables = tables or coding_tables()
    lowered = text.lower()
    best: tuple[float, int, EventCode] | None = None
    for pattern in tables.patterns:
        for match in pattern.regex.finditer(lowered):
            start = match.start()
            before = lowered[max(0, start - _LOOKBACK) : start]
            before = _CLAUSE_BREAK.split(before)[-1]
            code = _adjusted(pattern.event, pattern.cameo, match.group(), before, tables)
            score = pattern.weight * _syntax_weight(doc, start, match.end())
            if best is None or (score, -start) > (best[0], -best[1]):
                best = (score, start, code)
    if best is None:
        return None
    code = best[2]
    if code.event == "CONSULT" and code.cameo == "040":
        how = tables.consult_mode(text)
        if how:
            return EventCode("CONSULT", how[0], how[1] or tables.mode_of(how[0]), code.matched)
    return code


def _adjusted(event: str, cameo: str, matched: str, before: str, tables: CodingTables) -> EventCode:
    """An event word read with the words just before it: negation, or a threat of force."""
    if event in _COOPERATIVE and tables.negation.search(before):
        return _refusal(event, tables, matched)
    if event in _CONFLICT and tables.threat.search(before):
        return EventCode(
            "THREATEN", "138" if event in {"ASSAULT", "MOBILIZE"} else "130", "", matched
        )
    if event in _COOPERATIVE and event != "AGREE" and tables.future.search(before):
        cameo = "036" if event == "CONSULT" else "030"
        return EventCode("AGREE", cameo, tables.mode_of(cameo), matched)
    return EventCode(event, cameo, tables.mode_of(cameo), matched)


def _refusal(event: str, tables: CodingTables, matched: str) -> EventCode:
    cameo = tables.negated_cameo.get(event, "120")
    return EventCode("REJECT", cameo, tables.mode_of(cameo), matched, negated=True)


def _cue_negated(cue_lemma: str, context: str, tables: CodingTables) -> bool:
    """Whether a negation stands just before the cue word in its sentence ("did not agree")."""
    if not context:
        return False
    lowered = context.lower()
    stem = re.escape(cue_lemma[:4])
    for match in re.finditer(rf"\b{stem}\w*", lowered):
        before = _CLAUSE_BREAK.split(lowered[max(0, match.start() - _LOOKBACK) : match.start()])
        if tables.negation.search(before[-1]):
            return True
    return False


def _syntax_weight(doc: Doc | Span | None, start: int, end: int) -> float:
    if doc is None:
        return 1.0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 1.0
    token = span.root
    if token.dep_ == "ROOT":
        return 3.0
    head = token.head
    if head.dep_ == "ROOT" and token.dep_ in {"xcomp", "ccomp", "dobj", "conj", "advcl", "attr"}:
        return 2.0
    if head.dep_ in {"xcomp", "ccomp"} and head.head.dep_ == "ROOT":
        return 1.5
    return 1.0
