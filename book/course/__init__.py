"""The course: its data (book/data/*.yml) loaded and checked into models, the reader-facing
words, the sources, the vocabulary pass, and what an exercise offers. Imports nothing of
ours above it."""
