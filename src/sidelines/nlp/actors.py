"""The ``sidelines_actors_v1`` pipeline component: find every mention of a party in a Doc.

It combines the KB's names (a ``PhraseMatcher``), spaCy's PERSON entities, title phrases around a
name ("Member of the Political Bureau ..., State Councilor and Foreign Minister Wang Yi",
"Prime Minister Naftali Bennett of Israel"), bare titles ("the Russian President", "the Vice
President"), sides ("the Russian side", "the two sides"), surnames of people already named, and
subject pronouns. It only finds and describes mentions; ``resolve`` decides who they are on a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sidelines.kb import KnowledgeBase, office_of_title
from sidelines.kb.loader import load_lexicon
from sidelines.names import name_key
from sidelines.nlp.doc_text import doc_text
from sidelines.nlp.mentions import ActorMention
from sidelines.nlp.names import NameFinder, infix_hyphen
from sidelines.structure.dateline import find_dateline

#: the words of titles, sides and groups: the ``titles`` section of ``kb/data/cues.yaml``
_TITLES = load_lexicon().titles
#: Lower-cased words that may stand in a title before or after a name.
TITLE_WORDS = _TITLES.title_words
#: Words that end a PERSON entity spaCy over-extended in a title-case heading ("Harris's Meeting").
NOT_NAME_WORDS = _TITLES.not_name_words
#: nouns that make a phrase after a name its title even when they name no office we code
_OFFICE_NOUNS = _TITLES.office_nouns
#: title heads that, after "the" and on their own, refer back to a person named before
_BARE_HEADS = _TITLES.bare_heads
TITLE_CONNECTORS = _TITLES.title_connectors
HONORIFIC_PREFIX = _TITLES.honorific_pattern
SIDE_RE = _TITLES.group_pattern
SIDE_OF_RE = _TITLES.side_pattern
PRONOUNS = _TITLES.pronouns
#: words between a nationality and a lower-case title head ("Japan's new foreign minister")
_TITLE_MODIFIERS = _TITLES.title_modifiers
#: plural titles that may head a list of countries ("the foreign ministers of A, B and C")
PLURAL_TITLES = _TITLES.plural_titles


def _is_title_token(token: Token, kb: KnowledgeBase) -> bool:
    low = token.lower_
    if low in NOT_NAME_WORDS and low not in TITLE_CONNECTORS:
        return False  # "Readout of President Biden": the page's genre, not part of the title
    if low in TITLE_WORDS:
        return True
    if token.text[:1].isupper() and (kb.demonym_country(token.text) or kb.country_code(token.text)):
        return True
    return bool(token.text[:1].isupper() and token.pos_ == "PROPN" and low not in PRONOUNS)


class ActorMentionFinder:
    """Callable component: sets ``doc._.sl_actors`` to a sorted list of :class:`ActorMention`."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names: dict[str, list[str]] = {}
        for name, actor_id in kb.names():
            names.setdefault(name, []).append(actor_id)
        self.ids_by_name = names
        #: tokens of the names found in the Doc being processed (a title never runs over one)
        self._name_tokens: set[int] = set()
        for name in names:
            if len(name) >= 2:
                self.matcher.add(name, [nlp.make_doc(name)])
        self.name_finder = NameFinder(kb, TITLE_WORDS)

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[ActorMention] = []
        taken = [False] * len(doc)
        # "(Agus Suparto / Presidential Palace)", "(Photo: Jane Roe/Test Wire)": who took the
        # picture is no party, and their words are no surnames to find later
        credits = [m.span() for m in _PHOTO_CREDIT.finditer(doc_text(doc))]
        for a, b in credits:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                taken[span.start : span.end] = [True] * len(span)
        spans = [
            s for s in self._name_spans(doc) if not any(a <= s.start_char < b for a, b in credits)
        ]
        self._name_tokens = {
            i for span in spans if not self._is_org_span(span) for i in range(span.start, span.end)
        }
        for span in spans:
            if any(taken[i] for i in range(span.start, span.end)):
                continue
            mention = self._describe_named(doc, span)
            for i in range(mention.token_start, mention.token_end):
                taken[i] = True
            mentions.append(mention)
        _link_short_names(mentions)
        mentions.extend(self._surnames(doc, mentions, taken))
        mentions.extend(self._known_short_names(doc, mentions, taken))
        mentions.extend(self._titles(doc, taken))
        mentions.extend(self._sides(doc, taken))
        mentions.extend(self._plural_titles(doc, mentions, taken))
        mentions.extend(self._pronouns(doc, taken))
        mentions = _join_titles(doc, mentions)
        mentions = [self._official(doc, m, taken) for m in mentions]
        dateline = find_dateline(doc_text(doc))
        if dateline is not None:
            # "ACCRA, March 4 (Test Wire) --": the agency that filed the story is no party
            mentions = [
                m for m in mentions if not (dateline.start <= m.start and m.end <= dateline.end)
            ]
        mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            head = doc[mention.head_token] if mention.head_token >= 0 else None
            mention.subject = (
                head is not None
                and head.dep_ in {"nsubj", "nsubjpass"}
                and head.head.dep_ in {"ROOT", "conj"}
            )
        doc._.sl_actors = mentions
        return doc

    # --- named mentions -------------------------------------------------------------------------
    def _name_spans(self, doc: Doc) -> list[Span]:
        """KB name matches first (longest wins), then PERSON entities not covered by them."""
        spans: list[Span] = []
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        for match_id, start, end in self.matcher(doc):
            if end - start == 1 and _inside_longer_name(doc, start, persons):
                continue  # "Jean" of "Jean-Pierre Moulin" is not the KB's Jean
            spans.append(Span(doc, start, end, label=match_id))
        spans.sort(key=lambda s: (-(s.end - s.start), s.start))
        chosen: list[Span] = []
        used: set[int] = set()
        for span in spans:
            if not used.intersection(range(span.start, span.end)):
                chosen.append(span)
                used.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ != "PERSON" or used.intersection(range(ent.start, ent.end)):
                continue
            trimmed = self._trim_person(doc, ent)
            if trimmed is not None:
                chosen.append(trimmed)
                used.update(range(trimmed.start, trimmed.end))
        for span in self.name_finder.find(doc, used):
            chosen.append(span)
            used.update(range(span.start, span.end))
        return sorted(chosen, key=lambda s: s.start)

    def _trim_person(self, doc: Doc, ent: Span) -> Span | None:
        """Drop possessives, honorifics and country/title words spaCy glued onto a PERSON name."""
        start, end = ent.start, ent.end
        for i in range(start, end):
            if (
                doc[i].text in {"'s", "’s"}
                or doc[i].lower_ in NOT_NAME_WORDS
                or (
                    i > start
                    and (doc[i].is_space or doc[i].text in {"-", "–", "—", "•", "*", ";", "|"})
                    and not infix_hyphen(doc, i)
                )
            ):
                end = i  # a name never runs on past a list bullet or a line break
                break
        while end > start and (
            doc[end - 1].text in {"'s", "’s", "'", "’", ",", "."}
            or (doc[end - 1].lower_ in TITLE_WORDS and end - 1 > start)
        ):
            end -= 1  # "AUC Chairperson": a title after an acronym, no name
        while start < end and (
            doc[start].lower_ in TITLE_WORDS
            or HONORIFIC_PREFIX.match(doc[start].text)
            or self.kb.country_code(doc[start].text)
            or self.kb.demonym_country(doc[start].text)
            or doc[start].lower_ in {"the", "of"}
        ):
            start += 1
        if (
            end - start == 1
            and start > ent.start
            and doc[start - 1].lower_ not in TITLE_WORDS
            and self.name_finder.given_demonym(doc, start - 1)
        ):
            # "Sberbank CEO German Gref": after a title, a demonym right before a lone surname
            # is the person's given name, not a nationality
            start -= 1
        elif end - start == 1 and start > ent.start and self._stacked_title(doc, start - 1):
            start -= 1  # "film director Emir Kusturica": "Emir" is his given name
        if start >= end:
            return None
        # a lone lower-case or very short token is not a name
        text = doc[start:end].text
        if not text[:1].isupper() or len(text) < 3:
            return None
        if end - start == 1 and text.isupper() and text.isalpha():
            return None  # an acronym ("AUC") is a body, not a person
        if end - start == 1 and end < ent.end and doc[start].pos_ not in {"PROPN", "X"}:
            return None  # "Opening" of "Opening Remarks": a word, cut from a heading
        if self.kb.place(text) or self.kb.country_code(text):
            return None
        if end - start == 1 and _coordinated_with_place(doc[start]):
            return None  # "between Seoul and Bejing": a misspelt place, not a person
        return Span(doc, start, end, label="PERSON")

    def _stacked_title(self, doc: Doc, i: int) -> bool:
        """A capitalised title word at ``i`` after a common noun or an acronym title ("film
        director Emir ...", "CEO Prince ..."): a person is not given two titles in a row
        like that, so the word is a given name."""
        if i < 1 or doc[i].lower_ not in TITLE_WORDS or not doc[i].text[:1].isupper():
            return False
        before = doc[i - 1]
        if self.kb.demonym_country(before.text) or self.kb.country_code(before.text):
            return False
        return (before.pos_ == "NOUN" and before.text.islower()) or (
            before.text.isupper() and len(before.text) > 1 and before.is_alpha
        )

    def _is_org_span(self, span: Span) -> bool:
        ids = self.ids_by_name.get(span.label_, [])
        return bool(ids) and all(self.kb.actors[i].kind == "organisation" for i in ids)

    def _describe_named(self, doc: Doc, span: Span) -> ActorMention:
        label = doc.vocab.strings[span.label] if span.label else "PERSON"
        ids = self.ids_by_name.get(label, [])
        is_org = self._is_org_span(span)
        title_start = span.start if is_org else self._title_left(doc, span.start)
        named_end = span.end if is_org else _nickname_end(doc, span.end)
        end = named_end if is_org else self._title_right(doc, named_end)
        title_parts = [doc[title_start : span.start].text]
        if end > named_end:
            title_parts.append(doc[named_end:end].text)
        title = " ".join(p for p in title_parts if p).strip(" ,") or None
        if not is_org and (title is None or not self._country_hint(title)) and end == named_end:
            # "Lena Brandt, the German economy minister, ...": the title stands after the name
            after = self._appositive_end(doc, named_end)
            before = self._appositive_start(doc, span) if after is None and title is None else None
            if after is not None:
                title = " ".join(p for p in (title, doc[named_end + 1 : after].text) if p)
                end = after
            elif before is not None:
                # "The visiting Spanish secretary of state, Rafael de la Fuente, held talks": the
                # title stands before the name, set off by a comma
                title = doc[before : span.start - 1].text
                title_start = before
        return ActorMention(
            start=doc[title_start].idx,
            end=doc[end - 1].idx + len(doc[end - 1].text),
            text=doc[title_start:end].text,
            kind="organisation" if is_org else "name",
            name=span.text,
            name_start=span.start_char,
            title=title,
            country_hint=self._country_hint(title) if title else None,
            org_hint=self._org_hint(title) if title else None,
            actor_id=ids[0] if len(ids) == 1 else None,
            head_token=span.root.i,
            token_start=title_start,
            token_end=end,
            sent_start=span.sent.start,
        )

    def _appositive_end(self, doc: Doc, end: int) -> int | None:
        """The end of a title set off by commas right after a name (", Poland's deputy foreign
        minister,"), or None: a short phrase with an office word, no verb, no other name."""
        if end >= len(doc) or doc[end].text != ",":
            return None
        sent_end = doc[end].sent.end
        stop = end + 1
        while stop < sent_end and doc[stop].text not in {",", ".", ";", ")", "(", ":"}:
            stop += 1
        phrase = doc[end + 1 : stop]
        if not 1 <= len(phrase) <= 8 or any(
            t.pos_ in {"VERB", "AUX"} or t.i in self._name_tokens for t in phrase
        ):
            return None
        if office_of_title(phrase.text) is None and not any(
            t.lower_ in _OFFICE_NOUNS for t in phrase
        ):
            return None
        return stop

    def _appositive_start(self, doc: Doc, span: Span) -> int | None:
        """The start of a title a name stands in apposition to, before it and a comma ("the
        Spanish secretary of state, Rafael de la Fuente,"), or None: a short phrase from the
        sentence's start or a clause break, with an office word and a country, no verb, no other
        name, and the name closed by a comma (or parsed as the title's appositive)."""
        start = span.start
        sent_start = doc[start].sent.start
        if start - 2 < sent_start or doc[start - 1].text != ",":
            return None
        if not ((span.end < len(doc) and doc[span.end].text == ",") or span.root.dep_ == "appos"):
            return None
        first = start - 1
        while first > sent_start and doc[first - 1].text not in {",", ".", ";", ":", "(", ")"}:
            first -= 1
            if start - 1 - first > 8:
                return None
        phrase = doc[first : start - 1]
        if any(
            (t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"})
            or t.i in self._name_tokens
            for t in phrase
        ):
            return None  # "visiting" of "the visiting Spanish minister" is no verb of its own
        if office_of_title(phrase.text) is None and not any(
            t.lower_ in _OFFICE_NOUNS for t in phrase
        ):
            return None
        while first < start - 1 and doc[first].lower_ in {"the", "a", "an"}:
            first += 1
        return first if self._country_hint(phrase.text) else None

    def _title_left(self, doc: Doc, start: int) -> int:
        """Where the title before a name begins (``start`` when there is none)."""
        sent_start = doc[start].sent.start
        i = start - 1
        first = start
        while i >= sent_start:
            token = doc[i]
            if token.i in self._name_tokens:
                break  # "President Biden and Vice President Harris": Biden's is another mention
            if _is_title_token(token, self.kb) or HONORIFIC_PREFIX.match(token.text):
                first = i
            elif i > sent_start and self._two_word_nationality(doc, i - 1):
                first = i - 1  # "South Korean Vice Foreign Minister Kim Min-seo"
                i -= 1
            elif token.text in {"'s", "’s"} and first < start and i > sent_start:
                # "New Zealand's Governor-General Cindy Kiro": the country's possessive
                country = self._country_ending_at(doc, i - 1, sent_start)
                if country is not None:
                    first = country
                break
            elif token.lower_ == "of" and any(
                t.lower_ in _OFFICE_NOUNS for t in doc[i + 1 : start]
            ):
                # "special representative of Chinese President Xi Jinping": the words before
                # "of" are another person's title, not Xi's
                break
            elif token.lower_ in {"and", ","} and (
                self.kb.demonym_country(doc[i + 1].text)
                or (i + 2 < start and self._two_word_nationality(doc, i + 1))
            ):
                # "Efrain Cordova of Ecuador and Colombian Foreign Minister Ana Restrepo", "Chipo
                # Kaya of Malawi, Zambian Trade Minister Tendai Mukwena"
                break
            elif (
                token.lower_ in TITLE_CONNECTORS or infix_hyphen(doc, i)
            ) and self._title_continues_left(doc, i, sent_start):
                pass  # "Coordinator for Indo-Pacific Affairs at the National Security Council"
            else:
                break
            i -= 1
        # a title never starts with a connector
        while first < start and doc[first].lower_ in TITLE_CONNECTORS:
            first += 1
        if first < start and not any(
            doc[j].lower_ in TITLE_WORDS or self.kb.demonym_country(doc[j].text)
            for j in range(first, start)
        ):
            return start
        return first

    def _two_word_nationality(self, doc: Doc, i: int) -> bool:
        """Tokens ``i`` and ``i + 1`` are one nationality or country ("South Korean", "New
        Zealand", "Sri Lankan") whose words are none on their own."""
        if not (doc[i].text[:1].isupper() and doc[i + 1].text[:1].isupper()):
            return False
        phrase = doc[i : i + 2].text
        return bool(self.kb.demonym_country(phrase) or self.kb.country_code(phrase))

    def _country_ending_at(self, doc: Doc, end: int, sent_start: int) -> int | None:
        """Start of a country's name of one to three words ending at token ``end``."""
        for size in (3, 2, 1):
            start = end - size + 1
            if start >= sent_start and self.kb.country_code(doc[start : end + 1].text):
                return start
        return None

    def _title_continues_left(self, doc: Doc, i: int, sent_start: int) -> bool:
        """True when connectors at ``i`` ("of the") have a title word further left."""
        j = i - 1
        while j >= sent_start and doc[j].lower_ in TITLE_CONNECTORS and doc[j].text != ",":
            j -= 1
        if j < sent_start or not _is_title_token(doc[j], self.kb):
            return False
        # a comma joins the parts of a long title ("Member of the Political Bureau ..., Director
        # ..."), whose words are capitalised; "in the state, Jennifer Klein" is no title
        return doc[i].text != "," or doc[j].text[:1].isupper()

    def _title_right(self, doc: Doc, end: int) -> int:
        """Extend past "of Israel" / "of the North Atlantic Treaty Organization (NATO)" / "for
        Trade and Industry of Kenya"."""
        sent_end = doc[end - 1].sent.end
        if end < sent_end and doc[end].lower_ in {"of", "for"}:
            j = end + 1
            while j < sent_end and (
                doc[j].text[:1].isupper()
                or doc[j].lower_ in {"the", "of", "and"}
                or infix_hyphen(doc, j)
            ):
                j += 1
            if j < sent_end and doc[j].text == "(" and j + 2 < sent_end and doc[j + 2].text == ")":
                j += 3
            while j > end + 1 and doc[j - 1].lower_ in {"the", "of", "and"}:
                j -= 1
            direct = doc[end].lower_ == "of"
            if direct:
                # "Efrain Cordova of Ecuador and Colombian ...": the country, not the run after it
                for k in range(min(j, end + 5), end + 1, -1):
                    if self.kb.country_code(doc[end + 1 : k].text) and k < j:
                        return k
            phrase = doc[end + 1 : j].text
            if direct and j > end + 1 and (self.kb.country_code(phrase) or self._org_hint(phrase)):
                return j
            # "Minister of Foreign Affairs of Peru": a portfolio, then the country
            tail = re.search(r"\bof (?:the )?([^,;()]+)$", phrase)
            if j > end + 1 and tail and self.kb.country_code(tail.group(1)):
                return j
        return end

    def _country_hint(self, title: str) -> str | None:
        return self.kb.country_of_title(title)

    def _org_hint(self, text: str) -> str | None:
        return self.kb.organisation_of_title(text)

    # --- other mentions -------------------------------------------------------------------------
    def _surnames(
        self, doc: Doc, named: list[ActorMention], taken: list[bool]
    ) -> Iterable[ActorMention]:
        """Surnames (and "Mr X") of people named in full earlier in the document."""
        known: dict[str, ActorMention] = {}
        for mention in named:
            if mention.kind != "name" or not mention.name:
                continue
            tokens = mention.name.split()
            if len(tokens) >= 2:
                known.setdefault(tokens[-1], mention)
                known.setdefault(tokens[0], mention)  # family-name-first: "Wang", "Xi"
            if mention.actor_id:
                for short in self.kb.actors[mention.actor_id].short:
                    known.setdefault(short, mention)
        for token in doc:
            if taken[token.i] or token.text not in known or not token.text[:1].isupper():
                continue
            if token.ent_type_ in {"DATE", "TIME"} or (
                token.ent_type_ in {"GPE", "LOC"}
                and (self.kb.place(token.text) or self.kb.country_code(token.text))
            ):
                continue  # a surname the recogniser took for a place is still the surname
            first_named = known[token.text]
            start = token.i
            if start > 0 and HONORIFIC_PREFIX.match(doc[start - 1].text) and not taken[start - 1]:
                start -= 1
            end = token.i + 1
            taken[start:end] = [True] * (end - start)
            yield ActorMention(
                start=doc[start].idx,
                end=token.idx + len(token.text),
                text=doc[start:end].text,
                kind="name",
                name=first_named.name,
                name_start=token.idx,
                title=None,
                country_hint=first_named.country_hint,
                org_hint=first_named.org_hint,
                actor_id=first_named.actor_id,
                head_token=token.i,
                token_start=start,
                token_end=end,
                sent_start=token.sent.start,
            )

    def _known_short_names(
        self, doc: Doc, named: list[ActorMention], taken: list[bool]
    ) -> Iterable[ActorMention]:
        """A surname the knowledge base gives one person only, used alone before any full name
        ("Modi and Australian Prime Minister Anthony Albanese are expected to meet", "Erdogan
        said"), where the text shows it is a person's: spaCy tags it ``PERSON``, it is
        coordinated with a name, or it is the subject or object of a verb of meeting or saying.
        Who it is on the document's date is ``resolve``'s to say."""
        document = doc._.sl_document
        day = _iso_day(document.published if document is not None else None)
        people = {i for m in named if m.kind == "name" for i in range(m.token_start, m.token_end)}
        # the recogniser often takes a lone surname for a place or a nationality ("Scholz",
        # "Albanese"): its label is no evidence either way, the knowledge base's places are
        candidates = [
            token
            for token in doc
            if not taken[token.i]
            and token.pos_ == "PROPN"
            and len(token.text) >= 4
            and token.text[:1].isupper()
            and not token.text.isupper()
            and token.ent_type_ not in {"DATE", "TIME"}
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
            and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
            and self._active_short(token.text, day)
            and not self.kb.place(token.text)
            and not self.kb.country_code(token.text)
        ]
        people |= {t.i for t in candidates}
        for token in candidates:
            text = token.text
            span = doc[token.i : token.i + 1]
            coordinated = (token.dep_ == "conj" and token.head.i in people) or any(
                c.dep_ == "conj" and c.i in people for c in token.children
            )
            if not (
                token.ent_type_ == "PERSON"
                or coordinated
                or self.name_finder.argument_of_person_verb(span)
            ):
                continue
            taken[token.i] = True
            yield ActorMention(
                start=token.idx,
                end=token.idx + len(text),
                text=text,
                kind="name",
                name=text,
                name_start=token.idx,
                title=None,
                country_hint=None,
                org_hint=None,
                actor_id=None,
                head_token=token.i,
                token_start=token.i,
                token_end=token.i + 1,
                sent_start=token.sent.start,
            )

    def _official(self, doc: Doc, mention: ActorMention, taken: list[bool]) -> ActorMention:
        """An organisation named with the title of one of its officials and no name ("the UN
        Secretary-General", "the Director-General of the WHO"): a title mention of that
        organisation's official, for ``resolve`` to find on the document's date."""
        if mention.kind != "organisation" or mention.actor_id is None:
            return mention
        start, end = mention.token_start, mention.token_end
        after = end
        while after < len(doc) and (
            (doc[after].lower_ in TITLE_WORDS and doc[after].text[:1].isupper())
            or (infix_hyphen(doc, after) and doc[after + 1].lower_ in TITLE_WORDS)
        ):
            after += 2 if infix_hyphen(doc, after) else 1
        before = start
        while before > 0 and doc[before - 1].lower_ in {"of", "the"}:
            before -= 1
        head = before
        while head > 0 and (doc[head - 1].lower_ in TITLE_WORDS or infix_hyphen(doc, head - 1)):
            head -= 1
        if after > end and not (after < len(doc) and taken[after]):
            first, last = start, after  # "the UN Secretary-General"
        elif head < before and doc[before].lower_ == "of" and not (head and taken[head - 1]):
            first, last = head, end  # "the Director-General of the WHO"
        else:
            return mention
        if any(taken[i] for i in range(first, last) if not start <= i < end):
            return mention
        title = doc[first:last].text
        if office_of_title(title) is None:
            return mention
        for i in range(first, last):
            taken[i] = True
        return dataclasses.replace(
            mention,
            start=doc[first].idx,
            end=doc[last - 1].idx + len(doc[last - 1].text),
            text=title,
            kind="title",
            name=None,
            title=title,
            org_hint=mention.actor_id,
            actor_id=None,
            token_start=first,
            token_end=last,
        )

    def _active_short(self, text: str, day: dt.date | None) -> bool:
        """``text`` is the surname of exactly one person the knowledge base holds, who was in
        office within a year of ``day`` ("Green" alone is no foreign minister of 1999)."""
        found = self.kb.find_by_short(text)
        return len(found) == 1 and found[0].was_active(day, slack_years=1)

    def _titles(self, doc: Doc, taken: list[bool]) -> Iterable[ActorMention]:
        """Bare titles: "the President of Russia", "the Russian President", "the Vice President"."""
        for token in doc:
            if taken[token.i] or token.lower_ not in {
                "president",
                "minister",
                "chancellor",
                "premier",
                "king",
                "emir",
                "amir",
                "prince",
                "secretary",
                "sultan",
                "leader",
                "secretary-general",
                "advisor",
                "adviser",
                "counterpart",
            }:
                continue
            counterpart = token.lower_ == "counterpart"
            # lower case only with a nationality ("met the Russian president") or as a bare
            # definite head that refers back ("..., the minister said")
            national = self._national(doc, token.i)
            bare = self._bare_definite(doc, token.i)
            if not token.text[:1].isupper() and not counterpart and not national and not bare:
                continue
            start = self._title_left(doc, token.i + 1) if token.i + 1 < len(doc) else token.i
            start = min(start, token.i)
            if national:
                start = min(start, self._nationality_start(doc, token.i))
            elif bare:
                start = min(start, self._modifiers_start(doc, token.i, 2))
            end = token.i + 1
            sent_end = token.sent.end
            while end < sent_end:
                if doc[end].lower_ in TITLE_WORDS and doc[end].text[:1].isupper():
                    end += 1
                elif infix_hyphen(doc, end) and doc[end + 1].lower_ in TITLE_WORDS:
                    end += 2  # "Secretary-General", "Director-General"
                else:
                    break
            name_end = end
            while (
                name_end < sent_end
                and name_end - end < 3
                and not taken[name_end]
                and doc[name_end].pos_ == "PROPN"
                and doc[name_end].text[:1].isupper()
                and doc[name_end].lower_ not in TITLE_WORDS
                and not self.kb.country_code(doc[name_end].text)
                and not self.kb.demonym_country(doc[name_end].text)
            ):
                name_end += 1
            if name_end > end and not any(taken[start:name_end]):
                # "German Chancellor Scholz": a title and a surname spaCy did not tag as a person
                yield self._titled_surname(doc, start, end, name_end, taken)
                continue
            end = self._title_right(doc, end)
            if any(taken[start:end]):
                continue
            if (
                end < len(doc)
                and doc[end].text in {"'s", "’s"}
                and doc[end + 1 : end + 2].text.lower() in {"office", "administration"}
            ):
                continue
            title = doc[start:end].text
            if counterpart and not self._country_hint(title):
                continue  # "his counterpart" names no one by itself
            if not office_of_title(title) and not counterpart and not bare:
                continue
            # a real reference is definite ("the President"), national ("Russian President")
            # or anchored ("President of Russia")
            prev = doc[start - 1].lower_ if start > 0 else ""
            if (
                prev not in {"the", "his", "her", "their"}
                and not re.search(r"\bof\b", title)
                and not self._country_hint(title)
            ):
                continue
            if prev in {"the", "his", "her", "their"}:
                start -= 1
            taken[start:end] = [True] * (end - start)
            yield ActorMention(
                start=doc[start].idx,
                end=doc[end - 1].idx + len(doc[end - 1].text),
                text=doc[start:end].text,
                kind="title",
                name=None,
                title=title,
                country_hint=self._country_hint(title),
                org_hint=self._org_hint(title),
                head_token=token.i,
                token_start=start,
                token_end=end,
                sent_start=token.sent.start,
            )

    def _bare_definite(self, doc: Doc, i: int) -> bool:
        """ "the minister" / "the President" standing alone (no country, no "of ..."): a
        reference back to the person of that title named before it."""
        j = self._modifiers_start(doc, i, 2) - 1
        return (
            doc[i].lower_ in _BARE_HEADS
            and j >= 0
            and doc[j].lower_ == "the"
            and (i + 1 >= len(doc) or doc[i + 1].lower_ not in {"of", "-", "for"})
            and (i + 1 >= len(doc) or doc[i + 1].pos_ not in {"NOUN", "PROPN"})
        )

    @staticmethod
    def _modifiers_start(doc: Doc, i: int, most: int) -> int:
        """Where the (at most ``most``) modifiers before a title head at ``i`` start ("the
        [foreign] minister", "Japan's [new foreign] minister")."""
        j = i
        while j > 0 and i - j < most and doc[j - 1].lower_ in _TITLE_MODIFIERS:
            j -= 1
        return j

    def _nationality_start(self, doc: Doc, i: int) -> int:
        """Where "Japan's new foreign minister" / "the Russian president" starts its title: at
        the country's name or the nationality word before the head at ``i``."""
        j = self._modifiers_start(doc, i, 3) - 1
        if j > 0 and doc[j].text in {"'s", "’s"}:
            return j - 1
        return max(j, 0)

    def _national(self, doc: Doc, i: int) -> bool:
        """A nationality or a country's possessive before a lower-case title head: "the
        Russian president", "the Chinese foreign minister", "Japan's new foreign minister"."""
        j = self._modifiers_start(doc, i, 3) - 1
        if j < 0:
            return False
        if self.kb.demonym_country(doc[j].text):
            return True
        return doc[j].text in {"'s", "’s"} and j > 0 and bool(self.kb.country_code(doc[j - 1].text))

    def _titled_surname(
        self, doc: Doc, start: int, end: int, name_end: int, taken: list[bool]
    ) -> ActorMention:
        full_end = self._title_right(doc, name_end)
        title = " ".join(p for p in (doc[start:end].text, doc[name_end:full_end].text) if p)
        taken[start:full_end] = [True] * (full_end - start)
        name = doc[end:name_end]
        return ActorMention(
            start=doc[start].idx,
            end=doc[full_end - 1].idx + len(doc[full_end - 1].text),
            text=doc[start:full_end].text,
            kind="name",
            name=name.text,
            name_start=name.start_char,
            title=title,
            country_hint=self._country_hint(title),
            org_hint=self._org_hint(title),
            head_token=name_end - 1,
            token_start=start,
            token_end=full_end,
            sent_start=doc[start].sent.start,
        )

    def _sides(self, doc: Doc, taken: list[bool]) -> Iterable[ActorMention]:
        text = doc_text(doc)
        for regex, kind in ((SIDE_OF_RE, "side"), (SIDE_RE, "group")):
            for match in regex.finditer(text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or any(taken[span.start : span.end]):
                    continue
                hint = None
                if kind == "side":
                    hint = self.kb.demonym_country(match.group(1)) or self.kb.country_code(
                        match.group(1)
                    )
                    if hint is None:
                        continue
                taken[span.start : span.end] = [True] * (span.end - span.start)
                yield ActorMention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    kind="side" if kind == "side" else "group",
                    country_hint=hint,
                    head_token=span.root.i,
                    token_start=span.start,
                    token_end=span.end,
                    sent_start=span.sent.start,
                )

    # --- several countries under one title --------------------------------------------------
    def _plural_titles(
        self, doc: Doc, mentions: list[ActorMention], taken: list[bool]
    ) -> list[ActorMention]:
        """ "The foreign ministers of Egypt, Jordan and Qatar", "Egyptian and Qatari leaders":
        one party per country. Names listed right after the countries ("..., Aidar Bekov and
        Nurlan Osmonov") take the countries in order; with no names, each country is a party
        (a "side" mention resolved to its named representative, else the state)."""
        out: list[ActorMention] = []
        for token in doc:
            if token.lower_ not in PLURAL_TITLES:
                continue
            countries, list_end = self._countries_after(doc, token.i)
            if len(countries) < 2:
                countries, list_end = self._countries_before(doc, token.i), token.i + 1
            if len(countries) < 2:
                continue
            names = self._listed_names(doc, list_end, mentions)
            if names:
                if len(names) == len(countries):
                    for mention, (iso, _, _) in zip(names, countries, strict=True):
                        mention.country_hint = iso
                continue
            for iso, start, end in countries:
                if any(taken[start:end]):
                    continue
                taken[start:end] = [True] * (end - start)
                span = doc[start:end]
                out.append(
                    ActorMention(
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                        kind="side",
                        country_hint=iso,
                        head_token=span.root.i,
                        token_start=start,
                        token_end=end,
                        sent_start=span.sent.start,
                    )
                )
        return out

    def _country_at(self, doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
        """The country named at token ``i`` (longest name of up to four tokens) and its end."""
        for k in range(min(4, limit - i), 0, -1):
            last = doc[i + k - 1]
            if k > 1 and (last.is_punct or last.is_space):
                continue  # "Cyprus." at a paragraph's end: the name, not its full stop
            code = self.kb.country_code(doc[i : i + k].text)
            if code is not None:
                return code, i + k
        return None

    def _countries_after(self, doc: Doc, i: int) -> tuple[list[tuple[str, int, int]], int]:
        """Countries listed after "<title>s of": "ministers of the UAE, Saudi Arabia and Qatar"."""
        sent_end = doc[i].sent.end
        j = i + 1
        while (
            j + 1 < sent_end
            and doc[j].lower_ == "of"
            and doc[j + 1].lower_
            in {
                "state",
                "government",
                "foreign",
            }
        ):
            j += 2  # "heads of state of ..."
        if j >= sent_end or doc[j].lower_ not in {"of", "from"}:
            return [], j
        j += 1
        found: list[tuple[str, int, int]] = []
        while j < sent_end:
            if doc[j].lower_ == "the":
                j += 1
                continue
            hit = self._country_at(doc, j, sent_end)
            if hit is None:
                break
            found.append((hit[0], j, hit[1]))
            j = hit[1]
            while j < sent_end and (doc[j].text == "," or doc[j].lower_ in {"and", "&"}):
                if (
                    doc[j].text == ","
                    and j + 1 < sent_end
                    and doc[j + 1].lower_
                    not in {
                        "and",
                        "the",
                    }
                    and self._country_at(doc, j + 1, sent_end) is None
                ):
                    return found, j  # ", Aidar Bekov and ...": the list of countries ended
                j += 1
        return found, j

    def _countries_before(self, doc: Doc, i: int) -> list[tuple[str, int, int]]:
        """Countries as demonyms before "<title>s": "Egyptian, Jordanian and Qatari ministers"."""
        sent_start = doc[i].sent.start
        j = i - 1
        while j >= sent_start and doc[j].lower_ in TITLE_WORDS:
            j -= 1
        found: list[tuple[str, int, int]] = []
        while j >= sent_start:
            code = self.kb.demonym_country(doc[j].text)
            if code is None:
                break
            found.append((code, j, j + 1))
            j -= 1
            while j >= sent_start and (doc[j].text == "," or doc[j].lower_ == "and"):
                j -= 1
        return list(reversed(found))

    @staticmethod
    def _listed_names(doc: Doc, start: int, mentions: list[ActorMention]) -> list[ActorMention]:
        """Name mentions listed from token ``start`` on, separated by commas and "and"."""
        by_start = {
            m.name_start: m for m in mentions if m.kind == "name" and m.name_start is not None
        }
        names: list[ActorMention] = []
        j = start
        sent_end = doc[start].sent.end if start < len(doc) else start
        while j < sent_end:
            if doc[j].text == "," or doc[j].lower_ == "and":
                j += 1
                continue
            mention = by_start.get(doc[j].idx)
            if mention is None:
                break
            names.append(mention)
            j = mention.token_end
        return names

    def _pronouns(self, doc: Doc, taken: list[bool]) -> Iterable[ActorMention]:
        for token in doc:
            if (
                taken[token.i]
                or token.lower_ not in PRONOUNS
                or token.dep_ not in {"nsubj", "nsubjpass"}
            ):
                continue
            yield ActorMention(
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                kind="pronoun",
                head_token=token.i,
                token_start=token.i,
                token_end=token.i + 1,
                sent_start=token.sent.start,
            )


#: a parenthetical photo credit: "(Photo: ...)", "(Photo by ...)", "(Name / Agency)"
_PHOTO_CREDIT = re.compile(
    r"\((?:(?:file\s+)?(?:photo|picture|image|foto)s?\b[^()\n]{0,80}"
    r"|[^()\n]{2,60}\s/\s?[^()\n]{2,60}|[^()\n]{2,60}/\s[^()\n]{2,60})\)",
    re.IGNORECASE,
)


_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})


