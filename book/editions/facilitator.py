"""The facilitator edition: the readers' book plus answer keys, facilitator notes, a
group page and the facilitator's session sheets (PDF, with the keys), written beside it
(``_build/facilitator/``) and never linked from it.

A facilitator given the book on a USB stick needs the keys and notes that otherwise
live only in the facilitator notebooks, and a way to read the group's answer files
without Python. The edition is the built readers' book copied, each page given two
scripts (static/facilitator.js and the data it shows), plus ``group.html``, made from
the "My answers" page's shell so it carries the same theme, catalog and policy. The
sheets are listed at the top of the edition's handouts page, with their pages and sizes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from .. import scripts_after
from ..kinds import kind_of
from .handouts import fill_sizes, print_facilitator_sheets
from .inputs import digest, package_files, record, unchanged
from ..course.language import LANGUAGES, SOURCE, edition_prefix, speaking, translations
from ..course.load import course
from ..course.markup import json_script
from ..course.strings import t_text

ARTICLE = re.compile(r'(<article class="bd-article">).*?(</article>)', re.S)
CATALOG = re.compile(r'<script type="application/json" class="prt-ma-data">.*?</script>', re.S)
FIRST_SECTION = re.compile(r'(<section id="handouts">.*?</h1>.*?)(<section )', re.S)


def keys() -> dict[str, dict[str, object]]:
    """Exercise id -> the key's lines and the facilitator note."""
    return {ex.id: {"lines": kind_of(ex).key_text(ex), "note": ex.facilitator_note or ""}
            for ex in course().exercises.values()}


def paragraphs(readers: Path) -> dict[str, dict[str, str]]:
    """Each article's numbered paragraphs, as the built chapter shows them (¶ link left
    out): the group page quotes a flagged ¶'s first words and shows it whole on request,
    so the facilitator need not leave the page to know what the group stumbled on."""
    out: dict[str, dict[str, str]] = {}
    for slug in course().articles:
        soup = BeautifulSoup((readers / "chapters" / f"{slug}.html").read_text(encoding="utf-8"), "html.parser")
        out[slug] = {}
        for para in soup.select("p.prt-para[id]"):
            for number in para.select(".prt-pnum"):
                number.decompose()
            out[slug][para["id"].removeprefix("p")] = " ".join(para.get_text(" ").split())
    return out


def group_markup(catalog_block: str, paras: dict[str, dict[str, str]]) -> str:
    return f"""<div class="prt-group">
{catalog_block}
{json_script(json.dumps(paras, ensure_ascii=False), "prt-group-paras")}
<p>{t_text('facilitator.group_intro')}</p>
<div class="prt-group-drop">
<p class="prt-group-drop-title" id="prt-group-files-title">{t_text('facilitator.group_files')}</p>
<input id="prt-group-files" class="prt-group-files prt-sr" type="file" accept=".json,application/json" multiple
 aria-labelledby="prt-group-files-title">
<label for="prt-group-files" class="prt-group-choose">{t_text('facilitator.choose_files')}</label>
<p>{t_text('facilitator.drop')}</p>
</div>
<p class="prt-group-kept" role="status" aria-live="polite"></p>
<fieldset class="prt-group-which"><legend>{t_text('group.count_legend')}</legend>
<label><input type="radio" name="prt-group-which" value="last" checked> {t_text('group.count_last')}</label>
<label><input type="radio" name="prt-group-which" value="first"> {t_text('group.count_first')}</label></fieldset>
<p class="prt-group-controls"><label><input type="checkbox" class="prt-group-names"> {t_text('facilitator.show_names')}</label>
<button type="button" class="prt-group-print">{t_text('facilitator.print_group')}</button>
<button type="button" class="prt-group-clear">{t_text('common.start_again')}</button></p>
<div class="prt-group-out"></div>
</div>
"""


def group_page(shell: str, paras: dict[str, dict[str, str]]) -> str:
    """The group page, in the "My answers" page's shell (theme, sidebar, catalog, policy)."""
    block = CATALOG.search(shell).group(0)
    title = t_text("facilitator.group_title")
    page = ARTICLE.sub(lambda m: f"{m.group(1)}<h1>{title}</h1>\n{group_markup(block, paras)}{m.group(2)}", shell, count=1)
    page = re.sub("<title>" + re.escape(t_text("exercise.my_answers")), lambda _: f"<title>{title}", page, count=1)
    # The heading Jupyter Book prints atop a page (its print-only block) names the shell's page.
    page = re.sub(r'(<div id="jb-print-docs-body"[^>]*>\s*<h1>)[^<]*(</h1>)', lambda m: m.group(1) + title + m.group(2),
                  page, count=1)
    page = scripts_after.remove(page, {"my-answers.js", "store.js"})
    # The sidebar marked "My answers" as the page being read: it is a link to it again.
    page = re.sub(r'<li class="toctree-l1 current active"><a class="current reference internal" href="#">',
                  '<li class="toctree-l1"><a class="reference internal" href="my-answers.html">', page, count=1)
    return page


