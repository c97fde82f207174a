"""Alignment of an edition with its original on hand-made editions that change one thing each.

A page of three sections with generated ids, paragraphs of varied lengths, some with
tokens and most without (as real prose is). Every edition below is the same translation
with one change; each pair must be right, fuzzy or left out, never wrong and final.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from relnotes.catalog.align import align
from relnotes.catalog.align.evidence import generated
from relnotes.read import read_document

SECTIONS = [
    (
        ("Before you start", "Antes de começar"),
        [
            ("Read this chapter once from start to end.", "Leia este capítulo uma vez do início ao fim."),
            (
                "The installer asks a few questions and then works on its own for a long while, so keep some "
                "time free and a cup of coffee nearby.",
                "O instalador faz algumas perguntas e depois trabalha sozinho por um bom tempo, então reserve "
                "algum tempo livre e uma xícara de café por perto.",
            ),
            ("Back up your data.", "Faça cópia dos seus dados."),
            (
                "Write down the settings of your network card, which the installer may not detect.",
                "Anote as configurações da sua placa de rede, que o instalador pode não detectar.",
            ),
        ],
    ),
    (
        ("Booting the installer", "Iniciando o instalador"),
        [
            (
                "Boot from the medium and choose the first entry of the menu that appears.",
                "Inicie a partir da mídia e escolha a primeira entrada do menu que aparece.",
            ),
            (
                "On older machines the menu may take half a minute.",
                "Em máquinas antigas o menu pode levar meio minuto.",
            ),
            (
                "If nothing appears at all, the firmware may be set to start from the disk first, and you have to "
                "change the order of the boot devices in its setup screen before you try again.",
                "Se nada aparecer, o firmware pode estar configurado para iniciar pelo disco primeiro, e você precisa "
                "mudar a ordem dos dispositivos de inicialização na tela de configuração antes de tentar de novo.",
            ),
            ("Press Enter.", "Pressione Enter."),
        ],
    ),
    (
        ("Partitioning", "Particionamento"),
        [
            (
                "The guided mode puts everything on one disk and suits most people.",
                "O modo guiado coloca tudo em um disco e serve para a maioria das pessoas.",
            ),
            (
                "Experts may prefer to set up each partition by hand.",
                "Especialistas podem preferir configurar cada partição à mão.",
            ),
            (
                "Keep at least 20 GB for the system in /dev/sda1 and give the rest to /home.",
                "Reserve pelo menos 20 GB para o sistema em /dev/sda1 e dê o resto a /home.",
            ),
        ],
    ),
]
TRANSLATION = {"Installing": "Instalando"} | {en: pt for heading, paras in SECTIONS for en, pt in [heading, *paras]}
CREDIT = "Tradução para o português: equipe debian-l10n-portuguese, revisada em 2024 por voluntários."


def page(sections: list, language: int, ids: str) -> str:
    """One chapter page; ``ids`` prefixes the generated section ids (they differ between builds)."""
    parts = []
    for number, (heading, paras) in enumerate(sections, 1):
        body = "\n".join(f"<p>{p[language] if isinstance(p, tuple) else p}</p>" for p in paras)
        parts.append(
            f'<div class="section" id="{ids}{number * 7}"><h2 class="title">1.{number}. {heading[language]}</h2>\n'
            f"{body}</div>"
        )
    title = ("Installing", "Instalando")[language]
    return (
        f'<html lang="{("en", "pt-BR")[language]}"><body><div class="chapter" id="{ids}1">'
        f'<h1 class="title">1. {title}</h1>\n{"".join(parts)}</div></body></html>'
    )


def aligned(tmp_path: Path, sections: list, ids: str = "idm") -> list:
    original = tmp_path / "guide.en.html"
    original.write_text(page(SECTIONS, 0, "idm"), encoding="utf-8")
    edition = tmp_path / "guide.pt_BR.html"
    edition.write_text(page(sections, 1, ids), encoding="utf-8")
    result = align(read_document(original), read_document(edition))
    for pair in result.pairs:  # never confidently wrong
        if pair.edition is not None:
            assert pair.edition.text == TRANSLATION.get(pair.original.block.text, pair.original.block.text) or (
                not pair.sure
            ), pair
    return result


def _by_original(result) -> dict[str, tuple[str | None, bool]]:
    return {p.original.block.text: (p.edition.text if p.edition else None, p.sure) for p in result.pairs}


def _final_and_right(pairs: dict, sections: list[int], chapter: bool = True) -> None:
    """Every block of these sections (and the chapter title) is paired right and final."""
    texts = [en for k in sections for en, _ in [SECTIONS[k][0], *SECTIONS[k][1]]] + ["Installing"] * chapter
    assert {en: pairs[en] for en in texts} == {en: (TRANSLATION[en], True) for en in texts}


def test_generated_ids_differ_on_every_section_and_every_pair_is_still_final(tmp_path):
    result = aligned(tmp_path, SECTIONS, ids="ld-idm40")
    pairs = _by_original(result)
    assert {en: pairs[en] for en in TRANSLATION} == {en: (pt, True) for en, pt in TRANSLATION.items()}
    assert result.extra == ()


def test_a_missing_paragraph_is_left_out_and_no_pair_is_wrong(tmp_path):
    missing = SECTIONS[1][1][1][0]
    sections = [SECTIONS[0], (SECTIONS[1][0], [p for p in SECTIONS[1][1] if p[0] != missing]), SECTIONS[2]]
    pairs = _by_original(aligned(tmp_path, sections))
    assert pairs[missing] == (None, False)
    _final_and_right(pairs, [0, 2])  # only the section that lost a block is held back


def test_an_extra_paragraph_is_left_over_never_paired(tmp_path):
    sections = [(SECTIONS[0][0], [*SECTIONS[0][1][:2], CREDIT, *SECTIONS[0][1][2:]]), *SECTIONS[1:]]
    result = aligned(tmp_path, sections)
    assert [b.text for b in result.extra] == [CREDIT]
    pairs = _by_original(result)
    assert all(pairs[en][0] == pt for en, pt in TRANSLATION.items())
    _final_and_right(pairs, [1, 2])


def test_two_swapped_paragraphs_are_found_fuzzy_or_left_out(tmp_path):
    first, second = SECTIONS[2][1][0], SECTIONS[2][1][2]
    sections = [*SECTIONS[:2], (SECTIONS[2][0], [second, SECTIONS[2][1][1], first])]
    pairs = _by_original(aligned(tmp_path, sections))
    for en, _ in (first, second):
        assert not pairs[en][1]
    _final_and_right(pairs, [0, 1])


def test_a_moved_section_is_held_for_review_or_left_out(tmp_path):
    sections = [SECTIONS[0], SECTIONS[2], SECTIONS[1]]
    pairs = _by_original(aligned(tmp_path, sections))
    _final_and_right(pairs, [0])
    assert not any(pairs[en][1] for k in (1, 2) for en, _ in [SECTIONS[k][0], *SECTIONS[k][1]])


@pytest.mark.parametrize(
    ("ident", "made_up"),
    [
        *[(made_up, True) for made_up in ("idm20", "id-1.4.5", "d0e123", "ld-idm1389.html", "id1")],
        *[(authored, False) for authored in ("sect.apt-get", "x86", "needed", "installation")],
    ],
)
def test_generated_ids_are_told_from_authored_ones(ident, made_up):
    assert generated(ident) is made_up


NOTE = "N. do T.: ver www.debian.org."  # a translator's note, tokens of its own


def test_a_paragraph_replaced_at_its_place_leaves_a_hole_and_its_section_stays_final(tmp_path):
    """The edition has another block where the original's is (a note instead of the paragraph, too unlike it
    to pair): both sides still hold as many blocks, so the neighbours are not shifted and stay final."""
    replaced = SECTIONS[1][1][2][0]
    notes = [NOTE if en == replaced else (en, pt) for en, pt in SECTIONS[1][1]]
    sections = [SECTIONS[0], (SECTIONS[1][0], notes), SECTIONS[2]]
    result = aligned(tmp_path, sections)
    pairs = _by_original(result)
    assert pairs[replaced] == (None, False)
    assert [b.text for b in result.extra] == [NOTE]
    del pairs[replaced]
    assert pairs == {en: (pt, True) for en, pt in TRANSLATION.items() if en != replaced}


def test_a_paragraph_dropped_and_another_added_later_in_its_section_is_never_paired_wrong(tmp_path):
    """As many blocks on both sides, but those between the change and the addition are shifted by one."""
    dropped = SECTIONS[1][1][1][0]
    kept = [p for p in SECTIONS[1][1] if p[0] != dropped]
    sections = [SECTIONS[0], (SECTIONS[1][0], [*kept, CREDIT]), SECTIONS[2]]
    pairs = _by_original(aligned(tmp_path, sections))  # aligned() asserts that no final pair is wrong
    assert pairs[dropped] == (None, False)
    _final_and_right(pairs, [0, 2])


def test_a_paragraph_translated_at_three_times_its_length_is_left_out_and_its_neighbours_stay_final(tmp_path):
    """The edition translated an older, longer version of one paragraph: too long to pair, it leaves a hole.

    The neighbours, which an alignment shifted by one would fit almost as well (a low margin), stay
    final: their stretch pairs one for one, and nothing in them speaks against their pairs.
    """
    longer = SECTIONS[1][1][1][0]
    older = (
        "Em máquinas antigas o menu pode levar meio minuto, ou até mais: tenha paciência e não desligue o "
        "computador enquanto espera, porque isso pode danificar o firmware."
    )
    paras = [(en, older if en == longer else pt) for en, pt in SECTIONS[1][1]]
    result = aligned(tmp_path, [SECTIONS[0], (SECTIONS[1][0], paras), SECTIONS[2]])
    pairs = _by_original(result)
    assert pairs.pop(longer) == (None, False)
    assert [b.text for b in result.extra] == [older]
    assert pairs == {en: (pt, True) for en, pt in TRANSLATION.items() if en != longer}
