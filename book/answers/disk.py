"""Answer files on disk, written so that no reader ever sees half of one.

The live notebooks, the room and its restarts all write a member's file while others
(another kernel, the group page's reader, the room after a crash) may read it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_atomically(path: Path, payload: Any) -> None:
    """Write JSON to a temporary file in the same folder, flush it to disk, rename it over
    ``path``: a reader (another kernel, the room, a crash's survivor) sees the old file or
    the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
