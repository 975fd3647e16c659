"""Scoring one document's extraction against its gold annotation, and a corpus of them.

The rules are those of ``shared/eval/README.md``:

* **Meeting dyads** – every unordered pair of principals on different sides of a *held* meeting,
  in gold and in the prediction (a predicted participant whose ``side`` is null is a side of its
  own). A predicted dyad matches a gold dyad when both ends match by name, in either order; the
  matching is one-to-one and prefers dyads of the same pair of meetings.
* **Attributes** – over matched dyads: ``mode``, ``date`` and ``country`` exactly, ``place`` and
  ``occasion`` loosely, and each matched principal's ``country``.
* **Meetings** – a gold held meeting is *found* when one of its dyads is matched; a predicted held
  meeting is *right* when one of its dyads is.
* **Statements** – a predicted statement matches a gold one when one of its evidence texts contains
  the gold anchor (whitespace, case and quote marks folded) and one of its speakers matches one of
  the gold speakers; one-to-one, by maximum bipartite matching.

Scores are micro-averaged over documents; the dyad F1 is also reported averaged over documents.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from anyascii import anyascii

from sidelines.evaluate.names import names_match

__all__ = [
    "ATTRIBUTES",
    "PRF",
    "Accuracy",
    "CorpusScore",
    "Diagnostics",
    "DocumentScore",
    "combine_scores",
    "normalise_evidence",
    "occasion_matches",
    "place_matches",
    "score_corpus",
    "score_document",
]

#: Attributes whose accuracy is measured over matched dyads, in report order.
ATTRIBUTES: tuple[str, ...] = ("mode", "date", "country", "place", "occasion", "principal_country")

#: Predicted meeting statuses scored as held. A missing status is taken as held: the contract
#: always sets it, and an extractor that leaves it out has not said "planned".
HELD_STATUSES = frozenset({"held", None})

_STOPWORDS = frozenset({"the", "of", "in", "at", "on", "a", "an", "and", "to", "for", "with"})
#: Words that do not tell one occasion from another ("summit" is shared by all summits).
_GENERIC_OCCASION_WORDS = frozenset(
    {
        "summit",
        "meeting",
        "meetings",
        "forum",
        "conference",
        "session",
        "talks",
        "visit",
        "sidelines",
        "margins",
        "margin",
        "during",
        "annual",
        "leaders",
        "leaders'",
        "ministerial",
    }
)
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[a-z])-(?=\d)")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
    }
)
_MAX_TEXT_IN_DIAGNOSTICS = 160

L = TypeVar("L", bound=Hashable)
R = TypeVar("R", bound=Hashable)


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class PRF:
    """Counts behind precision, recall and F1.

    ``matched_predicted`` of ``predicted`` items were right; ``matched_gold`` of ``gold`` items
    were found (the two differ for meetings, where several predictions can find one gold meeting).
    A ratio over zero items is 1.0 when the other side is empty too, else 0.0.
    """

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted items that are right."""
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched_predicted / self.predicted

    @property
    def recall(self) -> float:
        """Share of gold items that were found."""
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.matched_gold / self.gold

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        precision, recall = self.precision, self.recall
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)

    @property
    def empty(self) -> bool:
        """True when there was nothing to find and nothing was predicted."""
        return self.predicted == 0 and self.gold == 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched_predicted + other.matched_predicted,
            self.predicted + other.predicted,
            self.matched_gold + other.matched_gold,
            self.gold + other.gold,
        )


@dataclass(frozen=True)
class Accuracy:
    """``correct`` right answers out of ``total`` comparisons."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """The accuracy, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def add(self, right: bool) -> Accuracy:
        """This accuracy with one more comparison."""
        return Accuracy(self.correct + int(right), self.total + 1)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass
class Diagnostics:
    """Why a document scored as it did: what was missed and what was wrongly predicted."""

    missed_dyads: list[str] = field(default_factory=list)
    false_dyads: list[str] = field(default_factory=list)
    missed_meetings: list[str] = field(default_factory=list)
    false_meetings: list[str] = field(default_factory=list)
    attribute_errors: list[str] = field(default_factory=list)
    missed_statements: list[str] = field(default_factory=list)
    false_statements: list[str] = field(default_factory=list)


