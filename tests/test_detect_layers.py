"""The decision layers, one test per kind of block the backend alone got wrong on real pages.

Each case comes from the issue's list (real release notes, What's New pages, handbook
editions); each asserts the language and the layer that decided it, for both backends.
"""

from __future__ import annotations

import pytest

from relnotes.detect import NEUTRAL, Decision, LanguageDetector
from relnotes.detect.glossary import Glossary, load_glossary, parse_glossary
from relnotes.detect.mask import mask, technical_tokens
from relnotes.model import Block, BlockKind, Document, Group, Item, Section
from tests.conftest import po_path, run_cli, translate
from tests.detection import BACKENDS, decide, decided


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("ko", "창 크기 조절 옵션이 추가되었습니다. (Contributed by Jane Doe in 51234.)"),
        ("ja", "(Jane Doe の貢献による 51234)"),
        ("ja", "(Yash Aggarwal, Keller Fuchs, Serhiy Storchaka の貢献による bpo-37128)"),
    ],
)
def test_translated_sentence_with_an_english_credit_is_in_the_page_language(lang, text, backend):
    assert decided(lang, text, backend) == (lang, "script")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("ko", "대상 정책(targeted policy)이 기본으로 사용됩니다."),
        ("ko", "idlelib 및 IDLE"),
        ("ja", "SELinux が enforcing モードの場合、sshd サービスが起動しません。"),
        ("zh", "当 SELinux 处于 enforcing 模式时，sshd 服务无法启动。"),
        ("ru", "Служба sshd не запускается, если SELinux работает в режиме enforcing."),
    ],
)
def test_page_script_with_latin_terms_is_the_page_language(lang, text, backend):
    decision = decide(lang, text, backend)
    assert (decision.lang, decision.basis, decision.confidence) == (lang, "script", 1.0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_latin_only_block_in_a_non_latin_page_cannot_be_the_page_language(backend):
    decision = decide("ko", "Support for the old build system has been removed.", backend)
    assert (decision.lang, decision.basis) == ("en", "script")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "text",
    [
        "threading.Timer.cancel: use o atributo threading.Timer.finished.",
        "Interface de tupla ModuleSpec.",
        "O método os.getcwdu() foi removido; use Py_AUDIT_READ e PyConfig.",
    ],
)
def test_portuguese_with_english_identifiers_is_portuguese_by_its_words(text, backend):
    decision = decide("pt", text, backend)
    assert (decision.lang, decision.basis) == ("pt", "words")


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_english_gloss_in_parentheses_does_not_make_the_block_english(backend):
    assert decide("pt", "Compilador AOT (ahead-of-time)", backend).lang == "pt"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "sshd"),
        ("pt", "Red Hat Enterprise Linux 8"),
        ("pt", "IBM POWER (ppc64le)"),
        ("de", "trixie 13.2"),
        ("pt", "Ana Souza, Bruno Lima, Carla Mendes e Diego Rocha"),
        ("ja", "Jane Doe, John Smith, Taro Yamada"),
        ("ko", "Rocky Linux 9.4"),
        ("es", "asynchat, asyncore, smtpd"),  # lowercase modules in a list
    ],
)
def test_names_versions_commands_and_lists_of_modules_have_no_language(lang, text, backend):
    assert decide(lang, text, backend) == Decision(NEUTRAL, 1.0, "neutral")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["pt", "fr", "ja", "ko"])
@pytest.mark.parametrize(
    "text",
    [
        "(Contributed by Jane Doe in gh-51234.)",
        "(Originally contributed by Jane Doe in bpo-1234, with fixes by John Smith.)",
        "Patch by Jane Doe.",
    ],
)
def test_a_credit_alone_is_english_left_in(lang, text, backend):
    """Most teams translate credits ("Contribuição de …"): one left in English is queued."""
    assert decide(lang, text, backend) == Decision("en", 1.0, "credit")


def test_a_credit_alone_in_an_english_original_is_english_not_neutral():
    assert LanguageDetector(["en"]).decide_text("(Contributed by Jane Doe in gh-51234.)").lang == "en"


def test_a_credit_goes_on_in_korean_after_the_names():
    text = "(Contributed by Victor Stinner in bpo-35134, Eric Snow가 파이썬 3.7에서 시작한 작업.)"
    assert decided("ko", text, "langdetect") == ("ko", "script")


def _credits_page(lang: str, translated: list[str], credits: list[str]) -> Document:
    blocks = tuple(Block(BlockKind.PARAGRAPH, t, n) for n, t in enumerate([*translated, *credits], 1))
    return Document("page", lang, (Section(None, Block(BlockKind.HEADING, "Novidades", 0), blocks=blocks),))


