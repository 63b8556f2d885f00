"""OmniQ request bodies, plan mode, mappings and their errors."""

import pytest

import ringq

from conftest import NOW


def test_a_request_body_in_the_documented_key_order():
    body = ringq.omniq("platform:web isNewClient:yes", index="communications")
    assert body == {"index": "communications", "filterBy": {"isNewClient": True, "platform": "web"}, "from": 0, "size": 10}
    assert list(body) == ["index", "filterBy", "from", "size"]


def test_page_and_dates():
    body = ringq.omniq("created_after:yesterday created_before:today", index="communicationlogs", from_=20, size=5, now=NOW)
    assert body == {
        "index": "communicationlogs",
        "filterBy": {"createdAt": {"from": "2026-11-23T00:00:00.000Z", "to": "2026-11-23T23:59:59.999Z"}},
        "from": 20,
        "size": 5,
    }
    body = ringq.omniq("first_content_after:yesterday", index="communications", now=NOW, tz="Europe/Paris")
    assert body["filterBy"] == {"createdAt": {"from": "2026-11-22T23:00:00.000Z"}}


def test_plan_mode_moves_what_filterby_cannot_say_to_the_residual():
    query = "-platform:web refund isNewClient:true"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.omniq(query, index="communications")
    assert {d.code for d in raised.value.diagnostics} == {"not_expressible"}
    assert [query[d.start : d.end] for d in raised.value.diagnostics] == ["-platform:web", "refund"]
    plan = ringq.omniq(query, index="communications", plan=True)
    assert plan == {
        "request": {"index": "communications", "filterBy": {"isNewClient": True}, "from": 0, "size": 10},
        "residual": {"all": [{"not": {"eq": {"field": "platform", "value": "web"}}}, {"text": "refund"}]},
    }


def test_mappings_from_json_a_file_or_a_dict(tmp_path):
    with pytest.raises(ringq.QueryError) as raised:
        ringq.omniq("platform:wéb assigned_to:5", index="communications")
    [d] = raised.value.diagnostics
    assert (d.code, "platform:wéb assigned_to:5"[d.start : d.end]) == ("unmapped_keyword", "assigned_to")
    expected = {"agent.id": "5"}
    mapping = ringq.Mapping.from_json('{"assigned_to": "agent.id"}')
    assert ringq.omniq("assigned_to:5", index="communications", mapping=mapping)["filterBy"] == expected
    path = tmp_path / "mapping.json"
    path.write_text('{"assigned_to": "agent.id"}')
    assert ringq.omniq("assigned_to:5", index="communications", mapping=ringq.Mapping.from_file(path))["filterBy"] == expected
    assert ringq.omniq("assigned_to:5", index="communications", mapping={"assigned_to": "agent.id"})["filterBy"] == expected


def test_bad_mappings():
    with pytest.raises(ValueError, match="`asigned_to` is not a keyword of the catalogue; did you mean `assigned_to`"):
        ringq.Mapping.from_json('{"asigned_to": "agent"}')
    with pytest.raises(ValueError, match="a mapping is a JSON object"):
        ringq.Mapping.from_json("[]")
    with pytest.raises(ValueError, match="not a keyword of the catalogue"):
        ringq.omniq("x:1", index="users", mapping={"nope": "agent"})
    with pytest.raises(TypeError, match="mapping must be a ringq.Mapping or a dict"):
        ringq.omniq("x:1", index="users", mapping=["assigned_to"])


def test_compile_errors_point_into_the_string():
    query = "platform:wéb a..b:1 createdAt:\"last month\" agent.count:abc"
    with pytest.raises(ringq.QueryError) as raised:
        ringq.omniq(query, index="communications", now=NOW)
    errors = [(d.code, query[d.start : d.end]) for d in raised.value.diagnostics if d.severity == "error"]
    assert errors == [("invalid_field", "a..b")]
    with pytest.warns(ringq.QueryWarning) as recorded:
        ringq.omniq('createdAt:"last month"', index="communications", now=NOW)
    assert recorded[0].message.diagnostics[0].code == "exact_date_span"


def test_index_and_page_are_checked():
    with pytest.raises(ValueError, match="unknown index `comm`; did you mean .*The documented entities are templates_reports"):
        ringq.omniq("x", index="comm")
    with pytest.raises(TypeError):
        ringq.omniq("x")  # index is required
    with pytest.raises(ValueError, match="`0` is not a page size; use a whole number, 1 or more"):
        ringq.omniq("x", index="users", size=0)
    with pytest.raises(ValueError, match="`-1` is not a position; use a whole number, 0 or more"):
        ringq.omniq("x", index="users", from_=-1)
    with pytest.raises(ValueError, match="is not a position"):
        ringq.omniq("x", index="users", from_=2**70)
    with pytest.raises(TypeError, match="size must be an int, not str"):
        ringq.omniq("x", index="users", size="10")
    with pytest.raises(TypeError, match="size must be an int, not bool"):
        ringq.omniq("x", index="users", size=True)
