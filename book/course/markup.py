"""Small pieces of HTML shared by the static renderings."""

from __future__ import annotations


def json_script(data: str, cls: str, attrs: str = "") -> str:
    """JSON text as a data block the page's script reads with ``JSON.parse(textContent)``.

    Script content is raw text, so HTML entities would reach the reader undecoded; instead
    every ``<`` becomes ``\\u003c`` (still the same JSON), so no ``</script>`` or ``<!--``
    inside a string can end or confuse the block. ``attrs``: more attributes, written as
    they are (an id, a ``data-later`` mark).
    """
    safe = data.replace("<", "\\u003c")
    return f'<script type="application/json" class="{cls}"{attrs}>{safe}</script>'