_CREDITS = [f"(Contributed by Jane Doe in gh-{n}.)" for n in (101, 102, 103)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_whose_translated_paragraphs_keep_english_credits_keeps_the_credits_alone_too(backend):
    translated = [f"창 크기 조절 옵션이 추가되었습니다. (Contributed by Jane Doe in bpo-{n}.)" for n in (1, 2, 3)]
    decisions = LanguageDetector(["ko", "en"], backend=backend).decide(_credits_page("ko", translated, _CREDITS))
    assert [d.lang for d in decisions[1:4]] == ["ko"] * 3
    assert decisions[4:] == [Decision(NEUTRAL, 1.0, "convention")] * 3


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_that_translates_its_credits_queues_an_english_one(backend):
    translated = [
        "Uma opção para redimensionar a janela foi adicionada. (Contribuição de Jane Doe em gh-1.)",
        "O módulo agora aceita caminhos relativos. (Contribuição de John Smith em gh-2.)",
        "A função foi removida. (Contributed by Jane Doe in gh-3.)",
        "A classe foi renomeada. (Contributed by Jane Doe in gh-4.)",
        "O padrão mudou para UTF-8. (Contributed by Jane Doe in gh-5.)",
    ]
    decisions = LanguageDetector(["pt", "en"], backend=backend).decide(_credits_page("pt", translated, _CREDITS))
    assert [d.lang for d in decisions[1:6]] == ["pt"] * 5  # three English tails against two translated: not kept
    assert decisions[6:] == [Decision("en", 1.0, "credit")] * 3


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, expected",
    [("pt", (NEUTRAL, "neutral")), ("es", (NEUTRAL, "neutral")), ("fr", ("en", "words")), ("ja", ("en", "script"))],
)
@pytest.mark.parametrize(
    "text", ["Py_DebugFlag: use PyConfig.parser_debug", "utcnow: use datetime.datetime.now(tz=datetime.UTC)."]
)
def test_use_between_identifiers_reads_the_same_in_portuguese_and_spanish_but_is_english_elsewhere(
    lang, expected, text, backend
):
    assert decided(lang, text, backend) == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("pt", "x86 Architectures", "en"),  # one capitalised word beside a token is not a name
        ("pt", "endereço io_base", "pt"),  # a word beside an identifier is not a version
        ("es", "formación", "es"),  # a lone word with an accent is a word, not a command
        ("en", "Demos and Tools", "en"),  # two words joined by "and" are not two people
    ],
)
def test_name_shapes_leave_ordinary_short_blocks_alone(lang, text, expected, backend):
    languages = ["pt", "en"] if lang == "en" else [lang, "en"]
    document = _page(lang, [text, "Known Issues", "Resolved Issues"] if expected == "en" else [text])
    decisions = LanguageDetector(languages, backend=backend).decide(document)
    assert decisions[1].lang == expected


def _page(locale: str, headings: list[str], paragraphs: tuple[str, ...] = ()) -> Document:
    """A page whose sections are the given headings, each with the same paragraphs."""
    items = tuple(Item(n, n, (Block(BlockKind.PARAGRAPH, text, n),)) for n, text in enumerate(paragraphs, 1))
    sections = tuple(
        Section(str(n), Block(BlockKind.HEADING, heading, n), (Group(None, None, None, items),))
        for n, heading in enumerate(headings, 1)
    )
    return Document("page", locale, (Section(None, Block(BlockKind.HEADING, "\u2063", 0), sections=sections),))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "lang, headings, label",
    [
        ("de", ["Versionshinweise", "Quick Links", "Neue Funktionen", "Bekannte Probleme"], "Quick Links"),
        ("it", ["Note di rilascio", "Important", "Problemi noti", "Novità"], "Important"),
    ],
)
def test_short_english_label_in_another_page_stays_english(lang, headings, label, backend):
    document = _page(lang, headings)
    decisions = dict(zip(headings, LanguageDetector([lang, "en"], backend=backend).decide(document)[1:], strict=True))
    assert decisions[label].lang == "en"
    assert all(d.lang == lang for h, d in decisions.items() if h != label)


@pytest.mark.parametrize("backend", BACKENDS)
def test_short_page_language_heading_among_english_headings_stays_in_the_page_language(backend):
    headings = ["Release Notes", "Itens", "Known Issues", "Resolved Issues", "Feature Updates"]
    decisions = LanguageDetector(["pt", "en"], backend=backend).decide(_page("pt", headings))
    assert [d.lang for d in decisions[1:]] == ["en", "pt", "en", "en", "en"]


def test_a_paragraph_outside_items_takes_its_neighbours_as_context():
    english = "Starting a paravirtualized guest may cause the system to stop responding for a few seconds."
    portuguese = "Ao iniciar um convidado paravirtualizado, o sistema pode deixar de responder por alguns segundos."
    intro = [portuguese] * 6 + [english + f" ({n})" for n in range(3)] + ["Upgradable"]
    intro += [english + f" [{n}]" for n in range(3)]
    blocks = tuple(Block(BlockKind.PARAGRAPH, text, n) for n, text in enumerate(intro, 1))
    document = Document("page", "pt", (Section(None, Block(BlockKind.HEADING, "\u2063", 0), blocks=blocks),))
    decisions = LanguageDetector(["pt", "en"]).decide(document)
    assert LanguageDetector(["pt", "en"]).decide_text("Upgradable").lang == "pt"  # alone, wrong
    assert (decisions[10].lang, decisions[10].basis) == ("en", "context")


