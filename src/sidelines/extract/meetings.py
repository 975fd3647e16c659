"""Find meetings in a parsed document: who met whom, held or planned, how, when, where, on what occasion.

A meeting is reported by a *trigger*: a verb ("met with", "held talks", "spoke by phone with",
"hosted") or a noun ("Telephone conversation with ...", "his meeting with German Chancellor
Scholz", "Putin's visit to Riyadh"). Its parties come from the trigger's syntactic neighbourhood:
the subject (or possessor) on one side, the ``with``/object phrase on the other; people in relative
clauses ("who was accompanying President Xi") or after "accompanied by" are companions, not
principals. Parties are grouped into sides by country (Biden and Harris are one side).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from sidelines.extract.candidates import MeetingCandidate, unique_parties
from sidelines.extract.merging import inherit_report_date, separate_meetings
from sidelines.extract.rosters import Roster, find_rosters
from sidelines.extract.sides import (
    assign_sides,
    heading_parties,
    is_including,
    lists_parties,
    named_forum,
    named_so_far,
    with_party,
)
from sidelines.extract.turns import Turn, find_turns, turn_at
from sidelines.kb import KnowledgeBase
from sidelines.nlp.doc_text import doc_text
from sidelines.nlp.mentions import ActorMention
from sidelines.resolve import ActorResolver, ResolvedMention, party_key, resolve_date
from sidelines.resolve.places import OCCASION_CUE, resolve_occasion, resolve_place
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, MeetingMode, MeetingStatus, Participant

#: dependency labels whose subtree is a side remark, not the clause's own parties
_SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "xcomp"})


_COMPANION = re.compile(
    r"\b(?:accompanied by|accompanying|joined by|along with|together with|was joined)\b",
    re.IGNORECASE,
)


_PAST_REFERENCE = frozenset(
    {"last", "previous", "earlier", "recent", "past", "former", "ago", "prior", "once"}
)


#: prepositions whose object is a party of a trigger, by trigger lemma ("*": any other)
_PARTY_PREPOSITIONS: dict[str, frozenset[str]] = {
    "*": frozenset({"with", "between", "by"}),
    "talk": frozenset({"with", "between", "by", "to"}),
    "pay": frozenset({"on", "to"}),
    "receive": frozenset({"with", "between", "by", "from"}),
    "get": frozenset({"with", "between", "by", "from"}),
    "call": frozenset({"with", "between", "by", "from"}),
    "calls": frozenset({"with", "between", "by", "from"}),
    "meeting": frozenset({"with", "between", "by", "of"}),
    "talks": frozenset({"with", "between", "by", "of"}),
}


#: verbs by which a host brings a group together ("convened legislative leaders")
_CONVENE_VERBS = frozenset({"convene", "host", "gather", "bring", "meet", "welcome", "hold"})


_OCCASION_PHRASE = re.compile(
    r"(?:(?i:on|at) the (?:sidelines|margins?) of|(?i:during)|at|while attending|ahead of|"
    r"in the framework of|as part of)\s+(?P<occ>(?:the\s+)?(?:[^,.;()]|\.(?=\S))+?)"
    r"(?=\s*(?:,|\.(?!\S)|;|\(|$| in [A-Z]| on [A-Z]| where | to [a-z]| and (?:the )?[a-z]))",
)


#: phrases after "at"/"during" that name no summit or forum
_NOT_OCCASION = re.compile(
    r"\b(?:press|news) (?:conference|briefing)|\bbriefing\b|\b(?:talks|meeting|call|"
    r"conversation)s? (?:with|between)\b|\b(?:had|has|have|discussed|held|holding)\b",
    re.IGNORECASE,
)


class MeetingExtractor:
    """Extract :class:`MeetingCandidate` objects from a spaCy Doc with resolved actor mentions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.page_dated = False
        cues = kb.cues
        self.verbs: dict[str, str] = dict(cues.get("meeting_verbs", {}))
        self.nouns: dict[str, str] = dict(cues.get("meeting_nouns", {}))
        self.phone_words = frozenset(cues.get("phone_words", []))
        self.video_words = frozenset(cues.get("video_words", []))
        self.planned = frozenset(cues.get("planned_markers", []))
        self.negating = frozenset(cues.get("negating_verbs", []))

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
        turns = find_turns(doc, by_token, fact_spans)
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
            for trigger in self._triggers(sent):
                if turn is not None:
                    candidate = self._spoken_reference(doc, sent, trigger, turn, found, day)
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
                    found.extend(separate_meetings(candidate, trigger, sent))
        for roster in find_rosters(text or doc_text(doc), resolved, fact_spans):
            self._attach_roster(doc, roster, found, by_token, fact_spans, day)
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
        for sent in doc.sents:
            if not in_spans(fact_spans, sent.start_char):
                continue
            for token in sent:
                if token.pos_ != "NOUN" or token.lower_ not in {"talks", "negotiations"}:
                    continue
                dets = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
                if not dets & {"the", "today", "these", "their", "our"} and not any(
                    c.lower_ == "today" for c in token.children
                ):
                    continue
                if self._is_planned(token, sent) or self._negated(token):
                    continue
                if any(
                    c.dep_ == "aux" and c.lower_ in {"will", "shall", "would", "'ll"}
                    for c in token.head.children
                ):
                    continue  # "The talks will take place next month"
                pair = named_so_far(resolved, sent)
                if len(pair) < 2 or any(p.role is None for p in pair):
                    continue
                phrase = _phrase_span(doc, sent, token)
                return MeetingCandidate.main_report(
                    sent,
                    pair,
                    {party_key(p): str(p.country) for p in pair},
                    mode=self._mode(token, phrase, sent),
                    date=self._date(doc, sent, token, day, False),
                    weak_mode=True,
                    verb_trigger=False,
                )
        return None

    # --- participant lists --------------------------------------------------------------------
    def _attach_roster(
        self,
        doc: Doc,
        roster: Roster,
        found: list[MeetingCandidate],
        by_token: dict[int, ResolvedMention],
        fact_spans: list[tuple[int, int]],
        day: dt.date | None,
    ) -> None:
        """Add the people of a participant list to the meeting reported before it: companions of
        the host when the list is the host's own people, else the other side. With no meeting
        found yet, the list's meeting is the one its host convened ("X convened leaders ...")."""
        before = [
            c
            for c in found
            if c.status == "held"
            and c.main
            and not c.past_reference
            and c.evidence[0].start < roster.start
        ]
        target = before[-1] if before else self._convened(doc, roster, by_token, fact_spans, day)
        if target is None:
            return
        if target not in found:
            found.append(target)
        keys = target.party_keys()
        host_label = target.sides.get(party_key(target.parties[0]), "a")
        other = next((v for v in target.sides.values() if v != host_label), "participants")
        for member in roster.members:
            key = party_key(member)
            if key in keys:
                continue
            if roster.host_side:
                if key not in {party_key(p) for p in target.accompanying}:
                    target.accompanying.append(member)
                continue
            target.parties.append(member)
            target.sides[key] = other
        ev = Evidence(roster.start, roster.end, doc_text(doc)[roster.start : roster.end])
        if ev not in target.evidence:
            target.evidence.append(ev)

    def _convened(
        self,
        doc: Doc,
        roster: Roster,
        by_token: dict[int, ResolvedMention],
        fact_spans: list[tuple[int, int]],
        day: dt.date | None,
    ) -> MeetingCandidate | None:
        """The meeting a non-host participant list belongs to when no meeting with named parties
        was reported: its hosts are the named subjects of the first "convened"/"hosted"/"met"
        sentence before the list."""
        if roster.host_side:
            return None
        for sent in doc.sents:
            if sent.start_char >= roster.start:
                break
            if not in_spans(fact_spans, sent.start_char):
                continue
            for verb in sent:
                if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CONVENE_VERBS:
                    continue
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    continue
                named = [by_token[t.i] for t in subject.subtree if t.i in by_token]
                hosts = unique_parties(
                    [
                        r.party
                        for r in named
                        if r.party is not None and r.mention.kind in {"name", "title"}
                    ]
                )
                if not hosts:
                    continue
                label = hosts[0].country or "hosts"
                return MeetingCandidate.main_report(
                    sent,
                    hosts,
                    {party_key(h): label for h in hosts},
                    mode="in_person",
                    date=self._date(doc, sent, verb, day, self.page_dated),
                    weak_mode=False,
                    verb_trigger=True,
                )
        return None

    # --- triggers -----------------------------------------------------------------------------
    def _triggers(self, sent: Span) -> list[Token]:
        triggers: list[Token] = []
        for token in sent:
            low = token.lower_
            lemma = token.lemma_.lower()
            if token.pos_ in {"VERB", "AUX"} and lemma in self.verbs:
                if self._verb_qualifies(token, lemma):
                    triggers.append(token)
            elif (
                token.pos_ in {"NOUN", "PROPN"}
                and (low in self.nouns or lemma in self.nouns)
                and self._noun_qualifies(token)
            ):
                triggers.append(token)
        # a noun trigger that is the object of a verb trigger is the same report ("held talks")
        heads = {t.i for t in triggers}
        return [
            t
            for t in triggers
            if not (t.head.i in heads and t.head.i != t.i and t.dep_ in {"dobj", "attr"})
        ]

    def _verb_qualifies(self, token: Token, lemma: str) -> bool:
        kids = {c.dep_: c for c in token.children}
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"}}
        dobj = kids.get("dobj")
        if lemma in {"hold", "have"} or (
            lemma == "host"
            and dobj is not None
            and dobj.lower_
            in {"meeting", "roundtable", "call", "conversation", "discussion", "talks"}
        ):
            return bool(
                dobj is not None
                and (dobj.lower_ in self.nouns or dobj.lemma_.lower() in self.nouns)
            )
        if lemma in {"talk", "speak"}:
            on_phone = any(
                c.dep_ in {"prep", "agent"}
                and c.lower_ in {"on", "over", "by", "via", "through"}
                and any(o.lower_ in self.phone_words | self.video_words for o in c.children)
                for c in token.children
            )
            return (
                on_phone or "with" in preps or ("to" in preps and token.lower_.startswith("talk"))
            )
        if lemma == "meet":
            return True
        if lemma == "confer":
            return "with" in preps
        if lemma in {"call", "phone", "telephone"}:
            obj = dobj or kids.get("oprd")
            return (obj is not None and obj.pos_ == "PROPN") or "with" in preps
        if lemma in {"receive", "get"} and dobj is not None and "from" in preps:
            # "received a phone call on Friday from B"
            return dobj.lemma_.lower() in {"call", "visit", "delegation", "message"}
        if lemma in {"host", "receive", "welcome"}:
            if "nsubjpass" in kids and "agent" in kids:
                # "X was received by Y": the agent's phrase names the host
                return any(
                    o.pos_ == "PROPN" or o.ent_type_ == "PERSON" or o.lower_ == "counterpart"
                    for o in kids["agent"].children
                    if o.dep_ == "pobj"
                )
            return (
                dobj is not None
                and (dobj.pos_ == "PROPN" or dobj.ent_type_ == "PERSON")
                and "back" not in particles
            )
        if lemma == "sit":  # "sat down with"
            return "down" in particles and "with" in preps
        if lemma == "pay":  # "paid a courtesy call on", "paid a visit to"
            return (
                dobj is not None
                and dobj.lemma_.lower() in {"call", "visit"}
                and bool(preps & {"on", "to"})
            )
        if lemma == "visit":
            return dobj is not None and dobj.ent_type_ in {"GPE", "LOC", "FAC"}
        if lemma == "come":  # "came to India": a visit
            return any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(
                    o.dep_ == "pobj" and o.ent_type_ in {"GPE", "LOC", "FAC"} for o in c.children
                )
                for c in token.children
            )
        return False

    def _noun_qualifies(self, token: Token) -> bool:
        kids = list(token.children)
        preps = _PARTY_PREPOSITIONS.get(token.lower_, frozenset({"with", "between"}))
        has_with = any(c.dep_ == "prep" and c.lower_ in preps and c.lower_ != "by" for c in kids)
        has_poss = any(c.dep_ == "poss" for c in kids)
        if token.lower_ in {"visit", "visits"}:
            return any(c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in kids) and (
                has_poss or has_with
            )
        if token.lower_ in {"summit", "discussion", "discussions", "engagement", "encounter"}:
            return has_with
        if token.lower_ in {"meeting", "talks"} and any(is_including(c) for c in kids):
            return True
        return has_with or (
            has_poss and token.lower_ in {"meeting", "talks", "conversation", "call"}
        )

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
        side_a, side_b, companions = self._parties(doc, sent, trigger, by_token)
        if heading and not side_b:
            # headings are often misparsed; read them by position instead
            side_a, side_b = heading_parties(sent, trigger, by_token, side_a)
        if side_a and not side_b:
            side_b = with_party(sent, trigger, by_token, side_a)
        together = False  # the parties are listed as one group, so they met together
        if not side_a and len(side_b) >= 2 and lists_parties(trigger):
            # "the meeting of the foreign ministers of A and B, X and Y": a list, not a side
            side_a, side_b, together = side_b[:1], side_b[1:], True
        if not side_b and len(side_a) >= 2 and not _is_visit(trigger):
            # "A and B spoke by telephone": conjoined subjects of a reciprocal trigger
            side_a, side_b, together = side_a[:1], side_a[1:], True
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
                (c for c in trigger.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}),
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
        if not side_a and self._group_subject(trigger):
            # "The two leaders met ..." repeats the parties of the latest meeting, or with none
            # yet, the people the story has named so far
            side_a = [p for p in found[-1].parties] if found else named_so_far(resolved, sent)
        visit_state = None
        if _is_visit(trigger):
            visit_state = self._visited_state(doc, trigger, side_a)
            if visit_state is not None and not side_b:
                side_b = [self._host(visit_state, found, resolved)]
        if not side_a or self._negated(trigger):
            # "their respective conversations with X and Y": no party on the trigger's own side,
            # so X and Y did not meet each other; "refused to meet", "did not meet": no meeting
            return None
        parties = unique_parties(side_a + side_b)
        if len(parties) < 2:
            return None
        sides = assign_sides(side_a, side_b)
        if len(set(sides.values())) < 2:
            return None
        phrase = _phrase_span(doc, sent, trigger)
        words = {t.lower_ for t in phrase}
        status: MeetingStatus = "planned" if self._is_planned(trigger, sent) else "held"
        mode = self._mode(trigger, phrase, sent)
        weak_mode = mode == "in_person" and trigger.lemma_.lower() in {
            "speak",
            "talk",
            "conversation",
            "discussion",
            "talks",
            "engagement",
            "hold",
            "have",
        }
        past = bool(words & _PAST_REFERENCE) or (
            # "his meeting with X was a success": an earlier encounter; "the minister's visit to
            # India comes a month after ...": the one the story reports
            is_noun
            and any(c.dep_ == "poss" for c in trigger.children)
            and not heading
            and _is_past(trigger)
        )
        date = self._date(
            doc,
            sent,
            trigger,
            day,
            (self.page_dated and (heading or (not is_noun and status == "held" and not past)))
            or (status == "held" and not past and _reported_as_now(trigger)),
        )
        clause_end = min(
            [
                c.left_edge.idx
                for c in trigger.children
                if c.i > trigger.i
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
            else self._occasion(doc, sent, day if date is None else date)
        )
        if occasion is None and is_noun:
            occasion = named_forum(trigger, by_token)
        place_name = place.place or (occ_city if occasion else None)
        country = place.country or (occ_country if occasion else None)
        evidence = Evidence(sent.start_char, sent.end_char, sent.text)
        return MeetingCandidate(
            parties=parties,
            accompanying=[
                c for c in companions if party_key(c) not in {party_key(p) for p in parties}
            ],
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
        )

    def _spoken_reference(
        self,
        doc: Doc,
        sent: Span,
        trigger: Token,
        turn: Turn,
        found: list[MeetingCandidate],
        day: dt.date | None,
    ) -> MeetingCandidate | None:
        """An earlier (or planned) encounter a speaker mentions in a transcript: "we met in Osaka",
        "our last meeting took place during the World Cup", "you came to India last year".

        "we"/"our" are the speaker and the people the speaker is talking to (the other side of the
        document's meeting the speaker takes part in); "you"/"your" the latter, "I"/"my" the former.
        The meeting being transcribed ("I am glad to meet you", "we had constructive talks") is not
        a new one: a held encounter needs a sign that it is another one (see ``_another_encounter``).
        """
        pronoun = _pronoun_party(trigger)
        if pronoun is None:
            return None
        current = _current_meeting(turn.speaker, found)
        if current is None:
            return None
        speaker_side = current.sides.get(party_key(turn.speaker))
        addressees = [p for p in current.parties if current.sides.get(party_key(p)) != speaker_side]
        speaker = [turn.speaker]
        status: MeetingStatus = "planned" if self._is_planned(trigger, sent) else "held"
        visit_state = None
        if pronoun in {"we", "our"}:
            side_a, side_b = speaker, addressees
        else:
            visitors = addressees if pronoun in {"you", "your"} else speaker
            hosts = speaker if visitors is addressees else addressees
            if not _is_visit(trigger):
                return None
            visit_state = self._visited_state(doc, trigger, visitors)
            if visit_state is None:
                return None
            side_a = visitors
            side_b = [h for h in hosts if h.country == visit_state.country] or [visit_state]
        parties = unique_parties(side_a + side_b)
        sides = assign_sides(side_a, side_b)
        if len(parties) < 2 or len(set(sides.values())) < 2:
            return None
        phrase = _phrase_span(doc, sent, trigger)
        mode = self._mode(trigger, phrase, sent)
        place = resolve_place(
            self.kb, doc_text(doc), doc._.sl_places or [], trigger.idx, sent.end_char
        )
        country = place.country or (visit_state.country if visit_state is not None else None)
        date = self._date(doc, sent, trigger, day, False)
        if status == "held" and not (
            _is_past(trigger)
            and _another_encounter(trigger, current, mode, place.place, country, date)
        ):
            return None
        occasion, occ_city, occ_country = self._occasion(doc, sent, None)
        return MeetingCandidate(
            parties=parties,
            accompanying=[],
            status=status,
            mode=mode,
            date=date,
            place=place.place or (occ_city if occasion else None),
            country=country or (occ_country if occasion else None),
            occasion=occasion,
            evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
            main=False,
            weak_mode=mode == "in_person"
            and not _is_visit(trigger)
            and trigger.lemma_.lower() != "meet"
            and trigger.lower_ not in {"meeting", "meetings"},
            verb_trigger=trigger.pos_ not in {"NOUN", "PROPN"},
            past_reference=status == "held",
            sides=sides,
        )

    def _parties(
        self, doc: Doc, sent: Span, trigger: Token, by_token: dict[int, ResolvedMention]
    ) -> tuple[list[Participant], list[Participant], list[Participant]]:
        """Side A (subject/possessor), side B (with/object) and companions of a trigger."""
        side_a: list[Participant] = []
        side_b: list[Participant] = []
        companions: list[Participant] = []
        seen: set[int] = set()
        for item in {
            id(v): v for v in by_token.values() if sent.start <= v.mention.token_start < sent.end
        }.values():
            mention = item.mention
            if item.party is None or mention.kind in {"group", "pronoun"} or id(item) in seen:
                continue
            seen.add(id(item))
            head = doc[mention.head_token] if mention.head_token >= 0 else doc[mention.token_start]
            role = self._role(head, trigger, doc, mention)
            if role == "a":
                side_a.append(item.party)
            elif role == "b":
                side_b.append(item.party)
            elif role == "companion":
                companions.append(item.party)
        return unique_parties(side_a), unique_parties(side_b), unique_parties(companions)

    def _role(self, head: Token, trigger: Token, doc: Doc, mention: ActorMention) -> str | None:
        """How a mention relates to the trigger: side a, side b, companion or unrelated."""
        before = doc[max(head.sent.start, mention.token_start - 4) : mention.token_start].text
        if _COMPANION.search(before):
            return "companion"
        if mention.kind == "organisation" and re.search(r"\bof(?: the)?\s*$", before):
            return None  # "Secretary General Jens Stoltenberg of the North Atlantic Treaty Organization"
        # walk up from the mention to the trigger
        path: list[Token] = []
        node = head
        while node.i != trigger.i and node.head.i != node.i:
            path.append(node)
            node = node.head
        if node.i != trigger.i:
            # not under the trigger: a subject of the governing verb for noun triggers
            # ("Putin had a telephone conversation with ..."), or the trigger's possessor's clause
            is_noun = trigger.pos_ in {"NOUN", "PROPN"}
            # a verb under another verb shares its subject: "is expected to hold talks",
            # "agreed to meet", "plans to visit"
            controlled = not is_noun and (
                trigger.dep_ == "xcomp"
                # "wrote after meeting with PM Hasina", "Before meeting Muizzu, X held ..."
                or (trigger.tag_ == "VBG" and trigger.dep_ in {"pcomp", "advcl"})
            )
            if is_noun or controlled:
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
        if path and path[-1].lemma_.lower() == "include" and trigger.pos_ in {"NOUN", "PROPN"}:
            return "b"  # "a meeting (which) included / including A, B and C": its parties
        if any(t.dep_ in _SIDE_CLAUSES for t in path):
            return "companion" if any(t.lemma_ in {"accompany", "join"} for t in path) else None
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
            if top.dep_ == "prep" and top.lower_ not in _PARTY_PREPOSITIONS.get(
                lemma, _PARTY_PREPOSITIONS["*"]
            ):
                return None
            if top.dep_ == "prep" and top.lower_ in {"between", "of"}:
                # "talks between A and B": the first named is one side, its conjuncts the other
                return "a" if len(path) == 2 and path[0].dep_ == "pobj" else "b"
            if top.dep_ == "conj":
                return "a"
            return "b"
        if top.dep_ == "compound" and trigger.pos_ in {"NOUN", "PROPN"}:
            return "a"
        between = doc[trigger.i + 1 : mention.token_start]
        if (
            top.dep_ in {"punct", "dep"}
            and head.i > trigger.i
            and len(between) < 12
            and any(t.lower_ in {"with", "between"} for t in between)
            and not any(
                t.pos_ in {"VERB", "ADP"} and t.lower_ not in {"with", "between", "of"}
                for t in between
            )
        ):
            return "b"  # a misparsed heading: "Telephone conversation with ... Angela Merkel"
        return None

    def _negated(self, trigger: Token) -> bool:
        """ "did not meet", "refused to meet", "cancelled the meeting with", "postponed talks"."""
        if any(c.dep_ == "neg" for c in trigger.children):
            return True
        head = trigger.head
        governed = trigger.dep_ in {"xcomp", "dobj", "nsubjpass", "pobj"} and head.i != trigger.i
        return governed and (
            head.lemma_.lower() in self.negating
            or (trigger.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children))
        )

    def _group_subject(self, trigger: Token) -> bool:
        return any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and c.lower_ in {"leaders", "sides", "presidents", "they", "ministers"}
            for c in trigger.children
        )

    def _visited_state(
        self, doc: Doc, trigger: Token, visitors: list[Participant]
    ) -> Participant | None:
        """The state visited in "X's visit to Riyadh" / "visited Japan"."""
        target = None
        for child in trigger.children:
            if child.dep_ == "dobj":
                target = child
            elif child.dep_ == "prep" and child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                target = objs[0] if objs else None
        if target is None:
            return None
        span = doc[target.left_edge.i : target.i + 1]
        text = re.sub(r"^the\s+", "", span.text, flags=re.IGNORECASE)
        country = self.kb.country_code(text)
        if country is None:
            known = self.kb.place(text)
            country = known.country if known else None
        if country is None or any(v.country == country for v in visitors):
            return None
        return Participant(name=self.kb.country_name(country), country=country, kind="state")

    @staticmethod
    def _host(
        state: Participant, found: list[MeetingCandidate], resolved: list[ResolvedMention]
    ) -> Participant:
        """Who hosted a visit to ``state``: its party in the document's meetings, else its leader
        named in the document, else the state itself."""
        for cand in found:
            for party in cand.parties:
                if party.country == state.country and party.kind == "person":
                    return party
        for item in resolved:
            named = item.party
            if named and named.kind == "person" and named.country == state.country and named.role:
                return named
        return state

    def _is_planned(self, trigger: Token, sent: Span) -> bool:
        if {t.lower_ for t in trigger.lefts} & _PAST_REFERENCE:
            return False  # "during our last meeting we agreed to ..."
        if any(
            c.dep_ == "aux" and c.lower_ in {"will", "shall", "would", "'ll"}
            for c in trigger.children
        ):
            return True
        if (
            trigger.tag_ in {"VB"}
            and trigger.dep_ in {"xcomp", "ccomp"}
            and trigger.head.lemma_.lower()
            in {
                "agree",
                "plan",
                "hope",
                "intend",
                "expect",
                "invite",
                "look",
                "want",
                "decide",
                "propose",
                "prepare",
            }
        ):
            return True
        if trigger.tag_ == "VBG" and trigger.head.lemma_.lower() in {"look", "forward"}:
            return True
        head = trigger.head
        if trigger.dep_ in {"pobj", "dobj"} and head.lemma_.lower() in {
            "invitation",
            "invite",
            "prepare",
            "preparation",
            "forward",
        }:
            return True
        if trigger.dep_ == "pobj" and head.head.lemma_.lower() in {
            "invitation",
            "preparation",
            "forward",
            "look",
        }:
            return True
        mods = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}}
        if mods & {"upcoming", "forthcoming", "future", "next", "planned", "possible", "new"}:
            return True
        ancestors = {a.lemma_.lower() for a in trigger.ancestors}
        return bool(
            ancestors & {"invite", "invitation", "accept", "agree", "plan", "prepare", "look"}
        ) and trigger.tag_ in {"VB", "NN", "NNS"}

    def _mode(self, trigger: Token, phrase: Span, sent: Span) -> MeetingMode:
        words = {t.lower_ for t in phrase} | {trigger.lower_}
        if trigger.lemma_.lower() == "pay" or "courtesy" in words:
            return "in_person"  # "paid a courtesy call on": a visit, not a telephone call
        near = {t.lower_ for t in trigger.subtree if t.i - trigger.i < 6}
        compounds = {c.lower_ for c in trigger.children}
        if (words | compounds | near) & self.video_words:
            return "video"
        if (
            trigger.lower_ in {"call", "calls", "called", "phoned", "telephoned"}
            or (compounds | near) & self.phone_words
        ):
            return "phone"
        lemma = trigger.lemma_.lower()
        if (
            trigger.pos_ == "VERB"
            and lemma in {"speak", "talk"}
            and any(t.lower_ in self.phone_words for t in sent)
        ):
            return "phone"
        return "in_person"

    def _date(
        self, doc: Doc, sent: Span, trigger: Token, day: dt.date | None, default_to_doc: bool
    ) -> dt.date | None:
        dates = [d for d in (doc._.sl_dates or []) if sent.start_char <= d.start < sent.end_char]
        # prefer dates in the trigger's own clause
        clause = {t.i for t in trigger.subtree} | {trigger.head.i}
        own = [d for d in dates if any(i in clause for i in range(d.token_start, d.token_end))]
        for candidate in own or dates:
            value = resolve_date(candidate.text, day)
            if value is not None:
                return value
        if own or any(re.search(r"\b(?:last|next|ago|in \d{4})\b", d.text) for d in dates):
            return None
        return day if default_to_doc else None

    def _occasion(
        self, doc: Doc, sent: Span, day: dt.date | None
    ) -> tuple[str | None, str | None, str | None]:
        text = sent.text
        for match in _OCCASION_PHRASE.finditer(text):
            phrase = match.group("occ")
            if len(phrase.split()) > 10 or _NOT_OCCASION.search(phrase):
                continue  # "a joint news conference following talks with ...": no forum
            if not OCCASION_CUE.search(match.group(0)) and not re.search(
                r"summit|forum|assembly|conference|cop\d", phrase, re.IGNORECASE
            ):
                continue
            name, city, country = resolve_occasion(
                self.kb, phrase, text + " " + doc_text(doc)[:2000], day
            )
            if name:
                return name, city, country
        return None, None, None


