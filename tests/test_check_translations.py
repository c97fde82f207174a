"""The translation checks translators know: nine planted defects, and no false alarm."""

from __future__ import annotations

import json

import pytest
from translate.filters.checks import CheckerConfig, StandardChecker
from translate.filters.decorators import Category
from translate.storage.base import TranslationUnit

from relnotes.track.qa import ENABLED, LEFT_OUT
from tests.conftest import po_path, run_cli, translate

ERROR_TEXT = (
    "crash was unable to read the relocation address of the hypervisor from a vmcore file. Consequently, opening "
    "a Virtualized kernel vmcore file with crash would fail, resulting in the error:"
)
SAVES = "In this update, the hypervisor now saves the address correctly, which resolves this issue."
XM = "Migrating paravirtualized guests through xm migrate [domain] [dom0 IP address] does not work."
XEND = "A xend bug that previously caused guest installation failures is now fixed."
INTRO = (
    "This section contains information about updates made to Red Hat Enterprise Linux suite of Virtualization tools."
)
NUMA = (
    "Virtualization does not work on some architectures that use Non-Uniform Memory Access (NUMA). As such, "
    "installing the virtualized kernel on systems that use NUMA will result in a boot failure."
)
KEXEC = (
    "Currently, live migration of fully virtualized guests is not supported on this architecture. In addition, "
    "kexec and kdump are also not supported for virtualization on this architecture."
)
SMP = (
    "When installing Red Hat Enterprise Linux 5 on a fully virtualized SMP guest, the installation may freeze. This "
    "can occur when the host (dom0) is running Red Hat Enterprise Linux 5.2."
)
DOM0_MEM = (
    "To work around this, raise the amount of memory available to the dom0 with the dom0_mem hypervisor command "
    "line option."
)

# defect: (msgid, planted msgstr, [(check, severity, message)])
PLANTED = {
    "lost final colon": (
        ERROR_TEXT,
        "o crash não conseguia ler o endereço de realocação do hypervisor de um arquivo vmcore. Assim, abrir um "
        "arquivo vmcore de kernel virtualizado com o crash falhava, resultando no erro",
        [
            (
                "endpunc",
                "warning",
                "Different punctuation at the end: 'o crash não conseguia ler o endereço de realocaçã…'",
            )
        ],
    ),
    "lost final period": (
        SAVES,
        "Nesta atualização, o hypervisor salva o endereço corretamente, o que resolve este problema",
        [
            (
                "endpunc",
                "warning",
                "Different punctuation at the end: 'Nesta atualização, o hypervisor salva o endereço …'",
            )
        ],
    ),
    "unclosed [": (
        XM,
        "A migração de convidados paravirtualizados com xm migrate [domain] [dom0 IP address não funciona.",
        [("brackets", "warning", "Missing ']': 'A migração de convidados paravirtualizados com xm…'")],
    ),
    "added number": (
        XEND,
        "Foi corrigido um erro do xend que causava 3 falhas na instalação de convidados.",
        [("added-number", "warning", "not in the source: 3")],
    ),
    "double space": (
        INTRO,
        "Esta seção contém informações sobre as atualizações feitas no  conjunto de ferramentas de Virtualização "
        "do Red Hat Enterprise Linux.",
        [
            (
                "doublespacing",
                "warning",
                "Different use of double spaces: 'Esta seção contém informações sobre as atualizaçõ…'",
            )
        ],
    ),
    "leading and trailing spaces": (
        NUMA,
        " A virtualização não funciona em algumas arquiteturas que usam Non-Uniform Memory Access (NUMA). Assim, "
        "instalar o kernel virtualizado em sistemas que usam NUMA resulta em falha de inicialização. ",
        [
            (
                "endwhitespace",
                "warning",
                "Different whitespace at the end: ' A virtualização não funciona em algumas arquitet…'",
            ),
            (
                "startwhitespace",
                "warning",
                "Different whitespace at the start: ' A virtualização não funciona em algumas arquitet…'",
            ),
        ],
    ),
    "lowercase start": (
        KEXEC,
        "atualmente, a migração ao vivo de convidados totalmente virtualizados não é suportada nesta arquitetura. "
        "Além disso, kexec e kdump também não são suportados para virtualização nesta arquitetura.",
        [
            (
                "startcaps",
                "warning",
                "Different capitalization at the start: 'atualmente, a migração ao vivo de convidados tota…'",
            )
        ],
    ),
    "pasted source": (
        SMP,
        SMP,
        [
            (
                "language",
                "error",
                "msgstr is the untranslated source: 'When installing Red Hat Enterprise Linux 5 on a f…'",
            )
        ],
    ),
    "dropped dom0_mem": (
        DOM0_MEM,
        "Para contornar isso, aumente a memória disponível para o dom0 com a opção de linha de comando do hypervisor.",
        [("tokens", "error", "missing from msgstr: dom0_mem")],
    ),
}


def entry_line(path, msgid: str) -> int:
    """The first line of the entry whose msgid is ``msgid``, read without polib."""
    start, block = 1, []
    for number, line in enumerate([*path.read_text(encoding="utf-8").splitlines(), ""], start=1):
        if line:
            block.append(line)
            continue
        pieces, inside = [], False
        for row in block:
            inside = (inside or row.startswith("msgid ")) and not row.startswith("msgstr")
            if inside:
                pieces.append(row.split('"', 1)[1].rsplit('"', 1)[0])
        if "".join(pieces).replace('\\"', '"') == msgid:
            return start
        start, block = number + 1, []
    raise AssertionError(msgid)