def _no_attributes() -> dict[str, Accuracy]:
    return {name: Accuracy() for name in ATTRIBUTES}


@dataclass
class DocumentScore:
    """The scores of one document; ``error`` is set when its extraction failed."""

    doc: str
    dyads: PRF = field(default_factory=PRF)
    meetings: PRF = field(default_factory=PRF)
    statements: PRF = field(default_factory=PRF)
    attributes: dict[str, Accuracy] = field(default_factory=_no_attributes)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    error: str | None = None


@dataclass
class CorpusScore:
    """Micro-averaged scores over documents, with the documents' own scores kept."""

    documents: list[DocumentScore]
    dyads: PRF
    meetings: PRF
    statements: PRF
    attributes: dict[str, Accuracy]
    #: Mean of per-document dyad F1 over documents with gold or predicted dyads (None if none).
    doc_averaged_dyad_f1: float | None
    doc_averaged_dyad_documents: int

    @property
    def errors(self) -> dict[str, str]:
        """Documents whose extraction failed, with the error."""
        return {doc.doc: doc.error for doc in self.documents if doc.error is not None}


# --------------------------------------------------------------------------- loose comparisons


def _tokens(text: str) -> list[str]:
    folded = anyascii(text.translate(_QUOTES)).casefold().replace("'", "").replace(".", "")
    folded = _LETTER_DIGIT_HYPHEN.sub("", folded)  # "G-20" is "G20"
    return _NON_ALNUM.sub(" ", folded).split()


def _loose_match(gold: object, predicted: object, generic: frozenset[str]) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_tokens, predicted_tokens = _tokens(str(gold)), _tokens(str(predicted))
    gold_content = set(gold_tokens) - _STOPWORDS - generic
    predicted_content = set(predicted_tokens) - _STOPWORDS - generic
    if not gold_content or not predicted_content:
        return gold_tokens == predicted_tokens
    if gold_content <= predicted_content or predicted_content <= gold_content:
        return True
    overlap = len(gold_content & predicted_content) / len(gold_content | predicted_content)
    return overlap >= 0.5


def place_matches(gold: object, predicted: object) -> bool:
    """Loose place equality: both null, or one's words contained in the other's ("Bali" and
    "Nusa Dua, Bali"), or at least half their words shared. A shared word alone is not enough:
    "New York" is not "New Delhi"."""
    return _loose_match(gold, predicted, frozenset())


def occasion_matches(gold: object, predicted: object) -> bool:
    """Loose occasion equality, like :func:`place_matches` but over distinctive words only:
    "G20 Bali Summit" is "G20 summit in Bali"; "ASEAN Summit" is not "G20 Summit"."""
    return _loose_match(gold, predicted, _GENERIC_OCCASION_WORDS)


def normalise_evidence(text: str) -> str:
    """Fold case, quote marks, dashes and whitespace, for finding an anchor in evidence text."""
    return " ".join(text.translate(_QUOTES).casefold().split())


# --------------------------------------------------------------------------- matching


