"""Regenerate ``src/relnotes/catalog/plural_forms.tsv``: the ``Plural-Forms`` GNU msginit writes.

A new catalog should start with the plural forms a language team's own tools give it
(``msginit``), not with CLDR's, which Babel follows and which changed under a fixed
catalog when Babel 2.19 gave ``pt_BR`` three forms. The table is measured from the real
``msginit`` (GNU gettext) for every locale Babel knows, so it records what the tool does
rather than what we remember of it; a locale msginit has no plural forms for is left out,
and relnotes falls back to Babel for it.

    python scripts/plural_table.py            # rewrite the table
    python scripts/plural_table.py --check    # exit 1 if the installed msginit disagrees
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.localedata import locale_identifiers

TABLE = Path(__file__).resolve().parent.parent / "src" / "relnotes" / "catalog" / "plural_forms.tsv"
HEAD = "# locale\tPlural-Forms as GNU gettext's msginit writes it (scripts/plural_table.py regenerates this)\n"


def msginit_forms(locale: str, template: Path) -> str | None:
    """What msginit writes as Plural-Forms for a new catalog of ``locale``, or None."""
    out = subprocess.run(
        ["msginit", "--no-translator", "-i", str(template), "-l", locale, "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    joined = "".join(line.strip().strip('"') for line in out.splitlines() if line.startswith('"'))
    for field in joined.split("\\n"):
        if field.startswith("Plural-Forms:"):
            return field.removeprefix("Plural-Forms:").strip()
    return None


def table() -> str:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "t.pot"
        template.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
        for identifier in sorted(locale_identifiers()):
            parts = identifier.split("_")
            if len(parts) > 2 or (len(parts) == 2 and not parts[1].isupper()):
                continue  # scripts (sr_Latn) are not POSIX catalog names msginit knows
            forms = msginit_forms(identifier, template)
            if forms:
                rows[identifier] = forms
    # A territory that says what its language says is redundant: the lookup falls back to it.
    kept = {k: v for k, v in rows.items() if "_" not in k or rows.get(k.split("_")[0]) != v}
    return HEAD + "".join(f"{k}\t{v}\n" for k, v in sorted(kept.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table; write nothing")
    args = parser.parse_args()
    fresh = table()
    if args.check:
        same = TABLE.read_text(encoding="utf-8") == fresh
        print("plural_forms.tsv matches msginit" if same else "plural_forms.tsv differs from this msginit")
        return 0 if same else 1
    TABLE.write_text(fresh, encoding="utf-8")
    print(f"wrote {TABLE} ({fresh.count(chr(10)) - 1} locales)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
