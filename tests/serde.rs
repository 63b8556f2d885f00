//! The JSON shapes other programs rely on: the query (as `ringq parse`
//! prints it), diagnostics, calendars and mappings. Each reads back to the
//! same value.

use proptest::prelude::*;
use ringq::BusinessCalendar;
use ringq::OmniqMapping;
use ringq::{Diagnostic, Parser, Query};

const TYPICAL: &str = "assigned_to_me:true -status_in:replied first_content_after:\"2 weeks ago at 4pm\" \
source:5d8b1f2a order:created_at.asc refund";

#[test]
fn query_json_is_stable_and_reads_back() {
    let query: Query = TYPICAL.parse().unwrap();
    let json = serde_json::to_value(&query).unwrap();
    insta::assert_json_snapshot!("query", json);
    assert_eq!(serde_json::from_value::<Query>(json).unwrap(), query);
}

#[test]
fn invalid_json_queries_are_refused() {
    for json in [
        r#"{"terms": [{"keyword": "assigned_to_me", "negated": true, "value": {"type": "bool", "value": true}}]}"#,
        r#"{"terms": [{"keyword": "first_content_after", "value": {"type": "date", "value": "feb 30"}}]}"#,
        r#"{"terms": [{"keyword": "has space", "value": {"type": "raw", "value": "x"}}]}"#,
        r#"{"terms": [{"keyword": "status_in", "value": {"type": "colour", "value": "red"}}]}"#,
    ] {
        assert!(serde_json::from_str::<Query>(json).is_err(), "{json}");
    }
}