def _check_json(capsys, root) -> tuple[int, list[dict]]:
    code, out, _ = run_cli(capsys, "check", "--json", "-C", root)
    return code, json.loads(out)["problems"]


def test_nine_planted_defects_are_each_reported_with_check_name_and_entry_line(project_dir, capsys):
    for msgid, msgstr, _expected in PLANTED.values():
        translate(project_dir, "pt_BR", msgid, msgstr)
    path = po_path(project_dir, "pt_BR")
    code, problems = _check_json(capsys, project_dir)
    assert code == 1
    reported = sorted((p["line"], p["check"], p["severity"], p["message"]) for p in problems if p["path"] == str(path))
    expected = sorted(
        (entry_line(path, msgid), check, severity, message)
        for msgid, _msgstr, found in PLANTED.values()
        for check, severity, message in found
    )
    assert reported == expected  # each of the nine, and nothing else in that catalog
    assert len(PLANTED) == 9 and len(reported) == 10  # leading and trailing spaces: two checks


def test_planted_defects_in_human_output_are_compiler_style(project_dir, capsys):
    translate(project_dir, "pt_BR", XM, PLANTED["unclosed ["][1])
    path = po_path(project_dir, "pt_BR")
    code, out, _ = run_cli(capsys, "check", "-C", project_dir)
    assert code == 0  # a cosmetic check is a warning
    assert out.splitlines()[0] == (
        f"{path}:{entry_line(path, XM)}: warning: [brackets] Missing ']': "
        "'A migração de convidados paravirtualizados com xm…'"
    )
    assert out.splitlines()[-1] == "0 error(s), 2 warning(s)"


REALISTIC = {
    "Virtualization": "Virtualização",
    INTRO: "Esta seção contém informações sobre as atualizações feitas no conjunto de ferramentas de Virtualização "
    "do Red Hat Enterprise Linux.",
    "Feature Updates": "Atualizações de recursos",
    "Resolved Issues": "Problemas resolvidos",
    "All Architectures": "Todas as arquiteturas",
    ERROR_TEXT: "o crash não conseguia ler o endereço de realocação do hypervisor a partir de um arquivo vmcore. Em "
    "consequência, abrir com o crash um arquivo vmcore de kernel virtualizado falhava com o erro:",
    SAVES: "Nesta atualização, o hypervisor salva o endereço corretamente, o que resolve este problema.",
    XEND: "Foi corrigido um erro do xend que causava falhas na instalação de convidados.",
    "In live migrations of paravirtualized guests, time-dependent guest processes may function improperly if the "
    "corresponding hosts' (dom0) times are not synchronized. Use NTP to synchronize system times for all "
    "corresponding hosts before migration.": "Em migrações ao vivo de convidados paravirtualizados, processos do "
    "convidado que dependem do horário podem funcionar incorretamente se os horários dos hosts correspondentes (dom0) "
    "não estiverem sincronizados. Use o NTP para sincronizar o horário de todos os hosts antes da migração.",
    "When running multiple guest domains, guest networking may temporarily stop working, resulting in the following "
    "error being reported in the dom0 logs:": "Ao executar vários domínios convidados, a rede dos convidados pode "
    "parar de funcionar temporariamente, e o seguinte erro é registrado nos logs do dom0:",
    DOM0_MEM: "Para contornar isso, aumente a memória disponível para o dom0 com a opção dom0_mem da linha de comando "
    "do hypervisor.",
    XM: "A migração de convidados paravirtualizados com xm migrate [domain] [dom0 IP address] não funciona.",
    "Installing the Virtualization feature may cause a time went backwards warning on HP systems with model numbers "
    "xw9300 and xw9400.": 'Instalar o recurso de Virtualização pode causar um aviso "time went backwards" em '
    "sistemas HP com os modelos xw9300 e xw9400.",
    SMP: "Ao instalar o Red Hat Enterprise Linux 5 em um convidado SMP totalmente virtualizado, a instalação pode "
    "travar. Isso pode ocorrer quando o host (dom0) executa o Red Hat Enterprise Linux 5.2.",
}


def test_careful_translations_raise_no_false_alarm(project_dir, capsys):
    for msgid, msgstr in REALISTIC.items():
        translate(project_dir, "pt_BR", msgid, msgstr)
    code, problems = _check_json(capsys, project_dir)
    assert code == 0
    assert [p["check"] for p in problems] == ["source"]  # the master's own defect only


@pytest.mark.parametrize("name", sorted(ENABLED))
def test_each_enabled_check_has_the_severity_of_its_translate_toolkit_category(name):
    checker = StandardChecker(CheckerConfig(targetlanguage="pt_BR"))
    unit = TranslationUnit("Text.")
    unit.target = "Texto."
    checker.run_filters(unit)  # Translate Toolkit records categories as its checks run
    cosmetic = checker.categories[name] < Category.FUNCTIONAL
    assert ENABLED[name][0] == ("warning" if cosmetic else "error")


def test_every_standard_check_is_either_enabled_or_left_out_with_a_reason():
    standard = set(StandardChecker().defaultfilters)
    not_applicable = {
        "compendiumconflicts",
        "credits",
        "kdecomments",
        "musttranslatewords",
        "notranslatewords",
        "purepunc",
        "simpleplurals",
        "spellcheck",
        "validchars",
    }
    assert not set(ENABLED) & set(LEFT_OUT)
    assert standard == set(ENABLED) | set(LEFT_OUT) | not_applicable
