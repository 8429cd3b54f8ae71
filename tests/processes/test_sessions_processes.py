"""Live sessions in Jupyter, clicked as a participant or facilitator would.

The notebook's own order (Run All draws every widget, then a name, then Start), a
name live in another kernel, saved answers that no longer fit, failing callbacks and
the projector view. What people type is in any script; what one wrote is never shown
to another.
"""

from __future__ import annotations




from helpers import session_form


HOLD_NAME = """
import sys
from pathlib import Path
from book.exercises.live import session
session.start("Amal", "s1", Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.read()
"""


def test_a_name_live_in_another_kernel_is_refused_until_that_kernel_ends(kernel, answers_in_tmp):
    import subprocess
    import sys

    other = subprocess.Popen([sys.executable, "-c", HOLD_NAME, str(answers_in_tmp)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "ready"
        name, when, start, status = session_form()
        name.value, when.value = "Amal", "s1"
        start.click()
        assert "Your name: “Amal” is already answering in another open notebook" in status.value
        name.value = "Amal B"
        start.click()
        assert "Saving the answers of <strong><bdi>Amal B</bdi></strong>" in status.value
    finally:
        other.communicate("", timeout=30)  # the other kernel shuts down
    name.value = "Amal"
    start.click()
    assert "Saving the answers of <strong><bdi>Amal</bdi></strong>" in status.value


