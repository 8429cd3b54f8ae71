"""Content models and loaders: good data loads, bad data names file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from book.course.load import DataError, load_course
from book.course.models import Event, PartialDate


def _edit(path: Path, entry_id: str, **changes: object) -> None:
    """Change fields of one entry in a YAML list file (None deletes the field)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for e in entries:
        if e["id"] == entry_id:
            for k, v in changes.items():
                if v is None:
                    e.pop(k, None)
                else:
                    e[k] = v
            break
    else:
        raise AssertionError(f"{entry_id} not in {path}")
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _error(data: Path) -> str:
    with pytest.raises(DataError) as info:
        load_course(data)
    return str(info.value)


def test_real_data_loads_with_counts():
    c = load_course()
    assert len(c.chapter_events("tishreen")) >= 12
    assert all(e.sources for e in c.events.values())
    required = {"muhasasa", "permanent-revolution", "transitional-program", "tishreen",
                "nureed-watan", "precariat", "comprador-bourgeoisie", "dual-power",
                "menshevism", "two-stage-theory", "baathism", "sadrists"}
    assert required <= set(c.terms)
    assert len(c.chapter_exercises("tishreen")) >= 3


@pytest.mark.parametrize(
    "text, precision, label",
    [("2019", "year", "2019"), ("2019-10", "month", "October 2019"),
     ("2019-10-01", "day", "1 October 2019")],
)
def test_partial_date_keeps_its_precision(text, precision, label):
    d = PartialDate.parse(text)
    assert d.precision == precision and d.label() == label


def test_month_date_spans_the_whole_month():
    d = PartialDate.parse("2019-02")
    assert (d.stop - d.start).days == 28


def test_bad_date_names_file_event_and_field(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", date="2019-13-01")
    msg = _error(data_copy)
    assert "events/iraq.yml" in msg and "'iraq-tishreen-begins'" in msg and "field 'date'" in msg
    assert "not a real calendar date" in msg


def test_guessed_precision_format_is_rejected(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", date="October 2019")
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in _error(data_copy)


def test_unknown_region_is_named(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", region="mars")
    msg = _error(data_copy)
    assert "field 'region'" in msg and "'iraq-tishreen-begins'" in msg


def test_missing_source_is_named(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", sources=[])
    msg = _error(data_copy)
    assert "field 'sources'" in msg and "at least 1" in msg


def test_duplicate_id_across_files_is_named(data_copy):
    theory = data_copy / "events" / "theory.yml"
    entries = yaml.safe_load(theory.read_text(encoding="utf-8"))
    entries[0]["id"] = "iraq-tishreen-begins"
    theory.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    msg = _error(data_copy)
    assert "duplicate id" in msg and "iraq-tishreen-begins" in msg


def test_misspelt_field_is_an_error_not_ignored(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", anotation="typo")
    assert "field 'anotation'" in _error(data_copy)


def test_end_before_start_is_rejected():
    with pytest.raises(ValueError, match="comes before"):
        Event(id="x-y", date="2019-10-05", end="2019-10-01", title="abc", region="iraq",
              kind="protest", annotation="a" * 30, sources=[{"ref": "abc"}], confirmed=True)


def test_error_gives_the_line_of_the_field(data_copy):
    path = data_copy / "events" / "iraq.yml"
    _edit(path, "iraq-tishreen-begins", kind="riot")
    lines = path.read_text().splitlines()
    entry = next(n for n, text in enumerate(lines, 1) if text.strip() in
                 ("- id: iraq-tishreen-begins", "id: iraq-tishreen-begins"))
    kind = next(n for n, text in enumerate(lines[entry:], entry + 1) if text.strip().startswith("kind:"))
    assert f"iraq.yml:{kind}: event 'iraq-tishreen-begins', field 'kind':" in _error(data_copy)


def test_a_rule_across_fields_names_a_field_not_the_entry(data_copy):
    _edit(data_copy / "events" / "iraq.yml", "iraq-tishreen-begins", end="2019-09-01")
    msg = _error(data_copy)
    assert "event 'iraq-tishreen-begins', field 'end': Value error, end 2019-09-01 comes before" in msg
    assert "(entry)" not in msg


def test_invalid_yaml_is_reported_with_file(data_copy):
    (data_copy / "glossary" / "core.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    assert "glossary/core.yml: not valid YAML" in _error(data_copy)


def test_long_definition_is_rejected(data_copy):
    _edit(data_copy / "glossary" / "core.yml", "muhasasa", definition=" ".join(["word"] * 41))
    msg = _error(data_copy)
    assert "term 'muhasasa'" in msg and "at most 40 words" in msg


def test_arabic_term_needs_transliteration(data_copy):
    _edit(data_copy / "glossary" / "core.yml", "muhasasa",
          original={"language": "ar", "text": "محاصصة", "meaning": "quota-sharing"})
    assert "transliteration" in _error(data_copy)


def test_exercise_naming_unknown_event_is_caught(data_copy):
    path = data_copy / "exercises" / "tishreen.yml"
    _edit(path, "tishreen-order-events", events=["iraq-tishreen-begins", "no-such-event", "iraq-us-invasion-2003"])
    msg = _error(data_copy)
    assert "exercise 'tishreen-order-events', field 'events': unknown event 'no-such-event'" in msg


def test_choice_without_right_answer_is_rejected(data_copy):
    path = data_copy / "exercises" / "tishreen.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for o in entries[0]["options"]:
        o["correct"] = False
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    assert "no option is marked correct" in _error(data_copy)


@pytest.mark.parametrize("words", ["Use the up and down buttons, then press Check.", "Tap a card.",
                                   "Your notes stay on this device."])
def test_a_prompt_that_speaks_of_a_screen_is_rejected(data_copy, words):
    """Paper prints the same prompt: a screen's controls belong in exercise.how_<kind>."""
    _edit(data_copy / "exercises" / "tishreen.yml", "tishreen-order-events",
          prompt=f"Arrange these events from earliest to latest. {words}")
    msg = _error(data_copy)
    assert "exercise 'tishreen-order-events', field 'prompt'" in msg and "speaks of a screen" in msg
