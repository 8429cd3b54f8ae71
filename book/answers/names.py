"""Participant and session names: any script kept, turned into safe, unique file names.

A study group may answer as محمد, José or "Ana (2nd row)". The name is kept as typed
(Unicode NFC, spaces tidied) and shown back; the file name is a readable slug plus a
short hash of the exact name, so "José" and "Jos" never share a file, a long name
never hits the file system's length limit, and no character can escape the folder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..course.strings import t

MAX_CHARS = 60
SLUG_CHARS = 32


class NameProblem(ValueError):
    """A name that cannot be used; ``field`` is the form field at fault ("Your name" ...)."""

    def __init__(self, field: str, message: str):
        super().__init__(t("live.name_problem", field=field, why=message))
        self.field = field


def clean(text: object, field: str) -> str:
    """The name as it will be stored and shown, or NameProblem naming ``field``."""
    if not isinstance(text, str):
        raise NameProblem(field, t("live.as_text"))
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise NameProblem(field, t("live.empty"))
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise NameProblem(field, t("live.control"))
    if not any(ch.isalnum() for ch in name):
        raise NameProblem(field, t("live.no_letter"))
    if len(name) > MAX_CHARS:
        raise NameProblem(field, t("live.too_long", max=MAX_CHARS, n=len(name)))
    return name


def file_stem(name: str) -> str:
    """A readable, bounded slug of letters and digits of any script, plus 8 hex of a hash.

    The hash is of the exact (cleaned) name, so two names that slug alike still get
    two files; 32 characters of slug stay far below 255 bytes even in 4-byte scripts.
    """
    slug = re.sub(r"-+", "-", "".join(ch if ch.isalnum() else "-" for ch in name.casefold()))
    slug = slug.strip("-")[:SLUG_CHARS].strip("-")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest
