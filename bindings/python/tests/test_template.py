"""Templates from Python: values bound safely, errors naming their hole."""

import json
import warnings
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import ringq

from conftest import NOW


def test_a_template_renders_typed_lists_optional_and_hostile_values():
    t = ringq.Template("assigned_to_me:{mine} -status_in:{done} first_content_after:{since?} {words}", now=NOW)
    assert t.render(mine=True, done=["replied", "ignored"], words='refund" -status_in:new') == (
        'assigned_to_me:true -status_in:replied -status_in:ignored "refund\\" -status_in:new"'
    )
    assert t.render({"mine": "yes", "done": "new", "words": "x", "since": None}) == (
        "assigned_to_me:true -status_in:new x"
    )
    # A keyword argument wins over the dict for a name both give.
    assert t.render({"mine": "maybe", "done": "new", "words": "x"}, mine=False) == "assigned_to_me:false -status_in:new x"
    assert [h["name"] for h in t.holes] == ["mine", "done", "since", "words"]
    at = t.template.index("{since?}")
    assert t.holes[2] == {
        "name": "since",
        "optional": True,
        "kind": "date",
        "keyword": "first_content_after",
        "start": at,
        "end": at + len("{since?}"),
    }
    assert t.template.startswith("assigned_to_me:{mine}")
    assert repr(t).startswith("Template(")


def test_numbers_datetimes_and_quote():
    assert ringq.render("assigned_to:{u} source:{s}", u=42, s=[7, 8]) == "assigned_to:42 source:7 source:8"
    when = datetime(2025, 5, 20, 10, 0, tzinfo=timezone.utc)
    assert ringq.render("first_content_after:{d}", d=when, now=NOW) == "first_content_after:2025-05-20T10:00:00+00:00"
    assert ringq.quote("a:b") == '"a:b"'
    assert ringq.quote("refund") == "refund"
    # A hole named like a keyword argument is bound through the dict.
    assert ringq.render("text:{now}", {"now": "soon"}) == "soon"


def test_errors_name_the_hole_with_string_indices():
    with pytest.raises(ringq.QueryError) as raised:
        ringq.render("é assigned_to_me:{mine}", mine="maybe")
    [d] = raised.value.diagnostics
    assert d.message == "`mine` for `assigned_to_me`: `assigned_to_me` takes a boolean, not `maybe`"
    assert "é assigned_to_me:{mine}"[d.start : d.end] == "{mine}"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.render("status_in:{s}", ss="new")
    assert [d.message for d in raised.value.diagnostics] == ["`ss` is no hole of this template", "no value for `s`"]
    with pytest.raises(ringq.QueryError) as raised:
        ringq.Template("source:x{src}")
    assert raised.value.diagnostics[0].code == "template_hole"
    with pytest.raises(TypeError):
        ringq.render("{w}", w={"a": 1})
    with pytest.raises(ValueError):
        ringq.render("first_content_after:{d}", d=datetime(2025, 5, 20))


@given(st.text(min_size=1))
def test_any_text_binds_intact(value):
    template = ringq.Template("assigned_to_me:true {w} status_in:new")
    try:
        rendered = template.render(w=value)
    except ringq.QueryError as error:
        # White space alone is no word; a lone surrogate is no text.
        assert not value.strip() or any(0xD800 <= ord(c) <= 0xDFFF for c in value), error
        return
    with warnings.catch_warnings():
        # An invisible character in the value warns, and is kept.
        warnings.simplefilter("ignore", ringq.QueryWarning)
        terms = ringq.parse(rendered)
    assert len(terms) == 3
    assert terms[1]["value"] == {"type": "text", "value": value}


FIXTURE = json.loads((Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "render.json").read_text())


@pytest.mark.parametrize("case", FIXTURE["cases"], ids=lambda c: c["template"] + " " + repr(c["values"])[:30])
def test_hostile_values_render_intact_or_name_their_hole(case):
    now = datetime.fromisoformat(FIXTURE["now"].replace("Z", "+00:00"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ringq.QueryWarning)
        if "query" in case:
            assert ringq.render(case["template"], case["values"], now=now) == case["query"]
            ringq.check(case["query"], now=now)
            return
        with pytest.raises(ringq.QueryError) as raised:
            ringq.render(case["template"], case["values"], now=now)
    errors = [d for d in raised.value.diagnostics if d.severity == "error"]
    assert errors
    for d in errors:
        assert any(f"`{hole}`" in d.message for hole in case["error_holes"]), d.message
