"""What a statement says: the token range a cue introduces (to the clause end or the next
coordinated cue), a quotation before its cue, the items of a list it introduces, and the paragraph
it stands in."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from sidelines.extract.triggers import is_setting
from sidelines.kb.loader import load_lexicon
from sidelines.nlp.doc_text import doc_text
from sidelines.resolve import ResolvedMention

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
_ADDRESSEES = _WORDS.addressees
_CONTENT_SKIP = _WORDS.content_skip
_SPEECH_VERBS = _WORDS.speech_verbs
_LIST_ITEM = _WORDS.list_item_pattern


def fronted_content(cue: Token, sent: Span) -> tuple[int, int] | None:
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


def list_items_after(text: str, offset: int) -> list[tuple[int, int]]:
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


def sentences_within(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``doc`` inside ``[start, end)``, clipped to it."""
    spans = []
    for sent in doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        a, b = max(start, sent.start_char), min(end, sent.end_char)
        if re.search(r"\w{3}", doc_text(doc)[a:b]):
            spans.append((a, b))
    return spans


def attributes_head(cue: Token) -> bool:
    """ "China welcomes the agreement ..., spokesperson Guo Jiakun said at a press conference":
    a speech cue after the clause it attributes, parsed as that clause's complement."""
    return (
        cue.lemma_.lower() in _SPEECH_VERBS
        and cue.dep_ in {"ccomp", "parataxis", "conj"}
        and cue.head.i < cue.i
        and subject_is_own(cue)
        and cue.i > 0
        and any(t.text == "," for t in cue.doc[max(cue.sent.start, cue.i - 12) : cue.i])
    )


def attributed_clause(cue: Token, subject: Token | None, sent: Span) -> tuple[int, int] | None:
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


def bare_cue(cue: Token, sent: Span) -> bool:
    """A cue with nothing to report of its own ('Guo added.'), right after a quotation."""
    rest = [t for t in cue.subtree if t.i > cue.i and not t.is_punct]
    return not rest and sent.start > 0 and sent.doc[sent.start - 1].text in {'"', "”", "’"}


def quote_before(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """The token range of the quotation that closes right before ``sent``, back to its opening
    mark in the same paragraph."""
    return quote_ending(doc, sent.start - 1)


def quote_ending(doc: Doc, close: int) -> tuple[int, int] | None:
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
    """Offset where the paragraph holding ``offset`` starts (see ``paragraph_starts``)."""
    cut = text.rfind("\n", 0, offset)
    return 0 if cut < 0 else cut + 1


def quote_start(text: str, start: int, floor: int) -> int:
    """Where a quotation that ends in the current sentence opened: a quote of several sentences
    ('"A. B. C," he said') starts at its opening mark, earlier in the paragraph."""
    before = text[floor:start]
    curly_open, curly_close = before.count("“"), before.count("”")
    if curly_open > curly_close:
        return floor + before.rfind("“") + 1
    if before.count('"') % 2 == 1:
        return floor + before.rfind('"') + 1
    return start


def reported_within(cue: Token, cue_ids: set[int]) -> bool:
    """A cue inside what another cue reports ("X said that Y has proposed ...")."""
    node = cue
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "xcomp"} and node.head.i in cue_ids:
            return True
        node = node.head
    return False


def only_a_person(content: Span, by_token: dict[int, ResolvedMention]) -> bool:
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


def that_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of what a cue says in coordinated that-clauses ("emphasised that the
    deal is working, and that the UK would work with partners"), or [] for one clause."""
    cuts = [m for m in _WORDS.second_clause_pattern.finditer(text, start, end) if m.start() > start]
    if not cuts:
        return []
    spans = []
    begin = start
    for cut in cuts:
        spans.append((begin, cut.start()))
        begin = cut.end()
    spans.append((begin, end))
    return spans


def before_conjunct(conjunct: Token, start: int) -> int:
    """Where the content before a coordinated cue ends: before its "and" (and comma)."""
    end = conjunct.left_edge.i
    doc = conjunct.doc
    while end > start and doc[end - 1].lower_ in _WORDS.clause_joiners:
        end -= 1
    return end


def content_bounds(
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
        sent.doc[end - 1].lower_ in _WORDS.clause_joiners
        or sent.doc[end - 1].text == "."
        or sent.doc[end - 1].is_space
    ):
        end -= 1
    return start, end


def cue_text(cue: Token) -> str:
    particles = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def paragraph_starts(text: str) -> list[int]:
    """Where paragraphs start in the parsed text: after a blank line, or after a line break the
    text kept (pages with a paragraph per line; hard wraps are spaces in the parsed text)."""
    return [0] + [m.end() for m in re.finditer(r"\n(?:[ \t]*\n)?", text)]


def paragraph_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def subject_is_own(cue: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
