"""Each exercise kind's browser half is one file, book/static/kinds/<kind>.js, registered
into kinds/registry.js: node checks that every kind Python knows has one, that each keeps
the registry's contract, and that the one script the build and the room serve
(_static/kinds.js) holds them, the registry first."""

from __future__ import annotations

import json
from pathlib import Path


from nodetests import node_test

from book import exercises
from book.course.assets import KINDS_REGISTRY, kinds_files, kinds_script

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundle_is_the_registry_then_each_kind_by_name():
    names = [p.name for p in kinds_files()]
    assert names[0] == KINDS_REGISTRY and names[1:] == sorted(f"{kind}.js" for kind in exercises.KINDS)
    script = kinds_script()
    assert [script.index(f"/* kinds/{name} */") for name in names] == sorted(script.index(f"/* kinds/{name} */") for name in names)


def test_every_kind_keeps_the_contract_under_node(tmp_path):
    (tmp_path / "kinds.js").write_text(kinds_script(), encoding="utf-8")
    run = node_test("kinds.test.js", {"PRT_KINDS": json.dumps(sorted(exercises.KINDS)),
                                      "PRT_BUNDLE": str(tmp_path / "kinds.js")}, timeout=60)
    assert run.returncode == 0 and "# pass 2" in run.stdout, run.stdout[-3000:] + run.stderr[-2000:]
