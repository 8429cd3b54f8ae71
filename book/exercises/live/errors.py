"""Errors inside button callbacks, shown in the widget in words.

ipywidgets sends an exception raised in a callback to the lab's log console only: to
a participant a failing Check, Start or Export looks like nothing happened. Wrapped
callbacks write what went wrong where the participant is looking.
"""

from __future__ import annotations

import functools
import html
import logging
from typing import Any, Callable

import ipywidgets as w

from ...course.strings import t

log = logging.getLogger(__name__)


def shown_errors(callback: Callable[[Any], None], out: w.HTML, doing: str) -> Callable[[Any], None]:
    """``callback``, with any exception shown in ``out`` (and logged) instead of lost;
    ``doing`` names what was under way, in the catalog's words (live.doing_*)."""

    @functools.wraps(callback)
    def guarded(arg: Any) -> None:
        try:
            callback(arg)
        except Exception as err:  # any failure at all must reach the participant's eyes
            log.exception("callback failed while %s", doing)
            why = t("live.went_wrong", doing=doing, error=type(err).__name__, why=err)
            out.value = f"<p class='prt-wrong'>{html.escape(why)}</p>"

    return guarded