/// Each of these once deserialized and printed a form that failed to parse
/// back; now each is refused, with the parser's own reason.
#[test]
fn json_queries_pass_the_parsers_checks() {
    let term = |t: &str| format!(r#"{{"terms": [{t}]}}"#);
    let cases = [
        (
            term(r#"{"keyword":"assigned","value":{"type":"text","value":"maybe"}}"#),
            "`assigned` takes a boolean, not `maybe`",
        ),
        (
            term(r#"{"keyword":"text","negated":true,"value":{"type":"text","value":"refund"}}"#),
            "`text` cannot be negated",
        ),
        (term(r#"{"keyword":"status_in","value":{"type":"status","value":"closed"}}"#), "`closed` is not a status"),
        (term(r#"{"keyword":"status_in","value":{"type":"status","value":"New"}}"#), "reads back as `status_in:new`"),
        (term(r#"{"keyword":"assigned_to","value":{"type":"id","value":""}}"#), "`assigned_to` needs a user id"),
        (
            term(r#"{"keyword":"first_content_after","negated":true,"value":{"type":"date","value":"today"}}"#),
            "cannot be negated",
        ),
        (
            term(
                r#"{"keyword":"order","value":{"type":"order","value":{"field":"created_at","direction":"asc"}}},
                {"keyword":"order","value":{"type":"order","value":{"field":"created_at","direction":"desc"}}}"#,
            ),
            "`order` is given more than once",
        ),
        (
            term(r#"{"keyword":"language","value":{"type":"language","value":"not a language"}}"#),
            "is not a language code",
        ),
        (
            term(r#"{"keyword":"status_in","value":{"type":"id","value":"new"}}"#),
            "`status_in` takes a status name, not a `id` value",
        ),
        (term(r#"{"keyword":"campaign","value":{"type":"id","value":"x"}}"#), "its value is of type `raw`, not `id`"),
    ];
    for (json, reason) in cases {
        let error = serde_json::from_str::<Query>(&json).expect_err(&json).to_string();
        assert!(error.contains(reason), "{json}: {error}");
    }
    // Keywords outside the catalogue are `raw`, as lenient parsing makes them.
    let raw = term(r#"{"keyword":"campaign","value":{"type":"raw","value":"black friday"}}"#);
    assert_eq!(serde_json::from_str::<Query>(&raw).unwrap().to_string(), r#"campaign:"black friday""#);
}

/// A JSON value built from the pieces a query's JSON is made of, right and
/// wrong: keywords in and out of the catalogue, every value type with
/// values that fit and values that do not, negated or not.
fn json_term() -> impl Strategy<Value = serde_json::Value> {
    let keyword = prop::sample::select(vec![
        "assigned",
        "assigned_to",
        "status_in",
        "text",
        "order",
        "language",
        "first_content_after",
        "source",
        "campaign",
        "flagged",
        "x.y",
    ]);
    let text = prop_oneof![
        prop::sample::select(vec![
            "",
            "true",
            "maybe",
            "new",
            "New",
            "en",
            "pt-BR",
            "yesterday",
            "feb 30",
            "a b",
            "-x",
            "a:b",
            "\\\"",
            "created_at.asc"
        ])
        .prop_map(str::to_owned),
        "[a-z:\\-\" ]{0,6}",
    ];
    let value = prop_oneof![
        any::<bool>().prop_map(|b| serde_json::json!({"type": "bool", "value": b})),
        (prop::sample::select(vec!["id", "status", "language", "date", "text", "raw"]), text)
            .prop_map(|(kind, text)| serde_json::json!({"type": kind, "value": text})),
        Just(serde_json::json!({"type": "order", "value": {"field": "created_at", "direction": "asc"}})),
    ];
    (keyword, any::<bool>(), value).prop_map(
        |(keyword, negated, value)| serde_json::json!({"keyword": keyword, "negated": negated, "value": value}),
    )
}

proptest! {
    #[test]
    fn any_json_that_deserializes_prints_a_form_that_reads_back(terms in prop::collection::vec(json_term(), 0..5)) {
        let json = serde_json::json!({ "terms": terms });
        if let Ok(query) = serde_json::from_value::<Query>(json) {
            let printed = query.to_string();
            let back = Parser::new().lenient(true).parse(&printed).map(|p| p.into_query());
            prop_assert_eq!(back, Ok(query), "{}", printed);
        }
    }
}

#[test]
fn diagnostics_json_is_stable_and_reads_back() {
    let error = Parser::new().parse("asigned_to:42 assigned:maybe -foreign:x").unwrap_err();
    let json = serde_json::to_value(error.diagnostics()).unwrap();
    insta::assert_json_snapshot!("diagnostics", json);
    assert_eq!(serde_json::from_value::<Vec<Diagnostic>>(json).unwrap(), error.diagnostics());
}

#[test]
fn calendars_and_mappings_read_back() {
    let calendar = BusinessCalendar::default();
    let json = serde_json::to_string(&calendar).unwrap();
    assert_eq!(
        json,
        r#"{"week":{"fri":[["09:00","17:00"]],"mon":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]]},"holidays":[]}"#
    );
    assert_eq!(serde_json::from_str::<BusinessCalendar>(&json).unwrap(), calendar);
    let mapping: OmniqMapping = serde_json::from_str(r#"{"assigned_to": "workflow.attrs.agentId"}"#).unwrap();
    assert_eq!(mapping.field("assigned_to"), Some("workflow.attrs.agentId"));
    assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
    let json = serde_json::to_string(&mapping).unwrap();
    assert_eq!(serde_json::from_str::<OmniqMapping>(&json).unwrap(), mapping);
    assert!(serde_json::from_str::<OmniqMapping>(r#"{"asigned_to": "x"}"#).is_err());
}

proptest! {
    #[test]
    fn every_query_that_parses_reads_back_from_json(words in prop::collection::vec(prop::sample::select(vec![
        "assigned_to_me:yes", "-status_in:replied", "status_in:new", "source:s1", "-source:\"a b\"",
        "first_content_after:yesterday", "last_content_before:\"2011-02-03 14:27\"", "language:fr",
        "order:last_content_at.desc", "refund", "\"a \\\"quoted\\\" word\"", "categorized_in:c:1",
    ]), 0..8)) {
        // `order` twice is an error; everything else here parses.
        let Ok(query) = words.join(" ").parse::<Query>() else {
            prop_assert!(words.iter().filter(|w| w.starts_with("order:")).count() > 1);
            return Ok(());
        };
        let json = serde_json::to_string(&query).unwrap();
        prop_assert_eq!(serde_json::from_str::<Query>(&json).unwrap(), query);
    }
}
