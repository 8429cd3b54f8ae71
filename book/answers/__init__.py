"""The study group's answer files: one format for every route an answer travels.

A reader's browser exports it, the live notebooks write it, the facilitator's group page
and ``group-answers.ipynb`` read it. Answers are kept in a stable shape (option texts,
event ids), never as positions in a shuffled list, so a file outlives a reshuffle and
can be read by a person.
"""

from .model import FORMAT, VERSION, AnswerEntry, AnswerFile, ParagraphNote

__all__ = ["FORMAT", "VERSION", "AnswerEntry", "AnswerFile", "ParagraphNote"]
