"""What a live view shows in an ipywidgets ``Output``: set as its ``outputs``, never captured.

Why (issue 25): an ``Output`` that captures (``with out:``, ``out.clear_output()``) while a
cell runs makes nbclient (``jupyter execute``, ``make notebooks``, the notebook tests)
mirror the capture back to the kernel: it sends a ``comm_msg`` on the shell socket while
it is awaiting that cell's ``execute_reply`` on the same socket. Now and then the reply
lands as that send goes out, the socket's wake-up is lost, and nbclient's wait, which
`jupyter execute` gives no timeout, never ends: the kernel has replied and gone idle and
the reply sits unread in the client's socket (seen with gdb in a hung run; upstream:
jupyter/nbclient#312, open). The explorer and the projector captured while they were
drawn, so a facilitator's notebook hung in about one run in four.

Setting ``outputs`` sends the new state from the kernel (a widget update on IOPub), so
nothing is captured, nbclient has nothing to send back, and the frontends draw the
same thing.
"""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as w


def figure(fig: Any) -> dict[str, Any]:
    """A plotly figure as one output (the JSON form JupyterLab's plotly renderer draws)."""
    return {"output_type": "display_data", "metadata": {},
            "data": {"application/vnd.plotly.v1+json": json.loads(fig.to_json())}}


def text(words: str) -> dict[str, Any]:
    """Plain words as one output, as ``print`` would show them."""
    return {"output_type": "stream", "name": "stdout", "text": f"{words}\n"}


def show(out: w.Output, *outputs: dict[str, Any]) -> None:
    """Replace what ``out`` shows (nothing: clear it)."""
    out.outputs = tuple(outputs)
