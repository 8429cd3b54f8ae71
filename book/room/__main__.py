"""python -m book.room: the room (make room)."""

import sys

from .server import main

sys.exit(main())
