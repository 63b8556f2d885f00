"""Dates against a fixed `now`, in two zones and across DST changes, and
business time with a calendar."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import ringq

from conftest import NOW

EXAMPLE_CALENDAR = Path(__file__).resolve().parents[3] / "examples" / "calendar.json"


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "expr, tz, start, end",
    [
        ("yesterday", "UTC", utc(2026, 11, 23), utc(2026, 11, 24)),
        ("yesterday", "Europe/Paris", utc(2026, 11, 22, 23), utc(2026, 11, 23, 23)),
        ("2 weeks ago at 4pm", "America/New_York", utc(2026, 11, 10, 21), utc(2026, 11, 10, 21, 0, 1)),
        ("2026-11-24", "Europe/Paris", utc(2026, 11, 23, 23), utc(2026, 11, 24, 23)),
        ("last week", "UTC", utc(2026, 11, 15), utc(2026, 11, 22)),
    ],
)
def test_dates_in_two_zones(expr, tz, start, end):
    assert ringq.resolve_date(expr, now=NOW, tz=tz) == (start, end)


def test_a_dst_day_is_25_hours_long():
    # Paris leaves summer time on Sunday 25 October 2026. (As RingCX reads
    # it, `today` ends at the current hour: the intended reading is the day.)
    start, end = ringq.resolve_date("today", now=utc(2026, 10, 25, 12), tz="Europe/Paris", dates="intended")
    assert (start, end) == (utc(2026, 10, 24, 22), utc(2026, 10, 25, 23))
    assert end - start == timedelta(hours=25)
    # New York leaves it on Sunday 1 November 2026.
    start, end = ringq.resolve_date("yesterday", now=utc(2026, 11, 2, 15), tz="America/New_York", dates="intended")
    assert (start, end) == (utc(2026, 11, 1, 4), utc(2026, 11, 2, 5))


def test_results_are_aware_utc_datetimes():
    start, end = ringq.resolve_date("yesterday", now=NOW, tz="Asia/Tokyo")
    assert start.tzinfo is timezone.utc and end.tzinfo is timezone.utc


def test_now_in_any_zone_is_the_same_instant():
    from zoneinfo import ZoneInfo

    paris = NOW.astimezone(ZoneInfo("Europe/Paris"))
    fixed = NOW.astimezone(timezone(timedelta(hours=-5)))
    expected = ringq.resolve_date("3 hours ago", now=NOW)
    assert ringq.resolve_date("3 hours ago", now=paris) == expected
    assert ringq.resolve_date("3 hours ago", now=fixed) == expected
    # Microseconds are kept by the intended reading; RingCX's counts whole
    # seconds.
    fine = NOW.replace(microsecond=250_000)
    assert ringq.resolve_date("now", now=fine, dates="intended")[0].microsecond == 250_000
    assert ringq.resolve_date("now", now=fine)[0] == NOW


def test_locale_and_preference():
    assert ringq.resolve_date("03/04/2026", now=NOW)[0] == utc(2026, 3, 4)
    assert ringq.resolve_date("03/04/2026", now=NOW, locale="fr")[0] == utc(2026, 4, 3)
    assert ringq.resolve_date("friday", now=NOW)[0] == utc(2026, 11, 20)
    assert ringq.resolve_date("friday", now=NOW, prefer="future")[0] == utc(2026, 11, 27)


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        ringq.resolve_date("yesterday", now=datetime(2026, 11, 24, 12))
    with pytest.raises(TypeError, match="now must be a timezone-aware datetime.datetime, not str"):
        ringq.check("x", now="2026-11-24T12:00:00Z")


def test_without_now_the_clock_is_read():
    start, end = ringq.resolve_date("today", dates="intended")
    assert start <= datetime.now(timezone.utc) < end
    start, end = ringq.resolve_date("this second")
    assert start <= datetime.now(timezone.utc)


def test_a_bad_date_is_a_query_error_with_indices():
    expr = "à bogus o'clock"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.resolve_date(expr, now=NOW)
    [d] = raised.value.diagnostics
    assert d.code == "invalid_date"
    assert 0 <= d.start <= d.end <= len(expr)
    assert str(raised.value).startswith("error: ")


def test_a_date_reading_warning():
    with pytest.warns(ringq.QueryWarning) as recorded:
        ringq.resolve_date("thursday july 31 2006", now=NOW)
    assert recorded[0].message.diagnostics[0].code == "date_reading"


def test_business_hours_with_a_calendar():
    # Business time is ringq's intended reading: RingCX (Chronic) skips `business`.
    calendar = ringq.Calendar.from_file(EXAMPLE_CALENDAR)
    # Tuesday 16:30 in Paris: two business hours ago is 14:30 there.
    start, _ = ringq.resolve_date("2 business hours ago", now=utc(2026, 11, 24, 15, 30), calendar=calendar, dates="intended")
    assert start == utc(2026, 11, 24, 13, 30)
    # Monday 09:30 in Paris: half an hour today, then back into Saturday night's opening.
    start, _ = ringq.resolve_date("3 business hours ago", now=utc(2026, 11, 30, 8, 30), calendar=calendar, dates="intended")
    assert start == utc(2026, 11, 29, 2, 30)
    # The same calendar from its text, and in a query.
    same = ringq.Calendar.from_json(EXAMPLE_CALENDAR.read_text())
    assert json.loads(same.to_json()) == json.loads(calendar.to_json())
    terms = ringq.parse('first_content_after:"2 business hours ago"', now=utc(2026, 11, 24, 15, 30), calendar=same, dates="intended")
    assert terms[0]["date"]["start"] == "2026-11-24T13:30:00Z"


def test_default_business_hours_are_weekdays_nine_to_five_in_tz():
    # Monday 10:00 in New York: 2 business hours ago is Friday 16:00 there.
    start, _ = ringq.resolve_date(
        "2 business hours ago", now=utc(2026, 11, 23, 15), tz="America/New_York", dates="intended"
    )
    assert start == utc(2026, 11, 20, 21)


def test_bad_calendars_name_the_problem(tmp_path):
    with pytest.raises(ValueError, match="not a valid calendar"):
        ringq.Calendar.from_json('{"week": {"mon": [["09:00", "25:00"]]}}')
    with pytest.raises(ValueError, match="not a valid calendar"):
        ringq.Calendar.from_json("{")
    with pytest.raises(FileNotFoundError, match="cannot read"):
        ringq.Calendar.from_file(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"week": {}}')
    with pytest.raises(ValueError, match=r"bad\.json` is not a valid calendar"):
        ringq.Calendar.from_file(str(bad))
    with pytest.raises(TypeError):
        ringq.check("x", calendar='{"week": {}}')


def test_two_readings_of_a_date():
    now = utc(2026, 11, 24, 12)
    # As RingCX reads it (the default), `at midnight` is the next day's 00:00,
    # and a QueryWarning says what was probably meant.
    with pytest.warns(ringq.QueryWarning) as recorded:
        start, _ = ringq.resolve_date("jan 3 at midnight", now=now)
    assert start == utc(2026, 1, 4)
    [diagnostic] = recorded[0].message.diagnostics
    assert diagnostic.code == "date_readings_differ"
    assert "2026-01-03" in diagnostic.hint
    start, _ = ringq.resolve_date("jan 3 at midnight", now=now, dates="intended")
    assert start == utc(2026, 1, 3)
    # Where RingCX reads no date, the default reading is an error.
    with pytest.raises(ringq.QueryError) as raised:
        ringq.resolve_date("noon yesterday", now=now)
    assert raised.value.diagnostics[0].code == "no_ringcx_date"
    with pytest.raises(ValueError, match="unknown date reading `chronic`. Use `ringcx` .* or `intended`"):
        ringq.resolve_date("today", now=now, dates="chronic")
