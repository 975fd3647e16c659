"""The typed lexicon: the words and patterns the extractors read, from ``kb/data``.

``cues.yaml`` holds the cue tables (statement verbs, name words), the words of titles and those
around statements;
``meeting_rules.yaml`` the words by
which reporting says that a meeting took place, section by section (triggers, roles, groups, tense,
implied meetings, mode, occasion, transcripts). Each section is a frozen dataclass whose fields are
the file's keys: a key the code does not know, or one it needs and the file lacks, is an error, so
the data and the code cannot drift apart. Built by :func:`sidelines.kb.loader.load_lexicon`.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass
from typing import Any

from sidelines.errors import KnowledgeBaseError

__all__ = [
    "DateWords",
    "GroupWords",
    "ImpliedWords",
    "Lexicon",
    "MeetingRules",
    "ModeWords",
    "OccasionWords",
    "PlaceWords",
    "RoleWords",
    "StatementWords",
    "TenseWords",
    "TitleWords",
    "TranscriptWords",
    "TriggerWords",
    "build_section",
]

Words = frozenset[str]


@dataclass(frozen=True)
class TriggerWords:
    """Meeting verbs and nouns and the constructions each needs (``extract/triggers.py``)."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    bare_verbs: Words
    with_verbs: Words
    object_verbs: Words
    event_hosts: Words
    hosted_objects: Words
    talk_verbs: Words
    medium_prepositions: Words
    call_verbs: Words
    visiting_call_prepositions: Words
    receiving_verbs: Words
    received_objects: Words
    host_verbs: Words
    hosted_guests: Words
    happening_verbs: Words
    sitting_verbs: Words
    paying_verbs: Words
    paid_objects: Words
    paid_prepositions: Words
    visiting_verbs: Words
    arriving_verbs: Words
    visit_nouns: Words
    visit_prepositions: Words
    with_nouns: Words
    listing_nouns: Words
    possessed_nouns: Words
    negating_verbs: Words

    @property
    def visit_verbs(self) -> Words:
        """Lemmas of a visit: visiting a place or arriving at one."""
        return self.visiting_verbs | self.arriving_verbs


@dataclass(frozen=True)
class RoleWords:
    """How a party stands to its trigger (``extract/roles.py``, ``extract/sides.py``)."""

    party_prepositions: dict[str, Words]
    noun_prepositions: Words
    capacity_prepositions: Words
    serving_heads: Words
    list_prepositions: Words
    heading_prepositions: Words
    heading_connectors: Words
    title_connectors: Words
    official_titles: Words
    companion_pattern: re.Pattern[str]
    companion_verbs: Words
    person_possessives: Words

    def prepositions(self, lemma: str) -> Words:
        """The prepositions whose object is a party of a verb trigger with this lemma."""
        return self.party_prepositions.get(lemma, self.party_prepositions["*"])


@dataclass(frozen=True)
class GroupWords:
    """Words for the parties together, lists of meetings and participant lists."""

    subjects: Words
    possessives: Words
    plural_triggers: Words
    separate_words: Words
    together_pattern: re.Pattern[str]
    convene_verbs: Words
    roster_header_pattern: re.Pattern[str]
    own_side_words: tuple[str, ...]


@dataclass(frozen=True)
class TenseWords:
    """Held, planned or earlier (``extract/tense.py``)."""

    past_words: Words
    future_auxiliaries: Words
    unreal_auxiliaries: Words
    perfect_auxiliaries: Words
    progressive_auxiliaries: Words
    planning_verbs: Words
    looking_forward: Words
    planning_heads: Words
    planning_grandheads: Words
    planned_modifiers: Words
    planning_ancestors: Words
    after_words: Words
    frame_prepositions: Words
    report_verbs: Words
    current_verbs: Words
    relative_date_pattern: re.Pattern[str]
    other_time_pattern: re.Pattern[str]


@dataclass(frozen=True)
class ImpliedWords:
    """ "the talks" between a story's two leaders when nothing else is a meeting."""

    nouns: Words
    determiners: Words
    today_words: Words


@dataclass(frozen=True)
class ModeWords:
    """In person, by phone or by video (``extract/mode.py``)."""

    phone_words: Words
    video_words: Words
    call_forms: Words
    visit_lemmas: Words
    visit_words: Words
    unspecific_triggers: Words
    title_phone_pattern: re.Pattern[str]
    title_video_pattern: re.Pattern[str]
    title_other_pattern: re.Pattern[str]
    meeting_lemmas: Words
    meeting_words: Words
    manner_prepositions: Words


@dataclass(frozen=True)
class OccasionWords:
    """The summit or forum a meeting was held at (``extract/occasions.py``, ``resolve/places.py``)."""

    phrase_pattern: re.Pattern[str]
    not_occasion_pattern: re.Pattern[str]
    forum_pattern: re.Pattern[str]
    forum_nouns: Words
    manner_words: Words
    cue_pattern: re.Pattern[str]
    event_pattern: re.Pattern[str]
    generic_pattern: re.Pattern[str]


@dataclass(frozen=True)
class PlaceWords:
    """Where a meeting took place (``resolve/places.py``)."""

    before_place_pattern: re.Pattern[str]


