"""Canonical forms, the parse, and every error ringq reports, with string
indices on queries holding non-ASCII text."""

import warnings

import pytest

import ringq

from conftest import NOW


@pytest.mark.parametrize(
    "query, canonical",
    [
        ("assigned_to_me:yes  -status_in:Replied refund", "assigned_to_me:true -status_in:replied refund"),
        ('"refund"   assigned_to_me:1', "refund assigned_to_me:true"),
        ('assigned_to:"42"', "assigned_to:42"),
        ('first_content_after:"2 weeks ago at 4pm" remboursé', 'first_content_after:"2 weeks ago at 4pm" remboursé'),
        ("order:created_at.ASC", "order:created_at.asc"),
        ('"a \\" quote"', '"a \\" quote"'),
        ("", ""),
    ],
)
def test_canonical_forms(query, canonical):
    assert ringq.check(query, now=NOW) == canonical
    assert ringq.format(query) == canonical


def test_format_does_not_resolve_dates():
    # No clock: a date is checked for its syntax only.
    assert ringq.format("first_content_after:yesterday") == "first_content_after:yesterday"


def test_parse_has_the_shape_of_ringq_parse():
    terms = ringq.parse("first_content_after:yesterday -status_in:replied refund", now=NOW)
    assert terms == [
        {
            "keyword": "first_content_after",
            "value": {"type": "date", "value": "yesterday"},
            "span": {"term": {"start": 0, "end": 29}, "keyword": {"start": 0, "end": 19}, "value": {"start": 20, "end": 29}},
            "date": {"start": "2026-11-23T00:00:00Z", "end": "2026-11-24T00:00:00Z"},
        },
        {
            "keyword": "status_in",
            "negated": True,
            "value": {"type": "status", "value": "replied"},
            "span": {"term": {"start": 30, "end": 48}, "keyword": {"start": 31, "end": 40}, "value": {"start": 41, "end": 48}},
        },
        {
            "keyword": "text",
            "value": {"type": "text", "value": "refund"},
            "span": {"term": {"start": 49, "end": 55}, "value": {"start": 49, "end": 55}},
        },
    ]
    # The documented key order is kept.
    assert list(terms[0]) == ["keyword", "value", "span", "date"]


# Every error, after non-ASCII text so that bytes and string indices differ:
# (query, code, the text the diagnostic points at).
ERRORS = [
    ('é "ünterminated', "unterminated_quote", '"ünterminated'),
    ('é "quoted"x', "text_after_quote", "x"),
    ("é assigned_to:", "empty_value", "assigned_to:"),
    ("é asigned_to:1", "unknown_keyword", "asigned_to"),
    ("é assigned_to_me:peut-être", "invalid_boolean", "peut-être"),
    ("ü status_in:rplied", "invalid_status", "rplied"),
    ("日本 language:xx1", "invalid_language", "xx1"),
    ("é first_content_after:bogus", "invalid_date", "bogus"),
    ("é order:created_at.sideways", "invalid_order", "created_at.sideways"),
    ("é order:created_at.asc order:created_at.desc", "duplicate_order", "order:created_at.desc"),
    ("é -foreign:1", "negation_not_supported", "-foreign"),
]


@pytest.mark.parametrize("query, code, text", ERRORS, ids=[e[1] for e in ERRORS])
def test_every_error_points_into_the_string(query, code, text):
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check(query, now=NOW)
    error = raised.value
    assert isinstance(error, ValueError)
    [diagnostic] = [d for d in error.diagnostics if d.severity == "error"]
    assert diagnostic.code == code
    assert query[diagnostic.start : diagnostic.end] == text
    assert diagnostic.message in str(error)


def test_lenient_keeps_unknown_keywords_but_not_overlong_ones():
    assert ringq.check("é priority:high", lenient=True) == "é priority:high"
    assert ringq.format("é priority:high", lenient=True) == "é priority:high"
    assert ringq.parse("priority:high", lenient=True)[0]["keyword"] == "priority"
    query = "é " + "k" * 70_000 + ":x"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check(query, lenient=True)
    [d] = raised.value.diagnostics
    assert d.code == "too_long"
    assert query[d.start : d.end] == "k" * 70_000


def test_the_message_is_the_command_lines():
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check("é asigned:true")
    assert str(raised.value) == (
        "error: unknown keyword `asigned`\n"
        "  |\n"
        "1 | é asigned:true\n"
        "  |   ^^^^^^^\n"
        "  |\n"
        "  = help: did you mean `assigned`?\n"
    )
    [d] = raised.value.diagnostics
    assert (d.message, d.hint, d.severity) == ("unknown keyword `asigned`", "did you mean `assigned`?", "error")
    assert d.suggestion == d.hint  # the earlier name
    assert repr(d).startswith("Diagnostic(severity=\"error\", code=\"unknown_keyword\"")


@pytest.mark.parametrize(
    "query, fixed",
    [
        ("é asigned:true", "é assigned:true"),
        ("ñ status_in:repled", "ñ status_in:replied"),
        ("“été”", '"été"'),
        ("ü first_content_after:yesterday at 4pm", 'ü first_content_after:"yesterday at 4pm"'),
    ],
)
def test_a_hint_carries_its_edit_in_string_indices(query, fixed):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ringq.check(query, now=NOW)
            [d] = caught[0].message.diagnostics
        except ringq.QueryError as error:
            [d] = error.diagnostics
    fix = d.replacement
    assert isinstance(fix, ringq.Replacement)
    assert query[: fix.start] + fix.text + query[fix.end :] == fixed
    assert fix.apply(query) == fixed
    assert repr(fix).startswith("Replacement(start=")
    ringq.check(fixed, now=NOW)


