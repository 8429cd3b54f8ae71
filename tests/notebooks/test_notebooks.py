"""pytest-notebook regression of the exercise notebooks, both editions.

The committed notebooks hold the outputs a participant saw when they were generated
(`make notebooks`). Re-running them must give the same outputs; only widget model ids,
which change on every run, are ignored. A changed event date must show up as a diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
import pytest_notebook.execution
import yaml
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture
from traitlets import default

from book.course.load import DATA_ENV
from book.notebooks.build import exercise_notebook, notebook_paths

ROOT = Path(__file__).resolve().parents[2]
#: The tracked notebooks; JupyterLab's .ipynb_checkpoints copies beside them are not.
NOTEBOOKS = sorted(p for p in (ROOT / "exercises").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
IGNORE = (
    "/cells/*/outputs/*/data/application/vnd.jupyter.widget-view+json",
    "/cells/*/outputs/*/data/text/plain",  # widget reprs name their model ids
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
    "/metadata/widgets",
    "/metadata/language_info",
    "/cells/*/metadata/execution",
)


def _placeholders(path: Path) -> tuple[str, ...]:
    """The HTML of widget outputs: stored as a "run the notebook" line, live as the widget's
    static rendering (the book's; the timeline table and answer keys are still compared)."""
    nb = nbformat.read(path, as_version=4)
    return tuple(
        f"/cells/{n}/outputs/*/data/text/html" for n, cell in enumerate(nb.cells)
        if any(o.get("data", {}).get("text/html", "").startswith("<p><em>Run the notebook")
               for o in cell.get("outputs", []))
    )


class _Client(pytest_notebook.execution.CoverageNotebookClient):
    """pytest-notebook's client, set as `make notebooks` sets nbclient: the kernel, which
    holds nothing to save, is stopped at once (a polite shutdown request went unanswered
    for 2.5 s about once in fifty runs, until the kernel was signalled)."""

    @default("shutdown_kernel")
    def _shutdown_kernel_default(self) -> str:
        return "immediate"


@pytest.fixture(autouse=True)
def _course_kernel_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-notebook builds its client inside `check`, with no way to set how the
    kernel stops; this test module's runs get _Client instead."""
    monkeypatch.setattr(pytest_notebook.execution, "CoverageNotebookClient", _Client)


def _fixture(path: Path, env: dict[str, str] | None = None) -> NBRegressionFixture:
    """Run where the notebook lives, as Jupyter does (and as `make notebooks` did).

    The per-cell timeout is 40 s: every cell here runs in a few seconds, on a loaded
    machine in well under 40."""
    return NBRegressionFixture(
        exec_timeout=40, exec_cwd=str(path.parent), diff_ignore=IGNORE + _placeholders(path),
        diff_use_color=False, exec_env=env,
    )


def test_every_chapter_with_exercises_has_both_editions():
    assert NOTEBOOKS, "no exercise notebooks: run `make notebooks`"
    for path in notebook_paths("tishreen").values():
        assert path.exists(), path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_reruns_identically(path):
    _fixture(path).check(str(path))


@pytest.mark.parametrize("facilitator", [False, True])
def test_committed_notebook_matches_its_generator(facilitator):
    """The committed cells are exactly what book/notebooks.py writes from the data."""
    committed = nbformat.read(notebook_paths("tishreen")[facilitator], as_version=4)
    fresh = exercise_notebook("tishreen", facilitator)
    assert [c.source for c in committed.cells] == [c.source for c in fresh.cells]


def test_a_changed_event_date_fails_the_regression(data_copy):
    events = data_copy / "events" / "iraq.yml"
    entries = yaml.safe_load(events.read_text(encoding="utf-8"))
    for e in entries:
        if e["id"] == "iraq-tishreen-begins":
            e["date"] = "2019-10-02"
    events.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, **{DATA_ENV: str(data_copy)})
    with pytest.raises(NBRegressionError) as info:
        path = notebook_paths("tishreen")[False]
        _fixture(path, env).check(str(path))
    assert "2 October 2019" in str(info.value)


def test_participant_edition_has_no_answer_key():
    text = notebook_paths("tishreen")[False].read_text(encoding="utf-8")
    assert "answer_key" not in text and "Answer key" not in text


def test_saved_notebooks_are_steady_ids_no_timestamps_no_dangling_widget_views():
    """Regenerating an unchanged notebook must leave the file unchanged (clean diffs)."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert [c.id for c in nb.cells] == [f"cell-{n}" for n in range(1, len(nb.cells) + 1)], path
        for cell in nb.cells:
            assert "execution" not in cell.metadata, path
            for output in cell.get("outputs", []):
                assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {}), path


def test_before_running_every_widget_says_to_run_the_notebook():
    """No dead Check buttons and no `VBox(children=...` in what Jupyter shows before a run."""
    nb = nbformat.read(notebook_paths("tishreen")[False], as_version=4)
    shown = {c.source: c.outputs for c in nb.cells if c.cell_type == "code"}
    for source, outputs in shown.items():
        if source.startswith(("exercises.show(", "exercises.start_session(")):
            (output,) = outputs
            assert output["data"]["text/plain"].startswith("Run the notebook to answer"), source
            assert "<button" not in output["data"]["text/html"], source
    text = notebook_paths("tishreen")[False].read_text(encoding="utf-8")
    assert "VBox(" not in text and 'class=\\"prt-check\\"' not in text


def test_jupyter_instructions_are_for_jupyter_only():
    """The book page of the notebook speaks to a reader; running it is for Jupyter."""
    nb = exercise_notebook("tishreen")
    for cell in nb.cells:
        words = cell.source
        if any(w in words for w in ("Run All", "Start", "answers/", "kernel")):
            assert "remove-cell" in cell.metadata.get("tags", []), words


def test_lab_work_copies_leave_the_tracked_notebooks_alone(tmp_path, monkeypatch):
    from book.exercises.live import store
    from book.notebooks.build import work_copies

    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "answers"))
    tracked = {p: p.read_bytes() for p in NOTEBOOKS}
    dest = work_copies(tmp_path / "lab")
    copy = dest / "exercises" / "tishreen.ipynb"
    copy.write_text(copy.read_text(encoding="utf-8") + " ", encoding="utf-8")  # JupyterLab saves
    work_copies(dest)
    assert copy.read_text(encoding="utf-8").endswith(" "), "a facilitator's edit was overwritten"
    assert {p: p.read_bytes() for p in NOTEBOOKS} == tracked
    assert (dest / "answers").resolve() == (tmp_path / "answers").resolve()
