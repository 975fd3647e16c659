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

import dataclasses
import re
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from sidelines.extract.triggers import is_setting
from sidelines.extract.turns import Turn, find_turns
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import load_lexicon
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ActorResolver, ResolvedMention
from sidelines.structure.sections import in_spans
from sidelines.types import Evidence, Participant

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
_EXTEND_OBJECTS = _WORDS.extend_objects
_GIVE_OBJECTS = _WORDS.give_objects
_GROUP_WORDS = _WORDS.group_words
_COUNTRY_GROUPS = _WORDS.country_groups
_ADDRESSEES = _WORDS.addressees
_PERSONAL_PRONOUNS = _WORDS.personal_pronouns
_BY_DOING = _WORDS.by_doing
_CONTENT_SKIP = _WORDS.content_skip
_SPEECH_VERBS = _WORDS.speech_verbs
_ADJUNCT_CUES = _SPEECH_VERBS | _WORDS.adjunct_cues
_INTRODUCES_LIST = _WORDS.introduces_list_pattern
_LIST_ITEM = _WORDS.list_item_pattern
_OWN_WORDS = _WORDS.own_words_pattern
#: words between two lines of a signature block that may hold a signatory whose title we missed
_SIGNATURE_GAP = 10
#: how many sentences from the top a page's heading may stand (after a site's own header lines)
_HEADING_SENTENCES = 3
#: a speaker turn shorter than this (in words) says nothing a user would look up
_MIN_TURN_WORDS = 5


@dataclass
class StatementCandidate:
    """A statement before merging repeats: speakers, cue, content and evidence."""

    speakers: list[Participant]
    cue: str
    cue_lemma: str
    text: str
    evidence: list[Evidence]
    position: int
    paragraph: int
    topics: list[str] = field(default_factory=list)