def _nickname_end(doc: Doc, end: int) -> int:
    """The end of a quoted nickname right after a name ("Pushpa Kamal Dahal 'Prachanda'"), part
    of the one mention; ``end`` when there is none."""
    if end >= len(doc) or doc[end].text not in _QUOTES:
        return end
    for close in range(end + 2, min(end + 5, len(doc))):
        if doc[close].text in _QUOTES:
            inner = doc[end + 1 : close]
            if all(t.text[:1].isupper() and t.is_alpha for t in inner):
                return close + 1
            return end
    return end


def _iso_day(value: str | None) -> dt.date | None:
    """The day an ISO date or timestamp starts with, or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _coordinated_with_place(token: Token) -> bool:
    """Whether a word is coordinated with a place name ("Seoul and X", "X, Tokyo and Seoul")."""
    near = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        near.append(token.head)
    return any(t.ent_type_ in {"GPE", "LOC"} for t in near)


def _inside_longer_name(doc: Doc, i: int, persons: list[Span]) -> bool:
    """Whether the one-word match at ``i`` is only part of a longer name: joined by a hyphen
    ("Jean-Pierre") or a first word of a longer PERSON entity."""
    if infix_hyphen(doc, i + 1) or infix_hyphen(doc, i - 1):
        return True
    return any(p.start <= i < p.end - 1 and p.end - p.start > 1 for p in persons)


def _link_short_names(mentions: list[ActorMention]) -> None:
    """Point a one-word name ("Putin", "Biden") at the full name used elsewhere in the document."""
    full = [m for m in mentions if m.kind == "name" and m.name and len(m.name.split()) >= 2]
    for mention in mentions:
        if mention.kind != "name" or not mention.name or len(mention.name.split()) != 1:
            continue
        word = mention.name
        matches = {
            m.name: m for m in full if m.name and word in (m.name.split()[-1], m.name.split()[0])
        }
        if len(matches) == 1:
            target = next(iter(matches.values()))
            mention.name = target.name
            mention.actor_id = mention.actor_id or target.actor_id
            mention.country_hint = mention.country_hint or target.country_hint


def key_of(mention: ActorMention) -> str:
    """A key grouping mentions of one person within a document."""
    if mention.actor_id:
        return mention.actor_id
    return name_key(mention.name or mention.text)


def _join_titles(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A bare title right before a name found on its own ("... With Kenyan President Kenyatta",
    the surname found from the full name later) is that name's title, not another party: the
    two become one mention."""
    by_start = {m.token_start: m for m in mentions if m.kind == "name" and not m.title}
    out: list[ActorMention] = []
    joined: set[int] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        name = by_start.get(mention.token_end) if mention.kind == "title" else None
        if name is None or mention.token_end <= mention.token_start:
            out.append(mention)
            continue
        name.start, name.token_start = mention.start, mention.token_start
        name.text = doc_text(doc)[name.start : name.end]
        name.title = mention.title
        name.country_hint = name.country_hint or mention.country_hint
        name.org_hint = name.org_hint or mention.org_hint
        joined.add(id(mention))
    return [m for m in out if id(m) not in joined]
