"""Personal names that spaCy's entity recogniser missed or mislabelled.

News names officials no list holds, and the small English model often tags them ``ORG``
("Amadou Sarr"), runs them into a body's name ("National Security Council Kurt Campbell") or cuts
them at a hyphen ("Al-Marri"). A name here is a run of capitalised words (with particles such as
"bin", "de", "van" and infix hyphens) after the last title, organisation or country word in that
run, of two to five words, with evidence that it is a person: its first word is a given name the
knowledge base knows, a title or honorific stands right before it, an appositive title follows it
(", the German economy minister"), spaCy tagged part of it ``PERSON``, or its last word is used on
its own elsewhere in the text (news refers to people by surname).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from sidelines.kb import KnowledgeBase
from sidelines.names import fold
from sidelines.nlp.doc_text import doc_text

_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
_HYPHENS = frozenset({"-", "‐", "‑"})
#: words that never stand inside a personal name ("Great Hall Of The People")
_FUNCTION_WORDS = frozenset("of the and for on in to at a an with by from as".split())
#: words that open a sentence and never end a name: where a page lost the break between a
#: heading and its text ("... Committee V. Fetisov Over the last few years ...")
_OPENERS = frozenset(
    "over after during since before under despite following meanwhile however today yesterday "
    "earlier later also this these that those there here when while".split()
)
#: an appositive after a name that is a title: ", the German economy minister", ", Poland's ..."
_APPOSITIVE_WORDS = 8
MIN_WORDS, MAX_WORDS = 2, 5
#: office nouns whose "for ..." names a portfolio
_OFFICE_WORDS = frozenset(
    "minister ministers secretary commissioner envoy representative state undersecretary "
    "under-secretary adviser advisor counsellor".split()
)


class NameFinder:
    """Find person-name spans in a Doc beyond spaCy's PERSON entities."""

    def __init__(self, kb: KnowledgeBase, title_words: frozenset[str]) -> None:
        self.kb = kb
        self.title_words = title_words
        cues = kb.cues
        self.org_words = frozenset(cues.get("organisation_words", []))
        self.particles = frozenset(cues.get("name_particles", []))
        self.given = _given_names(kb, title_words | self.particles)
        #: verbs whose subject or object a bare two-word name is likely a person's: "Amadou
        #: Sarr met Rasa Petraitis", "... said Jallow"
        self.person_verbs = frozenset(
            [*kb.lexicon.meetings.triggers.verbs, *cues.get("statement_verbs", {})]
        )
        #: nouns of encounters whose "with"/"between" names people: "talks between A and B"
        self.meeting_nouns = frozenset(kb.lexicon.meetings.triggers.nouns)

    # --- runs of capitalised words ------------------------------------------------------------
    def _capitalised(self, token: Token) -> bool:
        text = token.text
        if not text[:1].isupper() or not re.fullmatch(r"[^\W\d_][\w'’.]*", text):
            return False
        if len(text) > 1 and text.isupper() and not text.endswith("."):
            return False  # acronyms and shouted datelines ("UAE", "ALGIERS")
        if token.lower_ in _CALENDAR:
            return self._month_as_name(token)
        return text != "I"

    def _month_as_name(self, token: Token) -> bool:
        """A month's word that is a name's ("Jan van der Berg", "April Reyes"): no weekday, no
        number or abbreviation point beside it ("Jan. 19", "19 April", "April 2024")."""
        if token.lower_.endswith("day"):
            return False
        doc = token.doc
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        before = doc[token.i - 1] if token.i > 0 else None
        if after is None:
            return False
        if not (after.text[:1].isupper() and after.is_alpha) and after.lower_ not in self.particles:
            return False
        return not (before is not None and before.like_num)

    def runs(self, doc: Doc) -> Iterable[tuple[int, int]]:
        """Maximal runs of capitalised words, particles and infix hyphens within a sentence."""
        n = len(doc)
        text = doc_text(doc)
        i = 0
        while i < n:
            if not self._capitalised(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < n and not doc[j].is_sent_start:
                token = doc[j]
                before = doc[j - 1]
                if "\n" in text[before.idx + len(before.text) : token.idx]:
                    break  # a name never runs over a line break
                if token.lower_ in _OPENERS:
                    break  # "V. Fetisov Over the last few years": a lost sentence break
                if self._capitalised(token):
                    j += 1
                elif infix_hyphen(doc, j):
                    j += 2  # "Al-Marri", "Jean-Pierre", "Bat-Erdene"
                elif token.lower_ in self.particles and token.text.islower():
                    k = j  # "Khalid bin Saud", "Ursula von der Leyen", "Jan van der Berg"
                    while k < n and doc[k].lower_ in self.particles and doc[k].text.islower():
                        k += 1
                    if k >= n or not self._capitalised(doc[k]) or doc[k].is_sent_start:
                        break
                    j = k
                else:
                    break
            yield i, j
            i = j

    def _breaks_name(self, token: Token) -> bool:
        low = token.lower_
        return (
            low in self.title_words
            or low in self.org_words
            or bool(re.fullmatch(r"(?:mr|mrs|ms|dr|h\.e\.|sir|madam)\.?", low))
            or self.kb.country_code(token.text) is not None
            or self.kb.demonym_country(token.text) is not None
        )

    def _words(self, doc: Doc, start: int, end: int) -> list[Token]:
        return [
            t for t in doc[start:end] if t.text not in _HYPHENS and t.lower_ not in self.particles
        ]

    # --- names ----------------------------------------------------------------------------------
    def find(self, doc: Doc, used: set[int]) -> list[Span]:
        """Name spans not overlapping ``used`` token indices (KB names and PERSON entities).

        A name coordinated with a name already found ("Tomasz Wierzbicki, Rasa Petraitis and
        Olena Kravets") is one too."""
        people = {i for i in used if doc[i].ent_type_ == "PERSON" or doc[i].pos_ == "PROPN"}
        # words used on their own, not after the word that precedes them in the name: "Sarr
        # said" after "Amadou Sarr met ..."; "Peninsula" is always "Korean Peninsula"
        alone: dict[str, set[str]] = {}
        for token in doc:
            if self._capitalised(token):
                alone.setdefault(token.text, set()).add(doc[token.i - 1].text if token.i else "")
        found: list[Span] = []
        for start, end in self.runs(doc):
            cut = start
            for k in range(start, end):
                if self._breaks_name(doc[k]):
                    cut = k + 1
            while cut < end and (doc[cut].lower_ in self.particles or doc[cut].text in _HYPHENS):
                cut += 1
            stop = end
            while stop > cut and (
                doc[stop - 1].lower_ in self.particles or doc[stop - 1].text in _HYPHENS
            ):
                stop -= 1
            words = self._words(doc, cut, stop)
            if len(words) == 1 and cut == start + 1 and self.given_demonym(doc, start):
                cut = start  # "Ostbank CEO German Sokolov": "German" is his given name
                words = self._words(doc, cut, stop)
            if not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            if used.intersection(range(cut, stop)):
                continue
            span = doc[cut:stop]
            if any(t.lower_ in _FUNCTION_WORDS for t in span):
                continue
            if self._portfolio(doc, start):
                named = self._after_portfolio(doc, start, stop)
                if named is None:
                    continue
                cut = max(cut, named)
                span = doc[cut:stop]
                words = self._words(doc, cut, stop)
            if self.kb.place(span.text) or self.kb.country_code(span.text):
                continue
            if self.kb.organisation_of_title(span.text) or any(
                self.kb.place(w.text) is not None and w.ent_type_ in {"GPE", "LOC", "FAC"}
                for w in words
            ):
                continue
            last = words[-1].text
            evidence = (
                fold(words[0].text) in self.given
                or cut > start  # a title, honorific or body right before it
                or (cut > 0 and doc[cut - 1].lower_ in self.title_words)
                or any(t.ent_type_ == "PERSON" for t in span)
                or self._appositive_title(doc, stop)
                or self._title_line_follows(doc, span)
                or self.argument_of_person_verb(span)
                or bool(alone.get(last, set()) - {doc[stop - 2].text})
                or (span.root.dep_ == "conj" and span.root.head.i in people)
                or any(c.dep_ == "conj" and c.i in people for c in span.root.children)
            )
            if evidence:
                found.append(Span(doc, cut, stop, label="PERSON"))
                people.update(range(cut, stop))
        return found

    def _portfolio(self, doc: Doc, start: int) -> bool:
        """A run right after the "for" of an office, or its "and" ("Minister of State for International
        Cooperation", "Commissioner for Crisis Management", "Minister of Trade and Industry")
        names the portfolio, not a person."""
        before = doc[start - 1].lower_ if start >= 2 else ""
        if before not in {"for", "and"} or (before == "and" and not doc[start - 2].is_title):
            return False  # "... for Trade and Industry Amadou Sarr": the portfolio goes on
        window = doc[max(doc[start].sent.start, start - 5) : start - 1]
        return any(t.lower_ in _OFFICE_WORDS for t in window)

    def _after_portfolio(self, doc: Doc, start: int, stop: int) -> int | None:
        """Where a name starts after a portfolio in one run of capitals ("Commissioner for Crisis
        Management Janez Novak"): at a given name we know, else where an entity spaCy found in the
        run ends, else the last two words of a long run; None when the run is all portfolio."""
        for k in range(start + 1, stop - 1):
            if fold(doc[k].text) in self.given:
                return k
        for ent in doc.ents:
            if start <= ent.start < ent.end < stop - 1 and ent.label_ != "PERSON":
                return ent.end
        return stop - 2 if stop - start >= 4 else None

    def given_demonym(self, doc: Doc, i: int) -> bool:
        """A demonym at ``i`` right after a title ("CEO German Gref") is a given name."""
        if i == 0 or self.kb.demonym_country(doc[i].text) is None:
            return False
        before = doc[i - 1]
        return not self.kb.demonym_country(before.text) and (
            before.lower_ in self.title_words
            or before.pos_ == "NOUN"
            or (before.text.isupper() and len(before.text) > 1)
        )

    def argument_of_person_verb(self, span: Span) -> bool:
        """The name is the subject or object of a verb of meeting or saying (directly, or
        through "with"/"by"/"and")."""
        node = span.root
        hops = 0
        while node.dep_ in {"conj", "pobj", "prep", "agent", "appos"} and hops < 3:
            if node.dep_ == "prep" and node.lower_ not in {"with", "by", "between"}:
                return False
            if node.lower_ in {"with", "between"} and node.head.lower_ in self.meeting_nouns:
                return True  # "talks between Amara Mensah and ...", "a call with Kofi Boateng"
            node = node.head
            hops += 1
        if node.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "agent"} and hops == 0:
            return False
        verb = node.head if node.dep_ in {"nsubj", "nsubjpass", "dobj", "agent"} else node
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.person_verbs

    def _title_line_follows(self, doc: Doc, span: Span) -> bool:
        """The name is a line of its own and the next line is a title (a signature block:
        "Amara Mensah / Foreign Minister of Ghana")."""
        text = doc_text(doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        if line_end < 0 or text[line_start : span.start_char].strip():
            return False
        if text[span.end_char : line_end].strip():
            return False
        words = text[line_end:].split(None, 3)[:3]
        return any(w.lower().strip(",") in self.title_words for w in words)

    def _appositive_title(self, doc: Doc, end: int) -> bool:
        if end >= len(doc) or doc[end].text != ",":
            return False
        window = doc[end + 1 : min(len(doc), end + 1 + _APPOSITIVE_WORDS)]
        for token in window:
            if token.text in {",", ".", ";"}:
                break
            if token.lower_ in self.title_words and token.lower_ not in {"the", "his", "her"}:
                return True
        return False


def infix_hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen joining two words with no space ("Al-Marri")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in _HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].is_alpha
        and doc[i + 1].is_alpha
    )


def _given_names(kb: KnowledgeBase, skip: frozenset[str]) -> frozenset[str]:
    """First words of the people the knowledge base knows (their given names, or family names
    written first), folded: a worldwide list of name words made from our own data."""
    words: set[str] = set()
    for actor in kb.actors.values():
        if actor.kind != "person":
            continue
        for name in [actor.name, *actor.aliases]:
            parts = fold(name).replace("-", " ").split()
            for part in parts[:1]:
                if len(part) >= 2 and part not in skip:
                    words.add(part)
    return frozenset(words)
