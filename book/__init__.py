"""Permanent Revolution Today: the course's data, figures, exercises and book tooling.

One direction of flow, each package importing only those before it:
``course`` (data, models, words, checks) -> ``timeline``, ``glossary``, ``answers`` ->
``exercises`` (``kinds``, ``live``, ``facilitator``) -> ``notebooks`` -> ``sphinxext`` (the
Sphinx layer) -> ``editions`` (made from the built pages) -> ``cli``. Chapters and
notebooks call public functions of ``timeline``, ``glossary`` and ``exercises``, one or
two lines per cell, so that no logic lives in a notebook.
"""
