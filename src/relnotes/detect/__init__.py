"""Decide, for every translatable block, which of the project's languages it is written in.

The question is binary (the page's language, or the source language still left in). The
statistical backend alone misreads real documents: a Korean sentence full of identifiers,
a Portuguese one full of English terms, a product name, an English label in a German page,
a heading of one word. So a decision is taken in layers, cheapest and surest first, and
says which one decided:

1. ``override``: a person pinned the text's language.
2. ``credit``: a credit and nothing else is English.
3. ``neutral``: no language at all once technical tokens, glossary terms and credits are
   masked: a name, a version, a command, a list of people (``zxx``).
4. ``script``: the page's language is written in a script the others do not use (Hangul,
   kana, Han, Cyrillic): a fair share of it proves the language, none of it rules it out.
5. ``words``: the function words and documentation labels the block is built with, and for
   a short block how often each language writes its words (``relnotes.detect.frequency``).
6. ``text``: the backend (langdetect, or lingua), restricted to what is still possible.
7. ``context``, ``names``, ``convention``: what the page around a block tells
   (``relnotes.detect.page``): the neighbouring blocks, the names its prose keeps in English,
   the way it treats credits.

A credit alone, ``(Contributed by Jane Doe in gh-51234.)``, is queued like any English text:
most teams translate credits, except on a page that keeps them (``convention``). Beside a
translated sentence a credit is discounted, whatever the page does with its credits alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from relnotes.detect.backends import BACKENDS, Backend, LangdetectBackend, LinguaBackend
from relnotes.detect.context import HEADING_NEIGHBOURS, MAX_CONTEXT, NEIGHBOURS
from relnotes.detect.context import contexts_of as _contexts  # the name tests and benchmarks know
from relnotes.detect.decision import CODE, CONFIDENT, ENGLISH, LOW, NEUTRAL, Decision, normalised, top
from relnotes.detect.frequency import by_frequency, international, specific_to_any, unknown, zipf
from relnotes.detect.gloss import gloss_of
from relnotes.detect.glossary import Glossary
from relnotes.detect.mask import CAPITAL_WORD, WORD, has_tokens, mask
from relnotes.detect.names import (
    is_bare_name,
    is_command,
    is_command_list,
    is_name_list,
    is_name_only,
    pair_conjunction,
)
from relnotes.detect.page import KEPT_CREDITS, SHORT_WORDS, PageDecisions
from relnotes.detect.script import by_script
from relnotes.detect.words import CREDIT, by_words, covers, credit_only, has_known_words, only_shared, owners, reordered

__all__ = [
    "BACKENDS",
    "CODE",
    "CONFIDENT",
    "HEADING_NEIGHBOURS",
    "KEPT_CREDITS",
    "LOW",
    "MAX_CONTEXT",
    "NEIGHBOURS",
    "NEUTRAL",
    "RULES",
    "SHORT_WORDS",
    "Backend",
    "Decision",
    "LangdetectBackend",
    "LanguageDetector",
    "LinguaBackend",
    "_contexts",
]

_NATURAL = WORD  # a natural word of an already masked text (one ideograph is a word)
# Asides: parentheses, and quotes around a title, a label or a term ("Lesen Sie … Kapitel 7
# »Declaring relationships between packages«"): a citation, not what the sentence is built in.
_ASIDES = re.compile(r"\([^()]*\)|«[^«»]*»|»[^«»]*«|„[^„“”]*[“”]|“[^“”]*”|\"[^\"]*\"")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}")
# Words a language builds with affixes more than its word table can list: Indonesian verbs
# and nouns (meng-konfigurasi, peng-install, ber-jalan, di-hapus; -kan, -an), which wordfreq's
# table of 31,000 Indonesian words mostly lacks.
_AFFIXED = {"id": re.compile(r"(?:meng|meny|mem|men|me|peng|peny|pem|pen|per|pe|ber|ter|di)[a-z-]{5,}")}
_CONJUNCTION = re.compile(r"(?<![\w.])[^\W\d_A-ZА-Я](?![\w.])")  # a lowercase letter standing alone: e, y, и
LABEL_WORD = 3.5  # Zipf: an uppercase word opening a block this common in English is a label (ALTERNATIVE)
# Blocks of at most this many words (once masked) are decided by word frequencies; unlike
# SHORT_WORDS (which counts the raw text's words for the context), uppercase labels count.
FREQUENT_WORDS = 4
RULES = "layers-17"  # recorded with decisions: a template decided under other rules is redone


class LanguageDetector(PageDecisions):
    """Decisions for whole documents, cached: backend answers by text, decisions by text and context."""

    def __init__(
        self,
        languages: Sequence[str],
        backend: str | Backend = "langdetect",
        overrides: Mapping[str, str] | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.languages = list(dict.fromkeys(languages))
        if isinstance(backend, str):
            backend = BACKENDS[backend](self.languages) if len(self.languages) > 1 else None
        self.backend = backend
        self.overrides = dict(overrides or {})
        self.glossary = glossary or Glossary()
        self.cache: dict[str, dict[str, float]] = {}  # backend answers by raw text
        self._by_masked: dict[str, dict[str, float]] = {}
        self._credits: dict[str, bool] = {}
        self._own: dict[str, Decision] = {}
        self._shortness: dict[str, bool] = {}
        self._in_context: dict[tuple[str, str], Decision] = {}
        self._kept: dict[str, frozenset[str]] = {}
        self._natural_words: dict[str, list[str]] = {}
        self._raw_words: dict[str, frozenset[str]] = {}
        self.hits = self.misses = 0
        self._words: dict[tuple[str, bool], bool] = {}

    def _page_word(self, word: str) -> bool:
        """A word one of the page languages writes much more than the others: not a name."""
        others = [language for language in self.languages if language != ENGLISH]
        lower = word.lower()
        return bool(others) and (
            specific_to_any(lower, others)
            or any(_AFFIXED[lang].fullmatch(lower) for lang in others if lang in _AFFIXED)
        )

    def _named(self, text: str, masked: str) -> str:
        """The text as a name's parts: uppercase words too ("IBM POWER"), unless one is a label."""
        if self._labelled(text) or not _CAPITAL.search(text):
            return masked
        return mask(CREDIT.sub(" ", text), self.glossary)

    def _labelled(self, text: str) -> bool:
        """Whether the block opens with an uppercase word of a candidate: a label (``NOTE``, ``CULTURA``)."""
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        rest = text.split(maxsplit=1)[1:]
        return (
            len(first) >= CAPITAL_WORD
            and first.isalpha()
            and first.isupper()
            and bool(rest)
            and self._is_word(first, True)
        )

    def _is_word(self, capitals: str, label: bool) -> bool:
        """An uppercase word that is a word of a candidate, not an acronym.

        Listed words (``NOTE``, ``HINWEIS``) and words of a page language (``CULTURA``) are
        words anywhere; any other word English writes often is one only where it opens the
        block as its label (``CULTURE RTFM``): alone, ``SWAP`` or ``COPY`` is an opcode, and in
        ``IBM POWER`` it is part of a name.
        """
        key = (capitals, label)
        known = self._words.get(key)
        if known is None:
            lower = capitals.lower()
            others = [language for language in self.languages if language != ENGLISH]
            known = self._words[key] = (
                lower in owners(tuple(self.languages))
                or specific_to_any(lower, others)
                or (label and (specific_to_any(lower, self.languages) or zipf(lower, ENGLISH) >= LABEL_WORD))
            )
        return known

    def probabilities(self, text: str) -> dict[str, float]:
        """Backend answer for a raw text (masked here), cached by it: masking is not free either."""
        cached = self.cache.get(text)
        if cached is not None:
            self.hits += 1
            return cached
        result = self.cache[text] = self._backend(self._masked(text))
        return result

    def _masked(self, text: str) -> str:
        return mask(CREDIT.sub(" ", text), self.glossary, self._is_word)

    def _backend(self, masked: str) -> dict[str, float]:
        """Backend answer for an already masked text, cached apart from raw texts: masking is
        not idempotent ("CULTURE RTFM" masks to "CULTURE", which alone masks to nothing)."""
        cached = self._by_masked.get(masked)
        if cached is not None:
            self.hits += 1
        else:
            self.misses += 1  # a question the backend answers
            found = self.backend.probabilities(masked) if self.backend else {self.languages[0]: 1.0}
            cached = self._by_masked[masked] = normalised({k: v for k, v in found.items() if k in self.languages})
        return cached

    def remember(self, decisions: Iterable[tuple[str, Decision]]) -> None:
        """Seed the cache with decisions recorded earlier (the template's extracted comments).

        ``update`` passes only decisions a text made on its own, and only when the template
        was decided by the same backend, languages, rules (``RULES``) and glossary: they are
        what deciding again would give, so they are final (``recorded``), context included.
        """
        for text, decision in decisions:
            basis = decision.basis if decision.basis == "neutral" else "recorded"
            self._own[text] = Decision(decision.lang, decision.confidence, basis)

    def decide_text(self, text: str) -> Decision:
        """A decision from the text alone (for a msgstr, which has no context)."""
        if text in self.overrides:
            return Decision(self.overrides[text], 1.0, "override")
        if len(self.languages) == 1:
            # An original in the source language: every block is in it, but a command, a path,
            # a product and version line has no language, and no catalog should queue it.
            neutral = self._own.get(text)
            if neutral is None:
                neutral = self._own[text] = self._neutral(text) or Decision(self.languages[0], 1.0, "single")
            return neutral
        decision = self._own.get(text)
        if decision is None:
            decision = self._own[text] = self._layers(text)
        return decision

    def _neutral(self, text: str) -> Decision | None:
        """No language at all: nothing natural once tokens are masked, people, a command, a name and version."""
        masked = self._masked(text)
        if credit_only(text, masked):
            return None
        if self._plainly_neutral(text, masked) or (
            has_tokens(text) and is_name_only(text, self._named(text, masked), True, self._page_word)
        ):
            return Decision(NEUTRAL, 1.0, "neutral")
        return None

    def _plainly_neutral(self, text: str, masked: str) -> bool:
        """Nothing natural left once tokens and credits are masked (a credit alone aside), people, a lone command."""
        if not _NATURAL.search(masked):
            return not credit_only(text, masked)
        return (
            is_name_list(self.glossary.blank(text), self._page_word)
            or is_command(text, self._page_word)
            or is_command_list(text)
        )

    def _layers(self, text: str) -> Decision:
        """Credit, neutral, script, words (lists, then frequencies for a short block), names,
        then the backend: the first layer that is sure decides."""
        masked = self._masked(text)
        if credit_only(text, masked) and ENGLISH in self.languages:
            return Decision(ENGLISH, 1.0, "credit")
        if self._plainly_neutral(text, masked):
            # "RAID e LVM", "DHCP y DNS", "DHCP и DNS", "Marvell Kirkwood e Orion": the
            # conjunction (not the letters of "B.A.-BA", nor a lone "a" in a table, which names
            # a package or a variable); an English one joins names in any page.
            conjunctions = (
                " ".join(_CONJUNCTION.findall(masked)) if not _NATURAL.search(masked) else pair_conjunction(text)
            )
            if conjunctions and len(text.split()) > 1:
                proven, _ = by_script(conjunctions, self.languages)
                if proven is not None:
                    return Decision(proven, 1.0, "script")
                lang = by_words(conjunctions, self.languages)[0] if covers(self.languages) else None
                if lang is not None and lang != ENGLISH:
                    return Decision(lang, 1.0, "words")
            return Decision(NEUTRAL, 1.0, "neutral")
        gloss = gloss_of(text)
        if gloss is not None:
            return self.decide_text(gloss)  # "ssh-server (SSH-Server)": only the gloss was written
        proven, allowed = by_script(masked, self.languages)
        if proven is not None:
            return Decision(proven, 1.0, "script")
        allowed = allowed or list(self.languages)  # only punctuation no candidate writes: rule none out
        outside = _ASIDES.sub(" ", masked)
        if _NATURAL.search(outside) and not is_command(outside.strip(" .:")):
            # A gloss, "Compilador AOT (ahead-of-time)", or a quoted title is not what the block
            # is built in; but after a lone name, "aifc. (Contribuição de …)", the parentheses
            # are all the prose.
            masked = outside
        known = covers(allowed) and has_known_words(masked, allowed)
        # Uppercase words count as a name's parts ("IBM POWER"), unless one opens the block as
        # its label ("CULTURA RTFM", "BACK TO BASICS SMTP").
        if not known and is_name_only(text, self._named(text, masked), has_tokens(text), self._page_word):
            return Decision(NEUTRAL, 1.0, "neutral")
        if len(allowed) > 1 and only_shared(masked, allowed) and has_tokens(text):
            return Decision(NEUTRAL, 1.0, "neutral")  # "Py_DebugFlag: use PyConfig.parser_debug" on a pt page
        if len(allowed) == 1:
            if allowed[0] == ENGLISH and not known and is_bare_name(text, masked):
                return Decision(NEUTRAL, 1.0, "neutral")  # "Mark Shannon" on a Japanese page
            return Decision(allowed[0], 1.0, "script")
        order = reordered(self.glossary.blank(text).strip(), allowed)
        if order is not None:
            return Decision(order, 1.0, "words")  # "Server XMPP", "XMPP-Server": not how English names it
        short = len(_NATURAL.findall(masked)) <= FREQUENT_WORDS
        listed, confidence = by_words(masked, allowed) if known else (None, 0.0)
        if listed is not None and (listed != ENGLISH or confidence >= CONFIDENT):
            return Decision(listed, round(confidence, 4), "words")  # "locate y updatedb", "Known Issues"
        # In a short block, how often each language writes every word outweighs one English
        # function word, often a command: "Menggunakan Perintah at" is Indonesian.
        frequent = by_frequency(masked, allowed, ENGLISH) if short else None
        if frequent is not None:
            return Decision(frequent, 1.0, "words")
        if listed is not None:
            return Decision(listed, round(confidence, 4), "words")
        if (
            short
            and not known
            and is_bare_name(text, masked)
            and (international(masked, allowed, ENGLISH) or unknown(masked, allowed))
        ):
            return Decision(NEUTRAL, 1.0, "neutral")  # "Thunderbird", "Devuan" on a German page
        probs = self._backend(masked)
        lang, confidence = top({k: v for k, v in probs.items() if k in allowed} or probs)
        if lang == ENGLISH and not known and is_bare_name(text, masked):
            # Read as English but with no English ending or function word: "Cockpit", "Brandt Bucher".
            return Decision(NEUTRAL, 1.0, "neutral")
        return Decision(lang, round(confidence, 4), "text")