class StatementExtractor:
    """Extract statements from a Doc whose actor mentions are resolved."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.verbs: dict[str, dict[str, object]] = dict(kb.cues.get("statement_verbs", {}))
        self.need_particle: dict[str, list[str]] = dict(
            kb.cues.get("statement_verbs_need_particle", {})
        )
        self.nouns = frozenset(kb.cues.get("statement_nouns", []))
        self.phrases: list[tuple[str, ...]] = sorted(
            (tuple(p.split()) for p in kb.cues.get("statement_phrases", {})), key=len, reverse=True
        )
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
        paragraphs = _paragraph_starts(doc_text(doc))
        self.document_speakers, self.own_from = _document_speakers(doc, resolved)
        turns, turn_ranges = self._turns(
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
            paragraph = _paragraph_of(paragraphs, sent.start_char)
            made = self._cue_statements(doc, sent, by_token, meeting_parties, paragraph)
            if made:
                found.extend(made)
                last_by_paragraph[paragraph] = made[-1]
                continue
            previous = last_by_paragraph.get(paragraph)
            if previous is not None:
                cont = self._continuation(doc, sent, previous, by_token, paragraph)
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
        cues = [t for t in sent if self._is_cue(t)]
        out: list[StatementCandidate] = []
        cue_ids = {t.i for t in cues}
        attributions = {c.i for c in cues if _attributes_head(c)}
        # a cue reports another only when a party says it: in "X expressed concern ..., the
        # ministry said", the ministry's "said" is no party's, so X's cue stands on its own
        voiced = {c.i for c in cues if _party_subject(c, by_token)}
        lifted = {
            c.i: outer for c in cues if (outer := _lifted_cue(c, cue_ids, by_token)) is not None
        }
        for cue in cues:
            outer = lifted.get(cue.i)
            if (
                outer is None
                and cue.i not in attributions
                and _reported_within(cue, cue_ids & voiced)
            ):
                continue  # "Wang Yi expressed that President Xi has put forward ...": Wang Yi's
            subject = _subject(outer if outer is not None else cue)
            if subject is not None and subject.dep_ == "nsubjpass":
                # "X was recognised for ...": X is who the statement is about; the speaker is
                # the agent ("by Y") or, with none, the meeting's parties
                agent = next((c for c in cue.children if c.dep_ == "agent"), None)
                objects = [c for c in agent.children if c.dep_ == "pobj"] if agent else []
                if not objects and any(t.i in by_token for t in subject.subtree):
                    continue  # a party is the object of the cue, not its speaker
                subject = objects[0] if objects else None
            if subject is None:
                passive = self._agentless(doc, sent, cue, meeting_parties, paragraph)
                if passive is not None:
                    out.append(passive)
                continue
            speakers = self._speakers(doc, subject, by_token, meeting_parties, sent.start_char)
            if not speakers:
                continue
            phrase_end = self._phrase_end(cue)
            quoted = _fronted_content(cue, sent) or (
                _attributed_clause(cue, subject, sent) if cue.i in attributions else None
            )
            if quoted is None and _bare_cue(cue, sent):
                quoted = _quote_before(doc, sent)
            if quoted is None and _inverted_subject(cue) is not None:
                quoted = _quote_ending(doc, cue.i - 1)  # '"...," posted Jaishankar on X'
                if quoted is None:
                    continue
            if quoted is not None:
                # "'Our fishermen need clear rules,' Sarr said": what is said stands before the cue
                start, end = quoted
                content_start = _quote_start(
                    doc_text(doc), doc[start].idx, paragraph_start(doc_text(doc), sent.start_char)
                )
                ev_start = content_start
                ev_end = max(
                    doc[end - 1].idx + len(doc[end - 1].text),
                    max(t.idx + len(t) for t in [cue, *subject.subtree]),
                )
                content = doc_text(doc)[content_start : doc[end - 1].idx + len(doc[end - 1].text)]
            else:
                start, end = _content_bounds(cue, cue_ids, sent, phrase_end)
                for inner, host in lifted.items():
                    if host.i == cue.i and start < inner <= end:
                        end = _before_conjunct(sent.doc[inner], start)
                if end <= start or _only_a_person(doc[start:end], by_token):
                    continue  # "welcomed his Turkish colleague in Moscow": a greeting, no claim
                content = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
                ev_start = subject.left_edge.idx if _subject_is_own(cue) else cue.idx
                ev_start = min(ev_start, cue.idx)
                ev_end = doc[end - 1].idx + len(doc[end - 1].text)
            listed = (
                _list_items_after(doc_text(doc), sent.end_char)
                if quoted is None and _INTRODUCES_LIST.fullmatch(content)
                else []
            )
            if not listed and (
                not re.search(r"\w", content) or _INTRODUCES_LIST.fullmatch(content)
            ):
                continue
            cue_text = doc[cue.i : phrase_end + 1].text if phrase_end else _cue_text(cue)
            cue_lemma = (
                " ".join([cue.lemma_.lower()] + [t.lower_ for t in doc[cue.i + 1 : phrase_end + 1]])
                if phrase_end
                else cue.lemma_.lower()
            )
            # a quotation of several sentences is several claims: one statement each
            parts = (
                _sentences_within(doc, ev_start, ev_start + len(content))
                if quoted is not None
                else listed
            )
            for part_start, part_end in parts if len(parts) > 1 or listed else [(-1, -1)]:
                if part_start >= 0:
                    text = doc_text(doc)[part_start:part_end]
                    span = (part_start, part_end)
                else:
                    text, span = content, (ev_start, ev_end)
                out.append(
                    StatementCandidate(
                        speakers=speakers,
                        cue=cue_text,
                        cue_lemma=cue_lemma,
                        text=text.strip(" ,;\"“”‘’'"),
                        evidence=[Evidence(span[0], span[1], doc_text(doc)[span[0] : span[1]])],
                        position=span[0] if part_start >= 0 else cue.idx,
                        paragraph=paragraph,
                    )
                )
        out.extend(self._noun_statements(doc, sent, by_token, paragraph))
        out.extend(self._according_to(doc, sent, by_token, paragraph))
        return out

    def _according_to(
        self, doc: Doc, sent: Span, by_token: dict[int, ResolvedMention], paragraph: int
    ) -> list[StatementCandidate]:
        """ "According to Brandt, the two countries will ...": the rest of the sentence is what
        the party named after "according to" said."""
        out: list[StatementCandidate] = []
        for token in sent:
            if token.lower_ != "according":
                continue
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is None:
                continue
            phrase = list(to.subtree)
            speakers = _unique_parties(
                [
                    by_token[t.i].party
                    for t in phrase
                    if t.i in by_token
                    and by_token[t.i].party is not None
                    and by_token[t.i].mention.kind in {"name", "title", "organisation", "side"}
                ]
            )
            if not speakers:
                continue
            after = max(t.i for t in phrase) + 1
            if after < sent.end and doc[after].text == ",":
                after += 1
            follows = any(
                t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "VBN"}
                for t in doc[after : sent.end]
            )
            if token.i == sent.start or (doc[token.i - 1].text in {",", ";"} and follows):
                # the clause follows: "According to X, ..."; not "..., according to X, after
                # the meeting", whose clause came before
                start, end = after, sent.end
            else:
                start, end = sent.start, token.i  # "..., according to X."
                if any(self._is_cue(t) and _party_subject(t, by_token) for t in doc[start:end]):
                    continue  # "Y said ..., according to X": X is the source of Y's words
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end - start < 3:
                continue
            content = doc[start:end].text
            out.append(
                StatementCandidate(
                    speakers=speakers,
                    cue="according to",
                    cue_lemma="say",
                    text=content.strip(" ,;"),
                    evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
                    position=token.idx,
                    paragraph=paragraph,
                )
            )
        return out

    def _agentless(
        self,
        doc: Doc,
        sent: Span,
        cue: Token,
        meeting_parties: list[tuple[int, list[Participant]]],
        paragraph: int,
    ) -> StatementCandidate | None:
        """ "It was agreed to ...", "The importance of ... was noted": in a readout, said by the
        parties of the meeting it reports."""
        passive = any(c.dep_ == "auxpass" for c in cue.children) or (
            cue.dep_ == "acomp" and cue.head.lemma_ == "be"  # "was underscored" read as ADJ
        )
        if not passive or any(c.dep_ == "agent" for c in cue.children):
            return None
        prior = [p for off, p in meeting_parties if off <= sent.start_char]
        parties = prior[-1] if prior else (meeting_parties[0][1] if meeting_parties else [])
        if not parties:
            return None
        return StatementCandidate(
            speakers=list(parties),
            cue=_cue_text(cue),
            cue_lemma=cue.lemma_.lower(),
            text=sent.text.strip(),
            evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
            position=sent.start_char,
            paragraph=paragraph,
        )

    def _phrase_end(self, token: Token) -> int | None:
        """Index of the last token of a multi-word cue starting at ``token`` ("made it clear")."""
        if token.pos_ != "VERB":
            return None
        doc = token.doc
        for phrase in self.phrases:
            if token.lemma_.lower() != phrase[0] or token.i + len(phrase) > len(doc):
                continue
            if all(doc[token.i + k].lower_ == word for k, word in enumerate(phrase[1:], 1)):
                return token.i + len(phrase) - 1
        return None

    def _is_cue(self, token: Token) -> bool:
        if self._phrase_end(token) is not None and token.dep_ not in {"amod", "acl", "relcl"}:
            return True
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in self.verbs:
            return False
        if (
            token.dep_ in {"amod", "acl", "relcl", "pcomp"}
            and not _subject_is_own(token)
            and not (token.dep_ == "pcomp" and token.head.lower_ in _BY_DOING)
        ):
            return False
        if token.dep_ == "xcomp":
            return False
        if lemma == "give":
            dobj = next((c for c in token.children if c.dep_ == "dobj"), None)
            return dobj is not None and dobj.lemma_.lower() in _GIVE_OBJECTS
        info = self.verbs[lemma]
        kids = list(token.children)
        if lemma in self.need_particle:
            allowed = set(self.need_particle[lemma])
            particles = [
                c for c in kids if c.lower_ in allowed and c.dep_ in {"prt", "prep", "advmod"}
            ]
            particle = next((c for c in particles if c.i == token.i + 1), None) or next(
                iter(particles), None
            )
            if particle is None:
                return False
            if particle.lower_ in _WORDS.appeal_particles and (
                particle.i != token.i + 1
                or not any(
                    t.tag_ == "TO" or (t.dep_ == "aux" and t.lower_ == "to") for t in token.subtree
                )
            ):
                # "called on X to ..." is an appeal; "called on the president at the palace" a
                # visit, "called X on Monday to discuss ..." a telephone call
                return False
        dobj = next((c for c in kids if c.dep_ == "dobj"), None)
        if lemma == "extend":
            return dobj is not None and (
                dobj.lemma_.lower() in _EXTEND_OBJECTS or dobj.lower_ in _EXTEND_OBJECTS
            )
        if (
            lemma in _WORDS.person_object_cues
            and dobj is not None
            and (
                dobj.ent_type_ == "PERSON"
                or (dobj.pos_ == "PROPN" and dobj.ent_type_ not in {"ORG", "EVENT", "LAW", "NORP"})
            )
        ):
            # "welcomed President X to the White House" is a meeting; "thanked President X for ..."
            # is still a statement
            return lemma in _WORDS.addressed_cues
        return not (
            info.get("object")
            and dobj is None
            and not any(c.dep_ in {"ccomp", "prep", "xcomp"} for c in kids)
        )

    def _speakers(
        self,
        doc: Doc,
        subject: Token,
        by_token: dict[int, ResolvedMention],
        meeting_parties: list[tuple[int, list[Participant]]],
        at: int,
    ) -> list[Participant]:
        if self.document_speakers and _first_person(subject, len(self.document_speakers)):
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
        if subject.lower_ not in _GROUP_WORDS | _COUNTRY_GROUPS:
            return None
        for mod in subject.children:
            if mod.dep_ in {"amod", "compound", "nmod"} and mod.i < subject.i:
                code = self.kb.country_code(mod.text) or self.kb.demonym_country(mod.text)
                if code:
                    return code
        return None

    def _noun_statements(
        self, doc: Doc, sent: Span, by_token: dict[int, ResolvedMention], paragraph: int
    ) -> list[StatementCandidate]:
        """ "the comments made by President X ...", "X's remarks ..."."""
        out = []
        for token in sent:
            if token.lower_ not in self.nouns or token.pos_ != "NOUN":
                continue
            speaker = None
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in _WORDS.noun_cue_verbs:
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            for t in agent.subtree:
                                item = by_token.get(t.i)
                                if item and item.party:
                                    speaker = item.party
                                    break
            if speaker is None:
                continue
            start = token.left_edge.idx
            out.append(
                StatementCandidate(
                    speakers=[speaker],
                    cue=token.text,
                    cue_lemma=token.lemma_.lower(),
                    text=sent.text,
                    evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
                    position=start,
                    paragraph=paragraph,
                )
            )
        return out

    # --- continuations ------------------------------------------------------------------------
    def _continuation(
        self,
        doc: Doc,
        sent: Span,
        previous: StatementCandidate,
        by_token: dict[int, ResolvedMention],
        paragraph: int,
    ) -> StatementCandidate | None:
        """A sentence continuing reported speech: its subject is the speaker's country or side."""
        root = sent.root
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        countries = {p.country for p in previous.speakers if p.country}
        if not countries:
            return None
        text = doc[subject.left_edge.i : subject.i + 1].text
        code = self.kb.country_code(text)
        item = by_token.get(subject.i)
        if item is not None and item.mention.kind == "side":
            code = item.mention.country_hint
        if code is None or code not in countries:
            return None
        if (
            root.lemma_.lower() in self.meeting_verbs
            and root.lemma_.lower() not in _WORDS.continuing_meeting_verbs
        ):
            return None
        return StatementCandidate(
            speakers=list(previous.speakers),
            cue=previous.cue,
            cue_lemma=previous.cue_lemma,
            text=sent.text.strip(),
            evidence=[Evidence(sent.start_char, sent.end_char, sent.text)],
            position=sent.start_char,
            paragraph=paragraph,
        )

    # --- transcripts --------------------------------------------------------------------------
    @staticmethod
    def _turns(
        turns: list[Turn], text: str, paragraphs: list[int]
    ) -> tuple[list[StatementCandidate], list[tuple[int, int]]]:
        """One statement per speaker turn (what the speaker says, with the turn as evidence)."""
        out: list[StatementCandidate] = []
        ranges: list[tuple[int, int]] = []
        for turn in turns:
            body = text[turn.content_start : turn.end]
            ranges.append((turn.start, turn.end))
            if len(re.findall(r"\w+", body)) < _MIN_TURN_WORDS:
                continue  # "Thank you.", "Good afternoon.": courtesies, not statements
            out.append(
                StatementCandidate(
                    speakers=[turn.speaker],
                    cue="said",
                    cue_lemma="say",
                    text=body,
                    evidence=[Evidence(turn.content_start, turn.end, body)],
                    position=turn.start,
                    paragraph=_paragraph_of(paragraphs, turn.start),
                )
            )
        return out, ranges


