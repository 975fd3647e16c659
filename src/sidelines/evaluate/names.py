"""Name matching for scoring: is a predicted name one of the gold annotation's acceptable names?

The gold README says the scorer "accepts transliteration variants and surnames alone". This module
is the one place that decides what that means, so every score in the project uses one rule:

* names are transliterated (anyascii), case-folded and stripped of punctuation, ``the``, titles
  and honorifics ("Russian Foreign Minister Sergei Lavrov" is "sergei lavrov"), trailing ``Jr``
  and middle initials;
* two names match when they are then equal, when one is the other's surname alone ("Lavrov",
  "Zelensky" for "Volodymyr Zelenskyy"), when one is the other's family name written first
  ("Wang" for "Wang Yi"), when one ends with the other ("Maye Quade" for "Erin Maye Quade"), when
  they hold the same words in another order ("Kamikawa Yoko"), when one stops after a father's
  name ("Faisal bin Farhan" for "Faisal bin Farhan Al Saud"), when one writes the other's given
  name as its initial ("S. Jaishankar" for "Subrahmanyam Jaishankar"), when one leaves out the
  other's middle names ("Pravind Jugnauth" for "Pravind Kumar Jugnauth"), or when they are transliteration
  variants (a phonetic skeleton equal, or a rapidfuzz ratio of at
  least 90: "Sergey/Sergei Lavrov", "Berdimuhamedov/Berdymukhamedov");
* title phrases ("President of Russia", "the Russian President") and collective labels
  ("Russian side") only match when equal: "Austrian side" is not "Australian side".

The evaluator deliberately keeps its own copy of these rules rather than reusing the knowledge
base's name keys: a change to the extractor's name handling must not silently move the yardstick.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

__all__ = [
    "NameForm",
    "NameKind",
    "match_keys",
    "name_form",
    "names_match",
    "normalise_name",
    "same_name",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Minimum rapidfuzz ratio (0-100) for two names to count as transliteration variants.
FUZZY_THRESHOLD = 90.0
#: Shorter strings are too easy to confuse ("Salma"/"Salman"); they must be equal instead.
FUZZY_MIN_LENGTH = 6

#: Words that make up titles and honorifics; everything up to the last of them is dropped.
TITLE_WORDS = _words(
    """
    mr mrs ms miss mx dr prof professor he his her excellency majesty highness holiness royal
    sir dame madam madame lord lady sheikh sheikha shaikh sayyid
    president vice prime minister ministers premier chancellor vicechancellor state foreign
    affairs defence defense finance interior deputy secretary general undersecretary
    assistant advisor adviser counsellor counselor councillor councilor chair chairman
    chairwoman chairperson commissioner representative envoy ambassador senator congressman
    congresswoman governor mayor speaker emir amir king queen crown prince princess sultan
    pope cardinal archbishop patriarch chief staff leader director ceo administrator duke duchess
    spokesperson spokesman spokeswoman
    """
)
#: Trailing generational suffixes ("Joseph R. Biden, Jr.").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Name particles that do not count as a name on their own ("al" in "Al-Sisi").
PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "dos",
        "das",
    }
)
#: Particles after which the next name is a father's name, not a surname ("bin Salman").
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint"})
#: Words that show a name is not a person's: organisations, countries, groups.
NON_PERSON_WORDS = _words(
    """
    of for and on in at to with
    side sides government governments delegation delegations authorities leadership
    administration union house office department ministry council committee commission
    partnership republic kingdom federation states nations organization organisation bank
    fund agency association league forum alliance group party parliament assembly army
    north south east west new united democratic
    """
)
#: Labels ending with these words name a whole party ("Russian side"); they match only exactly.
COLLECTIVE_WORDS = frozenset(
    {
        "side",
        "sides",
        "delegation",
        "delegations",
        "government",
        "authorities",
        "leadership",
        "administration",
    }
)
#: Common East-Asian family names, which come first: "Wang" is short for "Wang Yi".
EAST_ASIAN_FAMILY_NAMES = _words(
    """
    wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang
    song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang
    cai jia ding wei xue ye yan pan du dai xi qin kong mao
    kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun moon mun jang chang lim
    shin oh seo kwon hwang ahn ban
    nguyen tran pham hoang phan vu vo dang bui ngo duong
    """
)

_APOSTROPHES_AND_DOTS = re.compile(r"['.`]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE_LETTER = re.compile(r"([a-z])\1+")


class NameKind(Enum):
    """What sort of string a name is, which decides how loosely it may match."""

    PERSON = "person"  # "Sergei Lavrov", "Lavrov", "China"
    LABEL = "label"  # "People's Republic of China", "African Union"
    TITLE = "title"  # "President of Russia", "the Russian President", "National Security Advisor"
    COLLECTIVE = "collective"  # "Russian side", "the Japanese government"


@dataclass(frozen=True)
class NameForm:
    """A name prepared for comparison.

    ``text`` is the whole normalised string; ``tokens`` the name proper once titles, suffixes and
    middle initials are gone (for titles, labels and collectives it is the whole text).
    """

    text: str
    tokens: tuple[str, ...]
    kind: NameKind

    @property
    def core(self) -> tuple[str, ...]:
        """The tokens without particles: ``("sisi",)`` for "el-Sisi"."""
        return tuple(token for token in self.tokens if token not in PARTICLES)


def normalise_name(name: str) -> str:
    """Transliterate, case-fold and strip punctuation and ``the``: "H.E. Abdel Fattah Al-Sīsī" →
    ``"he abdel fattah al sisi"``."""
    text = anyascii(unicodedata.normalize("NFKC", name)).casefold()
    text = _APOSTROPHES_AND_DOTS.sub("", text)
    tokens = [token for token in _NON_ALNUM.sub(" ", text).split() if token != "the"]
    return " ".join(tokens)


@lru_cache(maxsize=8192)
def name_form(name: str) -> NameForm:
    """Normalise ``name`` and find its name proper and its kind."""
    text = normalise_name(name)
    tokens = text.split()
    if not tokens:
        return NameForm(text, (), NameKind.TITLE)
    if tokens[-1] in COLLECTIVE_WORDS:
        return NameForm(text, tuple(tokens), NameKind.COLLECTIVE)
    title_positions = [i for i, token in enumerate(tokens) if token in TITLE_WORDS]
    if title_positions:
        rest = tokens[title_positions[-1] + 1 :]
        # Nothing after the title ("the Russian President") or only its complement
        # ("President of Russia"): a title phrase, not a name.
        if not rest or rest[0] == "of":
            return NameForm(text, tuple(tokens), NameKind.TITLE)
        tokens = rest
    if "of" in tokens:  # "Naftali Bennett of Israel" → "Naftali Bennett"
        head = tokens[: tokens.index("of")]
        if head and not any(token in NON_PERSON_WORDS for token in head):
            tokens = head
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) >= 3:  # drop middle initials: "donald j trump" → "donald trump"
        tokens = [tokens[0], *(t for t in tokens[1:-1] if len(t) > 1), tokens[-1]]
    if any(token in NON_PERSON_WORDS for token in tokens):
        return NameForm(text, tuple(tokens), NameKind.LABEL)
    return NameForm(text, tuple(tokens), NameKind.PERSON)


def _skeleton(text: str) -> str:
    """A phonetic skeleton that merges frequent transliteration variants (y/i, kh/h, doubles)."""
    text = text.replace("kh", "h").replace("y", "i").replace("ou", "u").replace("ph", "f")
    return _DOUBLE_LETTER.sub(r"\1", text)


def _variants(a: str, b: str) -> bool:
    """True when two strings are transliteration variants of each other."""
    if _skeleton(a) == _skeleton(b):
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    return fuzz.ratio(_skeleton(a), _skeleton(b)) >= FUZZY_THRESHOLD


def _ends_with(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


def _is_surname_of(short: NameForm, full: NameForm) -> bool:
    """``short`` is ``full``'s surname alone (or, for East-Asian names, its family name)."""
    if len(short.core) != 1 or len(full.tokens) < 2:
        return False
    surname = short.core[0]
    last = full.tokens[-1]
    # "Salman" in "Mohammad bin Salman" is the father's name, not a surname.
    if full.tokens[-2] not in PATRONYMIC_PARTICLES and _variants(surname, last):
        return True
    return (
        surname in EAST_ASIAN_FAMILY_NAMES and len(full.tokens) <= 3 and full.tokens[0] == surname
    )


