"""Build the exercise notebooks with nbformat, from the same data as the book, in the
language setting's edition (their words are the catalog's ``notebook.*``).

Two editions per chapter: the participant edition (questions only; this one is also a
page of the book) and the facilitator edition (adds answer keys and facilitation
notes). Both are written with outputs, executed once, so that pytest-notebook can
re-run them and notice any change in what a participant would see.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..exercises.live.store import answers_dir
from ..course.load import course
from ..course.strings import t

ROOT = Path(__file__).resolve().parents[2]
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def _code(source: str) -> nbformat.NotebookNode:
    return new_code_cell(source, metadata={"tags": ["remove-input"]})


def exercise_notebook(chapter: str, facilitator: bool = False) -> nbformat.NotebookNode:
    """One chapter's exercises as a notebook: a heading and one line of code per exercise."""
    data = course()
    article = data.articles[chapter]
    title = t("notebook.title_facilitator" if facilitator else "notebook.title", title=article.title)
    cells = [
        new_markdown_cell(f"# {title}\n\n{t('notebook.intro')}"
                          + (f"\n\n{t('notebook.intro_facilitator')}" if facilitator else "")),
        _code("from book import exercises, timeline"),
        # Jupyter only: the book's HTML build removes these cells (its exercises need no name).
        new_markdown_cell(f"## {t('notebook.who')}\n\n{t('notebook.who_steps')}", metadata={"tags": ["remove-cell"]}),
        new_code_cell("exercises.start_session()", metadata={"tags": ["remove-cell"]}),
    ]
    if facilitator:
        call = f'`exercises.projector("{chapter}", session="...")`'
        cells.append(new_markdown_cell(f"## {t('notebook.projector')}\n\n{t('notebook.projector_text', call=call)}"))
        cells.append(_code(f'exercises.projector("{chapter}")'))
        cells.append(new_markdown_cell(f"## {t('notebook.room')}\n\n{t('notebook.room_text')}"))
        cells.append(_code("from book.room.notebook import open_room\nopen_room()"))
    for n, ex in enumerate(data.chapter_exercises(chapter), start=1):
        cells.append(new_markdown_cell(f"## {n}. {ex.title}"))
        cells.append(_code(f'exercises.show("{ex.id}")'))
        if facilitator:
            cells.append(_code(f'exercises.answer_key("{ex.id}")'))
    cells.append(new_markdown_cell(f"## {t('notebook.timeline')}\n\n{t('notebook.timeline_text')}"))
    cells.append(_code(f'timeline.table("{chapter}")'))
    if facilitator:
        cells.append(new_markdown_cell(f"## {t('notebook.explorer')}\n\n{t('notebook.explorer_text')}"))
        cells.append(_code(f'timeline.explore("{chapter}")'))
    return new_notebook(cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})


SAMPLE_ANSWERS = "sample-answers"


def group_notebook() -> nbformat.NotebookNode:
    """The facilitator's notebook for a group's collected answer files."""
    return new_notebook(cells=[
        new_markdown_cell(f"# {t('notebook.group_title')}\n\n{t('notebook.group_intro')}"),
        new_code_cell(f'from book.exercises.facilitator import group\nfolder = "{SAMPLE_ANSWERS}"'),
        new_code_cell("group.distribution(folder)"),
        new_markdown_cell(f"## {t('notebook.first_or_last')}\n\n{t('notebook.first_or_last_text')}"),
        new_code_cell('group.distribution(folder, which="first")'),
        new_markdown_cell(f"## {t('notebook.one_chapter')}"),
        new_code_cell('group.distribution(folder, chapter="tishreen")'),
    ], metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})


def notebook_paths(chapter: str) -> dict[bool, Path]:
    return {
        False: ROOT / "exercises" / f"{chapter}.ipynb",
        True: ROOT / "exercises" / "facilitator" / f"{chapter}.ipynb",
    }


def _jobs() -> list[tuple[Path, nbformat.NotebookNode]]:
    jobs = []
    for chapter in course().articles:
        if course().chapter_exercises(chapter):
            jobs += [(path, exercise_notebook(chapter, facilitator))
                     for facilitator, path in notebook_paths(chapter).items()]
    jobs.append((ROOT / "exercises" / "facilitator" / "group-answers.ipynb", group_notebook()))
    return jobs


def stored_hint(plain: str) -> str:
    """What a widget's stored output says: it needs a kernel (the course's views say why)."""
    return plain if plain in (t("live.run_hint"), t("projector.hint")) else t("notebook.run_first")


def _steady(nb: nbformat.NotebookNode) -> None:
    """Numbered cell ids, no run timestamps and no widget views: regenerating a notebook
    whose content did not change leaves the file as it was, so a diff shows only what
    did change. A saved widget view would point at state that is not kept (a random
    model id, "model not found" on opening). Its output keeps only a line saying to run
    the notebook: the static exercise HTML has buttons that do nothing in Jupyter."""
    for n, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{n}"
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if data.pop("application/vnd.jupyter.widget-view+json", None) is not None:
                hint = stored_hint(data.get("text/plain", ""))
                output["data"] = {"text/html": f"<p><em>{html.escape(hint)}</em></p>", "text/plain": hint}


def write_notebooks(execute: bool = True) -> list[Path]:
    """Write (and execute, in the notebook's own folder) every generated notebook."""
    written = []
    for path, nb in _jobs():
        path.parent.mkdir(parents=True, exist_ok=True)
        if execute:
            # nbclient records the widgets' state; it changes every run, so it is not
            # kept in the file. No view captures into an Output widget while a cell
            # runs (book/notebooks/liveout.py says why nbclient then hung). The kernel holds
            # nothing to save, so it is stopped at once.
            NotebookClient(
                nb, timeout=120, kernel_name="python3", store_widget_state=True,
                resources={"metadata": {"path": str(path.parent)}}, shutdown_kernel="immediate",
            ).execute()
            nb.metadata.pop("widgets", None)
        _steady(nb)
        nbformat.write(nb, path)
        written.append(path)
    return written


def work_copies(dest: Path = ROOT / "_build" / "lab") -> Path:
    """The exercise notebooks for `make lab`, copied outside git, and the answers beside them.

    JupyterLab saves open notebooks every two minutes; run from the tracked files, it
    would rewrite them (and `make test` would fail on the saved widget state). A copy is
    refreshed only when the tracked notebook is newer (after `make notebooks`), so a
    facilitator's own edits in the copy stay. ``answers`` links to the course's answers
    folder, so the group notebook's relative paths (``../../answers/...``) still work.
    """
    source = ROOT / "exercises"
    for path in sorted(source.rglob("*")):
        if path.is_dir() or ".ipynb_checkpoints" in path.parts:
            continue
        target = dest / "exercises" / path.relative_to(source)
        if not target.exists() or path.stat().st_mtime > target.stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    answers = answers_dir()
    answers.mkdir(parents=True, exist_ok=True)
    link = dest / "answers"
    if link.is_symlink() and link.resolve() != answers.resolve():
        link.unlink()  # an earlier run pointed elsewhere (PRT_ANSWERS_DIR)
    if not link.is_symlink():
        link.symlink_to(answers.resolve(), target_is_directory=True)
    return dest