@dataclass(frozen=True)
class TranscriptWords:
    """Speaker turns and the encounters a speaker mentions (``extract/transcripts.py``)."""

    turn_pattern: re.Pattern[str]
    pronouns: Words
    both_pronouns: Words
    listener_pronouns: Words
    earlier_words: Words
    repeated_pattern: re.Pattern[str]


@dataclass(frozen=True)
class MeetingRules:
    """The sections of ``meeting_rules.yaml``."""

    triggers: TriggerWords
    roles: RoleWords
    groups: GroupWords
    tense: TenseWords
    implied: ImpliedWords
    mode: ModeWords
    occasion: OccasionWords
    places: PlaceWords
    transcripts: TranscriptWords


@dataclass(frozen=True)
class TitleWords:
    """The ``titles`` section of ``cues.yaml``: the words of titles around names, sides and groups
    (``nlp/actors.py``)."""

    title_words: Words
    not_name_words: Words
    office_nouns: Words
    bare_heads: Words
    title_connectors: Words
    pronouns: Words
    title_modifiers: Words
    plural_titles: Words
    dotted_abbreviations: Words
    honorific_pattern: re.Pattern[str]
    group_pattern: re.Pattern[str]
    side_pattern: re.Pattern[str]


@dataclass(frozen=True)
class StatementWords:
    """The ``statements`` section of ``cues.yaml``: the words around statement cues, their
    speakers and their content (``extract/statements.py``)."""

    extend_objects: Words
    give_objects: Words
    group_words: Words
    country_groups: Words
    addressees: Words
    personal_pronouns: Words
    reference_pronouns: Words
    by_doing: Words
    content_skip: Words
    speech_verbs: Words
    adjunct_cues: Words
    person_object_cues: Words
    addressed_cues: Words
    appeal_particles: Words
    noun_cue_verbs: Words
    frame_prepositions: Words
    continuing_meeting_verbs: Words
    first_person: Words
    first_person_words: Words
    signatory_words: Words
    clause_joiners: Words
    second_clause_pattern: re.Pattern[str]
    introduces_list_pattern: re.Pattern[str]
    list_item_pattern: re.Pattern[str]
    own_words_pattern: re.Pattern[str]


#: spaCy ``Matcher`` token patterns, as the data file writes them
MatcherPatterns = list[list[dict[str, Any]]]


@dataclass(frozen=True)
class DateWords:
    """The ``dates`` section of ``cues.yaml``: the words of relative days (``nlp/pipeline.py``)."""

    relative_day_patterns: MatcherPatterns


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractors read as words: the cue tables, titles and the meeting rules."""

    #: the tables of ``cues.yaml`` as written (statement verbs and phrases, name words, venues)
    cues: dict[str, Any]
    titles: TitleWords
    statements: StatementWords
    dates: DateWords
    meetings: MeetingRules


def build_section(kind: type[Any], data: Any, where: str) -> Any:
    """One section of a data file as the dataclass ``kind``: each key a field, converted to the
    field's type (lists to frozensets or tuples, ``*_pattern`` strings compiled)."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{where} must be a mapping")
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    unknown = sorted(set(data) - set(names))
    missing = [n for n in names if n not in data]
    if unknown or missing:
        raise KnowledgeBaseError(
            f"[K102] {where}: unknown keys {unknown}, missing keys {missing}; "
            f"valid keys: {', '.join(names)}"
        )
    return kind(**{n: _convert(hints[n], data[n], f"{where}.{n}") for n in names})


def _convert(hint: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(hint):
        return build_section(typing.cast(type[Any], hint), value, where)
    origin = typing.get_origin(hint)
    if hint is re.Pattern or origin is re.Pattern:
        if not isinstance(value, str):
            raise KnowledgeBaseError(f"{where} must be a regular expression string")
        try:
            return re.compile(value)
        except re.error as err:
            raise KnowledgeBaseError(f"{where}: bad regular expression: {err}") from err
    if origin in (frozenset, tuple):
        if not isinstance(value, list):
            raise KnowledgeBaseError(f"{where} must be a list of words")
        if not all(isinstance(v, str) for v in value):
            # YAML reads a bare on/off/yes/no as a boolean: such a word must be quoted
            raise KnowledgeBaseError(f"{where}: every word must be a string (quote on/off/yes/no)")
        words = list(value)
        return frozenset(words) if origin is frozenset else tuple(words)
    if origin is list:
        if not (
            isinstance(value, list)
            and all(isinstance(p, list) and all(isinstance(t, dict) for t in p) for p in value)
        ):
            raise KnowledgeBaseError(f"{where} must be a list of token patterns (lists of maps)")
        return [[dict(t) for t in p] for p in value]
    if origin is dict:
        if not isinstance(value, dict):
            raise KnowledgeBaseError(f"{where} must be a mapping")
        item = typing.get_args(hint)[1]
        return {str(k): _convert(item, v, f"{where}.{k}") for k, v in value.items()}
    if hint is str:
        if not isinstance(value, str):
            raise KnowledgeBaseError(f"{where} must be a string")
        return value
    raise KnowledgeBaseError(f"{where}: no reader for {hint!r}")  # pragma: no cover
