"""The source registry and the checks that keep the course's sources trustworthy.

A reader who opens a cited page must find a publisher they can weigh: a wire, a
newspaper, an NGO report, the primary document. ``book/data/sources.yml`` lists every
publisher domain the course cites, with its name and kind, so a new citation of a copy
site, a typo-squatted domain or a bare IP address stops ``make validate`` instead of
reaching a study group. The same file holds the date to which the facts were checked:
an event still described as "scheduled" after that date is stale, and a source dated
before the event it reports cannot be reporting it.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .dates import MONTHS, PartialDate
from .load import DATA_DIR, DATA_ENV
from .yamlfile import DataError, read_entries, show

ROOT = DATA_DIR.parent.parent
#: Prose that cites sources in links: every page a reader opens.
PROSE = ("chapters/*.md", "reference/*.md", "*.md")
Kind = Literal[
    "primary", "wire", "newspaper", "broadcaster", "magazine", "ngo", "think-tank", "intergovernmental",
    "encyclopedia", "scholarly", "publisher", "party-press", "archive", "reference", "blog", "copy",
]
#: Words that make an event a forecast; once its date has passed they are stale.
FUTURE = re.compile(
    r"\b(scheduled|is set for|are set for|will be held|will take place|is due to|are due to|upcoming)\b",
    re.IGNORECASE,
)
_DAY = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(MONTHS))
_MONTH = re.compile(r"\b(%s) (\d{4})\b" % "|".join(MONTHS))
_LINK = re.compile(r"\]\((https?://[^)\s]+)\)")
#: A reference may predate its event on purpose, if it says why in its brackets.
_EARLIER_ON_PURPOSE = re.compile(r"\((announcement|background)\b|before the event", re.IGNORECASE)


class Publisher(BaseModel):
    """One publisher domain and what kind of source it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    domain: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")
    name: str = Field(min_length=2)
    kind: Kind
    note: str | None = None

    @model_validator(mode="after")
    def _copies_say_whose(self) -> "Publisher":
        if self.kind == "copy" and not self.note:
            raise ValueError("a copy site needs a note saying whose text it hosts")
        return self


class Registry(BaseModel):
    """The whole file: the check date and the publishers."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    checked_as_of: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    publishers: list[Publisher] = Field(min_length=1)

    @property
    def checked(self) -> dt.date:
        return dt.date.fromisoformat(self.checked_as_of)


@dataclass(frozen=True)
class Citation:
    """A URL as it is cited somewhere: where, for which entry, in which field."""

    where: str
    entry: str
    field: str
    url: str


def _data_dir(data_dir: Path | None) -> Path:
    """The data folder in use: tests point PRT_DATA_DIR at a scratch copy, as for the loader."""
    return data_dir or Path(os.environ.get(DATA_ENV) or DATA_DIR)


def load_registry(data_dir: Path | None = None) -> Registry:
    """Read sources.yml; a malformed file is reported like any other bad data."""
    path = _data_dir(data_dir) / "sources.yml"
    try:
        return Registry.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as err:
        raise DataError([f"{show(path)}: cannot be read: {err}"]) from None
    except ValidationError as err:
        raise DataError([
            f"{show(path)}: field {'.'.join(map(str, e['loc']))!r}: {e['msg']}" for e in err.errors()
        ]) from None


def checked_label(data_dir: Path | None = None) -> str:
    """The check date as readers see it: ``1 December 2026``."""
    return PartialDate.parse(load_registry(data_dir).checked_as_of).label()


def host_of(url: str) -> str:
    """The URL's host without port, ``www.`` or a mobile ``m.`` prefix."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return re.sub(r"^(www\d*|m)\.", "", host)


def publisher_for(host: str, registry: Registry) -> Publisher | None:
    """The registered publisher of a host, matching the host or any parent domain."""
    domains = {p.domain: p for p in registry.publishers}
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in domains:
            return domains[".".join(parts[i:])]
    return None


def _data_citations(data_dir: Path) -> Iterator[tuple[Citation, dict]]:
    """Every source URL in events, glossary terms and timeline periods, with its entry."""
    for pattern, noun in (("events/*.yml", "event"), ("glossary/*.yml", "term"), ("periods.yml", "period")):
        for path in sorted(data_dir.glob(pattern)):
            for entry in read_entries(path):
                data = entry.data if isinstance(entry.data, dict) else {}
                label = f"{noun} {data.get('id', '?')!r}"
                holder = data.get("origin") or {} if noun == "term" else data
                prefix = ("origin", "sources") if noun == "term" else ("sources",)
                for i, src in enumerate(holder.get("sources") or []):
                    if isinstance(src, dict) and src.get("url"):
                        where = f"{entry.place.file}:{entry.place.line(prefix + (i, 'url'))}"
                        field = f"{'.'.join(prefix)}[{i}].url"
                        yield Citation(where, label, field, str(src["url"])), data