def test_wider_mask_hides_identifiers_and_keeps_them_as_tokens():
    text = "Use threading.Timer.finished, ModuleSpec, getLogger, Py_AUDIT_READ e len() (PEP 563, gh-51234)."
    assert technical_tokens(text) == [
        "threading.Timer.finished",
        "ModuleSpec",
        "getLogger",
        "Py_AUDIT_READ",
        "len()",
        "PEP 563",
        "gh-51234",
    ]
    assert mask(text) == "Use , , , e ( , )."


@pytest.mark.parametrize(
    "text, masked",
    [
        ("bool(NotImplemented).", "."),  # a call with its argument
        ("A Contributor(s) field.", "A Contributor(s) field."),  # a plural marker is grammar
        ("utcnow: use datetime.datetime.now(tz=datetime.UTC).", "use . ."),  # a label of tokens
        ("note: restart the daemon.", "note: restart the daemon."),  # no token: a word
    ],
)
def test_calls_with_arguments_and_an_identifier_label_are_masked_for_the_detector_only(text, masked):
    assert mask(text) == masked
    assert mask(masked) == masked


def test_what_is_masked_for_the_detector_only_is_not_required_in_a_translation():
    assert technical_tokens("bool(NotImplemented).") == ["NotImplemented"]  # not the call with its argument
    assert technical_tokens("utcnow: use datetime.datetime.now(tz=datetime.UTC).") == [
        "datetime.datetime.now",
        "tz=datetime.UTC",
    ]  # not the label "utcnow"


def test_recorded_decisions_are_final_and_skip_backend_and_context():
    texts = ("Upgradable", "Sidebars", "Known Issues")
    sections = tuple(Section(str(n), Block(BlockKind.HEADING, t, n)) for n, t in enumerate(texts, 1))
    document = Document("page", "pt", (Section(None, Block(BlockKind.HEADING, "\u2063", 0), sections=sections),))
    detector = LanguageDetector(["pt", "en"])
    detector.remember([("Upgradable", Decision("en", 0.97, "text")), ("sshd", Decision("zxx", 1.0, "neutral"))])
    decided = {p.block.text: d for p, d in zip(document.placements(), detector.decide(document), strict=True)}
    assert decided["Upgradable"] == Decision("en", 0.97, "recorded")  # not sent through context again
    assert detector.decide_text("sshd") == Decision("zxx", 1.0, "neutral")
    fresh = LanguageDetector(["pt", "en"])
    fresh.decide(document)
    assert detector.misses < fresh.misses


def test_glossary_file_has_one_term_a_line_and_comments():
    text = "# never translated\nRed Hat Enterprise Linux\n\nAnsible  # the automation tool\n  Cockpit\n"
    assert parse_glossary(text) == ["Red Hat Enterprise Linux", "Ansible", "Cockpit"]


def test_glossary_terms_are_masked_whole_longest_first():
    glossary = Glossary(["Red Hat", "Red Hat Enterprise Linux", "Ansible"])
    text = "Red Hat Enterprise Linux e Ansible Tower da Red Hat; Ansibles"
    assert glossary.found(text) == ["Red Hat Enterprise Linux", "Ansible", "Red Hat"]
    assert mask(text, glossary) == "e Tower da ; Ansibles"


@pytest.mark.parametrize("backend", BACKENDS)
def test_glossary_terms_do_not_count_as_words_of_a_language(backend):
    glossary = Glossary(["Cockpit", "Web Console"])
    detector = LanguageDetector(["pt", "en"], backend=backend, glossary=glossary)
    assert detector.decide_text("Cockpit Web Console") == Decision(NEUTRAL, 1.0, "neutral")
    assert detector.decide_text("Use o Cockpit Web Console").lang == "pt"


def test_glossary_term_dropped_by_a_translation_is_a_check_error(project_dir, capsys):
    (project_dir / "locales" / "glossary.txt").write_text("# never translated\nxm migrate\n", encoding="utf-8")
    assert load_glossary(project_dir / "locales" / "glossary.txt").terms == ["xm migrate"]
    assert run_cli(capsys, "update", "-C", project_dir)[0] == 0
    source = next(
        e.msgid for e in __import__("polib").pofile(str(po_path(project_dir, "pt_BR"))) if "xm migrate" in e.msgid
    )
    translate(
        project_dir, "pt_BR", source, "A migração de convidados paravirtualizados com o comando de migração falha."
    )
    code, out, _ = run_cli(capsys, "check", "-C", project_dir)
    assert code == 1
    assert "error: [glossary] glossary term missing from msgstr: xm migrate" in out
