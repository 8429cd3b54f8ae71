"""Paper and pocket: the built book turned into things a member can print or carry.

The HTML book is the one source. ``extract`` reads its built pages back and cleans them
for reading off-screen (no buttons, no screen wording, every web address written out);
``documents`` composes the article handouts, session sheets and the whole book from those
parts; ``render`` prints them with WeasyPrint. ``book.editions.pocket`` and ``book.editions.epub`` reuse the
same parts for a single-file chapter and an e-book.
"""