def _maximum_matching(adjacency: Mapping[L, Sequence[R]]) -> dict[L, R]:
    """Maximum bipartite matching by augmenting paths (Kuhn); deterministic in input order."""
    owner: dict[R, L] = {}

    def augment(left: L, seen: set[R]) -> bool:
        for right in adjacency[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in adjacency:
        augment(left, set())
    return {left: right for right, left in owner.items()}


@dataclass(frozen=True)
class _Principal:
    key: tuple[int, int, int]  # gold meeting, side, position
    name: str
    acceptable: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class _Participant:
    name: str
    country: str | None


@dataclass(frozen=True)
class _GoldDyad:
    meeting: int
    a: _Principal
    b: _Principal

    def describe(self, gold_meeting: Mapping[str, Any]) -> str:
        mode, date = gold_meeting.get("mode"), gold_meeting.get("date")
        return f"{self.a.name} – {self.b.name} (gold meeting {self.meeting + 1}: {mode}, {date})"


@dataclass(frozen=True)
class _PredictedDyad:
    meeting: int
    a: _Participant
    b: _Participant

    def describe(self) -> str:
        return f"{self.a.name} – {self.b.name} (predicted meeting {self.meeting + 1})"


def _as_list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _gold_held_meetings(gold: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    meetings = _as_list(gold.get("meetings"))
    return [
        (i, m)
        for i, m in enumerate(meetings)
        if isinstance(m, Mapping) and m.get("status") == "held"
    ]


def _predicted_held_meetings(predicted: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    meetings = _as_list(predicted.get("meetings"))
    return [
        (i, m)
        for i, m in enumerate(meetings)
        if isinstance(m, Mapping) and m.get("status") in HELD_STATUSES
    ]


def _gold_dyads(index: int, meeting: Mapping[str, Any]) -> list[_GoldDyad]:
    sides: list[list[_Principal]] = []
    for s, side in enumerate(_as_list(meeting.get("sides"))):
        people = []
        for p, person in enumerate(_as_list(side)):
            if not isinstance(person, Mapping):
                continue
            name = str(person.get("name") or "")
            aliases = tuple(str(a) for a in _as_list(person.get("aliases")) if a)
            people.append(_Principal((index, s, p), name, (name, *aliases), person.get("country")))
        sides.append(people)
    return [
        _GoldDyad(index, a, b)
        for i, side in enumerate(sides)
        for later in sides[i + 1 :]
        for a in side
        for b in later
    ]


def _predicted_dyads(index: int, meeting: Mapping[str, Any]) -> list[_PredictedDyad]:
    grouped: list[tuple[object, _Participant]] = []
    for position, person in enumerate(_as_list(meeting.get("participants"))):
        if not isinstance(person, Mapping):
            continue
        side = person.get("side")
        # A participant with no side is a side of its own.
        side_key: object = ("own side", position) if side is None else ("side", side)
        grouped.append(
            (side_key, _Participant(str(person.get("name") or ""), person.get("country")))
        )
    return [
        _PredictedDyad(index, a, b)
        for i, (side_a, a) in enumerate(grouped)
        for side_b, b in grouped[i + 1 :]
        if side_a != side_b
    ]


def _orientation(predicted: _PredictedDyad, gold: _GoldDyad) -> bool | None:
    """True if ``predicted.a`` is ``gold.a`` and ``.b`` is ``.b``; False if crossed; else None."""
    if names_match(predicted.a.name, list(gold.a.acceptable)) and names_match(
        predicted.b.name, list(gold.b.acceptable)
    ):
        return True
    if names_match(predicted.a.name, list(gold.b.acceptable)) and names_match(
        predicted.b.name, list(gold.a.acceptable)
    ):
        return False
    return None


def _attribute_agreement(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> int:
    return (
        sum(int(gold.get(name) == predicted.get(name)) for name in ("mode", "date", "country"))
        + place_matches(gold.get("place"), predicted.get("place"))
        + occasion_matches(gold.get("occasion"), predicted.get("occasion"))
    )


def _match_dyads(
    gold_dyads: Sequence[_GoldDyad],
    predicted_dyads: Sequence[_PredictedDyad],
    gold_meetings: Mapping[int, Mapping[str, Any]],
    predicted_meetings: Mapping[int, Mapping[str, Any]],
) -> dict[int, tuple[int, bool]]:
    """Match predicted dyads (by index) to gold dyads one-to-one: ``{pred: (gold, straight)}``.

    Pairs of meetings are taken greedily, those sharing most candidate dyads first (ties: the
    pair whose attributes agree most), and within a pair of meetings the matching is maximum.
    That keeps two reports of the same two leaders (a call and a later visit) apart.
    """
    candidates: dict[tuple[int, int], list[tuple[int, int, bool]]] = {}
    for p, predicted in enumerate(predicted_dyads):
        for g, gold in enumerate(gold_dyads):
            straight = _orientation(predicted, gold)
            if straight is not None:
                key = (predicted.meeting, gold.meeting)
                candidates.setdefault(key, []).append((p, g, straight))

    def priority(key: tuple[int, int]) -> tuple[int, int, int, int]:
        agreement = _attribute_agreement(gold_meetings[key[1]], predicted_meetings[key[0]])
        return (-len(candidates[key]), -agreement, key[0], key[1])

    matched: dict[int, tuple[int, bool]] = {}
    taken_gold: set[int] = set()
    for key in sorted(candidates, key=priority):
        adjacency: dict[int, list[int]] = {}
        orientation: dict[tuple[int, int], bool] = {}
        for p, g, straight in candidates[key]:
            if p in matched or g in taken_gold:
                continue
            adjacency.setdefault(p, []).append(g)
            orientation[(p, g)] = straight
        for p, g in _maximum_matching(adjacency).items():
            matched[p] = (g, orientation[(p, g)])
            taken_gold.add(g)
    return matched


# --------------------------------------------------------------------------- scoring


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _MAX_TEXT_IN_DIAGNOSTICS:
        return text
    return text[: _MAX_TEXT_IN_DIAGNOSTICS - 1] + "…"


def _score_meetings(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], score: DocumentScore
) -> None:
    gold_meetings = dict(_gold_held_meetings(gold))
    predicted_meetings = dict(_predicted_held_meetings(predicted))
    gold_dyads = [d for i, m in gold_meetings.items() for d in _gold_dyads(i, m)]
    predicted_dyads = [d for i, m in predicted_meetings.items() for d in _predicted_dyads(i, m)]
    matched = _match_dyads(gold_dyads, predicted_dyads, gold_meetings, predicted_meetings)
    found_gold = {g for g, _ in matched.values()}
    notes = score.diagnostics

    score.dyads = PRF(len(matched), len(predicted_dyads), len(matched), len(gold_dyads))
    notes.missed_dyads = [
        dyad.describe(gold_meetings[dyad.meeting])
        for g, dyad in enumerate(gold_dyads)
        if g not in found_gold
    ]
    notes.false_dyads = [d.describe() for p, d in enumerate(predicted_dyads) if p not in matched]

    right_meetings = {predicted_dyads[p].meeting for p in matched}
    found_meetings = {gold_dyads[g].meeting for g in found_gold}
    score.meetings = PRF(
        len(right_meetings), len(predicted_meetings), len(found_meetings), len(gold_meetings)
    )
    for index, meeting in gold_meetings.items():
        if index not in found_meetings:
            names = " / ".join(
                ", ".join(str(p.get("name")) for p in _as_list(side) if isinstance(p, Mapping))
                for side in _as_list(meeting.get("sides"))
            )
            notes.missed_meetings.append(f"gold meeting {index + 1}: {names}")
    for index, meeting in predicted_meetings.items():
        if index not in right_meetings:
            names = ", ".join(
                str(p.get("name"))
                for p in _as_list(meeting.get("participants"))
                if isinstance(p, Mapping)
            )
            notes.false_meetings.append(f"predicted meeting {index + 1}: {names}")

    attributes = _no_attributes()
    seen_principals: set[tuple[int, int, int]] = set()
    for p in sorted(matched):
        g, straight = matched[p]
        gold_dyad, predicted_dyad = gold_dyads[g], predicted_dyads[p]
        gold_meeting = gold_meetings[gold_dyad.meeting]
        predicted_meeting = predicted_meetings[predicted_dyad.meeting]
        label = f"{gold_dyad.a.name} – {gold_dyad.b.name}"
        for name in ATTRIBUTES[:5]:
            expected, got = gold_meeting.get(name), predicted_meeting.get(name)
            if name == "place":
                right = place_matches(expected, got)
            elif name == "occasion":
                right = occasion_matches(expected, got)
            else:
                right = expected == got
            attributes[name] = attributes[name].add(right)
            if not right:
                notes.attribute_errors.append(
                    f"{name} of {label}: gold {expected!r}, predicted {got!r}"
                )
        pairs = ((gold_dyad.a, predicted_dyad.a), (gold_dyad.b, predicted_dyad.b))
        if not straight:
            pairs = ((gold_dyad.a, predicted_dyad.b), (gold_dyad.b, predicted_dyad.a))
        for principal, participant in pairs:
            # A principal in several dyads is one principal: count its country once.
            if principal.key in seen_principals:
                continue
            seen_principals.add(principal.key)
            right = principal.country == participant.country
            attributes["principal_country"] = attributes["principal_country"].add(right)
            if not right:
                notes.attribute_errors.append(
                    f"country of {principal.name}: gold {principal.country!r}, "
                    f"predicted {participant.country!r}"
                )
    score.attributes = attributes


def _speaker_names(statement: Mapping[str, Any]) -> list[str]:
    names = []
    for speaker in _as_list(statement.get("speakers")):
        name = speaker.get("name") if isinstance(speaker, Mapping) else speaker
        if name:
            names.append(str(name))
    return names


def _evidence_texts(statement: Mapping[str, Any]) -> list[str]:
    texts = []
    for span in _as_list(statement.get("evidence")):
        text = span.get("text") if isinstance(span, Mapping) else span
        if text:
            texts.append(normalise_evidence(str(text)))
    return texts


def _score_statements(
    gold: Mapping[str, Any], predicted: Mapping[str, Any], score: DocumentScore
) -> None:
    gold_statements = [s for s in _as_list(gold.get("statements")) if isinstance(s, Mapping)]
    predicted_statements = [
        s for s in _as_list(predicted.get("statements")) if isinstance(s, Mapping)
    ]
    anchors = [normalise_evidence(str(s.get("anchor") or "")) for s in gold_statements]
    gold_speakers = [[str(n) for n in _as_list(s.get("speakers")) if n] for s in gold_statements]
    adjacency: dict[int, list[int]] = {}
    for p, statement in enumerate(predicted_statements):
        evidence = _evidence_texts(statement)
        speakers = _speaker_names(statement)
        adjacency[p] = [
            g
            for g, anchor in enumerate(anchors)
            if anchor
            and any(anchor in text for text in evidence)
            and any(names_match(name, gold_speakers[g]) for name in speakers)
        ]
    matched = _maximum_matching(adjacency)
    found = set(matched.values())
    score.statements = PRF(len(matched), len(predicted_statements), len(found), len(anchors))
    notes = score.diagnostics
    for g, statement in enumerate(gold_statements):
        if g not in found:
            speaker = gold_speakers[g][0] if gold_speakers[g] else "?"
            notes.missed_statements.append(f"{speaker}: “{statement.get('anchor')}”")
    for p, statement in enumerate(predicted_statements):
        if p not in matched:
            text = str(statement.get("text") or "")
            if not text:
                spans = _as_list(statement.get("evidence"))
                text = (
                    str(spans[0].get("text") or "")
                    if spans and isinstance(spans[0], Mapping)
                    else ""
                )
            who = ", ".join(_speaker_names(statement)) or "?"
            notes.false_statements.append(f"{who}: {_shorten(text)}")


def score_document(gold: dict[str, Any], predicted: dict[str, Any]) -> DocumentScore:
    """Score one extraction (the ``sidelines extract`` JSON object) against its gold annotation.

    ``predicted`` may be empty (``{}``): everything in gold then counts as missed.
    """
    score = DocumentScore(doc=str(gold.get("doc") or ""))
    _score_meetings(gold, predicted, score)
    _score_statements(gold, predicted, score)
    return score


def combine_scores(documents: Iterable[DocumentScore]) -> CorpusScore:
    """Micro-average document scores into a corpus score (and average dyad F1 over documents)."""
    docs = list(documents)
    dyads, meetings, statements = PRF(), PRF(), PRF()
    attributes = _no_attributes()
    for doc in docs:
        dyads += doc.dyads
        meetings += doc.meetings
        statements += doc.statements
        for name in ATTRIBUTES:
            attributes[name] += doc.attributes[name]
    with_dyads = [doc.dyads.f1 for doc in docs if not doc.dyads.empty]
    return CorpusScore(
        documents=docs,
        dyads=dyads,
        meetings=meetings,
        statements=statements,
        attributes=attributes,
        doc_averaged_dyad_f1=sum(with_dyads) / len(with_dyads) if with_dyads else None,
        doc_averaged_dyad_documents=len(with_dyads),
    )


def score_corpus(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> CorpusScore:
    """Score ``(gold, predicted)`` pairs and micro-average them over documents."""
    return combine_scores(score_document(gold, predicted) for gold, predicted in pairs)
