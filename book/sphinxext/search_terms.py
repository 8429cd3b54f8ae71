"""Glossary entries as search results that land on the entry.

Sphinx indexes glossary terms with search priority -1, so they never appear as hits of
their own: a search for "rondas" listed the glossary page, which opened at its top,
130,000 px above the entry. A small domain lists every entry (and its aliases) as an
object of type "glossary entry": the search page shows it first, as "Rondas campesinas
(glossary entry, in Glossary)", and the link goes to the entry itself.
"""

from __future__ import annotations

from typing import Any, Iterable

from sphinx.domains import Domain, ObjType

from ..course.load import course
from ..course.strings import t


class CourseDomain(Domain):
    """The course's own objects; for now the glossary entries, for search."""

    name = "course"
    label = t("search.domain")
    object_types = {"term": ObjType(t("search.term"), "term", searchprio=1)}
    initial_data: dict[str, Any] = {}

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        glossary = self.env.config.prt_glossary_doc
        if glossary not in self.env.all_docs:
            return
        for term in course().terms.values():
            anchor = f"term-{term.id}"
            for name in dict.fromkeys([term.term, *term.aliases]):
                yield name, name, "term", glossary, anchor, 1

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """Plain "glossary entry": the search page shows it beside each hit."""
        return str(type.lname)

    def merge_domaindata(self, docnames: list[str], otherdata: dict[str, Any]) -> None:
        """Nothing per document: the entries come from the course data."""

    def resolve_any_xref(self, *args: Any) -> list:
        return []
