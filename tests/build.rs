//! The typed builder: what it builds passes validation, reads back from its
//! own text, and no value can turn into another term.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use ringq::{BoolKeyword, DateInput, DateKeyword, IdKeyword, Status};
use ringq::{Code, Query, Value};
use ringq::{Order, OrderField, SortDirection};

#[test]
fn a_typical_query() {
    let query = Query::builder()
        .flag(BoolKeyword::AssignedToMe, true)
        .status(Status::New)
        .not_status(Status::Replied)
        .id(IdKeyword::Source, "5d8b1f2a")
        .not_id(IdKeyword::AssignedToTeam, "team 7")
        .language("en")
        .date(DateKeyword::FirstContentAfter, DateInput::human("2 weeks ago at 4pm").unwrap())
        .date(
            DateKeyword::LastContentBefore,
            DateInput::at(Utc.with_ymd_and_hms(2011, 2, 3, 14, 27, 33).unwrap()).unwrap(),
        )
        .order(Order { field: OrderField::CreatedAt, direction: SortDirection::Asc })
        .text("late delivery")
        .build()
        .unwrap();
    insta::assert_snapshot!("typical", query.to_string());
    insta::assert_json_snapshot!("typical_json", query);
    assert_eq!(query.to_string().parse::<Query>().unwrap(), query);
}

#[test]
fn what_validation_refuses_the_builder_refuses() {
    let code = |result: Result<Query, ringq::Error>| result.unwrap_err().diagnostics()[0].code();
    // `foreign` documents no negation.
    assert_eq!(code(Query::builder().not_id(IdKeyword::Foreign, "f1").build()), Code::NegationNotSupported);
    assert_eq!(code(Query::builder().id(IdKeyword::AssignedTo, "").build()), Code::EmptyValue);
    assert_eq!(code(Query::builder().language("english").build()), Code::InvalidLanguage);
    let order = Order { field: OrderField::CreatedAt, direction: SortDirection::Asc };
    let twice = Query::builder().order(order).order(Order { direction: SortDirection::Desc, ..order });
    assert_eq!(code(twice.build()), Code::DuplicateOrder);
    assert!(DateInput::human("feb 30").is_err());
    assert!(DateInput::human("banana").is_err());
}

#[test]
fn repeated_terms_are_kept_once() {
    let query = Query::builder().status(Status::New).status(Status::New).text("a").text("a").build().unwrap();
    assert_eq!(query.to_string(), "status_in:new a");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Quotes, backslashes, colons, dashes, spaces, unicode: a value stays
    /// one value.
    #[test]
    fn no_value_injects_a_term(text in "\\PC{0,30}", id in "[-a-z0-9:\"\\\\ ]{1,12}", negate in any::<bool>()) {
        let builder = Query::builder().text(text.clone());
        let builder = if negate { builder.not_id(IdKeyword::Source, id.clone()) } else { builder.id(IdKeyword::Source, id.clone()) };
        match builder.build() {
            Ok(query) => {
                prop_assert_eq!(query.terms().len(), 2, "{}", query);
                prop_assert_eq!(query.term(1).map(|t| t.value()), Some(Value::Id(&id)));
                prop_assert_eq!(query.to_string().parse::<Query>().unwrap(), query);
            }
            Err(error) => {
                // Only values validation refuses on their own: an empty or blank text.
                prop_assert!(text.trim().is_empty(), "{text:?}: {error}");
            }
        }
    }

    /// The builder checks what it wrote without reading it again; it
    /// accepts and refuses exactly what the parser does with the same text,
    /// with the same codes at the same spans.
    #[test]
    fn the_builder_and_the_parser_agree(
        steps in proptest::collection::vec((0u8..6, "[-a-zA-Z0-9 :\"]{0,8}", any::<bool>()), 0..8),
    ) {
        let mut builder = Query::builder();
        for (kind, value, negate) in &steps {
            builder = match (kind, negate) {
                (0, false) => builder.id(IdKeyword::AssignedTo, value),
                (0, true) => builder.not_id(IdKeyword::Foreign, value),
                (1, _) => builder.language(value),
                (2, _) => builder.text(value),
                (3, _) => builder.flag(BoolKeyword::AssignedToMe, *negate),
                (4, false) => builder.status(Status::New),
                (4, true) => builder.not_status(Status::Replied),
                _ => builder.order(Order { field: OrderField::CreatedAt, direction: if *negate { SortDirection::Asc } else { SortDirection::Desc } }),
            };
        }
        match builder.build() {
            Ok(query) => prop_assert_eq!(query.as_str().parse::<Query>(), Ok(query.clone())),
            Err(error) => {
                let parsed = error.source_text().parse::<Query>();
                prop_assert!(parsed.is_err(), "the parser accepts `{}`", error.source_text());
                let errors = |e: &ringq::Error| e.errors().map(|d| (d.code(), d.span())).collect::<Vec<_>>();
                prop_assert_eq!(errors(&error), errors(&parsed.unwrap_err()));
            }
        }
    }
}