def _patronymic_prefix(short: NameForm, full: NameForm) -> bool:
    """``short`` is ``full`` without its family name, through a father's name ("Faisal bin
    Farhan" for "Faisal bin Farhan Al Saud", "Mohamed bin Zayed" for "Mohammed bin Zayed Al
    Nahyan"), each word a spelling variant."""
    n = len(short.tokens)
    if n < 3 or len(full.tokens) <= n or not PATRONYMIC_PARTICLES & set(short.tokens[1:-1]):
        return False
    return all(
        x == y or (x not in PARTICLES and _variants(x, y))
        for x, y in zip(short.tokens, full.tokens[:n], strict=True)
    )


def _initial_of(short: NameForm, full: NameForm) -> bool:
    """``short`` writes ``full``'s given name as its initial: "S. Jaishankar" for "Subrahmanyam
    Jaishankar" (the surname a spelling variant)."""
    if len(short.tokens) != 2 or len(full.tokens) < 2 or len(short.tokens[0]) != 1:
        return False
    given, surname = short.tokens
    return (
        full.tokens[0][:1] == given
        and len(full.tokens[0]) > 1
        and _variants(surname, full.tokens[-1])
    )


def _without_middle(short: NameForm, full: NameForm) -> bool:
    """``short`` is ``full``'s first and last name, its middle names left out ("Pravind
    Jugnauth" for "Pravind Kumar Jugnauth"); not a father's name ("Mohammed bin Salman")."""
    if len(short.tokens) != 2 or len(full.tokens) < 3 or PARTICLES & set(full.tokens):
        return False
    if full.tokens[0] in EAST_ASIAN_FAMILY_NAMES:
        return False  # "Kim Jong Un": a given name of two words, none of them a middle name
    return short.tokens[0] == full.tokens[0] and _variants(short.tokens[1], full.tokens[-1])