def sheets_markup(out: Path, sheets: list[tuple[str, Path]]) -> str:
    """The handouts page's list of facilitator's sheets; sizes go in its slots."""
    items = "".join(f'<li><a href="{p.relative_to(out)}">{t_text("facilitator.sheet", title=title)}</a>, '
                    f'<span class="prt-filesize" data-file="{p.relative_to(out)}">{t_text("facilitator.size_unknown")}</span></li>'
                    for title, p in sheets)
    return (f'<section id="for-the-facilitator"><h2>{t_text("facilitator.sheets_head")}</h2>'
            f'<p>{t_text("facilitator.sheets_intro")}</p><ul>{items}</ul></section>')


def _scripts(page: Path, root: Path, names: tuple[str, ...]) -> list[str]:
    up = "../" * (len(page.relative_to(root).parts) - 1)
    return [f"{up}_static/{name}" for name in names]


def add_sheets(readers: Path, out: Path) -> list[Path]:
    """Print the facilitator's sheets into the edition and list them on its handouts page."""
    sheets = print_facilitator_sheets(readers, out)
    page = out / "handouts.html"
    markup = FIRST_SECTION.sub(lambda m: m.group(1) + sheets_markup(out, sheets) + m.group(2),
                               page.read_text(encoding="utf-8"), count=1)
    page.write_text(markup, encoding="utf-8")
    fill_sizes(page, out)
    return [path for _, path in sheets]


def _files(root: Path) -> list[Path]:
    """The files under root, but the other languages' editions (``es/``: each has its own)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] not in translations()
                  ) if root.exists() else []


def _state(readers: Path, out: Path) -> str:
    """What the edition is made from (the readers' site, handouts included, and book/)
    and the edition itself: an edition changed or deleted by hand is made again."""
    return digest(_files(readers) + package_files()) + digest(_files(out))


def edition_stamp(out: Path, code: str = SOURCE) -> Path:
    """Beside the edition, not in it: the stamp is not shipped (one per language)."""
    return out.parent / (f".{out.name}-inputs" + ("" if code == SOURCE else f"-{code}"))


def pages_of(out: Path) -> list[Path]:
    """The edition's pages (its _static/ holds fragments, not pages; nor are the other
    languages' editions nested in the English one)."""
    return [p for p in out.rglob("*.html")
            if "_static" not in p.relative_to(out).parts and p.relative_to(out).parts[0] not in translations()]


def build(readers: Path, out: Path) -> tuple[int, list[Path]]:
    """Write the facilitator edition of every language the readers' site holds, each
    beside its readers' edition's place (``_build/facilitator/es/`` for ``_build/html/es/``),
    so the language switcher of a facilitator's page leads to the same page of the other
    language's facilitator edition. Returns the pages and the sheets written."""
    pages, sheets = 0, []
    for code in LANGUAGES:
        prefix = edition_prefix(code)
        if (readers / prefix / "index.html").exists():
            with speaking(code):
                n, made = build_edition(readers / prefix, out / prefix, edition_stamp(out, code))
            pages, sheets = pages + n, sheets + made
    return pages, sheets


def _clear(out: Path) -> None:
    """Empty ``out`` but for the other languages' editions nested in it."""
    for child in out.iterdir() if out.exists() else []:
        if child.name in translations():
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def build_edition(readers: Path, out: Path, stamp: Path) -> tuple[int, list[Path]]:
    """Write one language's edition into ``out`` (replaced), in the language setting's
    words; returns its number of pages and the facilitator's sheets written, none when
    neither the edition nor what it is made from changed since it was made (copying and
    printing took 6 s on every `make book`)."""
    if unchanged(stamp, _state(readers, out)):
        return len(pages_of(out)), []
    _clear(out)
    shutil.copytree(readers, out, dirs_exist_ok=True,
                    ignore=lambda folder, names: translations() if Path(folder) == readers else [])
    static = out / "_static"
    (static / "facilitator-data.js").write_text(
        "window.PRT_FACILITATOR = " + json.dumps({"keys": keys(), "root": ""}, ensure_ascii=False) + ";\n"
        "window.PRT_FACILITATOR.root = (document.currentScript.src.match(/^(.*\\/)_static\\//) || [null, ''])[1];\n",
        encoding="utf-8")
    sheets = add_sheets(readers, out)
    (out / "group.html").write_text(group_page((out / "my-answers.html").read_text(encoding="utf-8"), paragraphs(readers)),
                                    encoding="utf-8")
    pages = pages_of(out)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        names = ("facilitator-data.js", "facilitator.js") + (("group.js",) if page.name == "group.html" and page.parent == out else ())
        # Fetched by the page's loader after its own scripts, which they build on (PRT.t).
        text = scripts_after.add(text, _scripts(page, out, names))
        page.write_text(text, encoding="utf-8")
    record(stamp, _state(readers, out))
    return len(pages), sheets
