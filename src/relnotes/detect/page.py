"""Decisions for a whole document: each block with the page around it.

A text alone is decided by ``LanguageDetector``'s layers (``relnotes.detect``). The page
adds what a text alone cannot tell:

- ``context``: a short or uncertain ``text`` decision is combined with the blocks around it
  (``relnotes.detect.context``); a block read as English whose words every candidate
  writes as often (``Feedback`` in German) takes the language of the page there.
- ``context`` too: a lone word of the page taken for a command is the page's language among
  lone words written in it (``ja`` beside ``nein``: ``relnotes.detect.siblings``).
- ``names``: a short English block made of words the page's own prose keeps in English is
  a name there (``Choices``, a field: ``relnotes.detect.literals``).
- ``convention``: a page whose translated paragraphs end with English credits keeps them
  on purpose; there the credits alone have no language to find.
"""

from __future__ import annotations

from collections.abc import Mapping

from relnotes.detect.context import contexts_of
from relnotes.detect.decision import CODE, CONFIDENT, ENGLISH, NEUTRAL, Decision, normalised, top
from relnotes.detect.frequency import international
from relnotes.detect.literals import NAME_WORDS, is_sentence, kept_in, page_own, word_set
from relnotes.detect.mask import words as natural_words
from relnotes.detect.siblings import among_words, is_lone_word
from relnotes.detect.words import CREDIT, REFERENCE, credit_only
from relnotes.model import Document

SHORT_WORDS = 3  # fewer natural words than this is a short block
# A page keeps its credits in English on purpose when at least this many of its translated
# paragraphs end with an English credit, and more than twice as many as with a translated one.
KEPT_CREDITS = 3


