"""Text compared across the forms of the book (seed, page, PDF, pocket file, EPUB): only
what a faithful copy may change is evened out, so that a word lost or changed shows."""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """Whitespace, quotes and dashes only: what a faithful copy may change."""
    text = text.replace("\u00a0", " ").replace("●", " ").replace("•", " ")
    text = re.sub(r"[“”„\"]", '"', text)
    text = re.sub(r"[‘’`']", "'", text)
    text = re.sub(r"\s*(?:--|[—–])\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text: str) -> str:
    """``normalise`` with no whitespace left and ligatures spelt out (NFKC): a PDF, a
    pocket file or an e-book wraps lines and may set "ﬁ" where the page has "fi"."""
    return re.sub(r"\s+", "", normalise(unicodedata.normalize("NFKC", text)))