def test_a_hint_without_an_edit_has_no_replacement():
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check("assigned_to_me:maybe")
    [d] = raised.value.diagnostics
    assert d.hint is not None and d.replacement is None


def test_several_errors_are_all_reported_in_order():
    query = "ñ asigned:1 status_in:nope ☃ assigned_to_me:maybe"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check(query)
    assert [query[d.start : d.end] for d in raised.value.diagnostics] == ["asigned", "nope", "maybe"]


WARNINGS = [
    ("é “quoted”", "typographic_quote", "“quoted”"),
    ("é assigned:true assigned:false", "contradiction", "assigned:false"),
    ("é first_content_after:tomorrow first_content_before:yesterday", "empty_range", "first_content_before:yesterday"),
    ('é "a\\qb"', "unknown_escape", "\\q"),
    ("é first_content_after:yesterday at noon", "unquoted_date", "first_content_after:yesterday at noon"),
    ('é first_content_after:"jan 3 at midnight"', "date_readings_differ", "jan 3 at midnight"),
    ("é a OR b", "not_an_operator", "OR"),
    ("é assigned:true assigned:true", "duplicate_term", "assigned:true"),
    ('é first_content_after:"thursday july 31 2006"', "date_reading", "thursday"),
]


@pytest.mark.parametrize("query, code, text", WARNINGS, ids=[w[1] for w in WARNINGS])
def test_warnings_are_query_warnings(query, code, text):
    with pytest.warns(ringq.QueryWarning) as recorded:
        ringq.check(query, now=NOW)
    [warning] = recorded
    [diagnostic] = warning.message.diagnostics
    assert (diagnostic.severity, diagnostic.code) == ("warning", code)
    assert query[diagnostic.start : diagnostic.end] == text
    # It points at the caller's line, not into ringq.
    assert warning.filename == __file__


def test_all_warnings_of_a_query_are_one_query_warning():
    query = " ".join(["é assigned:true"] * 1000)
    with pytest.warns(ringq.QueryWarning) as recorded:
        assert ringq.check(query) == "é assigned:true"
    [warning] = recorded
    diagnostics = warning.message.diagnostics
    assert len(diagnostics) == 1998  # 999 repeated `é` and 999 repeated `assigned:true`
    assert {d.code for d in diagnostics} == {"duplicate_term"}
    assert query[diagnostics[-1].start : diagnostics[-1].end] == "assigned:true"
    # The message is the command's: the first 50 drawn, the rest counted.
    assert str(warning.message).count("warning: this term repeats an earlier one") == 50
    assert "1948 more" in str(warning.message)


def test_warnings_can_be_made_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error", ringq.QueryWarning)
        with pytest.raises(ringq.QueryWarning):
            ringq.check("assigned:true assigned:true")


def test_a_valid_query_issues_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ringq.check("refund") == "refund"


def test_arguments_of_the_wrong_kind():
    with pytest.raises(TypeError, match="query must be a str, not bytes"):
        ringq.check(b"refund")
    with pytest.raises(TypeError):
        ringq.check("refund", "UTC")  # the context is keyword-only
    # The library's own errors, the same as the command's and the service's.
    with pytest.raises(ValueError, match=r"unknown time zone `Mars/Olympus`. Use an IANA time zone name"):
        ringq.check("x", tz="Mars/Olympus")
    with pytest.raises(ValueError, match=r"unknown time zone `europe/paris`: did you mean `Europe/Paris`\?"):
        ringq.check("x", tz="europe/paris")
    with pytest.raises(ValueError, match=r"unknown locale `de`. Use `en` .* or `fr`"):
        ringq.check("x", locale="de")
    with pytest.raises(ValueError, match=r"unknown preference `later`. Use `past` .* or `future`"):
        ringq.check("x", prefer="later")
    with pytest.raises(ValueError, match=r"unknown date reading `Intended`: did you mean `intended`\?"):
        ringq.check("x", dates="Intended")


def test_a_lone_surrogate_is_a_query_error_at_its_index():
    with pytest.raises(ringq.QueryError) as raised:
        ringq.check("ab\ud800c")
    [d] = raised.value.diagnostics
    assert (d.code, d.start, d.end) == ("invalid_text", 2, 3)


def test_help_is_useful():
    for function in (ringq.check, ringq.format, ringq.parse, ringq.resolve_date, ringq.omniq):
        assert function.__doc__ and len(function.__doc__) > 100, function
        assert function.__module__.startswith("ringq")
    assert "tz='UTC'" in ringq.check.__text_signature__
    assert "from_=0, size=10" in ringq.omniq.__text_signature__
    assert ringq.QueryError.__module__ == "ringq"
    assert issubclass(ringq.QueryWarning, UserWarning)


def test_the_package_is_typed():
    from pathlib import Path

    package = Path(ringq.__file__).parent
    assert (package / "py.typed").exists()
    stubs = (package / "__init__.pyi").read_text()
    for name in ringq.__all__:
        assert name in stubs, name