def _prose_citations(root: Path) -> Iterator[Citation]:
    """Every outside link in the reader's pages, under the heading or margin note it sits in."""
    for pattern in PROSE:
        for path in sorted(root.glob(pattern)):
            if path.name == "README.md":
                continue
            entry = "page"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                heading = re.match(r"^(?:#+|:::\{margin\})\s*(.+)", line)
                if heading:
                    entry = heading.group(1).strip()
                for url in _LINK.findall(line):
                    yield Citation(f"{show(path)}:{n}", f"section {entry!r}", "link", url)


def _url_problem(url: str, registry: Registry) -> str | None:
    host = host_of(url)
    try:
        ipaddress.ip_address(host)
        return f"{url} is a bare IP address, not a publisher a reader can weigh"
    except ValueError:
        pass
    if publisher_for(host, registry) is None:
        return f"domain {host!r} is not in book/data/sources.yml (add the publisher, or cite another source)"
    return None


def _stated_date(ref: str) -> tuple[dt.date, str] | None:
    """The latest date stated in a reference, outside its quoted title and its brackets."""
    text = re.sub(r"\([^)]*\)|'[^']*'|\"[^\"]*\"", " ", ref)
    found = [(dt.date(int(y), MONTHS.index(m) + 1, int(d)), f"{d} {m} {y}") for d, m, y in _DAY.findall(text)]
    text = _DAY.sub(" ", text)
    for m, y in _MONTH.findall(text):
        month = PartialDate.parse(f"{y}-{MONTHS.index(m) + 1:02d}")
        found.append((month.stop - dt.timedelta(days=1), f"{m} {y}"))
    return max(found) if found else None


def _event_problems(data: dict, registry: Registry) -> Iterator[tuple[tuple, str]]:
    """(field path, message) for a stale forecast or a source dated before its event."""
    try:
        date = PartialDate.parse(str(data.get("date")))
    except ValueError:
        return
    for field in ("title", "annotation"):
        match = FUTURE.search(str(data.get(field, "")))
        if match and date.stop <= registry.checked:
            yield (field,), (f"says {match.group(0)!r} but the event ({date.label()}) lies before the check "
                          f"date {registry.checked_as_of}: say what happened, or that it could not be confirmed")
    if date.start > registry.checked:
        yield ("date",), f"{date.label()} lies after the check date {registry.checked_as_of}"
    for i, src in enumerate(data.get("sources") or []):
        ref = str(src.get("ref", "")) if isinstance(src, dict) else ""
        stated = None if _EARLIER_ON_PURPOSE.search(ref) else _stated_date(ref)
        if stated and stated[0] < date.start:
            yield ("sources", i, "ref"), f"the reference is dated {stated[1]}, before the event it supports ({date.label()})"


def problems(data_dir: Path | None = None, root: Path = ROOT) -> list[str]:
    """Every source problem, each naming file, line, entry and field."""
    data_dir = _data_dir(data_dir)
    registry = load_registry(data_dir)
    found: list[str] = []
    for cite, _ in _data_citations(data_dir):
        problem = _url_problem(cite.url, registry)
        if problem:
            found.append(f"{cite.where}: {cite.entry}, field {cite.field!r}: {problem}")
    for path in sorted((data_dir / "events").glob("*.yml")):
        for entry in read_entries(path):
            if isinstance(entry.data, dict):
                for field, message in _event_problems(entry.data, registry):
                    name = ".".join(str(p) for p in field if not isinstance(p, int))
                    name = f"sources[{field[1]}].ref" if field[0] == "sources" else name
                    found.append(f"{entry.place.file}:{entry.place.line(field)}: event "
                                 f"{entry.data.get('id', '?')!r}, field {name!r}: {message}")
    for cite in _prose_citations(root):
        problem = _url_problem(cite.url, registry)
        if problem:
            found.append(f"{cite.where}: {cite.entry}, field {cite.field!r}: {problem}")
    return found


def check(data_dir: Path | None = None, root: Path = ROOT) -> None:
    """Raise DataError listing every problem, as the loader does for the data's shape."""
    found = problems(data_dir, root)
    if found:
        raise DataError(found)