class PageDecisions:
    """The document half of ``LanguageDetector``: it decides texts, this decides pages."""

    languages: list[str]
    _credits: dict[str, bool]
    _shortness: dict[str, bool]
    _in_context: dict[tuple[str, str], Decision]
    _kept: dict[str, frozenset[str]]  # the names each text of the page's language keeps
    _natural_words: dict[str, list[str]]
    _raw_words: dict[str, frozenset[str]]

    def decide_text(self, text: str) -> Decision:
        raise NotImplementedError

    def probabilities(self, text: str) -> dict[str, float]:
        raise NotImplementedError

    def _masked(self, text: str) -> str:
        raise NotImplementedError

    def _page_word(self, word: str) -> bool:
        raise NotImplementedError

    def decide(self, document: Document) -> list[Decision]:
        """One decision per placement, in document order (code blocks get ``CODE``)."""
        placements = list(document.placements())
        contexts = contexts_of(document, placements)
        by_text: dict[str, Decision] = {}
        for placement in placements:
            block = placement.block
            if block.kind.translatable and block.text not in by_text:
                by_text[block.text] = self._decide_with_context(block.text, contexts[block.text])
        page = [language for language in self.languages if language != ENGLISH]
        if len(page) == 1:
            self._lone_words(by_text, contexts, page[0])
            self._names_kept(by_text, page[0])
        decisions = [by_text[p.block.text] if p.block.kind.translatable else CODE for p in placements]
        credits = {text for text, d in by_text.items() if d.lang == ENGLISH and self._credit(text)}
        if credits and self._keeps_credits(by_text):
            kept = Decision(NEUTRAL, 1.0, "convention")
            decisions = [
                kept if placement.block.text in credits else d
                for placement, d in zip(placements, decisions, strict=True)
            ]
        return decisions

    def _lone_words(self, by_text: dict[str, Decision], contexts: Mapping[str, list[str]], page: str) -> None:
        """Decide again the lone words of the page taken for commands that sit among words of
        the page (``relnotes.detect.siblings``): ``ja`` beside ``nein`` in a table."""
        candidates = {
            text: contexts[text]
            for text, decision in by_text.items()
            if decision.basis == "neutral" and is_lone_word(text) and self._page_word(text.strip())
        }
        native = {text for text, decision in by_text.items() if decision.lang == page and is_lone_word(text)}
        for text in among_words(candidates, native):
            by_text[text] = Decision(page, 1.0, "context")

    def _names_kept(self, by_text: dict[str, Decision], page: str) -> None:
        """Decide again, as names, short English blocks made of words the page's prose keeps
        in English (``relnotes.detect.literals``): ``Choices`` is a field there, and ``Champ
        Choices`` French."""
        names: set[str] = set()
        for text, decision in by_text.items():
            if decision.lang == page:
                kept = self._kept.get(text)
                if kept is None:
                    kept = self._kept[text] = kept_in(text, page)
                names |= kept
        if not names:
            return
        for text, decision in by_text.items():
            if decision.lang != ENGLISH or decision.basis in ("override", "credit"):
                continue
            raw = self._raw_words.get(text)
            if raw is None:
                raw = self._raw_words[text] = word_set(text)
            if raw.isdisjoint(names):
                continue
            words = self._natural(text)
            left = [word for word in words if word not in names]
            if len(words) > NAME_WORDS or is_sentence(text) or len(left) == len(words):
                continue
            if not left:
                by_text[text] = Decision(NEUTRAL, 1.0, "names")
            elif all(page_own(word, page) for word in left):
                by_text[text] = Decision(page, 1.0, "names")

    def _natural(self, text: str) -> list[str]:
        words = self._natural_words.get(text)
        if words is None:
            words = self._natural_words[text] = natural_words(text)
        return words

    def _credit(self, text: str) -> bool:
        """A credit and nothing else, whichever layer decided it (it may be recorded)."""
        credit = self._credits.get(text)
        if credit is None:
            credit = self._credits[text] = CREDIT.search(text) is not None and credit_only(text, self._masked(text))
        return credit

    def _keeps_credits(self, by_text: Mapping[str, Decision]) -> bool:
        """Whether the page leaves its credits in English on purpose (``convention``).

        The page's translated paragraphs tell: where they end with the English credit of
        their original, ``… 추가되었습니다. (Contributed by Jane Doe in bpo-1.)``, the team keeps
        credits; where with a translated one, ``… (Contribuição de Jane Doe em gh-1.)``, it
        translates them, and an English credit alone is simply not translated yet.
        """
        kept = translated = 0
        for text, decision in by_text.items():
            if decision.lang in (ENGLISH, NEUTRAL, None):
                continue
            tail = REFERENCE.search(text)
            if tail is not None:
                if CREDIT.search(tail.group(0)):
                    kept += 1
                else:
                    translated += 1
        return kept >= KEPT_CREDITS and kept > 2 * translated

    def _decide_with_context(self, text: str, context: list[str]) -> Decision:
        own = self.decide_text(text)
        if own.basis != "text" or not context:
            return own
        if own.confidence >= CONFIDENT and not self._short(text):
            return own
        key = (text, "\n".join(context))
        decision = self._in_context.get(key)
        if decision is None:
            decision = self._in_context[key] = self._combine(own, text, key[1])
        return decision

    def _short(self, text: str) -> bool:
        short = self._shortness.get(text)
        if short is None:
            short = self._shortness[text] = len(self._natural(text)) < SHORT_WORDS
        return short

    def _combine(self, own: Decision, text: str, context: str) -> Decision:
        mine = self.probabilities(text)
        around = self.probabilities(context)
        shared = own.lang == ENGLISH and international(self._masked(text), self.languages, ENGLISH)
        if shared:
            # Words every candidate writes as often ("Feedback" in German): the backend's
            # certainty that they are English is about letters, not language; the page around
            # says which it is. (Read as the page's language, they stay so: a native block
            # queued for translation is the mistake this prevents.)
            combined = normalised({lang: around.get(lang, 0.0) for lang in self.languages})
        else:
            combined = normalised({lang: mine.get(lang, 0.0) * around.get(lang, 0.0) for lang in self.languages})
        if not combined:
            return own  # the context says nothing (names only) or nothing the block allows
        if own.confidence >= CONFIDENT and not shared:
            # The block is sure of itself; context only tells how sure we may be.
            return Decision(own.lang, round(combined.get(own.lang or "", 0.0), 4), "context")
        lang, confidence = top(combined)
        return Decision(lang, round(confidence, 4), "context")
