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
import yaml
from pytest_notebook.nb_regression import NBRegressionError, NBRegressionFixture

from book.load import DATA_ENV
from book.notebooks import exercise_notebook, notebook_paths

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "exercises").rglob("*.ipynb"))
IGNORE = (
    "/cells/*/outputs/*/data/application/vnd.jupyter.widget-view+json",
    "/cells/*/outputs/*/data/text/plain",  # widget reprs name their model ids
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
    "/metadata/widgets",
    "/metadata/language_info",
    "/cells/*/metadata/execution",
)


def _fixture(cwd: Path, env: dict[str, str] | None = None) -> NBRegressionFixture:
    """Run where the notebook lives, as Jupyter does (and as `make notebooks` did)."""
    return NBRegressionFixture(
        exec_timeout=120, exec_cwd=str(cwd), diff_ignore=IGNORE, diff_use_color=False,
        exec_env=env,
    )


def test_every_chapter_with_exercises_has_both_editions():
    assert NOTEBOOKS, "no exercise notebooks: run `make notebooks`"
    for path in notebook_paths("tishreen").values():
        assert path.exists(), path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_reruns_identically(path):
    _fixture(path.parent).check(str(path))


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
        _fixture(path.parent, env).check(str(path))
    assert "2 October 2019" in str(info.value)


def test_participant_edition_has_no_answer_key():
    text = notebook_paths("tishreen")[False].read_text(encoding="utf-8")
    assert "answer_key" not in text and "Answer key" not in text


def test_saved_notebooks_are_steady_ids_no_timestamps_no_dangling_widget_views():
    """Regenerating an unchanged notebook must leave the file unchanged (clean diffs)."""
    for path in sorted((Path(__file__).parent.parent / "exercises").rglob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert [c.id for c in nb.cells] == [f"cell-{n}" for n in range(1, len(nb.cells) + 1)], path
        for cell in nb.cells:
            assert "execution" not in cell.metadata, path
            for output in cell.get("outputs", []):
                assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {}), path
