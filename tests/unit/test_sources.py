"""The source registry: `make validate` rejects untrustworthy or stale sources, naming
file, line, entry and field, and the check date reaches the reader's pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from book.course import sources
from conftest import ROOT


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def validate(monkeypatch, capsys):
    """Run what `make validate` runs (prt validate), in-process, on a scratch copy of the data."""
    from book.cli import main

    def run(data: Path) -> Run:
        monkeypatch.setenv("PRT_DATA_DIR", str(data))
        monkeypatch.chdir(ROOT)
        code = main(["validate"])
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _plant(path: Path, event_id: str, old: str, new: str) -> None:
    """Replace text inside one event's entry."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {event_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = len(text) if end < 0 else end
    entry = text[start:end]
    assert old in entry, f"{old!r} not in {event_id}"
    path.write_text(text[:start] + entry.replace(old, new, 1) + text[end:], encoding="utf-8")


def test_the_course_data_passes(data_copy, validate):
    run = validate(data_copy)
    assert run.returncode == 0, run.stderr
    assert "course data OK" in run.stdout


#: Planted faults: (file, event, text replaced, its replacement, what the message must say
#: after "file:line: event 'id', field ").
PLANTED = {
    "unknown domain": ("events/peru.yml", "peru-runoff-2026", "url: https://en.mercopress.com/2026/06/08/",
                       "url: https://associattedpress.com/2026/06/08/",
                       r"'sources\[0\]\.url': domain 'associattedpress\.com' is not in book/data/sources\.yml"),
    "bare IP address": ("events/iraq-labour.yml", "iraq-ration-card-system-1990", "url: https://shafaq.com/",
                        "url: http://195.201.164.17:8081/",
                        r"'sources\[0\]\.url': http://195\.201\.164\.17:8081/\S+ is a bare IP address"),
    "past scheduled event": ("events/peru.yml", "peru-runoff-2026", "title: Presidential run-off between",
                             "title: Presidential run-off scheduled between",
                             r"'title': says 'scheduled' but the event \(7 June 2026\) lies before the check date"),
    "reference dated before its event": (
        "events/peru.yml", "peru-runoff-2026", "both candidates urge caution', 8 June 2026\"",
        "both candidates urge caution', 8 May 2026\"",
        r"'sources\[0\]\.ref': the reference is dated 8 May 2026, before the event it supports \(7 June 2026\)"),
}


@pytest.mark.parametrize("fault", PLANTED)
def test_a_planted_fault_is_rejected_naming_file_line_entry_and_field(data_copy, validate, fault):
    name, event, old, new, message = PLANTED[fault]
    path = data_copy / name
    _plant(path, event, old, new)
    line = _line_of(path, new.rstrip('"'))
    run = validate(data_copy)
    assert run.returncode == 1
    assert re.search(rf"{re.escape(name)}:{line}: event '{event}', field {message}", run.stderr), run.stderr


def test_a_scheduled_event_after_the_check_date_passes_until_the_date_is_past(data_copy):
    """The same words are right before the date and wrong after it: only the date decides."""
    registry = data_copy / "sources.yml"
    events = data_copy / "events" / "peru.yml"
    _plant(events, "peru-runoff-2026", "title: Presidential run-off between",
           "title: Presidential run-off scheduled between")
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        re.search(r"checked_as_of: '?\d{4}-\d{2}-\d{2}'?", registry.read_text(encoding="utf-8")).group(0),
        "checked_as_of: '2026-06-01'"), encoding="utf-8")
    found = sources.problems(data_copy)
    assert not any("'scheduled'" in p for p in found), found
    assert any("peru-runoff-2026', field 'date': 7 June 2026 lies after the check date" in p for p in found)


def test_a_glossary_source_needs_a_registered_domain_too(data_copy):
    glossary = data_copy / "glossary" / "peru.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("url: https://www.europapress.es/", "url: https://pledgetimes.com/", 1),
                        encoding="utf-8")
    found = sources.problems(data_copy)
    assert any(re.search(r"glossary/peru\.yml:\d+: term 'major-non-nato-ally', field 'origin\.sources\[\d\]\.url': "
                         r"domain 'pledgetimes\.com' is not in", p) for p in found), found


def test_every_registered_publisher_is_cited_and_has_a_known_kind():
    """The registry lists what the course cites, no more: a stale entry would let a bad source back in."""
    registry = sources.load_registry()
    cited = {sources.host_of(c.url) for c, _ in sources._data_citations(sources.DATA_DIR)}
    cited |= {sources.host_of(c.url) for c in sources._prose_citations(ROOT)}
    unused = [p.domain for p in registry.publishers
              if not any(h == p.domain or h.endswith("." + p.domain) for h in cited)]
    assert unused == []
    domains = [p.domain for p in registry.publishers]
    assert len(domains) == len(set(domains))


def test_a_copy_site_must_say_whose_text_it_hosts(data_copy):
    registry = data_copy / "sources.yml"
    text = registry.read_text(encoding="utf-8")
    start = text.index("- domain: docslib.org")
    end = text.index("\n- domain:", start + 1)
    registry.write_text(text[:start] + "- domain: docslib.org\n  name: Docslib\n  kind: copy" + text[end:],
                        encoding="utf-8")
    with pytest.raises(sources.DataError, match=r"sources\.yml: field 'publishers\.\d+': .*copy site needs a note"):
        sources.problems(data_copy)