def _reported_as_now(trigger: Token) -> bool:
    """A report in the present ("holds talks", "has started", "are holding talks"): the encounter
    is on the document's own day."""
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
        and verb.lemma_.lower()
        not in {
            "start",
            "begin",
            "open",
            "continue",
            "take",
            "get",
            "underway",
            "be",
            "hold",
        }
    ):
        return False  # "the minister's visit comes a month after ...": narrative, not the day's
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "would", "shall", "to", "could", "may", "might", "should"}:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    if verb.tag_ == "VBN" and auxes & {"has", "have", "is", "are", "being"}:
        return True  # "has started", "is being held", "talks are held"
    return verb.tag_ == "VBG" and bool(auxes & {"is", "are", "am"})


def _is_visit(trigger: Token) -> bool:
    return trigger.lemma_.lower() in {"visit", "come"} or trigger.lower_ in {"visit", "visits"}


def _pronoun_party(trigger: Token) -> str | None:
    """The first- or second-person pronoun that is a trigger's subject or possessor, if any."""
    deps = {"nsubj", "nsubjpass", "poss"}
    for child in trigger.children:
        if child.dep_ in deps and child.lower_ in {"we", "our", "you", "your", "i", "my"}:
            return child.lower_
    return None


def _is_past(trigger: Token) -> bool:
    """A trigger that reports an earlier encounter: a past-tense verb ("we met", "we have talked"),
    or a noun marked as earlier ("our last meeting") or governed by a past-tense verb ("our last
    meeting took place", "your visit ... was a success") or by "following"/"since"/"after"."""
    if trigger.pos_ in {"VERB", "AUX"}:
        return trigger.tag_ in {"VBD", "VBN"}
    mods = {t.lower_ for t in trigger.subtree if t.i < trigger.i}
    if mods & _PAST_REFERENCE:
        return True
    node = trigger.head
    hops = 0
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and hops < 3:
        if (node.dep_ == "prep" or node.pos_ == "ADP") and node.lower_ in {
            "following",
            "since",
            "after",
        }:
            return True
        node = node.head
        hops += 1
    if node.lower_ in {"following", "since", "after"}:
        return True
    return (
        node.pos_ in {"VERB", "AUX"}
        and node.tag_ in {"VBD", "VBN"}
        and not any(
            c.dep_ == "aux" and c.lower_ in {"will", "shall", "would"} for c in node.children
        )
    )


