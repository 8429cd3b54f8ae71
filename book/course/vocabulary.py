"""The vocabulary pass: every word a newcomer may stop at gets an answer.

A glossary built from what its authors happened to notice misses words ("ILTT",
"neoliberal") that a new reader meets in the first paragraph. This pass lists each
article's candidate terms mechanically (names of two or more capitalised words,
acronyms, -isms and -ists, words with Spanish or Arabic letters) and checks that each
is answered: either by a glossary entry (its term or an alias) or by a recorded reason
to skip it in ``book/data/vocabulary.yml`` (a person named with role and dates in a
margin note, a place, a title of a work...). A new article, or a new word in an old
one, then fails the test until someone decides what a reader needs.

Run ``python -m book.course.vocabulary`` for the report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from .load import DATA_DIR, Course, load_course

SEEDS = DATA_DIR.parent.parent.parent / "shared" / "seeds"
#: Capitalised words that start sentences or headings and mean nothing on their own.
_NAME = re.compile(r"\b(?:[A-ZÁÉÍÓÚÑ][\w'’áéíóúñü-]+)(?:\s+(?:of|de|del|la|al-|and|y)?\s*[A-ZÁÉÍÓÚÑ][\w'’áéíóúñü-]+)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]+)?\b")
_ISM = re.compile(r"\b[\w'’-]+(?:isms?|ismos?|ists?|istas?)\b", re.IGNORECASE)
_FOREIGN = re.compile(r"\b\w*[áéíóúñü]\w*\b", re.IGNORECASE)
#: Sentence openers that a capitalised run picks up and that belong to no name.
_OPENERS = {"the", "in", "by", "for", "from", "while", "this", "but", "why", "on", "what", "no",
            "hence", "foreign", "ministers", "a", "an", "and", "of", "to", "with", "not"}
_NOT_ISMS = {"exist", "exists", "list", "lists", "assist", "insist", "insists", "persist", "resist",
             "consist", "consists", "mechanism", "mechanisms", "artist", "artists", "specialists",
             "tourism", "criticism", "enlist", "twist"}


@dataclass(frozen=True)
class Candidate:
    """A word or phrase from one article, and why the pass picked it."""

    text: str
    article: str
    why: str


def article_text(course: Course, article_id: str, seeds: Path = SEEDS) -> str:
    """The article's lines as the seed holds them (the same span the chapter shows)."""
    article = course.articles[article_id]
    lines = (seeds / article.seed_file).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[article.lines[0] - 1 : article.lines[1]])


def _is_heading(line: str) -> bool:
    """A short line in Title Case: a heading names a section, not a term to explain."""
    words = re.findall(r"[A-Za-z][\w-]*", line)
    if not words or len(line) > 120 or line.rstrip().endswith((".", ",", ";")):
        return False
    small = {"and", "of", "the", "a", "an", "in", "on", "to", "for", "with", "under", "before", "not", "into"}
    return sum(w[0].isupper() or w in small for w in words) >= 0.8 * len(words)


def candidates(text: str, article: str) -> list[Candidate]:
    """Terms a newcomer may stop at, each once per article, in order of first use."""
    found: dict[str, Candidate] = {}

    def add(term: str, why: str) -> None:
        words = term.strip(" '’-").split()
        while words and words[0].lower() in _OPENERS:
            words = words[1:]
        while words and words[-1].lower() in _OPENERS:
            words = words[:-1]
        term = " ".join(words)
        if why == "name" and len(words) < 2:
            return
        if len(term) > 1 and term.lower() not in found:
            found[term.lower()] = Candidate(term, article, why)

    for line in text.splitlines():
        line = re.sub(r"['’]s\b", "", line)
        if _is_heading(line):
            continue
        for match in _NAME.finditer(line):
            add(match.group(0), "name")
        for match in _ACRONYM.finditer(line):
            add(match.group(0), "acronym")
        for match in _ISM.finditer(line):
            if match.group(0).lower() not in _NOT_ISMS:
                add(match.group(0).lower(), "-ism or -ist")
        for match in _FOREIGN.finditer(line):
            add(match.group(0), "non-English letters")
    return list(found.values())


def glossary_forms(course: Course) -> dict[str, str]:
    """Every way the glossary names a term (term, aliases, id), lower-cased, to its id."""
    forms = {}
    for term in course.terms.values():
        for form in [term.term, term.id.replace("-", " "), *term.aliases]:
            forms[re.sub(r"['’]s?\b", "", form.lower())] = term.id
    return forms


def load_skips(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """``vocabulary.yml``: reason -> list of candidates; returned as candidate -> reason."""
    data = yaml.safe_load((data_dir / "vocabulary.yml").read_text(encoding="utf-8")) or {}
    return {word.lower(): reason for reason, words in data["skip"].items() for word in words}


def _covered(word: str, forms: dict[str, str]) -> str | None:
    """The glossary term that answers a candidate: exact, plural, or the term inside a longer name."""
    low = re.sub(r"['’]", "", word.lower())
    bare = re.sub(r"^(anti|pro|inter|neo)-", "", low)
    for form in (low, low.rstrip("s"), bare, re.sub(r"ists?$", "ism", bare), re.sub(r"isms$", "ism", bare)):
        if form in forms:
            return forms[form]
    for form, term in forms.items():
        if " " in form and re.search(rf"\b{re.escape(form)}\b", low):
            return term
    return None


def report(course: Course | None = None, data_dir: Path = DATA_DIR, seeds: Path = SEEDS) -> dict:
    """Counts and the unanswered candidates, per article and in total."""
    course = course or load_course()
    forms, skips = glossary_forms(course), load_skips(data_dir)
    rows = {"entry": [], "skip": [], "open": []}
    for article in course.articles:
        for cand in candidates(article_text(course, article, seeds), article):
            if _covered(cand.text, forms):
                rows["entry"].append(cand)
            elif cand.text.lower() in skips:
                rows["skip"].append((cand, skips[cand.text.lower()]))
            else:
                rows["open"].append(cand)
    return rows


def main() -> int:
    """Print the report; exit 1 if any candidate has neither an entry nor a reason."""
    rows = report()
    total = sum(len(v) for v in rows.values())
    print(f"vocabulary pass: {total} candidates in the four articles")
    print(f"  answered by a glossary entry: {len(rows['entry'])}")
    print(f"  skipped with a recorded reason: {len(rows['skip'])}")
    for reason, count in Counter(r for _, r in rows["skip"]).most_common():
        print(f"    {count:4d}  {reason}")
    print(f"  unanswered: {len(rows['open'])}")
    for cand in rows["open"]:
        print(f"    {cand.article}: {cand.text!r} ({cand.why})")
    return 1 if rows["open"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