def _party_subject(cue: Token, by_token: dict[int, ResolvedMention]) -> bool:
    """Whether a cue's subject names a party (or is a pronoun or group word that may)."""
    subject = _subject(cue)
    if subject is None:
        return False
    if subject.lower_ in _GROUP_WORDS or subject.lower_ in _PERSONAL_PRONOUNS:
        return True  # "it added" after a ministry's readout is the ministry's, no party's
    return any(t.i in by_token and by_token[t.i].party is not None for t in subject.subtree)


def _unique_parties(parties: list[Participant | None]) -> list[Participant]:
    unique: dict[str, Participant] = {}
    for party in parties:
        if party is not None:
            unique.setdefault(party.key, party)
    return list(unique.values())


def _subject(cue: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination ("said ... and stressed")."""
    inverted = _inverted_subject(cue)
    if inverted is not None:
        return inverted
    node: Token | None = cue
    hops = 0
    while node is not None and hops < 6:
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            hops += 1
            continue
        if node.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        ):
            node = node.head  # "met with ... to express his condolences": the meeting's subject
            hops += 1
            continue
        if _shares_clause_subject(node):
            node = node.head
            hops += 1
            continue
        if node.dep_ == "pcomp" and node.head.lower_ in _BY_DOING:
            node = node.head.head  # "discussed Gaza, including reiterating the need ..."
            hops += 1
            continue
        return None
    return None


def _shares_clause_subject(node: Token) -> bool:
    """A participle whose subject is its main clause's: fronted ("Conveying greetings from Xi,
    Li noted ..."), or a speech cue after a comma ("He thanked X, expressing the hope ...")."""
    if node.dep_ != "advcl" or node.tag_ != "VBG" or node.head.dep_ not in {"ROOT", "conj"}:
        return False
    if node.i < node.head.i:
        return True
    return node.lemma_.lower() in _ADJUNCT_CUES and node.i > 0 and node.doc[node.i - 1].text == ","


def _inverted_subject(cue: Token) -> Token | None:
    """'"...," tweeted Mensah': after a quotation a speech verb may come before its speaker,
    whom the parser may read as the verb's object."""
    if cue.lemma_.lower() not in _SPEECH_VERBS or cue.i < 2:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    if before.text not in {'"', "”", "’"}:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != cue.i + 1:
        return None
    return obj


def _fronted_content(cue: Token, sent: Span) -> tuple[int, int] | None:
    """Token range of a clause reported before its cue ('"...," Sarr said', "China welcomes the
    agreement, the spokesperson said"), or None when the cue's content follows it."""
    if cue.lemma_.lower() not in _SPEECH_VERBS:
        return None
    for child in cue.children:
        if child.dep_ in {"ccomp", "parataxis"} and child.i < cue.i:
            start, end = child.left_edge.i, child.right_edge.i + 1
            while start < end and sent.doc[start].is_punct:
                start += 1
            while end > start and sent.doc[end - 1].is_punct:
                end -= 1
            return (start, end) if end > start else None
    if any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr"} and c.i > cue.i for c in cue.children):
        return None
    # '"Look forward to ...," X wrote on social media': the parser hung the quotation elsewhere
    doc = sent.doc
    first = sent.start
    while first < cue.i and doc[first].is_space:
        first += 1
    if doc[first].text not in {'"', "“"}:
        return None
    closes = [t.i for t in doc[first + 1 : cue.i] if t.text in {'"', "”"}]
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    speaker_at = subject.left_edge.i if subject is not None else cue.i
    if not closes or any(not t.is_punct for t in doc[closes[-1] + 1 : speaker_at]):
        return None  # the quotation must end right before who said it
    start, end = first + 1, closes[-1]
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _document_speakers(doc: Doc, resolved: list[ResolvedMention]) -> tuple[list[Participant], int]:
    """Whose own words a page is: a statement's signatories (names each over a line with their
    title, "Amara Mensah / Foreign Minister of Ghana"), else the person named in its title or
    first heading; none when the page is not a statement, remarks, speech and the like. Also
    where the page's own words start: after the last such heading."""
    sents = list(doc.sents)[:_HEADING_SENTENCES]
    own = [sent for sent in sents if _OWN_WORDS.search(sent.text)]
    if not own:
        return [], 0
    # a page may repeat its heading under the site's header lines: its own words follow the last
    start = max(
        s.end_char for s in list(doc.sents)[: 2 * _HEADING_SENTENCES] if _OWN_WORDS.search(s.text)
    )
    signed = _signatories(doc, resolved)
    if signed:
        return signed, start
    for sent in own:
        for item in resolved:
            mention = item.mention
            if (
                sent.start_char <= mention.start < sent.end_char
                and item.party is not None
                and item.party.kind == "person"
                and mention.kind in {"name", "title"}
            ):
                return [item.party], start
    return [], 0


def _signatories(doc: Doc, resolved: list[ResolvedMention]) -> list[Participant]:
    """A signature block: two or more people, each name followed by nothing but a line break and
    their title ("Amara Mensah / Foreign Minister of Ghana / Kofi Boateng / ..."; the parsed text
    may have turned those line breaks into spaces)."""
    pairs: list[tuple[int, int, Participant]] = []
    for item, following in pairwise(resolved):
        name, title = item.mention, following.mention
        if name.kind != "name" or title.kind != "title" or item.party is None:
            continue
        if doc_text(doc)[name.end : title.start].strip():
            continue
        party = item.party
        if party.country is None and title.country_hint:
            party = dataclasses.replace(party, country=title.country_hint, role=title.title)
        pairs.append((name.start, title.end, party))
    names = [
        (item.mention.start, item.party)
        for item in resolved
        if item.mention.kind == "name" and item.party is not None
    ]
    block: list[Participant] = []
    best: list[Participant] = []
    last_end = -1
    for start, end, party in pairs:
        gap = doc_text(doc)[last_end:start] if last_end >= 0 else ""
        if gap.strip() and (re.search(r"[.;!?]", gap) or len(gap.split()) > _SIGNATURE_GAP):
            block = []
        elif gap.strip():
            # a signatory whose title line we did not read ("Foreign Minister of  Mexico")
            block.extend(p for at, p in names if last_end <= at < start)
        block.append(party)
        last_end = end
        if len(block) > len(best):
            best = list(block)
    unique: dict[str, Participant] = {}
    for party in best:
        unique.setdefault(party.key, party)
    return list(unique.values()) if len(unique) >= 2 else []


def _first_person(subject: Token, speakers: int) -> bool:
    """The subject speaks for the page's own speakers: "I", "we", "our countries", and, on a page
    several signed, "the undersigned (ministers)", "they"."""
    low = subject.lower_
    if low in _WORDS.first_person:
        return True
    words = {t.lower_ for t in subject.subtree}
    if words & _WORDS.first_person_words:
        return True
    return speakers > 1 and bool(words & _WORDS.signatory_words)


def _list_items_after(text: str, offset: int) -> list[tuple[int, int]]:
    """Character spans of the list items ("• ...", "1. ...", "- ...") that follow ``offset``
    in the same paragraph, split at the marker the first item uses (the parsed text may have
    joined the items' lines)."""
    para_end = re.compile(r"\n[ \t]*\n").search(text, offset)
    segment_end = para_end.start() if para_end else len(text)
    segment = text[offset:segment_end]
    first = _LIST_ITEM.match(segment)
    if first is None:
        return []
    marker = first.group("marker")
    if marker[0].isdigit() or marker[0] == "(" or marker[0].isalpha():
        pattern = r"(?:^|\n|\s{2,})[ \t]*\(?(?:\d{1,2}|[a-z])[.)][ \t]+"
    elif marker in {"•", "▪", "●", "◦"}:
        pattern = r"\s*" + re.escape(marker) + r"[ \t]+"
    else:
        pattern = r"(?:^|\n|\s{2,})[ \t]*" + re.escape(marker) + r"[ \t]+"
    items: list[tuple[int, int]] = []
    cuts = [m.end() for m in re.finditer(pattern, segment)]
    starts = [m.start() for m in re.finditer(pattern, segment)]
    for k, start in enumerate(cuts):
        end = starts[k + 1] if k + 1 < len(starts) else len(segment)
        item = segment[start:end].rstrip(" \t\n;,.")
        if item.strip():
            items.append((offset + start, offset + start + len(item)))
    return items


def _sentences_within(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``doc`` inside ``[start, end)``, clipped to it."""
    spans = []
    for sent in doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        a, b = max(start, sent.start_char), min(end, sent.end_char)
        if re.search(r"\w{3}", doc_text(doc)[a:b]):
            spans.append((a, b))
    return spans


def _attributes_head(cue: Token) -> bool:
    """ "China welcomes the agreement ..., spokesperson Guo Jiakun said at a press conference":
    a speech cue after the clause it attributes, parsed as that clause's complement."""
    return (
        cue.lemma_.lower() in _SPEECH_VERBS
        and cue.dep_ in {"ccomp", "parataxis", "conj"}
        and cue.head.i < cue.i
        and _subject_is_own(cue)
        and cue.i > 0
        and any(t.text == "," for t in cue.doc[max(cue.sent.start, cue.i - 12) : cue.i])
    )


def _attributed_clause(cue: Token, subject: Token | None, sent: Span) -> tuple[int, int] | None:
    """The clause before an attributing cue: from the sentence start to the cue's subject."""
    if subject is None:
        return None
    start, end = sent.start, min(subject.left_edge.i, cue.i)
    doc = sent.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end - start >= 3 else None


def _bare_cue(cue: Token, sent: Span) -> bool:
    """A cue with nothing to report of its own ('Guo added.'), right after a quotation."""
    rest = [t for t in cue.subtree if t.i > cue.i and not t.is_punct]
    return not rest and sent.start > 0 and sent.doc[sent.start - 1].text in {'"', "”", "’"}


def _quote_before(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """The token range of the quotation that closes right before ``sent``, back to its opening
    mark in the same paragraph."""
    return _quote_ending(doc, sent.start - 1)


def _quote_ending(doc: Doc, close: int) -> tuple[int, int] | None:
    """The token range of the quotation whose closing mark is token ``close``, back to its
    opening mark in the same paragraph."""
    floor = paragraph_start(doc_text(doc), doc[close].idx)
    for i in range(close - 1, -1, -1):
        if doc[i].idx < floor:
            return None
        if doc[i].text in {'"', "“"}:
            start, end = i + 1, close
            while end > start and doc[end - 1].is_punct:
                end -= 1
            return (start, end) if end - start >= 3 else None
    return None


def paragraph_start(text: str, offset: int) -> int:
    """Offset where the paragraph holding ``offset`` starts (see ``_paragraph_starts``)."""
    cut = text.rfind("\n", 0, offset)
    return 0 if cut < 0 else cut + 1


def _quote_start(text: str, start: int, floor: int) -> int:
    """Where a quotation that ends in the current sentence opened: a quote of several sentences
    ('"A. B. C," he said') starts at its opening mark, earlier in the paragraph."""
    before = text[floor:start]
    curly_open, curly_close = before.count("“"), before.count("”")
    if curly_open > curly_close:
        return floor + before.rfind("“") + 1
    if before.count('"') % 2 == 1:
        return floor + before.rfind('"') + 1
    return start


def _reported_within(cue: Token, cue_ids: set[int]) -> bool:
    """A cue inside what another cue reports ("X said that Y has proposed ...")."""
    node = cue
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "xcomp"} and node.head.i in cue_ids:
            return True
        node = node.head
    return False


def _lifted_cue(
    cue: Token, cue_ids: set[int], by_token: dict[int, ResolvedMention]
) -> Token | None:
    """The outer cue whose speaker a cue belongs to when the parser hung it inside what that cue
    reports ("Park pointed out that the tests pose a threat and called for cooperation": "called"
    is Park's, not the tests'): a subjectless conjunct of the reported clause, whose subject
    names no party."""
    if cue.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return None
    clause = cue.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i not in cue_ids:
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in _GROUP_WORDS | _PERSONAL_PRONOUNS | {"it"}:
        return None
    if any(t.i in by_token for t in subject.subtree):
        return None
    return clause.head


def _only_a_person(content: Span, by_token: dict[int, ResolvedMention]) -> bool:
    """Content that is only the person the cue is addressed to, maybe with where or when
    ("welcomed his Kazakhstani colleague in Moscow", "thanked Prime Minister"): no claim."""
    tokens = list(content)
    while tokens:  # drop a trailing place or day ("in Moscow", "on Monday")
        prep = next(
            (t for t in tokens if t.dep_ == "prep" and t.head.i in {x.i for x in tokens}), None
        )
        if prep is None or not any(o.dep_ == "pobj" and is_setting(o) for o in prep.children):
            break
        tokens = [t for t in tokens if not prep.left_edge.i <= t.i <= prep.right_edge.i]
    if not tokens:
        return False
    for tok in tokens:
        item = by_token.get(tok.i)
        if item is not None and item.party is not None and item.party.kind == "person":
            continue
        if tok.dep_ in {"det", "poss", "amod", "compound", "punct"} or tok.is_title:
            continue
        if tok.lemma_.lower() in _ADDRESSEES:
            continue
        return False
    return True


def _before_conjunct(conjunct: Token, start: int) -> int:
    """Where the content before a coordinated cue ends: before its "and" (and comma)."""
    end = conjunct.left_edge.i
    doc = conjunct.doc
    while end > start and doc[end - 1].lower_ in _WORDS.clause_joiners:
        end -= 1
    return end


def _subject_is_own(cue: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)


def _content_bounds(
    cue: Token, cue_ids: set[int], sent: Span, phrase_end: int | None = None
) -> tuple[int, int]:
    """Token range of what a cue introduces: after the cue to the clause end or next coordinated cue."""
    start = (phrase_end if phrase_end is not None else cue.i) + 1
    while start < sent.end and (
        sent.doc[start].lower_ in _CONTENT_SKIP or sent.doc[start].dep_ == "prt"
    ):
        start += 1
    end = max(t.i for t in cue.subtree) + 1
    end = min(end, sent.end)
    # stop before a coordinated cue (and its ", and")
    for child in cue.children:
        if child.dep_ in {"conj", "advcl"} and child.i in cue_ids and child.i > cue.i:
            stop = child.left_edge.i if child.left_edge.i > cue.i else child.i
            end = min(end, stop)
    while end > start and (
        sent.doc[end - 1].lower_ in _WORDS.clause_joiners or sent.doc[end - 1].text == "."
    ):
        end -= 1
    return start, end


def _cue_text(cue: Token) -> str:
    particles = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def _paragraph_starts(text: str) -> list[int]:
    """Where paragraphs start in the parsed text: after a blank line, or after a line break the
    text kept (pages with a paragraph per line; hard wraps are spaces in the parsed text)."""
    return [0] + [m.end() for m in re.finditer(r"\n(?:[ \t]*\n)?", text)]


def _paragraph_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def merge_statements(candidates: list[StatementCandidate]) -> list[StatementCandidate]:
    """One statement for one claim said twice by the same speakers (evidence spans combined)."""
    merged: list[StatementCandidate] = []
    for cand in candidates:
        keys = {p.key for p in cand.speakers}
        norm = _norm(cand.text)
        target = None
        for prev in merged:
            if not keys & {p.key for p in prev.speakers}:
                continue
            other = _norm(prev.text)
            if len(norm) < 25 or len(other) < 25:
                continue
            if any(e.start == f.start for e in prev.evidence for f in cand.evidence):
                continue
            if norm in other or other in norm or fuzz.ratio(norm, other) >= 88:
                target = prev
                break
        if target is None:
            merged.append(cand)
        else:
            target.evidence.extend(cand.evidence)
    return merged