def _current_meeting(
    speaker: Participant, found: list[MeetingCandidate]
) -> MeetingCandidate | None:
    """The meeting a transcript's speaker is taking part in: the first one reported so far that
    has the speaker as a party."""
    key = party_key(speaker)
    for cand in found:
        if cand.status == "held" and not cand.past_reference and key in cand.party_keys():
            return cand
    return None


#: words that make an encounter one of several ("we have talked several times")
_REPEATED = re.compile(
    r"\b(?:several|many|more than once|regularly|often|repeatedly|numerous)\b", re.I
)


def _another_encounter(
    trigger: Token,
    current: MeetingCandidate,
    mode: MeetingMode,
    place: str | None,
    country: str | None,
    date: dt.date | None,
) -> bool:
    """Whether a speaker's "we met"/"our meeting" is another encounter than the one transcribed:
    it is marked as earlier ("last", "previous", "ago"), repeated ("several times"), held another
    way (a phone call mentioned at a meeting), elsewhere, or on another date."""
    clause = (
        " ".join(t.lower_ for t in trigger.subtree)
        + " "
        + " ".join(
            t.lower_ for t in trigger.head.children if t.dep_ in {"advmod", "npadvmod", "prep"}
        )
    )
    words = set(clause.split()) | {t.lower_ for t in trigger.sent if t.dep_ == "npadvmod"}
    if words & (_PAST_REFERENCE - {"recent"}) or _REPEATED.search(clause):
        return True
    if mode != current.mode:
        return True
    if country is not None and current.country is not None and country != current.country:
        return True
    if (
        place
        and current.place
        and place.lower() not in current.place.lower()
        and (current.place.lower() not in place.lower())
    ):
        return True
    return date is not None and current.date is not None and date != current.date


def _phrase_span(doc: Doc, sent: Span, trigger: Token) -> Span:
    left = min(trigger.left_edge.i, trigger.i)
    right = max(trigger.right_edge.i + 1, trigger.i + 1)
    return doc[max(left, sent.start) : min(right, sent.end)]


def _is_heading(sent: Span) -> bool:
    text = sent.text.strip()
    return (
        len(text) < 160 and not text.endswith((".", ":", "?", "!", "”", '"')) and "\n" not in text
    )
