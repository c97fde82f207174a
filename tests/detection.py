"""One detector call for the layer tests: a page language against English, with a backend."""

from __future__ import annotations

from relnotes.detect import Decision, LanguageDetector

BACKENDS = ["langdetect", "lingua"]


def decide(lang: str, text: str, backend: str) -> Decision:
    """How ``text`` is decided on a page in ``lang`` (with English left in possible)."""
    return LanguageDetector([lang, "en"], backend=backend).decide_text(text)


def decided(lang: str, text: str, backend: str) -> tuple[str | None, str]:
    """The language and the layer that decided ``text`` on a page in ``lang``."""
    decision = decide(lang, text, backend)
    return decision.lang, decision.basis
