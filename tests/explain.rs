//! `Options::explain`: a query term by term, valid or not, as a table and
//! as JSON.

use ringq::{BusinessCalendar, Options};

/// Thursday 3 December 2026, noon UTC, read in Paris.
fn paris() -> Options {
    serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "tz": "Europe/Paris"}"#).expect("options")
}

#[test]
fn a_typical_query() {
    let query = r#"assigned_to_me:yes -status_in:replied first_content_after:"2 weeks ago at 4pm" refund"#;
    let explanation = paris().explain(query);
    assert!(explanation.is_valid());
    insta::assert_snapshot!("typical", explanation.to_string());
    insta::assert_json_snapshot!("typical_json", explanation);
}

#[test]
fn an_invalid_query_is_explained_with_its_diagnostics() {
    let query = "assigned_to_me:maybe -first_content_after:yesterday stauts_in:new status_in:";
    let explanation = paris().explain(query);
    assert!(!explanation.is_valid());
    assert_eq!(explanation.terms().len(), 4);
    insta::assert_snapshot!("invalid", explanation.to_string());
    insta::assert_json_snapshot!("invalid_json", explanation);
}

#[test]
fn business_time_names_the_calendar() {
    let explanation = paris().explain(r#"last_content_after:"6 business hours ago""#);
    let date = explanation.terms()[0].date.as_ref().expect("resolved");
    assert_eq!(date.calendar.as_deref(), Some("the default calendar: Mon-Fri 09:00-17:00 (Europe/Paris)"));
    let mut options = paris();
    let json = std::fs::read_to_string("examples/calendar.json").expect("calendar");
    options.calendar = Some(serde_json::from_str::<BusinessCalendar>(&json).expect("calendar"));
    // Business time is ringq's own reading (RingCX skips `business`).
    options.dates = ringq::DateReading::Intended;
    let explanation = options.explain(r#"last_content_after:"6 business hours ago""#);
    insta::assert_snapshot!("business", explanation.to_string());
}

#[test]
fn without_now_dates_are_not_resolved() {
    let explanation = Options::default().explain("first_content_after:yesterday -source:42");
    assert!(explanation.terms()[0].date.is_none());
    insta::assert_snapshot!("without_now", explanation.to_string());
}

#[test]
fn values_are_shown_safely_and_cut() {
    let query = format!("\"<script>\u{1b}[31m\" text:{}", "x".repeat(100));
    let table = paris().explain(&query).to_string();
    assert!(table.contains(r"<script>\u{1b}[31m"), "{table}");
    assert!(!table.contains('\u{1b}'));
    // Cells are cut; the canonical form under the table is whole.
    let (rows, canonical) = table.split_once("\ncanonical: ").expect("a canonical form");
    assert!(rows.contains(&format!("{}…", "x".repeat(31))), "{table}");
    assert!(!rows.contains(&"x".repeat(32)));
    assert!(canonical.contains(&"x".repeat(100)));
}

#[test]
fn an_empty_query_has_no_terms() {
    let explanation = paris().explain("   ");
    assert!(explanation.terms().is_empty());
    assert_eq!(explanation.canonical(), Some(""));
    assert_eq!(explanation.to_string(), "no terms\n\ncanonical: \n");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_explained_without_panicking(text in r#"(-?[a-zA-Z_é]{0,10}:?("[^"]{0,8}"?|[a-z0-9 ]{0,8})[ ]?){0,4}|\PC{0,40}"#) {
        let explanation = paris().explain(&text);
        let _ = explanation.to_string();
        for term in explanation.terms() {
            proptest::prop_assert!(text.get(term.span.range()).is_some());
        }
        proptest::prop_assert_eq!(explanation.is_valid(), paris().check(&text).is_ok());
    }
}

#[test]
fn with_omniq_options_other_keywords_are_document_fields() {
    let options: Options =
        serde_json::from_str(r#"{"now": "2026-12-03T12:00:00Z", "omniq": {"index": "communications"}}"#)
            .expect("options");
    let explanation = options.explain("platform:web created_after:yesterday");
    assert_eq!(explanation.canonical(), Some("platform:web created_after:yesterday"));
    assert_eq!(explanation.terms()[0].meaning, "A document field, matched as written.");
    assert!(explanation.terms()[1].date.is_some());
    assert_ne!(explanation.terms()[1].meaning, "A document field, matched as written.");
}
