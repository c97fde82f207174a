"""Is this the right edition? Refusals before anything is written.

Two mistakes are easy to make and costly to undo: importing an edition of another book
(every pair would be a guess) and importing an edition under the wrong ``--locale`` (the
German edition's text in the Brazilian catalog would be published as Portuguese). Both
show in what import computes anyway: an edition of this original shares most of its
structure and tokens (editions of one book pair 95% or more of their blocks, and share
most tokens; another book pairs almost none: 0% on the Debian dev books, under 20% of the
tokens), and an edition's translated blocks read as its language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from relnotes.catalog.align import Alignment
from relnotes.detect.backends import LangdetectBackend
from relnotes.detect.mask import mask, words
from relnotes.errors import SourceError
from relnotes.locales import LocaleId

PAIRED = 0.10  # under this share of blocks in final pairs...
SHARED = 0.30  # ...and this share of tokens shared, it is another book
SAMPLE = 24  # translated blocks read to tell the edition's language (each cut to READ characters)
READ = 400
SAMPLE_WORDS = 8  # a sampled block has at least this many words: short ones read as anything
FOREIGN = 0.5  # the share of the sample one other language must take to refuse...
OWN = 0.3  # ...while the asked language takes under this share
# Languages a documentation edition is commonly written in, besides the project's own
# (langdetect profile names); loading every profile would cost a second per import.
COMMON = [
    "ar",
    "bg",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "nl",
    "no",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sv",
    "th",
    "tr",
    "uk",
    "vi",
    "zh-cn",
    "zh-tw",
]


def refuse_other_book(alignment: Alignment, edition: Path, master: Path) -> None:
    """An edition that pairs almost nothing and shares few tokens is of another book: exit 2, say how little."""
    if alignment.paired_share >= PAIRED or alignment.token_share >= SHARED:
        return
    raise SourceError(
        str(edition),
        f"not an edition of {master.name}: only {alignment.paired_share:.0%} of its blocks pair with the "
        f"original's and {alignment.token_share:.0%} of their technical tokens are shared; "
        "pass --master NAME to choose its original",
    )


def _profiled(language: str) -> bool:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return (Path(PROFILES_DIRECTORY) / {"zh": "zh-cn", "nb": "no", "nn": "no"}.get(language, language)).is_file()


def _sample(texts: Sequence[str]) -> list[str]:
    """Up to ``SAMPLE`` texts long enough to read, spread over the whole edition."""
    step = max(len(texts) // (SAMPLE * 4), 1)  # masking every text would cost more than reading the sample
    long = [masked[:READ] for text in texts[::step] if len(words(masked := mask(text))) >= SAMPLE_WORDS]
    return long[:: max(len(long) // SAMPLE, 1)][:SAMPLE]


def refuse_other_language(
    translations: Sequence[str], edition: Path, locale: LocaleId, languages: Sequence[str]
) -> None:
    """Translated blocks that read as another language than ``--locale``: exit 2, say which."""
    sample = _sample(translations)
    if len(sample) < 5:
        return  # too little text to tell
    own = locale.language
    backend = LangdetectBackend([lang for lang in dict.fromkeys([own, *languages, *COMMON]) if _profiled(lang)])
    seen: Counter[str] = Counter()
    for text in sample:
        probabilities = backend.probabilities(text)
        if probabilities:
            seen[max(sorted(probabilities), key=probabilities.get).split("-")[0]] += 1
    if not seen:
        return
    other, count = max(((lang, n) for lang, n in seen.items() if lang != own), key=lambda x: x[1], default=("", 0))
    if seen[own] < OWN * len(sample) and count >= FOREIGN * len(sample):
        name = LocaleId.parse(other).display_name(LocaleId("en", None))
        raise SourceError(
            str(edition),
            f"its translated blocks read as {name} ({other}: {count} of {len(sample)} sampled), not as {locale}; "
            f"pass the --locale of its language",
        )