def _forms_match(a: NameForm, b: NameForm) -> bool:
    if not a.text or not b.text:
        return False
    if a.text == b.text:
        return True
    for longer, shorter in ((a, b), (b, a)):
        # A full name inside a longer phrase ("President of Russia Vladimir Putin") or a
        # compound surname alone ("Maye Quade" for "Erin Maye Quade").
        if (
            shorter.kind is NameKind.PERSON
            and len(shorter.tokens) >= 2
            and (
                _ends_with(tuple(longer.text.split()), shorter.tokens)
                or (longer.kind is NameKind.PERSON and _ends_with(longer.tokens, shorter.tokens))
            )
        ):
            return True
    if a.kind is not NameKind.PERSON or b.kind is not NameKind.PERSON:
        # Titles and collectives were compared whole above; labels compare whole as well.
        return a.kind is b.kind is NameKind.LABEL and a.tokens == b.tokens
    if a.tokens == b.tokens or (a.core and a.core == b.core):
        return True
    if len(a.core) >= 2 and sorted(a.core) == sorted(b.core):
        return True  # one name in either order: "Kamikawa Yoko" is "Yoko Kamikawa"
    if _patronymic_prefix(a, b) or _patronymic_prefix(b, a):
        return True
    if _is_surname_of(a, b) or _is_surname_of(b, a):
        return True
    if _initial_of(a, b) or _initial_of(b, a):
        return True
    if _without_middle(a, b) or _without_middle(b, a):
        return True
    if len(a.tokens) >= 2 and len(b.tokens) >= 2:
        return _variants(" ".join(a.tokens), " ".join(b.tokens))
    return len(a.tokens) == len(b.tokens) == 1 and _variants(a.tokens[0], b.tokens[0])


#: Length of the skeleton prefix a lookup key keeps: variants that differ later still meet.
KEY_LENGTH = 4


def _key(token: str) -> str:
    return _skeleton(token)[:KEY_LENGTH]


def match_keys(name: str) -> frozenset[str]:
    """Short lookup keys of ``name``: two names that :func:`same_name` matches share one (the
    skeleton of a surname, a family name written first or a label's last word), so a store can
    find the few candidates through an index and let :func:`same_name` decide.

    Only transliteration variants that differ in a surname's first letters ("Lavrov"/"Lawrow")
    may match without sharing a key.
    """
    form = name_form(name)
    words = form.text.split()
    if not words:
        return frozenset()
    keys = {_key(words[-1])}
    if form.tokens:
        keys.add(_key(form.tokens[-1]))
        if form.kind is NameKind.PERSON and form.tokens[0] in EAST_ASIAN_FAMILY_NAMES:
            keys.add(_key(form.tokens[0]))
    if form.core:
        keys.add(_key(form.core[-1]))
    if form.kind is NameKind.PERSON and len(form.core) == 2:
        keys.add(_key(form.core[0]))  # the same name in the other order
    if form.kind is NameKind.PERSON:
        # the father's name after "bin": "Mohamed bin Zayed" without "Al Nahyan"
        keys.update(
            _key(form.tokens[i + 1])
            for i, token in enumerate(form.tokens[:-1])
            if token in PATRONYMIC_PARTICLES
        )
    return frozenset(key for key in keys if key)


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` can name the same party under the rules in the module docstring.

    The relation is symmetric.
    """
    return _forms_match(name_form(a), name_form(b))


def names_match(predicted: str, acceptable: list[str]) -> bool:
    """True when ``predicted`` matches any of the ``acceptable`` gold names.

    >>> names_match("Sergei Lavrov", ["Sergey Lavrov"])
    True
    >>> names_match("Putin", ["Vladimir Medvedev"])
    False
    """
    if not predicted or not predicted.strip():
        return False
    return any(same_name(predicted, name) for name in acceptable if name)
