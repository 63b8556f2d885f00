"""Python gives the diagnostics the command and the service give for the
same inputs: each is held to the repository's tests/fixtures/shells.json
(the Rust test `the_same_inputs_give_the_same_answers_in_the_command_and_the_service`
holds the other two to it)."""

import json
import warnings
from datetime import datetime
from pathlib import Path

import pytest

import ringq

FIXTURE = json.loads((Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "shells.json").read_text())
NOW = datetime.fromisoformat(FIXTURE["now"].replace("Z", "+00:00"))
TZ = FIXTURE["tz"]


def shape(diagnostics):
    return [(d.code, d.severity, d.start, d.end) for d in diagnostics]


def expected(case):
    return [(d["code"], d["severity"], d["chars"]["start"], d["chars"]["end"]) for d in case["diagnostics"]]


@pytest.mark.parametrize("case", FIXTURE["checks"], ids=lambda c: repr(c["q"]))
def test_check_gives_the_same_diagnostics(case):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            canonical = ringq.check(case["q"], now=NOW, tz=TZ)
        except ringq.QueryError as error:
            assert not case["ok"]
            assert shape(error.diagnostics) == expected(case)
            return
    assert case["ok"]
    assert canonical == case["canonical"]
    found = [d for w in caught if isinstance(w.message, ringq.QueryWarning) for d in w.message.diagnostics]
    assert shape(found) == expected(case)


@pytest.mark.parametrize("case", FIXTURE["dates"], ids=lambda c: repr(c["q"]))
def test_resolve_date_gives_the_same_span(case):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            start, end = ringq.resolve_date(case["q"], now=NOW, tz=TZ)
        except ringq.QueryError as error:
            assert not case["ok"]
            assert [d.code for d in error.diagnostics] == case["codes"]
            return
    iso = lambda t: t.isoformat().replace("+00:00", "Z")
    assert (iso(start), iso(end)) == (case["start"], case["end"])
    found = [d.code for w in caught if isinstance(w.message, ringq.QueryWarning) for d in w.message.diagnostics]
    assert found == case["codes"]
