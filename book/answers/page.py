"""The "My answers" page's markup: its controls, and the exercise catalog as data.

Written at build time by the ``{my-answers}`` directive; static/my-answers.js makes it
work. With scripts off the page says what it needs instead of showing dead buttons.
"""

from __future__ import annotations

import json

from ..course.load import course
from ..course.markup import json_script
from ..course.strings import t_text
from .catalog import catalog


def catalog_data(version: str) -> str:
    """The JSON block both the reader's and the facilitator's pages read."""
    data = {"version": version, "chapters": {k: a.short for k, a in course().articles.items()},
            "exercises": catalog()}
    return json_script(json.dumps(data, ensure_ascii=False), "prt-ma-data")


def my_answers_html(version: str) -> str:
    """The page's controls, in the catalog's words (my_answers.*). First the send step:
    the answers as text to paste into a chat, with a Copy button, and the answer file
    beside it (the phone's share menu where it takes the file, else a download), with a
    line saying where the file went; private notes only when ticked. Then what the device
    keeps, import, print and erase. No link is left without an address: the file is
    downloaded through a link the script makes and never puts in the page."""
    return f"""<div class="prt-my-answers">
{catalog_data(version)}
<p class="prt-ma-status" role="status" aria-live="polite">{t_text('my_answers.needs_js')}</p>
<div class="prt-ma-controls">
<section class="prt-ma-send" aria-labelledby="send">
<h2 id="send">{t_text('my_answers.send_head')}</h2>
<p>{t_text('my_answers.send_intro')}</p>
<label for="prt-ma-pseudonym">{t_text('my_answers.pseudonym')}</label>
<input id="prt-ma-pseudonym" class="prt-ma-pseudonym" type="text" maxlength="80" autocomplete="off">
<label for="prt-ma-session">{t_text('my_answers.session')}</label>
<input id="prt-ma-session" class="prt-ma-session" type="text" maxlength="80" autocomplete="off">
<p class="prt-ma-check"><input id="prt-ma-private" class="prt-ma-private" type="checkbox" aria-describedby="prt-ma-private-hint">
<label for="prt-ma-private">{t_text('my_answers.private')}</label></p>
<p class="prt-ma-hint" id="prt-ma-private-hint">{t_text('my_answers.private_hint')}</p>
<h3 id="send-text">{t_text('my_answers.text_head')}</h3>
<label class="prt-sr" for="prt-ma-summary">{t_text('my_answers.as_text')}</label>
<textarea id="prt-ma-summary" class="prt-ma-text prt-ma-summary" rows="9" readonly></textarea>
<button type="button" class="prt-ma-copy">{t_text('my_answers.copy')}</button>
<p class="prt-ma-copy-status" role="status" aria-live="polite"></p>
<h3 id="send-file">{t_text('my_answers.file_head')}</h3>
<p>{t_text('my_answers.file_intro')}</p>
<button type="button" class="prt-ma-send-file">{t_text('my_answers.save_file')}</button>
<p class="prt-ma-export-status" role="status" aria-live="polite"></p>
</section>
</div>
<h2 id="kept" class="prt-ma-list-head" hidden>{t_text('my_answers.kept_head')}</h2>
<div class="prt-ma-list"></div>
<div class="prt-ma-controls">
<h2 id="import">{t_text('my_answers.import_head')}</h2>
<p>{t_text('my_answers.import_intro')}</p>
<label for="prt-ma-import">{t_text('my_answers.answer_file')}</label>
<input id="prt-ma-import" class="prt-ma-import" type="file" accept=".json,application/json">
<p class="prt-ma-import-status" role="status" aria-live="polite"></p>
<h2 id="print">{t_text('my_answers.print_head')}</h2>
<button type="button" class="prt-ma-print">{t_text('my_answers.print')}</button>
<h2 id="erase">{t_text('my_answers.erase_head')}</h2>
<p>{t_text('my_answers.erase_intro')}</p>
<button type="button" class="prt-ma-erase">{t_text('my_answers.erase')}</button>
<p class="prt-ma-erase-status" role="status" aria-live="polite"></p>
</div>
</div>
"""
