"""Generated queries: the canonical form is a fixed point, and no input
raises anything but QueryError (a Rust panic would be a PanicException)."""

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ringq

from conftest import NOW

KEYWORDS = ["assigned_to_me", "status_in", "first_content_after", "order", "language", "assigned_to", "source", "text", "categorized_in", "foreign", "asigned"]
VALUES = ["true", "yes", "replied", "opened", "created_at.asc", "fr", "42", '"2 weeks ago at 4pm"', "yesterday", '"a \\" b"', "", '"', "\\"]

# Pieces a person (or a program) puts in a query, and arbitrary unicode.
piece = st.one_of(
    st.text(max_size=12),
    st.text(alphabet='ab é日"\\-: “”\t\n', max_size=12),
    st.builds(lambda neg, k, v: f"{neg}{k}:{v}", st.sampled_from(["", "-"]), st.sampled_from(KEYWORDS), st.sampled_from(VALUES)),
)
queries = st.lists(piece, max_size=8).map(" ".join)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(queries)
def test_check_is_a_fixed_point_and_only_raises_query_error(q):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ringq.QueryWarning)
        try:
            canonical = ringq.check(q, now=NOW)
        except ringq.QueryError as error:
            assert error.diagnostics
            for d in error.diagnostics:
                assert 0 <= d.start <= d.end <= len(q)
            return
        assert ringq.check(canonical, now=NOW) == canonical
        assert ringq.format(canonical) == canonical


@SETTINGS
@given(queries, st.booleans())
def test_every_function_only_raises_query_error(q, plan):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ringq.QueryWarning)
        for call in (
            lambda: ringq.format(q),
            lambda: ringq.parse(q, now=NOW, tz="Europe/Paris", lenient=True),
            lambda: ringq.resolve_date(q, now=NOW, tz="America/New_York"),
            lambda: ringq.omniq(q, index="communications", now=NOW, plan=plan),
        ):
            try:
                call()
            except ringq.QueryError:
                pass


@SETTINGS
@given(st.text(max_size=40))
def test_any_date_expression(expr):
    try:
        start, end = ringq.resolve_date(expr, now=NOW, tz="Europe/Paris")
    except ringq.QueryError as error:
        assert all(0 <= d.start <= d.end <= len(expr) for d in error.diagnostics)
    else:
        assert start < end
