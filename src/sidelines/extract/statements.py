"""Find statements: who said, stressed, welcomed, urged ... what, with the evidence span.

Three shapes are read:

* a cue verb with a party as subject ("Wang Yi stressed that ...", "The two sides reiterated ...",
  "He affirmed his support ..."); coordinated cues ("reaffirmed X, emphasized Y and noted Z") give
  one statement each, so each evidence span holds one claim;
* the sentences that continue a reported speech in the same paragraph with the speaker's country
  or side as subject ("China is ready to work with Russia ...");
* speaker turns of transcripts ("President of Russia Vladimir Putin: Mr President, ...").

A statement reported twice in one document (a preface quoting the original) is one statement with
two evidence spans.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sidelines.extract.statement_candidates import StatementCandidate, merge_statements
from sidelines.extract.statement_content import (
    attributed_clause,
    attributes_head,
    bare_cue,
    before_conjunct,
    content_bounds,
    cue_text,
    fronted_content,
    list_items_after,
    only_a_person,
    paragraph_of,
    paragraph_start,
    paragraph_starts,
    quote_before,
    quote_ending,
    quote_start,
    reported_within,
    sentences_within,
    subject_is_own,
    that_clauses,
)
from sidelines.extract.statement_cues import StatementCues
from sidelines.extract.statement_forms import (
    according_to,
    agentless,
    continuation,
    noun_statements,
    turn_statements,
)
from sidelines.extract.statement_speakers import (
    cue_subject,
    document_speakers,
    first_person,
    inverted_subject,
    lifted_cue,
    party_subject,
)
from sidelines.extract.turns import find_turns
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import load_lexicon
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ActorResolver, ResolvedMention
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, Participant

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
_GROUP_WORDS = _WORDS.group_words
#: group subjects that, with a country's name or adjective, stand for its side
_COUNTRY_SUBJECTS = _WORDS.group_words | _WORDS.country_groups
_INTRODUCES_LIST = _WORDS.introduces_list_pattern
#: a speaker turn shorter than this (in words) says nothing a user would look up
_MIN_TURN_WORDS = 5


class StatementExtractor:
    """Extract statements from a Doc whose actor mentions are resolved."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.cues = StatementCues(kb)
        self.meeting_verbs = frozenset(kb.lexicon.meetings.triggers.verbs)
        #: who speaks in the first person on a page that is one person's (or several
        #: signatories') statement or remarks
        self.document_speakers: list[Participant] = []
        #: where the page's own words start (after the heading that says whose they are)
        self.own_from = 0

    def extract(
        self,
        doc: Doc,
        resolved: list[ResolvedMention],
        resolver: ActorResolver,
        fact_spans: list[tuple[int, int]],
        title_end: int,
        meeting_parties: list[tuple[int, list[Participant]]],
    ) -> list[StatementCandidate]:
        """Every statement in the fact-bearing parts of ``doc``.

        ``meeting_parties`` lists (offset, parties) of the meetings found, so "the two sides" can be
        expanded to the parties of the meeting reported last before it.
        """
        by_token: dict[int, ResolvedMention] = {}
        for item in resolved:
            for i in range(item.mention.token_start, item.mention.token_end):
                by_token[i] = item
        paragraphs = paragraph_starts(doc_text(doc))
        self.document_speakers, self.own_from = document_speakers(doc, resolved)
        turns, turn_ranges = turn_statements(
            find_turns(doc, by_token, fact_spans, self.kb.lexicon.meetings),
            doc_text(doc),
            paragraphs,
        )
        found: list[StatementCandidate] = list(turns)
        last_by_paragraph: dict[int, StatementCandidate] = {}
        for sent in doc.sents:
            if sent.start_char < title_end:
                continue
            if not in_spans(fact_spans, sent.start_char):
                continue
            if any(a <= sent.start_char < b for a, b in turn_ranges):
                continue
            paragraph = paragraph_of(paragraphs, sent.start_char)
            made = self._cue_statements(doc, sent, by_token, meeting_parties, paragraph)
            if made:
                found.extend(made)
                last_by_paragraph[paragraph] = made[-1]
                continue
            previous = last_by_paragraph.get(paragraph)
            if previous is not None:
                cont = continuation(doc, sent, previous, by_token, paragraph, self.kb)
                if cont is not None:
                    found.append(cont)
                    last_by_paragraph[paragraph] = cont
                    continue
            own = self._own_words(sent, paragraph)
            if own is not None:
                found.append(own)
        return merge_statements(found)

    def _own_words(self, sent: Span, paragraph: int) -> StatementCandidate | None:
        """On a page that is one person's statement, each sentence of its body is theirs
        ("The ROK is Japan's most important neighbour." in the minister's statement)."""
        speakers = self.document_speakers
        text = sent.text.strip()
        if not speakers or sent.start_char < self.own_from or not re.search(r"[.!?\"”]$", text):
            return None
        if len(re.findall(r"[^\W\d_]{2,}", text)) < _MIN_TURN_WORDS + 1:
            return None  # "Colleagues,", "Thank you.": no claim
        return StatementCandidate(
            speakers=list(speakers),
            cue="stated",
            cue_lemma="state",
            text=re.sub(r"^\(?\d+[.)]\s*", "", text),
            evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
            position=sent.start_char,
            paragraph=paragraph,
        )

    # --- cue verbs ----------------------------------------------------------------------------
    def _cue_statements(
        self,
        doc: Doc,
        sent: Span,
        by_token: dict[int, ResolvedMention],
        meeting_parties: list[tuple[int, list[Participant]]],
        paragraph: int,
    ) -> list[StatementCandidate]:
        cues = [t for t in sent if self.cues.is_cue(t)]
        out: list[StatementCandidate] = []
        cue_ids = {t.i for t in cues}
        attributions = {c.i for c in cues if attributes_head(c)}
        # a cue reports another only when a party says it: in "X expressed concern ..., the
        # ministry said", the ministry's "said" is no party's, so X's cue stands on its own
        voiced = {c.i for c in cues if party_subject(c, by_token)}
        lifted = {
            c.i: outer for c in cues if (outer := lifted_cue(c, cue_ids, by_token)) is not None
        }
        for cue in cues:
            outer = lifted.get(cue.i)
            if (
                outer is None
                and cue.i not in attributions
                and reported_within(cue, cue_ids & voiced)
            ):
                continue  # "Wang Yi expressed that President Xi has put forward ...": Wang Yi's
            subject = cue_subject(outer if outer is not None else cue)
            if subject is not None and subject.dep_ == "nsubjpass":
                # "X was recognised for ...": X is who the statement is about; the speaker is
                # the agent ("by Y") or, with none, the meeting's parties
                agent = next((c for c in cue.children if c.dep_ == "agent"), None)
                objects = [c for c in agent.children if c.dep_ == "pobj"] if agent else []
                if not objects and any(t.i in by_token for t in subject.subtree):
                    continue  # a party is the object of the cue, not its speaker
                subject = objects[0] if objects else None
            if subject is None:
                passive = agentless(doc, sent, cue, meeting_parties, paragraph)
                if passive is not None:
                    out.append(passive)
                continue
            speakers = self._speakers(doc, subject, by_token, meeting_parties, sent.start_char)
            if not speakers:
                continue
            phrase_end = self.cues.phrase_end(cue)
            quoted = fronted_content(cue, sent) or (
                attributed_clause(cue, subject, sent) if cue.i in attributions else None
            )
            if quoted is None and bare_cue(cue, sent):
                quoted = quote_before(doc, sent)
            if quoted is None and inverted_subject(cue) is not None:
                quoted = quote_ending(doc, cue.i - 1)  # '"...," posted Jaishankar on X'
                if quoted is None:
                    continue
            if quoted is not None:
                # "'Our fishermen need clear rules,' Sarr said": what is said stands before the cue
                start, end = quoted
                content_start = quote_start(
                    doc_text(doc), doc[start].idx, paragraph_start(doc_text(doc), sent.start_char)
                )
                ev_start = content_start
                ev_end = max(
                    doc[end - 1].idx + len(doc[end - 1].text),
                    max(t.idx + len(t) for t in [cue, *subject.subtree]),
                )
                content = doc_text(doc)[content_start : doc[end - 1].idx + len(doc[end - 1].text)]
            else:
                start, end = content_bounds(cue, cue_ids, sent, phrase_end)
                for inner, host in lifted.items():
                    if host.i == cue.i and start < inner <= end:
                        end = before_conjunct(sent.doc[inner], start)
                if end <= start or only_a_person(doc[start:end], by_token):
                    continue  # "welcomed his Turkish colleague in Moscow": a greeting, no claim
                content = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
                ev_start = subject.left_edge.idx if subject_is_own(cue) else cue.idx
                ev_start = min(ev_start, cue.idx)
                ev_end = doc[end - 1].idx + len(doc[end - 1].text)
            listed = (
                list_items_after(doc_text(doc), sent.end_char)
                if quoted is None and _INTRODUCES_LIST.fullmatch(content)
                else []
            )
            if not listed and (
                not re.search(r"\w", content) or _INTRODUCES_LIST.fullmatch(content)
            ):
                continue
            said_as = doc[cue.i : phrase_end + 1].text if phrase_end else cue_text(cue)
            cue_lemma = (
                " ".join([cue.lemma_.lower()] + [t.lower_ for t in doc[cue.i + 1 : phrase_end + 1]])
                if phrase_end
                else cue.lemma_.lower()
            )
            # a quotation of several sentences is several claims: one statement each; so are
            # coordinated clauses of what is said ("emphasised that A, and that B")
            parts = (
                sentences_within(doc, ev_start, ev_start + len(content))
                if quoted is not None
                else listed or that_clauses(doc_text(doc), ev_end - len(content), ev_end)
            )
            for k, (part_start, part_end) in enumerate(
                parts if len(parts) > 1 or listed else [(-1, -1)]
            ):
                if part_start >= 0:
                    text = doc_text(doc)[part_start:part_end]
                    # the first clause's evidence keeps its speaker and cue
                    span = (ev_start if k == 0 and not listed else part_start, part_end)
                else:
                    text, span = content, (ev_start, ev_end)
                out.append(
                    StatementCandidate(
                        speakers=speakers,
                        cue=said_as,
                        cue_lemma=cue_lemma,
                        text=text.strip(" ,;\"“”‘’'"),
                        evidence=[Evidence(span[0], span[1], doc_text(doc)[span[0] : span[1]])],
                        position=span[0] if part_start >= 0 else cue.idx,
                        paragraph=paragraph,
                    )
                )
        out.extend(
            noun_statements(
                doc, sent, by_token, paragraph, self.cues.nouns, frozenset(self.cues.verbs)
            )
        )
        out.extend(according_to(doc, sent, by_token, paragraph, self.cues.is_cue))
        return out

    def _speakers(
        self,
        doc: Doc,
        subject: Token,
        by_token: dict[int, ResolvedMention],
        meeting_parties: list[tuple[int, list[Participant]]],
        at: int,
    ) -> list[Participant]:
        if self.document_speakers and first_person(subject, len(self.document_speakers)):
            # "We agreed to ...", "I offer my congratulations" in a minister's own statement;
            # "The undersigned ministers reiterate ..." in a statement several of them signed
            return list(self.document_speakers)
        parties: list[Participant] = []
        is_group = subject.lower_ in _GROUP_WORDS or any(
            by_token.get(t.i) is not None and by_token[t.i].mention.kind == "group"
            for t in subject.subtree
        )
        for token in subject.subtree:
            item = by_token.get(token.i)
            if item is None or item.party is None:
                continue
            nested = token.dep_ in {"relcl", "acl"} or any(
                a.dep_ in {"relcl", "acl", "prep"}
                and a.i in {x.i for x in subject.subtree}
                and a.i != subject.i
                for a in token.ancestors
            )
            # "the leader of the country that ...": keep only the subject's own head words
            if nested and token.i != subject.i and item.mention.head_token != subject.i:
                continue
            parties.append(item.party)
        country = self._subject_country(subject) if not parties else None
        if not parties and (is_group or country):
            prior = [p for off, p in meeting_parties if off <= at]
            if prior:
                parties = list(prior[-1])
            elif meeting_parties:
                parties = list(meeting_parties[0][1])
            if country:
                # "The US officials expressed ...": that country's side of the meeting
                parties = [p for p in parties if p.country == country]
        unique: dict[str, Participant] = {}
        for party in parties:
            unique.setdefault(party.key, party)
        return list(unique.values())

    def _subject_country(self, subject: Token) -> str | None:
        """The country of a group subject ("the US officials", "the Ghanaian delegation"): that
        country's side of the meeting speaks. (A country's bare name as subject is often what
        a speaker says of it, "China noted that Russia reiterated ...", so it is none.)"""
        if subject.lower_ not in _COUNTRY_SUBJECTS:
            return None
        for mod in subject.children:
            if mod.dep_ in {"amod", "compound", "nmod"} and mod.i < subject.i:
                code = self.kb.country_code(mod.text) or self.kb.demonym_country(mod.text)
                if code:
                    return code
        return None
