"""Who is answering in this kernel: Start, the claim on a name, restoring drawn widgets.

The notebook says *Run All Cells*, then type a name and press Start, so every exercise
widget is drawn before anyone is known. A widget therefore keeps no store of its own:
it asks for the current one when an answer is given (none before Start: nothing is
saved), and registers a restore function that Start calls, which clears its inputs and
writes back this participant's saved answer. Nothing one participant wrote stays on
the screen for the next.

A name is claimed for as long as the kernel lives, by a lock the operating system
drops when the process ends (a restart, a crash). The same name and session in a second
live kernel is refused, so two people who chose one nickname never see or overwrite
each other's answers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ...course.strings import t
from ...answers.names import NameProblem
from .store import NAME_FIELD, AnswerStore, current, lock_fd, use

Restore = Callable[[AnswerStore, bool], None]

_claims: dict[Path, int] = {}  # open, locked ".live" files of this kernel, by path
_drawn: list[Restore] = []


def _claim(store: AnswerStore) -> None:
    """Hold the name's ".live" lock for this process, or NameProblem if another holds it."""
    path = store.path.with_name(f".{store.path.stem}.live")
    if path in _claims:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        lock_fd(fd, wait=False)
    except OSError:
        os.close(fd)
        raise NameProblem(NAME_FIELD, t("live.claimed", name=store.participant, session=store.session)) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    _claims[path] = fd


def start(participant: str, session: str, root: Path | None = None) -> AnswerStore:
    """Make this participant the one answering, and show their saved answers everywhere.

    Inputs are cleared only when the keyboard passes from one participant to another;
    what was typed before anyone started stays, for whoever now presses Start. Raises NameProblem (naming the field at fault) for a name that cannot be used.
    """
    store = AnswerStore(participant, session) if root is None else AnswerStore(participant, session, root)
    _claim(store)
    mine = store.path.with_name(f".{store.path.stem}.live")
    for path in [p for p in _claims if p != mine]:
        os.close(_claims.pop(path))  # the previous participant's name is free again
    previous = current()
    switched = previous is not None and previous.path != store.path
    use(store)
    for restore in _drawn:
        restore(store, switched)
    return store


def drawn(restore: Restore, store: AnswerStore | None) -> None:
    """Register a drawn widget's restore function; fill it at once if someone has started."""
    _drawn.append(restore)
    if store is not None:
        restore(store, False)
