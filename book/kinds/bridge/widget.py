"""The bridge, live: a grievance to choose, then the three steps of the chain."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ...course.models import Bridge
from ...course.strings import t
from ...exercises.live.frame import frame_widget
from . import STEPS, grade


def widget(ex: Bridge) -> w.Widget:
    pick = w.Dropdown(options=[(g.grievance, i) for i, g in enumerate(ex.grievances)], value=None,
                      description=t("exercise.grievance"), layout={"width": "auto"})
    fields = {s: w.Textarea(placeholder=t(f"exercise.bridge_{s}"), layout={"width": "100%"}) for s in STEPS}
    body = w.VBox([pick, *fields.values()])

    def read() -> dict[str, Any]:
        return {"grievance": -1 if pick.value is None else pick.value, **{s: f.value for s, f in fields.items()}}

    def write(answer: dict[str, Any]) -> None:
        pick.value = None if int(answer.get("grievance", -1)) < 0 else int(answer["grievance"])
        for s, f in fields.items():
            f.value = answer.get(s, "")

    return frame_widget(ex, body, read, lambda a: grade(ex, a), write, {"grievance": -1}, label="exercise.compare")
