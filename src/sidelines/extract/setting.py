"""Where and on what occasion a merged meeting took place, from what the page says beyond its
sentences: a summit's edition once the date is known, the page's own event location, the place
its headline names, the story's dateline; calls have no place."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc

from sidelines.extract.candidates import MeetingCandidate
from sidelines.kb import KnowledgeBase
from sidelines.kb.gazetteer import city_country
from sidelines.kb.lexicon import MeetingRules
from sidelines.nlp.mentions import PlaceMention
from sidelines.resolve import resolve_date
from sidelines.resolve.places import resolve_occasion
from sidelines.structure.dateline import Dateline


def date_occasions(kb: KnowledgeBase, candidates: list[MeetingCandidate]) -> None:
    """Name a merged meeting's summit by its edition once its date is known ("G20 summit" reported
    in a heading, dated 2022-11-15 by the body, is the G20 Bali Summit)."""
    for cand in candidates:
        if cand.occasion is None or cand.date is None:
            continue
        name, city, country = resolve_occasion(kb, cand.occasion, "", cand.date)
        if name:
            cand.occasion = name
            cand.place = cand.place or city
            cand.country = cand.country or country


def date_from_lead(
    doc: Doc, candidates: list[MeetingCandidate], day: dt.date | None, rules: MeetingRules
) -> None:
    """Date the story's own meeting, undated in its sentence, by the sentence right before it
    when that one names one of its parties or a meeting and fixes a day ("Li Qiang on Thursday
    called for ... In his meeting with Kiro, Li said ..."; "Following the meeting held in London
    on 22 January, ... X hosted Y")."""
    held = [c for c in candidates if c.status == "held" and not c.past_reference]
    own = [
        c for c in [c for c in held if c.main] or held[:1] if c.date is None and not c.other_time
    ]
    if not own:
        return  # most documents: the sentences need not be listed
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for cand in own:
        at = bisect.bisect_right(starts, cand.evidence[0].start) - 1
        if at <= 0:
            continue
        prev = sents[at - 1]
        said = {t.lower_ for t in prev} | {t.lemma_.lower() for t in prev}
        names = {w.lower() for p in cand.parties for w in p.name.split()[-1:]}
        if not (said & names or said & set(rules.triggers.nouns)):
            continue
        for mention in doc._.sl_dates or []:
            if prev.start_char <= mention.start < prev.end_char:
                value = resolve_date(mention.text, day)
                if value is not None and (day is None or value <= day):
                    cand.date = value
                    break


def headline_place(
    text: str, places: list[PlaceMention], title_end: int, rules: MeetingRules
) -> str | None:
    """The city or venue a headline first says the story happened in ("Arab Foreign Ministers
    gather in Cairo for urgent talks"); None when the headline speaks of a future or planned
    event ("... supports holding a summit in Seoul", "will meet in Paris")."""
    words = {w.lower().strip(".,:;'\"") for w in text[:title_end].split()}
    tense = rules.tense
    if words & (tense.unreal_auxiliaries | tense.planned_modifiers) or any(
        w.endswith("ing") and w[:-3] in tense.planning_verbs | {"hold"} for w in words
    ):
        return None
    for p in sorted(places, key=lambda p: p.start):
        if p.start >= title_end:
            break
        before = text[max(0, p.start - 8) : p.start]
        if not p.is_country and p.country and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return p.text.strip()
    return None


def place_from_headline(
    kb: KnowledgeBase, candidates: list[MeetingCandidate], place: str | None, day: dt.date | None
) -> None:
    """Give the headline's place to the story's own meeting: its main report, else the one
    meeting held in person that day (a story that reports it inside a quotation)."""
    if place is None:
        return
    if not any(c.main for c in candidates):
        same_day = [
            c
            for c in candidates
            if c.status == "held"
            and c.mode == "in_person"
            and not c.past_reference
            and c.date is not None
            and c.date == day
        ]
        if len(same_day) != 1:
            return
        same_day[0].main = True
    place_from_location(kb, candidates, place, day, same_day=False)


def place_from_location(
    kb: KnowledgeBase,
    candidates: list[MeetingCandidate],
    location: str | None,
    day: dt.date | None,
    same_day: bool = True,
) -> None:
    """Give the page's own event location ("The Kremlin, Moscow") to the meetings it reports as
    its event (held in person that day, no place in the text, not placed in another country)."""
    if not location:
        return
    name = re.sub(r"^the\s+", "", location.strip(), flags=re.IGNORECASE)
    country = None
    for part in [name, *(p.strip() for p in name.split(","))]:
        known = kb.place(part)
        country = known.country if known else kb.country_code(part)
        if country:
            break
    for cand in candidates:
        if (
            not cand.main
            or cand.past_reference
            or cand.other_time
            or cand.status != "held"
            or cand.mode != "in_person"
        ):
            continue
        if cand.place is not None or (
            same_day and cand.date is not None and day is not None and cand.date != day
        ):
            continue
        if cand.country is not None and country is not None and cand.country != country:
            continue
        cand.place = name
        cand.country = cand.country or country


def place_from_dateline(
    kb: KnowledgeBase,
    candidates: list[MeetingCandidate],
    dateline: Dateline | None,
    day: dt.date | None,
) -> None:
    """Place and date the story's own in-person meetings by its dateline ("ALGIERS, Dec. 19
    (Xinhua) --") when the text gives neither; a dateline's place must be a place we know."""
    if dateline is None:
        return
    known = kb.place(dateline.place)
    country = (
        known.country if known else kb.country_code(dateline.place) or city_country(dateline.place)
    )
    if country is None:
        return
    is_country = known is None and kb.country_code(dateline.place) is not None
    date = resolve_date(dateline.date, day) if dateline.date else None
    for cand in candidates:
        if cand.past_reference or cand.other_time or cand.status != "held":
            continue
        if cand.main and cand.date is None and date is not None:
            cand.date = date
        if cand.mode != "in_person":
            continue
        if not cand.main and cand.date not in {None, date}:
            continue  # a meeting of another day the story mentions
        if cand.country is not None and cand.country != country:
            continue
        if cand.place is not None:
            if cand.country is None and not is_country and kb.place(cand.place) is None:
                # "NAIROBI, March 4 -- ... met ... at State House": the venue is in that city
                cand.place = f"{cand.place}, {dateline.place}"
                cand.country = country
            continue
        cand.place = None if is_country else dateline.place
        cand.country = country


def place_remote(candidates: list[MeetingCandidate]) -> None:
    """A telephone or video call has no place: a place named in its sentence is another's."""
    for cand in candidates:
        if cand.mode in {"phone", "video"}:
            cand.place = None
            cand.country = None
