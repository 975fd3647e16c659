"""Who says a statement: the subject of its cue (inherited through coordination, inverted after
a quotation, a conjunct the parser hung inside what another cue reports), and the page's own
speakers when it is one person's (or several signatories') statement or remarks."""

from __future__ import annotations

import dataclasses
import re
from itertools import pairwise

from spacy.tokens import Doc, Token

from sidelines.kb.loader import load_lexicon
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ResolvedMention
from sidelines.types import Participant

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
_GROUP_WORDS = _WORDS.group_words
_PERSONAL_PRONOUNS = _WORDS.personal_pronouns
#: subjects that may stand for a party or its words: groups, personal pronouns, "it"
_MAY_BE_A_PARTY = _GROUP_WORDS | _PERSONAL_PRONOUNS | _WORDS.reference_pronouns
_BY_DOING = _WORDS.by_doing
_SPEECH_VERBS = _WORDS.speech_verbs
_ADJUNCT_CUES = _SPEECH_VERBS | _WORDS.adjunct_cues
_OWN_WORDS = _WORDS.own_words_pattern
#: words between two lines of a signature block that may hold a signatory whose title we missed
_SIGNATURE_GAP = 10
#: how many sentences from the top a page's heading may stand (after a site's own header lines)
_HEADING_SENTENCES = 3


def party_subject(cue: Token, by_token: dict[int, ResolvedMention]) -> bool:
    """Whether a cue's subject names a party (or is a pronoun or group word that may)."""
    subject = cue_subject(cue)
    if subject is None:
        return False
    if subject.lower_ in _GROUP_WORDS or subject.lower_ in _PERSONAL_PRONOUNS:
        return True  # "it added" after a ministry's readout is the ministry's, no party's
    return any(t.i in by_token and by_token[t.i].party is not None for t in subject.subtree)


def unique_parties(parties: list[Participant | None]) -> list[Participant]:
    unique: dict[str, Participant] = {}
    for party in parties:
        if party is not None:
            unique.setdefault(party.key, party)
    return list(unique.values())


def cue_subject(cue: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination ("said ... and stressed")."""
    inverted = inverted_subject(cue)
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
        if shares_clause_subject(node):
            node = node.head
            hops += 1
            continue
        if node.dep_ == "pcomp" and node.head.lower_ in _BY_DOING:
            node = node.head.head  # "discussed Gaza, including reiterating the need ..."
            hops += 1
            continue
        return None
    return None


def shares_clause_subject(node: Token) -> bool:
    """A participle whose subject is its main clause's: fronted ("Conveying greetings from Xi,
    Li noted ..."), or a speech cue after a comma ("He thanked X, expressing the hope ...")."""
    if node.dep_ != "advcl" or node.tag_ != "VBG" or node.head.dep_ not in {"ROOT", "conj"}:
        return False
    if node.i < node.head.i:
        return True
    return node.lemma_.lower() in _ADJUNCT_CUES and node.i > 0 and node.doc[node.i - 1].text == ","


def inverted_subject(cue: Token) -> Token | None:
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


def lifted_cue(cue: Token, cue_ids: set[int], by_token: dict[int, ResolvedMention]) -> Token | None:
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
    if subject is None or subject.lower_ in _MAY_BE_A_PARTY:
        return None
    if any(t.i in by_token for t in subject.subtree):
        return None
    return clause.head


def first_person(subject: Token, speakers: int) -> bool:
    """The subject speaks for the page's own speakers: "I", "we", "our countries", and, on a page
    several signed, "the undersigned (ministers)", "they"."""
    low = subject.lower_
    if low in _WORDS.first_person:
        return True
    words = {t.lower_ for t in subject.subtree}
    if words & _WORDS.first_person_words:
        return True
    return speakers > 1 and bool(words & _WORDS.signatory_words)


def document_speakers(doc: Doc, resolved: list[ResolvedMention]) -> tuple[list[Participant], int]:
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
    signed = signatories(doc, resolved)
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


def signatories(doc: Doc, resolved: list[ResolvedMention]) -> list[Participant]:
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
