"""Everything made after the Sphinx build, from the built pages: handouts and the
whole-book PDF (paper/), pocket files, the EPUB, the facilitator's edition, the zip, and
the digests that skip an unchanged step (inputs)."""
