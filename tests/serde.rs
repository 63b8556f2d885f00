//! The JSON shapes other programs rely on: the query (as `ringq parse`
//! prints it), diagnostics, calendars and mappings. Each reads back to the
//! same value.

use proptest::prelude::*;
use ringq::dates::business::BusinessCalendar;
use ringq::omniq::Mapping;
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
    let mapping: Mapping = serde_json::from_str(r#"{"assigned_to": "workflow.attrs.agentId"}"#).unwrap();
    assert_eq!(mapping.field("assigned_to"), Some("workflow.attrs.agentId"));
    assert_eq!(mapping.field("first_content_after"), Some("createdAt"));
    let json = serde_json::to_string(&mapping).unwrap();
    assert_eq!(serde_json::from_str::<Mapping>(&json).unwrap(), mapping);
    assert!(serde_json::from_str::<Mapping>(r#"{"asigned_to": "x"}"#).is_err());
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
