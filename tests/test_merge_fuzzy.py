"""Suggestions for changed texts are msgmerge's: checked against GNU msgmerge --previous itself."""

from __future__ import annotations

import subprocess

import polib

from relnotes.catalog.merge import merge
from relnotes.catalog.template import TemplateEntry

OLD = [  # (msgid, msgstr, obsolete)
    ("The quick brown fox jumps over the lazy dog today.", "A raposa marrom pula sobre o cão hoje.", False),
    ("Install the package with apt-get before you start the service.", "Instale o pacote com apt-get.", True),
    ("Edit /etc/fstab to mount the disk at boot.", "Edite /etc/fstab para montar o disco.", False),
    ("Reboot the machine once the upgrade has finished.", "Reinicie a máquina após a atualização.", False),
    ("Reboot the machine when the upgrade has finished.", "Reinicie quando a atualização terminar.", False),
]
NEW = [
    "The quick brown fox jumps over the lazy dog today.",  # unchanged
    "The quick brown fox jumps over the lazy cat today.",  # like a text still in use
    "Install the package with apt-get before you start the daemon.",  # like an obsolete one
    "Edit /etc/fstab to mount the second disk at boot time.",  # changed
    "Reboot the machine after the upgrade has finished.",  # two candidates: the first of equals
    "Nothing here resembles any older paragraph at all, xyzzy.",  # under the threshold
]


def _old() -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr, obsolete in OLD:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, obsolete=obsolete))
    return catalog


def _msgmerge(tmp_path) -> dict[str, tuple[str, str | None]]:
    _old().save(str(tmp_path / "old.po"))
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid in NEW:
        template.append(polib.POEntry(msgid=msgid, msgstr=""))
    template.save(str(tmp_path / "new.pot"))
    out = tmp_path / "merged.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(out), str(tmp_path / "old.po"), str(tmp_path / "new.pot")],
        check=True,
    )
    return {e.msgid: (e.msgstr, e.previous_msgid) for e in polib.pofile(str(out)) if not e.obsolete}


def test_every_suggestion_is_the_one_msgmerge_makes(tmp_path):
    template = [TemplateEntry(msgid, (f"doc:{n}",), "en", 1.0, "text") for n, msgid in enumerate(NEW)]
    ours = {e.msgid: (e.msgstr, e.previous_msgid) for e in merge(template, _old(), "pt") if not e.obsolete}
    theirs = _msgmerge(tmp_path)
    assert ours == theirs
    assert ours[NEW[4]] == ("Reinicie a máquina após a atualização.", OLD[3][0])
    assert ours[NEW[5]] == ("", None)


def test_the_similarity_is_said_in_an_extracted_comment():
    template = [TemplateEntry(NEW[3], ("doc:3",), "en", 1.0, "text")]
    entry = merge(template, _old(), "pt")[0]
    assert entry.flags == ["fuzzy"]
    assert entry.comment == "lang: en 1.00\nfuzzy match: 88% similar to the previous source"
