"""The "My answers" page's markup: its controls, and the exercise catalog as data.

Written at build time by the ``{my-answers}`` directive; static/my-answers.js makes it
work. With scripts off the page says what it needs instead of showing dead buttons.
"""

from __future__ import annotations

import json

from ..load import course
from ..markup import json_script
from ..strings import t_text
from .catalog import catalog


def catalog_data(version: str) -> str:
    """The JSON block both the reader's and the facilitator's pages read."""
    data = {"version": version, "chapters": {k: a.short for k, a in course().articles.items()},
            "exercises": catalog()}
    return json_script(json.dumps(data, ensure_ascii=False), "prt-ma-data")


def my_answers_html(version: str) -> str:
    """The page's controls, in the catalog's words (my_answers.*)."""
    return f"""<div class="prt-my-answers">
{catalog_data(version)}
<p class="prt-ma-status" role="status" aria-live="polite">{t_text('my_answers.needs_js')}</p>
<div class="prt-ma-list"></div>
<div class="prt-ma-controls">
<h2 id="export">{t_text('my_answers.export_head')}</h2>
<form class="prt-ma-export">
<p>{t_text('my_answers.export_intro')}</p>
<label for="prt-ma-pseudonym">{t_text('my_answers.pseudonym')}</label>
<input id="prt-ma-pseudonym" class="prt-ma-pseudonym" type="text" maxlength="80" autocomplete="off">
<label for="prt-ma-session">{t_text('my_answers.session')}</label>
<input id="prt-ma-session" class="prt-ma-session" type="text" maxlength="80" autocomplete="off">
<button type="submit">{t_text('my_answers.export')}</button>
<a class="prt-ma-download" hidden>{t_text('my_answers.download_again')}</a>
<p class="prt-ma-export-status" role="status" aria-live="polite"></p>
</form>
<h2 id="import">{t_text('my_answers.import_head')}</h2>
<p>{t_text('my_answers.import_intro')}</p>
<label for="prt-ma-import">{t_text('my_answers.answer_file')}</label>
<input id="prt-ma-import" class="prt-ma-import" type="file" accept=".json,application/json">
<p class="prt-ma-import-status" role="status" aria-live="polite"></p>
<h2 id="copy">{t_text('my_answers.copy_head')}</h2>
<button type="button" class="prt-ma-copy">{t_text('my_answers.copy')}</button>
<button type="button" class="prt-ma-print">{t_text('my_answers.print')}</button>
<p class="prt-ma-copy-status" role="status" aria-live="polite"></p>
<label class="prt-sr" for="prt-ma-text">{t_text('my_answers.as_text')}</label>
<textarea id="prt-ma-text" class="prt-ma-text" rows="8" readonly hidden></textarea>
<h2 id="erase">{t_text('my_answers.erase_head')}</h2>
<p>{t_text('my_answers.erase_intro')}</p>
<button type="button" class="prt-ma-erase">{t_text('my_answers.erase')}</button>
<p class="prt-ma-erase-status" role="status" aria-live="polite"></p>
</div>
</div>
"""
