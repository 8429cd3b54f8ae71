"""The built book: complete article text, working glossary links, nothing from other hosts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


from bookfiles import ROOT


def _tiny_book(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """Build a small book (name -> MyST text; "index" is the root, the rest its chapters)
    with the course's config and extension; return the result."""
    book = tmp_path / "tiny"
    book.mkdir()
    (book / "_config.yml").write_text((ROOT / "_config.yml").read_text(encoding="utf-8"))
    (book / "book").symlink_to(ROOT / "book")  # the config's templates and static files, by their relative paths
    chapters = "".join(f"- file: {name}\n" for name in pages if name != "index")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n" + (f"chapters:\n{chapters}" if chapters else ""))
    for name, text in pages.items():
        (book / f"{name}.md").write_text(text, encoding="utf-8")
    return subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book), "--warningiserror",
         "--keep-going", "--builder", "html"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )


def test_the_real_build_fails_on_each_planted_fault(tmp_path):
    """`jupyter-book build` as `make html` runs it: an unknown term, a script from another
    host and a paragraph the article lacks each fail it, with their own message. One tiny
    book carries all three (--keep-going reports every page); tests/test_sphinxext.py
    checks each fault alone, in-process."""
    result = _tiny_book(tmp_path, {
        "index": "# Tiny\n",
        "term": "# Term\n\nA {term}`word nobody defined` here.\n\n```{course-glossary}\n```\n",
        "script": '# Script\n\n<script src="https://cdn.example/x.js"></script>\n',
        "para": "# Para\n\nSee {para}`tishreen:999`.\n",
    })
    lines = (result.stdout + result.stderr).splitlines()
    assert result.returncode != 0
    for where, message in (("term.md:3", "term not in glossary: 'word nobody defined'"),
                           ("script.html", "<script src=https://cdn.example/x.js>"),
                           ("para.md", "¶999 (tishreen) points to no paragraph")):
        assert any(where in line and message in line for line in lines), (where, lines[-20:])
    assert any(line.startswith("offline guard: built pages reference other hosts") for line in lines)
