"""Which words cue a statement: the statement verbs, the phrases and the nouns of ``cues.yaml``,
each in the construction that makes it one ("called for", not "called on X to ..." without "to";
"extended congratulations"; "welcomed President X" is a meeting act, "thanked X" still a claim)."""

from __future__ import annotations

from spacy.tokens import Token

from sidelines.extract.statement_content import subject_is_own
from sidelines.kb import KnowledgeBase
from sidelines.kb.loader import load_lexicon

#: the words around statement cues: the ``statements`` section of ``kb/data/cues.yaml``
_WORDS = load_lexicon().statements
_EXTEND_OBJECTS = _WORDS.extend_objects
_GIVE_OBJECTS = _WORDS.give_objects
_BY_DOING = _WORDS.by_doing


class StatementCues:
    """The cue tables of a knowledge base, and the test of a token against them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.verbs: dict[str, dict[str, object]] = dict(kb.cues.get("statement_verbs", {}))
        self.need_particle: dict[str, list[str]] = dict(
            kb.cues.get("statement_verbs_need_particle", {})
        )
        self.nouns = frozenset(kb.cues.get("statement_nouns", []))
        self.phrases: list[tuple[str, ...]] = sorted(
            (tuple(p.split()) for p in kb.cues.get("statement_phrases", {})), key=len, reverse=True
        )

    def phrase_end(self, token: Token) -> int | None:
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

    def is_cue(self, token: Token) -> bool:
        if self.phrase_end(token) is not None and token.dep_ not in {"amod", "acl", "relcl"}:
            return True
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in self.verbs:
            return False
        if (
            token.dep_ in {"amod", "acl", "relcl", "pcomp"}
            and not subject_is_own(token)
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
        # a verb that needs its object has it as the subject of an impersonal passive too
        # ("Mutual interest in ... was expressed")
        deps = {c.dep_ for c in kids}
        impersonal = "nsubjpass" in deps and "agent" not in deps
        return (
            not (info.get("object") and dobj is None and not (deps & {"ccomp", "prep", "xcomp"}))
            or impersonal
        )
