"""The statistical backends: n-gram language identifiers restricted to the project's languages.

They are the last word only on what script and function words leave open (see ``decide``);
langdetect is the default, lingua the optional extra.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

from relnotes.errors import CatalogError


class Backend(Protocol):
    """A language identifier restricted to the project's languages."""

    name: str

    def probabilities(self, text: str) -> dict[str, float]:
        """ISO 639-1 code -> probability, over the project's languages only."""
        ...


LONG_TEXT = 200  # characters
# langdetect names some profiles otherwise: Chinese is simplified, Norwegian is one profile.
_PROFILES = {"zh": "zh-cn", "nb": "no", "nn": "no"}


@cache
def _langdetect_factory(languages: tuple[str, ...], seed: int) -> tuple[Any, dict[str, str]]:
    """The profiles, parsed once per process: every detector of the same languages shares them.

    A factory is not changed once loaded (each detector it creates reseeds from ``seed``),
    so sharing it keeps decisions deterministic; parsing the JSON profiles was half the
    cost of a fresh detector deciding a chapter.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    to_iso: dict[str, str] = {}
    profiles = []
    for language in languages:
        profile = _PROFILES.get(language, language)
        if profile in to_iso:
            continue  # Bokmål and Nynorsk share langdetect's one Norwegian profile
        path = os.path.join(PROFILES_DIRECTORY, profile)
        if not os.path.exists(path):
            # A configuration problem, said in one line by the CLI, not a traceback.
            raise CatalogError(
                "relnotes.toml",
                f'langdetect has no profile for {language!r}: set detector = "lingua" in relnotes.toml '
                "or remove the language",
            )
        with open(path, encoding="utf-8") as handle:
            profiles.append(handle.read())
        to_iso[profile] = language
    factory.load_json_profile(profiles)
    factory.set_seed(seed)
    return factory, to_iso


class LangdetectBackend:
    """langdetect with only the needed profiles loaded and a fixed seed (deterministic)."""

    name = "langdetect"

    def __init__(self, languages: Sequence[str], seed: int = 0) -> None:
        self._factory, self._to_iso = _langdetect_factory(tuple(languages), seed)

    def probabilities(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        # langdetect samples random n-grams in 7 trials over up to 10,000 characters: for a
        # long text (a context, a paragraph) 3 trials over its first 2,000 characters give
        # the same answer at a fraction of the cost; short texts keep all 7 trials.
        detector.set_max_text_length(LONG_TEXT * 10)
        if len(text) > LONG_TEXT:
            detector.n_trial = 3
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return {}
        return {self._to_iso[p.lang]: p.prob for p in found}


class LinguaBackend:
    """lingua-language-detector, the optional extra: better on short text, a larger install."""

    name = "lingua"

    def __init__(self, languages: Sequence[str]) -> None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        chosen = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in languages]
        self._detector = LanguageDetectorBuilder.from_languages(*chosen).build()

    def probabilities(self, text: str) -> dict[str, float]:
        values = self._detector.compute_language_confidence_values(text)
        return {v.language.iso_code_639_1.name.lower(): v.value for v in values if v.value > 0}


BACKENDS = {"langdetect": LangdetectBackend, "lingua": LinguaBackend}
