"""Find meetings in a parsed document: who met whom, held or planned, how, when, where, on what occasion.

A meeting is reported by a *trigger* (:mod:`~sidelines.extract.triggers`): a verb ("met with",
"held talks", "spoke by phone with", "hosted") or a noun ("Telephone conversation with ...", "his
meeting with German Chancellor Scholz", "Putin's visit to Riyadh"). Its parties come from the
trigger's syntactic neighbourhood (:mod:`~sidelines.extract.roles`), are grouped into sides by
country (:mod:`~sidelines.extract.sides`: Biden and Harris are one side); its tense and date,
mode, place and occasion from its sentence (:mod:`~sidelines.extract.tense`,
:mod:`~sidelines.extract.mode`, :mod:`~sidelines.extract.occasions`). Transcripts, visits and
participant lists have modules of their own. The words are ``kb/data/meeting_rules.yaml``.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from sidelines.extract.candidates import MeetingCandidate, unique_parties
from sidelines.extract.merging import inherit_report_date, separate_meetings
from sidelines.extract.mode import meeting_mode, unspecific_mode
from sidelines.extract.occasions import sentence_occasion
from sidelines.extract.roles import group_subject, trigger_parties
from sidelines.extract.rosters import attach_roster, find_rosters
from sidelines.extract.sides import (
    assign_sides,
    heading_parties,
    lists_parties,
    named_forum,
    named_so_far,
    with_party,
)
from sidelines.extract.tense import (
    is_past,
    is_planned,
    marked_earlier,
    meeting_date,
    reported_as_now,
    says_a_day,
    says_other_time,
)
from sidelines.extract.transcripts import spoken_reference
from sidelines.extract.triggers import (
    find_triggers,
    frames_a_meeting,
    held_participles,
    is_negated,
    is_visit,
    named_possessor,
    phrase_span,
)
from sidelines.extract.turns import find_turns, turn_at
from sidelines.extract.visits import visit_host, visited_state
from sidelines.kb import KnowledgeBase
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ActorResolver, ResolvedMention
from sidelines.resolve.places import resolve_place
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, MeetingStatus, Participant


class MeetingExtractor:
    """Extract :class:`MeetingCandidate` objects from a spaCy Doc with resolved actor mentions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.rules = kb.lexicon.meetings
        self.page_dated = False

    def extract(
        self,
        doc: Doc,
        resolved: list[ResolvedMention],
        resolver: ActorResolver,
        day: dt.date | None,
        fact_spans: list[tuple[int, int]],
        title_end: int,
        text: str | None = None,
    ) -> list[MeetingCandidate]:
        """Every meeting report in the fact-bearing parts of ``doc``.

        ``text`` is the document's text with its line breaks (the parsed text may have lost them,
        at the same offsets); participant lists are read from it.
        """
        found: list[MeetingCandidate] = []
        by_token: dict[int, ResolvedMention] = {}
        for item in resolved:
            for i in range(item.mention.token_start, item.mention.token_end):
                by_token[i] = item
        principal = resolver.principal()
        self.page_dated = bool(resolver.publisher and resolver.publisher.event_date == "page")
        turns = find_turns(doc, by_token, fact_spans, self.rules)
        lead_seen = False
        for sent in doc.sents:
            if not in_spans(fact_spans, sent.start_char):
                continue
            heading = sent.start_char < title_end or _is_heading(sent)
            # the lead sentence reports the page's event even by a noun ("Ashgabat hosts talks
            # between ...")
            lead = not heading and not lead_seen
            lead_seen = lead_seen or not heading
            turn = turn_at(turns, sent.start_char)
            for trigger in find_triggers(sent, self.rules):
                if turn is not None:
                    candidate = spoken_reference(self.kb, doc, sent, trigger, turn, found, day)
                    if candidate is not None:
                        found.append(candidate)
                        continue
                candidate = self._candidate(
                    doc,
                    sent,
                    trigger,
                    by_token,
                    resolved,
                    principal,
                    day,
                    heading or (lead and trigger.pos_ in {"NOUN", "PROPN"}),
                    found,
                )
                if candidate is not None:
                    found.extend(separate_meetings(candidate, trigger, sent, self.rules))
        rosters = find_rosters(
            text or doc_text(doc), resolved, fact_spans, self.rules, resolver.publisher
        )
        for roster in rosters:
            attach_roster(
                doc, roster, found, by_token, fact_spans, day, self.rules, self.page_dated
            )
        if not any(c.status == "held" for c in found):
            implied = self._implied(doc, resolved, day, fact_spans)
            if implied is not None:
                found.append(implied)
        inherit_report_date(found)
        return found

    def _implied(
        self,
        doc: Doc,
        resolved: list[ResolvedMention],
        day: dt.date | None,
        fact_spans: list[tuple[int, int]],
    ) -> MeetingCandidate | None:
        """A story that names two leaders and then speaks of "the talks" ("during today's
        negotiations", "after the talks") without saying who held them reports their meeting.
        Only when nothing else in the story is a meeting, and the two have offices."""
        rules = self.rules
        words = rules.implied
        for sent in doc.sents:
            if not in_spans(fact_spans, sent.start_char):
                continue
            for token in sent:
                if token.pos_ != "NOUN" or token.lower_ not in words.nouns:
                    continue
                dets = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
                if not dets & words.determiners and not any(
                    c.lower_ in words.today_words for c in token.children
                ):
                    continue
                if is_planned(token, sent, rules) or is_negated(token, rules):
                    continue
                if any(
                    c.dep_ == "aux" and c.lower_ in rules.tense.future_auxiliaries
                    for c in token.head.children
                ):
                    continue  # "The talks will take place next month"
                pair = named_so_far(resolved, sent)
                if len(pair) < 2 or any(p.role is None for p in pair):
                    continue
                phrase = phrase_span(doc, sent, token)
                return MeetingCandidate.main_report(
                    sent,
                    pair,
                    {p.key: str(p.country) for p in pair},
                    mode=meeting_mode(token, phrase, sent, rules),
                    date=meeting_date(doc, sent, token, day, False, rules),
                    weak_mode=True,
                    verb_trigger=False,
                )
        return None

    # --- one candidate ------------------------------------------------------------------------
    def _candidate(
        self,
        doc: Doc,
        sent: Span,
        trigger: Token,
        by_token: dict[int, ResolvedMention],
        resolved: list[ResolvedMention],
        principal: Participant | None,
        day: dt.date | None,
        heading: bool,
        found: list[MeetingCandidate],
    ) -> MeetingCandidate | None:
        rules = self.rules
        side_a, side_b, companions = trigger_parties(doc, sent, trigger, by_token, rules)
        if heading and not side_b and not named_possessor(trigger):
            # headings are often misparsed; read them by position instead (not "X welcomed the
            # Prime Minister's visit": the possessor is the visit's side A)
            side_a, side_b = heading_parties(sent, trigger, by_token, side_a, rules)
        elif heading and not side_a and _is_heading(sent) and not named_possessor(trigger):
            # "Vice President Kamala Harris Call with President X": who is named before the
            # trigger is side A, before the publisher's principal
            side_a = heading_parties(sent, trigger, by_token, side_a, rules)[0]
        if side_a and not side_b:
            side_b = with_party(sent, trigger, by_token, side_a)
        together = False  # the parties are listed as one group, so they met together
        if not side_a and len(side_b) >= 2 and lists_parties(trigger, rules):
            # "the meeting of the foreign ministers of A and B, X and Y": a list, not a side
            side_a, side_b, together = side_b[:1], side_b[1:], True
        if not side_b and len(side_a) >= 2 and not is_visit(trigger, rules):
            # "A and B spoke by telephone": conjoined subjects of a reciprocal trigger
            side_a, side_b, together = side_a[:1], side_a[1:], True
        elif len(side_a) + len(side_b) > 2 and lists_parties(trigger, rules):
            together = True  # "talks between A, B and C"
        is_noun = trigger.pos_ in {"NOUN", "PROPN"}
        if (
            not side_a
            and (heading or is_noun)
            and principal is not None
            and not (is_noun and any(c.dep_ == "poss" for c in trigger.children))
        ):
            side_a = [principal]
        if not side_a and is_noun:
            # "in his meeting with ...": the possessive pronoun's person, named before it
            poss = next(
                (
                    c
                    for c in trigger.children
                    if c.dep_ == "poss" and c.lower_ in rules.roles.person_possessives
                ),
                None,
            )
            if poss is not None:
                before = [
                    r.party
                    for r in resolved
                    if r.party is not None
                    and r.party.kind == "person"
                    and r.mention.kind in {"name", "title"}
                    and r.mention.start < poss.idx
                ]
                if before:
                    side_a = [before[-1]]
        if not side_a and group_subject(trigger, rules):
            # "The two leaders met ..." repeats the parties of the latest meeting, or with none
            # yet, the people the story has named so far
            if found:
                # on the sides they had there
                last = found[-1]
                first = last.sides.get(last.parties[0].key)
                side_a = [p for p in last.parties if last.sides.get(p.key) == first]
                side_b = side_b or [p for p in last.parties if last.sides.get(p.key) != first]
            else:
                side_a = named_so_far(resolved, sent)
        visit_state = None
        if is_visit(trigger, rules):
            if not side_b and not named_possessor(trigger) and frames_a_meeting(trigger, rules):
                return None  # "During his visit to Brussels, A met B": the visit is the setting
            visit_state = visited_state(self.kb, doc, trigger, side_a)
            if visit_state is not None and not side_b:
                side_b = [visit_host(visit_state, found, resolved)]
        if not side_a or is_negated(trigger, rules):
            # "their respective conversations with X and Y": no party on the trigger's own side,
            # so X and Y did not meet each other; "refused to meet", "did not meet": no meeting
            return None
        parties = unique_parties(side_a + side_b)
        if len(parties) < 2:
            return None
        sides = assign_sides(side_a, side_b, together)
        if len(set(sides.values())) < 2:
            return None
        phrase = phrase_span(doc, sent, trigger)
        status: MeetingStatus = "planned" if is_planned(trigger, sent, rules) else "held"
        mode = meeting_mode(trigger, phrase, sent, rules)
        weak_mode = unspecific_mode(mode, trigger, rules)
        past = marked_earlier(phrase, trigger, rules) or (
            # "his meeting with X was a success": an earlier encounter; "the minister's visit to
            # India comes a month after ...": the one the story reports
            is_noun
            and any(
                c.dep_ == "poss" and c.lower_ not in rules.groups.possessives
                for c in trigger.children
            )
            and not heading
            and is_past(trigger, rules)
        )
        date = meeting_date(
            doc,
            sent,
            trigger,
            day,
            (self.page_dated and (heading or (not is_noun and status == "held" and not past)))
            or (status == "held" and not past and reported_as_now(trigger, rules)),
            rules,
            future=status == "planned",
        )
        held = held_participles(trigger, rules)  # "a meeting held in Amman": its own place
        clause_end = min(
            [
                c.left_edge.idx
                for c in trigger.children
                if c.i > trigger.i
                and c not in held
                and (
                    c.dep_ in {"advcl", "xcomp", "ccomp", "relcl", "acl"}
                    or (c.dep_ == "conj" and c.pos_ == "VERB")
                )
            ]
            + [sent.end_char]
        )
        place = resolve_place(
            self.kb, doc_text(doc), doc._.sl_places or [], trigger.idx, clause_end
        )
        if place.place is None and place.country is None:
            # "During a visit to Nairobi, A met B": a place set before the trigger
            place = resolve_place(
                self.kb, doc_text(doc), doc._.sl_places or [], sent.start_char, trigger.idx
            )
        if visit_state is not None and place.country is None:
            place = type(place)(place.place, visit_state.country)
        occasion, occ_city, occ_country = (
            (None, None, None)
            if mode == "phone"
            else sentence_occasion(self.kb, doc, sent, day if date is None else date)
        )
        if occasion is None and is_noun:
            occasion = named_forum(trigger, by_token, rules)
        place_name = place.place or (occ_city if occasion else None)
        country = place.country or (occ_country if occasion else None)
        evidence = Evidence(sent.start_char, sent.end_char, sent.text)
        return MeetingCandidate(
            parties=parties,
            accompanying=[c for c in companions if c.key not in {p.key for p in parties}],
            status=status,
            mode=mode,
            date=date,
            place=place_name,
            country=country,
            occasion=occasion,
            evidence=[evidence],
            main=heading or (not is_noun and not past),
            weak_mode=weak_mode,
            verb_trigger=not is_noun,
            past_reference=past,
            sides=sides,
            together=together,
            other_time=date is None and says_other_time(doc, sent, trigger, day, rules),
            date_by_default=date is not None and date == day and not says_a_day(doc, sent, day),
        )


def _is_heading(sent: Span) -> bool:
    text = sent.text.strip()
    return (
        len(text) < 160 and not text.endswith((".", ":", "?", "!", "”", '"')) and "\n" not in text
    )
