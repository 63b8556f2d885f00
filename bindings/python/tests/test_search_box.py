"""complete() and explain(), the search-box calls the service has, with
string indices where a Python caller splices the query."""

import pytest

import ringq

from conftest import NOW


def test_complete_offers_keywords_with_the_slice_to_replace():
    answer = ringq.complete("stat refund", 4)
    assert answer["replace"] == {"start": 0, "end": 4}
    first = answer["items"][0]
    assert (first["insert"], first["kind"]) == ("status_in:", "keyword")
    # The cursor and the slice are string indices, not UTF-8 bytes.
    q = "remboursé stat"
    answer = ringq.complete(q)
    span = answer["replace"]
    assert q[span["start"] : span["end"]] == "stat"
    assert answer["items"][0]["insert"] == "status_in:"


def test_complete_resolves_offered_dates_against_now():
    answer = ringq.complete("first_content_after:yest", now=NOW)
    assert answer["items"][0]["detail"].startswith("2026-")


def test_complete_rejects_a_cursor_past_the_end():
    with pytest.raises(ValueError, match="cursor 9 is past the end of the query \\(3 characters\\)"):
        ringq.complete("abc", 9)


def test_explain_answers_valid_and_invalid_queries():
    answer = ringq.explain("-status_in:replied first_content_after:yesterday", now=NOW, tz="Europe/Paris")
    assert answer["canonical"] == "-status_in:replied first_content_after:yesterday"
    status, date = answer["terms"]
    assert status["negated"] and status["keyword"] == "status_in"
    assert date["date"]["zone"] == "Europe/Paris"
    invalid = ringq.explain("stauts:new")
    assert invalid["canonical"] is None
    diagnostic = invalid["diagnostics"][0]
    assert (diagnostic["code"], diagnostic["chars"]) == ("unknown_keyword", {"start": 0, "end": 6})
    assert diagnostic["hint"]
