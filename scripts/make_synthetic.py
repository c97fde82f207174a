"""Write a synthetic master chapter of N translatable blocks, mixing two languages.

Sentences come from the embedded chapter's own paragraphs, each made distinct by an item
number, so detection and catalogs see realistic text at any size.

    python scripts/make_synthetic.py OUT.pt_BR.txt [--blocks 10000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from relnotes.model import BlockKind
from relnotes.read import read_document

ROOT = Path(__file__).resolve().parent.parent
ARCHES = ["All Architectures", "x86 Architectures", "x86_64 Architectures", "ia64 Architecture"]


def synthetic(blocks: int) -> str:
    document = read_document(ROOT / "sources" / "virtualization.pt_BR.txt")
    pool = [p.block.text for p in document.placements() if p.item and p.block.kind is BlockKind.PARAGRAPH]
    lines = ["9. Synthetic", "", "", "A synthetic chapter for benchmarks.", ""]
    written, section = 1, 0
    while written < blocks:
        section += 1
        lines += [f"9.{section}. Section {section}", ""]
        for group, arch in enumerate(ARCHES, start=1):
            lines += [f"9.{section}.{group}. {arch}", ""]
            for _ in range(50):
                text = pool[written % len(pool)]
                lines.append(f"  \u2022 {text} ({written})")
                written += 1
                if written >= blocks:
                    break
            lines.append("")
            if written >= blocks:
                break
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--blocks", type=int, default=10_000)
    args = parser.parse_args()
    Path(args.out).write_text(synthetic(args.blocks), encoding="utf-8")


if __name__ == "__main__":
    main()
