"""The "My answers" page's markup: its controls, and the exercise catalog as data.

Written at build time by the ``{my-answers}`` directive; static/my-answers.js makes it
work. With scripts off the page says what it needs instead of showing dead buttons.
"""

from __future__ import annotations

import json

from ..load import course
from ..markup import json_script
from .catalog import catalog


def catalog_data(version: str) -> str:
    """The JSON block both the reader's and the facilitator's pages read."""
    data = {"version": version, "chapters": {k: a.short for k, a in course().articles.items()},
            "exercises": catalog()}
    return json_script(json.dumps(data, ensure_ascii=False), "prt-ma-data")


def my_answers_html(version: str) -> str:
    return f"""<div class="prt-my-answers">
{catalog_data(version)}
<p class="prt-ma-status" role="status" aria-live="polite">This page needs JavaScript, which is off in this browser.</p>
<div class="prt-ma-list"></div>
<div class="prt-ma-controls">
<h2 id="export">Take your answers with you</h2>
<form class="prt-ma-export">
<p>Save everything above as one file, to send to your facilitator or to move to another
phone. Choose a pseudonym: any name, it need not be your real one.</p>
<label for="prt-ma-pseudonym">Pseudonym</label>
<input id="prt-ma-pseudonym" class="prt-ma-pseudonym" type="text" maxlength="80" autocomplete="off">
<label for="prt-ma-session">Session (optional, e.g. "week 3")</label>
<input id="prt-ma-session" class="prt-ma-session" type="text" maxlength="80" autocomplete="off">
<button type="submit">Export to a file</button>
<a class="prt-ma-download" hidden>Download the file again</a>
<p class="prt-ma-export-status" role="status" aria-live="polite"></p>
</form>
<h2 id="import">Bring answers from a file</h2>
<p>Open an answer file exported from this book (on another device, or before a reset).
What is new is added; where the file and this device differ, you are asked first.</p>
<label for="prt-ma-import">Answer file</label>
<input id="prt-ma-import" class="prt-ma-import" type="file" accept=".json,application/json">
<p class="prt-ma-import-status" role="status" aria-live="polite"></p>
<h2 id="copy">Copy or print</h2>
<button type="button" class="prt-ma-copy">Copy as text</button>
<button type="button" class="prt-ma-print">Print</button>
<p class="prt-ma-copy-status" role="status" aria-live="polite"></p>
<label class="prt-sr" for="prt-ma-text">Your answers as text</label>
<textarea id="prt-ma-text" class="prt-ma-text" rows="8" readonly hidden></textarea>
<h2 id="erase">Erase everything</h2>
<p>On a shared or borrowed device, erase what this book stored: every answer, note and flag.</p>
<button type="button" class="prt-ma-erase">Erase everything this book stored</button>
<p class="prt-ma-erase-status" role="status" aria-live="polite"></p>
</div>
</div>
"""
